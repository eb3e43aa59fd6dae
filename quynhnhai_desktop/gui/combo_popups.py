"""Combo box lists as wide as their longest item, on Windows too.

Qt's Fusion and macOS styles open a combo box's list as a popup at least as wide as its
items; the Windows styles drop a list exactly as wide as the box, so a filter box of topics
shows "Mã QR tại … công cộng" (seen under Wine, Windows' own style). When a list opens,
:func:`widen` makes it as wide as its items need, kept on the screen. Connected once to
``QApplication.focusChanged`` (an opening list takes the focus): no per-event cost.

The Windows styles also make each row exactly the font's height, and a Vietnamese capital's
marks reach above the font's ascent: "CHỦ TỊCH" read "CHU TỊCH", "ỦY BAN" "UY BAN" (seen
on Linux with the Windows style and under Wine). :func:`tall_enough` gives a row whose text
is taller than its row the height of its ink, and the open list grows to match.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QStyle,
    QWidget,
)

_installed: set[int] = set()


def install(app: QApplication) -> None:
    """Widen every combo box list of *app* as it opens (once per application)."""
    if id(app) not in _installed:
        _installed.add(id(app))
        app.focusChanged.connect(_focus_changed)


def _focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
    if isinstance(new, QAbstractItemView):
        combo = new.window().parent()
        if isinstance(combo, QComboBox):
            widen(combo)


def widen(combo: QComboBox) -> None:
    """Make *combo*'s open list wide enough for its longest item (a no-op where the style
    already does it, or where the box is wide enough)."""
    style = combo.style()
    if style.styleHint(QStyle.StyleHint.SH_ComboBox_Popup, None, combo):
        return  # Fusion, macOS: Qt sizes the popup to its items itself (rows with room)
    view = combo.view()
    container = view.window()  # Qt's private QComboBoxPrivateContainer, a QFrame
    grown = tall_enough(combo)
    if grown:
        geometry = container.geometry()
        geometry.setHeight(geometry.height() + grown)
        screen = combo.screen().availableGeometry()
        if geometry.bottom() > screen.bottom():  # open upwards rather than off the screen
            geometry.moveBottom(screen.bottom())
        container.setGeometry(geometry)
    frame = container.frameWidth() if isinstance(container, QFrame) else 0
    needed = view.sizeHintForColumn(combo.modelColumn()) + 2 * frame
    if combo.count() > combo.maxVisibleItems():
        needed += style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
    needed += 2 * view.frameWidth() + 8  # the items' own margins
    if needed <= container.width():
        return
    geometry = container.geometry()
    geometry.setWidth(needed)
    screen = combo.screen().availableGeometry()
    if geometry.right() > screen.right():  # open towards the left rather than off the screen
        geometry.moveRight(max(screen.right(), screen.left() + needed - 1))
    container.setGeometry(geometry)


INK_MARGIN = 2  # pixels above and below the tallest mark


def tall_enough(combo: QComboBox) -> int:
    """Give each row of *combo*'s list at least the height of its text's ink (the marks of
    "Ủ", "Ẫ" above the ascent); returns how many pixels the visible rows grew together."""
    view = combo.view()
    metrics = view.fontMetrics()
    model = combo.model()
    grown = 0
    for row in range(combo.count()):
        text = combo.itemText(row)
        if not text:
            continue
        ink = metrics.boundingRect(text)
        needed = (
            max(-ink.top(), metrics.ascent())
            + max(ink.bottom() + 1, metrics.descent())
            + 2 * INK_MARGIN
        )
        hint = view.sizeHintForIndex(model.index(row, combo.modelColumn(), combo.rootModelIndex()))
        if hint.height() < needed:
            combo.setItemData(row, QSize(hint.width(), needed), Qt.ItemDataRole.SizeHintRole)
            if row < combo.maxVisibleItems():
                grown += needed - hint.height()
    return grown
