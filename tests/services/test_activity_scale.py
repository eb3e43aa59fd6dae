"""What keeps the activity log fast at a million rows: month sums, chunked ids, plans.

Each behaviour is checked on a small database; the timings at 10k/100k/1M are in
tests/benchmarks/test_million.py.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event, text

from quynhnhai_desktop.cli import main
from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.gui.activities import model as model_module
from quynhnhai_desktop.gui.activities.model import ActivityTableModel
from quynhnhai_desktop.services import activities, activity_queries, health
from quynhnhai_desktop.services.activity_queries import ActivityFilter
from quynhnhai_desktop.store import month_sums
from quynhnhai_desktop.store.database import Database
from tests.support import activity_data
from tests.support.activity_data import COMMUNE


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


def test_a_bulk_insert_adds_the_sums_the_rows_add_up_to(logged: Database) -> None:
    """A batch past BULK_INDEX_FROM groups its sums in Python, not by the triggers: they are
    the rows' own (whole-commune rows, zero and missing counts, groups already summed
    before), and the triggers are back for the next entry."""
    rng = random.Random(11)
    drafts = []
    for _ in range(activities.BULK_INDEX_FROM + 30):
        day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(200))
        counts = {"sessions": rng.choice([0, 1]), "people": rng.randint(0, 90)}
        new = activity_data.draft(
            logged,
            day.strftime("%d/%m/%Y"),
            village=rng.choice([None, "Bản Nà", "Bản Đán"]),
            team=rng.choice(["Đoàn Thanh niên", "Hội Phụ nữ"]),
            **counts,
        )
        drafts.append((new, ""))
    with logged.session() as session:
        activities.record_many(session, COMMUNE, drafts, first_campaign())
    assert _mismatches(logged) == 0
    with logged.read_session() as session:
        zero = session.connection().execute(
            text(f"SELECT count(*) FROM {month_sums.TABLE} WHERE total = 0")
        )
        assert zero.scalar() == 0  # a zero count adds no sum (nor a value row)
    activity_data.add(logged, "03/02/2021", village=None, people=5, sessions=1)
    assert _mismatches(logged) == 0
    everything = ActivityFilter(COMMUNE)
    assert _totals(logged, everything) == _rows_totals(logged, everything)


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


def test_check_full_moves_its_progress_after_each_comparison(logged: Database) -> None:
    # at a million activities each comparison of a derived table takes about a minute
    seen: list[int] = []
    assert health.check(logged, full=True, progress=lambda done, total: seen.append(done)).ok
    assert seen == sorted(seen) and seen[-1] == 100
    assert max(seen[:-1]) < 100 and seen[-2] >= 99
    after_tables = [done for done in seen if done > health.TABLES_SHARE_FULL]
    assert len(after_tables) >= 1 + 3  # the three comparisons, then the end


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
    monkeypatch.setattr(model_module, "FIRST_CHUNK", 10)
    monkeypatch.setattr(model_module, "ID_CHUNK", 15)
    model = ActivityTableModel(logged, first_campaign(), ActivityFilter(COMMUNE))
    model.refresh()
    assert model.rowCount() == 10 and model.canFetchMore() and not model.complete
    model.fetchMore()
    assert model.rowCount() == 25
    with logged.read_session() as session:
        every = activity_queries.ordered_ids(session, ActivityFilter(COMMUNE), first_campaign())
    assert model.row_of(every[-1]) == 39  # found by loading the rest
    assert model.complete and not model.canFetchMore()
    assert [model.activity_id(r) for r in range(40)] == list(every)


# Every filter the list can send, alone and together (the search is matched per row).
CHANGES: list[dict[str, object]] = [
    {},
    {"start": dt.date(2021, 3, 1), "end": dt.date(2021, 3, 31)},
    {"village_id": 1},
    {"village_id": 0},
    {"team_id": 1},
    {"form_code": "direct"},
    {"topic_code": "bluezone"},
    {"search": "ban na"},
    {"campaign_id": "vn-covid-2021"},
    {"village_id": 1, "team_id": 1, "form_code": "direct", "topic_code": "bluezone"},
    {"start": dt.date(2021, 3, 1), "end": dt.date(2021, 3, 31), "search": "ban", "team_id": 2},
]


def _explain(session: Any, query: Any) -> str:
    compiled = query.compile(
        dialect=session.connection().dialect, compile_kwargs={"literal_binds": True}
    )
    rows = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")
    return "\n".join(str(row[-1]) for row in rows)


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("sort", sorted(activity_queries.KEYSET_SORTS))
@pytest.mark.parametrize("descending", [True, False])
def test_every_filter_and_sort_seeks_an_index(
    logged: Database, change: dict[str, object], sort: str, descending: bool
) -> None:
    """Each query a page sends (the first, and the next one seeking past the last row
    loaded) searches an index in the list's order: no table scan, no sorting."""
    flt = ActivityFilter(COMMUNE, **change)  # type: ignore[arg-type]
    ascending = sort == "date" and not descending
    with logged.read_session() as session:
        queries = list(
            activity_queries.segment_queries(session, flt, first_campaign(), sort, descending)
        )
        assert queries
        for _segment, query in queries:
            for sent in (query, activity_queries.seek(query, dt.date(2021, 3, 9), ascending)):
                plan = _explain(session, sent)
                assert "SEARCH activity USING " in plan, plan
                assert "SCAN activity" not in plan and "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize("sort", ["topics", "note", "people"])
