"""After the first paint: open the database, run the set-up if needed, add demo data.

Opening may upgrade the schema, after a backup of the old file: that runs on the writer lane,
not on the GUI thread, so the window keeps painting; a progress window appears only when it
takes longer than a moment (an upgrade of a large database), never for a normal start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.domain.profile import UnitProfile
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.services.database import Database, open_database

log = logging.getLogger(__name__)

DEMO_SETUP = profile_service.SetupRequest(
    mode="commune",
    unit_code="03703",
    signer_name="Lò Văn Thành",
    signer_title="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
)


def open_state(parent: QWidget, paths: AppPaths, *, demo: bool) -> AppState | None:
    """The shared state, or None when the database cannot be used or set-up was cancelled."""
    try:
        db = _open_off_the_gui_thread(parent, paths)
    except UserError as error:
        log.error("cannot open database: %s", error)
        show_refusal(parent, error)
        return None
    except Exception as error:  # the machine's fault (busy, disk) or a bug: a box, a log
        from quynhnhai_desktop.services import faults

        log.exception("cannot open database")
        show_refusal(
            parent,
            faults.explain(error, data_dir=paths.data_dir) or faults.unexpected(paths.log_file),
        )
        return None
    profile = _ensure_profile(parent, db, paths, demo=demo)
    if profile is None:
        db.close()
        return None
    if demo and profile_service.records_activities(profile):
        from quynhnhai_desktop.services import demo as demo_service

        try:
            demo_service.fill(db)
        except demo_service.HasData:
            log.info("demo requested but the commune already has data: left as it is")
    return AppState(paths=paths, db=db, profile=profile)


OPENING_DELAY_MS = 400  # a start that opens sooner shows no progress window


def _open_off_the_gui_thread(parent: QWidget, paths: AppPaths) -> Database:
    """``open_database`` (a migration, and the backup before it) on the writer lane; the
    GUI thread waits in an event loop, so it paints; what it raised is raised here."""
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtWidgets import QProgressDialog

    from quynhnhai_desktop.gui.ops import ops
    from quynhnhai_desktop.gui.tasks import Task

    before = _backup_first(paths)
    task = Task(  # checked after the window fills; backed up before a migration
        lambda _progress: open_database(paths.database_url, check=False, before_migrate=before)
    )
    outcome: list[tuple[bool, object]] = []
    loop = QEventLoop()

    def answered(opened: bool, value: object) -> None:
        outcome.append((opened, value))
        loop.quit()

    task.done.connect(lambda db: answered(True, db))
    task.failed.connect(lambda error: answered(False, error))
    dialog = QProgressDialog(
        i18n.translate("Startup", "Opening the data (an upgrade backs it up first)…"),
        "",
        0,
        0,
        parent,
    )
    dialog.setWindowTitle(parent.windowTitle())
    dialog.setCancelButton(None)  # an upgrade is not stopped halfway
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(OPENING_DELAY_MS)
    dialog.setMinimumWidth(420)
    dialog.setValue(0)  # starts the delay
    task.start(ops().writer)
    if not outcome:
        loop.exec()
    dialog.cancel()  # hides it, and keeps its delay from showing it after all
    dialog.deleteLater()
    [(opened, value)] = outcome
    if not opened:
        assert isinstance(value, BaseException)
        raise value
    assert isinstance(value, Database)
    return value


def show_refusal(parent: QWidget | None, error: UserError) -> None:
    """The data cannot be opened: the reason and what to do, in a box (no traceback)."""
    QMessageBox.critical(
        parent, i18n.translate("Startup", "Cannot open the data"), i18n.message(error)
    )


def _backup_first(paths: AppPaths) -> Callable[[str | None, str], None]:
    """A backup before a schema upgrade; the backup service loads only when one is due."""

    def before(current: str | None, head: str) -> None:
        from quynhnhai_desktop.services import backup

        backup.migration_hook(paths)(current, head)

    return before


def _ensure_profile(
    parent: QWidget, db: Database, paths: AppPaths, *, demo: bool
) -> UnitProfile | None:
    existing = profile_service.get_profile(db)
    if existing is not None:
        return existing
    if demo:
        return profile_service.set_up(db, DEMO_SETUP, keys_dir=paths.keys_dir)
    from quynhnhai_desktop.gui.setup_wizard import SetupWizard

    wizard = SetupWizard(db, parent, keys_dir=paths.keys_dir)
    if wizard.exec() != QWizard.DialogCode.Accepted:
        return None
    return profile_service.get_profile(db)
