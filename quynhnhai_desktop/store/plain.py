"""The database through plain ``sqlite3``: what a command that only reads opens.

``report monthly`` as a whole process was mostly the import of SQLAlchemy, SQLModel and
the models (~0.6 s of ~1.1 s). A database that exists, passes :func:`preflight` and is at
:data:`migrate.HEAD` needs none of it to be read: :func:`open_current` opens it with the
engine's own PRAGMAs. Anything else (no file yet, an older schema, a newer one) answers
None, and the caller opens it the ordinary way, which creates, migrates (with the backup
and the window's lock) or refuses it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from quynhnhai_desktop.store import migrate
from quynhnhai_desktop.store.pragmas import CLI_BUSY_TIMEOUT_MS, SQLITE_PRAGMAS
from quynhnhai_desktop.store.preflight import preflight

if TYPE_CHECKING:
    from sqlmodel import Session


def open_current(
    database: Path, *, busy_timeout_ms: int = CLI_BUSY_TIMEOUT_MS
) -> sqlite3.Connection | None:
    """*database* opened for reading when its schema is :data:`migrate.HEAD`, else None.

    Refuses (``DatabaseRefused``) exactly what the ordinary open refuses before SQLite
    touches the file: the same :func:`preflight` runs first.
    """
    if preflight(database):
        return None  # a new installation: the ordinary open builds it
    conn = sqlite3.connect(str(database), timeout=busy_timeout_ms / 1000, isolation_level=None)
    try:
        for pragma in (*SQLITE_PRAGMAS, f"PRAGMA busy_timeout={busy_timeout_ms}"):
            conn.execute(pragma)
        has_version = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
            (migrate.VERSION_TABLE,),
        ).fetchone()
        revision = (
            conn.execute(f"SELECT version_num FROM {migrate.VERSION_TABLE}").fetchone()
            if has_version
            else None
        )
    except BaseException:
        conn.close()
        raise
    if revision is None or revision[0] != migrate.HEAD:
        conn.close()
        return None
    return conn


@contextmanager
def reading(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One read transaction (one snapshot for every query); it never waits for a writer."""
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("COMMIT")


def session_connection(session: Session) -> sqlite3.Connection:
    """The ``sqlite3`` connection under *session*, in its transaction (what it added is
    flushed first), for the plain SQL the window and the commands share."""
    session.flush()
    raw = session.connection().connection.driver_connection
    assert isinstance(raw, sqlite3.Connection), "the plain readers need SQLite"
    return raw
