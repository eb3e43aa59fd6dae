"""The report's plain-SQL reader (services.report_read) gives what the ORM path gave.

The window (report.prepare, on the connection under its session) and ``report monthly``
(a plain sqlite3 connection, the campaign read without pydantic) run the same reader; both
are compared with the ORM services it replaced (tests/support/orm_report.py) on a database
with two campaigns, a moved unit, deactivated villages and teams, deleted activities,
codes a catalog does not know, venues of every QR situation, saved texts and an export.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.campaign import first_campaign, load_campaign
from quynhnhai_desktop.domain.campaign_choice import ReportCatalog, first_report_catalog
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.domain.periods import Period, date_range, month_period
from quynhnhai_desktop.services import (
    demo,
    package_export,
    profile,
    report,
    report_read,
    unit_history,
)
from quynhnhai_desktop.store.database import Database, open_database
from quynhnhai_desktop.store.plain import open_current, reading
from tests.benchmarks.activity_data import SECOND_CAMPAIGN, add_second_campaign
from tests.support.orm_report import prepare_by_orm

MADE_AT = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
TODAY = dt.date(2026, 12, 3)
SIGNER = ("Lò Văn Thành", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")


def _varied(paths: AppPaths) -> Database:
    db = open_database(paths.database_url)
    profile.set_up(db, profile.SetupRequest("commune", "03703", *SIGNER), keys_dir=paths.keys_dir)
    demo.fill(db, months=3, until=dt.date(2021, 11, 30))
    report.save_texts(
        db,
        month_period(2021, 10),
        number="07",
        report_date=dt.date(2021, 11, 4),
        results="Kết quả đã sửa.",
        difficulties="Mưa lũ.",
        proposals="",
    )
    report.save_texts(  # the results left as the live draft
        db,
        month_period(2021, 11),
        number="08",
        report_date=dt.date(2021, 12, 2),
        results=None,
        difficulties="",
        proposals="Thêm tờ rơi.",
    )
    package_export.export(db, paths, month_period(2021, 9), paths.exports_dir)
    unit_history.move(db, "03703", dt.date(2025, 7, 1))
    add_second_campaign(db, 40)
    with sqlite3.connect(paths.database) as conn:
        (village,) = conn.execute("SELECT min(id) FROM village").fetchone()
        conn.execute("UPDATE village SET active = 0 WHERE id = ?", (village,))
        conn.execute("UPDATE team SET active = 0 WHERE id = (SELECT max(id) FROM team)")
        conn.execute(  # deleted rows never count
            "UPDATE activity SET deleted_at = '2021-12-01 00:00:00' WHERE id % 17 = 0"
        )
        conn.execute(  # a form and a topic a newer catalog dropped
            "UPDATE activity SET form_code = 'retired_form' WHERE id % 23 = 0"
        )
        conn.execute(
            "INSERT INTO activity_topic (activity_id, topic_code) "
            "SELECT id, 'old_topic' FROM activity WHERE id % 19 = 0"
        )
        conn.execute("UPDATE venue SET category = 'ferry_kiosk' WHERE id = 2")
    return db


def _periods() -> list[tuple[Period, str | None]]:
    second = load_campaign(SECOND_CAMPAIGN).id
    return [
        (month_period(2021, 9), None),
        (month_period(2021, 10), None),
        (month_period(2021, 11), None),
        (month_period(2021, 10, "statistical"), None),
        (date_range(dt.date(2021, 9, 20), dt.date(2021, 10, 12)), None),
        (month_period(2026, 3), "covid-2021"),
        (month_period(2026, 3), second),
        (month_period(2026, 5, "statistical"), second),
    ]


def _same_made_at(bundle: report_read.Printable) -> report_read.ReportData:
    return dataclasses.replace(bundle.data, made_at=MADE_AT)


@pytest.fixture
def varied(paths: AppPaths) -> Database:
    return _varied(paths)


def test_the_window_and_the_command_read_what_the_orm_read(
    varied: Database, paths: AppPaths
) -> None:
    conn = open_current(paths.database)
    assert conn is not None
    try:
        for period, campaign_id in _periods():
            old = prepare_by_orm(varied, period, today=TODAY, campaign_id=campaign_id)
            new = report.prepare(varied, period, today=TODAY, campaign_id=campaign_id)
            assert _same_made_at(new) == _same_made_at(old), period
            assert (new.narrative, new.issuer, new.results_drafted) == (
                old.narrative,
                old.issuer,
                old.results_drafted,
            ), period
            assert (new.exported_revision, new.campaign) == (old.exported_revision, old.campaign)
            with reading(conn):
                plain = report_read.read_report(
                    conn,
                    period,
                    campaign_of=lambda stored: ReportCatalog.read(stored.source),
                    first=first_report_catalog,
                    today=TODAY,
                    campaign_id=campaign_id,
                )
            assert _same_made_at(plain) == _same_made_at(old), period
            assert (plain.narrative, plain.issuer) == (old.narrative, old.issuer), period
            assert (plain.results_drafted, plain.exported_revision) == (
                old.results_drafted,
                old.exported_revision,
            )
            assert plain.campaign.id == old.campaign.id
    finally:
        conn.close()
    # what the varied database holds is what the comparison covered
    september = report.prepare(varied, month_period(2021, 9), today=TODAY)
    assert september.exported_revision == 1 and september.issuer.unit_name == "Mường Giàng"
    assert any(line.key == "retired_form" for line in september.data.by_form.lines)
    assert any(line.key == "old_topic" for line in september.data.by_topic.lines)
    assert any(line.key == "ferry_kiosk" for line in september.data.venues.lines)
    october = report.prepare(varied, month_period(2021, 10), today=TODAY)
    assert october.narrative.results == "Kết quả đã sửa." and not october.results_drafted
    later = report.prepare(varied, month_period(2026, 3), today=TODAY, campaign_id="covid-2021")
    assert later.issuer.unit_name == "Quỳnh Nhai"


def test_several_campaigns_need_a_name_in_both_paths(varied: Database, paths: AppPaths) -> None:
    period = month_period(2026, 3)
    with pytest.raises(UserError) as orm:
        report.prepare(varied, period)
    conn = open_current(paths.database)
    assert conn is not None
    with pytest.raises(UserError) as plain, reading(conn):
        report_read.read_report(
            conn,
            period,
            campaign_of=lambda stored: ReportCatalog.read(stored.source),
            first=first_report_catalog,
        )
    conn.close()
    assert (plain.value.template, plain.value.params) == (orm.value.template, orm.value.params)


@pytest.mark.parametrize("path", ["shipped", "second"])
def test_a_campaign_file_reads_the_same_without_pydantic(path: str) -> None:
    from quynhnhai_desktop.domain.campaign import shipped_path

    source = (shipped_path("covid-2021") if path == "shipped" else SECOND_CAMPAIGN).read_bytes()
    model = load_campaign(
        shipped_path("covid-2021") if path == "shipped" else Path(SECOND_CAMPAIGN)
    )
    light = ReportCatalog.read(source)
    assert (light.id, dict(light.title), light.source) == (
        model.id,
        dict(model.title),
        model.source,
    )
    assert (light.runs_from, light.runs_to) == (model.runs_from, model.runs_to)
    assert [(i.code, i.vi, i.phrase) for i in light.indicators] == [
        (i.code, i.vi, i.phrase) for i in model.indicators
    ]
    assert [(f.code, f.vi, f.indicators) for f in light.forms] == [
        (f.code, f.vi, f.indicators) for f in model.forms
    ]
    assert [(t.code, t.vi) for t in light.topics] == [(t.code, t.vi) for t in model.topics]
    if path == "shipped":
        assert first_report_catalog() == light and first_campaign() == model


def test_a_whole_months_totals_from_the_monthly_sums_are_the_rows_totals(
    varied: Database, paths: AppPaths
) -> None:
    """The previous period's line of a calendar month is read from the monthly sums the
    triggers keep: after deletions, moved forms and two campaigns, the same as the rows."""
    from tests.support.orm_report import period_totals as orm_period_totals

    second = load_campaign(SECOND_CAMPAIGN).id
    months = [(2021, m) for m in range(8, 13)] + [(2026, m) for m in range(2, 6)]
    conn = open_current(paths.database)
    assert conn is not None
    try:
        with varied.session() as session, reading(conn):
            for (year, month), campaign_id in [
                (ym, c) for ym in months for c in (None, "covid-2021", second)
            ]:
                for period in (
                    month_period(year, month),
                    date_range(month_period(year, month).start, month_period(year, month).end),
                ):
                    expected = orm_period_totals(session, "03703", period, campaign_id)
                    found = report_read.period_totals(conn, "03703", period, campaign_id)
                    assert found == expected, (period, campaign_id)
            (count, _sums) = report_read.period_totals(conn, "03703", month_period(2021, 9))
            assert count > 0
    finally:
        conn.close()
