"""Small widgets for typing fast: a name box that finds "Bản Nà" when "ban na" is typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter, QWidget

from quynhnhai_desktop.domain.text import fold

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1


class FoldingCompleter(QCompleter):
    """Completes on the folded text (no accents, no case), shows and inserts the real name."""

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class NameCombo(QComboBox):
    """An editable list of names: type part of a name, with or without accents, and pick.

    The typed text need not be picked from the popup: :meth:`resolve` finds the entry whose
    name folds to the same text ("doan thanh nien" is "Đoàn Thanh niên").
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        completer = FoldingCompleter(self.model(), self)
        completer.setCompletionRole(FOLDED_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)  # both sides folded
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def add_entry(self, text: str, data: Any) -> None:
        self.addItem(text, data)
        self.setItemData(self.count() - 1, fold(text), FOLDED_ROLE)

    def find_folded(self, text: str) -> int:
        """The entry named *text*, accents and case ignored; failing that, the only entry
        whose name contains it ("doan" → Đoàn Thanh niên); -1 when none or several."""
        wanted = fold(text.strip())
        if not wanted:
            return -1
        containing = []
        for index in range(self.count()):
            name = self.itemData(index, FOLDED_ROLE)
            if name == wanted:
                return index
            if wanted in name:
                containing.append(index)
        return containing[0] if len(containing) == 1 else -1

    def resolve(self) -> tuple[bool, Any]:
        """(found, data) for the typed text."""
        index = self.find_folded(self.currentText())
        return (index >= 0, self.itemData(index) if index >= 0 else None)

    def select_data(self, data: Any) -> None:
        index = self.findData(data)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def tidy(self) -> None:
        """When the typed text names an entry, show the entry's real spelling."""
        index = self.find_folded(self.currentText())
        if index >= 0 and (
            index != self.currentIndex() or self.itemText(index) != self.currentText()
        ):
            self.setCurrentIndex(index)
            self.setEditText(self.itemText(index))

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Not focus events: while the completer's popup is open Qt moves the focus on Tab
        # without sending them, but it always reports the change here.
        mine = (self, self.lineEdit())
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if old in mine and new not in mine and new is not popup:
            self.tidy()
        elif new in mine and old not in mine and old is not popup:
            line = self.lineEdit()
            if line is not None:
                line.selectAll()  # typing replaces the name, as in any form field
