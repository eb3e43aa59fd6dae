"""Monthly sums of the live activities, kept by SQLite triggers: the totals line at 1M rows.

Adding up a million activities' counts reads ~3 million ``activity_value`` rows (0.9 s at
100,000 activities on a busy 2-core machine, ~10 s at a million). ``activity_month_sum``
holds, for every (commune, campaign, month, village, team, form), the number of live
activities (``indicator_code`` ``''``) and the sum of each indicator: a few hundred
thousand rows at most, whatever the size of the log, so the totals of any filter on
those columns read only the sums of its months (plus the rows of a custom range's
partial first and last month).

Triggers rather than the services' write code: every path that changes an activity
(entry, edit, delete and undo, import, restore of a package) keeps the sums in the same
transaction, with no code of its own (store/migrate.py drops them while migrations run,
then rebuilds the sums). A hard ``DELETE`` of an activity subtracts its counts before
SQLite cascades to its values; the value triggers only count values whose activity still
exists, so nothing is subtracted twice. ``check --full`` compares the sums with the rows
(:func:`mismatches`) and :func:`rebuild` makes them again.

Like the search index (store/search.py), the table is made by SQL in migration
``0013``, not by a model; a migration that recreates ``activity`` in batch mode drops
these triggers and must run :data:`CREATE_STATEMENTS` again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING

from quynhnhai_desktop.store.bulk import insert_rows

if TYPE_CHECKING:
    from sqlalchemy import Connection, TextClause

TABLE = "activity_month_sum"
COUNT = ""  # the indicator code of the row holding the number of activities

_GROUP = (
    "{a}.commune_code, {a}.campaign_id, substr({a}.date, 1, 7), "
    "coalesce({a}.village_id, 0), {a}.team_id, {a}.form_code"
)
_UPSERT = " ON CONFLICT DO UPDATE SET total = total + excluded.total"
_COLUMNS = (
    "(commune_code, campaign_id, month, village_id, team_id, form_code, indicator_code, total)"
)


def _add(row: str, sign: str) -> str:
    """Statements adding (sign '+') or subtracting ('-') activity *row*'s count and values."""
    group = _GROUP.format(a=row)
    return (
        f"INSERT INTO {TABLE} {_COLUMNS} VALUES ({group}, "
        f"'{COUNT}', {sign}1){_UPSERT}; "
        f"INSERT INTO {TABLE} {_COLUMNS} SELECT {group}, v.indicator_code, {sign}v.value "
        f"FROM activity_value v WHERE v.activity_id = {row}.id{_UPSERT}; "
    )


def _value(row: str, sign: str) -> str:
    """A statement adding or subtracting one activity_value *row* (if its activity is live)."""
    return (
        f"INSERT INTO {TABLE} {_COLUMNS} SELECT {_GROUP.format(a='a')}, {row}.indicator_code, "
        f"{sign}{row}.value FROM activity a "
        f"WHERE a.id = {row}.activity_id AND a.deleted_at IS NULL{_UPSERT}; "
    )


# The columns in the order of the table's key, and the total.
_KEYED = "(commune_code, month, campaign_id, village_id, team_id, form_code, indicator_code, total)"

_MOVED = "date, village_id, team_id, form_code, campaign_id, commune_code, deleted_at"

