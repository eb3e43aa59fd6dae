"""One way from a screen to the data: queries in the background, writes on one lane.

A page asks for data with :meth:`Ops.query`: the work runs in the reading pool and its result
comes back to a callback on the GUI thread; when the page asks again under the same *key*
before the first answer arrived, the older answer is dropped (the clerk picked another month
meanwhile). A change to the data goes through :meth:`Ops.write`: every write runs on the one
writer lane (a pool of one thread), so an import, a saved edit and a backup never race each
other; once it has landed, :attr:`Ops.changed` says what changed so open pages refresh.

Errors from either reach the clerk through :func:`present` only: the translated message of
``gui.errors.describe``, the traceback in the log. Long work shows its progress after a short
delay (an import's dialog, ``QProgressDialog.setMinimumDuration``), so quick work does not
flash a dialog; a task handed in ready-made (its progress and Cancel already wired to that
dialog) runs the same way as a plain function.

Tests install an :class:`Ops` built on :class:`FakeThreadPool` (the work runs at once, on the
calling thread, as Picard's tests do), so coverage sees the background code and no test waits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.gui.errors import describe
from quynhnhai_desktop.gui.tasks import Cancelled, Pool, Progress, Task

log = logging.getLogger(__name__)

Work = Callable[[Progress], Any] | Task  # a function, or a task with its progress wired


class FakeThreadPool:
    """Runs each runnable at once on the calling thread (tests: no waiting, full coverage)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


def present(error: object, what: str = "background work") -> str:
    """The one error presenter: log the traceback, return the clerk's message for *error*."""
    if isinstance(error, Cancelled):
        log.info("%s cancelled", what)
    elif isinstance(error, UserError):  # the clerk can fix it: no traceback
        log.info("%s refused: %s", what, error)
    elif isinstance(error, BaseException):
        log.error("%s failed", what, exc_info=error)
    else:
        log.error("%s failed: %r", what, error)
    return describe(error)


class Ops(QObject):
    """The app's two lanes to the data, and the news of what a write changed."""

    changed = Signal(object)  # frozenset[str]: what a write changed ("activities", …)

    def __init__(
        self,
        reader: Pool | None = None,
        writer: Pool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.reader: Pool = reader or QThreadPool.globalInstance()
        if writer is None:
            lane = QThreadPool(self)
            lane.setMaxThreadCount(1)  # one writer: writes land one after the other
            writer = lane
        self.writer: Pool = writer
        self._alive: dict[Task, int] = {}  # task → its owner's id; kept until it answers
        self._latest: dict[tuple[int, str], int] = {}

    def query(
        self,
        owner: QObject,
        work: Work,
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
        *,
        key: str = "",
    ) -> Task:
        """Read in the background; *done* gets the result unless a newer query of *owner*
        under *key* was asked meanwhile (then the older answer is dropped)."""
        slot = (id(owner), key)
        ticket = self._latest.get(slot, 0) + 1
        self._latest[slot] = ticket

        def current() -> bool:
            return self._latest.get(slot) == ticket

        return self._start(self.reader, owner, work, done, failed, current, frozenset())

    def drop(self, owner: QObject, key: str = "") -> None:
        """Drop the answer of *owner*'s query under *key* still on its way (it is out of date)."""
        slot = (id(owner), key)
        self._latest[slot] = self._latest.get(slot, 0) + 1

    def write(
        self,
        owner: QObject,
        work: Work,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        *,
        changes: Iterable[str] = (),
    ) -> Task:
        """Change the data on the writer lane; then :attr:`changed` (the open pages show the
        new data), then *done* (which may say so over the refreshed page)."""
        return self._start(self.writer, owner, work, done, failed, lambda: True, frozenset(changes))

    def _start(
        self,
        pool: Pool,
        owner: QObject,
        work: Work,
        done: Callable[[Any], None] | None,
        failed: Callable[[BaseException], None] | None,
        current: Callable[[], bool],
        changes: frozenset[str],
    ) -> Task:
        task = work if isinstance(work, Task) else Task(work)
        self._alive[task] = id(owner)

        def finished(result: Any) -> None:
            self._alive.pop(task, None)
            if changes:  # the pages refresh first; then the caller says what happened
                self.changed.emit(changes)
            if shiboken6.isValid(owner) and current() and done is not None:
                done(result)

        def refused(error: BaseException) -> None:
            self._alive.pop(task, None)
            if not shiboken6.isValid(owner) or not current():
                present(error)  # nobody left to tell: the log has it
                return
            if failed is not None:
                failed(error)
            else:
                present(error)

        task.done.connect(finished)
        task.failed.connect(refused)
        task.start(pool)
        return task

    def wait(self) -> None:
        """Block until both lanes are idle (before the database is closed or replaced)."""
        for pool in (self.reader, self.writer):
            if isinstance(pool, QThreadPool):
                pool.waitForDone()

    def pending(self, owner: QObject | None = None) -> bool:
        """Whether some task (of *owner*, if given) has not answered yet."""
        return any(owner is None or mine == id(owner) for mine in self._alive.values())


_ops: Ops | None = None


def ops() -> Ops:
    """The app's operations (made on first use, on the GUI thread)."""
    global _ops
    if _ops is None or not shiboken6.isValid(_ops):
        _ops = Ops()
    return _ops


def install(replacement: Ops | None) -> Ops | None:
    """Use *replacement* from now on (tests: a synchronous one); returns the previous."""
    global _ops
    previous, _ops = _ops, replacement
    return previous
