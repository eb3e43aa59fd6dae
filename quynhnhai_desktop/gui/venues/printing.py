"""Sending a checked poster PDF to a printer, page by page, off the GUI thread.

Qt draws on a QPrinter from a worker thread (QPainter supports QPrinter, QImage and
QPicture outside the GUI thread). Each page is rasterised by QtPdf (the same renderer as
the QR self-check) at the printer's resolution, capped at 300 dpi: sharp QR edges, and one
A4 page never needs more than ~45 MB of memory (QtPdf draws it in colour, 35 MB, then it
is laid on white in grayscale, 9 MB).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.gui.tasks import Cancelled, Progress
from quynhnhai_desktop.pdf_raster import QtPdfRaster

log = logging.getLogger(__name__)

MAX_DPI = 300


def prepare_printer(printer: QPrinter, layout: str, title: str) -> None:
    """A4, no margins (the PDF has its own), landscape for the A5 pairs."""
    orientation = (
        QPageLayout.Orientation.Landscape if layout == "a5" else QPageLayout.Orientation.Portrait
    )
    printer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0))
    )
    printer.setFullPage(True)
    printer.setDocName(title)


def print_pdf(pdf: bytes, printer: QPrinter, progress: Progress) -> int:
    """Paint every page of *pdf* on *printer*; returns the number of pages sent."""
    document = QtPdfRaster(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        raise UserError(
            "printing",
            QT_TRANSLATE_NOOP(
                "printing", "The printer could not be opened. Check that it is on and ready."
            ),
        )
    total = document.page_count()
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        target = printer.paperRect(QPrinter.Unit.DevicePixel)
        for number in range(total):
            if number:
                printer.newPage()
            image = document.image(number, dpi)
            painter.drawImage(_fit(target, image.width(), image.height()), image)
            progress.update(number + 1, total)
    except Cancelled:
        printer.abort()
        raise
    finally:
        painter.end()
        document.close()
    log.info("%d poster pages sent to %s", total, printer.printerName() or "file")
    return total


def _fit(target: QRectF, width: int, height: int) -> QRectF:
    """The largest rectangle of the page's proportions inside *target*, centred."""
    scale = min(target.width() / width, target.height() / height)
    w, h = width * scale, height * scale
    return QRectF(
        target.x() + (target.width() - w) / 2, target.y() + (target.height() - h) / 2, w, h
    )
