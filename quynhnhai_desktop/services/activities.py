"""Recording outreach activities: durable saves, edits, deletes and their undo.

Every write stamps ``updated_at``; deletes are soft (``deleted_at``) so an undo can bring
the row back and a report already sent can still be explained. Warnings (implausible counts,
a likely duplicate, a month already reported) never block a save: the clerk decides.
The rules themselves live in :mod:`quynhnhai_desktop.domain.activity`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlmodel import Session, SQLModel, col

from quynhnhai_desktop.domain.activity import (
    EARLIEST_DATE,
    ActivityDraft,
    FieldProblem,
    SearchTexts,
    check,
    content_key,
    implausible,
    search_text,
    validate,
)
from quynhnhai_desktop.domain.campaign import FIRST_CAMPAIGN
from quynhnhai_desktop.domain.catalog import Catalog
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.text import clean
from quynhnhai_desktop.services.activity_queries import reported_revision
from quynhnhai_desktop.store import bulk, month_sums, search, sort_keys, topic_keys
from quynhnhai_desktop.store.models import (
    Activity,
    ActivityTopic,
    ActivityValue,
    Team,
    Village,
    new_uuids,
    utcnow,
)

if TYPE_CHECKING:
    from quynhnhai_desktop.store.database import Database

# The tables' columns, for the bulk inserts' defaults and bind processors.
_TABLES = SQLModel.metadata.tables
# From this many rows a batch updates the search index and the monthly sums once, grouped,
# instead of by their triggers row by row (dropping and making the triggers again costs
# a few milliseconds: a single entry keeps the triggers).
BULK_INDEX_FROM = 200

__all__ = [  # the rules, re-exported: callers record and check through this module
    "EARLIEST_DATE",
    "ActivityDraft",
    "FieldProblem",
    "SearchTexts",
    "check",
    "content_key",
    "implausible",
    "search_text",
    "validate",
]


@dataclass(frozen=True)
class SaveResult:
    activity_id: int
    reported_revision: int | None  # the period was already exported: next export is new


def _problem(field_name: str, template: str, **params: object) -> FieldProblem:
    return FieldProblem(field_name, UserError("activities", template, **params))


def likely_duplicates(
    session: Session, commune_code: str, draft: ActivityDraft, *, exclude_id: int | None = None
) -> int:
    """How many live activities share the draft's date, team, form and village."""
    query = (
        select(func.count())
        .select_from(Activity)
        .where(
            col(Activity.commune_code) == commune_code,
            col(Activity.date) == draft.date,
            col(Activity.team_id) == draft.team_id,
            col(Activity.form_code) == draft.form_code,
            col(Activity.deleted_at).is_(None),
        )
    )
    if draft.village_id is None:
        query = query.where(col(Activity.village_id).is_(None))
    else:
        query = query.where(col(Activity.village_id) == draft.village_id)
    if exclude_id is not None:
        query = query.where(col(Activity.id) != exclude_id)
    return int(session.execute(query).scalar_one())


def warnings(
    db: Database,
    commune_code: str,
    draft: ActivityDraft,
    catalog: Catalog,
    *,
    exclude_id: int | None = None,
) -> list[FieldProblem]:
    """What the entry dialog shows before saving: implausible counts, likely duplicates, and
    whether the month was already reported. Reads only (never waits for a running import)."""
    with db.read_session() as session:
        found = _doubts(session, commune_code, draft, catalog, exclude_id=exclude_id)
        revision = reported_revision(session, commune_code, draft.date)
    if revision is not None:
        found.append(
            _problem(
                "date",
                QT_TRANSLATE_NOOP(
                    "activities",
                    "The report covering this date was already exported (revision "
                    "{revision}); after this change the next export is revision {next}.",
                ),
                revision=revision,
                next=revision + 1,
            )
        )
    return found


def doubts(
    db: Database,
    commune_code: str,
    draft: ActivityDraft,
    catalog: Catalog,
    *,
    exclude_id: int | None = None,
) -> list[FieldProblem]:
    """The warnings Save asks about ("Save anyway?"): implausible counts, likely duplicates."""
    with db.read_session() as session:
        return _doubts(session, commune_code, draft, catalog, exclude_id=exclude_id)


