"""The report's figures equal sums worked out in Python and in hand-written SQL."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest

from quynhnhai_desktop.domain.periods import Period, calendar_month, date_range, statistical_month
from quynhnhai_desktop.domain.report import Breakdown, ReportData, report_from_jsonable, to_jsonable
from quynhnhai_desktop.domain.report_text import draft_results, summary_text
from quynhnhai_desktop.services import report
from quynhnhai_desktop.services.report_data import aggregate
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import Profile, Venue
from tests.support.report_helpers import OWN, Recorded, build_months, expected_totals, sql_totals

SEPTEMBER = calendar_month(2021, 9)
STAT_SEPTEMBER = statistical_month(2021, 9)


@pytest.fixture
def months(commune_db: Database) -> list[Recorded]:
    return build_months(commune_db)


def _figures(db: Database, period: Period) -> ReportData:
    with db.session() as session:
        profile = session.get(Profile, 1)
        assert profile is not None
        return aggregate(session, profile, period)


def as_counter(breakdown: Breakdown) -> Counter[str]:
    out: Counter[str] = Counter()
    for line in breakdown.lines:
        out[f"{line.key}|#"] += line.activities
        for code, value in line.values.items():
            out[f"{line.key}|{code}"] += value
    return out


def _total_counter(data: ReportData) -> Counter[str]:
    out: Counter[str] = Counter({"*|#": data.totals.activities})
    out.update({f"*|{k}": v for k, v in data.totals.values.items()})
    return out


@pytest.mark.parametrize("period", [SEPTEMBER, STAT_SEPTEMBER], ids=["calendar", "statistical"])
def test_every_breakdown_equals_python_sums_and_direct_sql(
    commune_db: Database, months: list[Recorded], period: Period
) -> None:
    data = _figures(commune_db, period)
    expected = expected_totals(months, period)
    database_file = str(commune_db.engine.url.database)
    for group, breakdown in (
        ("form", data.by_form),
        ("topic", data.by_topic),
        ("village", data.by_village),
        ("team", data.by_team),
    ):
        got = as_counter(breakdown)
        assert got == expected[group], group
        assert got == sql_totals(database_file, period, group), group
    assert _total_counter(data) == expected["total"] == sql_totals(database_file, period, "total")
    assert data.totals.activities > 30


def test_totals_lines_add_up_except_topics_which_count_each_activity_once(
    commune_db: Database, months: list[Recorded]
) -> None:
    data = _figures(commune_db, SEPTEMBER)
    for breakdown in (data.by_form, data.by_village, data.by_team):
        assert sum(x.activities for x in breakdown.lines) == breakdown.total.activities
        for column in data.columns:
            assert sum(x.value(column.code) for x in breakdown.lines) == breakdown.total.value(
                column.code
            )
    topic_sum = sum(x.activities for x in data.by_topic.lines)
    assert topic_sum > data.by_topic.total.activities == data.totals.activities


def test_outside_the_period_deleted_and_other_communes_are_left_out(
    commune_db: Database, months: list[Recorded]
) -> None:
    september = [m for m in months if SEPTEMBER.contains(m.draft.date)]
    live_own = [m for m in september if m.commune == OWN and not m.deleted]
    assert any(m.deleted for m in september)  # the data has all three kinds to exclude
    assert any(m.commune != OWN for m in september)
    assert _figures(commune_db, SEPTEMBER).totals.activities == len(live_own)


def test_the_statistical_window_takes_the_15th_to_the_14th(
    commune_db: Database, months: list[Recorded]
) -> None:
    live = [m for m in months if m.commune == OWN and not m.deleted]
    window = [m for m in live if dt.date(2021, 8, 15) <= m.draft.date <= dt.date(2021, 9, 14)]
    data = _figures(commune_db, STAT_SEPTEMBER)
    assert data.totals.activities == len(window)
    assert {m.draft.date for m in window} >= {dt.date(2021, 8, 15), dt.date(2021, 9, 14)}
    assert data.previous_period == statistical_month(2021, 8)
    previous = [m for m in live if dt.date(2021, 7, 15) <= m.draft.date <= dt.date(2021, 8, 14)]
    assert data.previous_totals.activities == len(previous)


def test_change_against_the_previous_month(commune_db: Database, months: list[Recorded]) -> None:
    data = _figures(commune_db, SEPTEMBER)
    august = _figures(commune_db, calendar_month(2021, 8))
    assert data.previous_totals.activities == august.totals.activities
    assert data.change() == data.totals.activities - august.totals.activities
    for column in data.columns:
        assert data.change(column.code) == data.totals.value(column.code) - august.totals.value(
            column.code
        )


def test_any_date_range_works_too(commune_db: Database, months: list[Recorded]) -> None:
    week = date_range(dt.date(2021, 9, 6), dt.date(2021, 9, 12))
    data = _figures(commune_db, week)
    expected = expected_totals(months, week)
    assert _total_counter(data) == expected["total"]
    assert data.previous_period.end == dt.date(2021, 9, 5)


def test_villages_without_activities_show_zero_and_the_whole_commune_line_is_last(
    commune_db: Database, months: list[Recorded]
) -> None:
    data = _figures(commune_db, SEPTEMBER)
    labels = [x.label for x in data.by_village.lines]
    assert labels[:4] == ["Bản Thử 01", "Bản Thử 02", "Bản Thử 03", "Bản Thử 04"]
    assert labels[-1] == "Toàn xã"
    assert data.villages_total == 4
    empty = _figures(commune_db, calendar_month(2021, 5))
    assert [x.activities for x in empty.by_village.lines] == [0] * 5
    assert "chưa ghi nhận hoạt động" in draft_results(empty)


def test_venue_qr_situation_at_the_end_of_the_period(commune_db: Database) -> None:
    rows = [
        ("market", True, dt.date(2021, 7, 1), "https://qr.tokhaiyte.vn/c/1", 2, "active"),
        ("market", True, dt.date(2021, 9, 10), "", 1, "active"),
        ("school", True, dt.date(2021, 10, 2), "x", 0, "active"),  # after September
        ("school", False, None, "", 0, "active"),
        ("school", True, None, "y", 3, "active"),  # registered, date unknown
        ("shop", True, dt.date(2021, 9, 1), "z", 1, "closed"),  # closed: not counted
    ]
    with commune_db.session() as session:
        for n, (category, registered, on, qr, posters, status) in enumerate(rows):
            session.add(
                Venue(
                    commune_code=OWN,
                    code=f"{OWN}-{n:04d}",
                    name=f"V{n}",
                    name_folded=f"v{n}",
                    sort_key=b"v",
                    category=category,
                    registered=registered,
                    registered_on=on,
                    qr_content=qr,
                    posters_printed=posters,
                    status=status,
                )
            )
    venues = _figures(commune_db, SEPTEMBER).venues
    by_key = {line.key: line for line in venues.lines}
    assert [line.key for line in venues.lines] == ["market", "school"]  # catalog order
    assert (by_key["market"].venues, by_key["market"].registered, by_key["market"].new) == (2, 2, 1)
    assert (by_key["school"].venues, by_key["school"].registered, by_key["school"].new) == (3, 1, 0)
    total = venues.total
    assert (total.venues, total.registered, total.new, total.unregistered) == (5, 3, 1, 2)
    assert (total.official_qr, total.posters) == (2, 6)
    assert venues.previous_registered == 2
    assert venues.lines[0].label == "Chợ"


def test_the_figures_survive_a_trip_through_json(
    commune_db: Database, months: list[Recorded]
) -> None:
    data = _figures(commune_db, STAT_SEPTEMBER)
    text = json.dumps(to_jsonable(data), ensure_ascii=False)
    assert report_from_jsonable(json.loads(text)) == data


def test_draft_and_summary_speak_plain_vietnamese(
    commune_db: Database, months: list[Recorded]
) -> None:
    data = _figures(commune_db, SEPTEMBER)
    draft = draft_results(data)
    total = f"{data.totals.activities} hoạt động tuyên truyền"
    assert draft.startswith("Trong tháng 9 năm 2021 (từ ngày 01/9/2021 đến ngày 30/9/2021)")
    assert total in draft
    summary = summary_text(data)
    assert summary.startswith("UBND xã Mường Giàng báo cáo nhanh kết quả tuyên truyền tháng 9/2021")
    assert total in summary and "\n" not in summary


def test_texts_are_saved_per_period_and_the_draft_stays_live_until_edited(
    commune_db: Database, months: list[Recorded]
) -> None:
    first = report.prepare(commune_db, SEPTEMBER, today=dt.date(2021, 10, 20))
    assert first.results_drafted and first.narrative.number == ""
    assert first.narrative.report_date == dt.date(2021, 10, 5)  # a few days after the end
    report.save_texts(
        commune_db,
        SEPTEMBER,
        number="05",
        report_date=dt.date(2021, 10, 5),
        results=None,
        difficulties="Sóng điện thoại yếu ở bản vùng cao.",
        proposals="",
    )
    again = report.prepare(commune_db, SEPTEMBER)
    assert again.results_drafted and again.narrative.number == "05"
    assert again.narrative.difficulties == "Sóng điện thoại yếu ở bản vùng cao."
    edited = "Ke\u0302\u0301t qua\u0309 to\u0302\u0301t."  # typed in NFD on some keyboard
    report.save_texts(
        commune_db,
        SEPTEMBER,
        number="05",
        report_date=dt.date(2021, 10, 5),
        results=edited,
        difficulties="",
        proposals="",
    )
    saved = report.prepare(commune_db, SEPTEMBER)
    assert not saved.results_drafted and saved.narrative.results == "Kết quả tốt."
    other = report.prepare(commune_db, STAT_SEPTEMBER)  # another rule: its own texts
    assert other.results_drafted and other.narrative.number == ""


def test_a_number_with_a_slash_is_refused(commune_db: Database) -> None:
    from quynhnhai_desktop.domain.errors import UserError

    with pytest.raises(UserError, match="before the slash"):
        report.save_texts(
            commune_db,
            SEPTEMBER,
            number="05/BC-UBND",
            report_date=dt.date(2021, 10, 5),
            results=None,
            difficulties="",
            proposals="",
        )


@pytest.mark.parametrize("two_campaigns", [False, True], ids=["one-campaign", "two-campaigns"])
def test_every_query_of_the_report_reads_only_its_period(
    filled_db: Database, two_campaigns: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each statement that reads activities finds the period's rows by date in the live
    index, never by walking every row of the commune (what made a month's report grow
    with the whole table: the grouped sums chose the by-form index)."""
    import sqlite3

    from quynhnhai_desktop.services import report as report_service
    from tests.benchmarks.activity_data import add_second_campaign

    if two_campaigns:  # every query then filters by campaign too
        add_second_campaign(filled_db, 20)
    statements: list[tuple[str, object]] = []
    real = report_service.session_connection

    class Recording:  # the plain connection the report's SQL runs on, each statement seen
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def execute(self, sql: str, params: object = ()) -> sqlite3.Cursor:
            statements.append((sql, params))
            return self.conn.execute(sql, params)  # type: ignore[arg-type]

    monkeypatch.setattr(report_service, "session_connection", lambda s: Recording(real(s)))
    bundle = report.prepare(filled_db, calendar_month(2021, 10))
    assert bundle.data.totals.activities > 0
    reading = [(sql, params) for sql, params in statements if "FROM activity " in sql]
    # the activities, their topics and their values
    assert len(reading) == 3, [sql for sql, _ in reading]
    # the previous month's totals: one key range of the monthly sums
    sums = [(sql, params) for sql, params in statements if "FROM activity_month_sum" in sql]
    assert len(sums) == 1, statements
    with sqlite3.connect(str(filled_db.engine.url.database)) as conn:
        plan = [row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {sums[0][0]}", sums[0][1])]  # type: ignore[arg-type]
        assert plan[0].startswith(
            "SEARCH activity_month_sum USING PRIMARY KEY (commune_code=? AND month=?"
        ), plan
        for sql, params in reading:
            plan = [row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]  # type: ignore[arg-type]
            on_activity = [step for step in plan if step.startswith(("SEARCH activity ", "SCAN"))]
            assert on_activity == [
                "SEARCH activity USING COVERING INDEX ix_activity_live "
                "(commune_code=? AND deleted_at=? AND date>? AND date<?)"
            ], (sql, plan)
