"""Long work off the GUI thread: a task runs a plain function in Qt's thread pool.

The function gets a :class:`Progress` to report through and to ask whether the user
cancelled; results and errors come back as signals on the GUI thread. Services stay plain
Python (no Qt) and are unit-tested directly; tests of the GUI wait with ``waitSignal``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class Pool(Protocol):
    """What a task is started on: Qt's thread pool, or the synchronous one of tests."""

    def start(self, runnable: QRunnable) -> None: ...


class Cancelled(Exception):
    """Raised inside a task's function when the user pressed Cancel."""


class Progress:
    """Handed to the task's function: report ``done`` of ``total``; check for cancel."""

    def __init__(self, task: Task) -> None:
        self._task = task

    def update(self, done: int, total: int) -> None:
        self._task.progressed.emit(done, total)
        self.raise_if_cancelled()

    @property
    def cancelled(self) -> bool:
        return self._task._cancel.is_set()

    def raise_if_cancelled(self) -> None:
        if self.cancelled:
            raise Cancelled


class Task(QObject):
    """One background job. Keep a reference until ``done`` or ``failed`` fires."""

    progressed = Signal(int, int)
    done = Signal(object)  # the function's result
    failed = Signal(object)  # the exception (Cancelled when the user cancelled)

    def __init__(self, fn: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def start(self, pool: Pool | None = None) -> Task:
        (pool or QThreadPool.globalInstance()).start(_Runner(self))
        return self

    def _run(self) -> None:
        try:
            result = self._fn(Progress(self))
        except Cancelled as error:
            self.failed.emit(error)
        except Exception as error:  # reported to the GUI thread, which shows it
            log.exception("background task failed")
            self.failed.emit(error)
        else:
            self.done.emit(result)


class _Runner(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run()
