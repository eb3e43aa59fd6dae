"""Make, check, preview, then print or save the QR posters of the chosen venues.

Making the PDF (and decoding every code in it) and printing it run off the GUI thread,
with a progress bar and Cancel. Print and Save stay disabled until a checked job exists.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.gui import window_memory
from quynhnhai_desktop.gui.errors import describe
from quynhnhai_desktop.gui.forms.ui_posters_dialog import Ui_PostersDialog
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.gui.tasks import Cancelled, Task
from quynhnhai_desktop.gui.venues import printing
from quynhnhai_desktop.pdf_raster import open_pdf
from quynhnhai_desktop.services import posters, venues

log = logging.getLogger(__name__)


class PostersDialog(QDialog):
    job_ready = Signal(object)  # the checked PosterJob
    job_failed = Signal(str)  # the message shown
    printed = Signal(int)  # pages sent to the printer
    saved = Signal(str)  # the file written

    def __init__(
        self, state: AppState, venue_ids: list[int] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.venue_ids = venue_ids or None
        self.job: posters.PosterJob | None = None
        self._task: Task | None = None
        self._printer: QPrinter | None = None  # kept alive while a print task runs
        self.ui = Ui_PostersDialog()
        self.ui.setupUi(self)
        from quynhnhai_desktop.gui.window_memory import fit_on_screen

        fit_on_screen(self)  # its buttons stay on a 1024×600 screen
        self.document = QPdfDocument(self)
        self.preview = QPdfView(self)
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.preview.setAccessibleName(self.tr("Preview"))
        self.ui.previewLayout.addWidget(self.preview)
        self._buffer: QBuffer | None = None
        self._describe_scope()
        self.ui.makeButton.clicked.connect(self.make)
        self.ui.cancelButton.clicked.connect(self.cancel)
        self.ui.printButton.clicked.connect(self.print_)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.closeButton.clicked.connect(self.reject)
        for radio in (
            self.ui.a4Radio,
            self.ui.a5Radio,
            self.ui.stickersRadio,
            self.ui.selectedRadio,
            self.ui.allRadio,
        ):
            radio.toggled.connect(self._choice_changed)

    def _describe_scope(self) -> None:
        """Selected venues (when the list has a selection) or every open venue."""
        open_count = venues.listing(
            self.state.db,
            self.state.profile.unit_code,
            venues.VenueFilter(status="active"),
            limit=0,
        ).total
        selected = len(self.venue_ids or ())
        self.ui.selectedRadio.setText(
            self.tr("The {count} selected venue(s)").format(count=selected)
        )
        self.ui.allRadio.setText(self.tr("All {count} open venues").format(count=open_count))
        self.ui.selectedRadio.setEnabled(bool(selected))
        self.ui.selectedRadio.setChecked(bool(selected))
        self.ui.allRadio.setChecked(not selected)

    def chosen_ids(self) -> list[int] | None:
        """The venue ids to print, or None for every open venue."""
        return self.venue_ids if self.ui.selectedRadio.isChecked() else None

    def layout_code(self) -> str:
        if self.ui.a5Radio.isChecked():
            return "a5"
        if self.ui.stickersRadio.isChecked():
            return "stickers"
        return "a4"

    def _busy(self, busy: bool) -> None:
        self.ui.makeButton.setEnabled(not busy)
        self.ui.layoutBox.setEnabled(not busy)
        self.ui.scopeBox.setEnabled(not busy)
        self.ui.cancelButton.setEnabled(busy)
        ready = not busy and self.job is not None
        self.ui.printButton.setEnabled(ready)
        self.ui.saveButton.setEnabled(ready)

    # -- making and checking ------------------------------------------------------------

    def make(self) -> None:
        """Draw the PDF and decode every code in it, in the background."""
        db, layout, ids = self.state.db, self.layout_code(), self.chosen_ids()
        self.job = None
        self._busy(True)
        self.ui.progressBar.setValue(0)
        self.ui.statusLabel.setText(self.tr("Drawing the posters and checking every QR code…"))
        task = Task(
            lambda progress: posters.build(
                db, raster=open_pdf, layout=layout, ids=ids, progress=progress.update
            ),
            self,
        )
        task.progressed.connect(self._progressed)
        task.done.connect(self._job_done)
        task.failed.connect(self._task_failed)
        self._task = task.start()

    def _progressed(self, done: int, total: int) -> None:
        self.ui.progressBar.setMaximum(max(total, 1))
        self.ui.progressBar.setValue(done)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.ui.cancelButton.setEnabled(False)

    def _job_done(self, job: posters.PosterJob) -> None:
        self._task = None
        self.job = job
        self._show_preview(job.pdf)
        self._busy(False)
        self.ui.statusLabel.setText(
            self.tr(
                "{pages} page(s) ready. All {checked} QR codes were decoded and match their "
                "venues ({local} with the commune's local code)."
            ).format(pages=job.pages, checked=job.checked, local=job.local_codes)
        )
        self.job_ready.emit(job)

    def _show_preview(self, pdf: bytes) -> None:
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # QPdfDocument reads from it while the preview shows

    def _task_failed(self, error: BaseException) -> None:
        self._task = None
        self._busy(False)
        if isinstance(error, Cancelled):
            message = self.tr("Cancelled: nothing was printed or saved.")
        else:
            message = describe(error)
        self.ui.statusLabel.setText(message)
        self.job_failed.emit(message)

    def _choice_changed(self, checked: bool) -> None:
        if checked and self.job is not None:
            self.job = None
            self.document.close()
            self._busy(False)
            self.ui.statusLabel.setText(self.tr("The choice changed: make the posters again."))

    # -- output -------------------------------------------------------------------------

    def print_(self) -> None:
        """Ask for the printer, then print in the background; the counts go up when done."""
        job = self.job
        if job is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printing.prepare_printer(printer, job.layout, self.tr("QR posters"))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print QR posters"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._printer = printer
        self._busy(True)
        self.ui.progressBar.setValue(0)
        self.ui.statusLabel.setText(self.tr("Printing…"))
        task = Task(lambda progress: printing.print_pdf(job.pdf, printer, progress), self)
        task.progressed.connect(self._progressed)
        task.done.connect(self._printed)
        task.failed.connect(self._task_failed)
        self._task = task.start()

    def _printed(self, pages: int) -> None:
        self._task = None
        assert self.job is not None
        posters.record_printed(self.state.db, self.job)
        self._busy(False)
        self.ui.statusLabel.setText(
            self.tr("{pages} page(s) sent to the printer.").format(pages=pages)
        )
        self.printed.emit(pages)

    def save(self) -> None:
        job = self.job
        if job is None:
            return
        name = f"ma-qr-{job.layout}-{clock.today():%Y-%m-%d}.pdf"
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the QR posters"),
            window_memory.in_last_folder(
                self.state.paths.data_dir, "save", self.state.paths.exports_dir / name
            ),
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return
        window_memory.remember_folder(self.state.paths.data_dir, "save", chosen)
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            posters.save(self.state.db, job, path)
        except UserError as error:
            self.ui.statusLabel.setText(i18n.message(error))
            return
        self.ui.statusLabel.setText(self.tr("Saved to {path}.").format(path=path))
        self.saved.emit(str(path))

    # -- closing ------------------------------------------------------------------------

    def _stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            QThreadPool.globalInstance().waitForDone()  # the task refers to this dialog
            self._task = None

    def reject(self) -> None:
        self._stop()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop()
        super().closeEvent(event)
