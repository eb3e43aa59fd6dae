"""Communes × months: received on time / late / missing / revised (the reporting rate)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from quynhnhai_desktop import i18n
from quynhnhai_desktop.services.district import Cell, Status

Index = QModelIndex | QPersistentModelIndex

# Muted colours that print and read well; text carries the status too (colour-blind safe).
_COLOURS = {
    Status.ON_TIME: "#d7f0d8",
    Status.LATE: "#fde7c2",
    Status.MISSING: "#f7d4d4",
    Status.REVISED: "#d6e6f7",
    Status.WITHDRAWN: "#e4e4e4",
    Status.NOT_A_UNIT: "#f4f4f4",
}


class CompletenessModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._grid: list[list[Cell]] = []
        self._months: list[dt.date] = []

    def set_grid(self, grid: list[list[Cell]], months: list[dt.date]) -> None:
        self.beginResetModel()
        self._grid, self._months = grid, months
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._grid)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._months)

    def grid_rows(self) -> list[list[Cell]]:
        return self._grid

    def last_column(self) -> list[Cell]:
        """The newest month's cells, one per commune."""
        return [line[-1] for line in self._grid if line]

    def cell(self, index: Index) -> Cell:
        return self._grid[index.row()][index.column()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.cell(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(_COLOURS[cell.status]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#202020"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell)
        return None

    def _tooltip(self, cell: Cell) -> str | None:
        lines = []
        if cell.status is Status.WITHDRAWN:
            lines.append(
                self.tr("Revision {revision} withdrawn: {reason}").format(
                    revision=cell.revision, reason=withdrawal_reason(cell.reason)
                )
            )
        elif cell.received is not None:
            lines.append(
                self.tr("Revision {revision}, sent {date}").format(
                    revision=cell.revision, date=cell.received.strftime("%d/%m/%Y")
                )
            )
        if cell.held:
            lines.append(
                self.tr("{count} file(s) waiting for enrolment, not counted").format(
                    count=cell.held
                )
            )
        return "\n".join(lines) or None

    def _label(self, cell: Cell) -> str:
        if cell.status is Status.MISSING:
            return self.tr("missing")
        if cell.status is Status.LATE:
            return self.tr("late")
        if cell.status is Status.WITHDRAWN:
            return self.tr("withdrawn")
        if cell.status is Status.REVISED:
            return self.tr("r{revision}").format(revision=cell.revision)
        if cell.status is Status.NOT_A_UNIT:
            return "—"  # the unit was formed later (1/7/2025)
        return self.tr("on time")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._months):
                return self._months[section].strftime("%m/%Y")
            return None
        if 0 <= section < len(self._grid):
            return self._grid[section][0].commune.full_name if self._grid[section] else ""
        return None


def withdrawal_reason(reason: str) -> str:
    """The stored reason in the clerk's words (a replaced key is recorded by its fingerprint)."""
    from quynhnhai_desktop.services import trust

    old = trust.replaced_key(reason)
    if old is None:
        return reason
    return i18n.translate("district", "signed with the replaced key {fingerprint}").format(
        fingerprint=old
    )
