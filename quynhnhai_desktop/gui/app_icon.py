"""The application's icon, drawn with QPainter: one drawing for the window and the installer.

The build step (build/assets.py) renders it into the .ico embedded in the executables and
used by the installer; at run time the window gets the same drawing, because Qt on Windows
does not take the taskbar and title-bar icon from the executable's resources. No binary
image is kept in the repository, so the two can never drift apart.

The motif: a report sheet with a QR finder pattern and text lines on a green tile. Small
sizes (under 32 px) leave out the QR and keep two thick lines, so the icon stays crisp.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QIcon, QImage, QLinearGradient, QPainter, QPainterPath, QPixmap

SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)

TILE_TOP = QColor("#12866d")
TILE_BOTTOM = QColor("#0a5a49")
SHEET = QColor("#ffffff")
FOLD = QColor("#cfe3dc")
INK = QColor("#0a5a49")
FINDER = QColor("#1d2b2a")
ACCENT = QColor("#d8312b")  # the red of the administrative stamp


def paint(painter: QPainter, size: int) -> None:
    """Draw the icon into the square (0, 0, size, size) of *painter*."""
    s = float(size)
    small = size < 32
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QColor(0, 0, 0, 0))

    tile = QRectF(0.03 * s, 0.03 * s, 0.94 * s, 0.94 * s)
    gradient = QLinearGradient(tile.topLeft(), tile.bottomLeft())
    gradient.setColorAt(0.0, TILE_TOP)
    gradient.setColorAt(1.0, TILE_BOTTOM)
    painter.setBrush(gradient)
    painter.drawRoundedRect(tile, 0.2 * s, 0.2 * s)

    # The sheet, with its top-right corner folded over.
    left, top, right, bottom = 0.24 * s, 0.16 * s, 0.76 * s, 0.84 * s
    fold = 0.15 * s
    sheet = QPainterPath(QPointF(left, top))
    sheet.lineTo(right - fold, top)
    sheet.lineTo(right, top + fold)
    sheet.lineTo(right, bottom)
    sheet.lineTo(left, bottom)
    sheet.closeSubpath()
    painter.setBrush(SHEET)
    painter.drawPath(sheet)
    corner = QPainterPath(QPointF(right - fold, top))
    corner.lineTo(right - fold, top + fold)
    corner.lineTo(right, top + fold)
    corner.closeSubpath()
    painter.setBrush(FOLD)
    painter.drawPath(corner)

    inner = left + 0.07 * s
    if small:
        painter.setBrush(INK)
        for y in (0.42, 0.62):
            painter.drawRect(QRectF(inner, y * s, right - 0.07 * s - inner, 0.1 * s))
        return

    # A QR finder pattern (three nested squares), top left of the sheet.
    finder = 0.2 * s
    x, y = inner, top + 0.07 * s
    module = finder / 7
    painter.setBrush(FINDER)
    painter.drawRect(QRectF(x, y, finder, finder))
    painter.setBrush(SHEET)
    painter.drawRect(QRectF(x + module, y + module, 5 * module, 5 * module))
    painter.setBrush(FINDER)
    painter.drawRect(QRectF(x + 2 * module, y + 2 * module, 3 * module, 3 * module))

    # A few QR modules beside it (below the fold), so it reads as a code and not as a box.
    for col, row in ((8, 3), (10, 3), (12, 3), (9, 4), (11, 4), (8, 5), (12, 5), (10, 6), (11, 6)):
        painter.drawRect(QRectF(x + col * module, y + row * module, module, module))

    # Text lines, the last one shorter; a round red stamp bottom right.
    painter.setBrush(INK)
    line = 0.045 * s
    for row, width in enumerate((1.0, 1.0, 0.5)):
        line_y = (0.49 + row * 0.09) * s
        painter.drawRect(QRectF(inner, line_y, (right - 0.07 * s - inner) * width, line))
    painter.setBrush(ACCENT)
    painter.drawEllipse(QPointF(right - 0.12 * s, bottom - 0.1 * s), 0.055 * s, 0.055 * s)


def render(size: int) -> QImage:
    """The icon as a transparent square image of *size* pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    try:
        paint(painter, size)
    finally:
        painter.end()
    return image


def icon() -> QIcon:
    """The window icon, with a pixmap drawn for each common size (about a millisecond)."""
    result = QIcon()
    for size in SIZES:
        result.addPixmap(QPixmap.fromImage(render(size)))
    return result
