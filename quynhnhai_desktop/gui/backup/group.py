"""Settings → Backup: a copy to a chosen place, restore from a file, the automatic backups.

Copies and checks run off the GUI thread (a large database on a slow USB stick takes
seconds); the swap itself happens in :meth:`MainWindow.replace_database`, which closes the
database, lets the restore run, reopens it and rebuilds the pages.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.gui.backup.drives import suggested_folder
from quynhnhai_desktop.gui.backup.model import BackupListModel, format_size
from quynhnhai_desktop.gui.backup.restore_dialog import RestoreDialog
from quynhnhai_desktop.gui.empty_state import EmptyState
from quynhnhai_desktop.gui.ops import ops, present
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.gui.tasks import Progress, Task
from quynhnhai_desktop.services import backup

log = logging.getLogger(__name__)
PROGRESS_DELAY_MS = 700  # a backup done sooner never shows its progress dialog


class BackupGroup(QGroupBox):
    finished = Signal(str)  # "created", "restored", "cancelled", "refused", "failed"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Backup"), parent)
        self.state = state
        self.paths = state.paths
        self._task: Task | None = None

        intro = QLabel(
            self.tr(
                "A checked copy of the data is made automatically when the app closes and "
                "once a day. The last 7 days, 4 weeks and 12 months are kept in the backups "
                "folder. To move the data to another computer, back up to a USB stick and "
                "restore it there."
            )
        )
        intro.setWordWrap(True)

        self.model = BackupListModel(self.paths.backups_dir, self)
        self.table = QTableView(self)
        self.table.setObjectName("backupTable")
        self.table.setAccessibleName(self.tr("Backups on this computer"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setMinimumHeight(150)
        self.empty_state = EmptyState(
            self.table,
            lambda: self.tr(
                "No backup yet. The app makes one every day and when it closes; press “Back up "
                "to a file…” to keep a copy on a USB stick."
            ),
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._restore_selected())

        self.create_button = QPushButton(self.tr("&Back up to a file…"))
        self.restore_file_button = QPushButton(self.tr("&Restore from a file…"))
        self.restore_selected_button = QPushButton(self.tr("Restore the &selected backup"))
        self.open_folder_button = QPushButton(self.tr("&Open the backups folder"))
        for button, name in (
            (self.create_button, "createButton"),
            (self.restore_file_button, "restoreFileButton"),
            (self.restore_selected_button, "restoreSelectedButton"),
            (self.open_folder_button, "openFolderButton"),
        ):
            button.setObjectName(name)
        self.restore_selected_button.setEnabled(False)
        self.create_button.clicked.connect(self._create)
        self.restore_file_button.clicked.connect(self._restore_file)
        self.restore_selected_button.clicked.connect(self._restore_selected)
        self.open_folder_button.clicked.connect(self._open_folder)
        self.status = QLabel("")
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.create_button)
        top.addWidget(self.restore_file_button)
        top.addStretch()
        below = QHBoxLayout()
        below.addWidget(self.restore_selected_button)
        below.addWidget(self.open_folder_button)
        below.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Backups on this computer:")))
        layout.addWidget(self.table)
        layout.addLayout(below)
        layout.addWidget(self.status)
        # Tab as the eye reads: the buttons above the list, the list, the buttons below.
        order = [self.create_button, self.restore_file_button, self.table]
        for first, second in pairwise([*order, *self._buttons()[2:]]):
            self.setTabOrder(first, second)

    def showEvent(self, event: QShowEvent) -> None:
        self.model.refresh()  # the daily backup may have added one
        super().showEvent(event)

    def _buttons(self) -> list[QPushButton]:
        return [
            self.create_button,
            self.restore_file_button,
            self.restore_selected_button,
            self.open_folder_button,
        ]

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._task is None:
            self.restore_selected_button.setEnabled(self.table.selectionModel().hasSelection())

    # -- running work off the GUI thread ------------------------------------------------

    def _start(
        self, busy: str, work: Callable[[Progress], Any], done: Callable[[Any], None]
    ) -> None:
        for button in self._buttons():
            button.setEnabled(False)
        self.status.setText(busy)
        self.setCursor(Qt.CursorShape.BusyCursor)
        # A quick backup shows only the status line; one that lasts (a million activities:
        # seconds) gets a dialog with its bar after PROGRESS_DELAY_MS. It has no Cancel: a
        # backup or a restore half done is worth less than one finished.
        dialog = QProgressDialog(busy, "", 0, 100, self)
        dialog.setCancelButton(None)
        dialog.setWindowTitle(self.tr("Backup"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setValue(0)

        def ended() -> None:
            dialog.reset()
            dialog.deleteLater()
            self._idle()

        def finished(result: object) -> None:
            ended()
            done(result)

        def failed(error: BaseException) -> None:
            ended()
            self._failed(error)

        def progressed(done: int, total: int) -> None:
            percent = 100 * done // total if total else 100
            self.status.setText(f"{busy} {percent}%")
            dialog.setValue(min(percent, 99))  # 100 would close it before the work ends

        # A backup reads the whole database: on the writer lane it waits for an import or a
        # save to land, and no write starts while it copies.
        self._task = Task(work, self)
        self._task.progressed.connect(progressed)
        ops().write(self, self._task, finished, failed)

    def _idle(self) -> None:
        self._task = None
        self.unsetCursor()
        self.status.setText("")
        for button in self._buttons():
            button.setEnabled(True)
        self.restore_selected_button.setEnabled(self.table.selectionModel().hasSelection())

    def _failed(self, error: BaseException) -> None:
        text = present(error, "backup")
        QMessageBox.warning(self, self.tr("Backup"), text)
        self.finished.emit("refused" if isinstance(error, backup.BackupRefused) else "failed")

    # -- back up to a chosen place ------------------------------------------------------

    def _create(self) -> None:
        name = backup.export_name(self.state.profile.unit_code, clock.now())
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a backup"),
            str(suggested_folder() / name),
            self.tr("Backups (*.sqlite3)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != backup.SUFFIX:
            target = target.with_name(target.name + backup.SUFFIX)
        database = self.paths.database
        self._start(
            self.tr("Backing up…"),
            lambda progress: backup.write_backup(database, target, progress.update),
            self._created,
        )

    def _created(self, target: Path) -> None:
        self.model.refresh()
        QMessageBox.information(
            self,
            self.tr("Backup saved"),
            self.tr(
                "The backup was saved and checked:\n{path} ({size})\n\nIf it is on a USB "
                "stick, you can unplug it now."
            ).format(path=target, size=format_size(target.stat().st_size)),
        )
        self.finished.emit("created")

    # -- restore ------------------------------------------------------------------------

    def _restore_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore a backup"),
            str(suggested_folder()),
            self.tr("Backups (*.sqlite3);;All files (*)"),
        )
        if chosen:
            self.restore_from(Path(chosen))

    def _restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and self._task is None:
            self.restore_from(self.model.backup_at(rows[0].row()).path)

    def restore_from(self, source: Path) -> None:
        """Check *source* (off the GUI thread), show what it holds, ask, then restore."""
        paths = self.paths
        self._start(
            self.tr("Checking the backup…"),
            lambda _progress: backup.stage(paths, source),
            self._confirm,
        )

    def _confirm(self, staged: backup.StagedBackup) -> None:
        try:
            dialog = RestoreDialog(staged.summary, self.state.profile.unit_code, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self.finished.emit("cancelled")
                return
            window = self.window()
            replace = getattr(window, "replace_database", None)
            if replace is None:
                raise RuntimeError("the backup group must live in the main window")
            paths = self.paths
            try:
                result = replace(lambda: backup.restore(paths, staged))
            except UserError as error:
                QMessageBox.warning(window, self.tr("Backup"), i18n.message(error))
                self.finished.emit("failed")
                return
        finally:
            staged.discard()
        text = self.tr("The data was restored from the backup: {unit}.").format(
            unit=result.summary.unit
        )
        if result.previous is not None:
            text += "\n\n" + self.tr(
                "The data it replaced was backed up first, as “{name}” in the backups folder."
            ).format(name=result.previous.name)
        QMessageBox.information(window, self.tr("Data restored"), text)
        self.finished.emit("restored")

    def _open_folder(self) -> None:
        self.paths.backups_dir.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.backups_dir)))
