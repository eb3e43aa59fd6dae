"""The one read-only table model the small lists build on (campaigns, venues, report tables).

A subclass holds its rows and headers here and says what one cell shows for a role
(:meth:`ReadOnlyTableModel.cell`); the counting, the header and the checks of an index a
view passes (out of range, a child index) are written once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
R = TypeVar("R")


class ReadOnlyTableModel(QAbstractTableModel, Generic[R]):
    """Rows of *R* under horizontal *headers*; nothing is editable."""

    def __init__(self, headers: Sequence[str] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = list(headers)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R], headers: Sequence[str] | None = None) -> None:
        """Show *rows* (and *headers*, when given) instead of what was shown."""
        self.beginResetModel()
        self._rows = list(rows)
        if headers is not None:
            self._headers = list(headers)
        self.endResetModel()

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def cell(self, row: R, column: int, role: int) -> Any:
        """What *column* of *row* shows for *role* (None: nothing)."""
        raise NotImplementedError

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not 0 <= index.row() < len(self._rows)
            or not 0 <= index.column() < len(self._headers)
        ):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)
