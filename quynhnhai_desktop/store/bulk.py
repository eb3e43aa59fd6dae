"""Many rows into a table in few statements: ``INSERT … VALUES (…), (…), …``.

SQLite runs each statement of a DBAPI ``executemany`` on its own (step, halt, reset, the
statement's own journal): of a 10,000-row import's 95,000 statements, that overhead was
about a sixth of the database's work. One statement of a few hundred rows inserts the same
rows in the same order (the same rowids, the same upserts), with that overhead paid once.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import Any

# Bound values of one statement: within SQLite's oldest limit (999) whatever the build.
VALUES_PER_STATEMENT = 900


def insert_rows(cursor: Any, head: str, rows: Sequence[Sequence[Any]], tail: str = "") -> None:
    """``{head} VALUES (?, …), …{tail}`` for *rows* (tuples of one width), in their order,
    on the DBAPI *cursor* (in the caller's transaction). *head*: ``INSERT INTO t (a, b)``;
    *tail*: what follows the values (``ON CONFLICT …``)."""
    if not rows:
        return
    width = len(rows[0])
    per = max(1, VALUES_PER_STATEMENT // width)
    row = f"({', '.join('?' * width)})"
    full = _statement(head, row, per, tail)
    for start in range(0, len(rows), per):
        chunk = rows[start : start + per]
        sql = full if len(chunk) == per else _statement(head, row, len(chunk), tail)
        cursor.execute(sql, list(chain.from_iterable(chunk)))


def _statement(head: str, row: str, count: int, tail: str) -> str:
    return f"{head} VALUES {', '.join([row] * count)}{tail}"
