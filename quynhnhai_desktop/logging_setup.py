"""Logging to a rotating file in the data folder (and stderr when there is a console)."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure(log_file: Path, *, verbose: bool = False) -> None:
    """Send the app's log to *log_file* (1 MB × 5 files), replacing an earlier target.

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
        handler = RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
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
