"""Eleven communes export their packages; the district imports them and the sums agree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.domain.periods import month_period
from quynhnhai_desktop.domain.units import default_units
from quynhnhai_desktop.services import demo, district, package, package_export, profile, report
from quynhnhai_desktop.store.database import open_database
from quynhnhai_desktop.store.files import atomic_writer
from tests.services.test_district import DISTRICT
from tests.support.package_helpers import enrol_files

SEPTEMBER = month_period(2021, 9)


def _commune(tmp: Path, code: str) -> tuple[AppPaths, dict[str, int]]:
    paths = AppPaths(tmp / code).ensure()
    db = open_database(paths.database_url)
    request = profile.SetupRequest("commune", code, "Lò Văn Thành", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
    profile.set_up(db, request, keys_dir=paths.keys_dir)
    demo.fill(db, months=2, until=dt.date(2021, 9, 30))
    totals = dict(report.prepare(db, SEPTEMBER).data.totals.values)
    package_export.export(db, paths, SEPTEMBER, tmp / "usb")
    db.close()
    return paths, totals


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, int]]]:
    tmp = tmp_path_factory.mktemp("communes")
    (tmp / "usb").mkdir()
    communes = district.expected_communes(default_units(), "118", SEPTEMBER.end)
    totals = {unit.code: _commune(tmp, unit.code)[1] for unit in communes}
    return tmp / "usb", totals


def test_district_totals_equal_the_sum_of_the_communes(exported, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    usb, totals = exported
    db = open_database(paths.database_url)
    profile.set_up(db, DISTRICT)
    enrol_files(db, [usb])
    results = district.import_files(db, [usb])
    assert len(results) == 11
    assert {r.outcome for r in results} == {district.Outcome.IMPORTED}
    column = [line[0] for line in district.completeness(db, [dt.date(2021, 9, 1)])]
    assert sum(cell.status is not district.Status.MISSING for cell in column) == 11
    imported = district.latest_data(db, SEPTEMBER.start, SEPTEMBER.end)
    summed: dict[str, int] = {}
    for data in imported.values():
        for code, value in data.totals.items():
            summed[code] = summed.get(code, 0) + value
    expected: dict[str, int] = {}
    for communal in totals.values():
        for code, value in communal.items():
            if value:
                expected[code] = expected.get(code, 0) + value
    assert summed == expected
    db.close()


def test_a_missing_package_shows_its_commune_missing(
    exported, paths: AppPaths, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    usb, _totals = exported
    files = sorted(usb.glob("*.qnbc"))
    left_out = next(f for f in files if "-03712-" in f.name)
    db = open_database(paths.database_url)
    profile.set_up(db, DISTRICT)
    enrol_files(db, files)
    district.import_files(db, [f for f in files if f != left_out])
    assert [u.code for u in district.missing(db, dt.date(2021, 9, 1))] == ["03712"]
    db.close()


def test_re_export_without_changes_is_the_same_file_and_edits_make_a_new_revision(
    commune_db,
    paths: AppPaths,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    demo.fill(commune_db, months=1, until=dt.date(2021, 9, 30))
    usb = tmp_path / "usb"
    usb.mkdir()
    first = package_export.export(commune_db, paths, SEPTEMBER, usb)
    again = package_export.export(commune_db, paths, SEPTEMBER, usb)
    assert (first.revision, again.revision, again.reused) == (1, 1, True)
    assert first.path.read_bytes() == again.path.read_bytes()
    bundle = report.prepare(commune_db, SEPTEMBER)
    report.save_texts(
        commune_db,
        SEPTEMBER,
        number="07",
        report_date=bundle.narrative.report_date,
        results=None,
        difficulties="Mất điện nhiều ngày.",
        proposals="",
    )
    revised = package_export.export(commune_db, paths, SEPTEMBER, usb)
    assert (revised.revision, revised.reused) == (2, False)
    verified = package.read(revised.path.read_bytes())
    assert verified.data.narrative.difficulties == "Mất điện nhiều ngày."
    assert sorted(p.name for p in usb.iterdir()) == [
        "BC-2021-09-03703-r1.qnbc",
        "BC-2021-09-03703-r2.qnbc",
    ]


def test_an_interrupted_write_leaves_no_partial_file(
    commune_db,
    paths: AppPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    demo.fill(commune_db, months=1, until=dt.date(2021, 9, 30))
    usb = tmp_path / "usb"
    usb.mkdir()
    first = package_export.export(commune_db, paths, SEPTEMBER, usb)
    before = first.path.read_bytes()
    bundle = report.prepare(commune_db, SEPTEMBER)
    report.save_texts(
        commune_db,
        SEPTEMBER,
        number="08",
        report_date=bundle.narrative.report_date,
        results=None,
        difficulties="Khác.",
        proposals="",
    )

    def pulled_stick(target: Path, data: bytes) -> Path:
        assert target.parent == usb  # the copy in the data folder is written as before
        with atomic_writer(target) as handle:
            handle.write(data[: len(data) // 2])
            raise OSError(5, "Input/output error")  # the stick was pulled mid-write

    monkeypatch.setattr(package_export, "write_staged", pulled_stick)
    with pytest.raises(UserError, match="USB stick"):
        package_export.export(commune_db, paths, SEPTEMBER, usb)
    assert [p.name for p in usb.iterdir()] == [first.path.name]  # no r2, no temp file
    assert first.path.read_bytes() == before
    with commune_db.session() as session:  # and no r2 recorded, nor kept
        assert report.latest_submission(session, "03703", SEPTEMBER).revision == 1  # type: ignore[union-attr]
    assert [p.name for p in paths.exports_dir.iterdir()] == [first.path.name]


def test_export_to_a_missing_folder_says_to_check_the_stick(
    commune_db, paths: AppPaths, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match="USB"):
        package_export.export(commune_db, paths, SEPTEMBER, tmp_path / "E:")
