"""An empty list says what to do next: a centred hint over the view while it has no rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyState(QObject):
    """Shows *hint()* in the middle of *view* whenever its model has no rows.

    The hint is a callable so it can depend on the filters (an empty filter result is not
    an empty register) and follows the current language.
    """

    def __init__(self, view: QAbstractItemView, hint: Callable[[], str]) -> None:
        super().__init__(view)
        self.view = view
        self.hint = hint
        self.label = QLabel(view.viewport())
        self.label.setObjectName("emptyState")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)
        model = view.model()
        model.modelReset.connect(self.update)
        model.rowsInserted.connect(self.update)
        model.rowsRemoved.connect(self.update)
        model.layoutChanged.connect(self.update)
        self.update()

    def update(self) -> None:
        empty = self.view.model().rowCount() == 0
        if empty:
            self.label.setText(self.hint())
            self._place()
        self.label.setVisible(empty)

    def _place(self) -> None:
        rect = self.view.viewport().rect()
        self.label.setGeometry(rect.adjusted(0, 24, 0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False