CREATE_STATEMENTS = (
    f"CREATE TABLE {TABLE} (commune_code TEXT NOT NULL, campaign_id TEXT NOT NULL, "
    "month TEXT NOT NULL, village_id INTEGER NOT NULL, team_id INTEGER NOT NULL, "
    "form_code TEXT NOT NULL, indicator_code TEXT NOT NULL, total INTEGER NOT NULL, "
    "PRIMARY KEY (commune_code, month, campaign_id, village_id, team_id, form_code, "
    "indicator_code)) WITHOUT ROWID",
    "CREATE TRIGGER activity_sum_insert AFTER INSERT ON activity "
    f"WHEN new.deleted_at IS NULL BEGIN {_add('new', '+')}END",
    "CREATE TRIGGER activity_sum_delete BEFORE DELETE ON activity "
    f"WHEN old.deleted_at IS NULL BEGIN {_add('old', '-')}END",
    f"CREATE TRIGGER activity_sum_leave AFTER UPDATE OF {_MOVED} ON activity "
    f"WHEN old.deleted_at IS NULL BEGIN {_add('old', '-')}END",
    f"CREATE TRIGGER activity_sum_enter AFTER UPDATE OF {_MOVED} ON activity "
    f"WHEN new.deleted_at IS NULL BEGIN {_add('new', '+')}END",
    f"CREATE TRIGGER activity_value_sum_insert AFTER INSERT ON activity_value "
    f"BEGIN {_value('new', '+')}END",
    f"CREATE TRIGGER activity_value_sum_delete AFTER DELETE ON activity_value "
    f"BEGIN {_value('old', '-')}END",
    f"CREATE TRIGGER activity_value_sum_update AFTER UPDATE ON activity_value "
    f"BEGIN {_value('old', '-')}{_value('new', '+')}END",
)
TRIGGERS = (
    "activity_sum_insert",
    "activity_sum_delete",
    "activity_sum_leave",
    "activity_sum_enter",
    "activity_value_sum_insert",
    "activity_value_sum_delete",
    "activity_value_sum_update",
)

# The sums as the rows say them (the fill, and what check compares the table with).
_FROM_ROWS = (
    f"SELECT {_GROUP.format(a='a')}, '{COUNT}', count(*) FROM activity a "
    "WHERE a.deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6 "
    f"UNION ALL SELECT {_GROUP.format(a='a')}, v.indicator_code, sum(v.value) "
    "FROM activity a JOIN activity_value v ON v.activity_id = a.id "
    "WHERE a.deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7"
)
FILL = f"INSERT INTO {TABLE} {_COLUMNS} {_FROM_ROWS}"


def _sql(statement: str) -> TextClause:
    """SQLAlchemy's ``text``, imported when a function here runs: the plain-SQL report
    reader (services/report_read.py) uses TABLE and COUNT without loading SQLAlchemy."""
    from sqlalchemy import text

    return text(statement)


def has_sums(connection: Connection) -> bool:
    found = connection.execute(
        _sql("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :name"),
        {"name": TABLE},
    ).scalar()
    return bool(found)


_INSERT_TRIGGERS = ("activity_sum_insert", "activity_value_sum_insert")


def _created(name: str) -> str:
    return next(s for s in CREATE_STATEMENTS if s.startswith(f"CREATE TRIGGER {name} "))


# One new activity as the sums group it: commune, campaign, date as stored ("YYYY-MM-DD"),
# village id (None: the whole commune), team id, form code, and its counts (the
# activity_value rows written for it: the non-zero ones).
Entry = tuple[str, str, str, int | None, int, str, Mapping[str, int]]


@contextmanager
def inserting(connection: Connection, entries: Iterable[Entry]) -> Iterator[None]:
    """Around a bulk insert of activities (and their values) in the caller's transaction:
    their sums are added once, grouped, instead of by a trigger per row (two upserts per
    activity and one per value: most of a 10,000-row import's writing). *entries* are the
    inserted activities as the caller wrote them, grouped in Python (reading the new rows
    back and grouping them in SQL took 100 ms of a 10,000-row import, this 60 ms). The
    insert triggers are dropped and made again in the same transaction, so a failure rolls
    back to the triggers as they were."""
    if not has_sums(connection):
        yield
        return
    for trigger in _INSERT_TRIGGERS:
        connection.execute(_sql(f"DROP TRIGGER {trigger}"))
    yield
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        insert_rows(cursor, f"INSERT INTO {TABLE} {_KEYED}", grouped(entries), _UPSERT)
    finally:
        cursor.close()
    for trigger in _INSERT_TRIGGERS:
        connection.execute(_sql(_created(trigger)))


