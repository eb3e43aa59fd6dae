"""Section "Reports": pick the period, see the figures, edit the texts, preview, print, save.

The figures and the PDF are made on a worker thread (services.report, no Qt); the texts are
saved a moment after the clerk stops typing, before the period changes and before any file
is made, so nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QSize, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPainter, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QWidget,
)

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.catalog import Catalog
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.domain.periods import Period, date_range, month_containing, month_period
from quynhnhai_desktop.domain.report import Narrative
from quynhnhai_desktop.domain.report_text import draft_results, summary_text
from quynhnhai_desktop.domain.vn_format import span
from quynhnhai_desktop.gui import window_memory
from quynhnhai_desktop.gui.campaigns import picker
from quynhnhai_desktop.gui.date_box import FIRST_MONTH, DateRange
from quynhnhai_desktop.gui.forms.ui_report_page import Ui_ReportPage
from quynhnhai_desktop.gui.ops import ops, present
from quynhnhai_desktop.gui.report.table_model import ReportTable, ReportTableModel, tables_of
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import campaigns, identity, report

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1200
PRINT_DPI = 300


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class ReportPage(QWidget):
    loaded = Signal()  # figures and texts of the chosen period are on screen
    pdf_ready = Signal()  # the preview shows the current PDF
    saved = Signal(str)  # a file was written (its path)
    printed = Signal(int)  # pages sent to the printer
    failed = Signal(str)  # a message shown to the user
    sent = Signal(object)  # services.package_export.ExportResult: the file is on the stick

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.ui = Ui_ReportPage()
        self.ui.setupUi(self)
        self.bundle: report.ReportBundle | None = None
        self.period: Period | None = None
        self._tables: list[ReportTable] = []
        self._results_edited = False
        self._dirty = False
        self._loading = False
        self._pdf_bytes: bytes | None = None
        self._pdf_buffer: QBuffer | None = None

        self.model = ReportTableModel(self)
        self.ui.tableView.setModel(self.model)
        rows = self.ui.tableView.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.ui.tableView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.document = QPdfDocument(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setDocument(self.document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setAccessibleName(self.tr("Report preview"))
        self.ui.previewLayout.addWidget(self.pdf_view)
        # Made after the form: Tab reaches the preview from the tabs, before the buttons.
        self.setTabOrder(self.ui.proposalsEdit, self.pdf_view)
        self.setTabOrder(self.pdf_view, self.ui.previewButton)

        self.ui.ruleCombo.addItem(self.tr("Calendar month"), "calendar")
        self.ui.ruleCombo.addItem(
            self.tr("Statistical month (15th to 14th, Decree 09/2019)"), "statistical"
        )
        self.ui.ruleCombo.addItem(self.tr("Range of days"), "custom")
        today = clock.today()
        last_month = month_period(today.year, today.month).previous()
        self.ui.monthEdit.setDate(_qdate(last_month.start))
        self.month_range = DateRange(  # typed freely, up to this month: checked when left
            self.ui.monthEdit, FIRST_MONTH, months=True, message_label=self.ui.statusLabel
        )
        self.ui.fromEdit.setDate(_qdate(today - dt.timedelta(days=6)))
        self.ui.toEdit.setDate(_qdate(today))
        self.ui.dateEdit.setDate(_qdate(today))
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_texts)
        self._reload = QTimer(self, singleShot=True, interval=0)
        self._reload.timeout.connect(self.refresh)
        self._campaign: Catalog | None = None  # the report's campaign, once one is loading
        self._add_campaign_picker()
        self._connect()
        self._show_rule_widgets()
        self._set_busy(None)

    def _add_campaign_picker(self) -> None:
        """Which campaign's report: asked only when the installation has several."""
        known = campaigns.installed(self.state.db)
        self.campaignLabel = QLabel(self.tr("Campaign:"), self)
        self.campaignCombo = picker.campaign_combo(self, self.tr("Campaign"))
        self.campaignLabel.setBuddy(self.campaignCombo)
        picker.fill(self.campaignCombo, known, campaigns.preferred(self.state.db).id)
        self.ui.periodBar.insertWidget(0, self.campaignLabel)
        self.ui.periodBar.insertWidget(1, self.campaignCombo)
        for widget in (self.campaignLabel, self.campaignCombo):
            widget.setVisible(len(known) > 1)

    def campaign_id(self, period: Period) -> str:
        """The campaign the report is of: the one picked, or the one running."""
        if self.campaignCombo.isVisibleTo(self) and self.campaignCombo.currentData():
            return str(self.campaignCombo.currentData())
        return campaigns.preferred(self.state.db, period.end).id

    def _campaign_picked(self) -> None:
        campaigns.remember(self.state.db, str(self.campaignCombo.currentData()))
        self._reload.start()

    # -- wiring ---------------------------------------------------------------------------

    def _connect(self) -> None:
        ui = self.ui
        ui.ruleCombo.currentIndexChanged.connect(self._rule_changed)
        self.campaignCombo.currentIndexChanged.connect(self._campaign_picked)
        for edit in (ui.monthEdit, ui.fromEdit, ui.toEdit):
            edit.dateChanged.connect(lambda _d: self._reload.start())
        ui.tableCombo.currentIndexChanged.connect(self._show_table)
        ui.resultsEdit.textChanged.connect(self._results_typed)
        for text_edit in (ui.difficultiesEdit, ui.proposalsEdit):
            text_edit.textChanged.connect(self._typed)
        ui.numberEdit.textEdited.connect(lambda _t: self._typed())
        ui.dateEdit.dateChanged.connect(lambda _d: self._typed())
        ui.redraftButton.clicked.connect(self._redraft)
        ui.previewButton.clicked.connect(self.preview)
        ui.printButton.clicked.connect(self.print_report)
        ui.savePdfButton.clicked.connect(self.save_pdf)
        ui.saveXlsxButton.clicked.connect(self.save_xlsx)
        ui.copyButton.clicked.connect(self.copy_summary)
        ui.sendButton.clicked.connect(self.send_to_district)

    def _rule_changed(self) -> None:
        self._show_rule_widgets()
        self._reload.start()

    def _show_rule_widgets(self) -> None:
        custom = self.ui.ruleCombo.currentData() == "custom"
        self.ui.monthEdit.setVisible(not custom)
        for widget in (self.ui.fromLabel, self.ui.fromEdit, self.ui.toLabel, self.ui.toEdit):
            widget.setVisible(custom)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reload.start()  # activities may have changed while another section showed

    # -- the period and its figures -------------------------------------------------------

    def view_state(self) -> dict[str, object]:
        """What the clerk chose (kept when the window changes language)."""
        ui = self.ui
        return {
            "rule": ui.ruleCombo.currentData(),
            "month": ui.monthEdit.date(),
            "from": ui.fromEdit.date(),
            "to": ui.toEdit.date(),
            "tab": ui.tabs.currentIndex(),
        }

    def set_view_state(self, kept: dict[str, object]) -> None:
        ui = self.ui
        ui.ruleCombo.setCurrentIndex(max(ui.ruleCombo.findData(kept["rule"]), 0))
        for edit, key in ((ui.monthEdit, "month"), (ui.fromEdit, "from"), (ui.toEdit, "to")):
            value = kept[key]
            if isinstance(value, QDate):
                edit.setDate(value)
        tab = kept.get("tab")
        if isinstance(tab, int):
            ui.tabs.setCurrentIndex(tab)

    def chosen_period(self) -> Period:
        rule = self.ui.ruleCombo.currentData()
        if rule == "custom":
            return date_range(_pydate(self.ui.fromEdit.date()), _pydate(self.ui.toEdit.date()))
        month = _pydate(self.ui.monthEdit.date())
        return month_containing(month.replace(day=1), rule)

    def refresh(self) -> None:
        """Keep the texts typed so far, then load the chosen period's figures and texts."""
        self.save_texts()
        try:
            period = self.chosen_period()
        except UserError as error:
            self._fail(i18n.message(error))
            return
        db, keys_dir = self.state.db, self.state.paths.keys_dir
        campaign_id = self.campaign_id(period)
        self._campaign = campaigns.campaign_for(db, campaign_id)  # names the tables' rows
        self._set_busy(self.tr("Adding up the figures…"))
        self._run(
            lambda _p: report.prepare(
                db,
                period,
                fingerprint=identity.installed_fingerprint(keys_dir),
                campaign_id=campaign_id,
            ),
            self._loaded,
            key="figures",  # a period picked meanwhile outdates the answer on its way
        )

    def _loaded(self, bundle: report.ReportBundle) -> None:
        self.bundle, self.period = bundle, bundle.data.period
        self._pdf_bytes = None
        data = bundle.data
        if i18n.current_lang() == "en":
            self.ui.spanLabel.setText(
                self.tr("from {start} to {end}").format(
                    start=data.period.start.strftime("%d/%m/%Y"),
                    end=data.period.end.strftime("%d/%m/%Y"),
                )
            )
        else:
            self.ui.spanLabel.setText(span(data.period))
        self.ui.headline.setText(summary_text(data))
        self.ui.exportedLabel.setText(
            self.tr("Report package exported: revision {n}").format(n=bundle.exported_revision)
            if bundle.exported_revision
            else ""
        )
        shown = self._campaign
        catalog = shown if shown is not None and shown.id == data.catalog_id else None
        self._tables = tables_of(data, catalog)
        current = self.ui.tableCombo.currentIndex()
        self.ui.tableCombo.blockSignals(True)
        self.ui.tableCombo.clear()
        for table in self._tables:
            self.ui.tableCombo.addItem(table.title, table.key)
        self.ui.tableCombo.setCurrentIndex(max(current, 0))
        self.ui.tableCombo.blockSignals(False)
        self._show_table()
        self._fill_texts(bundle.narrative, drafted=bundle.results_drafted)
        self._set_busy(None)
        self.loaded.emit()

    def _show_table(self) -> None:
        index = self.ui.tableCombo.currentIndex()
        table = self._tables[index] if 0 <= index < len(self._tables) else None
        self.model.set_table(table)
        self.ui.tableNote.setText(table.note if table else "")

    # -- texts ----------------------------------------------------------------------------

    def _fill_texts(self, narrative: Narrative, *, drafted: bool) -> None:
        self._loading = True
        try:
            self.ui.numberEdit.setText(narrative.number)
            self.ui.dateEdit.setDate(_qdate(narrative.report_date))
            self.ui.resultsEdit.setPlainText(narrative.results)
            self.ui.difficultiesEdit.setPlainText(narrative.difficulties)
            self.ui.proposalsEdit.setPlainText(narrative.proposals)
        finally:
            self._loading = False
        self._results_edited = not drafted
        self._dirty = False
        self._show_draft_note()
        self.ui.savedLabel.setText("")

    def _show_draft_note(self) -> None:
        self.ui.draftNote.setText(
            self.tr("Edited by you.")
            if self._results_edited
            else self.tr("Written from the figures; it follows them until you edit it.")
        )

    def _results_typed(self) -> None:
        if not self._loading:
            self._results_edited = True
            self._show_draft_note()
            self._typed()

    def _typed(self) -> None:
        if not self._loading:
            self._dirty = True
            self._pdf_bytes = None
            self._autosave.start()

    def _redraft(self) -> None:
        if self.bundle is None:
            return
        self._loading = True
        try:
            self.ui.resultsEdit.setPlainText(draft_results(self.bundle.data))
        finally:
            self._loading = False
        self._results_edited = False
        self._show_draft_note()
        self._dirty = True
        self.save_texts()

    def narrative(self) -> Narrative:
        """The texts as they stand in the widgets."""
        return Narrative(
            number=self.ui.numberEdit.text().strip(),
            report_date=_pydate(self.ui.dateEdit.date()),
            results=self.ui.resultsEdit.toPlainText(),
            difficulties=self.ui.difficultiesEdit.toPlainText(),
            proposals=self.ui.proposalsEdit.toPlainText(),
        )

    def save_texts(self) -> bool:
        """Write the texts of the period on screen (one transaction); False if refused."""
        self._autosave.stop()
        if not self._dirty or self.period is None or self.bundle is None:
            return True
        current = self.narrative()
        try:
            saved = report.save_texts(
                self.state.db,
                self.period,
                number=current.number,
                report_date=current.report_date,
                results=current.results if self._results_edited else None,
                difficulties=current.difficulties,
                proposals=current.proposals,
                campaign_id=self.bundle.campaign.id,
            )
        except UserError as error:
            self._fail(i18n.message(error))
            return False
        self._dirty = False
        self.bundle = report.with_narrative(
            self.bundle,
            Narrative(
                saved.number,
                saved.report_date,
                current.results,
                saved.difficulties,
                saved.proposals,
            ),
        )
        self.ui.savedLabel.setText(
            self.tr("Texts saved at {time}.").format(time=clock.now().strftime("%H:%M"))
        )
        return True

    # -- files, preview, print, clipboard -------------------------------------------------

    def _ready_bundle(self) -> report.ReportBundle | None:
        if self.bundle is None or not self.save_texts():
            return None
        return self.bundle

    def _with_pdf(self, then: Callable[[bytes], None]) -> None:
        bundle = self._ready_bundle()
        if bundle is None:
            return
        if self._pdf_bytes is not None:
            then(self._pdf_bytes)
            return
        self._set_busy(self.tr("Making the PDF…"))

        def done(data: bytes) -> None:
            self._pdf_bytes = data
            self._set_busy(None)
            then(data)

        self._run(lambda _p: report.pdf_bytes(bundle), done, key="pdf")

    def preview(self) -> None:
        self._with_pdf(self._show_pdf)

    def _show_pdf(self, data: bytes) -> None:
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._pdf_buffer is not None:
            self._pdf_buffer.deleteLater()
        self._pdf_buffer = buffer
        self.ui.tabs.setCurrentWidget(self.ui.previewTab)
        self.pdf_ready.emit()

    def _ask_path(self, title: str, suffix: str, filter_text: str) -> Path | None:
        assert self.bundle is not None
        default = self.state.paths.exports_dir / f"{report.file_stem(self.bundle)}{suffix}"
        data_dir = self.state.paths.data_dir
        start = window_memory.in_last_folder(data_dir, "save", default)
        name, _chosen = QFileDialog.getSaveFileName(self, title, start, filter_text)
        if not name:
            return None
        window_memory.remember_folder(data_dir, "save", name)
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_suffix(suffix)

    def save_pdf(self) -> None:
        self._save(self.tr("Save the report as PDF"), ".pdf", self.tr("PDF files (*.pdf)"))

    def save_xlsx(self) -> None:
        self._save(self.tr("Save the Excel copy"), ".xlsx", self.tr("Excel workbooks (*.xlsx)"))

    def _save(self, title: str, suffix: str, filter_text: str) -> None:
        bundle = self._ready_bundle()
        if bundle is None:
            return
        path = self._ask_path(title, suffix, filter_text)
        if path is None:
            return
        write = report.write_pdf if suffix == ".pdf" else report.write_xlsx
        self._set_busy(self.tr("Saving…"))

        def done(written: Path) -> None:
            self._set_busy(self.tr("Saved: {path}").format(path=written), busy=False)
            self.saved.emit(str(written))

        self._run(lambda _p: write(bundle, path), done, key="save")

    def print_report(self) -> None:
        self._with_pdf(self._print)

    def _print(self, data: bytes) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        printer.setDocName(report.file_stem(self.bundle) if self.bundle else "report")
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the report"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        document = QPdfDocument(self)
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        painter = QPainter()
        if not painter.begin(printer):
            self._fail(self.tr("The printer could not be opened."))
            return
        pages = document.pageCount()
        try:
            for page in range(pages):
                if page:
                    printer.newPage()
                target = painter.viewport()
                size = QSize(target.width(), target.height())
                image = document.render(page, size)
                painter.drawImage(target, image)
        finally:
            painter.end()
            document.close()
            buffer.close()
        self._set_busy(self.tr("Sent {n} page(s) to the printer.").format(n=pages), busy=False)
        self.printed.emit(pages)

    def copy_summary(self) -> None:
        if self.bundle is None:
            return
        QGuiApplication.clipboard().setText(summary_text(self.bundle.data))
        self._set_busy(self.tr("Summary copied: paste it into Zalo or an SMS."), busy=False)

    def send_to_district(self) -> None:
        """Write the signed report file (.qnbc) where the clerk chooses, checked on the stick."""
        from quynhnhai_desktop.gui.report.send_dialog import SendDialog
        from quynhnhai_desktop.services import package_export

        bundle = self._ready_bundle()
        if bundle is None or self.period is None:
            return
        try:
            planned = package_export.plan(
                self.state.db, self.state.paths, self.period, bundle.campaign.id
            )
        except UserError as error:
            self._fail(i18n.message(error))
            return
        if planned.reused:
            what = self.tr("File: {name} (revision {revision}, unchanged since it was last sent).")
        else:
            what = self.tr("File: {name} (revision {revision}).")
        what = what.format(name=planned.file_name, revision=planned.revision)
        dialog = SendDialog([Path.home() / "Documents"], self, what=what)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return
        destination, period = dialog.chosen(), self.period
        assert destination is not None
        self._set_busy(self.tr("Writing and checking the file…"))
        state, campaign_id = self.state, bundle.campaign.id

        def done(result: package_export.ExportResult) -> None:
            self._set_busy(None)
            self.refresh()  # the "exported rN" label
            self.sent.emit(result)
            text = (
                self.tr("Nothing had changed: the file of revision {revision} was written again.")
                if result.reused
                else self.tr("Revision {revision} was written.")
            ).format(revision=result.revision)
            QMessageBox.information(
                self,
                self.tr("Report file written"),
                self.tr(
                    "{text}\n\n{path}\n\nThe file was read back and checked: you may pull "
                    "out the USB stick. Signing key: {key}"
                ).format(text=text, path=result.path, key=result.fingerprint),
            )

        self._run(
            lambda _p: package_export.export(
                state.db, state.paths, period, destination, campaign_id
            ),
            done,
            changes=("exports",),  # records the export: a write, on the writer lane
        )

    # -- background work and messages -----------------------------------------------------

    def _run(
        self,
        work: Callable[[Any], Any],
        then: Callable[[Any], None],
        *,
        key: str = "",
        changes: tuple[str, ...] = (),
    ) -> None:
        """A query under *key* (a newer one drops its answer), or a write when it *changes*
        something; a failure shows the app's message."""

        def failed(error: BaseException) -> None:
            self._set_busy(None)
            self._fail(present(error, "report"))

        if changes:
            ops().write(self, work, then, failed, changes=changes)
        else:
            ops().query(self, work, then, failed, key=key)

    def _set_busy(self, message: str | None, *, busy: bool = True) -> None:
        working = message is not None and busy
        self.ui.statusLabel.setText(message or "")
        has_data = self.bundle is not None
        for button in (
            self.ui.previewButton,
            self.ui.printButton,
            self.ui.savePdfButton,
            self.ui.saveXlsxButton,
            self.ui.copyButton,
            self.ui.sendButton,
            self.ui.redraftButton,
        ):
            button.setEnabled(has_data and not working)

    def _fail(self, message: str) -> None:
        self.ui.statusLabel.setText(message)
        self.failed.emit(message)
        QMessageBox.warning(self, self.tr("Report"), message)
