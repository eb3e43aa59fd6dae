"""The province level and the 2025 chain: communes set up after 1/7/2025 report straight to
a Sơn La province installation, read from the dated unit registry (issue 18, test b/d)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.package import Manifest
from quynhnhai_desktop.domain.periods import month_period
from quynhnhai_desktop.domain.units import default_units
from quynhnhai_desktop.services import demo, district, package, package_export, profile, report
from quynhnhai_desktop.store.database import Database, open_database
from tests.support.package_helpers import enrol_files

SEPTEMBER_2025 = month_period(2025, 9)
SIGNER = ("Lò Văn Thành", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
NEW_COMMUNES = {"03703": "Xã Quỳnh Nhai", "03712": "Xã Mường Sại"}


def _commune(root: Path, code: str, usb: Path, on: dt.date) -> report.ReportBundle:
    paths = AppPaths(root / code).ensure()
    db = open_database(paths.database_url)
    request = profile.SetupRequest(None, code, *SIGNER, on=on)
    profile.set_up(db, request, keys_dir=paths.keys_dir)
    demo.fill(db, months=1, until=SEPTEMBER_2025.end)
    package_export.export(db, paths, SEPTEMBER_2025, usb)
    bundle = report.prepare(db, SEPTEMBER_2025)
    db.close()
    return bundle


def _province(paths: AppPaths) -> Database:
    db = open_database(paths.database_url)
    profile.set_up(db, profile.SetupRequest(None, "14", "Cầm Văn Chính", "GIÁM ĐỐC"))
    return db


def test_a_province_installation_is_a_consolidating_level(paths: AppPaths) -> None:
    db = _province(paths)
    made = profile.get_profile(db)
    assert made is not None
    assert (made.mode, made.unit_name, made.district_code) == ("province", "Sơn La", None)
    assert profile.consolidates(made) and not profile.records_activities(made)
    assert made.recipient == "Bộ Văn hóa, Thể thao và Du lịch"
    db.close()


def test_2025_communes_report_straight_to_the_province(tmp_path: Path, paths: AppPaths) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    sent = {code: _commune(tmp_path, code, usb, dt.date(2025, 9, 1)) for code in NEW_COMMUNES}
    for code, bundle in sent.items():
        assert f"{bundle.data.unit_kind} {bundle.data.unit_name}" == NEW_COMMUNES[code]
    db = _province(paths)
    files = sorted(usb.glob("*.qnbc"))
    assert len(files) == 2
    for path in files:  # format 2: the unit as the registry has it on the period's first day
        manifest = package.read(path.read_bytes()).manifest
        assert isinstance(manifest, Manifest)
        assert (manifest.unit.name, manifest.unit.level) == (
            NEW_COMMUNES[manifest.unit.code],
            "commune",
        )
        assert (manifest.unit.parent_code, manifest.unit.valid_on) == ("14", SEPTEMBER_2025.start)
    enrol_files(db, files)
    results = district.import_files(db, files)
    assert {r.outcome for r in results} == {district.Outcome.IMPORTED}, results
    grid = district.completeness(db, [SEPTEMBER_2025.start])
    expected = district.expected_communes(default_units(), "14", SEPTEMBER_2025.end)
    assert len(grid) == len(expected) == 75
    received = district.latest_data(db, SEPTEMBER_2025.start, SEPTEMBER_2025.end)
    assert set(received) == set(NEW_COMMUNES)
    for code, bundle in sent.items():
        assert received[code].totals == bundle.data.totals.values
    db.close()


def test_a_2021_commune_s_package_is_refused_by_the_2025_province_with_both_names(
    tmp_path: Path, paths: AppPaths
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    old = AppPaths(tmp_path / "old").ensure()
    old_db = open_database(old.database_url)
    profile.set_up(old_db, profile.SetupRequest("commune", "03703", *SIGNER), keys_dir=old.keys_dir)
    demo.fill(old_db, months=1, until=dt.date(2021, 9, 30))
    package_export.export(old_db, old, month_period(2021, 9), usb)
    old_db.close()
    db = _province(paths)
    files = sorted(usb.glob("*.qnbc"))
    enrol_files(db, files)
    [result] = district.import_files(db, files)
    assert result.outcome is district.Outcome.REFUSED
    assert result.error is not None
    message = result.error.english()
    assert "Xã Mường Giàng (03703)" in message and "Huyện Quỳnh Nhai" in message
    assert "not to Tỉnh Sơn La" in message
    db.close()


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(tmp_path / "province").ensure()


def test_the_province_prints_its_consolidated_report_from_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quynhnhai_desktop.cli import main

    usb = tmp_path / "usb"
    usb.mkdir()
    sent = {code: _commune(tmp_path, code, usb, dt.date(2025, 9, 1)) for code in NEW_COMMUNES}
    data = tmp_path / "province-data"
    signer = ["--signer-name", "Cầm Văn Chính", "--signer-title", "GIÁM ĐỐC"]
    assert main(["--data-dir", str(data), "init", "--unit", "14", *signer]) == 0
    paths = AppPaths(data).ensure()
    db = open_database(paths.database_url)
    enrol_files(db, sorted(usb.glob("*.qnbc")))
    db.close()
    assert main(["--data-dir", str(data), "package", "import", *map(str, usb.glob("*.qnbc"))]) == 0
    capsys.readouterr()
    pdf = tmp_path / "tinh.pdf"
    args = ["report", "consolidated", "--month", "2025-09", "--pdf", str(pdf)]
    assert main(["--data-dir", str(data), *args]) == 0
    out = capsys.readouterr().out
    assert "Sở Văn hóa, Thể thao và Du lịch" in out
    assert pdf.read_bytes().startswith(b"%PDF")
    people = sum(bundle.data.totals.values["people"] for bundle in sent.values())
    assert f"{people:,}".replace(",", ".") in out
