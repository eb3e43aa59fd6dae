"""Rasterising PDF pages with QtPdf: the QR self-check's eyes and the printer's pages.

QtPdf is the pdfium inside Qt that already draws the preview, so the bundle needs no
second pdfium (pypdfium2, 7 MB) nor an imaging library (Pillow, 6 MB) to check and print
posters. It needs no QApplication: the CLI uses it as the GUI does, from any thread (Qt
serialises the calls into pdfium). The geometry follows pdfium's own conventions (page size
in pixels rounded up, crop edges rounded up), as pypdfium2 did before.

A leaf beside the layers, not in ``gui``: the window and the CLI both hand it to the Qt-free
poster service behind ``output.raster``'s interface, so a command loads no window module.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from quynhnhai_desktop.output.raster import Area, GrayImage


class QtPdfRaster:
    """An open PDF (from its bytes), rendered with QtPdf: an ``output.raster.RasterDocument``."""

    def __init__(self, pdf: bytes) -> None:
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._document = QPdfDocument()
        self._last: tuple[int, float, QImage] | None = None  # the page rendered last
        self._document.load(self._buffer)  # synchronous for a buffer already in memory
        if self._document.status() != QPdfDocument.Status.Ready:
            error = self._document.error()
            self.close()
            raise ValueError(f"QtPdf cannot open the PDF: {error.name}")

    def page_count(self) -> int:
        return self._document.pageCount()

    def page_size(self, page: int) -> tuple[float, float]:
        size = self._document.pagePointSize(page)
        return size.width(), size.height()

    def image(self, page: int, dpi: float, area: Area | None = None) -> QImage:
        """*area* (default: the whole page) of *page* at *dpi*, 8-bit grayscale on white.

        Always cut from a whole-page render (kept for the next area of the same page):
        QtPdf's own clipped render shifts the picture by a fraction of a pixel, while the
        whole-page render is pdfium's reference, the pixels pypdfium2 gave before.
        """
        if area is None:  # a page for the printer: nothing to keep for later
            return _on_white(self._render(page, dpi))
        if self._last is None or self._last[:2] != (page, dpi):
            self._last = (page, dpi, self._render(page, dpi))
        whole = self._last[2]
        width, height = self.page_size(page)
        scale = dpi / 72
        left = math.ceil(area.left * scale)
        top = math.ceil((height - area.top) * scale)
        right = whole.width() - math.ceil((width - area.right) * scale)
        bottom = whole.height() - math.ceil(area.bottom * scale)
        return _on_white(whole.copy(QRect(left, top, right - left, bottom - top)))

    def _render(self, page: int, dpi: float) -> QImage:
        """The whole page, ARGB on transparent as QtPdf draws it."""
        width, height = self.page_size(page)
        size = QSize(math.ceil(width * dpi / 72), math.ceil(height * dpi / 72))
        return self._document.render(page, size)

    def render(self, page: int, area: Area, dpi: float) -> GrayImage:
        gray = self.image(page, dpi, area)
        pixels = bytes(gray.constBits())  # a copy: the view dies with the QImage
        return GrayImage(pixels, gray.width(), gray.height(), gray.bytesPerLine())

    def close(self) -> None:
        self._last = None
        self._document.close()
        self._buffer.close()


def open_pdf(pdf: bytes) -> QtPdfRaster:
    """The app's ``output.raster.PdfRaster``: GUI and CLI hand it to the poster service."""
    return QtPdfRaster(pdf)


def _on_white(image: QImage) -> QImage:
    """*image* laid on white paper, as 8-bit grayscale (only the area asked for)."""
    gray = QImage(image.size(), QImage.Format.Format_Grayscale8)
    gray.fill(Qt.GlobalColor.white)
    painter = QPainter(gray)
    painter.drawImage(0, 0, image)
    painter.end()
    return gray
