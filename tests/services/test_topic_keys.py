"""The list sorted by its topics, keyset-paged (issue 19): the keys the triggers keep
(store/topic_keys.py), the pages read from them in both languages, and the plans of their
reads. The oracle is :func:`activity_queries.ordered_ids_query`: every row sorted by SQLite.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from sqlalchemy import text

from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.domain.catalog import Lang
from quynhnhai_desktop.services import activities, activity_queries, health
from quynhnhai_desktop.services.activity_queries import ActivityFilter
from quynhnhai_desktop.store import topic_keys
from quynhnhai_desktop.store.database import Database
from tests.services.test_sort_keys import FILTERS, PATHS
from tests.support import activity_data
from tests.support.activity_data import COMMUNE


def _add_log(db: Database, count: int, seed: int) -> list[int]:
    """Activities with one to three of the catalog's topics (most labels order differently
    in Vietnamese and English)."""
    rng = random.Random(seed)
    codes = [topic.code for topic in first_campaign().topics]
    ids = []
    for _ in range(count):
        day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(40))
        ids.append(
            activity_data.add(
                db,
                day.strftime("%d/%m/%Y"),
                village=rng.choice([None, "Bản Nà", "Bản Đán"]),
                team=rng.choice(["Đoàn Thanh niên", "Hội Phụ nữ"]),
                form=rng.choice(["direct", "install_support"]),
                topics=tuple(rng.sample(codes, rng.randint(1, 3))),
                note=rng.choice(["", "Bản Nà", "họp dân"]),
                people=rng.choice([5, 40]),
            )
        )
    return ids


@pytest.fixture
def topical(commune_db: Database) -> Database:
    """Two campaigns (the second's topics unknown to the first's catalog); deleted, restored
    and edited rows; rows without a topic (older data), a topic added and one removed."""
    from tests.benchmarks.activity_data import add_second_campaign

    activity_data.add_villages(commune_db)
    ids = _add_log(commune_db, 70, 7)
    add_second_campaign(commune_db, 15, random.Random(4))
    catalog = first_campaign()
    with commune_db.session() as session:
        activities.soft_delete(session, ids[:8])
        activities.restore(session, ids[2:4])
        for number, topics in ((10, ("venue_qr",)), (11, ("bluezone", "venue_qr"))):
            moved = activity_data.draft(
                commune_db, "03/01/2021", village="Bản Đán", people=7, topics=topics
            )
            activities.update_activity(session, ids[number], moved, catalog)
        session.connection().execute(
            text("DELETE FROM activity_topic WHERE activity_id IN (:a, :b, :c)"),
            {"a": ids[12], "b": ids[13], "c": ids[5]},
        )
    return commune_db


def _wrong(db: Database) -> int:
    with db.read_session() as session:
        return topic_keys.mismatches(session.connection())


def _oracle(db: Database, flt: ActivityFilter, descending: bool, lang: Lang) -> list[int]:
    with db.read_session() as session:
        query = activity_queries.ordered_ids_query(
            session, flt, first_campaign(), sort="topics", descending=descending, lang=lang
        )
        return [row[0] for row in session.connection().execute(query)]


def _paged(db: Database, flt: ActivityFilter, descending: bool, lang: Lang, size: int) -> list[int]:
    paged: list[int] = []
    with db.read_session() as session:
        while True:
            page = activity_queries.ordered_ids(
                session, flt, first_campaign(), sort="topics", descending=descending, lang=lang,
                limit=size, offset=len(paged), after=paged[-1] if paged else None,
            )  # fmt: skip
            paged += page
            if len(page) < size:
                return paged


TOPIC_FILTERS = [*FILTERS, {"topic_code": "online_safety"}, {"topic_code": "venue_qr"}]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("descending", [True, False])
def test_pages_after_pages_are_the_order_sqlite_sorts(
    topical: Database, monkeypatch: pytest.MonkeyPatch, descending: bool, lang: Lang
) -> None:
    """Page after page (``after=``), each way of reading gives exactly the ORDER BY of every
    row: both campaigns, rows without a topic, ties (newest day first, then the id), filters."""
    for change in TOPIC_FILTERS:
        flt = ActivityFilter(COMMUNE, **change)  # type: ignore[arg-type]
        expected = _oracle(topical, flt, descending, lang)
        for name, bounds in PATHS.items():
            with monkeypatch.context() as patched:
                for bound, value in bounds.items():
                    patched.setattr(activity_queries, bound, value)
                for size in (1, 4, 1000):
                    assert _paged(topical, flt, descending, lang, size) == expected, (change, name)
    assert _oracle(topical, ActivityFilter(COMMUNE), True, "vi") != _oracle(
        topical, ActivityFilter(COMMUNE), True, "en"
    )


def test_the_topics_keys_are_used(topical: Database) -> None:
    with topical.read_session() as session:
        keyed = activity_queries._keyed_sort(session, first_campaign(), "topics")
        assert keyed == activity_queries.TOPICS
        count = session.connection().execute(
            text(f"SELECT count(*) FROM {topic_keys.TABLE} WHERE topic_code = ''")
        )
        assert count.scalar() == 2  # the live rows without a topic (a third is deleted)


def test_a_page_after_a_row_deleted_or_edited_meanwhile_goes_on_from_where_it_was(
    topical: Database,
) -> None:
    flt = ActivityFilter(COMMUNE)
    expected = _oracle(topical, flt, True, "vi")
    with topical.session() as session:
        activities.soft_delete(session, [expected[9]])
    with topical.read_session() as session:
        page = activity_queries.ordered_ids(
            session, flt, first_campaign(), sort="topics", limit=5, after=expected[9]
        )
    assert list(page) == expected[10:15]


def test_triggers_keep_the_keys_through_every_write(topical: Database) -> None:
    """Entry, edit (topics, date, village), delete, undo, import, hard DELETEs and UPDATEs."""
    assert _wrong(topical) == 0
    catalog = first_campaign()
    new = activity_data.add(topical, "05/01/2021", topics=("bluezone", "vaccination_benefit"))
    assert _wrong(topical) == 0
    with topical.session() as session:
        edited = activity_data.draft(topical, "06/01/2021", village=None, topics=("venue_qr",))
        activities.update_activity(session, new, edited, catalog)
    assert _wrong(topical) == 0
    with topical.session() as session:
        activities.soft_delete(session, [new])
    assert _wrong(topical) == 0
    with topical.session() as session:
        activities.restore(session, [new])
    assert _wrong(topical) == 0
    with topical.session() as session:
        connection = session.connection()
        some = connection.execute(text("SELECT min(activity_id) FROM activity_topic")).scalar()
        connection.execute(
            text("UPDATE activity_topic SET topic_code = 'zz_old' WHERE activity_id = :id"),
            {"id": some},
        )
        connection.execute(
            text("UPDATE activity SET date = '2021-01-02', team_id = 2 WHERE id = :id"),
            {"id": some},
        )
        connection.execute(text("DELETE FROM activity_topic WHERE activity_id = :id"), {"id": new})
        connection.execute(
            text("INSERT INTO activity_topic (activity_id, topic_code) VALUES (:id, 'bluezone')"),
            {"id": new},
        )
        connection.execute(text("DELETE FROM activity WHERE id = :id"), {"id": some})
    assert _wrong(topical) == 0
    drafts = []
    for number in range(activities.BULK_INDEX_FROM + 5):
        topics = ("bluezone", "venue_qr")[: number % 2 + 1]
        drafts.append((activity_data.draft(topical, "07/01/2021", topics=topics), ""))
    with topical.session() as session:
        activities.record_many(session, COMMUNE, drafts, catalog)
    assert _wrong(topical) == 0
    activity_data.add(topical, "08/01/2021")  # the insert triggers are back
    assert _wrong(topical) == 0


def test_check_full_finds_and_rebuilds_wrong_keys(topical: Database) -> None:
    with topical.session() as session:
        connection = session.connection()
        connection.execute(
            text(
                f"INSERT INTO {topic_keys.TABLE} SELECT commune_code, 'zz', date, activity_id, "
                f"campaign_id, village_id, team_id, form_code FROM {topic_keys.TABLE} LIMIT 1"
            )
        )
    assert _wrong(topical) == 1  # a key too many
    with topical.session() as session:
        connection = session.connection()
        connection.execute(text(f"DELETE FROM {topic_keys.TABLE} WHERE activity_id % 3 = 0"))
        connection.execute(
            text(f"UPDATE {topic_keys.TABLE} SET form_code = 'x' WHERE activity_id % 5 = 1")
        )
    assert _wrong(topical) > 0
    report = health.check(topical, full=True)
    assert report.problems == ["topic sort keys differed from the activities: rebuilt"]
    assert _wrong(topical) == 0


def _plan(session: Any, sql: str, params: tuple[Any, ...]) -> str:
    rows = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
    return "\n".join(str(row[-1]) for row in rows)


@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("change", TOPIC_FILTERS)
def test_every_window_seeks_an_index(
    topical: Database, monkeypatch: pytest.MonkeyPatch, descending: bool, change: dict[str, object]
) -> None:
    """Each window a page reads searches the keys in the list's order (several topics
    merged): no scan of a table, no sort of its rows."""
    sent: list[tuple[str, tuple[Any, ...]]] = []
    real = activity_queries._KeyedWalk._rows

    def spy(self: Any, sql: str, params: tuple[Any, ...]) -> list[Any]:
        sent.append((sql, params))
        return real(self, sql, params)

    monkeypatch.setattr(activity_queries._KeyedWalk, "_rows", spy)
    monkeypatch.setattr(activity_queries, "FEW_MATCHES", 0)
    monkeypatch.setattr(activity_queries, "KEY_WINDOW", 2)
    flt = ActivityFilter(COMMUNE, **change)  # type: ignore[arg-type]
    _paged(topical, flt, descending, "vi", 3)
    assert any(" UNION " in sql for sql, _params in sent) or change.get("topic_code")
    with topical.read_session() as session:
        for sql, params in sent:
            plan = _plan(session, sql, params)
            assert "SEARCH " in plan or "VIRTUAL TABLE INDEX" in plan, plan  # the FTS matches
            # no table scanned (the FTS index's MATCH is a "SCAN" of the virtual table; the
            # count of a topic's first keys a scan of the subquery giving them)
            scans = [line for line in plan.splitlines() if line.startswith("SCAN ")]
            assert all(
                "VIRTUAL TABLE INDEX" in line or line.startswith("SCAN (subquery") for line in scans
            ), plan
            assert "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize("sort", ["people", "installs"])
@pytest.mark.parametrize("descending", [True, False])
def test_a_count_sort_with_a_topic_reads_its_zero_sums_from_the_topics_keys(
    topical: Database, monkeypatch: pytest.MonkeyPatch, sort: str, descending: bool
) -> None:
    """The count columns' zero sums of a topic's rows come from that topic's keys, in the
    order SQLite sorts them (page after page, each way of reading, other filters too)."""
    sent: list[str] = []
    real = activity_queries._KeyedWalk._rows

    def spy(self: Any, sql: str, params: tuple[Any, ...]) -> list[Any]:
        sent.append(sql)
        return real(self, sql, params)

    monkeypatch.setattr(activity_queries._KeyedWalk, "_rows", spy)
    for change in (
        {"topic_code": "venue_qr"},
        {"topic_code": "online_safety"},  # the second campaign's: no count of the first's
        {"topic_code": "bluezone", "village_id": 0},
        {"topic_code": "bluezone", "search": "ban"},
    ):
        flt = ActivityFilter(COMMUNE, **change)  # type: ignore[arg-type]
        with topical.read_session() as session:
            query = activity_queries.ordered_ids_query(
                session, flt, first_campaign(), sort=sort, descending=descending
            )
            expected = [row[0] for row in session.connection().execute(query)]
        for name, bounds in PATHS.items():
            with monkeypatch.context() as patched:
                for bound, value in bounds.items():
                    patched.setattr(activity_queries, bound, value)
                for size in (1, 4, 1000):
                    paged: list[int] = []
                    with topical.read_session() as session:
                        while True:
                            page = activity_queries.ordered_ids(
                                session, flt, first_campaign(), sort=sort,
                                descending=descending, limit=size, offset=len(paged),
                                after=paged[-1] if paged else None,
                            )  # fmt: skip
                            paged += page
                            if len(page) < size:
                                break
                    assert paged == expected, (change, name, size)
    assert any(f"FROM {topic_keys.TABLE} k" in sql for sql in sent)
