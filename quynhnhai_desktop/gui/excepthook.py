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
            from quynhnhai_desktop.services import faults  # loads only when something failed

            log.error("unexpected error", exc_info=(kind, error, tb))
            explained = faults.explain(error, data_dir=paths.data_dir)
            text = i18n.message(explained or faults.unexpected(paths.log_file))
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
