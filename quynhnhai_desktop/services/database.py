"""The database as the screens hold it: the handle they pass to services, opening it, its
health check and the clean-up a crash needs. The GUI never imports the store; what of it
the window needs comes through here (an import-linter contract says so)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from quynhnhai_desktop.store.database import Database, open_database

__all__ = ["Database", "check", "open_database", "remove_leftovers"]


def check(db: Database, *, full: bool, should_stop: Callable[[], bool] | None = None) -> list[str]:
    """SQLite's quick check (``full``: the integrity check plus foreign keys): ``[]`` when
    the file is sound, else the problems it lists. *should_stop* interrupts it."""
    from quynhnhai_desktop.store.engine import integrity_check, quick_check

    run = integrity_check if full else quick_check
    return run(db.engine, should_stop=should_stop)


def remove_leftovers(folders: Iterable[Path]) -> list[Path]:
    """Delete what a crash left of this app's temporary files (old ones only, never live)."""
    from quynhnhai_desktop.store import files

    return files.remove_leftovers(folders)