def grouped(entries: Iterable[Entry]) -> list[tuple[str, str, str, int, int, str, str, int]]:
    """The sums of *entries* as :data:`_FROM_ROWS` adds them up from the rows, as rows of the
    table's key and total (:data:`_KEYED`'s columns); sorted first, the upserts would save
    less than the sort costs."""
    sums: dict[tuple[str, str, str, int, int, str, str], int] = {}
    total = sums.get
    for commune, campaign, date, village_id, team_id, form_code, values in entries:
        group = (commune, date[:7], campaign, village_id or 0, team_id, form_code)
        key = (*group, COUNT)
        sums[key] = total(key, 0) + 1
        for code, value in values.items():
            if value:
                key = (*group, code)
                sums[key] = total(key, 0) + value
    return [(*key, value) for key, value in sums.items()]


def drop_triggers(connection: Connection) -> bool:
    """Before a migration: drop the triggers (a batch rebuild of ``activity`` renames it,
    which SQLite refuses while ``activity_value``'s triggers name it). True: there were sums."""
    if not has_sums(connection):
        return False
    for trigger in TRIGGERS:
        connection.execute(_sql(f"DROP TRIGGER IF EXISTS {trigger}"))
    return True


def restore_triggers(connection: Connection) -> None:
    """After a migration that ran with the triggers dropped: make them and the sums again."""
    for statement in CREATE_STATEMENTS[1:]:
        connection.execute(
            _sql(statement.replace("CREATE TRIGGER ", "CREATE TRIGGER IF NOT EXISTS "))
        )
    rebuild(connection)


def rebuild(connection: Connection) -> None:
    """Make the sums again from the rows (in the caller's transaction)."""
    connection.execute(_sql(f"DELETE FROM {TABLE}"))
    connection.execute(_sql(FILL))


def mismatches(connection: Connection) -> int:
    """How many sums differ from what the rows add up to (0: the table is right)."""
    names = "c, p, m, vi, t, f, i, total"
    query = (
        f"WITH r({names}) AS ({_FROM_ROWS}), "
        f"k({names}) AS (SELECT {_COLUMNS[1:-1]} FROM {TABLE}), "
        "live_r AS (SELECT * FROM r WHERE total != 0), "
        "live_k AS (SELECT * FROM k WHERE total != 0) "
        "SELECT (SELECT count(*) FROM (SELECT * FROM live_k EXCEPT SELECT * FROM live_r)) "
        "+ (SELECT count(*) FROM (SELECT * FROM live_r EXCEPT SELECT * FROM live_k))"
    )
    return int(connection.execute(_sql(query)).scalar() or 0)


# The months of a commune one after another, each found by a seek of the table's key
# (commune, month, campaign, ...), and of those the first and last holding a live activity
# of the group asked for: a few hundred seeks (~1 ms at a million activities), where
# reading the commune's sums for them took 40 ms at 100,000 activities.
_MONTHS_WITH_ROWS = (
    "WITH RECURSIVE months(m) AS ("
    f"SELECT (SELECT min(month) FROM {TABLE} WHERE commune_code = :commune) "
    f"UNION ALL SELECT (SELECT min(month) FROM {TABLE} WHERE commune_code = :commune "
    "AND month > m) FROM months WHERE m IS NOT NULL) "
    "SELECT min(m), max(m) FROM months WHERE m IS NOT NULL AND EXISTS (SELECT 1 FROM "
    f"{TABLE} WHERE commune_code = :commune AND month = m AND {{group}}indicator_code = "
    f"'{COUNT}' AND total > 0)"
)


def months_with_rows(
    connection: Connection,
    commune_code: str,
    *,
    campaign_id: str | None = None,
    village_id: int | None = None,
    team_id: int | None = None,
    form_code: str | None = None,
) -> tuple[str, str] | None:
    """The first and last month ('YYYY-MM') with live activities of the commune in that
    campaign, village (0: the whole commune), team and form (None: any), or None (no such
    activity)."""
    wanted = {
        "campaign_id": campaign_id,
        "village_id": village_id,
        "team_id": team_id,
        "form_code": form_code,
    }
    group = "".join(f"{name} = :{name} AND " for name, value in wanted.items() if value is not None)
    found = connection.execute(
        _sql(_MONTHS_WITH_ROWS.format(group=group)), {"commune": commune_code, **wanted}
    ).one()
    return None if found[0] is None else (str(found[0]), str(found[1]))
