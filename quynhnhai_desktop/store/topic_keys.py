"""Sort keys of the live activities for the list's topics column, kept by SQLite triggers.

Sorted by its topics, the list computed each live row's rank (the smallest, in the
display language's collation of the topic labels, of its topics' ranks) in a correlated
subquery and sorted every row (~2 s at a million activities) for its first 200 rows.
``activity_topic_key`` holds one key (commune, topic, date, activity id) per topic of every
live activity, and one with the topic :data:`NO_TOPIC` for a live activity without any:
the list walks the topics in the language's order, each topic's keys newest first, and
skips an activity already listed under a topic ranked before (services/activity_queries.py).
The ranks are not stored: the labels are campaign data, in two languages.

Triggers rather than the services' write code, like store/sort_keys.py: every path that
changes an activity or its topics (entry, edit, delete and undo, import, restore of a
package, a hard ``DELETE``) keeps the keys in the same transaction. A hard ``DELETE`` of an
activity removes its keys before SQLite cascades to its topics, whose triggers then find no
activity. ``check --full`` compares the keys with the rows (:func:`mismatches`) and
:func:`rebuild` makes them again; store/migrate.py drops the triggers while migrations run
and makes them and the keys again after.
"""

from __future__ import annotations

from quynhnhai_desktop.store.kept_keys import KeptKeys

TABLE = "activity_topic_key"
NO_TOPIC = ""  # the topic of a key of an activity without one (codes are never empty)
_FILTERED = "campaign_id, village_id, team_id, form_code"  # what the list filters on
_KEY = f"(commune_code, topic_code, date, activity_id, {_FILTERED})"


def _filtered(row: str) -> str:
    return ", ".join(f"{row}.{name}" for name in _FILTERED.split(", "))


def _keys_of(row: str) -> str:
    """The keys of activity *row* ('new', 'old'), from its topics as they are now."""
    head = f"SELECT {row}.commune_code, {{}}, {row}.date, {row}.id, {_filtered(row)}"
    return (
        f"{head.format('topic_code')} FROM activity_topic WHERE activity_id = {row}.id "
        f"UNION ALL {head.format(repr(NO_TOPIC))} WHERE NOT EXISTS "
        f"(SELECT 1 FROM activity_topic WHERE activity_id = {row}.id)"
    )


def _forget_keys(row: str, where: str = "") -> str:
    return (
        f"DELETE FROM {TABLE} WHERE commune_code = {row}.commune_code AND topic_code IN "
        f"(SELECT topic_code FROM activity_topic WHERE activity_id = {row}.id "
        f"UNION ALL SELECT {NO_TOPIC!r}) AND date = {row}.date AND activity_id = {row}.id{where}; "
    )


def _live(row: str, column: str) -> str:
    """*column* of the live activity of the ``activity_topic`` row *row* (NULL: none)."""
    return (
        f"(SELECT a.{column} FROM activity a "
        f"WHERE a.id = {row}.activity_id AND a.deleted_at IS NULL)"
    )


def _topic_gone(row: str) -> str:
    """After the topic *row* ('old') left its activity: its key goes, and the activity's
    key without a topic comes when it was the last."""
    return (
        f"DELETE FROM {TABLE} WHERE commune_code = {_live(row, 'commune_code')} "
        f"AND topic_code = {row}.topic_code AND date = {_live(row, 'date')} "
        f"AND activity_id = {row}.activity_id; "
        f"INSERT OR IGNORE INTO {TABLE} {_KEY} SELECT a.commune_code, {NO_TOPIC!r}, a.date, "
        f"a.id, {_filtered('a')} FROM activity a WHERE a.id = {row}.activity_id "
        "AND a.deleted_at IS NULL AND NOT EXISTS "
        f"(SELECT 1 FROM activity_topic t WHERE t.activity_id = a.id); "
    )


