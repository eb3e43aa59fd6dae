"""Help → User guide opens the short guide in the user's language; F1 opens it too."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths, resource
from quynhnhai_desktop.gui.help import HelpDialog
from quynhnhai_desktop.gui.main_window import MainWindow
from quynhnhai_desktop.store.database import Database

TOPICS_VI = ("Ghi một hoạt động", "In áp phích mã QR", "Làm và gửi báo cáo tháng",
             "nhập và tổng hợp báo cáo của các xã", "Sao lưu và khôi phục")  # fmt: skip


def test_the_guide_opens_from_the_help_menu_in_both_languages(
    qtbot: QtBot, paths: AppPaths, commune_db: Database
) -> None:
    window = MainWindow(paths)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    assert window.ui.actionUserGuide.text() == "&Hướng dẫn sử dụng"
    assert window.ui.actionUserGuide.shortcut().toString() == "F1"
    window.ui.actionUserGuide.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog)]
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    text = dialogs[0].browser.toPlainText()
    assert dialogs[0].windowTitle() == "Hướng dẫn sử dụng"
    for topic in TOPICS_VI:
        assert topic in text

    i18n.install("en")
    qtbot.waitUntil(lambda: dialogs[0].windowTitle() == "User guide", timeout=2_000)
    assert "Make and send the monthly report" in dialogs[0].browser.toPlainText()
    dialogs[0].close()


def test_the_repository_guide_is_the_in_app_guide_with_pictures() -> None:
    root = Path(__file__).resolve().parents[2]
    in_app = resource("help", "guide.vi.md").read_text(encoding="utf-8")
    docs = (root / "docs" / "user-guide.vi.md").read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\((screenshots/[^)]+)\)", docs)
    assert len(pictures) >= 5
    for picture in pictures:
        assert (root / "docs" / picture).is_file(), picture
    text = [b for b in docs.split("\n\n") if not b.startswith(("![", "<!--"))]
    assert text == in_app.split("\n\n")
