"""The activity log's interactive figures at 10k, 100k and 1M activities (issue 19).

Sizes come from ``QUYNHNHAI_BENCH_SIZES`` (comma-separated, e.g. ``10000,100000,1000000``);
without it the benchmark run uses 10,000 and the ordinary test run 2,000 (behaviour only).
Each database is built once and cached in pytest's cache folder (``.pytest_cache``), keyed
by size and schema head: the million takes ~10 minutes to make on a busy 2-core machine.

Every figure is measured against a floor of the same run, a bare SQL statement over the
same file:

- the list's first chunk of ids (open, a filter change, a search keystroke, a sort; the
  model's FIRST_CHUNK) against ``SELECT id FROM activity LIMIT 1000``: what any list must
  read;
- the totals of every row (month sums) against ``SELECT count(*) FROM activity``;
- ``check`` (quick) and a backup against reading the file once (``sha256`` of it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.gui.activities.model import FIRST_CHUNK
from quynhnhai_desktop.services import activity_queries as queries
from quynhnhai_desktop.services import backup, health
from quynhnhai_desktop.services.activity_queries import ActivityFilter
from quynhnhai_desktop.store import migrate
from quynhnhai_desktop.store.database import Database, open_database
from tests.benchmarks.activity_data import COMMUNE, make_commune
from tests.benchmarks.rounds import rounds

SIZES_ENV = "QUYNHNHAI_BENCH_SIZES"


def _sizes(config: pytest.Config) -> list[int]:
    found = os.environ.get(SIZES_ENV)
    if found:
        return [int(size) for size in found.split(",") if size.strip()]
    enabled = bool(config.getoption("benchmark_enable"))
    return [10_000] if enabled else [2_000]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "size" in metafunc.fixturenames:
        metafunc.parametrize("size", _sizes(metafunc.config), scope="module")


@pytest.fixture(scope="module")
def commune(request: pytest.FixtureRequest, size: int) -> Path:
    """The data folder of a commune with *size* activities, made once and kept."""
    cache = request.config.cache
    assert cache is not None
    folder = Path(cache.mkdir(f"activities-{size}-{migrate.HEAD}"))
    older = sorted(folder.parent.glob(f"activities-{size}-*/ready"))
    if not (folder / "ready").exists() and older:
        # made under an older schema: upgraded (minutes at a million) instead of made again
        shutil.rmtree(folder)
        older[-1].parent.rename(folder)
        open_database(f"sqlite:///{folder / 'quynhnhai.sqlite3'}").close()
    if not (folder / "ready").exists():
        shutil.rmtree(folder)
        started = time.perf_counter()
        make_commune(folder, size)
        (folder / "ready").write_text(f"{time.perf_counter() - started:.0f} s\n")
    return folder


@pytest.fixture
def db(commune: Path) -> Any:
    database = open_database(f"sqlite:///{commune / 'quynhnhai.sqlite3'}")
    yield database
    database.close()


def _median(fn: Callable[[], object], times: int) -> float:
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def _ids(db: Database, flt: ActivityFilter, sort: str = "date") -> int:
    """What the list asks first after a change: FIRST_CHUNK ids and one more."""
    with db.read_session() as session:
        found = queries.ordered_ids(
            session, flt, first_campaign(), sort=sort, limit=FIRST_CHUNK + 1, offset=0
        )
    return len(found)


def _totals(db: Database, flt: ActivityFilter) -> int:
    with db.read_session() as session:
        return queries.totals(session, flt).activities


def _raw(db: Database, sql: str) -> object:
    with db.read_session() as session:
        return session.connection().exec_driver_sql(sql).fetchall()


def test_interactive_figures(benchmark: Any, db: Database, size: int) -> None:
    times = rounds(benchmark, 5)
    flt = ActivityFilter(COMMUNE)
    figures = {
        "list open (first chunk of ids)": lambda: _ids(db, flt),
        "a filter change (village + form)": lambda: _ids(
            db, ActivityFilter(COMMUNE, village_id=3, form_code="direct")
        ),
        "a search keystroke ('ban na')": lambda: _ids(db, ActivityFilter(COMMUNE, search="ban na")),
        "sort by village": lambda: _ids(db, flt, "village"),
        "totals of every row": lambda: _totals(db, flt),
    }
    floor_list = _median(lambda: _raw(db, "SELECT id FROM activity LIMIT 1000"), times)
    floor_count = _median(lambda: _raw(db, "SELECT count(*) FROM activity"), times)
    measured = benchmark.pedantic(
        lambda: {name: _median(fn, times) for name, fn in figures.items()},
        rounds=1,
        iterations=1,
    )
    print(f"\n{size:,} activities (floors: ids {floor_list * 1000:.1f} ms, "
          f"count {floor_count * 1000:.1f} ms)")  # fmt: skip
    for name, seconds in measured.items():
        print(f"  {name}: {seconds * 1000:.0f} ms")
    if benchmark.disabled:
        return
    assert measured["list open (first chunk of ids)"] < floor_list + 0.2
    assert measured["a filter change (village + form)"] < floor_list + 0.5
    # all campaigns: the newest 5 % are another campaign's, which "ban na" hardly matches
    # (198 ms at a million, 1.9 s before the date index was walked against the FTS index)
    assert measured["a search keystroke ('ban na')"] < floor_list + 0.5
    assert measured["totals of every row"] < floor_count + 1.0


# Keystrokes typing a village's name, a form's, a topic's, and a typo, in each keyset order
# (issue 19: every keystroke under 100 ms at a million, all campaigns shown: the newest
# 5 % of the rows are another campaign's, which none of these but "hoa" matches).
KEYSTROKES = ("b", "ba", "ban", "ban n", "ban na", "hop dan", "bluezone", "doan", "zzz")
KEYSTROKE_SORTS = ("date", "village", "team", "form")
# ... and with the newer campaign's filter (its 5 % of the rows, which hold none of these
# words but "hoa"): 200-700 ms at a million when proving no match read every row.
NEWER = "digital-2026"
CAMPAIGN_KEYSTROKES = ("b", "ban na", "hop dan", "doan", "hoa")


def test_search_keystrokes(benchmark: Any, db: Database, size: int) -> None:
    times = rounds(benchmark, 5)
    floor = _median(lambda: _raw(db, "SELECT id FROM activity LIMIT 1000"), times)

    def keystroke(typed: str, sort: str, campaign: str | None = None) -> float:
        flt = ActivityFilter(COMMUNE, search=typed, campaign_id=campaign)
        return _median(lambda: _ids(db, flt, sort), times)

    def every() -> dict[tuple[str, str], float]:
        return {(t, sort): keystroke(t, sort) for t in KEYSTROKES for sort in KEYSTROKE_SORTS}

    def newer() -> dict[tuple[str, str], float]:
        return {
            (t, sort): keystroke(t, sort, NEWER)
            for t in CAMPAIGN_KEYSTROKES
            for sort in KEYSTROKE_SORTS
        }

    measured, in_newer = benchmark.pedantic(lambda: (every(), newer()), rounds=1, iterations=1)
    print(f"\n{size:,} activities, search keystrokes in ms (floor {floor * 1000:.1f} ms)")
    _table(measured, KEYSTROKES)
    print(f"  ... in the campaign {NEWER}:")
    _table(in_newer, CAMPAIGN_KEYSTROKES)
    if benchmark.disabled:
        return
    # the newer campaign, words its rows lack: 1-2 s at a million when proving no match
    # read every row, 110-300 ms at load 5-6 (23-33 ms at load 3) once its months bound
    # the walk and its span of ids is counted in the FTS index; "hoa" (half its rows) by
    # form still walks the other form's rows first (0.7 s at load 6, 1.5 s before)
    assert max(in_newer[t, sort] for t, sort in in_newer if t != "hoa") < floor + 0.15
    # the list's own order, every keystroke: at a million "b" 160 ms, "ban" 116 ms before
    # SQLite tested the words as the list's order is walked; 70-100 ms after (medians,
    # load 1-2 on 2 cores), up to 115 ms at load 4: the bound leaves room for that
    assert max(measured[typed, "date"] for typed in KEYSTROKES) < floor + 0.15
    # by team too; by village or form, a word that names no village (form) too, but a
    # village's name by village and a form's by form sort every match (150-380 ms)
    assert max(measured[typed, "team"] for typed in KEYSTROKES) < floor + 0.15


def _table(measured: dict[tuple[str, str], float], rows: tuple[str, ...]) -> None:
    print(f"  {'':10}" + "".join(f"{sort:>9}" for sort in KEYSTROKE_SORTS))
    for typed in rows:
        cells = "".join(f"{measured[typed, sort] * 1000:9.0f}" for sort in KEYSTROKE_SORTS)
        print(f"  {typed!r:10}{cells}")


# The list sorted by a count column, the note or the topics (issue 19: keyset-paged from
# the sort keys, store/sort_keys.py and store/topic_keys.py), in both directions, the first
# chunk and the next (``after=``), with the filters a clerk sets most.
KEYED_SORTS = ("sessions", "people", "installs", "note", "topics")
KEYED_FILTERS: dict[str, dict[str, Any]] = {
    "all": {},
    "covid-2021": {"campaign_id": "covid-2021"},
    "village 3": {"village_id": 3},
    "September": {"start": dt.date(2021, 9, 1), "end": dt.date(2021, 9, 30)},
}


def _keyed_chunks(db: Database, flt: ActivityFilter, sort: str, descending: bool) -> int:
    """The first chunk of a sort, then the chunk after it."""
    catalog = first_campaign()
    with db.read_session() as session:
        first = queries.ordered_ids(session, flt, catalog, sort=sort, descending=descending,
                                    limit=FIRST_CHUNK + 1, offset=0)  # fmt: skip
    if not first:
        return 0
    with db.read_session() as session:
        queries.ordered_ids(session, flt, catalog, sort=sort, descending=descending,
                            limit=FIRST_CHUNK + 1, offset=len(first), after=first[-1])  # fmt: skip
    return len(first)


def test_count_and_note_sorts(benchmark: Any, db: Database, size: int) -> None:
    times = rounds(benchmark, 5)
    floor = _median(lambda: _raw(db, "SELECT id FROM activity LIMIT 1000"), times)

    def chunks(change: dict[str, Any], sort: str, descending: bool) -> float:
        flt = ActivityFilter(COMMUNE, **change)
        return _median(lambda: _keyed_chunks(db, flt, sort, descending), times)

    def every() -> dict[tuple[str, str, bool], float]:
        return {
            (name, sort, descending): chunks(change, sort, descending)
            for name, change in KEYED_FILTERS.items()
            for sort in KEYED_SORTS
            for descending in (True, False)
        }

    measured = benchmark.pedantic(every, rounds=1, iterations=1)
    print(f"\n{size:,} activities, first + next chunk in ms (floor {floor * 1000:.1f} ms)")
    print(f"  {'':12}" + "".join(f"{sort + (' ↓', ' ↑')[up]:>12}" for sort in KEYED_SORTS
                                 for up in (0, 1)))  # fmt: skip
    for name in KEYED_FILTERS:
        cells = "".join(
            f"{measured[name, sort, descending] * 1000:12.0f}"
            for sort in KEYED_SORTS
            for descending in (True, False)
        )
        print(f"  {name:12}{cells}")
    if benchmark.disabled:
        return
    # two chunks each: at a million 1-45 ms (load ~2.5 on 2 cores) where sorting every row
    # took 2-3 s a chunk; the bound leaves room for a busy machine
    assert max(measured.values()) < floor + 0.2


def test_check_and_backup(benchmark: Any, db: Database, size: int, tmp_path: Path) -> None:
    database = Path(str(db.engine.url.database))
    started = time.perf_counter()
    hashlib.sha256(database.read_bytes()).hexdigest()
    floor = time.perf_counter() - started
    seen: list[int] = []

    def both() -> tuple[float, float]:
        started = time.perf_counter()
        assert health.check(db, progress=lambda done, total: seen.append(done)).ok
        checked = time.perf_counter() - started
        started = time.perf_counter()
        backup.write_backup(database, tmp_path / "copy.sqlite3", progress=lambda d, t: None)
        return checked, time.perf_counter() - started

    checked, copied = benchmark.pedantic(both, rounds=1, iterations=1)
    size_mb = database.stat().st_size >> 20
    print(f"\n{size:,} activities, {size_mb} MB: read the file {floor:.2f} s, "
          f"check {checked:.2f} s, backup {copied:.2f} s")  # fmt: skip
    assert seen[-1] == 100
    if not benchmark.disabled:
        assert checked < 10 * floor + 1 and copied < 10 * floor + 1
