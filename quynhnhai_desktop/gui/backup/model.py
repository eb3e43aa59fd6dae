"""The automatic backups in the data folder, newest first: one thin table model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from quynhnhai_desktop import i18n
from quynhnhai_desktop.services import backup

Index = QModelIndex | QPersistentModelIndex

WHEN, KIND, SIZE, FILE = range(4)


def format_size(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


class BackupListModel(QAbstractTableModel):
    def __init__(self, folder: Path, parent: Any = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self._rows: list[backup.BackupFile] = []
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = backup.list_backups(self.folder)
        self.endResetModel()

    def backup_at(self, row: int) -> backup.BackupFile:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == WHEN:
                return f"{item.made_at:%d/%m/%Y %H:%M}"
            if index.column() == KIND:
                return i18n.translate("backup", backup.KIND_LABELS[item.kind])
            if index.column() == SIZE:
                return format_size(item.size)
            return item.path.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(item.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            i18n.translate("BackupList", "Made"),
            i18n.translate("BackupList", "Kind"),
            i18n.translate("BackupList", "Size"),
            i18n.translate("BackupList", "File"),
        )[section]
