"""The first session of the crash-draft test: type into the dialog, then get killed.

    python -m tests.support.draft_session DATA_DIR

Opens the real main window, opens the note dialog, types a Vietnamese note and a count key
by key, prints ``draft-written`` once the draft reached the disk, and waits to be killed.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.main_window import MainWindow

TYPED_NOTE = "Tuyên truyền ở bản Huổi Ngùa, phát tờ rơi"


def type_text(widget: QWidget, text: str) -> None:
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def main(data_dir: str) -> int:
    app = QApplication(sys.argv[:1])
    i18n.install("vi")
    window = MainWindow(AppPaths.resolve(data_dir))

    def open_dialog() -> None:
        from tests.support.draft_dialog import NoteDialog

        assert window.state is not None
        dialog = NoteDialog(window.state, window)
        dialog.draft.written.connect(lambda: print("draft-written", flush=True))
        dialog.show()
        type_text(dialog.note, TYPED_NOTE)
        dialog.people.selectAll()
        type_text(dialog.people, "85")

    window.ready.connect(open_dialog)
    window.show()
    return app.exec()  # until SIGKILL


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
