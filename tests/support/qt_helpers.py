"""Typing Vietnamese into real widgets.

QTest.keyClicks aborts on characters outside Latin-1 (ă, ơ, ư, ệ…). A Vietnamese keyboard
(Unikey, Windows' Telex) delivers such characters as key events carrying the text, which is
what :func:`type_text` sends: ASCII through QTest as usual, the rest as text key events.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type *text* into *widget* key by key, as a clerk would."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )
