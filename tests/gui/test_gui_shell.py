"""The window opens in Vietnamese, the wizard writes the profile, Qt's buttons speak Vietnamese."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWizard
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.main_window import MainWindow
from quynhnhai_desktop.gui.setup_wizard import SetupWizard
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.store.database import Database
from tests.support.qt_helpers import type_text

VIETNAMESE_SECTIONS = [
    "Tổng quan",
    "Hoạt động",
    "Địa điểm & mã QR",
    "Báo cáo",
    "Danh mục",
    "Đợt tuyên truyền",
    "Cài đặt",
]


@pytest.fixture(autouse=True)
def _qt_vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    i18n.install("vi")  # again, now that the QApplication exists: installs into Qt


def open_window(qtbot: QtBot, paths: AppPaths, **kwargs: object) -> MainWindow:
    window = MainWindow(paths, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    return window


def test_main_window_opens_with_vietnamese_sections(
    qtbot: QtBot, paths: AppPaths, commune_db: Database, tmp_path: Path
) -> None:
    window = open_window(qtbot, paths)
    nav = window.ui.navigation
    assert [nav.item(i).text() for i in range(nav.count())] == VIETNAMESE_SECTIONS
    assert window.windowTitle() == "Quỳnh Nhai — Xã Mường Giàng"
    assert "Xã Mường Giàng — Lò Văn Thành" in window._unit_label.text()
    with qtbot.waitSignal(window.database_checked, timeout=10_000) as checked:
        pass
    assert checked.args == [[]]
    assert window._db_label.text() == "Dữ liệu: tốt"
    assert window.ui.menuFile.title() == "Tệ&p"
    window.grab().save(str(tmp_path / "main.png"))


def test_settings_page_shows_the_profile_and_the_data_folder(
    qtbot: QtBot, paths: AppPaths, commune_db: Database
) -> None:
    window = open_window(qtbot, paths)
    page = window.show_section("settings")
    texts = " | ".join(label.text() for label in page.findChildren(type(window._unit_label)))
    assert "03703 Xã Mường Giàng (đến 30/06/2025)" in texts
    assert page.signer_group.title_edit.text() == "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    assert str(paths.data_dir) in texts


def test_demo_start_sets_up_and_fills_an_empty_database(qtbot: QtBot, paths: AppPaths) -> None:
    window = open_window(qtbot, paths, demo=True)
    assert window.state is not None
    assert window.state.profile.unit_code == "03703"
    from quynhnhai_desktop.services import health

    counts = health.check(window.state.db).counts
    assert counts["activities"] > 100 and counts["venues"] >= 30
    assert window.windowTitle() == "Quỳnh Nhai — Xã Mường Giàng — DỮ LIỆU MẪU"
    window.grab().save(str(paths.data_dir.parent / "demo-window.png"))


def test_demo_data_lives_beside_the_real_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "UBND huyen Quynh Nhai" / "QuynhNhai"
    monkeypatch.setenv("QUYNHNHAI_DATA_DIR", str(real))
    assert AppPaths.resolve().data_dir == real
    demo = AppPaths.resolve(demo=True).data_dir
    assert demo == real.parent / "QuynhNhai-demo"
    # A folder chosen on purpose is used as it is, demo or not.
    assert AppPaths.resolve(tmp_path / "thu", demo=True).data_dir == tmp_path / "thu"


def test_wizard_driven_by_keyboard_writes_the_profile(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    wizard = SetupWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Tiếp >"
    wizard.ui.communeMode.setChecked(True)
    wizard.next()
    combo = wizard.ui.unitCombo
    combo.setCurrentIndex(combo.findData("03706"))
    assert "Xã Chiềng Bằng — Huyện Quỳnh Nhai" in combo.currentText()
    wizard.next()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()  # the signer's name is required
    type_text(qtbot, wizard.ui.signerName, "Quàng Văn Hặc")
    wizard.ui.signerTitle.setCurrentIndex(0)
    wizard.grab().save(str(tmp_path / "wizard.png"))
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    profile = profile_service.get_profile(db)
    assert profile is not None
    assert (profile.unit_code, profile.unit_name) == ("03706", "Chiềng Bằng")
    assert profile.signer_name == "Quàng Văn Hặc"
    assert profile.signer_title == "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"


def test_wizard_in_district_mode_lists_districts(qtbot: QtBot, db: Database) -> None:
    wizard = SetupWizard(db)
    qtbot.addWidget(wizard)
    wizard.ui.districtMode.setChecked(True)
    assert [wizard.ui.unitCombo.itemData(i) for i in range(wizard.ui.unitCombo.count())] == ["118"]


def test_cancelled_setup_closes_the_window_and_writes_nothing(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SetupWizard, "exec", lambda self: QWizard.DialogCode.Rejected)
    window = MainWindow(paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert window.state is None


def test_qt_own_buttons_are_vietnamese(qtbot: QtBot) -> None:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Yes
        | QDialogButtonBox.StandardButton.No
    )
    qtbot.addWidget(box)
    texts = {b.text() for b in box.buttons()}
    assert texts == {"Đồng ý", "Hủy", "&Có", "&Không"}


def test_english_on_request(qtbot: QtBot, paths: AppPaths, commune_db: Database) -> None:
    i18n.install("en")
    window = open_window(qtbot, paths)
    nav = window.ui.navigation
    assert nav.item(0).text() == "Overview"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.buttons()[0].text() == "Cancel"
