"""GUI start-up: paths, logging, translators, the window; the database after the first paint.

Only Qt and the window's own module are imported before the window shows; the store
(sqlmodel) and the renderers (reportlab, openpyxl) load later, when they are needed.
"""

from __future__ import annotations

import sys

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths


def run(*, data_dir: str | None = None, lang: str | None = None, demo: bool = False) -> int:
    from PySide6.QtWidgets import QApplication

    paths = AppPaths.resolve(data_dir).ensure()  # logging starts after the first paint
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("QuynhNhai")
    app.setOrganizationName("UBND huyen Quynh Nhai")
    i18n.install("en" if lang == "en" else i18n.DEFAULT_LANG)

    from quynhnhai_desktop.gui import app_icon, excepthook
    from quynhnhai_desktop.gui.main_window import MainWindow

    QApplication.setWindowIcon(app_icon.icon())  # Qt on Windows does not take it from the .exe
    excepthook.install(paths)
    window = MainWindow(paths, demo=demo)
    window.show()
    code = app.exec()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()  # no page's background work outlives its page
    return code


def main() -> int:
    """Entry point of the windowed executable (no console): same options as the CLI."""
    from quynhnhai_desktop.cli import main as cli_main

    return cli_main(sys.argv[1:] or ["gui"])
