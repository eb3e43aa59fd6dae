"""Engine factory: every connection gets the PRAGMAs that make a save survive a power cut."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlmodel import Session

from quynhnhai_desktop.store.pragmas import (  # noqa: F401 (named here by other modules)
    BUSY_TIMEOUT_MS,
    CLI_BUSY_TIMEOUT_MS,
    SQLITE_PRAGMAS,
)

log = logging.getLogger(__name__)

# Execution option of a connection (or engine) whose transactions only read: they begin
# DEFERRED and so never wait for a writer (WAL readers see the last commit).
DEFERRED = {"quynhnhai_deferred": True}


def _on_sqlite_connect(busy_timeout_ms: int) -> Any:
    def connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINT; let
        # SQLAlchemy emit BEGIN itself (the SQLAlchemy docs, "Serializable isolation /
        # Savepoints / Transactional DDL").
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            for pragma in (*SQLITE_PRAGMAS, f"PRAGMA busy_timeout={busy_timeout_ms}"):
                cursor.execute(pragma)
        finally:
            cursor.close()

    return connect


def _on_sqlite_begin(connection: Any) -> None:
    """Writers begin IMMEDIATE: they take the write lock first, so the busy timeout applies.

    A DEFERRED transaction that reads and then writes cannot wait for another writer: its
    snapshot is stale once that writer commits, and SQLite fails it at once ("database is
    locked", whatever the timeout). Reads marked :data:`DEFERRED` begin plainly.
    """
    deferred = connection.get_execution_options().get("quynhnhai_deferred", False)
    connection.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")


def make_engine(url: str, *, echo: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """An engine for *url*: a SQLite file by default; portable SQL so PostgreSQL works too.

    ``hide_parameters``: a database error names the statement, never the values (names,
    notes, phone numbers), in the log or on the screen.
    """
    is_sqlite = url.startswith("sqlite")
    engine = create_engine(
        url,
        echo=echo,
        hide_parameters=True,
        connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000}
        if is_sqlite
        else {},
    )
    if is_sqlite:
        event.listen(engine, "connect", _on_sqlite_connect(busy_timeout_ms))
        event.listen(engine, "begin", _on_sqlite_begin)
    return engine


@contextmanager
def read_scope(engine: Engine) -> Iterator[Session]:
    """A session that only reads: it begins DEFERRED, so it never waits for a writer.

    It ends like :func:`session_scope` (commit, objects stay loaded), so a write slipped in
    by mistake is not lost silently: it fails at once if another program is writing.
    """
    with Session(engine.execution_options(**DEFERRED), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction per user action: commit on success, roll back on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


@contextmanager
def _stoppable(conn: Any, should_stop: Callable[[], bool] | None) -> Iterator[None]:
    """SQLite asks *should_stop* every few thousand steps; True aborts the statement
    (``sqlite3.OperationalError: interrupted``): the window closes without waiting."""
    if should_stop is None:
        yield
        return
    raw = conn.connection.driver_connection
    raw.set_progress_handler(lambda: 1 if should_stop() else 0, 20_000)
    try:
        yield
    finally:
        raw.set_progress_handler(None, 0)


def quick_check(engine: Engine, *, should_stop: Callable[[], bool] | None = None) -> list[str]:
    """SQLite's quick_check: ``[]`` when the file is sound, else the problems it lists."""
    if engine.dialect.name != "sqlite":
        return []
    with engine.connect().execution_options(**DEFERRED) as conn, _stoppable(conn, should_stop):
        rows = [row[0] for row in conn.execute(text("PRAGMA quick_check"))]
    return [] if rows == ["ok"] else rows


def integrity_check(engine: Engine, *, should_stop: Callable[[], bool] | None = None) -> list[str]:
    """The full (slower) integrity check plus foreign keys, for `quynhnhai check`."""
    if engine.dialect.name != "sqlite":
        return []
    with engine.connect().execution_options(**DEFERRED) as conn, _stoppable(conn, should_stop):
        rows = [row[0] for row in conn.execute(text("PRAGMA integrity_check"))]
        fk = [
            f"foreign key: {row[0]} row {row[1]} → {row[2]}"
            for row in conn.execute(text("PRAGMA foreign_key_check"))
        ]
    return ([] if rows == ["ok"] else rows) + fk
