"""A profile is a unit at a level, read from the dated registry: `init --unit CODE --on DATE`
and the wizard take any commune or district, 2021 or 2025."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from quynhnhai_desktop.cli import main
from quynhnhai_desktop.gui.setup_wizard import DAY_ROLE, SetupWizard
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.store.database import Database
from tests.support.qt_helpers import type_text

SIGNER = ["--signer-name", "Lò Văn Thành", "--signer-title", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"]


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def test_init_unit_on_a_2025_day_sets_up_the_new_commune_reporting_to_the_province(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    assert run(data, "init", "--unit", "03703", "--on", "2026-01-01", *SIGNER) == 0
    out = capsys.readouterr().out
    assert "Xã Quỳnh Nhai (03703)" in out
    assert "UBND tỉnh Sơn La (qua Sở Văn hóa, Thể thao và Du lịch)" in out
    assert run(data, "profile", "show") == 0
    assert "Xã Quỳnh Nhai" in capsys.readouterr().out


def test_init_unit_on_a_2021_day_is_the_old_commune_reporting_to_its_district(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path / "d", "init", "--unit", "03703", "--on", "01/09/2021", *SIGNER) == 0
    out = capsys.readouterr().out
    assert "Xã Mường Giàng (03703)" in out
    assert "UBND huyện Quỳnh Nhai (qua Phòng Văn hóa và Thông tin)" in out


def test_init_commune_alias_keeps_meaning_the_2021_commune(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path / "d", "init", "--commune", "03703", *SIGNER) == 0
    assert "Xã Mường Giàng (03703)" in capsys.readouterr().out


def test_init_unit_district_is_a_consolidating_level(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path / "d", "init", "--unit", "118", "--on", "2021-09-01", *SIGNER) == 0
    assert "Huyện Quỳnh Nhai (118)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--unit", "118", "--on", "2026-01-01"],
            "không có đơn vị nào mang mã 118 vào ngày 01/01/2026",
        ),
        (["--unit", "03703", "--on", "hôm qua"], "“hôm qua”"),
        (["--unit", "99999"], "mã 99999"),
    ],
)
def test_init_unit_refuses_a_code_that_is_not_a_unit_on_that_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    data = tmp_path / "d"
    assert run(data, "init", *args, *SIGNER) == 1
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert run(data, "profile", "show") == 1  # nothing was set up
    assert "chưa được thiết lập" in capsys.readouterr().err


def test_wizard_sets_up_a_2025_commune(qtbot: QtBot, db: Database) -> None:
    wizard = SetupWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.ui.communeMode.setChecked(True)
    wizard.next()
    combo = wizard.ui.unitCombo
    new = [i for i in range(combo.count()) if combo.itemText(i).startswith("Xã Quỳnh Nhai")]
    assert len(new) == 1
    combo.setCurrentIndex(new[0])
    assert combo.currentText() == "Xã Quỳnh Nhai — Tỉnh Sơn La (03703, từ 01/07/2025)"
    assert combo.itemData(new[0], DAY_ROLE) == "2025-07-01"
    old = combo.findText("Xã Mường Giàng — Huyện Quỳnh Nhai (03703, đến 30/06/2025)")
    assert old >= 0
    wizard.grab().save("/tmp/i18-wizard-unit.png")
    wizard.next()
    type_text(qtbot, wizard.ui.signerName, "Quàng Văn Hặc")
    wizard.ui.signerTitle.setCurrentIndex(0)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    profile = profile_service.get_profile(db)
    assert profile is not None
    assert (profile.unit_code, profile.unit_name, profile.district_code) == (
        "03703",
        "Quỳnh Nhai",
        None,
    )
    assert profile_service.records_activities(profile)
    assert profile.recipient == "UBND tỉnh Sơn La (qua Sở Văn hóa, Thể thao và Du lịch)"
