"""Reporting periods: the calendar month, the statistical month, or any date range.

Decree 09/2019/NĐ-CP (art. 12) closes a monthly report's figures on the 14th: its month
runs from the 15th of the previous month to the 14th of the reporting month. The district
takes either; the rule chosen is printed on the report. At the epidemic's peaks districts
asked for weekly figures, hence any date range. Pure functions, no database.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError

PeriodRule = Literal["calendar", "statistical", "custom"]
RULES: tuple[PeriodRule, ...] = ("calendar", "statistical", "custom")
STATISTICAL_FIRST_DAY = 15  # Decree 09/2019/NĐ-CP: 15th of the previous month…
STATISTICAL_LAST_DAY = 14  # …to the 14th of the reporting month
MAX_RANGE_DAYS = 366


@dataclass(frozen=True)
class Period:
    """The days a report covers, both ends included.

    ``year``/``month`` name the reporting month for the monthly rules (for the statistical
    rule September's month is 15/8–14/9); a custom range has neither.
    """

    start: dt.date
    end: dt.date
    rule: PeriodRule
    year: int | None = None
    month: int | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def is_monthly(self) -> bool:
        return self.rule != "custom"

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def previous(self) -> Period:
        """The period the report compares against: the month before, or as many days before."""
        if self.year is not None and self.month is not None and self.rule != "custom":
            year, month = _shift_month(self.year, self.month, -1)
            return month_period(year, month, self.rule)
        length = dt.timedelta(days=self.days)
        return Period(self.start - length, self.start - dt.timedelta(days=1), "custom")

    def key(self) -> str:
        """A short stable name: '2021-09', '2021-09s' (statistical), '2021-09-06..2021-09-12'."""
        if self.year is not None and self.month is not None and self.rule != "custom":
            suffix = "s" if self.rule == "statistical" else ""
            return f"{self.year:04d}-{self.month:02d}{suffix}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _last_day(year: int, month: int) -> dt.date:
    next_year, next_month = _shift_month(year, month, 1)
    return dt.date(next_year, next_month, 1) - dt.timedelta(days=1)


def calendar_month(year: int, month: int) -> Period:
    """1st to last day of the month."""
    return Period(dt.date(year, month, 1), _last_day(year, month), "calendar", year, month)


def statistical_month(year: int, month: int) -> Period:
    """15th of the previous month to the 14th of this one (Decree 09/2019/NĐ-CP, art. 12)."""
    prev_year, prev_month = _shift_month(year, month, -1)
    return Period(
        dt.date(prev_year, prev_month, STATISTICAL_FIRST_DAY),
        dt.date(year, month, STATISTICAL_LAST_DAY),
        "statistical",
        year,
        month,
    )


def month_period(year: int, month: int, rule: PeriodRule = "calendar") -> Period:
    if rule == "statistical":
        return statistical_month(year, month)
    if rule == "calendar":
        return calendar_month(year, month)
    raise ValueError(f"a month needs the calendar or statistical rule, not {rule!r}")


def date_range(start: dt.date, end: dt.date) -> Period:
    """Any range of whole days; refused when reversed or longer than a year."""
    if end < start:
        raise UserError(
            "periods",
            QT_TRANSLATE_NOOP("periods", "The end date {end} is before the start date {start}."),
            start=start.strftime("%d/%m/%Y"),
            end=end.strftime("%d/%m/%Y"),
        )
    if (end - start).days + 1 > MAX_RANGE_DAYS:
        raise UserError(
            "periods",
            QT_TRANSLATE_NOOP("periods", "A report covers at most {days} days."),
            days=MAX_RANGE_DAYS,
        )
    return Period(start, end, "custom")


def month_containing(day: dt.date, rule: PeriodRule = "calendar") -> Period:
    """The reporting month a day belongs to (after the 14th it is next month's statistical)."""
    if rule == "statistical" and day.day >= STATISTICAL_FIRST_DAY:
        year, month = _shift_month(day.year, day.month, 1)
        return statistical_month(year, month)
    return month_period(day.year, day.month, "statistical" if rule == "statistical" else "calendar")


# What strptime(text, "%Y-%m") accepts (its own patterns for %Y and %m), without importing
# _strptime (a command's start-up time).
_MONTH = re.compile(r"(\d\d\d\d)-(1[0-2]|0[1-9]|[1-9])", re.IGNORECASE)


def parse_month(text: str) -> tuple[int, int]:
    """'2021-09' → (2021, 9); a clear, translatable error otherwise."""
    found = _MONTH.fullmatch(text.strip())
    if found is None or int(found[1]) < dt.MINYEAR:
        raise UserError(
            "periods",
            QT_TRANSLATE_NOOP(
                "periods", "Write the month as YYYY-MM, e.g. 2021-09 (got “{text}”)."
            ),
            text=text,
        )
    return int(found[1]), int(found[2])


def parse_day(text: str) -> dt.date:
    """A day as 2021-09-06 or 06/09/2021 (the way clerks write it)."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise UserError(
        "periods",
        QT_TRANSLATE_NOOP("periods", "Write the day as YYYY-MM-DD or DD/MM/YYYY (got “{text}”)."),
        text=text,
    )
