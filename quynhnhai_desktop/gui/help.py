"""Help → User guide: the short guide (resources/help/guide.<lang>.md) in a text browser.

The same text is docs/user-guide.vi.md in the repository (with screenshots); the in-app
copy has no pictures so it stays small and reads well at any window size.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import resource

log = logging.getLogger(__name__)


def guide_text(lang: str) -> str:
    path = resource("help", f"guide.{lang}.md")
    if not path.exists():
        log.error("user guide missing: %s", path)
        path = resource("help", "guide.vi.md")
    return path.read_text(encoding="utf-8")


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(self.buttons)
        from quynhnhai_desktop.gui.window_memory import fit_on_screen

        fit_on_screen(self, 760, 540)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("User guide"))
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setMarkdown(guide_text(i18n.current_lang()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
