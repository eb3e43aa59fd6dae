"""The look at the database file before SQLite opens it, through plain ``sqlite3``.

Before SQLite opens the file for writing, :func:`preflight` looks at it read-only: a file
that is empty, truncated, not a database, not this app's, or paired with a ``-wal`` that
does not belong to it is refused with the "restore a backup" message and left exactly as
it was (SQLite would otherwise treat an empty file as a new database, or replay a foreign
WAL into ours and delete it). No SQLAlchemy here: a command that reads (``report
monthly``) opens the file without importing the ORM (:mod:`store.plain`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from pathlib import Path

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.store.migrate import VERSION_TABLE
from quynhnhai_desktop.store.pragmas import BUSY_TIMEOUT_MS
from quynhnhai_desktop.store.wal_live import held_open

log = logging.getLogger(__name__)


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
    has_wal = wal_size > WAL_HEADER_SIZE
    # A -wal a connection holds open (the window's, while a command runs) is SQLite's own,
    # written into this very file: the pages are not checked (~3 s at a million activities).
    _check_contents(database, has_wal, check_pages=has_wal and held_open(database) is not True)
    return False


def _check_contents(database: Path, has_wal: bool, *, check_pages: bool) -> None:
    """What SQLite would read, looked at through a read-only connection.

    Read-only, SQLite reads the ``-wal`` as it would on opening but never writes it back into
    the file nor deletes it, so a foreign one shows (another database's pages, damage) while
    both files stay as they are; *check_pages*: every page is read (SQLite's quick check).
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
            if check_pages and tables:
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
    if not (CORE_TABLES | {VERSION_TABLE}) <= tables:
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
