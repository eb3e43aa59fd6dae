"""Logging to a file in the data folder, rotated at start (and stderr when there is a console).

The window and CLI commands write the same log at once. Python's RotatingFileHandler renames
the file when it passes its size, which on Windows fails while another process has it open
(the window, all day): every record after that went into a failed rollover and was lost. So
the log is rotated when a process starts logging, if it is large and no other process holds
it, and is only appended to afterwards: a few lines an operation, so even a window left
open for weeks grows it by a few MB at most before the next start moves it aside.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000  # a log this large moves aside at the next start
BACKUPS = 5  # quynhnhai.log.1 (the newest) … quynhnhai.log.5


def configure(log_file: Path, *, verbose: bool = False) -> None:
    """Send the app's log to *log_file* (about 1 MB × 5 files), replacing an earlier target.

    A log that cannot be written (a read-only folder) never stops the app: the log goes to
    the temporary folder instead, and a traceback never falls through to the screen.
    """
    logging.raiseExceptions = False  # a full disk must not print "Logging error" tracebacks
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_quynhnhai", False)]:
        root.removeHandler(old)
        old.close()
    handler: logging.Handler
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        rotate_if_large(log_file)
        handler = logging.FileHandler(log_file, encoding="utf-8")
    except OSError:
        handler = _fallback_handler()
    handler.setFormatter(logging.Formatter(FORMAT))
    handler._quynhnhai = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    # A windowed (frozen) build has no console: sys.stderr is None there.
    if verbose and sys.stderr is not None:
        console = logging.StreamHandler(sys.stderr)
        console._quynhnhai = True  # type: ignore[attr-defined]
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(console)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)


def rotate_if_large(log_file: Path) -> bool:
    """Move a log of :data:`MAX_BYTES` or more to ``.1`` (``.1`` to ``.2`` …, the oldest
    dropped). False when it is small, missing, or cannot move now (on Windows: another
    process has it open); it is then appended to as it is. Nothing written is lost."""
    try:
        if log_file.stat().st_size < MAX_BYTES:
            return False
    except OSError:
        return False

    def backup(number: int) -> Path:
        return log_file.with_name(f"{log_file.name}.{number}")

    # The live log first, to a name of this process's own: where another process holds it,
    # this fails and the backups stay as they are.
    moving = log_file.with_name(f"{log_file.name}.{os.getpid()}.moving")
    try:
        log_file.replace(moving)
    except OSError:
        return False
    for number in range(BACKUPS - 1, 0, -1):
        with contextlib.suppress(OSError):  # one held open (a viewer) stays where it is
            if backup(number).exists():
                backup(number).replace(backup(number + 1))
    try:
        moving.replace(backup(1))
    except OSError:
        return False  # its lines stay in the ".moving" file, never overwritten
    return True


FALLBACK_LOG = "quynhnhai-fallback.log"


def _fallback_handler() -> logging.Handler:
    """A log in the temporary folder; at worst none (but never Python's stderr fallback)."""
    import tempfile

    try:
        return logging.FileHandler(Path(tempfile.gettempdir()) / FALLBACK_LOG, encoding="utf-8")
    except OSError:
        return logging.NullHandler()


def configure_fallback(*, verbose: bool = False) -> None:
    """Logging when the data folder is unusable: the temporary folder's log."""
    logging.raiseExceptions = False
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_quynhnhai", False)]:
        root.removeHandler(old)
        old.close()
    handler = _fallback_handler()
    handler.setFormatter(logging.Formatter(FORMAT))
    handler._quynhnhai = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)


def current_log_file() -> Path | None:
    """The file the app logs to now (to name it in a message), if any."""
    for handler in logging.getLogger().handlers:
        if getattr(handler, "_quynhnhai", False) and isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None
