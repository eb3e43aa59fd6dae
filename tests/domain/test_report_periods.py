"""Reporting periods and the Vietnamese way of writing their dates and numbers."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from quynhnhai_desktop.domain import vn_format
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.domain.periods import (
    calendar_month,
    date_range,
    month_containing,
    parse_day,
    parse_month,
    statistical_month,
)

D = dt.date


def test_calendar_month_runs_from_the_first_to_the_last_day() -> None:
    assert (calendar_month(2021, 9).start, calendar_month(2021, 9).end) == (
        D(2021, 9, 1),
        D(2021, 9, 30),
    )
    leap = calendar_month(2024, 2)
    assert (leap.end, leap.days) == (D(2024, 2, 29), 29)
    assert calendar_month(2021, 12).end == D(2021, 12, 31)


def test_statistical_month_runs_from_the_15th_to_the_14th() -> None:
    september = statistical_month(2021, 9)
    assert (september.start, september.end) == (D(2021, 8, 15), D(2021, 9, 14))
    january = statistical_month(2022, 1)
    assert (january.start, january.end) == (D(2021, 12, 15), D(2022, 1, 14))
    assert not september.contains(D(2021, 8, 14)) and september.contains(D(2021, 8, 15))
    assert september.contains(D(2021, 9, 14)) and not september.contains(D(2021, 9, 15))


def test_previous_period_follows_the_same_rule() -> None:
    assert calendar_month(2021, 1).previous() == calendar_month(2020, 12)
    assert statistical_month(2021, 3).previous() == statistical_month(2021, 2)
    week = date_range(D(2021, 9, 6), D(2021, 9, 12))
    before = week.previous()
    assert (before.start, before.end, before.rule) == (D(2021, 8, 30), D(2021, 9, 5), "custom")


def test_consecutive_months_tile_the_calendar_without_gaps_or_overlaps() -> None:
    for make in (calendar_month, statistical_month):
        periods = [make(2020 + i // 12, i % 12 + 1) for i in range(36)]
        for earlier, later in itertools.pairwise(periods):
            assert later.start == earlier.end + dt.timedelta(days=1)


def test_a_day_belongs_to_its_reporting_month() -> None:
    assert month_containing(D(2021, 9, 14), "statistical") == statistical_month(2021, 9)
    assert month_containing(D(2021, 9, 15), "statistical") == statistical_month(2021, 10)
    assert month_containing(D(2021, 12, 20), "statistical") == statistical_month(2022, 1)
    assert month_containing(D(2021, 9, 15)) == calendar_month(2021, 9)


def test_ranges_and_parsing_refuse_nonsense_with_a_clear_message() -> None:
    with pytest.raises(UserError, match="before the start"):
        date_range(D(2021, 9, 12), D(2021, 9, 6))
    with pytest.raises(UserError, match="at most 366 days"):
        date_range(D(2020, 1, 1), D(2021, 6, 1))
    assert parse_month("2021-09") == (2021, 9)
    with pytest.raises(UserError, match="YYYY-MM"):
        parse_month("09/2021")
    assert parse_day("06/09/2021") == parse_day("2021-09-06") == D(2021, 9, 6)
    with pytest.raises(UserError):
        parse_day("6 Sept")


def test_period_keys_name_rule_and_days() -> None:
    assert calendar_month(2021, 9).key() == "2021-09"
    assert statistical_month(2021, 9).key() == "2021-09s"
    assert date_range(D(2021, 9, 6), D(2021, 9, 12)).key() == "2021-09-06..2021-09-12"


def test_decree_30_dates_have_a_zero_before_small_days_and_january_february() -> None:
    assert vn_format.place_date("Mường Giàng", D(2021, 10, 5)) == (
        "Mường Giàng, ngày 05 tháng 10 năm 2021"
    )
    assert vn_format.long_date(D(2021, 2, 9)) == "ngày 09 tháng 02 năm 2021"
    assert vn_format.long_date(D(2021, 1, 15)) == "ngày 15 tháng 01 năm 2021"
    assert vn_format.long_date(D(2021, 3, 1)) == "ngày 01 tháng 3 năm 2021"
    assert vn_format.long_date(D(2021, 12, 31)) == "ngày 31 tháng 12 năm 2021"
    assert vn_format.short_date(D(2021, 9, 1)) == "01/9/2021"


def test_numbers_use_the_vietnamese_thousands_dot() -> None:
    assert vn_format.number(0) == "0"
    assert vn_format.number(1234567) == "1.234.567"
    assert vn_format.signed(1200) == "+1.200"
    assert vn_format.signed(-5) == "-5"
    assert vn_format.signed(0) == "0"


def test_the_rule_is_named_in_words() -> None:
    assert "Nghị định số 09/2019/NĐ-CP" in vn_format.rule_note(statistical_month(2021, 9))
    assert "từ ngày 15/8/2021 đến ngày 14/9/2021" in vn_format.rule_note(statistical_month(2021, 9))
    assert "tháng dương lịch" in vn_format.rule_note(calendar_month(2021, 9))
    assert vn_format.period_name(calendar_month(2021, 9)) == "tháng 9 năm 2021"
    week = date_range(D(2021, 9, 6), D(2021, 9, 12))
    assert vn_format.period_name(week) == "từ ngày 06/9/2021 đến ngày 12/9/2021"


@pytest.mark.parametrize(
    "text",
    [
        "2021-09", " 2021-9 ", "2021-12", "2021-00", "2021-13", "0000-01", "0001-01", "9999-12",
        "2021-009", "21-09", "2021/09", "2021-09-01", "２０２１-０９", "٢٠٢١-٠٩", "2021 -09", "",
        "-2021-09", "+2021-09", "2021-+9", "2021-1\n", "\t2021-10\t",
    ],
)  # fmt: skip
def test_a_month_parses_as_strptime_parses_it(text: str) -> None:
    try:
        parsed = dt.datetime.strptime(text.strip(), "%Y-%m")
    except ValueError:
        with pytest.raises(UserError):
            parse_month(text)
    else:
        assert parse_month(text) == (parsed.year, parsed.month)
