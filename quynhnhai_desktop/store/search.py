"""The activity search index: an SQLite FTS5 table over ``activity.search_text``.

``search_text`` already holds folded text (no accents, lower case, đ → d), so the index
only splits words. Searching 100,000 activities by a full scan of the column took ~150 ms
per keystroke on the target machines; the index answers in 10-40 ms. Its one-letter
prefix index (+7 MB per 100,000 activities) brings the first keystroke, which matches
nearly everything, from 75-95 ms to 50 ms; those of two and three letters (migration 0019)
make "ban na" one lookup a word. The table is created
by migration 0002 together with the triggers that keep it in step with ``activity``; a
Python whose SQLite lacks FTS5 gets no index, and the search falls back to the scan.

The index is not a SQLModel table (SQLModel cannot describe virtual tables): the Alembic
environment leaves names starting with :data:`FTS_TABLE` alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy import Connection, text

FTS_TABLE = "activity_fts"
PREFIXES = 3  # the longest prefix the index keeps a list of its own for (prefix='1 2 3')

# Statements of migrations 0002 and 0019, kept here for tests and for a future migration that has
# to rebuild the index (for instance after recreating the activity table in batch mode,
# which drops its triggers).
CREATE_STATEMENTS = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(search_text, content='activity', "
    "content_rowid='id', prefix='1 2 3', tokenize='unicode61 remove_diacritics 0')",
    f"CREATE TRIGGER activity_fts_insert AFTER INSERT ON activity BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"CREATE TRIGGER activity_fts_delete AFTER DELETE ON activity BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
    f"VALUES ('delete', old.id, old.search_text); END",
    f"CREATE TRIGGER activity_fts_update AFTER UPDATE OF search_text ON activity BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
    f"VALUES ('delete', old.id, old.search_text); "
    f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
)
TRIGGERS = ("activity_fts_insert", "activity_fts_delete", "activity_fts_update")


def has_index(connection: Connection) -> bool:
    """True when the database has the FTS index (and this SQLite can use it)."""
    if connection.dialect.name != "sqlite":
        return False
    found = connection.execute(
        text("SELECT count(*) FROM sqlite_master WHERE name = :name"), {"name": FTS_TABLE}
    ).scalar()
    return bool(found)


@contextmanager
def inserting(connection: Connection, first_id: int, last_id: int) -> Iterator[None]:
    """Around a bulk insert of the activities *first_id*..*last_id* in the caller's
    transaction: their text enters the index in one statement instead of by the insert
    trigger row by row; the trigger is dropped and made again in the same transaction."""
    if not has_index(connection):
        yield
        return
    connection.execute(text("DROP TRIGGER activity_fts_insert"))
    yield
    connection.execute(
        text(
            f"INSERT INTO {FTS_TABLE}(rowid, search_text) SELECT id, search_text FROM activity "
            "WHERE id BETWEEN :first AND :last"
        ),
        {"first": first_id, "last": last_id},
    )
    connection.execute(text(CREATE_STATEMENTS[1]))


def terms(folded: str) -> list[str]:
    """The words of a folded search, as the index splits them (letters and digits)."""
    return re.findall(r"[^\W_]+", folded)


def match_expression(words: list[str]) -> str:
    """An FTS5 query for the typed words, in order, next to each other, each the start of a
    word: "ban na" finds Bản Nà and Bản Nàng but not "Bản Co Phường … Họp dân, Nà Sản".

    Every village name starts with "Bản", so matching the words anywhere would make "ban
    na" mean just "na"; the filters handle a village and a team together.
    """
    return " + ".join('"{}"*'.format(word.replace('"', '""')) for word in words)


@lru_cache(maxsize=64)
def _compiled(words: tuple[str, ...]) -> re.Pattern[str]:
    # each word the start of a token, the next word the start of the next token; the
    # first word's start is checked behind it (a pattern that starts with its letters is
    # searched for them first: 0.3 µs a text instead of 4 µs for "ban na")
    between = r"[^\W_]*[\W_]+"
    first, *others = (re.escape(word) for word in words)
    return re.compile(first + f"(?<=(?<![^\\W_]){first})" + "".join(between + w for w in others))


def match_count(
    connection: Connection,
    words: list[str],
    at_most: int,
    rowids: tuple[int, int] | None = None,
) -> int:
    """How many activities the words match, counted up to *at_most* (a bound, not a scan);
    *rowids*: among the ids first..last only (FTS5 seeks there)."""
    between = "" if rowids is None else " AND rowid BETWEEN :first AND :last"
    first, last = rowids or (0, 0)
    found = connection.execute(
        text(
            f"SELECT count(*) FROM (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"
            f"{between} LIMIT :n)"
        ),
        {"q": match_expression(words), "n": at_most, "first": first, "last": last},
    ).scalar()
    return int(found or 0)


def phrase_pattern(words: list[str]) -> re.Pattern[str]:
    """What :func:`match_expression` finds, as a regular expression over ``search_text``:
    the list reads rows in its own order and matches each (a page of a frequent search
    without reading all of its matches from the index)."""
    return _compiled(tuple(words))
