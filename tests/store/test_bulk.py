"""store.bulk.insert_rows: the rows of many-row statements are those of an executemany, in
the same order (rowids, upserts), at every chunk boundary."""

from __future__ import annotations

import sqlite3

import pytest

from quynhnhai_desktop.store import bulk


def _table(connection: sqlite3.Connection) -> None:
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT UNIQUE, n INTEGER)")


@pytest.mark.parametrize("count", [0, 1, 299, 300, 301, 900, 1234])
def test_the_rows_are_those_of_an_executemany(count: int) -> None:
    rows = [(f"k{i % 700}", i) for i in range(count)]  # keys repeat past 700: upserts
    tail = " ON CONFLICT (k) DO UPDATE SET n = n * 1000 + excluded.n"
    made = []
    for insert in ("many", "bulk"):
        connection = sqlite3.connect(":memory:")
        _table(connection)
        cursor = connection.cursor()
        if insert == "many":
            cursor.executemany(f"INSERT INTO t (k, n) VALUES (?, ?){tail}", rows)
        else:
            bulk.insert_rows(cursor, "INSERT INTO t (k, n)", rows, tail)
        made.append(connection.execute("SELECT id, k, n FROM t ORDER BY id").fetchall())
    assert made[0] == made[1]
    assert len(made[1]) == min(count, 700)


def test_a_row_wider_than_a_statement_goes_alone() -> None:
    width = bulk.VALUES_PER_STATEMENT + 1
    connection = sqlite3.connect(":memory:")
    names = [f"c{i}" for i in range(width)]
    connection.execute(f"CREATE TABLE w ({', '.join(names)})")
    rows = [tuple(range(r, r + width)) for r in range(3)]
    bulk.insert_rows(connection.cursor(), f"INSERT INTO w ({', '.join(names)})", rows)
    assert connection.execute("SELECT * FROM w ORDER BY rowid").fetchall() == rows
