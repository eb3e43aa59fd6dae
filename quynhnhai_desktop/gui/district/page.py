"""The district's page: import report files (buttons or drag and drop), see who reported,
make the consolidated report."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
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
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.gui import window_memory
from quynhnhai_desktop.gui.campaigns import picker
from quynhnhai_desktop.gui.district.completeness_model import CompletenessModel
from quynhnhai_desktop.gui.district.report_box import ConsolidatedReportBox
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import campaigns, district, settings, trust


class DistrictPage(QWidget):
    """Import buttons and drop zone on top, the communes × months grid, the latest outcomes."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._held: list[trust.Held] = []
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
        self.withdraw_button = QPushButton(self.tr("Wi&thdraw…"))
        self.withdraw_button.setObjectName("withdrawButton")
        self.withdraw_button.setToolTip(
            self.tr(
                "Take the report of the selected commune and month out of the totals "
                "(it is kept on record)."
            )
        )
        self.year = QSpinBox()
        self.year.setRange(2020, 2100)
        self._first_reported, latest = district.reported_months(state.db)
        # the year of the latest imported report (a new year's January is still empty)
        self.year.setValue(latest.year if latest is not None else clock.today().year)
        self._latest_reported = latest
        self.year.setAccessibleName(self.tr("Year"))
        self.year.setObjectName("yearSpin")
        self.deadline = QSpinBox()
        self.deadline.setRange(0, 60)
        self.deadline.setSuffix(self.tr(" days"))
        self.deadline.setAccessibleName(self.tr("Deadline after the period ends"))
        self.deadline.setObjectName("deadlineSpin")
        self.deadline.setValue(settings.deadline(state.db))
        # The campaign the grid, the withdrawal and the consolidated report are of: asked
        # only when the district has several.
        self.campaign = picker.campaign_combo(self, self.tr("Campaign"), width=48)
        self.campaign.setObjectName("districtCampaignCombo")
        self.campaign_label = QLabel(self.tr("&Campaign:"))
        self.campaign_label.setBuddy(self.campaign)

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
        self._fill_campaigns(campaigns.preferred(state.db).id)
        self.held_box = QGroupBox(self.tr("Waiting for enrolment (counted nowhere)"))
        self.held_list = QListWidget()
        self.held_list.setObjectName("heldList")
        self.held_list.setAccessibleName(self.tr("Files waiting for enrolment"))
        self.held_list.setMaximumHeight(self.fontMetrics().height() * 5 + 12)  # the grid first
        self.enrol_button = QPushButton(self.tr("E&nrol key…"))
        self.enrol_button.setObjectName("enrolButton")
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.discard_button.setObjectName("discardHeldButton")
        held_hint = QLabel(
            self.tr(
                "Before enrolling, call the commune: they read out the key fingerprint printed "
                "at the foot of page 1 of their report (or in their Settings). Enrol only if it "
                "is the same."
            )
        )
        held_hint.setWordWrap(True)
        held_layout = QVBoxLayout(self.held_box)
        held_layout.addWidget(held_hint)
        held_row = QHBoxLayout()
        held_row.addWidget(self.held_list, 1)
        held_buttons = QVBoxLayout()
        held_buttons.addWidget(self.enrol_button)
        held_buttons.addWidget(self.discard_button)
        held_buttons.addStretch()
        held_row.addLayout(held_buttons)
        held_layout.addLayout(held_row)

        buttons = QHBoxLayout()
        for button in (
            self.import_files_button,
            self.import_folder_button,
            self.replace_key_button,
            self.withdraw_button,
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
        campaign_row = QHBoxLayout()  # the campaign has its own line: its title is long
        campaign_row.addWidget(hint)
        campaign_row.addStretch()
        campaign_row.addWidget(self.campaign_label)
        campaign_row.addWidget(self.campaign)
        layout.addLayout(campaign_row)
        layout.addWidget(self.grid, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.held_box)
        layout.addWidget(self.report_box)
        layout.addWidget(QLabel(self.tr("Latest import:")))
        layout.addWidget(self.outcomes, 1)
        # The widgets made without a parent joined the focus chain when the layout took
        # them, after the report box's: Tab as the eye reads, top to bottom.
        order = [self.import_files_button, self.import_folder_button, self.replace_key_button,
                 self.withdraw_button, self.year, self.deadline, self.campaign, self.grid,
                 self.held_list, self.enrol_button, self.discard_button,
                 *self.report_box.focus_order(), self.outcomes]  # fmt: skip
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

        self.import_files_button.clicked.connect(self._choose_files)
        self.import_folder_button.clicked.connect(self._choose_folder)
        self.replace_key_button.clicked.connect(self._replace_key)
        self.withdraw_button.clicked.connect(self._withdraw)
        self.enrol_button.clicked.connect(self._enrol_selected)
        self.discard_button.clicked.connect(self._discard_selected)
        self.held_list.currentRowChanged.connect(self._held_selected)
        self.year.valueChanged.connect(self.refresh)
        self.campaign.currentIndexChanged.connect(self._campaign_chosen)
        self.deadline.valueChanged.connect(self._deadline_changed)
        self.refresh()

    # -- actions ----------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> list[district.ImportResult]:
        results = district.import_files(self.state.db, paths)
        self._show_results(results)
        return results

    def _show_results(self, results: list[district.ImportResult]) -> None:
        self.outcomes.clear()
        for result in results:
            self.outcomes.addItem(self._describe(result))
        self.refresh()

    def _describe(self, result: district.ImportResult) -> str:
        if result.error is not None:
            return self.tr("{file}: REFUSED — {reason}").format(
                file=result.file_name, reason=i18n.message(result.error)
            )
        if result.outcome is district.Outcome.HELD:
            return self.tr(
                "{file}: {commune} r{revision} — waiting for enrolment of key {fingerprint}: "
                "compare it with the commune, then “Enrol key”"
            ).format(
                file=result.file_name,
                commune=result.commune,
                revision=result.revision,
                fingerprint=result.fingerprint,
            )
        texts = {
            district.Outcome.IMPORTED: self.tr("imported"),
            district.Outcome.REPLACED: self.tr("imported, replaces the earlier revision"),
            district.Outcome.ALREADY: self.tr("already imported, nothing changed"),
            district.Outcome.OLDER: self.tr("older revision, kept in the history"),
            district.Outcome.WITHDRAWN: self.tr(
                "this file was withdrawn and does not count; ask for a new revision"
            ),
        }
        return f"{result.file_name}: {result.commune} r{result.revision} — {texts[result.outcome]}"

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

    # -- trust: enrol, replace, withdraw -------------------------------------------------

    def _replace_key(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("The commune's new report file"), "", self.tr("Report files (*.qnbc)")
        )
        if name:
            self._confirm_and_replace(lambda: trust.examine_file(self.state.db, Path(name)))

    def _confirm_and_replace(self, examine: Callable[[], trust.KeyClaim]) -> None:
        try:
            claim = examine()
            count = trust.check_replace(self.state.db, claim)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Replace key"), i18n.message(error))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Replace key"),
            self.tr(
                "{commune} ({code})\n\nEnrolled key: {old}\nNew key: {new}\n\nTrust the new "
                "key from now on? Do this only after the commune has read you the same new "
                "fingerprint by phone. The {count} report(s) signed with the old key will be "
                "withdrawn (kept on record, out of the totals)."
            ).format(
                commune=claim.commune.full_name,
                code=claim.commune.code,
                old=claim.enrolled,
                new=claim.fingerprint,
                count=count,
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            result = trust.replace_key(self.state.db, claim)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Replace key"), i18n.message(error))
            return
        self._show_results(result.imported)

    def _selected_held(self) -> trust.Held | None:
        row = self.held_list.currentRow()
        return self._held[row] if 0 <= row < len(self._held) else None

    def _held_selected(self, _row: int) -> None:
        held = self._selected_held()
        self.enrol_button.setEnabled(held is not None)
        self.discard_button.setEnabled(held is not None)

    def _enrol_selected(self) -> None:
        held = self._selected_held()
        if held is None:
            return
        if held.enrolled is not None:  # the commune has another key: that is a replacement
            self._confirm_and_replace(lambda: trust.examine_held(self.state.db, held.id))
            return
        try:
            claim = trust.examine_held(self.state.db, held.id)
            trust.check_enrol(self.state.db, claim)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Enrol key"), i18n.message(error))
            self.refresh()
            return
        answer = QMessageBox.question(
            self,
            self.tr("Enrol key"),
            self.tr(
                "{commune} ({code})\n\nKey fingerprint: {fingerprint}\n\nIs this the "
                "fingerprint the commune reads out to you (printed at the foot of page 1 of "
                "its report, or in its Settings)? Enrol this key for {commune}?"
            ).format(
                commune=claim.commune.full_name,
                code=claim.commune.code,
                fingerprint=claim.fingerprint,
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            result = trust.enrol(self.state.db, claim)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Enrol key"), i18n.message(error))
            return
        self._show_results(result.imported)

    def _discard_selected(self) -> None:
        held = self._selected_held()
        if held is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Discard"),
            self.tr(
                "Discard {file}? It was never counted; its key ({fingerprint}) will not be "
                "enrolled."
            ).format(file=held.file_name, fingerprint=held.fingerprint),
        )
        if answer == QMessageBox.StandardButton.Yes:
            trust.discard_held(self.state.db, held.id)
            self.refresh()

    def _withdraw(self) -> None:
        index = self.grid.currentIndex()
        cell = self.model.cell(index) if index.isValid() else None
        if cell is None or cell.status not in district.COUNTED:
            QMessageBox.information(
                self,
                self.tr("Withdraw a report"),
                self.tr("First select, in the table, a report that counts (commune and month)."),
            )
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Withdraw a report"),
            self.tr(
                "Withdraw the report of {commune} for {month} from the totals? It is kept on "
                "record.\n\nReason:"
            ).format(commune=cell.commune.full_name, month=cell.month.strftime("%m/%Y")),
        )
        if not ok:
            return
        try:
            trust.withdraw(
                self.state.db, cell.commune.code, cell.month, reason, campaign_id=self.campaign_id()
            )
        except UserError as error:
            QMessageBox.warning(self, self.tr("Withdraw a report"), i18n.message(error))
            return
        self.refresh()

    def _deadline_changed(self, days: int) -> None:
        settings.set_deadline(self.state.db, days)
        self.refresh()

    # -- the campaign shown ---------------------------------------------------------------

    def _fill_campaigns(self, current: str | None) -> None:
        known = campaigns.installed(self.state.db)
        picker.fill(self.campaign, known, current)
        several = len(known) > 1
        self.campaign.setVisible(several)
        self.campaign_label.setVisible(several)
        self.report_box.set_campaign(self.campaign_id())

    def campaign_id(self) -> str:
        """The campaign the page shows (the only one when the district has one)."""
        chosen = self.campaign.currentData()
        return str(chosen) if chosen else campaigns.preferred(self.state.db).id

    def _campaign_chosen(self, _index: int) -> None:
        self.report_box.set_campaign(self.campaign_id())
        self.refresh()

    def refresh(self) -> None:
        year = self.year.value()
        today = clock.today()
        self._first_reported, self._latest_reported = district.reported_months(self.state.db)
        months = district.grid_months(year, today, self._first_reported)
        grid = district.completeness(self.state.db, months, campaign_id=self.campaign_id())
        self.model.set_grid(grid, months)
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
        received = sum(cell.status in district.COUNTED for cell in last)
        missing = [cell.commune.name for cell in last if cell.status not in district.COUNTED]
        text = self.tr("{month}: {received} of {total} communes have reported.").format(
            month=months[-1].strftime("%m/%Y"), received=received, total=len(last)
        )
        if missing:
            text += " " + self.tr("Still missing: {names}.").format(names=", ".join(missing))
        self.summary.setText(text)
        self.summary.setWordWrap(True)
        self._refresh_held()

    def _refresh_held(self) -> None:
        self._held = trust.held_packages(self.state.db)
        self.held_list.clear()
        for held in self._held:
            name = held.commune.full_name if held.commune else held.commune_code
            line = self.tr("{commune} ({code}), {period}, r{revision} — key {fingerprint}").format(
                commune=name,
                code=held.commune_code,
                period=held.period_end.strftime("%m/%Y"),
                revision=held.revision,
                fingerprint=held.fingerprint,
            )
            if held.enrolled is not None:
                line += " " + self.tr("(another key is enrolled: {fingerprint})").format(
                    fingerprint=held.enrolled
                )
            self.held_list.addItem(line)
        self.held_box.setVisible(bool(self._held))
        if self._held:
            self.held_list.setCurrentRow(0)
        self._held_selected(self.held_list.currentRow())

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
        self.campaign.blockSignals(True)
        self._fill_campaigns(self.campaign_id())  # a campaign may have been imported
        self.campaign.blockSignals(False)
        self.refresh()
        super().showEvent(event)
