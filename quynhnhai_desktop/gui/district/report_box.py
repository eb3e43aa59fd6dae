"""The district page's "Consolidated report" box: pick the month, save the PDF or the Excel
copy, or (a unit that reports further up: the 2021 district) send the signed file up.

The summing and the rendering run on a worker thread (services.district_report, no Qt);
the box only asks where to save and says what happened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.campaign import FIRST_CAMPAIGN
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.domain.periods import Period, month_period
from quynhnhai_desktop.gui import window_memory
from quynhnhai_desktop.gui.date_box import FIRST_MONTH, DateRange
from quynhnhai_desktop.gui.ops import ops, present
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.gui.tasks import Progress
from quynhnhai_desktop.services import campaigns, district, district_report, package_export


class ConsolidatedReportBox(QGroupBox):
    saved = Signal(str)  # the path of the file written
    failed = Signal(str)  # the message shown to the user

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Consolidated report"), parent)
        self.state = state
        self.campaign_id: str | None = None  # the page's campaign (None: the preferred one)
        today = clock.today()
        _first, latest = district.reported_months(state.db)  # the latest month with data
        last_month = latest or month_period(today.year, today.month).previous().start
        self.month = QDateEdit(QDate(last_month.year, last_month.month, 1))
        self.month.setDisplayFormat("MM/yyyy")
        self.month.setAccessibleName(self.tr("Month of the consolidated report"))
        self.month.setObjectName("reportMonthEdit")
        self.rule = QComboBox()
        self.rule.addItem(self.tr("Calendar month"), "calendar")
        self.rule.addItem(
            self.tr("Statistical month (15th to 14th, Decree 09/2019)"), "statistical"
        )
        self.rule.setAccessibleName(self.tr("Period rule"))
        self.rule.setObjectName("reportRuleCombo")
        self.save_pdf_button = QPushButton(self.tr("Save &PDF…"))
        self.save_xlsx_button = QPushButton(self.tr("Save &Excel…"))
        self.save_pdf_button.setObjectName("savePdfButton")
        self.save_xlsx_button.setObjectName("saveXlsxButton")
        # The signed file for the unit above (the 2021 district's, for the province); a unit
        # that reports to none (the province) prints its report only.
        self.send_button = QPushButton(self.tr("Send to the pro&vince…"))
        self.send_button.setObjectName("sendUpButton")
        self.send_button.setToolTip(
            self.tr("Write the signed file of the consolidated report for the province")
        )
        above = package_export.reporting_unit(state.profile, today).parent_code
        self.send_button.setVisible(above is not None)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.month_chosen = False  # the clerk picked a month: a new import does not move it
        self.month.editingFinished.connect(lambda: setattr(self, "month_chosen", True))
        self.month_range = DateRange(  # typed freely, up to this month: checked when left
            self.month, FIRST_MONTH, months=True, message_label=self.status
        )

        row = QHBoxLayout()
        label = QLabel(self.tr("&Month:"))
        label.setBuddy(self.month)
        for widget in (
            label,
            self.month,
            self.rule,
            self.save_pdf_button,
            self.save_xlsx_button,
            self.send_button,
        ):
            row.addWidget(widget)
        row.addStretch()
        column = QVBoxLayout(self)
        column.addLayout(row)
        column.addWidget(self.status)  # its own line: a saved file's path is long
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.save_xlsx_button.clicked.connect(self.save_xlsx)
        self.send_button.clicked.connect(self.send_up)

    def show_latest(self, month: dt.date) -> None:
        """The latest month with data, unless the clerk chose one."""
        if not self.month_chosen:
            self.month.setDate(QDate(month.year, month.month, 1))

    def set_campaign(self, campaign_id: str) -> None:
        """The campaign the report is made for (the district page's picker)."""
        self.campaign_id = campaign_id

    def focus_order(self) -> list[QWidget]:
        """The box's fields and buttons, left to right (the page chains them after its grid)."""
        return [
            self.month,
            self.rule,
            self.save_pdf_button,
            self.save_xlsx_button,
            self.send_button,
        ]

    def period(self) -> Period:
        chosen = self.month.date()
        return month_period(chosen.year(), chosen.month(), self.rule.currentData())

    def save_pdf(self) -> None:
        self._save(
            self.tr("Save the consolidated report as PDF"),
            ".pdf",
            self.tr("PDF files (*.pdf)"),
            district_report.write_pdf,
        )

    def save_xlsx(self) -> None:
        self._save(
            self.tr("Save the Excel copy of the consolidated report"),
            ".xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
            district_report.write_xlsx,
        )

    def _save(
        self,
        title: str,
        suffix: str,
        filter_text: str,
        write: Callable[[district_report.DistrictBundle, Path], Path],
    ) -> None:
        period = self.period()
        stem = district_report.default_stem(period, self.state.profile.unit_code)
        if self.campaign_id and self.campaign_id != FIRST_CAMPAIGN:  # as the communes' files
            stem += f"-{self.campaign_id}"
        default = self.state.paths.exports_dir / f"{stem}{suffix}"
        data_dir = self.state.paths.data_dir
        start = window_memory.in_last_folder(data_dir, "save", default)
        name, _chosen = QFileDialog.getSaveFileName(self, title, start, filter_text)
        if not name:
            return
        window_memory.remember_folder(data_dir, "save", name)
        path = Path(name)
        path = path if path.suffix.lower() == suffix else path.with_suffix(suffix)
        db = self.state.db
        chosen = self.campaign_id
        self._busy(True, self.tr("Adding up the communes' reports…"))

        def done(written: Path) -> None:
            self._busy(False, self.tr("Saved: {path}").format(path=written))
            self.saved.emit(str(written))

        def failed(error: BaseException) -> None:
            message = present(error, "consolidated report")
            self._busy(False, message)
            self.failed.emit(message)
            QMessageBox.warning(self, self.tr("Consolidated report"), message)

        def work(_progress: Progress) -> Path:
            campaign_id = chosen or campaigns.preferred(db, period.end).id
            return write(district_report.prepare(db, period, campaign_id=campaign_id), path)

        ops().query(self, work, done, failed)

    def send_up(self) -> None:
        """Write the signed consolidated package where the clerk chooses (USB sticks first),
        read back and checked there: the same export as `package export` at a district."""
        from quynhnhai_desktop.gui.report.send_dialog import SendDialog

        period, db, paths = self.period(), self.state.db, self.state.paths
        try:
            campaign_id = campaigns.preferred(db, period.end).id
            planned = package_export.plan(db, paths, period, campaign_id)
        except UserError as error:
            message = i18n.message(error)
            self.status.setText(message)
            self.failed.emit(message)
            QMessageBox.warning(self, self.tr("Consolidated report"), message)
            return
        what = (
            self.tr("File: {name} (revision {revision}, unchanged since it was last sent).")
            if planned.reused
            else self.tr("File: {name} (revision {revision}).")
        ).format(name=planned.file_name, revision=planned.revision)
        dialog = SendDialog(
            [Path.home() / "Documents"],
            self,
            what=what,
            title=self.tr("Send the consolidated report to the province"),
        )
        destination = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        if destination is None:
            return
        self._busy(True, self.tr("Writing and checking the file…"))

        def done(result: package_export.ExportResult) -> None:
            text = (
                self.tr("Nothing had changed: revision {revision} was written again: {path}")
                if result.reused
                else self.tr("Revision {revision} was written and checked: {path}")
            ).format(revision=result.revision, path=result.path)
            self._busy(False, text)
            self.saved.emit(str(result.path))

        def failed(error: BaseException) -> None:
            message = present(error, "consolidated report")
            self._busy(False, message)
            self.failed.emit(message)
            QMessageBox.warning(self, self.tr("Consolidated report"), message)

        def work(_progress: Progress) -> package_export.ExportResult:
            return package_export.export(db, paths, period, destination, campaign_id)

        ops().write(self, work, done, failed, changes=("exports",))

    def _busy(self, busy: bool, message: str) -> None:
        self.status.setText(message)
        for widget in (
            self.save_pdf_button,
            self.save_xlsx_button,
            self.send_button,
            self.month,
            self.rule,
        ):
            widget.setEnabled(not busy)
