"""A year of packages from all 11 communes (132 files): import < 10 s, re-import < 2 s.

The baseline, measured in the same run, is reading and verifying the same files without
touching the database (zip, hashes, signature, schema): what an import cannot avoid.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from quynhnhai_desktop.domain.units import default_units
from quynhnhai_desktop.services import district, package, profile
from quynhnhai_desktop.services import identity as identity_service
from quynhnhai_desktop.store.database import Database
from tests.benchmarks.test_district_grid import realistic_pdf
from tests.services.test_district import DISTRICT
from tests.support.package_helpers import enrol_files, make_package, many_rows_data


@pytest.fixture(scope="module")
def year_of_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("usb")
    communes = district.expected_communes(default_units(), "118", dt.date(2021, 9, 30))
    files = []
    pdf = realistic_pdf(0)  # ~100 KB that does not compress, as a real package's PDF
    for number, commune in enumerate(communes):
        key = identity_service.load_or_create(folder / "keys" / commune.code)
        for month in range(1, 13):
            data = many_rows_data(60, seed=number * 12 + month)
            name, blob = make_package(
                key, commune=commune.code, name=commune.name, month=month, data=data, pdf=pdf
            )
            path = folder / name
            path.write_bytes(blob)
            files.append(path)
    return files


def test_import_a_year_from_every_commune(
    benchmark, db: Database, year_of_files: list[Path]
) -> None:  # type: ignore[no-untyped-def]
    profile.set_up(db, DISTRICT)
    files = year_of_files if not benchmark.disabled else year_of_files[:12]
    start = time.perf_counter()
    for path in files:
        package.read(path.read_bytes())
    verify_only = time.perf_counter() - start

    one_per_commune = {path.name.split("-")[3]: path for path in files}.values()
    enrol_files(db, one_per_commune)  # each commune's fingerprint was confirmed
    first = benchmark.pedantic(district.import_files, args=(db, files), rounds=1, iterations=1)
    assert {r.outcome for r in first} == {district.Outcome.IMPORTED}
    start = time.perf_counter()
    again = district.import_files(db, files)
    second = time.perf_counter() - start
    assert {r.outcome for r in again} == {district.Outcome.ALREADY}
    imported = benchmark.stats.stats.median if not benchmark.disabled else 0.0
    print(
        f"\n{len(files)} files: verify only {verify_only:.2f} s, import {imported:.2f} s, "
        f"second import {second:.2f} s"
    )
    if not benchmark.disabled:
        assert imported < 10
        assert second < 2
