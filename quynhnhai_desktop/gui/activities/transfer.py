"""Import and export on the activities page: file choice, checks, the list of bad rows.

Import runs in two steps off the GUI thread: a dry run that reads and checks the file
(nothing written), then, if every row is good and the clerk agreed to add any unknown
villages or teams, the import itself in one transaction. A progress dialog with the rows
read so far appears when the work takes longer than :data:`PROGRESS_DELAY_MS`; its Cancel
stops the reading at the next report and rolls the import back (nothing is written).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.gui import window_memory
from quynhnhai_desktop.gui.ops import ops, present
from quynhnhai_desktop.gui.tasks import Cancelled, Progress, Task
from quynhnhai_desktop.services import activity_io, campaigns
from quynhnhai_desktop.services.tabular import ImportRefused, RowProblem, group_problems

if TYPE_CHECKING:
    from quynhnhai_desktop.gui.activities.page import ActivitiesPage

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the default parent: the table has no tree below
PROGRESS_DELAY_MS = 600  # quicker work shows no dialog at all


def _progress_dialog(page: ActivitiesPage, source: Path) -> QProgressDialog:
    """The import's progress, shown only once the work has taken PROGRESS_DELAY_MS."""
    dialog = QProgressDialog(page)
    dialog.setWindowTitle(i18n.translate("ActivityTransfer", "Import activities"))
    dialog.setLabelText(
        i18n.translate("ActivityTransfer", "Reading {name}…").format(name=source.name)
    )
    dialog.setCancelButtonText(i18n.translate("ActivityTransfer", "Cancel"))
    dialog.setRange(0, 0)  # the number of rows is known only at the end
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(PROGRESS_DELAY_MS)
    dialog.setMinimumWidth(420)
    dialog.setValue(0)  # starts the delay
    page.import_progress = dialog
    return dialog


def _watch(task: Task, dialog: QProgressDialog, source: Path) -> Task:
    dialog.canceled.connect(task.cancel)

    def progressed(rows: int, total: int) -> None:
        if dialog.wasCanceled():
            return
        if total:  # the rows are read and checked: saving them, in one transaction
            text = i18n.translate("ActivityTransfer", "Saving {count} activities…")
            dialog.setLabelText(text.format(count=f"{total:,}".replace(",", ".")))
        else:
            text = i18n.translate("ActivityTransfer", "Reading {name}: {rows} rows…")
            dialog.setLabelText(text.format(name=source.name, rows=f"{rows:,}".replace(",", ".")))

    task.progressed.connect(progressed)
    return task


def _rows_read(progress: Progress) -> activity_io.ReadProgress:
    return lambda rows: progress.update(rows, 0)  # raises Cancelled after Cancel


def _close_progress(page: ActivitiesPage) -> None:
    dialog = page.import_progress
    page.import_progress = None
    if dialog is not None:
        dialog.canceled.disconnect()
        dialog.cancel()  # hides it and keeps its delay timer from showing it after all
        dialog.close()
        dialog.deleteLater()


# -- import -----------------------------------------------------------------------------


def ask_open_path(parent: QWidget) -> str:
    data_dir = parent.state.paths.data_dir  # type: ignore[attr-defined]
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        i18n.translate("ActivityTransfer", "Import activities"),
        window_memory.in_last_folder(data_dir, "open", Path.home()),
        i18n.translate("ActivityTransfer", "Spreadsheets (*.xlsx *.csv)"),
    )
    window_memory.remember_folder(data_dir, "open", path)
    return path


def _import_campaign(page: ActivitiesPage) -> str | None:
    """The campaign the list shows; under "All campaigns" none: each row then goes into
    the campaign its "Đợt" cell names."""
    shown = page.catalog.id
    return None if shown == campaigns.ALL_CAMPAIGNS else shown


def start_import(page: ActivitiesPage, path: str | Path | None = None) -> None:
    chosen = path or ask_open_path(page)
    if not chosen:
        return
    source = Path(chosen)
    db, campaign_id = page.db, _import_campaign(page)
    page.show_info(i18n.translate("ActivityTransfer", "Checking {name}…").format(name=source.name))
    dialog = _progress_dialog(page, source)
    task = Task(
        lambda progress: activity_io.preview_file(
            db, source, progress=_rows_read(progress), campaign_id=campaign_id
        ),
        page,
    )
    ops().query(
        page,
        _watch(task, dialog, source),
        lambda preview: _checked(page, source, preview),
        lambda error: _refused(page, error),
        key="import",
    )


def _cancelled(page: ActivitiesPage) -> bool:
    return page.import_progress is not None and page.import_progress.wasCanceled()


