"""GUI start-up: paths, logging, translators, the window; the database after the first paint.

Only Qt and the window's own module are imported before the window shows; the store
(sqlmodel) and the renderers (reportlab, openpyxl) load later, when they are needed.
"""

from __future__ import annotations

import gc
import logging
import sys
from typing import TYPE_CHECKING, TextIO

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths

if TYPE_CHECKING:
    from quynhnhai_desktop.gui.single_instance import SingleInstance


def run(*, data_dir: str | None = None, lang: str | None = None, demo: bool = False) -> int:
    # Start-up builds ~120,000 objects that all live on (modules, classes, tables): the
    # cyclic collector would walk them again and again for nothing, ~10 % of the time to
    # the data. It resumes once the window shows its data (or when run returns).
    gc.disable()
    try:
        return _run(data_dir, lang, demo)
    finally:
        gc.enable()


def _run(data_dir: str | None, lang: str | None, demo: bool) -> int:
    from PySide6.QtWidgets import QApplication

    from quynhnhai_desktop import qt_imports
    from quynhnhai_desktop.domain.errors import UserError

    qt_imports.lighten_pyside_import_hook()  # every module imported from now on pays it

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("QuynhNhai")
    app.setOrganizationName("UBND huyen Quynh Nhai")
    i18n.install("en" if lang == "en" else i18n.DEFAULT_LANG)
    try:
        # --demo: a folder of its own; logging starts after the first paint
        paths = AppPaths.resolve(data_dir, demo=demo).ensure()
    except UserError as error:  # a read-only or missing data folder: say so, in a box
        from quynhnhai_desktop import logging_setup
        from quynhnhai_desktop.gui.startup import show_refusal

        logging_setup.configure_fallback()
        logging.getLogger(__name__).exception("data folder unusable")
        show_refusal(None, error)
        return 1

    from quynhnhai_desktop.gui.single_instance import SingleInstance

    instance = SingleInstance(paths)
    if not instance.acquire():  # another window has this data folder: never open it twice
        return _second_start(instance, paths)

    from quynhnhai_desktop.gui import excepthook
    from quynhnhai_desktop.gui.main_window import MainWindow

    excepthook.install(paths)
    _log_hard_crashes(paths)
    window = MainWindow(paths, demo=demo, lang=lang)
    window.ready.connect(lambda: instance.serve(window))  # after the data shows
    window.ready.connect(_set_window_icon)
    window.ready.connect(_widen_combo_lists)
    window.ready.connect(_resume_garbage_collection)
    window.show()
    try:
        return app.exec()
    finally:
        from PySide6.QtCore import QThreadPool

        # A page may start background work as the window closes (a timer that fires late):
        # it must end while its objects exist, not during the interpreter's teardown.
        QThreadPool.globalInstance().waitForDone()
        instance.release()


def _log_hard_crashes(paths: AppPaths) -> None:
    """A crash below Python (Qt, SQLite, a driver) still leaves a traceback in the logs."""
    import faulthandler

    global _fault_log
    paths.logs_dir.mkdir(parents=True, exist_ok=True)
    _fault_log = (paths.logs_dir / "faults.log").open("a", encoding="utf-8")
    faulthandler.enable(_fault_log)


_fault_log: TextIO | None = None  # kept open for faulthandler until the process ends


def _second_start(instance: SingleInstance, paths: AppPaths) -> int:
    """Bring the running window forward, or say clearly that the app is already open."""
    from quynhnhai_desktop import logging_setup
    from quynhnhai_desktop.gui.single_instance import explain_already_open

    logging_setup.configure(paths.log_file)
    if instance.hand_over():
        logging.getLogger(__name__).info("already running: brought its window forward")
        return 0
    logging.getLogger(__name__).warning(
        "already running (pid %s), no answer", instance.lock.holder()
    )
    explain_already_open(paths)
    return 0


def _resume_garbage_collection() -> None:
    gc.freeze()  # what start-up built stays: later collections skip it
    gc.enable()


def _set_window_icon() -> None:
    """The taskbar and title-bar icon: Qt on Windows does not take it from the .exe. Drawn
    after the data shows: the drawing and its Qt types cost ~18 ms, the first paint none."""
    from PySide6.QtWidgets import QApplication

    from quynhnhai_desktop.gui.app_icon import icon

    QApplication.setWindowIcon(icon())


def _widen_combo_lists() -> None:
    """Combo box lists as wide as their items in Windows' style too (gui/combo_popups)."""
    from PySide6.QtWidgets import QApplication

    from quynhnhai_desktop.gui import combo_popups

    app = QApplication.instance()
    if isinstance(app, QApplication):
        combo_popups.install(app)
