"""What an unexpected failure means for the clerk: one message that says what to do.

The CLI and the window both end every action here: a :class:`UserError` is shown as it is;
a known failure of the machine (a full disk, a folder that cannot be written, the database
busy with another program's long write) becomes the app's own message; anything else is a
bug, shown as "something went wrong, your data is safe, details in the log". The traceback
always goes to the log, never to the screen.
"""

from __future__ import annotations

from pathlib import Path

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError


class MachineFault(UserError):
    """A known failure of the disk or of concurrent access, explained for the clerk."""


def _sqlite_message(error: BaseException) -> str | None:
    """The SQLite error text behind *error* (SQLAlchemy wraps the driver's), lower case."""
    import sqlite3

    original = getattr(error, "orig", None)
    for candidate in (original, error):
        if isinstance(candidate, sqlite3.Error):
            return str(candidate).lower()
    return None


def explain(error: BaseException, *, data_dir: Path | None = None) -> UserError | None:
    """The clerk's message for *error*, or None: an unexpected bug (log it, say so)."""
    if isinstance(error, UserError):
        return error
    folder = str(data_dir) if data_dir is not None else ""
    sqlite_text = _sqlite_message(error)
    if sqlite_text is not None:
        if "locked" in sqlite_text or "busy" in sqlite_text:
            return MachineFault(
                "faults",
                QT_TRANSLATE_NOOP(
                    "faults",
                    "The data is busy: another Quỳnh Nhai program (the window or a command) "
                    "is saving a long change. This action was not saved; wait until the "
                    "other one has finished and try again.",
                ),
            )
        if "disk is full" in sqlite_text or "disk i/o" in sqlite_text:
            return _disk_full(folder)
        if "readonly" in sqlite_text or "unable to open" in sqlite_text:
            return MachineFault(
                "faults",
                QT_TRANSLATE_NOOP(
                    "faults",
                    "The data folder {folder} cannot be written (it is read-only or "
                    "protected). Nothing was changed. Ask the IT staff to give this user "
                    "write access to it, or start the app with another data folder.",
                ),
                folder=folder,
            )
        return None
    if isinstance(error, OSError):
        from quynhnhai_desktop.store.files import is_disk_full, write_failed

        named = error.filename if isinstance(error.filename, str) else None
        if named is None:
            return _disk_full(folder) if is_disk_full(error) else None
        if is_disk_full(error):
            return write_failed(Path(named), error)
        return MachineFault(
            "faults",
            QT_TRANSLATE_NOOP(
                "faults",
                "“{name}” cannot be used ({reason}). Check that it exists, that it is not "
                "open in another program and that its drive is plugged in, then try again.",
            ),
            name=named,
            reason=error.strerror or str(error),
        )
    return None


def _disk_full(folder: str) -> MachineFault:
    return MachineFault(
        "faults",
        QT_TRANSLATE_NOOP(
            "faults",
            "The drive of the data folder {folder} is full (or failing): nothing was saved. "
            "Free some space on it and try again.",
        ),
        folder=folder,
    )


def unexpected(log_file: Path | None) -> UserError:
    """The message for a bug: what was done, that the data is safe, where the details are."""
    return UserError(
        "Errors",
        QT_TRANSLATE_NOOP(
            "Errors",
            "Something went wrong and the action was not completed. Your saved data is "
            "safe. Details were written to {log}; send this file to the district IT "
            "staff if it happens again.",
        ),
        log=str(log_file) if log_file is not None else "?",
    )