def test_other_sorts_read_the_index_not_the_table(logged: Database, sort: str) -> None:
    """The sorts without an index of their own (a top-N sort under LIMIT) find the rows
    through an index of the activities, never by scanning the table."""
    with logged.read_session() as session:
        query = activity_queries.ordered_ids_query(
            session, ActivityFilter(COMMUNE), first_campaign(), sort=sort, limit=1001
        )
        plan = _explain(session, query)
    assert "SCAN activity\n" not in plan + "\n", plan
    assert "INDEX ix_activity_" in plan, plan


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("sort", ["date", "village", "team", "form"])
@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("few_matches", [0, activity_queries.FEW_MATCHES], ids=["scan", "few"])
def test_keyset_pages_are_the_whole_order(
    logged: Database,
    monkeypatch: pytest.MonkeyPatch,
    change: dict[str, object],
    sort: str,
    descending: bool,
    few_matches: int,
) -> None:
    """Page after page (seeking past the last id) gives exactly the order of the whole
    query, ties included; so does a search with few matches, sorted from the FTS index."""
    monkeypatch.setattr(activity_queries, "FEW_MATCHES", few_matches)
    flt = ActivityFilter(COMMUNE, **change)  # type: ignore[arg-type]
    catalog = first_campaign()
    with logged.read_session() as session:
        whole = list(
            activity_queries.ordered_ids(session, flt, catalog, sort=sort, descending=descending)
        )
        paged: list[int] = []
        while True:
            page = activity_queries.ordered_ids(
                session, flt, catalog, sort=sort, descending=descending, limit=4,
                offset=len(paged), after=paged[-1] if paged else None,
            )  # fmt: skip
            paged += page
            if len(page) < 4:
                break
    assert paged == whole and len(set(paged)) == len(paged)


@pytest.mark.parametrize("sort", ["date", "village", "team", "form"])
@pytest.mark.parametrize("descending", [True, False])
def test_a_rare_search_gives_the_order_of_the_scan(
    logged: Database, monkeypatch: pytest.MonkeyPatch, sort: str, descending: bool
) -> None:
    """The FTS index's matches, sorted by SQLite, come in exactly the order the list's scan
    reads them: segments, then each one's index order, ties on one day included."""
    for village, team in [("Bản Nà", "Hội Phụ nữ"), (None, "Hội Phụ nữ"), ("Bản Đán", None)]:
        for form in ("direct", "meeting"):
            team_name = team or "Đoàn Thanh niên"
            activity_data.add(logged, "05/03/2021", village=village, team=team_name, form=form)
    flt = ActivityFilter(COMMUNE, search="ban")  # most rows: ties and every segment
    catalog = first_campaign()
    with logged.read_session() as session:
        monkeypatch.setattr(activity_queries, "SCAN_FOR_WORDS", 10**9)
        order = (session, flt, catalog, sort, descending, "vi")
        scanned = activity_queries._keyset_ids(*order, 10**6, None)  # type: ignore[arg-type]
        indexed = activity_queries._matches_in_order(*order, None)  # type: ignore[arg-type]
    assert scanned is not None and len(scanned) > 20
    assert list(indexed) == list(scanned)