def _doubts(
    session: Session,
    commune_code: str,
    draft: ActivityDraft,
    catalog: Catalog,
    *,
    exclude_id: int | None = None,
) -> list[FieldProblem]:
    found = implausible(draft, catalog)
    if likely_duplicates(session, commune_code, draft, exclude_id=exclude_id):
        found.append(
            _problem(
                "",
                QT_TRANSLATE_NOOP(
                    "activities",
                    "An activity with the same date, team, form and village is already "
                    "recorded. Is this one a duplicate?",
                ),
            )
        )
    return found


def record_many(
    session: Session,
    commune_code: str,
    drafts: Iterable[tuple[ActivityDraft, str]],
    campaign: Catalog | None = None,
    *,
    keys: Sequence[str] | None = None,
) -> list[int]:
    """Insert validated drafts (each with its search text) with DBAPI ``executemany``, in
    *campaign* at its current version (default: the 2021 campaign, version 1). *keys*: the
    drafts' content keys when the caller computed them already (an import, to skip the
    rows recorded before).

    The caller's session transaction makes the batch all-or-nothing. Returns the new ids in
    the order of *drafts*.
    """
    batch = list(drafts)
    if not batch:
        return []
    if keys is None:
        keys = [content_key(draft) for draft, _text in batch]
    # Ids are allocated here rather than read back with INSERT … RETURNING: SQLAlchemy
    # re-sorts returned rows across batches in quadratic time (20,000 rows took 15 s).
    # SQLite has one writer: a concurrent insert between max(id) and ours fails this
    # transaction (busy snapshot or duplicate key), it never interleaves.
    start = (session.execute(select(func.max(col(Activity.id)))).scalar() or 0) + 1
    ids = list(range(start, start + len(batch)))
    connection = session.connection()
    stored = _Stored(connection.dialect)
    now = stored("created_at", utcnow())
    # Without a campaign: the columns' own defaults (the 2021 campaign, version 1).
    campaign_id, version = (campaign.id, campaign.version) if campaign else (FIRST_CAMPAIGN, 1)
    stored_date = stored.memo("date")  # a batch repeats its days
    rows = [
        (
            activity_id,
            uuid,
            commune_code,
            stored_date(draft.date),
            draft.village_id,
            draft.team_id,
            draft.form_code,
            clean(draft.note),
            text,
            key,
            now,
            now,
            campaign_id,
            version,
        )
        for activity_id, uuid, (draft, text), key in zip(
            ids, new_uuids(len(batch)), batch, keys, strict=True
        )
    ]
    many = len(batch) >= BULK_INDEX_FROM
    first, last = ids[0], ids[-1]
    # The sums group the rows as written (the date as stored, column 3 of the row).
    entries = (
        (
            commune_code,
            campaign_id,
            row[3],
            draft.village_id,
            draft.team_id,
            draft.form_code,
            draft.values,
        )
        for row, (draft, _text) in zip(rows, batch, strict=True)
    )
    with (
        search.inserting(connection, first, last) if many else nullcontext(),
        month_sums.inserting(connection, entries) if many else nullcontext(),
        sort_keys.inserting(connection, first, last) if many else nullcontext(),
        topic_keys.inserting(connection, first, last) if many else nullcontext(),
    ):
        with _cursor(session) as cursor:
            cursor.executemany(_insert_sql("activity", _ACTIVITY_COLUMNS), rows)
        _insert_children(session, zip(ids, (draft for draft, _text in batch), strict=True))
    return ids


@contextmanager
def _cursor(session: Session) -> Iterator[Any]:
    """A DBAPI cursor of the session's connection, inside the transaction it began: for
    bulk inserts, SQLAlchemy's executemany spent more time building parameters than SQLite
    spent inserting."""
    cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        yield cursor
    finally:
        cursor.close()


# The columns record_many writes, in the order of its row tuples.
_ACTIVITY_COLUMNS = (
    "id",
    "uuid",
    "commune_code",
    "date",
    "village_id",
    "team_id",
    "form_code",
    "note",
    "search_text",
    "content_key",
    "created_at",
    "updated_at",
    "campaign_id",
    "campaign_version",
)


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


