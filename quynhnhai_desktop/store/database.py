"""Opening the database: engine, schema migrations and the start-up quick check.

Before SQLite opens the file for writing, :func:`store.preflight.preflight` looks at it
read-only (an unusable file is refused and left exactly as it was). A new database is
built under a temporary name and gets its real name only when its schema is complete, so
an empty file is never one of ours.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlmodel import Session

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP
from quynhnhai_desktop.store import migrate
from quynhnhai_desktop.store.engine import (
    BUSY_TIMEOUT_MS,
    make_engine,
    quick_check,
    read_scope,
    session_scope,
)
from quynhnhai_desktop.store.files import TEMP_SUFFIX, fsync_dir, fsync_file
from quynhnhai_desktop.store.preflight import (  # noqa: F401 (the names callers import here)
    DatabaseDamaged,
    DatabaseRefused,
    _sidecar,
    preflight,
)

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

    def read_session(self) -> AbstractContextManager[Session]:
        """A session that only reads: it never waits for another program's write."""
        if self.closed:
            raise DatabaseClosed("the database was closed; open it again to use it")
        return read_scope(self.engine)

    def close(self) -> None:
        self.closed = True
        self.engine.dispose()


class DatabaseClosed(RuntimeError):
    """Work that outlived the window (or a restore) asked for a session."""


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite *url*; None for other databases and memory."""
    parsed = make_url(url)
    name = parsed.database
    if parsed.get_backend_name() != "sqlite" or not name or name == ":memory:":
        return None
    return Path(name)


def _create(database: Path) -> None:
    """Build a new database under a temporary name; it gets its name when complete.

    Two programs starting on a new folder at once: the first name wins, the other's
    complete copy is discarded and both open the same file.
    """
    tmp = database.with_name(f".{database.name}.{os.getpid()}.new{TEMP_SUFFIX}")
    for leftover in (tmp, _sidecar(tmp, "-wal"), _sidecar(tmp, "-shm")):
        leftover.unlink(missing_ok=True)
    build_schema(tmp)
    try:
        fsync_file(tmp)
        if os.name == "nt":
            tmp.rename(database)  # fails when the name exists: never replaces
        else:
            _link_or_rename(tmp, database)
        fsync_dir(database.parent)
        log.info("created a new database %s", database)
    except FileExistsError:
        log.info("another program created %s first: using it", database)
    finally:
        for leftover in (tmp, _sidecar(tmp, "-wal"), _sidecar(tmp, "-shm")):
            leftover.unlink(missing_ok=True)


def build_schema(new_file: Path) -> None:
    """Every migration on the empty *new_file* (~0.6 s of alembic; the tests copy a file
    made so once a process: tests/conftest.py)."""
    engine = make_engine(f"sqlite:///{new_file.as_posix()}")
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()  # the last connection: SQLite folds the WAL in and deletes it


def _link_or_rename(tmp: Path, database: Path) -> None:
    """Give *tmp* the name *database* unless it exists (FileExistsError), on POSIX."""
    try:
        os.link(tmp, database)  # fails when the name exists: never replaces
        return
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (FAT): rename, after a look
        if database.exists():
            raise FileExistsError(database) from None
    tmp.rename(database)


def open_database(
    url: str,
    *,
    before_migrate: BeforeMigrate | None = None,
    check: bool = True,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> Database:
    """Open *url*, create or upgrade its schema, and run SQLite's quick check.

    A database written by a newer app version is refused untouched (DatabaseTooNew); one
    that is empty, truncated, not ours or beside a foreign WAL too (DatabaseRefused).
    """
    database = sqlite_file(url)
    if database is not None and preflight(database):
        _create(database)
    engine = make_engine(url, busy_timeout_ms=busy_timeout_ms)
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
