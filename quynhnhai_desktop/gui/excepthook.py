"""Unexpected errors: logged with their traceback, shown as a short Vietnamese message."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.errors import UserError

log = logging.getLogger("quynhnhai_desktop.crash")

_showing = False


def install(paths: AppPaths) -> None:
    """Replace sys.excepthook so a bug shows a message instead of closing the app."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        global _showing
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if isinstance(error, UserError):
            text = i18n.message(error)
        else:
            log.error("unexpected error", exc_info=(kind, error, tb))
            text = i18n.translate(
                "Errors",
                "Something went wrong and the action was not completed. Your saved data is "
                "safe. Details were written to {log}; send this file to the district IT "
                "staff if it happens again.",
            ).format(log=paths.log_file)
        if _showing or QApplication.instance() is None:
            return  # never stack message boxes (an error while showing one)
        from PySide6.QtWidgets import QMessageBox

        _showing = True
        try:
            QMessageBox.warning(
                QApplication.activeWindow(), i18n.translate("Errors", "Error"), text
            )
        finally:
            _showing = False

    sys.excepthook = hook
