"""Settings → "The unit over time": the installation's identities with their dates, and
the move of a 2021 commune to the commune it was merged into on 1/7/2025."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.domain.profile import UnitProfile
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import merged_history, unit_history


class UnitMoveGroup(QGroupBox):
    """Who the installation was and when; the move across the 2025 reform."""

    moved = Signal(UnitProfile)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("The unit over time"), parent)
        self.state = state
        layout = QVBoxLayout(self)
        identities = unit_history.identities(state.db)
        self.history_labels: list[QLabel] = []
        for identity in identities:
            text = unit_history.label(identity)
            if identity.valid_to is not None:
                text = self.tr("{unit} — reports went to: {recipient}").format(
                    unit=text, recipient=identity.recipient
                )
            label = QLabel(text, self)
            label.setWordWrap(True)
            layout.addWidget(label)
            self.history_labels.append(label)
        self.plan = unit_history.pending_move(state.db, state.profile)
        self.move_button = QPushButton(self)
        self.move_button.setObjectName("moveUnitButton")
        self.note = QLabel(self)
        self.note.setObjectName("moveNote")
        self.note.setWordWrap(True)
        if self.plan is not None:
            self.note.setText(
                self.tr(
                    "{old} was merged into {new} on {day}. Move this installation: months "
                    "from then on are reported as the new commune, to {recipient}; earlier "
                    "months keep the old name."
                ).format(
                    old=self.plan.old.full_name,
                    new=self.plan.new.dated_label,
                    day=f"{self.plan.on:%d/%m/%Y}",
                    recipient=self.plan.recipient,
                )
            )
            self.move_button.setText(
                self.tr("Mov&e to {unit}…").format(unit=self.plan.new.full_name)
            )
            self.move_button.clicked.connect(self.move_unit)
            row = QHBoxLayout()
            row.addWidget(self.move_button)
            row.addStretch(1)
            layout.addWidget(self.note)
            layout.addLayout(row)
        else:
            self.move_button.hide()
            self.note.hide()
        self.others = merged_history.mergeable(state.db, state.profile)
        self.taken_table = QTableWidget(0, 4, self)
        self.taken_table.setObjectName("takenHistoryTable")
        self.take_button = QPushButton(self.tr("&Take in their history…"), self)
        self.take_button.setObjectName("takeHistoryButton")
        if self.others:
            self._add_history(layout)
        else:
            self.taken_table.hide()
            self.take_button.hide()
        # Nothing to tell beyond the unit line above: one identity and no move before it.
        self.setVisible(self.plan is not None or len(identities) > 1 or bool(self.others))

    def _add_history(self, layout: QVBoxLayout) -> None:
        """The other merged communes' reports, taken in from their packages."""
        others = QLabel(
            self.tr(
                "Also merged into this commune: {names}. Take in their reports from their "
                "report files; they are shown under their old names and do not count in "
                "this commune's months."
            ).format(names=", ".join(self.others)),
            self,
        )
        others.setWordWrap(True)
        layout.addWidget(others)
        table = self.taken_table
        table.setHorizontalHeaderLabels(
            [
                self.tr("Former commune"),
                self.tr("Period"),
                self.tr("Revision"),
                self.tr("Activities"),
            ]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setMinimumHeight(table.fontMetrics().lineSpacing() * 6)
        layout.addWidget(table)
        self.take_button.clicked.connect(self._choose_files)
        row = QHBoxLayout()
        row.addWidget(self.take_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.show_taken()

    def show_taken(self) -> None:
        rows = merged_history.taken(self.state.db)
        self.taken_table.setRowCount(len(rows))
        for index, taken in enumerate(rows):
            cells = (
                taken.unit_label,
                taken.period_label,
                str(taken.revision),
                str(taken.activities),
            )
            for column, text in enumerate(cells):
                self.taken_table.setItem(index, column, QTableWidgetItem(text))

    def _choose_files(self) -> None:
        from quynhnhai_desktop.gui import window_memory

        data_dir = self.state.paths.data_dir
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Take in the merged communes' reports"),
            window_memory.in_last_folder(data_dir, "open", Path.home()),
            self.tr("Report files (*.qnbc)"),
        )
        if names:
            window_memory.remember_folder(data_dir, "open", names[0])
            self.take([Path(name) for name in names])

    def take(self, paths: list[Path]) -> bool:
        try:
            result = merged_history.take(self.state.db, paths)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Nothing taken in"), i18n.message(error))
            return False
        self.show_taken()
        QMessageBox.information(
            self,
            self.tr("History taken in"),
            self.tr("{taken} report(s) taken in, {already} already here.").format(
                taken=len(result.taken), already=len(result.already)
            ),
        )
        return True

    def move_unit(self) -> bool:
        plan = self.plan
        if plan is None:
            return False
        asked = QMessageBox.question(
            self,
            self.tr("Move the installation"),
            self.tr(
                "Move {old} to {new} from {day}?\n\nReports from {day} on carry the new "
                "name and go to {recipient}. Reports of earlier months keep the old name, "
                "code and recipient."
            ).format(
                old=plan.old.dated_label,
                new=plan.new.dated_label,
                day=f"{plan.on:%d/%m/%Y}",
                recipient=plan.recipient,
            ),
        )
        if asked != QMessageBox.StandardButton.Yes:
            return False
        try:
            _plan, profile = unit_history.move(self.state.db, plan.new.code, plan.on)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Not moved"), i18n.message(error))
            return False
        self.state.profile = profile
        self.moved.emit(profile)
        return True
