"""Month end: the clerk sends the signed report file to a USB stick from the report page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from quynhnhai_desktop.gui.report import send_dialog
from quynhnhai_desktop.gui.report.send_dialog import SendDialog
from quynhnhai_desktop.services import package
from quynhnhai_desktop.system.drives import Destination
from tests.gui.test_report_gui import _page, pick_month, window  # noqa: F401 - the fixture

GB = 1024**3


def places(stick: Path, documents: Path) -> list[Destination]:
    return [
        Destination(stick, "removable", "KINGSTON", 3 * GB, 8 * GB),
        Destination(documents, "folder", "", 40 * GB, 200 * GB),
    ]


def test_usb_sticks_come_first_with_their_free_space(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        send_dialog, "list_destinations", lambda _extra: places(tmp_path / "E", tmp_path / "D")
    )
    dialog = SendDialog([])
    qtbot.addWidget(dialog)
    first = dialog.places.item(0).text()
    assert first.startswith("USB hoặc thẻ nhớ: KINGSTON")
    assert "còn trống 3" in first
    assert dialog.chosen() == tmp_path / "E"
    assert dialog.hint.text() == ""
    monkeypatch.setattr(send_dialog, "list_destinations", lambda _extra: [])
    dialog.refresh()
    assert "Chưa thấy USB" in dialog.hint.text()


def test_send_writes_a_checked_package_on_the_stick(
    qtbot: QtBot,
    window,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stick = tmp_path / "E"
    stick.mkdir()
    monkeypatch.setattr(
        send_dialog, "list_destinations", lambda _extra: places(stick, tmp_path / "D")
    )
    named: list[str] = []

    def accept(dialog: SendDialog) -> QDialog.DialogCode:
        named.append(dialog.what.text())  # what the clerk reads before writing
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SendDialog, "exec", accept)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    page = _page(qtbot, window)
    pick_month(qtbot, page, 2021, 9)
    with qtbot.waitSignal(page.sent, timeout=20_000) as sent:
        page.ui.sendButton.click()
    result = sent.args[0]
    assert result.path.parent == stick and result.revision == 1
    assert named == ["Tệp: BC-2021-09-03703-r1.qnbc (lần gửi 1)."]
    assert result.path.name == "BC-2021-09-03703-r1.qnbc"
    verified = package.read(result.path.read_bytes())
    assert verified.manifest.commune_code == "03703"
    assert "có thể rút USB" in told[0]
    qtbot.waitUntil(lambda: "1" in page.ui.exportedLabel.text(), timeout=10_000)
