"""Walk what a window shows and collect its visible texts (the untranslated-string walker)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from quynhnhai_desktop.config import resource

TAG = re.compile(r"<[^>]+>")


def _clean(text: str) -> str:
    text = TAG.sub(" ", text).replace("&nbsp;", " ").replace("&amp;", "&")
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


@cache
def ts_pairs() -> tuple[dict[str, str], dict[str, str]]:
    """English source -> Vietnamese, and Vietnamese -> English source (cleaned), where the
    two differ: an English source on a Vietnamese screen, or the reverse, is a miss."""
    tree = ET.parse(resource("translations", "quynhnhai_vi.ts"))
    to_vi: dict[str, str] = {}
    to_en: dict[str, str] = {}
    for message in tree.iter("message"):
        source = _clean(message.findtext("source") or "")
        translation = _clean(message.findtext("translation") or "")
        if not translation or source == translation or "{" in source:
            continue
        to_vi[source] = translation
        to_en[translation] = source
    return to_vi, to_en


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a user can see or hear on *root* and its children."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        where = f"{type(widget).__name__}:{widget.objectName()}"
        texts: list[str] = [widget.toolTip(), widget.accessibleName()]
        if widget.isWindow():
            texts.append(widget.windowTitle())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:
            model = widget.model()
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount(QModelIndex()))
            ]
        elif isinstance(widget, QMenu):
            texts.append(widget.title())
            texts += [action.text() for action in widget.actions()]
        if isinstance(widget, QMainWindow):
            for action in widget.menuBar().actions():
                texts.append(action.text())
                menu = action.menu()
                if menu is not None:
                    texts += [a.text() for a in menu.actions()]
        for text in texts:
            cleaned = _clean(text or "")
            if cleaned:
                yield where, cleaned


def misses(root: QWidget, lang: str) -> list[str]:
    """Texts shown in the wrong language: an English source with a Vietnamese translation on
    a Vietnamese screen, a Vietnamese translation on an English screen."""
    to_vi, to_en = ts_pairs()
    found = []
    for where, text in visible_texts(root):
        if lang == "vi" and text in to_vi and text not in to_en:
            found.append(f"{where}: {text!r} (Vietnamese: {to_vi[text]!r})")
        if lang == "en" and text in to_en and text not in to_vi:
            found.append(f"{where}: {text!r} (English: {to_en[text]!r})")
    return found


ALLOWED_ASCII = {"QR", "Zalo", "Bluezone", "PDF", "Excel", "English", "OK", "CSV", "XLSX"}
WORD = re.compile(r"[A-Za-z]{3,}")


def english_looking(root: QWidget) -> list[str]:
    """Vietnamese screen: pure-ASCII texts of two or more words that lupdate never saw
    (a string someone forgot to mark for translation). Vietnamese phrases carry diacritics."""
    found = []
    for where, text in visible_texts(root):
        if not text.isascii() or "/" in text or "\\" in text or "@" in text:
            continue  # paths, addresses
        words = [  # codes and key fingerprints (all capitals) are not words
            w for w in WORD.findall(text) if w not in ALLOWED_ASCII and not w.isupper()
        ]
        if len(words) >= 2:
            found.append(f"{where}: {text!r}")
    return found
