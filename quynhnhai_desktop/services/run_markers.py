"""Did the last run of the window end cleanly? A marker file says so.

The window writes the marker when it starts and removes it when it closes cleanly; a
marker found at start-up means the previous run crashed or lost power, and the start-up
then runs SQLite's full integrity check instead of the quick one and says what it found.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import dataclass

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.store.files import atomic_write_bytes

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UncleanExit:
    """What the marker of the run that did not end cleanly says."""

    started_at: dt.datetime | None
    pid: int | None


def previous_run_unclean(paths: AppPaths) -> UncleanExit | None:
    """The details of a previous run that never ended cleanly, or None."""
    marker = paths.session_marker
    if not marker.exists():
        return None
    previous = UncleanExit(started_at=None, pid=None)
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        previous = UncleanExit(dt.datetime.fromisoformat(data["started_at"]), int(data["pid"]))
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("unreadable session marker %s (a power cut while writing it?)", marker)
    log.warning("the previous run did not end cleanly (started %s)", previous.started_at)
    return previous


def begin(paths: AppPaths) -> UncleanExit | None:
    """Mark this run as started; returns the previous run's details if it never ended."""
    previous = previous_run_unclean(paths)
    record = {"started_at": dt.datetime.now().isoformat(timespec="seconds"), "pid": os.getpid()}
    atomic_write_bytes(paths.session_marker, json.dumps(record).encode("utf-8"))
    return previous


def end(paths: AppPaths) -> None:
    """The run ends cleanly: the next start needs no full check."""
    paths.session_marker.unlink(missing_ok=True)