def _topic_come(row: str) -> str:
    """After the topic *row* ('new') joined its activity: the activity's key without a
    topic goes, the topic's comes."""
    return (
        f"DELETE FROM {TABLE} WHERE commune_code = {_live(row, 'commune_code')} "
        f"AND topic_code = {NO_TOPIC!r} AND date = {_live(row, 'date')} "
        f"AND activity_id = {row}.activity_id; "
        f"INSERT OR IGNORE INTO {TABLE} {_KEY} SELECT a.commune_code, {row}.topic_code, a.date, "
        f"a.id, {_filtered('a')} FROM activity a WHERE a.id = {row}.activity_id "
        "AND a.deleted_at IS NULL; "
    )


_MOVED = f"commune_code, date, deleted_at, {_FILTERED}"
_CHANGED = "(" + " OR ".join(f"old.{c} IS NOT new.{c}" for c in _MOVED.split(", ")) + ")"

CREATE_STATEMENTS = (
    f"CREATE TABLE {TABLE} (commune_code TEXT NOT NULL, topic_code TEXT NOT NULL, "
    "date DATE NOT NULL, activity_id INTEGER NOT NULL, campaign_id TEXT NOT NULL, "
    "village_id INTEGER, team_id INTEGER NOT NULL, form_code TEXT NOT NULL, "
    "PRIMARY KEY (commune_code, topic_code, date, activity_id)) WITHOUT ROWID",
    "CREATE TRIGGER activity_topic_key_insert AFTER INSERT ON activity "
    f"WHEN new.deleted_at IS NULL BEGIN INSERT OR IGNORE INTO {TABLE} {_KEY} "
    f"{_keys_of('new')}; END",
    "CREATE TRIGGER activity_topic_key_delete BEFORE DELETE ON activity "
    f"WHEN old.deleted_at IS NULL BEGIN {_forget_keys('old')}END",
    f"CREATE TRIGGER activity_topic_key_move AFTER UPDATE OF {_MOVED} ON activity "
    f"WHEN {_CHANGED} BEGIN {_forget_keys('old', ' AND old.deleted_at IS NULL')}"
    f"INSERT OR IGNORE INTO {TABLE} {_KEY} "
    f"SELECT * FROM ({_keys_of('new')}) WHERE new.deleted_at IS NULL; END",
    f"CREATE TRIGGER topic_key_insert AFTER INSERT ON activity_topic BEGIN {_topic_come('new')}END",
    f"CREATE TRIGGER topic_key_delete AFTER DELETE ON activity_topic BEGIN {_topic_gone('old')}END",
    "CREATE TRIGGER topic_key_update AFTER UPDATE ON activity_topic "
    f"BEGIN {_topic_gone('old')}{_topic_come('new')}END",
)
TRIGGERS = (
    "activity_topic_key_insert",
    "activity_topic_key_delete",
    "activity_topic_key_move",
    "topic_key_insert",
    "topic_key_delete",
    "topic_key_update",
)
_INSERT_TRIGGERS = ("activity_topic_key_insert", "topic_key_insert")

# The keys as the rows say them (the fill, and what check compares the table with).
_FROM_ROWS = (
    f"SELECT a.commune_code, coalesce(t.topic_code, {NO_TOPIC!r}) AS topic_code, a.date, "
    "a.id AS activity_id, "
    f"{_filtered('a')} FROM activity a LEFT JOIN activity_topic t ON t.activity_id = a.id "
    "WHERE a.deleted_at IS NULL{where}"
)


def _fill(where: str = "") -> str:
    # in the order of the key: the fill appends to the table instead of inserting at random
    return f"INSERT INTO {TABLE} {_KEY} {_FROM_ROWS.format(where=where)} ORDER BY 1, 2, 3, 4"


_KEPT = KeptKeys(
    TABLE,
    CREATE_STATEMENTS,
    TRIGGERS,
    _INSERT_TRIGGERS,
    _fill,
    rows=_FROM_ROWS.format(where=""),
    columns=tuple(_KEY[1:-1].split(", ")),
    primary=4,
)
has_keys = _KEPT.exists
inserting = _KEPT.inserting
drop_triggers = _KEPT.drop_triggers
restore_triggers = _KEPT.restore_triggers
rebuild = _KEPT.rebuild
mismatches = _KEPT.mismatches