class _Stored:
    """A value as SQLAlchemy would bind it for an ``activity`` column (dates and times as
    its SQLite text), for inserts that bypass it."""

    def __init__(self, dialect: Any) -> None:
        self._dialect = dialect
        self._processors: dict[str, Callable[[Any], Any] | None] = {}

    def __call__(self, column: str, value: Any) -> Any:
        if column not in self._processors:
            kind = _TABLES["activity"].c[column].type
            self._processors[column] = kind._cached_bind_processor(self._dialect)
        processor = self._processors[column]
        return value if processor is None else processor(value)

    def memo(self, column: str) -> Callable[[Any], Any]:
        """:meth:`__call__` for *column*, once per distinct value."""
        found: dict[Any, Any] = {}

        def stored(value: Any) -> Any:
            if value not in found:
                found[value] = self(column, value)
            return found[value]

        return stored


def _insert_children(session: Session, pairs: Iterable[tuple[int, ActivityDraft]]) -> None:
    topic_rows: list[tuple[int, str]] = []
    value_rows: list[tuple[int, str, int]] = []
    for activity_id, draft in pairs:
        topic_rows += [(activity_id, topic) for topic in dict.fromkeys(draft.topics)]
        value_rows += [(activity_id, code, value) for code, value in draft.values.items() if value]
    with _cursor(session) as cursor:
        bulk.insert_rows(cursor, "INSERT INTO activity_topic (activity_id, topic_code)", topic_rows)
        bulk.insert_rows(
            cursor,
            "INSERT INTO activity_value (activity_id, indicator_code, value)",
            value_rows,
        )


def _names(session: Session, draft: ActivityDraft) -> tuple[str, str]:
    """Village and team names for the search text; both must exist."""
    team = session.get(Team, draft.team_id)
    if team is None:
        raise UserError("activities", QT_TRANSLATE_NOOP("activities", "Choose the team."))
    village_name = ""
    if draft.village_id is not None:
        village = session.get(Village, draft.village_id)
        if village is None:
            raise UserError("activities", QT_TRANSLATE_NOOP("activities", "Choose the village."))
        village_name = village.name
    return village_name, team.name


def record(
    session: Session,
    commune_code: str,
    draft: ActivityDraft,
    catalog: Catalog,
    *,
    today: dt.date | None = None,
) -> SaveResult:
    """Save one new activity (the entry dialog's Save)."""
    validate(draft, catalog, today=today)
    village_name, team_name = _names(session, draft)
    text = search_text(draft, catalog, village_name, team_name)
    (activity_id,) = record_many(session, commune_code, [(draft, text)], catalog)
    return SaveResult(activity_id, reported_revision(session, commune_code, draft.date))


def save(
    db: Database,
    commune_code: str,
    activity_id: int | None,
    draft: ActivityDraft,
    catalog: Catalog,
) -> SaveResult:
    """The entry dialog's Save, in one transaction: a new activity (*activity_id* None) or
    the new content of an existing one. Refused (nothing written) with a :class:`UserError`."""
    with db.session() as session:
        if activity_id is None:
            return record(session, commune_code, draft, catalog)
        return update_activity(session, activity_id, draft, catalog)


def update_activity(
    session: Session,
    activity_id: int,
    draft: ActivityDraft,
    catalog: Catalog,
    *,
    today: dt.date | None = None,
) -> SaveResult:
    """Replace an activity's content, keeping its identity (id, uuid, created_at)."""
    validate(draft, catalog, today=today)
    activity = session.get(Activity, activity_id)
    if activity is None or activity.deleted_at is not None:
        raise UserError(
            "activities",
            QT_TRANSLATE_NOOP("activities", "This activity was deleted meanwhile; not saved."),
        )
    village_name, team_name = _names(session, draft)
    old_date = activity.date
    session.execute(
        update(Activity)
        .where(col(Activity.id) == activity_id)
        .values(
            date=draft.date,
            village_id=draft.village_id,
            team_id=draft.team_id,
            form_code=draft.form_code,
            note=clean(draft.note),
            search_text=search_text(draft, catalog, village_name, team_name),
            content_key=content_key(draft),
            updated_at=utcnow(),
        )
    )
    session.execute(delete(ActivityTopic).where(col(ActivityTopic.activity_id) == activity_id))
    session.execute(delete(ActivityValue).where(col(ActivityValue.activity_id) == activity_id))
    _insert_children(session, [(activity_id, draft)])
    session.expire(activity)
    revisions = [
        r
        for r in (
            reported_revision(session, activity.commune_code, old_date),
            reported_revision(session, activity.commune_code, draft.date),
        )
        if r is not None
    ]
    return SaveResult(activity_id, max(revisions) if revisions else None)


