"""Backups cost about what a checked file copy costs: cheap enough for every exit.

Five years of a commune's data; the baseline, measured in the same run, is the least any
*checked* copy can cost: a plain file copy (of a closed, checkpointed database: the only
time a raw copy would be safe), the same checks of the copy (integrity, foreign keys) and
an fsync. Targets:
the consistent backup (VACUUM INTO + check + fsync) within 2x that baseline; a full
restore (stage: copy + check; back up the current data; swap; open: three passes over
the file) within 5x it.
Run with ``pytest tests/benchmarks --benchmark-enable -s``; in the normal test run one small
round checks only that everything works.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.services import backup, demo, profile
from quynhnhai_desktop.store.database import open_database
from tests.benchmarks.rounds import rounds as bench_rounds
from tests.conftest import MUONG_GIANG


@pytest.fixture(scope="module")
def five_years(tmp_path_factory: pytest.TempPathFactory) -> AppPaths:
    paths = AppPaths(tmp_path_factory.mktemp("five-years")).ensure()
    db = open_database(paths.database_url)
    profile.set_up(db, MUONG_GIANG)
    demo.fill(db, months=60, until=dt.date(2024, 12, 31))  # from 01/2020
    db.close()  # checkpointed: the raw copy of the baseline is then a fair copy
    return paths


def _median(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def test_backup_and_restore_cost_close_to_a_checked_copy(
    benchmark, five_years: AppPaths, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    paths = five_years
    usb = tmp_path / "usb"
    usb.mkdir()

    def checked_copy() -> None:
        target = usb / "raw.sqlite3"
        shutil.copyfile(paths.database, target)
        conn = sqlite3.connect(target)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.close()
        with target.open("rb+") as handle:
            os.fsync(handle.fileno())
        target.unlink()

    def make_backup() -> None:
        backup.write_backup(paths.database, usb / "saoluu.sqlite3")

    def full_restore() -> None:
        staged = backup.stage(paths, usb / "saoluu.sqlite3")
        backup.restore(paths, staged)
        backup.prune(paths.backups_dir)

    enabled = not benchmark.disabled
    rounds = bench_rounds(benchmark, 9)
    if enabled:
        checked_copy()  # warm the file cache alike for all three
        make_backup()
    baseline = _median(checked_copy, rounds)
    made = _median(make_backup, rounds)
    restored = _median(full_restore, rounds)
    benchmark.pedantic(make_backup, rounds=1, iterations=1)
    size = paths.database.stat().st_size
    benchmark.extra_info.update(
        {
            "baseline_s": round(baseline, 4),
            "backup_s": round(made, 4),
            "restore_s": round(restored, 4),
        }
    )
    print(
        f"\nbackup of {size / 1e6:.1f} MB (5 years), medians over {rounds}: checked raw copy "
        f"{baseline * 1000:.0f} ms, backup {made * 1000:.0f} ms ({made / baseline:.2f}x), "
        f"full restore {restored * 1000:.0f} ms ({restored / baseline:.2f}x)"
    )
    summary = backup.check_backup(usb / "saoluu.sqlite3", "saoluu.sqlite3", writable=False)
    assert summary.counts["activities"] > 3000
    if enabled:
        assert made <= 2 * baseline
        assert restored <= 5 * baseline
