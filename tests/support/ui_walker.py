"""Walk what a window shows and collect its visible texts (the untranslated-string walker)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QMenuBar,
    QScrollBar,
    QTabBar,
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
FILE_NAME = re.compile(r"\w\.(sqlite3|pdf|xlsx|csv|qnbc|log)\b", re.IGNORECASE)


def english_looking(root: QWidget) -> list[str]:
    """Vietnamese screen: pure-ASCII texts of two or more words that lupdate never saw
    (a string someone forgot to mark for translation). Vietnamese phrases carry diacritics."""
    found = []
    for where, text in visible_texts(root):
        if not text.isascii() or "/" in text or "\\" in text or "@" in text:
            continue  # paths, addresses
        if FILE_NAME.search(text):
            continue  # a file's name (a backup chosen to restore)
        words = [  # codes and key fingerprints (all capitals) are not words
            w for w in WORD.findall(text) if w not in ALLOWED_ASCII and not w.isupper()
        ]
        if len(words) >= 2:
            found.append(f"{where}: {text!r}")
    return found


# -- keyboard: mnemonics, names, the Tab chain -------------------------------------------


def mnemonic(text: str) -> str | None:
    """The Alt+letter a text gives its widget, as Qt reads it ("&&" is a literal "&")."""
    text = text.replace("&&", "")
    index = text.find("&")
    return text[index + 1].lower() if 0 <= index < len(text) - 1 else None


def _is_rich(label: QLabel) -> bool:
    return label.textFormat() == Qt.TextFormat.RichText or label.text().lstrip().startswith("<")


def _mnemonic_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of everything on *root* whose "&" makes an Alt shortcut in its window."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        where = f"{type(widget).__name__}:{widget.objectName()}"
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and not _is_rich(widget)
        ):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield where, widget.tabText(index)
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                yield where, action.text()


def mnemonic_problems(root: QWidget) -> list[str]:
    """Alt shortcuts that do not work: two widgets of one window on the same letter (Alt
    then only cycles between them), a letter a US keyboard (the layout Vietnamese typing
    tools run on) cannot press, a label whose "&" has no buddy to go to (it shows the "&"),
    and two items of one menu on the same letter."""
    found: list[str] = []
    owners: dict[str, list[str]] = {}
    for where, text in _mnemonic_texts(root):
        letter = mnemonic(text)
        if letter is None:
            continue
        shown = f"{where} {text!r}"
        if not (letter.isascii() and letter.isalnum()):
            found.append(f"{shown}: Alt+{letter} cannot be typed on a US keyboard")
        owners.setdefault(letter, []).append(shown)
    for widget in [root, *root.findChildren(QLabel)]:
        if (
            isinstance(widget, QLabel)
            and widget.isVisibleTo(root)
            and not _is_rich(widget)
            and mnemonic(widget.text())
            and widget.buddy() is None
        ):
            found.append(f"QLabel:{widget.objectName()} {widget.text()!r} has no buddy")
    found += [f"Alt+{k}: {', '.join(v)}" for k, v in owners.items() if len(v) > 1]
    menus = root.findChildren(QMenu)
    for menu in menus:
        letters: dict[str, list[str]] = {}
        for action in menu.actions():
            letter = mnemonic(action.text())
            if letter is not None:
                letters.setdefault(letter, []).append(action.text())
        found += [f"menu {menu.title()!r} Alt+{k}: {v}" for k, v in letters.items() if len(v) > 1]
    return found


def _named_by_label(root: QWidget) -> set[int]:
    return {
        id(label.buddy())
        for label in root.findChildren(QLabel)
        if label.buddy() is not None and label.isVisibleTo(root) and _clean(label.text())
    }


def _internal(widget: QWidget) -> bool:
    """Parts of a compound widget (a spin box's line edit, a combo's list, scroll bars)."""
    parent = widget.parentWidget()
    if widget.objectName().startswith("qt_"):
        return True
    compound = (QAbstractSpinBox, QComboBox, QAbstractScrollArea)
    return isinstance(parent, compound) and not isinstance(widget, QAbstractButton)


def unnamed_controls(root: QWidget) -> list[str]:
    """Visible controls a screen reader could not name: an icon-only button without an
    accessible name, a focusable field or chart with neither a name nor a label, a list or
    table without a name (Qt names item views by their accessible name only, not a label)."""
    labelled = _named_by_label(root)
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.isWindow() or _internal(widget):
            continue
        if widget.accessibleName().strip():
            continue
        if isinstance(widget, QAbstractButton):
            if not any(ch.isalnum() for ch in _clean(widget.text())):
                found.append(f"{type(widget).__name__}:{widget.objectName()} (no text)")
            continue
        if isinstance(widget, (QTabBar, QTabWidget, QMenuBar, QScrollBar)):
            continue  # a tab bar is named by its tabs, a tab widget is its tab bar's proxy
        if id(widget) in labelled and not isinstance(widget, QAbstractItemView):
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(f"{type(widget).__name__}:{widget.objectName()}")
    return found


def describe(widget: QWidget | None) -> str:
    """A widget as the Tab-order tests name it: objectName, else accessible name or text."""
    if widget is None:
        return "None"
    for name in (widget.objectName(), widget.accessibleName()):
        if name and not name.startswith(("qt_", "__qt__")):
            return name
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return _clean(text) or type(widget).__name__


def tab_chain(start: QWidget, *, backwards: bool = False, limit: int = 80) -> list[QWidget]:
    """Press Tab (or Shift+Tab) from *start*, as a user does, until focus comes back to it;
    the widgets focus went through, in order. A date edit takes one Tab per section (day,
    month, year): its repeats count once."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    start.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is start, f"{describe(start)} cannot take focus"
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    chain: list[QWidget] = []
    widget: QWidget | None = start
    for _press in range(limit):
        assert widget is not None, f"focus left the window after {list(map(describe, chain))}"
        if not chain or chain[-1] is not widget:
            chain.append(widget)
        QTest.keyClick(widget, key, modifier)
        widget = QApplication.focusWidget()
        if widget is start:
            if backwards:  # Shift let go: what comes next sees no modifier held
                QTest.keyRelease(start, Qt.Key.Key_Shift)
            return chain
    raise AssertionError(f"Tab never came back to {describe(start)}: {list(map(describe, chain))}")
