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

    from quynhnhai_desktop.gui import excepthook
    from quynhnhai_desktop.gui.main_window import MainWindow

    excepthook.install(paths)
    window = MainWindow(paths, demo=demo)
    window.ready.connect(_set_window_icon)
    window.show()
    return app.exec()


def _set_window_icon() -> None:
    """The taskbar and title-bar icon: Qt on Windows does not take it from the .exe. Drawn
    after the data shows: the drawing and its Qt types cost ~18 ms, the first paint none."""
    from PySide6.QtWidgets import QApplication

    from quynhnhai_desktop.gui.app_icon import icon

    QApplication.setWindowIcon(icon())


def main() -> int:
    """Entry point of the windowed executable (no console): same options as the CLI."""
    from quynhnhai_desktop.cli import main as cli_main

    return cli_main(sys.argv[1:] or ["gui"])