def _checked(page: ActivitiesPage, source: Path, preview: activity_io.ImportPreview) -> None:
    if _cancelled(page):  # pressed while the last rows were checked: stop before writing
        _refused(page, Cancelled())
        return
    if preview.problems:
        _refused(page, ImportRefused(sorted(preview.problems, key=lambda p: p.row)))
        return
    create = False
    if preview.has_missing:
        names = [*preview.missing_villages, *preview.missing_teams]
        answer = QMessageBox.question(
            page,
            i18n.translate("ActivityTransfer", "New names in the file"),
            i18n.translate(
                "ActivityTransfer",
                "The file names villages or teams that are not in the lists yet:\n\n"
                "{names}\n\nAdd them to the lists and import?",
            ).format(names="\n".join(f"• {name}" for name in names)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            _close_progress(page)
            page.show_info(i18n.translate("ActivityTransfer", "Import cancelled; nothing added."))
            page.import_finished.emit(None)
            return
        create = True
    db, campaign_id = page.db, _import_campaign(page)
    dialog = page.import_progress or _progress_dialog(page, source)
    task = Task(
        lambda progress: activity_io.import_file(
            db,
            source,
            create_missing=create,
            read_progress=_rows_read(progress),
            progress=lambda done, total: progress.update(done, total),
            campaign_id=campaign_id,
        ),
        page,
    )
    ops().write(  # on the writer lane; the pages refresh when `changed` says so
        page,
        _watch(task, dialog, source),
        lambda result: _imported(page, result),
        lambda error: _refused(page, error),
        changes=("activities", "lists") if create else ("activities",),
    )


def _imported(page: ActivitiesPage, result: activity_io.ImportResult) -> None:
    _close_progress(page)
    text = i18n.translate(
        "ActivityTransfer", "{added} activities imported; {skipped} were already recorded."
    ).format(added=result.added, skipped=result.skipped)
    created = [*result.created_villages, *result.created_teams]
    if created:
        text += " " + i18n.translate("ActivityTransfer", "Added to the lists: {names}.").format(
            names=", ".join(created)
        )
    if result.similar:
        text += " " + i18n.translate(
            "ActivityTransfer",
            "{count} of them share date, team, form and village with an activity recorded "
            "before: check them for duplicates.",
        ).format(count=result.similar)
    page.show_info(text)
    page.import_finished.emit(result)


def _refused(page: ActivitiesPage, error: BaseException) -> None:
    _close_progress(page)
    if isinstance(error, Cancelled):
        page.show_info(i18n.translate("ActivityTransfer", "Import cancelled; nothing added."))
    elif isinstance(error, ImportRefused):
        page.show_info(i18n.message(error))
        dialog = ProblemsDialog(error.problems, page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        page.problems_dialog = dialog
        dialog.open()
    else:
        page.show_info(present(error, "import"))
    page.import_finished.emit(error)


ROWS_SHOWN = 40  # characters of row numbers in the list; the tooltip has them all


class ProblemsModel(QAbstractTableModel):
    """The bad rows of a refused import: row number and reason."""

    def __init__(self, problems: list[RowProblem], parent: Any = None) -> None:
        super().__init__(parent)
        self._problems = group_problems(problems)  # one line per distinct problem

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Rows"), self.tr("Problem"))[section] if section in (0, 1) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        problem = self._problems[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 1:
                return i18n.message(problem.error)
            ranges = problem.ranges
            if role == Qt.ItemDataRole.DisplayRole and len(ranges) > ROWS_SHOWN:
                cut = ranges[:ROWS_SHOWN].rsplit(",", 1)[0]  # the whole list is the tooltip
                return f"{cut}, … ({len(problem.rows)})"
            return ranges
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ProblemsDialog(QDialog):
    """Every bad row of the file with its number as Excel shows it; nothing was imported."""

    def __init__(self, problems: list[RowProblem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The file was not imported"))
        self.resize(760, 420)
        rows = len({p.row for p in problems})
        intro = QLabel(
            self.tr(
                "{rows} row(s) of the file have errors, so nothing was imported. Correct "
                "these rows in the spreadsheet (row numbers as Excel shows them) and import "
                "the file again."
            ).format(rows=rows),
            self,
        )
        intro.setWordWrap(True)
        self.model = ProblemsModel(problems, self)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Rows with errors"))
        self.table.setTabKeyNavigation(False)  # Tab goes on to Close; arrows move in the list
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        if self.model.rowCount() <= 500:  # long messages wrap; measuring thousands of rows is slow
            self.table.verticalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)


# -- export -----------------------------------------------------------------------------


def default_export_name(page: ActivitiesPage) -> Path:
    flt = page.model.filter
    if flt.start and flt.end and (flt.start.year, flt.start.month) == (flt.end.year, flt.end.month):
        stem = f"hoat-dong-{flt.start:%Y-%m}"
    else:
        stem = f"hoat-dong-{clock.today():%Y-%m-%d}"
    return page.state.paths.exports_dir / f"{stem}.xlsx"


def ask_save_path(page: ActivitiesPage) -> str:
    data_dir = page.state.paths.data_dir
    path, _filter = QFileDialog.getSaveFileName(
        page,
        i18n.translate("ActivityTransfer", "Export activities"),
        window_memory.in_last_folder(data_dir, "save", default_export_name(page)),
        i18n.translate("ActivityTransfer", "Excel workbook (*.xlsx);;CSV for Excel (*.csv)"),
    )
    window_memory.remember_folder(data_dir, "save", path)
    return path


def start_export(page: ActivitiesPage, path: str | Path | None = None) -> None:
    chosen = path or ask_save_path(page)
    if not chosen:
        return
    target = Path(chosen)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        target = target.with_suffix(".xlsx")
    db, flt = page.db, page.model.filter

    def done(count: int) -> None:
        page.show_info(
            i18n.translate("ActivityTransfer", "{count} activities written to {file}.").format(
                count=count, file=target
            )
        )
        page.export_finished.emit(count)

    def failed(error: BaseException) -> None:
        page.show_info(present(error, "export"))
        page.export_finished.emit(error)

    campaign_id = page.catalog.id
    ops().query(
        page,
        lambda _progress: activity_io.export_file(db, target, flt, campaign_id),
        done,
        failed,
        key="export",
    )
