"""Sort keys of the live activities for the list's count columns, kept by SQLite triggers.

Sorted by a count column (a campaign's ``list_columns``: sessions, people, installs =
bluezone + health book installs…), the list computed each live row's sum in a correlated
subquery and sorted them all (2-3 s at a million activities) for its first 200 rows.
``activity_sort_key`` holds, for every live activity and every list column whose sum is
not zero, the key (sort, commune, value, date, activity id): the list reads the rows of a
column in its order by walking this table's primary key (services/activity_queries.py).
Rows whose sum is zero (about half of them) are left out; the list walks them as their own
segment through the date index, probing that they have no count of the column.

The columns are campaign data: ``sort_column`` numbers each (campaign, column code) of the
newest version of every stored campaign (the number is the key's *sort*) and
``sort_column_part`` says which indicators it sums. :func:`sync_columns` writes them from
the ``campaign`` table (services/campaigns.py calls it whenever a campaign file is stored)
and makes the keys of a column that is new or changed; the list checks a column's
indicators there against the campaign it sorts by, and sorts the old way if they differ.

Triggers rather than the services' write code, like store/month_sums.py: every path that
changes an activity or its counts (entry, edit, delete and undo, import, restore of a
package, a hard ``DELETE``) keeps the keys in the same transaction. A trigger computes a
sum from ``activity_value`` and the parts (no custom SQL function: other programs open
this file too). An activity's key is found by its value, so the triggers on
``activity_value`` work out the sum before the change (the sum after it, less the change).
A hard ``DELETE`` of an activity removes its keys before SQLite cascades to its values,
whose triggers then find no activity. ``check --full`` compares the keys with the rows
(:func:`mismatches`) and :func:`rebuild` makes them again; store/migrate.py drops the
triggers while migrations run and makes them and the keys again after.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, text

from quynhnhai_desktop.store.kept_keys import KeptKeys

TABLE = "activity_sort_key"
COLUMNS_TABLE = "sort_column"
PARTS_TABLE = "sort_column_part"
_KEY = "(sort, commune_code, value, date, activity_id, campaign_id, village_id, team_id, form_code)"
# What the list filters on, beside the key: read from the key itself, as from the other
# sorts' indexes.
_FILTERED = "campaign_id, village_id, team_id, form_code"


def _filtered(row: str) -> str:
    return ", ".join(f"{row}.{name}" for name in _FILTERED.split(", "))


def _keys_of(row: str, where: str = "") -> str:
    """The keys of activity *row* ('new', 'old'), from its counts as they are now."""
    return (
        f"SELECT p.sort AS sort, {row}.commune_code, sum(v.value) AS value, {row}.date, "
        f"{row}.id, {_filtered(row)} FROM activity_value v "
        f"JOIN {PARTS_TABLE} p ON p.indicator_code = v.indicator_code "
        f"WHERE v.activity_id = {row}.id{where} GROUP BY p.sort HAVING sum(v.value) > 0"
    )


def _forget_keys(row: str, where: str = "") -> str:
    """Deleting the keys of activity *row* (from its counts as they are now). Each column is
    a list of its own (SQLite seeks the key with an IN list per column, but not with a
    list of row values): an activity has one key per sort, so the pairs of one sort and
    another sort's sum name no key."""
    keys = _keys_of(row, where)
    return (
        f"DELETE FROM {TABLE} WHERE sort IN (SELECT sort FROM ({keys})) "
        f"AND commune_code = {row}.commune_code AND value IN (SELECT value FROM ({keys})) "
        f"AND date = {row}.date AND activity_id = {row}.id; "
    )


