"""An activity export streams its rows: its peak memory does not grow with the row count.

Each export runs in a process of its own and reports its peak RSS; the floor of the same
run is the same export of one week's rows (the interpreter, the libraries, the database's
caches). What the full export adds over that floor is bounded, and from 100k to 1M rows
it stays flat: it was 1.5 GB at a million when the rows were held in memory, and 8 MB more
than at 100k while the ids in list order were kept as an ``array('q')``. The ids now come
from one cursor, a batch at a time, each batch's rows fetched and written as they come.

Sizes as in test_million.py (``QUYNHNHAI_BENCH_SIZES``; the databases are shared with it).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.benchmarks.test_million import commune, pytest_generate_tests

__all__ = ["commune", "pytest_generate_tests"]  # the cached commune of each size
ROOT = Path(__file__).resolve().parents[2]
GROWN: dict[int, float] = {}  # size -> MB the full export added over the floor, this run
BOUND_MB = 64  # what an export may add over the floor, at any size
FLAT_SLACK_MB = 4  # what ten times the rows may add to that (SQLite's and the allocator's slack)


def _export(folder: Path, out: Path, which: str) -> tuple[int, float]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.export_probe", str(folder), str(out), which],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=3600,
    )
    rows, peak_kb = done.stdout.split()[-2:]
    return int(rows), int(peak_kb) / 1024


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM (Linux)")
def test_export_memory_is_flat(benchmark: Any, commune: Path, size: int, tmp_path: Path) -> None:
    rows_floor, floor = _export(commune, tmp_path / "week.csv", "week")
    rows, peak = benchmark.pedantic(
        _export, args=(commune, tmp_path / "all.csv", "all"), rounds=1, iterations=1
    )
    lines = sum(1 for _ in (tmp_path / "all.csv").open(encoding="utf-8-sig")) - 1
    assert rows == lines == size and 0 < rows_floor < rows  # the first campaign: all of it
    grown = peak - floor
    GROWN[size] = grown
    benchmark.extra_info.update({"peak_mb": round(peak, 1), "floor_mb": round(floor, 1)})
    print(
        f"\nexport of {rows:,} rows to CSV: peak {peak:.0f} MB, floor ({rows_floor} rows) "
        f"{floor:.0f} MB, +{grown:.1f} MB"
    )
    assert grown < BOUND_MB
    smaller = [s for s in GROWN if s < size]
    if smaller:  # ten times the rows, the same memory (the allocator's slack aside)
        least = max(smaller)
        assert grown <= GROWN[least] + FLAT_SLACK_MB
