"""Opening the database: engine, schema migrations and the start-up quick check."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlmodel import Session

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.store import migrate
from quynhnhai_desktop.store.engine import make_engine, quick_check, session_scope

log = logging.getLogger(__name__)

BeforeMigrate = Callable[[str | None, str], None]


@dataclass
class Database:
    """An open, migrated database; services receive this and open sessions from it."""

    engine: Engine
    problems: list[str] = field(default_factory=list)  # what the quick check found at opening
    closed: bool = False

    def session(self) -> AbstractContextManager[Session]:
        """A session whose transaction commits when the block ends without error."""
        if self.closed:  # a late background job: it must not reopen the file (after the
            # exit backup, or after a restore replaced it) and leave a connection behind
            raise DatabaseClosed("the database was closed; open it again to use it")
        return session_scope(self.engine)

    def close(self) -> None:
        self.closed = True
        self.engine.dispose()


class DatabaseClosed(RuntimeError):
    """Work that outlived the window (or a restore) asked for a session."""


class DatabaseDamaged(UserError):
    """SQLite reports the file as damaged."""


def open_database(
    url: str, *, before_migrate: BeforeMigrate | None = None, check: bool = True
) -> Database:
    """Open *url*, create or upgrade its schema, and run SQLite's quick check.

    A database written by a newer app version is refused untouched (DatabaseTooNew).
    """
    engine = make_engine(url)
    try:
        problems = quick_check(engine) if check else []
        if problems:
            raise DatabaseDamaged(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "The database file is damaged ({first}). Restore the latest backup "
                    "(Settings → Backup) or call the district IT staff.",
                ),
                first=problems[0],
            )
        migrate.upgrade(engine, before=before_migrate)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine=engine, problems=problems)
