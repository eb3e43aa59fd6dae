"""Small widgets for typing fast: a name box that finds "Bản Nà" when "ban na" is typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

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
        line = self.lineEdit()
        assert line is not None
        line.editingFinished.connect(self._tidy)

    def add_entry(self, text: str, data: Any) -> None:
        self.addItem(text, data)
        self.setItemData(self.count() - 1, fold(text), FOLDED_ROLE)

    def find_folded(self, text: str) -> int:
        """The index of the entry named *text* (accents and case ignored), or -1."""
        wanted = fold(text.strip())
        for index in range(self.count()):
            if self.itemData(index, FOLDED_ROLE) == wanted:
                return index
        return -1

    def resolve(self) -> tuple[bool, Any]:
        """(found, data) for the typed text."""
        index = self.find_folded(self.currentText())
        return (index >= 0, self.itemData(index) if index >= 0 else None)

    def select_data(self, data: Any) -> None:
        index = self.findData(data)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def _tidy(self) -> None:
        """When the typed text names an entry, show the entry's real spelling."""
        index = self.find_folded(self.currentText())
        if index >= 0 and self.itemText(index) != self.currentText():
            self.setCurrentIndex(index)
