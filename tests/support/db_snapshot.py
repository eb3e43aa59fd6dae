"""Every row of every table, read with plain sqlite3: "identical data" made checkable."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

Snapshot = dict[str, list[tuple[object, ...]]]


def snapshot(database: Path, *, skip: frozenset[str] = frozenset()) -> Snapshot:
    """{table: sorted rows} for every table (Alembic's version table included)."""
    conn = sqlite3.connect(f"{Path(database).resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in sorted(tables)
            if table not in skip
        }
    finally:
        conn.close()


def files_digest(database: Path) -> dict[str, str]:
    """SHA-256 of the database file and its WAL/SHM companions, those that exist."""
    digests = {}
    for path in (database, *(database.with_name(database.name + s) for s in ("-wal", "-shm"))):
        if path.exists():
            digests[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests
