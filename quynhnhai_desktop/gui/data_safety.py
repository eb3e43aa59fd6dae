"""What the main window does to keep the data safe while it runs.

- At start: mark the run (a marker file); when the previous run never removed its marker
  (crash, power cut) the start-up check is SQLite's full integrity check, and the clerk is
  told what it found. Unsaved form drafts are offered back.
- While running: an automatic backup at most once a day (checked every half hour, made off
  the GUI thread); at the start, the backup the last exit owes.
- At a clean exit: a running backup is abandoned, the exit backup is owed to the next start
  (a marker written atomically), then the run's marker goes. Closing never copies the file.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from quynhnhai_desktop import i18n
from quynhnhai_desktop.gui.ops import ops, present
from quynhnhai_desktop.services import backup, run_markers

if TYPE_CHECKING:
    from quynhnhai_desktop.config import AppPaths
    from quynhnhai_desktop.gui.state import AppState
    from quynhnhai_desktop.gui.tasks import Task

log = logging.getLogger(__name__)


class DataGuard(QObject):
    backup_made = Signal(object)  # services.backup.BackupFile
    backup_failed = Signal(object)  # the exception
    daily_check_ms = 30 * 60 * 1000

    def __init__(
        self, window: QWidget, paths: AppPaths, unclean: run_markers.UncleanExit | None
    ) -> None:
        """*unclean*: what :func:`run_markers.previous_run_unclean` found before the start."""
        super().__init__(window)
        self._window = window
        self.paths = paths
        self.state: AppState | None = None
        self.unclean = unclean
        run_markers.begin(paths)
        backup.discard_stale_stages(paths)
        from quynhnhai_desktop.services.database import remove_leftovers

        remove_leftovers(paths.temp_folders)  # what a crash left (old temporary files only)
        self._task: Task | None = None
        self._ended = False
        self._timer = QTimer(self)
        self._timer.setInterval(self.daily_check_ms)
        self._timer.timeout.connect(self.backup_if_due)

    @property
    def previous_run_crashed(self) -> bool:
        return self.unclean is not None

    # -- after the start-up check -------------------------------------------------------

    def report_check(self, problems: list[str]) -> None:
        """After an unclean exit: say what the full integrity check found."""
        started = self.unclean.started_at if self.unclean else None
        when = f"{started:%H:%M %d/%m/%Y}" if started else "?"
        title = i18n.translate("DataSafety", "The app was not closed properly")
        if not problems:
            QMessageBox.information(
                self._window,
                title,
                i18n.translate(
                    "DataSafety",
                    "Quỳnh Nhai did not close properly last time (opened at {when}); perhaps "
                    "the power was cut. The full data check found no problem: everything that "
                    "was saved is safe.",
                ).format(when=when),
            )
            return
        QMessageBox.warning(
            self._window,
            title,
            i18n.translate(
                "DataSafety",
                "Quỳnh Nhai did not close properly last time (opened at {when}). The full "
                "data check found a problem: {problem}\n\nRestore the latest backup in "
                "Settings → Backup, or call the district IT staff.",
            ).format(when=when, problem=problems[0]),
        )

    def after_start(self, state: AppState) -> None:
        """Offer unsaved drafts back, then keep the daily backup going."""
        from quynhnhai_desktop.gui.drafts import offer_pending

        self.state = state
        offer_pending(self._window, state)
        self._timer.start()
        self.backup_if_due()

    # -- backups while running and at exit ----------------------------------------------

    def backup_if_due(self) -> bool:
        """Start today's automatic backup unless one exists; True when one started."""
        from quynhnhai_desktop.gui.tasks import Cancelled, Progress, Task

        if self._ended or self._task is not None or not backup.backup_due(self.paths):
            return False
        paths = self.paths

        def run(progress: Progress) -> backup.BackupFile:
            try:
                return backup.settle(paths, should_stop=lambda: progress.cancelled)
            except backup.BackupFailed as error:
                if progress.cancelled:  # the window closed: the next start makes it
                    raise Cancelled from error
                raise

        self._task = Task(run, self)
        ops().write(self, self._task, self._backup_done, self._backup_failed)  # waits for writes
        return True

    def _backup_done(self, made: object) -> None:
        self._task = None
        self.backup_made.emit(made)

    def _backup_failed(self, error: object) -> None:
        self._task = None
        if self._ended:  # abandoned as the window closed: the next start makes it
            log.info("backup abandoned at exit: %s", error)
            return
        reason = present(error, "daily backup")
        status = getattr(self._window, "statusBar", None)
        if status is not None:  # said where the clerk looks, without a box in the way
            status().showMessage(
                i18n.translate("DataSafety", "The automatic backup failed: {reason}").format(
                    reason=reason
                )
            )
        self.backup_failed.emit(error)

    def end(self, *, backup_owed: bool) -> None:
        """The window closes cleanly: a running backup stops at once (SQLite is asked to
        give up), the exit backup is owed to the next start, and the run's marker goes."""
        if self._ended:
            return
        self._ended = True
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()
        ops().wait()  # the abandoned backup returns quickly
        if backup_owed:
            try:
                backup.owe_exit_backup(self.paths)  # before the run's marker goes
            except OSError:
                log.exception("could not note the exit backup as owed")
        run_markers.end(self.paths)
