"""Engine factory: every connection gets the PRAGMAs that make a save survive a power cut."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlmodel import Session

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
# WAL lets the list read while a save writes; synchronous=FULL makes every acknowledged
# commit survive a power cut (NORMAL may lose the last ones); foreign_keys is off by
# default in SQLite and per connection.
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINT; let SQLAlchemy
    # emit BEGIN itself (see the SQLAlchemy docs, "Serializable isolation / Savepoints").
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for *url*: a SQLite file by default; portable SQL so PostgreSQL works too."""
    is_sqlite = url.startswith("sqlite")
    engine = create_engine(
        url,
        echo=echo,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        if is_sqlite
        else {},
    )
    if is_sqlite:
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    return engine


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


def quick_check(engine: Engine) -> list[str]:
    """SQLite's quick_check: ``[]`` when the file is sound, else the problems it lists."""
    if engine.dialect.name != "sqlite":
        return []
    with engine.connect() as conn:
        rows = [row[0] for row in conn.execute(text("PRAGMA quick_check"))]
    return [] if rows == ["ok"] else rows


def integrity_check(engine: Engine) -> list[str]:
    """The full (slower) integrity check plus foreign keys, for `quynhnhai check`."""
    if engine.dialect.name != "sqlite":
        return []
    with engine.connect() as conn:
        rows = [row[0] for row in conn.execute(text("PRAGMA integrity_check"))]
        fk = [
            f"foreign key: {row[0]} row {row[1]} → {row[2]}"
            for row in conn.execute(text("PRAGMA foreign_key_check"))
        ]
    return ([] if rows == ["ok"] else rows) + fk
