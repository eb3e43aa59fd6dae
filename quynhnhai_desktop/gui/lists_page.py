"""Section Danh mục: the commune's villages and teams.

Add, rename, deactivate or reactivate; delete only what nothing uses (a typo just added).
A deactivated name disappears from new entries and stays on the old ones, so a report of an
earlier month still names it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import reference

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the default parent: the table has no tree below
INACTIVE_COLOR = QColor("#808080")


@dataclass(frozen=True)
class NameRow:
    id: int
    name: str
    active: bool
    used: int  # activities naming it


class NamesModel(QAbstractTableModel):
    """A list of villages or of teams: name, how many activities, in use or not."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[NameRow] = []

    def set_rows(self, rows: list[NameRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> NameRow:
        return self._rows[row]

    def find(self, name: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.name == name), -1)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("Name"), self.tr("Activities"), self.tr("Status"))
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.name
            if column == 1:
                return QLocale().toString(row.used)
            return self.tr("In use") if row.active else self.tr("Deactivated")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(INACTIVE_COLOR)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class NamesPanel(QGroupBox):
    """One list (villages or teams) with its buttons."""

    def __init__(self, state: AppState, kind: reference.ListKind, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.db = state.db
        self.commune_code = state.profile.unit_code
        self.kind: reference.ListKind = kind
        is_village = kind == "village"
        # Alt+the title's letter goes to the list (the buttons are the same in both panels,
        # so they have no letters of their own: Tab reaches them after the list).
        self.setTitle(
            self.tr("&Villages and residential groups") if is_village else self.tr("&Teams")
        )
        plural = "villages" if is_village else "teams"
        self.setObjectName(plural)
        self.model = NamesModel(self)
        self.table = QTableView(self)
        self.table.setObjectName(f"{plural}Table")
        self.table.setAccessibleName(
            self.tr("Villages and residential groups") if is_village else self.tr("Teams")
        )
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons; arrows move
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        self.active_button = QPushButton(self.tr("Deactivate"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        for button, name in (
            (self.add_button, "AddButton"),
            (self.rename_button, "RenameButton"),
            (self.active_button, "ActiveButton"),
            (self.delete_button, "DeleteButton"),
        ):
            button.setObjectName(plural + name)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.active_button.clicked.connect(self.toggle_active)
        self.delete_button.clicked.connect(self.delete)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.rename())
        self.reload()

    def reload(self, select: str | None = None) -> None:
        entries = reference.entries(self.db, self.kind, self.commune_code)
        self.model.set_rows([NameRow(e.id, e.name, e.active, e.used) for e in entries])
        if select is not None and (row := self.model.find(select)) >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> NameRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        row = self.selected()
        for button in (self.rename_button, self.active_button, self.delete_button):
            button.setEnabled(row is not None)
        self.active_button.setText(
            self.tr("Reactivate") if row is not None and not row.active else self.tr("Deactivate")
        )
        self.delete_button.setToolTip(
            self.tr("Only a name no activity uses can be deleted; deactivate the others.")
        )

    def ask_name(self, title: str, current: str = "") -> str | None:
        """The name typed in a small dialog (tests replace this)."""
        text, ok = QInputDialog.getText(
            self, title, self.tr("Name:"), QLineEdit.EchoMode.Normal, current
        )
        return text if ok else None

    def _act(self, action: Callable[[], object], done: str, select: str | None = None) -> None:
        """Run *action* (one service call, its own transaction), then show *done*."""
        try:
            action()
        except UserError as error:
            self._say(i18n.message(error), error=True)
            return
        self.reload(select)
        self._say(done)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b6e20;")
        self.message.setText(text)
        self.message.show()

    def add(self) -> None:
        is_village = self.kind == "village"
        name = self.ask_name(self.tr("New village") if is_village else self.tr("New team"))
        if not name:
            return
        self._act(
            lambda: reference.add_entry(self.db, self.kind, self.commune_code, name),
            self.tr("Added: {name}.").format(name=" ".join(name.split())),
            select=" ".join(name.split()),
        )

    def rename(self) -> None:
        row = self.selected()
        if row is None:
            return
        name = self.ask_name(self.tr("Rename"), row.name)
        if not name or name == row.name:
            return
        self._act(
            lambda: reference.rename_entry(self.db, self.kind, row.id, name),
            self.tr("Renamed: {old} → {new}. Its activities show the new name.").format(
                old=row.name, new=" ".join(name.split())
            ),
            select=" ".join(name.split()),
        )

    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        self._act(
            lambda: reference.set_entry_active(self.db, self.kind, row.id, not row.active),
            (
                self.tr("{name} is no longer offered for new activities.")
                if row.active
                else self.tr("{name} is offered again.")
            ).format(name=row.name),
            select=row.name,
        )

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        self._act(
            lambda: reference.delete_entry(self.db, self.kind, row.id),
            self.tr("Deleted: {name}.").format(name=row.name),
        )


class ListsPage(QWidget):
    """The "Lists" section: the commune's villages and teams (not the campaign's catalog of
    forms and indicators, domain/catalog.py)."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(
            self.tr(
                "The villages and teams the activity log offers. Names are unique in the "
                "commune (accents and case ignored). A name used by activities cannot be "
                "deleted: deactivate it and it stays on the old activities."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.villages = NamesPanel(state, "village", self)
        self.teams = NamesPanel(state, "team", self)
        panels = QHBoxLayout()
        panels.addWidget(self.villages)
        panels.addWidget(self.teams)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(panels)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.villages.reload()  # counts change as activities are entered
        self.teams.reload()