def load_draft(db: Database, activity_id: int) -> ActivityDraft:
    """An activity as a draft, for the edit dialog."""
    with db.read_session() as session:
        return _load_draft(session, activity_id)


def _load_draft(session: Session, activity_id: int) -> ActivityDraft:
    activity = session.get(Activity, activity_id)
    if activity is None or activity.deleted_at is not None:
        raise UserError(
            "activities", QT_TRANSLATE_NOOP("activities", "This activity no longer exists.")
        )
    topics = session.execute(
        select(col(ActivityTopic.topic_code)).where(col(ActivityTopic.activity_id) == activity_id)
    ).scalars()
    values = session.execute(
        select(col(ActivityValue.indicator_code), col(ActivityValue.value)).where(
            col(ActivityValue.activity_id) == activity_id
        )
    )
    return ActivityDraft(
        date=activity.date,
        team_id=activity.team_id,
        form_code=activity.form_code,
        topics=tuple(topics),
        values={code: value for code, value in values},
        village_id=activity.village_id,
        note=activity.note,
    )


def soft_delete(session: Session, activity_ids: Sequence[int]) -> int:
    """Mark activities deleted (kept for undo and for reports already sent)."""
    now = utcnow()
    result = session.execute(
        update(Activity)
        .where(col(Activity.id).in_(activity_ids), col(Activity.deleted_at).is_(None))
        .values(deleted_at=now, updated_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def delete_all(db: Database, activity_ids: Sequence[int]) -> int:
    """:func:`soft_delete` in its own transaction (the list's Delete)."""
    with db.session() as session:
        return soft_delete(session, activity_ids)


def restore_all(db: Database, activity_ids: Sequence[int]) -> int:
    """:func:`restore` in its own transaction (the list's Undo)."""
    with db.session() as session:
        return restore(session, activity_ids)


def restore(session: Session, activity_ids: Sequence[int]) -> int:
    """Undo a delete."""
    result = session.execute(
        update(Activity)
        .where(col(Activity.id).in_(activity_ids), col(Activity.deleted_at).is_not(None))
        .values(deleted_at=None, updated_at=utcnow())
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def refresh_search_text(
    session: Session, *, village_id: int | None = None, team_id: int | None = None
) -> int:
    """Recompute the search text of the activities naming a village or team (after a rename:
    the search box must find them under the new name). Returns how many were updated."""
    from quynhnhai_desktop.domain.campaign import first_campaign

    catalog = first_campaign()
    query = select(col(Activity.id))
    if village_id is not None:
        query = query.where(col(Activity.village_id) == village_id)
    if team_id is not None:
        query = query.where(col(Activity.team_id) == team_id)
    ids = list(session.execute(query).scalars())
    updates = []
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        topics: dict[int, list[str]] = {i: [] for i in chunk}
        for activity_id, code in session.execute(
            select(col(ActivityTopic.activity_id), col(ActivityTopic.topic_code)).where(
                col(ActivityTopic.activity_id).in_(chunk)
            )
        ):
            topics[activity_id].append(code)
        rows = session.execute(
            select(
                col(Activity.id),
                col(Activity.form_code),
                col(Activity.note),
                col(Village.name),
                col(Team.name),
            )
            .join(Team, col(Team.id) == col(Activity.team_id))
            .outerjoin(Village, col(Village.id) == col(Activity.village_id))
            .where(col(Activity.id).in_(chunk))
        )
        for activity_id, form_code, note, village_name, team_name in rows:
            draft = ActivityDraft(
                date=dt.date.min,
                team_id=0,
                form_code=form_code,
                topics=tuple(topics[activity_id]),
                note=note,
            )
            text = search_text(draft, catalog, village_name or "", team_name)
            updates.append({"ident": activity_id, "text": text})
    if updates:
        table = _TABLES["activity"]
        session.execute(
            update(table)
            .where(table.c.id == bindparam("ident"))
            .values(search_text=bindparam("text")),
            updates,
        )
    return len(updates)
