"""A consolidation is itself a package (issue 18, item 3): format 2 carries the unit with its
date; a 2021 district sends its consolidated report to the province, whose totals are the
communes'; a package whose unit does not fit the unit list on its date is refused with both
names (tests a and d). Each unit is a real installation in its own folder."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from quynhnhai_desktop.cli import main
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.package import ConsolidatedData, Manifest
from quynhnhai_desktop.domain.periods import month_period
from quynhnhai_desktop.services import (
    demo,
    district,
    district_report,
    package,
    package_export,
    profile,
)
from quynhnhai_desktop.store.database import Database, open_database
from tests.services.test_district_report import pdf_tables
from tests.support.hostile import DATABASE_NAME, database_dump
from tests.support.package_helpers import enrol_files, make_package, sample_data

SEPTEMBER_2021 = month_period(2021, 9)
SEPTEMBER_2025 = month_period(2025, 9)
SIGNER = ("Lò Văn Thành", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
COMMUNES_2021 = ("03682", "03703", "03709")  # Mường Chiên, Mường Giàng, Mường Sại


def _installation(root: Path, code: str, mode: profile.Mode | None, on: dt.date | None) -> Database:
    paths = AppPaths(root).ensure()
    db = open_database(paths.database_url)
    profile.set_up(db, profile.SetupRequest(mode, code, *SIGNER, on=on), keys_dir=paths.keys_dir)
    return db


def _sql_totals(data_dir: Path) -> dict[str, int]:
    """A commune's September 2021 figures straight from its database."""
    conn = sqlite3.connect(f"{(data_dir / DATABASE_NAME).resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT v.indicator_code, SUM(v.value) FROM activity_value v"
            " JOIN activity a ON a.id = v.activity_id"
            " WHERE a.deleted_at IS NULL AND a.date BETWEEN '2021-09-01' AND '2021-09-30'"
            " GROUP BY v.indicator_code"
        ).fetchall()
    finally:
        conn.close()
    return {code: total for code, total in rows if total}


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Three 2021 communes export September 2021; the district imports them and exports its
    consolidated package through the command line."""
    root = tmp_path_factory.mktemp("chain")
    to_district, to_province = root / "usb-district", root / "usb-province"
    to_district.mkdir()
    to_province.mkdir()
    for code in COMMUNES_2021:
        db = _installation(root / code, code, "commune", None)
        demo.fill(db, months=1, until=SEPTEMBER_2021.end)
        package_export.export(db, AppPaths(root / code), SEPTEMBER_2021, to_district)
        db.close()
    db = _installation(root / "118", "118", "district", None)
    enrol_files(db, [to_district])
    results = district.import_files(db, [to_district])
    assert {r.outcome for r in results} == {district.Outcome.IMPORTED}, results
    db.close()
    args = ["--data-dir", str(root / "118"), "package", "export", "--month", "2021-09"]
    assert main([*args, "--out", str(to_province)]) == 0
    return {"root": root, "usb": to_province}


def test_the_district_package_is_format_2_and_carries_each_commune_s_totals(
    chain: dict[str, Path],
) -> None:
    [path] = sorted(chain["usb"].glob("*.qnbc"))
    assert path.name == "BC-2021-09-118-r1.qnbc"
    verified = package.read(path.read_bytes())
    manifest = verified.manifest
    assert isinstance(manifest, Manifest) and manifest.format_version == 2
    assert manifest.unit.model_dump() == {
        "code": "118",
        "level": "district",
        "name": "Huyện Quỳnh Nhai",
        "parent_code": "14",
        "valid_on": SEPTEMBER_2021.start,
    }
    assert manifest.campaign.id == "covid-2021"
    data = verified.data
    assert isinstance(data, ConsolidatedData)
    assert sorted(u.code for u in data.units) == sorted(COMMUNES_2021)
    for unit in data.units:
        assert unit.totals == _sql_totals(chain["root"] / unit.code)
        assert unit.revision == 1
        sent = next((chain["root"] / "usb-district").glob(f"BC-2021-09-{unit.code}-r1.qnbc"))
        assert unit.package_sha256 == package.read(sent.read_bytes()).sha256
    assert verified.pdf.startswith(b"%PDF")


def test_a_re_export_with_nothing_changed_is_the_same_file(chain: dict[str, Path]) -> None:
    [path] = sorted(chain["usb"].glob("*.qnbc"))
    again = chain["root"] / "again"
    again.mkdir(exist_ok=True)
    args = ["--data-dir", str(chain["root"] / "118"), "package", "export", "--month", "2021-09"]
    assert main([*args, "--out", str(again)]) == 0
    assert (again / path.name).read_bytes() == path.read_bytes()


def test_the_province_counts_the_district_s_totals_which_are_the_communes_sums(
    chain: dict[str, Path], tmp_path: Path
) -> None:
    db = _installation(tmp_path / "14", "14", None, None)
    enrol_files(db, [chain["usb"]])
    [result] = district.import_files(db, [chain["usb"]])
    assert result.outcome is district.Outcome.IMPORTED, result.error and result.error.english()
    assert (result.commune_code, result.commune) == ("118", "Quỳnh Nhai")
    [line] = district.completeness(db, [SEPTEMBER_2021.start])
    assert line[0].commune.code == "118"
    assert line[0].status is district.Status.LATE  # counted; exported years after 09/2021
    bundle = district_report.prepare(db, SEPTEMBER_2021, today=dt.date(2021, 10, 5))
    expected: dict[str, int] = {}
    for code in COMMUNES_2021:
        for indicator, value in _sql_totals(chain["root"] / code).items():
            expected[indicator] = expected.get(indicator, 0) + value
    got = {code: value for code, value in bundle.report.data.totals.values.items() if value}
    assert got == expected
    [by_district] = bundle.report.data.by_village.lines
    assert (by_district.key, by_district.label) == ("118", "Huyện Quỳnh Nhai")
    assert [c.code for c in bundle.report.reported] == ["118"]
    assert bundle.issuer.unit_name == "Sơn La"
    # Its districts report to it: the texts and tables say "huyện", not "xã".
    assert "đã nhận được báo cáo của đủ 1/1 huyện." in bundle.narrative.results
    assert "Theo báo cáo của các huyện" in bundle.narrative.results
    tables = pdf_tables(district_report.pdf_bytes(bundle))
    people = f"{expected['people']:,}".replace(",", ".")
    assert tables["Huyện"]["Huyện Quỳnh Nhai"]["Lượt người được tuyên truyền"] == people
    db.close()


def test_the_province_reports_to_no_one_so_it_exports_no_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _installation(tmp_path / "14", "14", None, None)
    before = database_dump(tmp_path / "14")
    args = ["--data-dir", str(tmp_path / "14"), "package", "export", "--month", "2021-09"]
    assert main([*args, "--out", str(tmp_path)]) == 1
    assert "Tỉnh Sơn La không báo cáo lên cấp nào" in capsys.readouterr().err
    assert database_dump(tmp_path / "14") == before
    assert not list(tmp_path.glob("*.qnbc"))
    db.close()


# -- (d) refusals with both names ------------------------------------------------------------


def _refused(db: Database, data_dir: Path, path: Path) -> str:
    before = database_dump(data_dir)
    [result] = district.import_files(db, [path])
    assert result.outcome is district.Outcome.REFUSED and result.error is not None
    assert database_dump(data_dir) == before
    return result.error.english()


def test_03703_claiming_quynh_nhai_for_september_2021_is_refused_with_both_names(
    tmp_path: Path,
) -> None:
    from quynhnhai_desktop.services import identity

    db = _installation(tmp_path / "118", "118", "district", None)
    key = identity.load_or_create(tmp_path / "key")
    name, blob = make_package(key, version=2, name="Xã Quỳnh Nhai")  # 03703, 09/2021, to 118
    path = tmp_path / name
    path.write_bytes(blob)
    enrol_files(db, [path])
    message = _refused(db, tmp_path / "118", path)
    assert "“Xã Quỳnh Nhai” (unit 03703) for 01/09/2021" in message
    assert "unit 03703 is Xã Mường Giàng" in message
    assert "Huyện Quỳnh Nhai did not import it" in message
    db.close()


def test_a_2021_installation_reporting_september_2025_is_refused_by_the_province(
    tmp_path: Path,
) -> None:
    """03703 was Xã Mường Giàng until 30/6/2025 and is Xã Quỳnh Nhai since: a Mường Giàng
    installation never moved (Settings) sends September 2025 under its old name."""
    usb = tmp_path / "usb"
    usb.mkdir()
    old = _installation(tmp_path / "03703", "03703", "commune", None)
    demo.fill(old, months=1, until=SEPTEMBER_2025.end)
    package_export.export(old, AppPaths(tmp_path / "03703"), SEPTEMBER_2025, usb)
    old.close()
    [path] = sorted(usb.glob("*.qnbc"))
    db = _installation(tmp_path / "14", "14", None, None)
    message = _refused(db, tmp_path / "14", path)
    assert "“Xã Mường Giàng” (unit 03703) for 01/09/2025" in message
    assert "unit 03703 is Xã Quỳnh Nhai" in message
    assert "Tỉnh Sơn La did not import it" in message
    db.close()


def test_a_2025_commune_s_package_is_refused_by_the_2021_district_with_both_names(
    tmp_path: Path,
) -> None:
    """Xã Mường Sại (03712) of 2025 reports to the province; on 01/09/2025 no unit reports
    to Huyện Quỳnh Nhai (it is gone), so the district refuses, naming both."""
    usb = tmp_path / "usb"
    usb.mkdir()
    new = _installation(tmp_path / "03712", "03712", None, dt.date(2025, 9, 1))
    demo.fill(new, months=1, until=SEPTEMBER_2025.end)
    package_export.export(new, AppPaths(tmp_path / "03712"), SEPTEMBER_2025, usb)
    new.close()
    [path] = sorted(usb.glob("*.qnbc"))
    db = _installation(tmp_path / "118", "118", "district", None)
    message = _refused(db, tmp_path / "118", path)
    assert "“Xã Mường Sại”: it is from Xã Mường Sại (03712)" in message
    assert "on 01/09/2025 reports to Tỉnh Sơn La, not to Huyện Quỳnh Nhai" in message
    db.close()


def test_a_package_claiming_the_wrong_level_is_refused(tmp_path: Path) -> None:
    from quynhnhai_desktop.services import identity

    db = _installation(tmp_path / "14", "14", None, None)
    key = identity.load_or_create(tmp_path / "key")
    name, blob = make_package(
        key, version=2, commune="118", name="Huyện Quỳnh Nhai", upper="14", data=sample_data()
    )  # a district's code, as a commune with activity rows
    path = tmp_path / name
    path.write_bytes(blob)
    message = _refused(db, tmp_path / "14", path)
    assert "“Huyện Quỳnh Nhai” (118) at another level" in message
    assert "Tỉnh Sơn La did not import it" in message
    db.close()
