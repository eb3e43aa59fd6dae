"""Run something right after a widget has painted: what is not the numbers waits for them
to be on screen (start-up time: work queued as a zero timer runs before the paint, which
Qt posts with low priority)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterPaint(QObject):
    """Calls *then* on the next turn of the event loop after *widget* next paints (the
    paint is asked for, so it comes even when nothing else changed). *owner* (default: the
    widget) ends the watch when it is deleted: a page watching its window's paint."""

    def __init__(
        self, widget: QWidget, then: Callable[[], None], *, owner: QObject | None = None
    ) -> None:
        super().__init__(owner or widget)
        self._then: Callable[[], None] | None = then
        if not widget.isVisible():  # a hidden page never paints: carry on at once
            self._then = None
            QTimer.singleShot(0, self, then)
            return
        widget.installEventFilter(self)
        widget.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, then)  # not once the window is gone
        return False
