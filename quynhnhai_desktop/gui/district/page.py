"""The district's page: import report files (buttons or drag and drop), see who reported,
make the consolidated report."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.gui import window_memory
from quynhnhai_desktop.gui.district.completeness_model import CompletenessModel
from quynhnhai_desktop.gui.district.report_box import ConsolidatedReportBox
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import district, package, settings


class DistrictPage(QWidget):
    """Import buttons and drop zone on top, the communes × months grid, the latest outcomes."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setAcceptDrops(True)
        self.import_files_button = QPushButton(self.tr("&Import report files…"))
        self.import_folder_button = QPushButton(self.tr("Import a whole f&older…"))
        self.replace_key_button = QPushButton(self.tr("Replace &key…"))
        self.import_files_button.setObjectName("importFilesButton")
        self.import_folder_button.setObjectName("importFolderButton")
        self.replace_key_button.setObjectName("replaceKeyButton")
        self.replace_key_button.setToolTip(
            self.tr("Trust the new key of a commune whose computer was reinstalled.")
        )
        self.year = QSpinBox()
        self.year.setRange(2020, 2100)
        self._first_reported, latest = district.reported_months(state.db)
        # the year of the latest imported report (a new year's January is still empty)
        self.year.setValue(latest.year if latest is not None else dt.date.today().year)
        self._latest_reported = latest
        self.year.setAccessibleName(self.tr("Year"))
        self.year.setObjectName("yearSpin")
        self.deadline = QSpinBox()
        self.deadline.setRange(0, 60)
        self.deadline.setSuffix(self.tr(" days"))
        self.deadline.setAccessibleName(self.tr("Deadline after the period ends"))
        self.deadline.setObjectName("deadlineSpin")
        with state.db.session() as session:
            self.deadline.setValue(settings.deadline_days(session))

        self.model = CompletenessModel(self)
        self.grid = QTableView()
        self.grid.setObjectName("completenessGrid")
        self.grid.setAccessibleName(self.tr("Reports received, by commune and month"))
        self.grid.setTabKeyNavigation(False)  # Tab goes on; arrows move between cells
        self.grid.setModel(self.model)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.setAlternatingRowColors(False)
        self.summary = QLabel()
        self.outcomes = QListWidget()
        self.outcomes.setAccessibleName(self.tr("Import results"))
        self.outcomes.setObjectName("importResults")
        self.report_box = ConsolidatedReportBox(state, self)

        buttons = QHBoxLayout()
        for button in (
            self.import_files_button,
            self.import_folder_button,
            self.replace_key_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        for text, field in (
            (self.tr("&Year:"), self.year),
            (self.tr("Due &within:"), self.deadline),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            buttons.addWidget(label)
            buttons.addWidget(field)
        hint = QLabel(self.tr("Drop .qnbc files here, or use the buttons."))
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self.grid, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.report_box)
        layout.addWidget(QLabel(self.tr("Latest import:")))
        layout.addWidget(self.outcomes, 1)
        # The widgets made without a parent joined the focus chain when the layout took
        # them, after the report box's: Tab as the eye reads, top to bottom.
        order = [self.import_files_button, self.import_folder_button, self.replace_key_button,
                 self.year, self.deadline, self.grid, *self.report_box.focus_order(),
                 self.outcomes]  # fmt: skip
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

        self.import_files_button.clicked.connect(self._choose_files)
        self.import_folder_button.clicked.connect(self._choose_folder)
        self.replace_key_button.clicked.connect(self._replace_key)
        self.year.valueChanged.connect(self.refresh)
        self.deadline.valueChanged.connect(self._deadline_changed)
        self.refresh()

    # -- actions ----------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> list[district.ImportResult]:
        results = district.import_files(self.state.db, paths)
        self.outcomes.clear()
        for result in results:
            self.outcomes.addItem(self._describe(result))
        self.refresh()
        return results

    def _describe(self, result: district.ImportResult) -> str:
        if result.error is not None:
            return self.tr("{file}: REFUSED — {reason}").format(
                file=result.path.name, reason=i18n.message(result.error)
            )
        texts = {
            district.Outcome.IMPORTED: self.tr("imported"),
            district.Outcome.REPLACED: self.tr("imported, replaces the earlier revision"),
            district.Outcome.ALREADY: self.tr("already imported, nothing changed"),
            district.Outcome.OLDER: self.tr("older revision, kept in the history"),
        }
        return f"{result.path.name}: {result.commune} r{result.revision} — {texts[result.outcome]}"

    def _choose_files(self) -> None:
        data_dir = self.state.paths.data_dir
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import report files"),
            window_memory.in_last_folder(data_dir, "open", Path.home()),
            self.tr("Report files (*.qnbc)"),
        )
        if names:
            window_memory.remember_folder(data_dir, "open", names[0])
            self.import_paths([Path(n) for n in names])

    def _choose_folder(self) -> None:
        data_dir = self.state.paths.data_dir
        folder = QFileDialog.getExistingDirectory(
            self,
            self.tr("Import all report files in"),
            window_memory.in_last_folder(data_dir, "open", Path.home()),
        )
        if folder:
            window_memory.remember_folder(data_dir, "open", folder)
            self.import_paths([Path(folder)])

    def _replace_key(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("The commune's new report file"), "", self.tr("Report files (*.qnbc)")
        )
        if not name:
            return
        try:
            verified = package.read(Path(name).read_bytes())
        except (UserError, OSError) as error:
            text = i18n.message(error) if isinstance(error, UserError) else str(error)
            QMessageBox.warning(self, self.tr("Replace key"), text)
            return
        answer = QMessageBox.question(
            self,
            self.tr("Replace key"),
            self.tr(
                "Trust the key {fingerprint} for {commune} from now on?\n\nDo this only after "
                "the commune has read you the same fingerprint by phone (Settings on their "
                "computer)."
            ).format(fingerprint=verified.fingerprint, commune=verified.manifest.commune_name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            district.replace_key(self.state.db, Path(name))
            self.import_paths([Path(name)])

    def _deadline_changed(self, days: int) -> None:
        with self.state.db.session() as session:
            settings.set_deadline_days(session, days)
        self.refresh()

    def refresh(self) -> None:
        year = self.year.value()
        today = dt.date.today()
        self._first_reported, self._latest_reported = district.reported_months(self.state.db)
        months = district.grid_months(year, today, self._first_reported)
        self.model.set_grid(district.completeness(self.state.db, months), months)
        rows = self.model.grid_rows()
        column = len(months) - 1
        latest = self._latest_reported
        if latest is not None:
            self.report_box.show_latest(latest)
        if latest is not None and latest in months:  # the latest month with data
            column = months.index(latest)
        elif year == today.year and len(months) > 1:  # the month in progress is not due yet
            column = len(months) - 2
        last = [line[column] for line in rows]
        months = months[: column + 1]
        received = sum(cell.status is not district.Status.MISSING for cell in last)
        missing = [cell.commune.name for cell in last if cell.status is district.Status.MISSING]
        text = self.tr("{month}: {received} of {total} communes have reported.").format(
            month=months[-1].strftime("%m/%Y"), received=received, total=len(last)
        )
        if missing:
            text += " " + self.tr("Still missing: {names}.").format(names=", ".join(missing))
        self.summary.setText(text)
        self.summary.setWordWrap(True)

    # -- drag and drop -------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def showEvent(self, event: QShowEvent) -> None:  # the data may have changed elsewhere
        self.refresh()
        super().showEvent(event)
