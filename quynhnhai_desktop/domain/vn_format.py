"""Numbers and dates the way Vietnamese administrative documents write them.

The official report is always in Vietnamese, whatever the interface language, so these are
plain functions with Vietnamese text, not translations. Decree 30/2020/NĐ-CP writes a zero
before days below 10 and before months 1 and 2 ("ngày 05 tháng 02", but "tháng 9").
"""

from __future__ import annotations

import datetime as dt

from quynhnhai_desktop.domain.periods import Period


def number(value: int) -> str:
    """1234567 → '1.234.567' (Vietnamese thousands separator)."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")


def signed(value: int) -> str:
    """A change against the previous period: '+12', '-3', '0'."""
    return f"+{number(value)}" if value > 0 else number(value)


def day_part(day: dt.date) -> str:
    return f"{day.day:02d}"


def month_part(day: dt.date) -> str:
    """'02' for January and February, '9' for September, '10' for October (Decree 30)."""
    return f"{day.month:02d}" if day.month < 3 else str(day.month)


def short_date(day: dt.date) -> str:
    """'05/10/2021', '01/9/2021', '15/02/2021': the Decree 30 rule in the slash form."""
    return f"{day_part(day)}/{month_part(day)}/{day.year}"


def long_date(day: dt.date) -> str:
    """'ngày 05 tháng 10 năm 2021'."""
    return f"ngày {day_part(day)} tháng {month_part(day)} năm {day.year}"


def place_date(place: str, day: dt.date) -> str:
    """The italic line under the national motto: 'Mường Giàng, ngày 05 tháng 10 năm 2021'."""
    return f"{place}, {long_date(day)}"


def span(period: Period) -> str:
    """'từ ngày 01/9/2021 đến ngày 30/9/2021'."""
    return f"từ ngày {short_date(period.start)} đến ngày {short_date(period.end)}"


def period_name(period: Period) -> str:
    """How the title names the period: 'tháng 9 năm 2021' or 'từ ngày … đến ngày …'."""
    if period.year is not None and period.month is not None and period.is_monthly:
        return f"tháng {period.month} năm {period.year}"
    return span(period)


def period_short(period: Period) -> str:
    """For headings and sheet titles: 'tháng 9/2021' or '06/9/2021 - 12/9/2021'."""
    if period.year is not None and period.month is not None and period.is_monthly:
        return f"tháng {period.month}/{period.year}"
    return f"{short_date(period.start)} - {short_date(period.end)}"


def rule_note(period: Period) -> str:
    """The sentence that says which days the figures cover and by which rule."""
    if period.rule == "statistical":
        return (
            f"số liệu tính {span(period)}, theo thời gian chốt số liệu báo cáo hằng tháng "
            "quy định tại Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ"
        )
    if period.rule == "calendar":
        return f"số liệu tính theo tháng dương lịch, {span(period)}"
    return f"số liệu tính {span(period)}"
