"""What the window says when an action fails: always the app's own words, never a traceback.

A :class:`UserError` says what to do; a known failure of the machine (a full disk, a file open
in another program, the data busy with a command's write) is explained the same way as on
the command line (``services.faults``); anything else is "something went wrong, your data is
safe, the details are in the log". The traceback is logged where the error was caught.
"""

from __future__ import annotations

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.errors import UserError


def describe(error: object) -> str:
    """The message for *error*, in the current language."""
    if isinstance(error, UserError):
        return i18n.message(error)
    from quynhnhai_desktop import logging_setup
    from quynhnhai_desktop.services import faults  # loads only when something failed

    log_file = logging_setup.current_log_file()
    data_dir = log_file.parent.parent if log_file is not None else None
    explained = (
        faults.explain(error, data_dir=data_dir) if isinstance(error, BaseException) else None
    )
    return i18n.message(explained or faults.unexpected(log_file))