def _value_change(rows: tuple[str, ...]) -> str:
    """Statements moving the keys of the activity an ``activity_value`` change touches
    (*rows*: 'new' for an insert, 'old' for a delete, both for an update): the key of the
    sum before the change goes, the key of the sum after it comes. Only for a live
    activity (after a hard delete's cascade: none)."""
    sign = {"new": "+", "old": "-"}
    row = rows[-1]  # the activity's id does not change
    sorts = " UNION ".join(
        f"SELECT sort FROM {PARTS_TABLE} WHERE indicator_code = {r}.indicator_code" for r in rows
    )
    change = " ".join(
        f"{sign[r]} (CASE WHEN EXISTS (SELECT 1 FROM {PARTS_TABLE} d "
        f"WHERE d.indicator_code = {r}.indicator_code AND d.sort = s.sort) "
        f"THEN {r}.value ELSE 0 END)"
        for r in rows
    )
    now = (
        f"(SELECT coalesce(sum(w.value), 0) FROM {PARTS_TABLE} q JOIN activity_value w "
        "ON w.activity_id = a.id AND w.indicator_code = q.indicator_code WHERE q.sort = s.sort)"
    )
    source = (
        f"FROM ({sorts}) s JOIN activity a ON a.id = {row}.activity_id AND a.deleted_at IS NULL"
    )
    live = f"SELECT {{}} FROM activity a WHERE a.id = {row}.activity_id AND a.deleted_at IS NULL"
    return (
        f"DELETE FROM {TABLE} WHERE sort IN ({sorts}) "
        f"AND commune_code = ({live.format('a.commune_code')}) "
        f"AND value IN (SELECT {now} - (0 {change}) {source}) "
        f"AND date = ({live.format('a.date')}) AND activity_id = {row}.activity_id; "
        f"INSERT OR IGNORE INTO {TABLE} {_KEY} SELECT * FROM (SELECT s.sort, a.commune_code, "
        f"{now} AS value, a.date, a.id, {_filtered('a')} {source}) WHERE value > 0; "
    )


_MOVED = f"commune_code, date, deleted_at, {_FILTERED}"
_CHANGED = "(" + " OR ".join(f"old.{c} IS NOT new.{c}" for c in _MOVED.split(", ")) + ")"

CREATE_STATEMENTS = (
    f"CREATE TABLE {COLUMNS_TABLE} (sort INTEGER PRIMARY KEY, campaign_id TEXT NOT NULL, "
    "column_code TEXT NOT NULL, indicators TEXT NOT NULL, UNIQUE (campaign_id, column_code))",
    f"CREATE TABLE {PARTS_TABLE} (indicator_code TEXT NOT NULL, sort INTEGER NOT NULL, "
    "PRIMARY KEY (indicator_code, sort)) WITHOUT ROWID",
    f"CREATE INDEX ix_{PARTS_TABLE}_sort ON {PARTS_TABLE} (sort, indicator_code)",
    f"CREATE TABLE {TABLE} (sort INTEGER NOT NULL, commune_code TEXT NOT NULL, "
    "value INTEGER NOT NULL, date DATE NOT NULL, activity_id INTEGER NOT NULL, "
    "campaign_id TEXT NOT NULL, village_id INTEGER, team_id INTEGER NOT NULL, "
    "form_code TEXT NOT NULL, "
    "PRIMARY KEY (sort, commune_code, value, date, activity_id)) WITHOUT ROWID",
    "CREATE TRIGGER activity_key_insert AFTER INSERT ON activity "
    f"WHEN new.deleted_at IS NULL BEGIN INSERT OR IGNORE INTO {TABLE} {_KEY} "
    f"{_keys_of('new')}; END",
    "CREATE TRIGGER activity_key_delete BEFORE DELETE ON activity "
    f"WHEN old.deleted_at IS NULL BEGIN {_forget_keys('old')}END",
    f"CREATE TRIGGER activity_key_move AFTER UPDATE OF {_MOVED} ON activity "
    f"WHEN {_CHANGED} BEGIN "
    f"{_forget_keys('old', ' AND old.deleted_at IS NULL')}"
    f"INSERT OR IGNORE INTO {TABLE} {_KEY} {_keys_of('new', ' AND new.deleted_at IS NULL')}; END",
    "CREATE TRIGGER activity_value_key_insert AFTER INSERT ON activity_value "
    f"BEGIN {_value_change(('new',))}END",
    "CREATE TRIGGER activity_value_key_delete AFTER DELETE ON activity_value "
    f"BEGIN {_value_change(('old',))}END",
    "CREATE TRIGGER activity_value_key_update AFTER UPDATE ON activity_value "
    f"BEGIN {_value_change(('old', 'new'))}END",
)
TRIGGERS = (
    "activity_key_insert",
    "activity_key_delete",
    "activity_key_move",
    "activity_value_key_insert",
    "activity_value_key_delete",
    "activity_value_key_update",
)
_INSERT_TRIGGERS = ("activity_key_insert", "activity_value_key_insert")

# The keys as the rows say them (the fill, and what check compares the table with); in the
# order of the key, so that the fill appends to the table instead of inserting at random.
_FROM_ROWS = (
    f"SELECT p.sort, a.commune_code, sum(v.value), a.date, a.id, {_filtered('a')} FROM activity a "
    "JOIN activity_value v ON v.activity_id = a.id "
    f"JOIN {PARTS_TABLE} p ON p.indicator_code = v.indicator_code "
    "WHERE a.deleted_at IS NULL{where} GROUP BY a.id, p.sort HAVING sum(v.value) > 0"
)


