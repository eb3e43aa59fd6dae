"""Opening the database: engine, schema migrations and the start-up quick check.

Before SQLite opens the file for writing, :func:`preflight` looks at it read-only: a file
that is empty, truncated, not a database, not this app's, or paired with a ``-wal`` that
does not belong to it is refused with the "restore a backup" message and left exactly as
it was (SQLite would otherwise treat an empty file as a new database, or replay a foreign
WAL into ours and delete it). A new database is built under a temporary name and gets its
real name only when its schema is complete, so an empty file is never one of ours.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlmodel import Session

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.store import migrate
from quynhnhai_desktop.store.engine import (
    BUSY_TIMEOUT_MS,
    make_engine,
    quick_check,
    read_scope,
    session_scope,
)
from quynhnhai_desktop.store.files import TEMP_SUFFIX, fsync_dir, fsync_file

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


class DatabaseDamaged(UserError):
    """SQLite reports the file as damaged."""


class DatabaseRefused(DatabaseDamaged):
    """The file is not a usable database of this app; it was left exactly as it was."""


SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
WAL_HEADER_SIZE = 32
# The tables every version of the schema has had: a file without them is not ours.
CORE_TABLES = frozenset({"profile", "village", "team", "activity"})


def _refused(template: str, database: Path) -> DatabaseRefused:
    return DatabaseRefused(
        "store", template, file=str(database), backups=str(database.parent / "backups")
    )


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite *url*; None for other databases and memory."""
    parsed = make_url(url)
    name = parsed.database
    if parsed.get_backend_name() != "sqlite" or not name or name == ":memory:":
        return None
    return Path(name)


def _sidecar(database: Path, suffix: str) -> Path:
    return database.with_name(database.name + suffix)


def preflight(database: Path) -> bool:
    """Look at *database* without changing a byte; True when it does not exist yet.

    Raises :class:`DatabaseRefused` for an empty, truncated, foreign or damaged file, or a
    ``-wal`` that does not belong to it, and for a file this user cannot write.
    """
    wal = _sidecar(database, "-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    if not database.exists():
        if wal_size:
            raise _refused(_FOREIGN_WAL, database)
        return True
    size = database.stat().st_size
    if size == 0:
        raise _refused(_EMPTY, database)
    with database.open("rb") as handle:
        header = handle.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        raise _refused(_NOT_OURS, database)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise _refused(_NOT_OURS, database)
    pages = int.from_bytes(header[28:32], "big")
    header_valid = header[92:96] == header[24:28]  # "in-header database size" is current

    def short(length: int) -> bool:  # than a whole number of pages, or than the header says
        return bool(length % page_size or (header_valid and length < pages * page_size))

    if short(size):
        # Another program's checkpoint copies page 1 (this header) back from its -wal before
        # the pages that grow the file: while that -wal holds pages, a short look is that
        # checkpoint half-way, and SQLite's own read through the -wal decides (below). Once
        # the -wal is gone the checkpoint is over, so a file still short is cut.
        wal_size = wal.stat().st_size if wal.exists() else 0
        if wal_size <= WAL_HEADER_SIZE and short(database.stat().st_size):
            raise _refused(_TRUNCATED, database)
    if not os.access(database, os.W_OK):
        raise _refused(_READ_ONLY, database)
    _check_contents(database, wal_size > WAL_HEADER_SIZE)
    return False


def _check_contents(database: Path, has_wal: bool) -> None:
    """What SQLite would read, looked at through a read-only connection.

    Read-only, SQLite reads the ``-wal`` as it would on opening but never writes it back into
    the file nor deletes it, so a foreign one shows (another database's pages, damage) while
    both files stay as they are.
    """
    shm = _sidecar(database, "-shm")
    shm_existed = shm.exists()
    uri = f"{database.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            problems = []
            if has_wal and tables:
                rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
                problems = [] if rows == ["ok"] else rows
        finally:
            conn.close()
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise  # another program is writing: the caller says "busy", not "damaged"
        log.warning("database refused: %s", error)
        raise _refused(_FOREIGN_WAL if has_wal else _DAMAGED, database) from error
    except sqlite3.DatabaseError as error:
        log.warning("database refused: %s", error)
        raise _refused(_FOREIGN_WAL if has_wal else _DAMAGED, database) from error
    finally:
        if not shm_existed and has_wal:
            with contextlib.suppress(OSError):
                shm.unlink(missing_ok=True)  # made by the look; nothing else has it open
    if problems:
        log.warning("database refused: %s", problems[:3])
        raise _refused(_FOREIGN_WAL if has_wal else _DAMAGED, database)
    if not tables:
        return  # SQLite's header and nothing else: no data to lose, the schema is built
    if not (CORE_TABLES | {migrate.VERSION_TABLE}) <= tables:
        raise _refused(_FOREIGN_WAL if has_wal else _NOT_OURS, database)


_EMPTY = QT_TRANSLATE_NOOP(
    "store",
    "The database file {file} is empty (0 bytes): its data was lost, perhaps by a disk "
    "error or a failed copy. It was left as it is. Restore the latest backup (kept in "
    "{backups}) or call the district IT staff.",
)
_TRUNCATED = QT_TRANSLATE_NOOP(
    "store",
    "The database file {file} is cut short (truncated, perhaps by a failed copy or a disk "
    "error). It was left as it is. Restore the latest backup (kept in {backups}) or call "
    "the district IT staff.",
)
_NOT_OURS = QT_TRANSLATE_NOOP(
    "store",
    "The file {file} is not a database of this app (or is badly damaged). It was left as "
    "it is. Restore the latest backup (kept in {backups}) or call the district IT staff.",
)
_DAMAGED = QT_TRANSLATE_NOOP(
    "store",
    "The database file {file} is damaged. It was left as it is. Restore the latest backup "
    "(kept in {backups}) or call the district IT staff.",
)
_FOREIGN_WAL = QT_TRANSLATE_NOOP(
    "store",
    "The database file {file} has a “-wal” file beside it that does not belong to it "
    "(copied from another computer or folder?). Both were left as they are. Restore the "
    "latest backup (kept in {backups}) or call the district IT staff.",
)
_READ_ONLY = QT_TRANSLATE_NOOP(
    "store",
    "The database file {file} is read-only: nothing could be saved. Ask the IT staff to "
    "remove the read-only mark or give this user write access, then start again.",
)


def _create(database: Path) -> None:
    """Build a new database under a temporary name; it gets its name when complete.

    Two programs starting on a new folder at once: the first name wins, the other's
    complete copy is discarded and both open the same file.
    """
    tmp = database.with_name(f".{database.name}.{os.getpid()}.new{TEMP_SUFFIX}")
    for leftover in (tmp, _sidecar(tmp, "-wal"), _sidecar(tmp, "-shm")):
        leftover.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{tmp.as_posix()}")
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()  # the last connection: SQLite folds the WAL in and deletes it
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
