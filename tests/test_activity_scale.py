"""What keeps the activity log fast at a million rows: month sums, chunked ids, plans.

Each behaviour is checked on a small database; the timings at 10k/100k/1M are in
tests/benchmarks/test_million.py.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from quynhnhai_desktop.cli import main
from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.gui.activities import model as model_module
from quynhnhai_desktop.gui.activities.model import ActivityTableModel
from quynhnhai_desktop.services import activities, activity_queries, health
from quynhnhai_desktop.services.activity_queries import ActivityFilter
from quynhnhai_desktop.store import month_sums
from quynhnhai_desktop.store.database import Database
from tests import activity_data
from tests.activity_data import COMMUNE


def _rows_totals(db: Database, flt: ActivityFilter) -> activity_queries.Totals:
    with db.read_session() as session:
        return activity_queries._totals_from_rows(session, flt)


def _totals(db: Database, flt: ActivityFilter) -> activity_queries.Totals:
    with db.read_session() as session:
        return activity_queries.totals(session, flt)


def _mismatches(db: Database) -> int:
    with db.read_session() as session:
        return month_sums.mismatches(session.connection())


@pytest.fixture
def logged(commune_db: Database) -> Database:
    activity_data.add_villages(commune_db)
    rng = random.Random(7)
    for _ in range(40):
        day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(200))
        activity_data.add(
            commune_db,
            day.strftime("%d/%m/%Y"),
            village=rng.choice([None, "Bản Nà", "Bản Đán"]),
            team=rng.choice(["Đoàn Thanh niên", "Hội Phụ nữ"]),
            sessions=1,
            people=rng.randint(1, 90),
        )
    return commune_db


def test_month_sums_follow_every_write(logged: Database) -> None:
    """Entry, edit, delete, undo and a hard delete keep the sums equal to the rows."""
    catalog = first_campaign()
    assert _mismatches(logged) == 0
    with logged.session() as session:
        ids = list(activity_queries.ordered_ids(session, ActivityFilter(COMMUNE), catalog))
    moved = activity_data.draft(logged, "03/08/2021", village="Bản Dũng", people=333)
    with logged.session() as session:
        activities.update_activity(session, ids[0], moved, catalog)
    with logged.session() as session:
        activities.soft_delete(session, ids[1:4])
    assert _mismatches(logged) == 0
    with logged.session() as session:
        activities.restore(session, ids[2:3])
        session.connection().execute(text("DELETE FROM activity WHERE id = :id"), {"id": ids[5]})
    assert _mismatches(logged) == 0
    everything = ActivityFilter(COMMUNE)
    assert _totals(logged, everything) == _rows_totals(logged, everything)
    assert _totals(logged, everything).activities == 40 - 3 + 1 - 1


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (None, None),
        (dt.date(2021, 2, 1), dt.date(2021, 4, 30)),  # whole months: the sums alone
        (dt.date(2021, 2, 10), dt.date(2021, 5, 3)),  # partial months at both ends
        (dt.date(2021, 3, 5), dt.date(2021, 3, 20)),  # inside one month
        (dt.date(2021, 3, 5), None),
        (None, dt.date(2021, 3, 20)),
        (dt.date(2021, 5, 1), dt.date(2021, 3, 1)),  # typed the wrong way round: nothing
    ],
)
def test_totals_from_sums_equal_the_rows(
    logged: Database, start: dt.date | None, end: dt.date | None
) -> None:
    nà = activity_data.village_id(logged, "Bản Nà")
    women = activity_data.team_id(logged, "Hội Phụ nữ")
    for flt in (
        ActivityFilter(COMMUNE, start=start, end=end),
        ActivityFilter(COMMUNE, start=start, end=end, village_id=nà),
        ActivityFilter(COMMUNE, start=start, end=end, village_id=0, team_id=women),
        ActivityFilter(COMMUNE, start=start, end=end, form_code="direct"),
        ActivityFilter(COMMUNE, start=start, end=end, search="ban na"),  # rows: a search
    ):
        assert _totals(logged, flt) == _rows_totals(logged, flt), flt


def test_check_full_finds_and_rebuilds_wrong_sums(
    logged: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[int] = []
    assert health.check(logged, progress=lambda done, total: seen.append(done)).ok
    assert seen[-1] == 100 and seen == sorted(seen)
    with logged.session() as session:
        session.connection().execute(text(f"UPDATE {month_sums.TABLE} SET total = total + 5"))
    assert _mismatches(logged) > 0
    report = health.check(logged, full=True)
    assert report.problems == ["month sums differed from the activities: rebuilt"]
    assert _mismatches(logged) == 0
    assert health.check(logged, full=True).ok


def test_check_and_backup_print_progress(
    paths: Path, logged: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = logged.engine.url.database
    assert folder is not None
    data_dir = str(Path(folder).parent)
    logged.close()
    assert main(["--data-dir", data_dir, "check", "--full"]) == 0
    captured = capsys.readouterr()
    assert "Đang kiểm tra… 100%" in captured.err and "Tính toàn vẹn: tốt" in captured.out
    assert main(["--data-dir", data_dir, "backup", "create"]) == 0
    captured = capsys.readouterr()
    assert "Đang sao lưu… 100%" in captured.err and "Traceback" not in captured.err


def test_the_list_loads_ids_a_chunk_at_a_time(
    qtbot: QtBot, logged: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(model_module, "ID_CHUNK", 15)
    model = ActivityTableModel(logged, first_campaign(), ActivityFilter(COMMUNE))
    model.refresh()
    assert model.rowCount() == 15 and model.canFetchMore() and not model.complete
    model.fetchMore()
    assert model.rowCount() == 30
    with logged.read_session() as session:
        every = activity_queries.ordered_ids(session, ActivityFilter(COMMUNE), first_campaign())
    assert model.row_of(every[-1]) == 39  # found by loading the rest
    assert model.complete and not model.canFetchMore()
    assert [model.activity_id(r) for r in range(40)] == list(every)


def _plan(db: Database, flt: ActivityFilter, sort: str) -> str:
    with db.read_session() as session:
        query = activity_queries.ordered_ids_query(
            session, flt, first_campaign(), sort=sort, limit=1001, offset=0
        )
        compiled = query.compile(
            dialect=session.connection().dialect, compile_kwargs={"literal_binds": True}
        )
        rows = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")
        return "\n".join(str(row[-1]) for row in rows)


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"start": dt.date(2021, 3, 1), "end": dt.date(2021, 3, 31)},
        {"village_id": 1},
        {"village_id": 0},
        {"team_id": 1},
        {"form_code": "direct"},
        {"topic_code": "bluezone"},
        {"search": "ban na"},
    ],
)
def test_filters_read_the_covering_index(logged: Database, change: dict[str, object]) -> None:
    """No filter scans the activity table: the live-rows index answers, in date order."""
    plan = _plan(logged, ActivityFilter(COMMUNE, **change), "date")  # type: ignore[arg-type]
    assert "USING COVERING INDEX ix_activity_live" in plan, plan
    assert "SCAN activity\n" not in plan + "\n" and "TEMP B-TREE FOR ORDER BY" not in plan


@pytest.mark.parametrize("sort", ["village", "team", "form", "note", "people"])
def test_other_sorts_read_the_index_not_the_table(logged: Database, sort: str) -> None:
    """Other orders sort (a top-N sort under LIMIT) but read the rows from an index."""
    plan = _plan(logged, ActivityFilter(COMMUNE), sort)
    assert "SCAN activity\n" not in plan + "\n", plan
    assert "ix_activity_live" in plan, plan
