"""The list sorted by a count column or the note, keyset-paged (issue 19): the sort keys the
triggers keep (store/sort_keys.py), the pages read from them, and the plans of their reads.

The oracle is :func:`activity_queries.ordered_ids_query`: every row sorted by SQLite.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

import pytest
from sqlalchemy import text

from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.services import activities, activity_queries, campaigns, health
from quynhnhai_desktop.services.activity_queries import ActivityFilter
from quynhnhai_desktop.store import sort_keys
from quynhnhai_desktop.store.database import Database
from tests.support import activity_data
from tests.support.activity_data import COMMUNE

NOTES = ["", "", "", "Họp dân", "Bản Nà", "a", "zz", "Zz"]


def _add_log(db: Database, count: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    ids = []
    for _ in range(count):
        day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(60))
        values = {
            "sessions": rng.choice([0, 0, 1, 2]),
            "people": rng.choice([0, 5, 5, 40, 90]),
            "bluezone_installs": rng.choice([0, 0, 3]),
            "health_book_installs": rng.choice([0, 2, 3]),
        }
        ids.append(
            activity_data.add(
                db,
                day.strftime("%d/%m/%Y"),
                village=rng.choice([None, "Bản Nà", "Bản Đán"]),
                team=rng.choice(["Đoàn Thanh niên", "Hội Phụ nữ"]),
                form=rng.choice(["direct", "install_support"]),
                topics=tuple(
                    rng.sample(["bluezone", "health_book", "venue_qr"], rng.randint(1, 2))
                ),
                note=rng.choice(NOTES),
                **{code: value for code, value in values.items() if value},
            )
        )
    return ids


@pytest.fixture
def keyed(commune_db: Database) -> Database:
    """A log of two campaigns, with deleted, restored and edited rows."""
    from tests.benchmarks.activity_data import add_second_campaign

    activity_data.add_villages(commune_db)
    ids = _add_log(commune_db, 60, 5)
    add_second_campaign(commune_db, 15, random.Random(3))
    catalog = first_campaign()
    with commune_db.session() as session:
        activities.soft_delete(session, ids[:8])
        activities.restore(session, ids[2:4])
        moved = activity_data.draft(
            commune_db, "03/02/2021", village="Bản Đán", people=333, note="zz", topics=("venue_qr",)
        )
        activities.update_activity(session, ids[10], moved, catalog)
    return commune_db


def _wrong(db: Database) -> int:
    with db.read_session() as session:
        return sort_keys.mismatches(session.connection())


def _count_keys(db: Database) -> int:
    with db.read_session() as session:
        return int(
            session.connection().execute(text(f"SELECT count(*) FROM {sort_keys.TABLE}")).scalar()
            or 0
        )


FILTERS: list[dict[str, object]] = [
    {},
    {"campaign_id": "covid-2021"},
    {"campaign_id": "digital-2026"},
    {"village_id": 0},
    {"village_id": 1, "team_id": 1},
    {"topic_code": "bluezone"},
    {"start": dt.date(2021, 1, 10), "end": dt.date(2021, 1, 31), "form_code": "direct"},
    {"search": "ban na"},
    {"search": "b", "team_id": 2},
]
SORTS = ["sessions", "people", "installs", "note"]
# The ways a page is read: the walk in windows (a search: its matches from the FTS index,
# or each row's text tested), a walk whose budget runs out (SQLite then sorts the filter's
# rows from the last row loaded), and a search's few matches sorted.
PATHS: dict[str, dict[str, int]] = {
    "walk": {
        "FEW_MATCHES": 0, "KEY_WINDOW": 2, "KEY_GROWTH": 2, "FTS_WINDOW": 2, "FTS_WINDOW_CAP": 3,
    },
    "walk, the text tested": {
        "FEW_MATCHES": 0, "DENSE_MATCHES": 0, "KEY_WINDOW": 2, "KEY_GROWTH": 2,
    },
    "giving up": {
        "FEW_MATCHES": 0, "KEY_WINDOW": 3, "KEY_GROWTH": 1, "KEY_BUDGET": 5, "FTS_WINDOW": 3,
        "FTS_WINDOW_CAP": 3, "FTS_BUDGET": 5,
    },
    "giving up, the text tested": {
        "FEW_MATCHES": 0, "DENSE_MATCHES": 0, "KEY_WINDOW": 3, "KEY_GROWTH": 1, "KEY_BUDGET": 5,
    },
    "few": {"FEW_MATCHES": 10**6},
}  # fmt: skip


def _oracle(db: Database, flt: ActivityFilter, sort: str, descending: bool) -> list[int]:
    with db.read_session() as session:
        query = activity_queries.ordered_ids_query(
            session, flt, first_campaign(), sort=sort, descending=descending
        )
        return [row[0] for row in session.connection().execute(query)]


def _paged(db: Database, flt: ActivityFilter, sort: str, descending: bool, size: int) -> list[int]:
    paged: list[int] = []
    with db.read_session() as session:
        while True:
            page = activity_queries.ordered_ids(
                session, flt, first_campaign(), sort=sort, descending=descending, limit=size,
                offset=len(paged), after=paged[-1] if paged else None,  # as the list asks
            )  # fmt: skip
            paged += page
            if len(page) < size:
                return paged


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("descending", [True, False])
def test_pages_after_pages_are_the_order_sqlite_sorts(
    keyed: Database, monkeypatch: pytest.MonkeyPatch, sort: str, descending: bool
) -> None:
    """Page after page (``after=``), each way of reading gives exactly the ORDER BY of every
    row: both campaigns, zeros and ties (the newest day first, then the id), filters."""
    for change in FILTERS:
        flt = ActivityFilter(COMMUNE, **change)  # type: ignore[arg-type]
        expected = _oracle(keyed, flt, sort, descending)
        for name, bounds in PATHS.items():
            with monkeypatch.context() as patched:
                for bound, value in bounds.items():
                    patched.setattr(activity_queries, bound, value)
                for size in (1, 4, 1000):
                    assert _paged(keyed, flt, sort, descending, size) == expected, (change, name)
    assert len(_oracle(keyed, ActivityFilter(COMMUNE), sort, descending)) == 60 - 6 + 15


def test_the_keys_are_used_and_the_note_index_too(keyed: Database) -> None:
    with keyed.read_session() as session:
        for sort in ("sessions", "people", "installs"):
            assert isinstance(activity_queries._keyed_sort(session, first_campaign(), sort), int)
        assert activity_queries._keyed_sort(session, first_campaign(), "note") == "note"
        topics = activity_queries._keyed_sort(session, first_campaign(), "topics")
        assert topics == activity_queries.TOPICS  # tests/services/test_topic_keys.py
    assert _count_keys(keyed) > 60


def test_a_page_after_a_row_deleted_meanwhile_goes_on_from_where_it_was(keyed: Database) -> None:
    flt = ActivityFilter(COMMUNE)
    expected = _oracle(keyed, flt, "people", True)
    with keyed.session() as session:
        activities.soft_delete(session, [expected[9]])
    with keyed.read_session() as session:
        page = activity_queries.ordered_ids(
            session, flt, first_campaign(), sort="people", limit=5, after=expected[9]
        )
    assert list(page) == expected[10:15]


def test_triggers_keep_the_keys_through_every_write(keyed: Database) -> None:
    """Entry, edit (values, date, village, note), delete, undo, import, a hard DELETE."""
    assert _wrong(keyed) == 0
    catalog = first_campaign()
    new = activity_data.add(keyed, "05/01/2021", sessions=3, people=7, bluezone_installs=1)
    assert _wrong(keyed) == 0
    with keyed.session() as session:
        edited = activity_data.draft(keyed, "06/01/2021", village=None, people=8, note="x")
        activities.update_activity(session, new, edited, catalog)
    assert _wrong(keyed) == 0
    with keyed.session() as session:
        activities.soft_delete(session, [new])
    assert _wrong(keyed) == 0
    with keyed.session() as session:
        activities.restore(session, [new])
    assert _wrong(keyed) == 0
    with keyed.session() as session:
        connection = session.connection()
        connection.execute(text("DELETE FROM activity WHERE id = :id"), {"id": new})
        some = connection.execute(text("SELECT min(activity_id) FROM activity_value")).scalar()
        connection.execute(
            text("UPDATE activity_value SET value = value + 4 WHERE activity_id = :id"),
            {"id": some},
        )
        connection.execute(
            text(
                "DELETE FROM activity_value WHERE activity_id = :id AND indicator_code = 'people'"
            ),
            {"id": some},
        )
        connection.execute(
            text("UPDATE activity SET date = '2021-01-02', team_id = 2 WHERE id = :id"),
            {"id": some},
        )
    assert _wrong(keyed) == 0
    drafts = []
    for number in range(activities.BULK_INDEX_FROM + 5):
        values = {"sessions": number % 3, "people": number % 7}
        made = activity_data.draft(keyed, "07/01/2021", **{c: v for c, v in values.items() if v})
        drafts.append((made, ""))
    before = _count_keys(keyed)
    with keyed.session() as session:
        activities.record_many(session, COMMUNE, drafts, catalog)
    assert _wrong(keyed) == 0
    assert _count_keys(keyed) > before
    activity_data.add(keyed, "08/01/2021", sessions=1)  # the insert triggers are back
    assert _wrong(keyed) == 0


def test_a_campaigns_new_columns_make_their_keys_again(keyed: Database) -> None:
    """A newer version of a campaign whose column sums other indicators: its keys follow."""
    source = json.loads(_first_source(keyed))
    source["version"] = 2
    for column in source["list_columns"]:
        if column["code"] == "people":
            column["indicators"] = ["people", "households"]
    with keyed.session() as session:
        campaigns.store(session, json.dumps(source).encode("utf-8"))
    assert _wrong(keyed) == 0
    with keyed.read_session() as session:
        old = activity_queries._keyed_sort(session, first_campaign(), "people")
    assert old is None  # the catalog at version 1 does not sum these: the old way
    flt = ActivityFilter(COMMUNE)
    assert _paged(keyed, flt, "people", True, 7) == _oracle(keyed, flt, "people", True)


def _first_source(db: Database) -> str:
    with db.read_session() as session:
        found = (
            session.connection()
            .execute(
                text(
                    "SELECT source FROM campaign WHERE campaign_id = 'covid-2021' ORDER BY version"
                )
            )
            .scalar()
        )
    return bytes(found).decode("utf-8")


def test_check_full_finds_and_rebuilds_wrong_keys(keyed: Database) -> None:
    with keyed.session() as session:
        session.connection().execute(
            text(f"DELETE FROM {sort_keys.TABLE} WHERE activity_id % 3 = 0")
        )
        session.connection().execute(
            text(f"UPDATE {sort_keys.TABLE} SET team_id = 99 WHERE activity_id % 5 = 1")
        )
    assert _wrong(keyed) > 0
    report = health.check(keyed, full=True)
    assert report.problems == ["sort keys differed from the activities: rebuilt"]
    assert _wrong(keyed) == 0
    assert health.check(keyed, full=True).ok


def _plan(session: Any, sql: str, params: tuple[Any, ...]) -> str:
    rows = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
    return "\n".join(str(row[-1]) for row in rows)


@pytest.mark.parametrize("sort", ["people", "installs", "note"])
@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("change", FILTERS)
def test_every_window_seeks_an_index(
    keyed: Database,
    monkeypatch: pytest.MonkeyPatch,
    sort: str,
    descending: bool,
    change: dict[str, object],
) -> None:
    """Each window a page reads (the first, and those after the last row read) searches an
    index in the list's order: no scan of the table, no sort of every row (a day's rows
    sorted by id inside the date index: its right part only)."""
    sent: list[tuple[str, tuple[Any, ...]]] = []
    real = activity_queries._KeyedWalk._rows

    def spy(self: Any, sql: str, params: tuple[Any, ...]) -> list[Any]:
        sent.append((sql, params))
        return real(self, sql, params)

    monkeypatch.setattr(activity_queries._KeyedWalk, "_rows", spy)
    monkeypatch.setattr(activity_queries, "FEW_MATCHES", 0)
    monkeypatch.setattr(activity_queries, "KEY_WINDOW", 2)
    flt = ActivityFilter(COMMUNE, **change)  # type: ignore[arg-type]
    _paged(keyed, flt, sort, descending, 3)
    assert sent
    with keyed.read_session() as session:
        for sql, params in sent:
            plan = _plan(session, sql, params)
            assert "SEARCH " in plan, plan
            # no table scanned (the FTS index's MATCH is a "SCAN" of the virtual table)
            scans = [line for line in plan.splitlines() if line.startswith("SCAN ")]
            assert all("VIRTUAL TABLE INDEX" in line for line in scans), plan
            assert "TEMP B-TREE" not in plan.replace("USE TEMP B-TREE FOR RIGHT PART", ""), plan