def _fill(where: str = "") -> str:
    return f"INSERT INTO {TABLE} {_KEY} {_FROM_ROWS.format(where=where)} ORDER BY 1, 2, 3, 4, 5"


_KEPT = KeptKeys(
    TABLE,
    CREATE_STATEMENTS,
    TRIGGERS,
    _INSERT_TRIGGERS,
    _fill,
    rows=_FROM_ROWS.format(where=""),
    columns=tuple(_KEY[1:-1].split(", ")),
    primary=5,
)
has_keys = _KEPT.exists
inserting = _KEPT.inserting
drop_triggers = _KEPT.drop_triggers
restore_triggers = _KEPT.restore_triggers
rebuild = _KEPT.rebuild
mismatches = _KEPT.mismatches


def column_sort(
    connection: Connection, campaign_id: str, code: str, indicators: tuple[str, ...]
) -> int | None:
    """The key's *sort* of a campaign's list column, when the table holds that column with
    these *indicators* (None: sort the old way)."""
    if not has_keys(connection):
        return None
    row = connection.execute(
        text(
            f"SELECT sort, indicators FROM {COLUMNS_TABLE} "
            "WHERE campaign_id = :campaign AND column_code = :code"
        ),
        {"campaign": campaign_id, "code": code},
    ).one_or_none()
    if row is None or tuple(json.loads(row[1])) != tuple(indicators):
        return None
    return int(row[0])


def _stored_columns(connection: Connection) -> dict[tuple[str, str], tuple[str, ...]]:
    """(campaign, column code) -> indicators, of the newest version of each stored campaign."""
    found: dict[tuple[str, str], tuple[str, ...]] = {}
    rows = connection.execute(
        text(
            "SELECT c.campaign_id, c.source FROM campaign c WHERE c.version = "
            "(SELECT max(d.version) FROM campaign d WHERE d.campaign_id = c.campaign_id)"
        )
    )
    for campaign_id, source in rows:
        data = json.loads(bytes(source).decode("utf-8"))
        for column in data.get("list_columns", ()):
            found[campaign_id, column["code"]] = tuple(column["indicators"])
    return found


def sync_columns(connection: Connection) -> list[int]:
    """Make ``sort_column`` and its parts say the list columns of the stored campaigns, and
    the keys of every column that is new or changed (in the caller's transaction). Returns
    the sorts whose keys were made again."""
    if not has_keys(connection):
        return []
    wanted = _stored_columns(connection)
    held = {
        (campaign_id, code): (sort, tuple(json.loads(indicators)))
        for sort, campaign_id, code, indicators in connection.execute(
            text(f"SELECT sort, campaign_id, column_code, indicators FROM {COLUMNS_TABLE}")
        )
    }
    remade: list[int] = []
    for name, (sort, indicators) in held.items():
        if wanted.get(name) != indicators:
            _forget(connection, sort)
            connection.execute(text(f"DELETE FROM {COLUMNS_TABLE} WHERE sort = :s"), {"s": sort})
    for (campaign_id, code), indicators in wanted.items():
        if held.get((campaign_id, code), (None, None))[1] == indicators:
            continue
        sort = connection.execute(
            text(
                f"INSERT INTO {COLUMNS_TABLE} (campaign_id, column_code, indicators) "
                "VALUES (:campaign, :code, :indicators) RETURNING sort"
            ),
            {"campaign": campaign_id, "code": code, "indicators": json.dumps(list(indicators))},
        ).scalar_one()
        connection.execute(
            text(f"INSERT OR IGNORE INTO {PARTS_TABLE} (indicator_code, sort) VALUES (:i, :s)"),
            [{"i": indicator, "s": sort} for indicator in indicators],
        )
        remade.append(int(sort))
    if remade:
        marks = ", ".join(str(sort) for sort in remade)
        connection.execute(text(_fill(f" AND p.sort IN ({marks})")))
    return remade


def _forget(connection: Connection, sort: int) -> None:
    connection.execute(text(f"DELETE FROM {PARTS_TABLE} WHERE sort = :s"), {"s": sort})
    connection.execute(text(f"DELETE FROM {TABLE} WHERE sort = :s"), {"s": sort})
