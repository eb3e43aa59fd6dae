"""Combo box lists as wide as their longest item, on Windows too.

Qt's Fusion and macOS styles open a combo box's list as a popup at least as wide as its
items; the Windows styles drop a list exactly as wide as the box, so a filter box of topics
shows "Mã QR tại … công cộng" (seen under Wine, Windows' own style). When a list opens,
:func:`widen` makes it as wide as its items need, kept on the screen. Connected once to
``QApplication.focusChanged`` (an opening list takes the focus): no per-event cost.
"""

from __future__ import annotations

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
        return  # Fusion, macOS: Qt sizes the popup to its items itself
    view = combo.view()
    container = view.window()  # Qt's private QComboBoxPrivateContainer, a QFrame
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
