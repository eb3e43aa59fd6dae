"""The keyboard on lists: the row with the focus is the selected row, and Down from a search
box goes into its results.

A table that gets the focus (Tab, a click on the frame, Down from the search box) with no
row selected selects its current row (or the first), so Enter and Delete act at once
instead of needing a Space or a click first.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

_SELECT_ROW = (
    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
)


def select_focused_row(view: QAbstractItemView) -> None:
    """Select the current row (the first when there is none) if nothing is selected."""
    model, selection = view.model(), view.selectionModel()
    if model is None or selection is None or not model.rowCount():
        return
    if selection.hasSelection():
        return
    current = view.currentIndex()
    if not current.isValid():
        current = model.index(0, 0)
    selection.setCurrentIndex(current, _SELECT_ROW)
    view.scrollTo(current)


class _FocusSelects(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QAbstractItemView):
            select_focused_row(watched)
        return super().eventFilter(watched, event)


class _DownToResults(QObject):
    def __init__(self, search: QLineEdit, view: QAbstractItemView) -> None:
        super().__init__(search)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and not event.modifiers():
                model = self.view.model()
                if model is not None and model.rowCount():
                    self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                    select_focused_row(self.view)
                    return True
        return super().eventFilter(watched, event)


def focus_selects_row(view: QAbstractItemView) -> None:
    """From now on, *view* selects its current row when it gets the focus."""
    keeper = _FocusSelects(view)
    view.installEventFilter(keeper)


def down_goes_to(search: QLineEdit, view: QAbstractItemView) -> None:
    """Down (or Page Down) in *search* moves into *view*, its first result selected."""
    search.installEventFilter(_DownToResults(search, view))
