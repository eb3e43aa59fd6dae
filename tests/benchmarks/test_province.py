"""A Sơn La province: 75 communes × 12 months (07/2025–06/2026) of format-2 packages (the
unit with its date in the manifest, as the app writes them). Import per
package < 0.2 s, the completeness grid and the consolidated report < 1 s each.

The floor, measured in the same run, is reading and verifying the same files without the
database (zip, hashes, signature, schema): what an import cannot avoid.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from quynhnhai_desktop.domain.periods import month_period
from quynhnhai_desktop.domain.units import default_units
from quynhnhai_desktop.services import district, district_report, package, profile
from quynhnhai_desktop.services import identity as identity_service
from quynhnhai_desktop.store.database import Database
from tests.support.package_helpers import enrol_files, make_package, many_rows_data

MONTHS = [(2025, m) for m in range(7, 13)] + [(2026, m) for m in range(1, 7)]


@pytest.fixture(scope="module")
def province_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("usb")
    communes = default_units().reporting_to("14", dt.date(2025, 9, 1))
    files = []
    for number, commune in enumerate(communes):
        key = identity_service.load_or_create(folder / "keys" / commune.code)
        for index, (year, month) in enumerate(MONTHS):
            data = many_rows_data(20, seed=number * 12 + index)
            name, blob = make_package(
                key,
                commune=commune.code,
                name=commune.full_name,
                month=month,
                year=year,
                upper="14",
                data=data,
                version=2,
            )
            path = folder / name
            path.write_bytes(blob)
            files.append(path)
    return files


def test_province_imports_a_year_of_75_communes(
    benchmark, db: Database, province_files: list[Path]
) -> None:  # type: ignore[no-untyped-def]
    profile.set_up(db, profile.SetupRequest(None, "14", "Cầm Văn Chính", "GIÁM ĐỐC"))
    files = province_files if not benchmark.disabled else province_files[:24]
    start = time.perf_counter()
    for path in files:
        package.read(path.read_bytes())
    floor = (time.perf_counter() - start) / len(files)
    one_per_commune = {path.name.split("-")[3]: path for path in files}.values()
    enrol_files(db, one_per_commune)
    results = benchmark.pedantic(district.import_files, args=(db, files), rounds=1, iterations=1)
    assert {r.outcome for r in results} == {district.Outcome.IMPORTED}
    assert all(package.read(p.read_bytes()).manifest.format_version == 2 for p in files[:3])
    imported = benchmark.stats.stats.median if not benchmark.disabled else 0.0
    per_package = imported / len(files)
    months = [dt.date(year, month, 1) for year, month in MONTHS]
    start = time.perf_counter()
    grid = district.completeness(db, months)
    grid_time = time.perf_counter() - start
    assert len(grid) == 75
    start = time.perf_counter()
    bundle = district_report.prepare(db, month_period(2025, 9), today=dt.date(2025, 10, 5))
    report_time = time.perf_counter() - start
    assert bundle.issuer.unit_name == "Sơn La"
    print(
        f"\n{len(files)} packages: verify floor {floor * 1000:.1f} ms, import "
        f"{per_package * 1000:.1f} ms a package ({per_package / floor:.1f}× floor), grid "
        f"{grid_time:.2f} s, report {report_time:.2f} s"
    )
    if not benchmark.disabled:
        assert per_package < 0.2
        assert grid_time < 1
        assert report_time < 1