def test_a_search_the_newest_rows_miss_is_paged_by_sqlite_against_the_index(
    logged: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the rows read in list order hold too few matches, SQLite walks the date index
    against the FTS index's matches: the same ids, page after page, never every match
    sorted, and never a sort of its own."""
    flt = ActivityFilter(COMMUNE, search="ban da")
    catalog = first_campaign()
    with logged.read_session() as session:
        every = list(activity_queries.ordered_ids(session, flt, catalog))
        monkeypatch.setattr(activity_queries, "SCAN_FOR_WORDS", 2)
        monkeypatch.setattr(activity_queries, "FEW_MATCHES", 2)

        def not_sorted(*_args: object) -> None:
            raise AssertionError("every match was read and sorted")

        monkeypatch.setattr(activity_queries, "_matches_in_order", not_sorted)
        walked: list[int] = []
        while True:
            page = activity_queries.ordered_ids(
                session, flt, catalog, limit=3, after=walked[-1] if walked else None
            )
            walked += page
            if len(page) < 3:
                break
        ((_, query),) = activity_queries.segment_queries(
            session, flt, catalog, "date", True, words_in_sql=True
        )
        plan = _explain(session, query)
    assert 5 < len(every) < 40 and walked == every
    assert "ix_activity_live" in plan and "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize("sort", ["date", "village"])
def test_a_search_with_few_matches_finds_them_by_id(logged: Database, sort: str) -> None:
    """A typo or a rare word: its few matches are looked up by id and sorted, never by
    walking an index of the whole commune (120 ms at a million activities for no match)."""
    flt = ActivityFilter(COMMUNE, search="ban nax", team_id=1, start=dt.date(2021, 1, 1))
    with logged.read_session() as session:
        assert activity_queries._few_matches(session, flt)
        query = activity_queries.matches_query(session, flt, first_campaign(), sort, few=True)
        plan = _explain(session, query)
        assert list(activity_queries.ordered_ids(session, flt, first_campaign(), sort=sort)) == []
    assert "USING INTEGER PRIMARY KEY" in plan and "ix_activity_" not in plan, plan


def test_a_rare_search_asks_the_index_for_its_matches(
    logged: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search reads rows in list order up to a bound, then the FTS index answers: the
    same ids either way."""
    flt = ActivityFilter(COMMUNE, search="ban da")
    catalog = first_campaign()
    with logged.read_session() as session:
        every = list(activity_queries.ordered_ids(session, flt, catalog))
        scanned = list(activity_queries.ordered_ids(session, flt, catalog, limit=5))
        monkeypatch.setattr(activity_queries, "SCAN_FOR_WORDS", 2)
        wanted = len(every) + 1
        assert activity_queries._keyset_ids(
            session, flt, catalog, "date", True, "vi", wanted, None
        ) is None  # fmt: skip
        indexed = list(activity_queries.ordered_ids(session, flt, catalog, limit=wanted))
        after = list(
            activity_queries.ordered_ids(session, flt, catalog, limit=wanted, after=every[4])
        )
    assert 5 < len(every) < 40
    assert scanned == every[:5] and indexed == every and after == every[5:]


# The ways a search's page is read (issue 19 at a million rows), each forced on the small
# log by the bounds that choose it: the walk in list order (SQLite keeps the rows holding
# every word, Python matches the phrase), the long walk of a frequent word, the walk
# that gives up (other orders: every match sorted), the date order's walk against the
# FTS index from the day the list-order walk stopped, and a few matches sorted by id.
PATHS: dict[str, dict[str, int]] = {
    "walk": {"FEW_MATCHES": 0},
    "long walk": {"FEW_MATCHES": 0, "SCAN_FOR_WORDS": 2, "DENSE_MATCHES": 0},
    "long walk, then the index": {
        "FEW_MATCHES": 0, "SCAN_FOR_WORDS": 2, "LONG_SCAN": 5, "DENSE_MATCHES": 0,
    },
    "the index, or every match": {"FEW_MATCHES": 0, "SCAN_FOR_WORDS": 2, "DENSE_MATCHES": 10**9},
    "giving up": {
        "FEW_MATCHES": 0, "SCAN_FOR_WORDS": 2, "DENSE_MATCHES": 10**9, "MISSES": 0,
        "MISS_RATIO": 0,
    },
    "few": {"FEW_MATCHES": 10**6},
}  # fmt: skip
SEARCHES = ["b", "ba", "ban", "ban n", "Bản Nà", "đ", "BAN ĐÁN", "hoi phu", "ho tro", "zzz"]
FILTERS: list[dict[str, object]] = [
    {},
    {"campaign_id": "covid-2021"},
    {"village_id": 1, "team_id": 1},
    {"topic_code": "bluezone"},
    {"start": dt.date(2021, 2, 1), "end": dt.date(2021, 5, 31), "form_code": "direct"},
]


@pytest.fixture
def two_campaigns(logged: Database) -> Database:
    """The log, and a second campaign's newer rows that hardly match a village's name:
    the walk in list order meets them first."""
    from tests.benchmarks.activity_data import add_second_campaign

    add_second_campaign(logged, 12, random.Random(3))
    return logged


@pytest.mark.parametrize("change", FILTERS)
@pytest.mark.parametrize("sort", ["date", "village", "team", "form"])
@pytest.mark.parametrize("descending", [True, False])
def test_every_way_of_reading_a_search_gives_the_same_pages(
    two_campaigns: Database,
    monkeypatch: pytest.MonkeyPatch,
    change: dict[str, object],
    sort: str,
    descending: bool,
) -> None:
    """Page after page, each way gives exactly the order SQLite sorts the FTS index's
    matches in: short prefixes, đ and d, several words, filters, both campaigns."""
    catalog = first_campaign()
    for typed in SEARCHES:
        flt = ActivityFilter(COMMUNE, search=typed, **change)  # type: ignore[arg-type]
        with two_campaigns.read_session() as session:
            how = (session, flt, catalog, sort, descending, "vi")
            expected = list(activity_queries._matches_in_order(*how, None))  # type: ignore[arg-type]
        for name, bounds in PATHS.items():
            with monkeypatch.context() as patched, two_campaigns.read_session() as session:
                for bound, value in bounds.items():
                    patched.setattr(activity_queries, bound, value)
                paged: list[int] = []
                while True:
                    page = activity_queries.ordered_ids(
                        session, flt, catalog, sort=sort, descending=descending, limit=3,
                        after=paged[-1] if paged else None,
                    )  # fmt: skip
                    paged += page
                    if len(page) < 3:
                        break
            assert paged == expected, (typed, name)
    assert len(expected) == 0  # the last search, "zzz"


def test_a_long_walk_stops_with_a_whole_day_and_the_index_goes_on_from_the_next(
    two_campaigns: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A frequent word whose first matches are past the newest rows (another campaign's):
    the walk reads whole days up to its bound, and SQLite's walk against the FTS index
    starts on the day after, in the date index's order (no sort)."""
    for bound, value in PATHS["long walk, then the index"].items():
        monkeypatch.setattr(activity_queries, bound, value)
    flt = ActivityFilter(COMMUNE, search="ban")
    catalog = first_campaign()
    with two_campaigns.read_session() as session:
        walk = activity_queries._walk(
            session, flt, catalog, "date", True, "vi", 10**6, None, budget=5
        )
        assert walk is not None and not walk.full and walk.resume is not None
        number, day = walk.resume
        assert number == 0 and day is not None
        ((_, query),) = activity_queries.segment_queries(
            session, flt, catalog, "date", True, words_in_sql=True
        )
        plan = _explain(session, activity_queries._past(query, day, False))
        whole = list(
            activity_queries._matches_in_order(session, flt, catalog, "date", True, "vi", None)
        )
        page = list(activity_queries.ordered_ids(session, flt, catalog, limit=len(whole)))
    assert page == whole
    assert "ix_activity_live (commune_code=? AND deleted_at=? AND date<?)" in plan, plan
    assert "TEMP B-TREE" not in plan, plan


def test_the_walk_tests_the_words_in_sqlite_from_the_sorts_index(logged: Database) -> None:
    """The walk's SELECT has SQLite test that every word is in the text (Python gets NULL
    otherwise) while it reads the sort's index in order: no sort, no scan."""
    flt = ActivityFilter(COMMUNE, search="ban na", topic_code="bluezone")
    with logged.read_session() as session:
        for sort in activity_queries.KEYSET_SORTS:
            for _segment, query in activity_queries.segment_queries(
                session, flt, first_campaign(), sort, True
            ):
                compiled = str(query.compile(compile_kwargs={"literal_binds": True}))
                plan = _explain(session, query)
                assert "instr(activity.search_text, 'ban') > 0" in compiled, compiled
                assert "USING INDEX ix_activity_" in plan and "TEMP B-TREE" not in plan, plan


def test_few_matches_with_a_topic_probe_the_topic_per_match(logged: Database) -> None:
    """A rare search with a topic: the topic is probed for each of its few matches, not read
    for every activity that has it (a third of a million at a million rows: 240 ms)."""
    flt = ActivityFilter(COMMUNE, search="ban nax", topic_code="bluezone")
    with logged.read_session() as session:
        query = activity_queries.matches_query(session, flt, first_campaign(), "date", few=True)
        plan = _explain(session, query)
    assert "USING INTEGER PRIMARY KEY" in plan and "CORRELATED SCALAR SUBQUERY" in plan, plan
    assert "LIST SUBQUERY" in plan and plan.count("LIST SUBQUERY") == 1, plan  # the FTS one


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        (["ban", "na"], "ban na | doan", True),
        (["ban", "na"], "xban na", False),
        (["ban", "na"], "bang nam", True),
        (["ban", "na"], "ban | na", True),
        (["ban", "na"], "_ban,na", True),
        (["ban", "na"], "ban", False),
        (["b"], "online public services", False),
        (["b"], "(ban) x", True),
        (["ho", "tro"], "ho tro | help", True),
        (["ho", "tro"], "hotro", False),
    ],
)
def test_the_phrase_pattern_finds_what_the_index_finds(
    words: list[str], text: str, found: bool
) -> None:
    """The pattern the walk matches each text with says what FTS5 says of it."""
    import sqlite3

    from quynhnhai_desktop.store import search

    fts = sqlite3.connect(":memory:")
    fts.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 0')")
    fts.execute("INSERT INTO t VALUES (?)", (text,))
    query = "SELECT count(*) FROM t WHERE t MATCH ?"
    indexed = fts.execute(query, (search.match_expression(words),)).fetchone()[0]
    fts.close()
    assert bool(indexed) is found
    assert bool(search.phrase_pattern(words).search(text)) is found


# A newer campaign's few rows (issue 19: 5 % of a million, none holding a village's name):
# the days narrowed to its months (the monthly sums), and its span of ids counted in the
# FTS index after a short walk when its months are few, after the walk otherwise, or
# not at all.
SPAN_PATHS: dict[str, dict[str, float]] = {
    "span after a short walk": {},
    "span first": {"BRIEF_SCAN": 0},
    "span after the walk": {"BRIEF_MONTHS": 0, "FEW_MATCHES": 0},
    "no matches in the span": {"FEW_MATCHES": 0},
    "too many rows for a span": {"SPAN_ROWS": 0, "FEW_MATCHES": 0},
    "too many matches": {"FEW_MATCHES": 0, "SCAN_FOR_WORDS": 2, "DENSE_MATCHES": 10**9},
}
CAMPAIGN_FILTERS: list[dict[str, object]] = [
    {"campaign_id": "digital-2026"},
    {"campaign_id": "digital-2026", "team_id": 1},
    {"campaign_id": "digital-2026", "village_id": 0, "start": dt.date(2026, 3, 1)},
    {"campaign_id": "covid-2021", "village_id": 1},
    {"campaign_id": "digital-2026", "end": dt.date(2025, 1, 1)},  # none of its months
]


@pytest.mark.parametrize("change", CAMPAIGN_FILTERS)
@pytest.mark.parametrize("sort", ["date", "village", "form"])
@pytest.mark.parametrize("descending", [True, False])
def test_a_campaigns_few_rows_give_the_same_pages(
    two_campaigns: Database,
    monkeypatch: pytest.MonkeyPatch,
    change: dict[str, object],
    sort: str,
    descending: bool,
) -> None:
    """Page after page, each way gives exactly the order SQLite sorts the FTS index's
    matches in for the filter as typed: words the campaign's rows hold and words they do
    not, the days narrowed to its months or not."""
    catalog = first_campaign()
    for typed in ["ho tro", "hoa", "ban na", "b", "zzz"]:
        flt = ActivityFilter(COMMUNE, search=typed, **change)  # type: ignore[arg-type]
        with two_campaigns.read_session() as session:
            how = (session, flt, catalog, sort, descending, "vi")
            expected = list(activity_queries._matches_in_order(*how, None))  # type: ignore[arg-type]
        for name, bounds in SPAN_PATHS.items():
            with monkeypatch.context() as patched, two_campaigns.read_session() as session:
                for bound, value in bounds.items():
                    patched.setattr(activity_queries, bound, value)
                paged: list[int] = []
                while True:
                    page = activity_queries.ordered_ids(
                        session, flt, catalog, sort=sort, descending=descending, limit=3,
                        after=paged[-1] if paged else None,
                    )  # fmt: skip
                    paged += page
                    if len(page) < 3:
                        break
            assert paged == expected, (typed, name)


def test_the_months_of_a_campaign_follow_its_rows(two_campaigns: Database) -> None:
    """The first and last month with a live activity of the campaign (and village, team,
    form), from the monthly sums: a deleted row leaves its month, and the days of a
    filter are narrowed to those months (none: nothing to read)."""
    from quynhnhai_desktop.store import month_sums

    with two_campaigns.read_session() as session:
        connection = session.connection()
        months = month_sums.months_with_rows(connection, COMMUNE, campaign_id="digital-2026")
        every = month_sums.months_with_rows(connection, COMMUNE)
        assert month_sums.months_with_rows(connection, COMMUNE, campaign_id="x") is None
        rows = connection.execute(
            text("SELECT id, substr(date, 1, 7) FROM activity WHERE campaign_id = 'digital-2026'")
        ).all()
        narrowed = activity_queries._in_its_months(
            session, ActivityFilter(COMMUNE, campaign_id="digital-2026", end=dt.date(2026, 12, 9))
        )
        assert activity_queries._in_its_months(
            session, ActivityFilter(COMMUNE, campaign_id="digital-2026", village_id=1)
        ) is None  # fmt: skip
    assert months == (min(m for _, m in rows), max(m for _, m in rows))
    assert every is not None and every[0] == "2021-01" and every[1] == months[1]
    assert narrowed is not None
    assert narrowed[0].start == dt.date.fromisoformat(months[0] + "-01")
    assert narrowed[0].end is not None and narrowed[0].end.strftime("%Y-%m") == months[1]
    assert narrowed[1]  # a few of the commune's months: its span is read first
    last = [activity_id for activity_id, month in rows if month == months[1]]
    with two_campaigns.session() as session:
        activities.soft_delete(session, last)
    with two_campaigns.read_session() as session:
        moved = month_sums.months_with_rows(
            session.connection(), COMMUNE, campaign_id="digital-2026"
        )
    assert moved is not None and moved[1] < months[1]


def test_a_campaigns_span_and_months_are_read_from_indexes(two_campaigns: Database) -> None:
    """The span of a filter's ids is read from the index of its village (else the date's),
    the FTS index is asked for the matches between them only, and the months are seeks
    of the monthly sums' key: no scan of a table, no sort."""
    from quynhnhai_desktop.store import month_sums

    statements: list[tuple[str, Any]] = []

    def sent(*args: Any) -> None:
        statements.append((args[2], args[3]))

    for change in [{"village_id": 0}, {}]:
        flt = ActivityFilter(
            COMMUNE, search="hoa", campaign_id="digital-2026", start=dt.date(2026, 1, 1),
            **change,  # type: ignore[arg-type]
        )  # fmt: skip
        with two_campaigns.read_session() as session:
            span = activity_queries._span(session, flt)
            assert span is not None and span[0] <= span[1]
            statements.clear()
            connection = session.connection()
            event.listen(connection, "before_cursor_execute", sent)
            activity_queries._span(session, flt)
            month_sums.months_with_rows(connection, COMMUNE, campaign_id="digital-2026")
            event.remove(connection, "before_cursor_execute", sent)
            query = activity_queries.matches_query(
                session, flt, first_campaign(), "date", few=True, rowids=span
            )
            plans = [_plan(connection, sql, values) for sql, values in statements]
            plans.append(_explain(session, query))
        index = "ix_activity_by_village" if change else "ix_activity_live"
        assert f"USING COVERING INDEX {index}" in plans[0], plans[0]
        assert "SEARCH activity_month_sum USING PRIMARY KEY" in plans[1], plans[1]
        assert "USING INTEGER PRIMARY KEY" in plans[2] and "ix_activity_" not in plans[2]
        for plan in plans:
            assert "SCAN activity\n" not in plan + "\n" and "SCAN activity_month_sum" not in plan
        assert "TEMP B-TREE" not in plans[0] + plans[1], plans


def _plan(connection: Any, sql: str, sent: Any) -> str:
    rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", sent).all()
    return "\n".join(str(row[-1]) for row in rows)
