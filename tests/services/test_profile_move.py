"""Crossing the 2025 reform (issue 18, item 4, test c): a 2021 Mường Giàng installation
moved to Xã Quỳnh Nhai keeps its 2021 reports byte for byte and reports its new months
as the new commune, to the province; wrong moves are refused and change nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.domain.periods import month_period
from quynhnhai_desktop.services import (
    activities,
    demo,
    package_export,
    profile,
    report,
    unit_history,
)
from quynhnhai_desktop.store.database import Database, open_database
from tests.support import activity_data
from tests.support.db_snapshot import snapshot

SEPTEMBER_2021 = month_period(2021, 9)
OCTOBER_2025 = month_period(2025, 10)
REFORM = dt.date(2025, 7, 1)
SIGNER = ("Lò Văn Thành", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")


def _pdf_text(blob: bytes) -> str:
    return " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(blob)).pages
    )


@pytest.fixture
def muong_giang(paths: AppPaths) -> Database:
    db = open_database(paths.database_url)
    profile.set_up(db, profile.SetupRequest("commune", "03703", *SIGNER), keys_dir=paths.keys_dir)
    demo.fill(db, months=1, until=SEPTEMBER_2021.end)
    return db


def _record_october_2025(db: Database) -> None:
    drafted = activity_data.draft(db, "14/10/2025")
    with db.session() as session:
        activities.record(session, "03703", drafted, first_campaign())


def test_a_moved_commune_keeps_its_2021_reports_and_reports_october_2025_as_the_new_one(
    muong_giang: Database, paths: AppPaths, tmp_path: Path
) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    before.mkdir()
    after.mkdir()
    first = package_export.export(muong_giang, paths, SEPTEMBER_2021, before)
    sent = first.path.read_bytes()

    plan, moved = unit_history.move(muong_giang, "03703", REFORM)
    assert (plan.old.full_name, plan.new.full_name) == ("Xã Mường Giàng", "Xã Quỳnh Nhai")
    assert (moved.unit_name, moved.district_code, moved.province_name) == (
        "Quỳnh Nhai",
        None,
        "Sơn La",
    )
    assert "tỉnh Sơn La" in moved.recipient

    again = package_export.export(muong_giang, paths, SEPTEMBER_2021, after)
    assert again.path.name == first.path.name
    assert hashlib.sha256(again.path.read_bytes()).hexdigest() == hashlib.sha256(sent).hexdigest()
    old = report.prepare(muong_giang, SEPTEMBER_2021)
    assert (old.data.unit_name, old.issuer.recipient) == (
        "Mường Giàng",
        "UBND huyện Quỳnh Nhai (qua Phòng Văn hóa và Thông tin)",
    )

    _record_october_2025(muong_giang)
    new = report.prepare(muong_giang, OCTOBER_2025)
    assert new.data.totals.activities == 1
    text = _pdf_text(report.pdf_bytes(new))
    assert "XÃ QUỲNH NHAI" in text and "MƯỜNG GIÀNG" not in text
    assert "Kính gửi: UBND tỉnh Sơn La" in text
    exported = package_export.export(muong_giang, paths, OCTOBER_2025, after)
    assert exported.path.name == "BC-2025-10-03703-r1.qnbc"
    from quynhnhai_desktop.services import package

    manifest = package.read(exported.path.read_bytes()).manifest
    assert (manifest.unit.code, manifest.unit.name, manifest.unit.parent_code) == (
        "03703",
        "Xã Quỳnh Nhai",
        "14",
    )
    assert manifest.unit.valid_on == OCTOBER_2025.start
    kept = package.read(again.path.read_bytes()).manifest  # the 2021 one: the old unit
    assert (kept.unit.name, kept.unit.parent_code) == ("Xã Mường Giàng", "118")
    muong_giang.close()


def test_the_history_keeps_both_identities_with_their_dates(muong_giang: Database) -> None:
    unit_history.move(muong_giang, "03703", REFORM)
    with muong_giang.read_session() as session:
        labels = [i.dated_label for i in unit_history.history(session)]
    assert labels == [
        "03703 Xã Mường Giàng (đến 30/06/2025)",
        "03703 Xã Quỳnh Nhai (từ 01/07/2025)",
    ]
    muong_giang.close()


@pytest.mark.parametrize(
    ("code", "on", "expected"),
    [
        ("03688", REFORM, "was merged into 03703 Xã Quỳnh Nhai (từ 01/07/2025), not into 03688"),
        ("03703", dt.date(2025, 8, 1), "ended on 30/06/2025: the move is on 01/07/2025"),
        ("03703", dt.date(2024, 1, 1), "ended on 30/06/2025: the move is on 01/07/2025"),
        ("99999", REFORM, "not into 99999"),
    ],
)
def test_a_wrong_move_is_refused_and_changes_nothing(
    muong_giang: Database, paths: AppPaths, code: str, on: dt.date, expected: str
) -> None:
    untouched = snapshot(paths.database)
    with pytest.raises(UserError) as refused:
        unit_history.move(muong_giang, code, on)
    assert expected in refused.value.english()
    assert snapshot(paths.database) == untouched
    muong_giang.close()


def test_a_second_move_is_refused(muong_giang: Database, paths: AppPaths) -> None:
    unit_history.move(muong_giang, "03703", REFORM)
    untouched = snapshot(paths.database)
    with pytest.raises(UserError) as refused:
        unit_history.move(muong_giang, "03703", REFORM)
    assert "already 03703 Xã Quỳnh Nhai (từ 01/07/2025)" in refused.value.english()
    assert snapshot(paths.database) == untouched
    muong_giang.close()


def test_the_cli_shows_moves_and_prints_both_identities(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quynhnhai_desktop.cli import main

    data = ["--lang", "en", "--data-dir", str(tmp_path / "data")]
    signer = ["--signer-name", SIGNER[0], "--signer-title", SIGNER[1]]
    assert main([*data, "init", "--commune", "03703", *signer]) == 0
    capsys.readouterr()
    assert main([*data, "profile", "move", "--to", "03703", "--on", "01/07/2025"]) == 0
    shown = capsys.readouterr().out
    assert "Would move 03703 Xã Mường Giàng (đến 30/06/2025) to 03703 Xã Quỳnh Nhai" in shown
    assert main([*data, "profile", "show"]) == 0
    assert "Unit: 03703 Xã Mường Giàng (đến 30/06/2025)" in capsys.readouterr().out
    assert main([*data, "profile", "move", "--to", "03703", "--on", "2025-07-01", "--yes"]) == 0
    assert "Moved:" in capsys.readouterr().out
    assert main([*data, "profile", "show"]) == 0
    out = capsys.readouterr().out
    assert "Unit: 03703 Xã Quỳnh Nhai (từ 01/07/2025)" in out
    assert "Earlier: 03703 Xã Mường Giàng (đến 30/06/2025), reports went to: UBND huyện" in out
    assert "Kính gửi (recipient): UBND tỉnh Sơn La" in out


@pytest.mark.parametrize(
    "args",
    [
        ["--to", "03712", "--on", "01/07/2025", "--yes"],
        ["--to", "03703", "--on", "02/07/2025", "--yes"],
        ["--to", "03703", "--on", "hôm qua", "--yes"],
    ],
)
def test_the_cli_refuses_a_wrong_move_with_the_app_s_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    from quynhnhai_desktop.cli import main

    data = ["--lang", "en", "--data-dir", str(tmp_path / "data")]
    signer = ["--signer-name", SIGNER[0], "--signer-title", SIGNER[1]]
    assert main([*data, "init", "--commune", "03703", *signer]) == 0
    database = AppPaths(tmp_path / "data").database
    untouched = snapshot(database)
    capsys.readouterr()
    assert main([*data, "profile", "move", *args]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and captured.err.strip()
    assert snapshot(database) == untouched


def test_the_issuing_body_is_set_and_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quynhnhai_desktop.cli import main

    data = ["--lang", "en", "--data-dir", str(tmp_path / "data")]
    signer = ["--signer-name", "Cầm Văn Chính", "--signer-title", "GIÁM ĐỐC"]
    assert main([*data, "init", "--unit", "14", *signer]) == 0
    assert main([*data, "profile", "show"]) == 0
    out = capsys.readouterr().out
    assert "Issuing body of the consolidated report: Sở Văn hóa, Thể thao và Du lịch" in out
    assert "Unit: 14 Tỉnh Sơn La" in out
    body = "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La"
    assert main([*data, "profile", "set", "--issuing-body", body]) == 0
    assert f"Issuing body of the consolidated report: {body}" in capsys.readouterr().out


def test_the_consolidated_report_is_issued_by_the_body_named_in_settings(db: Database) -> None:
    from quynhnhai_desktop.services import district_report

    profile.set_up(db, profile.SetupRequest("district", "118", "Cầm Văn Chính", "TRƯỞNG PHÒNG"))
    made = profile.get_profile(db)
    assert made is not None
    assert district_report.issuer_from_profile(made).authority == "PHÒNG VĂN HÓA VÀ THÔNG TIN"
    changed = profile.update_signer(
        db, profile.SignerChange(issuing_body="Phòng Văn hóa - Thông tin và Thể thao")
    )
    issuer = district_report.issuer_from_profile(changed)
    assert issuer.authority == "PHÒNG VĂN HÓA - THÔNG TIN VÀ THỂ THAO"
    assert issuer.recipient.startswith("Sở")  # a 2021 district reports to the province
    reset = profile.update_signer(db, profile.SignerChange(issuing_body=""))
    assert profile.issuing_body(reset) == "Phòng Văn hóa và Thông tin"
    with pytest.raises(UserError):
        profile.update_signer(db, profile.SignerChange(issuing_body="x" * 200))
    kept = profile.get_profile(db)
    assert kept is not None and kept.issuing_body is None
