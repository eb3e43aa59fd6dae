"""Who signs can be changed: Settings and `quynhnhai profile set`; sent reports keep theirs."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.periods import calendar_month
from quynhnhai_desktop.gui.main_window import MainWindow
from quynhnhai_desktop.services import package_export
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.store.database import Database
from tests.support.hostile import assert_refused, database_dump, run_cli
from tests.support.qt_helpers import type_text

SEPTEMBER = calendar_month(2021, 9)


@pytest.fixture(autouse=True)
def _qt_vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    i18n.install("vi")


def open_window(qtbot: QtBot, paths: AppPaths) -> MainWindow:
    window = MainWindow(paths)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    return window


def _retype(qtbot: QtBot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    type_text(qtbot, field, text)


def _pdf_text(package: Path) -> str:
    with zipfile.ZipFile(package) as archive:
        pdf = archive.read("report.pdf")
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


def test_settings_change_the_signer_and_a_sent_revision_keeps_the_old_one(
    qtbot: QtBot, paths: AppPaths, filled_db: Database, tmp_path: Path
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    first = package_export.export(filled_db, paths, SEPTEMBER, stick)
    assert first.revision == 1

    window = open_window(qtbot, paths)
    page = window.show_section("settings")
    group = page.signer_group
    assert (
        group.recipient_combo.currentText()
        == "UBND huyện Quỳnh Nhai (qua Phòng Văn hóa và Thông tin)"
    )
    assert group.signature_edit.text() == "TM. ỦY BAN NHÂN DÂN"
    assert group.title_edit.text() == "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    _retype(qtbot, group.name_edit, "Quàng Thị Hoa")
    _retype(qtbot, group.title_edit, "chủ tịch")
    _retype(qtbot, group.recipient_combo.lineEdit(), "Phòng Văn hóa và Thông tin huyện Quỳnh Nhai")
    group.copies_edit.setFocus()
    qtbot.keyClick(group.copies_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(group.copies_edit, Qt.Key.Key_Return)
    type_text(qtbot, group.copies_edit, "Đảng ủy xã;")
    qtbot.mouseClick(group.save_button, Qt.MouseButton.LeftButton)

    assert "Đã lưu" in group.status.text()
    assert "Quàng Thị Hoa" in window._unit_label.text()
    saved = profile_service.get_profile(filled_db)
    assert saved is not None
    assert (saved.signer_name, saved.signer_title) == ("Quàng Thị Hoa", "CHỦ TỊCH")
    assert saved.recipient == "Phòng Văn hóa và Thông tin huyện Quỳnh Nhai"
    assert profile_service.copies_to(saved)[-1] == "Đảng ủy xã;"
    page.grab().save(str(tmp_path / "settings.png"))
    for size in ((1024, 600), (1366, 768)):
        window.resize(*size)
        qtbot.wait(10)
        window.grab().save(str(tmp_path / f"settings-{size[0]}.png"))

    second = package_export.export(filled_db, paths, SEPTEMBER, stick)
    assert second.revision == 2 and not second.reused
    old, new = _pdf_text(first.path), _pdf_text(second.path)
    assert "Lò Văn Thành" in old and "PHÓ CHỦ TỊCH" in old and "Quàng Thị Hoa" not in old
    assert "Kính gửi: UBND huyện Quỳnh Nhai (qua Phòng Văn hóa và Thông tin)." in old
    assert "Quàng Thị Hoa" in new and "Lò Văn Thành" not in new and "KT. CHỦ TỊCH" not in new
    assert "Kính gửi: Phòng Văn hóa và Thông tin huyện Quỳnh Nhai." in new
    assert "- Đảng ủy xã;" in new and "- Đảng ủy xã;" not in old
    assert first.path.exists()  # r1 is kept as it was signed
    again = package_export.export(filled_db, paths, SEPTEMBER, stick)
    assert again.revision == 2 and again.reused


def test_an_empty_name_is_refused_with_a_message(
    qtbot: QtBot, paths: AppPaths, commune_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    window = open_window(qtbot, paths)
    group = window.show_section("settings").signer_group
    _retype(qtbot, group.name_edit, "   ")
    qtbot.mouseClick(group.save_button, Qt.MouseButton.LeftButton)
    assert shown == ["Nhập họ tên người ký."]
    saved = profile_service.get_profile(commune_db)
    assert saved is not None and saved.signer_name == "Lò Văn Thành"


def test_profile_set_on_the_command_line(paths: AppPaths, commune_db: Database) -> None:
    result = run_cli(
        paths.data_dir,
        "profile", "set", "--signer-name", "Quàng Thị Hoa", "--signer-title", "CHỦ TỊCH",
        "--recipient", "UBND huyện Quỳnh Nhai", "--copies-to", "Như trên;",
        "--copies-to", "Lưu: VT.",
    )  # fmt: skip
    assert result.code == 0, result.text
    assert "Người ký: Quàng Thị Hoa" in result.out
    assert "- Lưu: VT." in result.out
    saved = profile_service.get_profile(commune_db)
    assert saved is not None
    assert saved.recipient == "UBND huyện Quỳnh Nhai"
    assert profile_service.copies_to(saved) == ("Như trên;", "Lưu: VT.")
    assert saved.signature_line is None  # untouched: still the commune's usual line
    assert profile_service.signature_line(saved) == "TM. ỦY BAN NHÂN DÂN"


def test_profile_set_refuses_an_empty_name(paths: AppPaths, commune_db: Database) -> None:
    before = database_dump(paths.data_dir)
    result = run_cli(paths.data_dir, "profile", "set", "--signer-name", " ")
    assert_refused(result, paths.data_dir, before, "Nhập họ tên người ký.")
    result = run_cli(paths.data_dir, "profile", "set")
    assert_refused(result, paths.data_dir, before, "Không có gì để sửa")


def test_the_set_up_takes_the_villages_pasted_from_excel(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QWizard

    from quynhnhai_desktop.gui.setup_wizard import SetupWizard
    from quynhnhai_desktop.services import reference

    wizard = SetupWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.ui.communeMode.setChecked(True)
    wizard.next()
    edit = wizard.ui.villagesEdit
    assert edit.isVisible()
    edit.setFocus()
    edit.insertPlainText("1. Bản Nà\n2. bản pá uôn\n\nBản Đán\nban na\n")  # a pasted column
    wizard.grab().save(str(tmp_path / "wizard-villages.png"))
    wizard.next()
    type_text(qtbot, wizard.ui.signerName, "Quàng Văn Hặc")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    created = profile_service.get_profile(db)
    assert created is not None
    with db.session() as session:
        names = [v.name for v in reference.list_villages(session, created.unit_code)]
    assert names == ["Bản Đán", "Bản Nà", "Bản Pá Uôn"]
