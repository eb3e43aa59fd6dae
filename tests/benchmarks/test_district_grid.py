"""The completeness grid: 12 months of 2,400 imported packages under 0.2 s.

Each package carries a realistic ~100 KB PDF (incompressible, as a real report's compressed
streams are) and its JSON: the grid must read only the columns it shows, once, grouped by
(commune, month), so its time does not grow with cells × reports nor with the blobs' size.
The same-run floor is the same grid over the first 132 packages (one a cell), measured in the
same test before the other 2,268 are added: the fixed cost is the same, only the rows differ.

Disabled (the normal run): 132 packages, the grid checked for shape only.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time

import pytest

from quynhnhai_desktop.domain.units import default_units
from quynhnhai_desktop.services import district, profile
from quynhnhai_desktop.store.database import Database
from tests.benchmarks.rounds import rounds as bench_rounds
from tests.services.test_district import DISTRICT

MONTHS = [dt.date(2021, m, 1) for m in range(1, 13)]
PDF_SIZE = 100_000
FULL, SMOKE = 2_400, 132


def realistic_pdf(seed: int) -> bytes:
    """~100 KB that does not compress, like a real two-page report's Flate streams."""
    body = random.Random(seed).randbytes(PDF_SIZE)
    return b"%PDF-1.7\n" + body + b"\n%%EOF\n"


def fill(db: Database, count: int, first: int = 0) -> None:
    """Packages *first*..*count*-1 over the district's communes and 2021's months (revisions
    on top)."""
    communes = district.expected_communes(default_units(), "118", dt.date(2021, 12, 31))
    data_json = '{"rows": [' + ",".join(['{"people": 42}'] * 400) + "]}"  # ~6 KB
    rows = []
    for number in range(first, count):
        commune = communes[number % len(communes)]
        start = MONTHS[(number // len(communes)) % 12]
        end = district._next_month(start) - dt.timedelta(days=1)
        revision = number // (len(communes) * 12) + 1
        made = dt.datetime.combine(end, dt.time(9)) + dt.timedelta(days=number % 9)
        rows.append(
            (
                f"{number:064x}",
                commune.code,
                commune.name,
                start.isoformat(),
                end.isoformat(),
                "calendar",
                revision,
                "f" * 64,
                made.isoformat(sep=" "),
                made.isoformat(sep=" "),
                f"{commune.code}-{number}.qnbc",
                data_json,
                realistic_pdf(number),
            )
        )
    if not rows:
        return
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO imported_report (package_sha256, commune_code, commune_name, "
            "period_start, period_end, period_rule, revision, key_fingerprint, created_at, "
            "imported_at, file_name, data_json, pdf) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def median_grid_time(db: Database) -> float:
    """The grid's median time over five runs, read in this process as the benchmark reads it."""
    times = []
    for _ in range(5):
        start = time.perf_counter()
        district.completeness(db, MONTHS)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@pytest.mark.parametrize("count", [SMOKE, FULL], ids=["132", "2400"])
def test_grid_of_a_year(benchmark, db: Database, count: int) -> None:  # type: ignore[no-untyped-def]
    if benchmark.disabled and count != SMOKE:
        pytest.skip("the 2,400-package grid runs with --benchmark-enable")
    profile.set_up(db, DISTRICT)
    fill(db, SMOKE)
    floor = None if benchmark.disabled or count == SMOKE else median_grid_time(db)
    fill(db, count, first=SMOKE)
    grid = benchmark.pedantic(
        district.completeness, args=(db, MONTHS), rounds=bench_rounds(benchmark, 5), iterations=1
    )
    assert len(grid) == 11 and all(len(line) == 12 for line in grid)
    assert all(cell.status in district.COUNTED for line in grid for cell in line)
    if benchmark.disabled:
        return
    took = benchmark.stats.stats.median
    if floor is None:  # a small grid: the fixed cost dominates
        assert took < 0.2
        return
    print(
        f"\ngrid of {count} packages: {took * 1000:.1f} ms (the same grid over {SMOKE}: "
        f"{floor * 1000:.1f} ms, {took / floor:.1f}x; target 0.2 s on a quiet machine)"
    )
    # Grouped in SQL over the covering index, the grid reads a few more index entries per
    # cell: 18x the packages cost it 1.3-1.5x. Without the index it reads every row's PDF
    # (8.9x measured, 175 ms against 20 ms). A ratio to the same grid holds on a busy machine,
    # where a raw fetch of 5 ms as the floor did not (26x in one CI run).
    assert took < 3 * floor
