"""Sending a checked poster PDF to a printer, page by page, off the GUI thread.

Qt draws on a QPrinter from a worker thread (QPainter supports QPrinter, QImage and
QPicture outside the GUI thread). Each page is rasterised by pdfium at the printer's
resolution, capped at 300 dpi: sharp QR edges, and one A4 page never needs more than
~9 MB of memory in grayscale.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.gui.tasks import Cancelled, Progress

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
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        raise UserError(
            "printing",
            QT_TRANSLATE_NOOP(
                "printing", "The printer could not be opened. Check that it is on and ready."
            ),
        )
    total = len(document)
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        target = printer.paperRect(QPrinter.Unit.DevicePixel)
        for number in range(total):
            if number:
                printer.newPage()
            page = document[number]
            try:
                bitmap = page.render(scale=dpi / 72, grayscale=True)
                data = bytes(bitmap.buffer)  # kept alive while the painter reads it
                image = QImage(
                    data,
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_Grayscale8,
                )
                painter.drawImage(_fit(target, bitmap.width, bitmap.height), image)
            finally:
                page.close()
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
