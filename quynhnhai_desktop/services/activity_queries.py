"""Reading the activity log: filtered, searched and sorted in SQL, a page at a time.

The list never loads the activities themselves into Python: :func:`ordered_ids` returns the
ids of the filtered rows in display order (800 KB for 100,000 rows), and the view asks
:func:`fetch_rows` for the few hundred it paints. Filters, search and sorting all run in
SQLite; names sort by their Vietnamese collation key (``sort_key`` BLOBs), forms and topics
by the collation of their labels.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from quynhnhai_desktop.domain.campaign import Campaign, first_campaign
from quynhnhai_desktop.domain.catalog import Catalog, Lang
from quynhnhai_desktop.domain.text import fold, sort_key
from quynhnhai_desktop.store import month_sums, search
from quynhnhai_desktop.store.models import (
    Activity,
    ActivityTopic,
    ActivityValue,
    ReportSubmission,
    Team,
    Village,
)

WHOLE_COMMUNE = 0  # village filter: activities for the whole commune (no village)
PAGE_CHUNK = 900  # ids per IN (...) list, well under SQLite's parameter limit
# The list's count columns are the campaign's (``Campaign.list_columns``); any other sort
# key is one of these.
SortKey = str
FIXED_COLUMNS = ("date", "village", "team", "form", "topics", "note")


def _column_parts(column: str, campaign: Campaign | None) -> tuple[str, ...]:
    return (campaign or first_campaign()).list_column(column).indicators


@dataclass(frozen=True)
class ActivityFilter:
    """What the list shows: a commune's live activities narrowed by period, names, search."""

    commune_code: str
    start: dt.date | None = None
    end: dt.date | None = None
    village_id: int | None = None  # WHOLE_COMMUNE: only activities without a village
    team_id: int | None = None
    form_code: str | None = None
    topic_code: str | None = None
    search: str = ""
    campaign_id: str | None = None  # None: every campaign's activities


@dataclass(frozen=True)
class ActivityRow:
    """One activity as the list and the export show it."""

    id: int
    date: dt.date
    village: str | None  # None: the whole commune
    team: str
    form_code: str
    topics: tuple[str, ...]
    values: dict[str, int]
    note: str
    changed_after_export: bool  # its period was reported before this row last changed

    def count(self, column: str, campaign: Campaign | None = None) -> int:
        """The list column's figure (the sum of its indicators; default: first campaign)."""
        return sum(self.values.get(code, 0) for code in _column_parts(column, campaign))


@dataclass(frozen=True)
class Totals:
    activities: int
    values: dict[str, int] = field(default_factory=dict)

    def count(self, column: str, campaign: Campaign | None = None) -> int:
        """The list column's figure (the sum of its indicators; default: first campaign)."""
        return sum(self.values.get(code, 0) for code in _column_parts(column, campaign))


def _conditions(session: Session, flt: ActivityFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [
        col(Activity.commune_code) == flt.commune_code,
        col(Activity.deleted_at).is_(None),
    ]
    if flt.campaign_id is not None:
        where.append(col(Activity.campaign_id) == flt.campaign_id)
    if flt.start is not None:
        where.append(col(Activity.date) >= flt.start)
    if flt.end is not None:
        where.append(col(Activity.date) <= flt.end)
    if flt.village_id == WHOLE_COMMUNE:
        where.append(col(Activity.village_id).is_(None))
    elif flt.village_id is not None:
        where.append(col(Activity.village_id) == flt.village_id)
    if flt.team_id is not None:
        where.append(col(Activity.team_id) == flt.team_id)
    if flt.form_code:
        where.append(col(Activity.form_code) == flt.form_code)
    if flt.topic_code:
        # IN, not EXISTS: SQLite then reads the topic index once (22 ms, 100,000 rows)
        # instead of probing it per activity (82 ms).
        where.append(
            col(Activity.id).in_(
                select(col(ActivityTopic.activity_id)).where(
                    col(ActivityTopic.topic_code) == flt.topic_code
                )
            )
        )
    words = search.terms(fold(flt.search))
    if words:
        if search.has_index(session.connection()):
            fts: Any = (
                select(literal_column("rowid"))
                .select_from(table(search.FTS_TABLE))
                .where(literal_column(search.FTS_TABLE).op("MATCH")(search.match_expression(words)))
            )
            where.append(col(Activity.id).in_(fts))
        else:  # no FTS5 in this SQLite: scan for the words, in order, starting a word
            padded = literal(" ") + col(Activity.search_text)
            where.append(func.instr(padded, " " + " ".join(words)) > 0)
    return where


def _rank(ranked: list[Any], column: Any) -> Any:
    """A CASE giving each value its position in *ranked*: sorting by it sorts by whatever
    ordered *ranked*, from the covering index alone (a join to the names costs 80 ms more
    per 100,000 rows)."""
    if not ranked:
        return literal(0)
    return case({value: rank for rank, value in enumerate(ranked)}, value=column, else_=-1)


def _sort_expression(
    session: Session, flt: ActivityFilter, sort: SortKey, catalog: Catalog, lang: Lang
) -> Any:
    if sort == "date":
        return col(Activity.date)
    if sort in ("village", "team"):
        model = Village if sort == "village" else Team
        ranked = session.execute(
            select(col(model.id))
            .where(col(model.commune_code) == flt.commune_code)
            .order_by(col(model.sort_key))
        ).scalars()
        column = col(Activity.village_id) if sort == "village" else col(Activity.team_id)
        return _rank(list(ranked), column)  # whole-commune rows (no village) come first
    if sort == "form":
        forms = sorted(catalog.forms, key=lambda form: sort_key(form.label(lang)))
        return _rank([form.code for form in forms], col(Activity.form_code))
    if sort == "topics":
        topics = sorted(catalog.topics, key=lambda topic: sort_key(topic.label(lang)))
        return (
            select(func.min(_rank([t.code for t in topics], col(ActivityTopic.topic_code))))
            .where(col(ActivityTopic.activity_id) == col(Activity.id))
            .scalar_subquery()
        )
    if sort == "note":
        return col(Activity.note)
    return (
        select(func.coalesce(func.sum(col(ActivityValue.value)), 0))
        .where(
            col(ActivityValue.activity_id) == col(Activity.id),
            col(ActivityValue.indicator_code).in_(
                _column_parts(sort, catalog if isinstance(catalog, Campaign) else None)
            ),
        )
        .scalar_subquery()
    )


def ordered_ids(
    session: Session,
    flt: ActivityFilter,
    catalog: Catalog,
    *,
    sort: SortKey = "date",
    descending: bool = True,
    lang: Lang = "vi",
    limit: int | None = None,
    offset: int = 0,
) -> array[int]:
    """Ids of the filtered live activities in display order (ties: the newest day first).

    *limit* and *offset*: a chunk of them (the list loads 1,000 at a time as it scrolls;
    sorted by date, SQLite stops reading the index after the chunk).
    """
    query = ordered_ids_query(
        session,
        flt,
        catalog,
        sort=sort,
        descending=descending,
        lang=lang,
        limit=limit,
        offset=offset,
    )
    # Straight from the DBAPI cursor: SQLAlchemy's Row objects cost 124 ms for 100,000
    # ids, the cursor's tuples 27 ms.
    result = session.connection().execute(query)
    return array("q", (row[0] for row in result.cursor.fetchall()))


def ordered_ids_query(
    session: Session,
    flt: ActivityFilter,
    catalog: Catalog,
    *,
    sort: SortKey = "date",
    descending: bool = True,
    lang: Lang = "vi",
    limit: int | None = None,
    offset: int = 0,
) -> Any:
    """The SELECT of :func:`ordered_ids` (tests read its EXPLAIN QUERY PLAN)."""
    key = _sort_expression(session, flt, sort, catalog, lang)
    if sort == "date":
        # The live-rows index's own order, read forwards or backwards: no sorting at all
        # (ending with the id alone makes SQLite sort again, 10 ms per 100,000 rows).
        columns = ("date", "team_id", "village_id", "form_code", "id")
        order = [
            getattr(Activity, name).desc() if descending else getattr(Activity, name).asc()
            for name in columns
        ]
    else:
        order = [key.desc() if descending else key.asc()]
        if sort == "note":  # activities without a note after those with one
            order.insert(0, col(Activity.note) == "")
        order += [col(Activity.date).desc(), col(Activity.id).desc()]
    query = select(col(Activity.id)).where(*_conditions(session, flt)).order_by(*order)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return query


def count(session: Session, flt: ActivityFilter) -> int:
    query = select(func.count()).select_from(Activity).where(*_conditions(session, flt))
    return int(session.execute(query).scalar_one())


def totals(session: Session, flt: ActivityFilter) -> Totals:
    """How many activities the filter shows, and the sum of each indicator over them.

    Filters on the period, village, team, form and campaign add up the monthly sums
    (store/month_sums.py: 30 ms for a million activities instead of ~10 s); a custom
    range's partial first and last months, a topic and a search add up the rows.
    """
    connection = session.connection()
    if flt.topic_code or search.terms(fold(flt.search)) or not month_sums.has_sums(connection):
        return _totals_from_rows(session, flt)
    found: dict[str, int] = defaultdict(int)
    whole, edges = _whole_months(flt.start, flt.end)
    sums = table(
        month_sums.TABLE,
        *(
            column(name)
            for name in (
                "commune_code",
                "campaign_id",
                "month",
                "village_id",
                "team_id",
                "form_code",
                "indicator_code",
                "total",
            )
        ),
    )
    c = sums.c
    where: list[Any] = [c.commune_code == flt.commune_code]
    if whole[0] is not None:
        where.append(c.month >= whole[0])
    if whole[1] is not None:
        where.append(c.month <= whole[1])
    if flt.campaign_id is not None:
        where.append(c.campaign_id == flt.campaign_id)
    if flt.village_id is not None:
        where.append(c.village_id == flt.village_id)  # WHOLE_COMMUNE is 0 there too
    if flt.team_id is not None:
        where.append(c.team_id == flt.team_id)
    if flt.form_code:
        where.append(c.form_code == flt.form_code)
    if whole[0] is None or whole[1] is None or whole[0] <= whole[1]:
        query = select(c.indicator_code, func.sum(c.total)).where(*where).group_by(c.indicator_code)
        for code, total in connection.execute(query):
            found[code] += int(total)
    for start, end in edges:
        part = _totals_from_rows(session, replace(flt, start=start, end=end))
        found[month_sums.COUNT] += part.activities
        for code, total in part.values.items():
            found[code] += total
    activities = found.pop(month_sums.COUNT, 0)
    return Totals(activities, {code: total for code, total in found.items() if total})


def totals_unless(
    session: Session, flt: ActivityFilter, stale: Callable[[], bool]
) -> Totals | None:
    """:func:`totals`, or None when it was interrupted (``sqlite3.Connection.interrupt``
    from another thread) because *stale* says a newer filter wants the answer instead."""
    try:
        return totals(session, flt)
    except OperationalError:
        if stale():
            return None
        raise


def dbapi_connection(session: Session) -> Any:
    """The sqlite3 connection under *session* (the one to interrupt)."""
    return session.connection().connection.dbapi_connection


def _whole_months(
    start: dt.date | None, end: dt.date | None
) -> tuple[tuple[str | None, str | None], list[tuple[dt.date, dt.date]]]:
    """The first and last whole month ('YYYY-MM') of a range, and its partial months' days."""
    edges: list[tuple[dt.date, dt.date]] = []
    first = last = None
    if start is not None:
        if start.day == 1:
            first = f"{start:%Y-%m}"
        else:
            month_end = _month_end(start)
            edges.append((start, min(month_end, end) if end else month_end))
            following = month_end + dt.timedelta(days=1)
            first = f"{following:%Y-%m}"
    if end is not None:
        if end == _month_end(end):
            last = f"{end:%Y-%m}"
        else:
            month_start = end.replace(day=1)
            if not edges or edges[0][1] < month_start:
                edges.append((max(month_start, start) if start else month_start, end))
            previous = month_start - dt.timedelta(days=1)
            last = f"{previous:%Y-%m}"
    return (first, last), edges


def _month_end(day: dt.date) -> dt.date:
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def _totals_from_rows(session: Session, flt: ActivityFilter) -> Totals:
    ids = select(col(Activity.id)).where(*_conditions(session, flt))
    sums = session.execute(
        select(col(ActivityValue.indicator_code), func.sum(col(ActivityValue.value)))
        .where(col(ActivityValue.activity_id).in_(ids))
        .group_by(col(ActivityValue.indicator_code))
    )
    return Totals(count(session, flt), {code: int(total) for code, total in sums if total})


def fetch_rows(session: Session, ids: Sequence[int]) -> list[ActivityRow]:
    """The activities with these ids, in the order given (a page of the list)."""
    found: dict[int, ActivityRow] = {}
    for start in range(0, len(ids), PAGE_CHUNK):
        chunk = list(ids[start : start + PAGE_CHUNK])
        found.update(_fetch_chunk(session, chunk))
    return [found[i] for i in ids if i in found]


def _fetch_chunk(session: Session, ids: list[int]) -> dict[int, ActivityRow]:
    topics: dict[int, list[str]] = defaultdict(list)
    for activity_id, code in session.execute(
        select(col(ActivityTopic.activity_id), col(ActivityTopic.topic_code)).where(
            col(ActivityTopic.activity_id).in_(ids)
        )
    ):
        topics[activity_id].append(code)
    values: dict[int, dict[str, int]] = defaultdict(dict)
    for activity_id, code, value in session.execute(
        select(
            col(ActivityValue.activity_id),
            col(ActivityValue.indicator_code),
            col(ActivityValue.value),
        ).where(col(ActivityValue.activity_id).in_(ids))
    ):
        values[activity_id][code] = value
    village = aliased(Village)
    team = aliased(Team)
    last_export = (
        select(func.max(col(ReportSubmission.exported_at)))
        .where(
            col(ReportSubmission.commune_code) == col(Activity.commune_code),
            col(ReportSubmission.campaign_id) == col(Activity.campaign_id),
            col(ReportSubmission.period_start) <= col(Activity.date),
            col(ReportSubmission.period_end) >= col(Activity.date),
        )
        .scalar_subquery()
    )
    query = (
        select(
            col(Activity.id),
            col(Activity.date),
            col(village.name),
            col(team.name),
            col(Activity.form_code),
            col(Activity.note),
            and_(last_export.is_not(None), col(Activity.updated_at) > last_export),
        )
        .join(team, col(team.id) == col(Activity.team_id))
        .outerjoin(village, col(village.id) == col(Activity.village_id))
        .where(col(Activity.id).in_(ids))
    )
    rows = {}
    for activity_id, day, village_name, team_name, form_code, note, changed in session.execute(
        query
    ):
        rows[activity_id] = ActivityRow(
            id=activity_id,
            date=day,
            village=village_name,
            team=team_name,
            form_code=form_code,
            topics=tuple(topics[activity_id]),
            values=values[activity_id],
            note=note,
            changed_after_export=bool(changed),
        )
    return rows


def iter_rows(
    session: Session, flt: ActivityFilter, catalog: Catalog, *, batch: int = 1000
) -> Iterator[ActivityRow]:
    """Every filtered activity, oldest first, fetched a batch at a time (for export)."""
    ids = ordered_ids(session, flt, catalog, sort="date", descending=False)
    for start in range(0, len(ids), batch):
        yield from fetch_rows(session, ids[start : start + batch])


def months(session: Session, commune_code: str) -> list[tuple[int, int]]:
    """(year, month) of every month with live activities, newest first (period filter)."""
    month = func.substr(col(Activity.date), 1, 7)
    found = session.execute(
        select(month)
        .where(col(Activity.commune_code) == commune_code, col(Activity.deleted_at).is_(None))
        .distinct()
        .order_by(month.desc())
    ).scalars()
    return [(int(text[:4]), int(text[5:7])) for text in found]


def reported_revision(
    session: Session, commune_code: str, day: dt.date, campaign_id: str | None = None
) -> int | None:
    """The latest exported report revision whose period covers *day*, if any (of the
    campaign *campaign_id*; None: of any campaign)."""
    in_campaign = [] if campaign_id is None else [col(ReportSubmission.campaign_id) == campaign_id]
    found = session.execute(
        select(func.max(col(ReportSubmission.revision))).where(
            col(ReportSubmission.commune_code) == commune_code,
            col(ReportSubmission.period_start) <= day,
            col(ReportSubmission.period_end) >= day,
            *in_campaign,
        )
    ).scalar()
    return int(found) if found is not None else None


def last_entered_date(session: Session, commune_code: str) -> dt.date | None:
    """The date of the activity entered last: the entry dialog starts there (clerks type a
    team's paper tally, dozens of activities of the same days, in one sitting)."""
    return session.execute(
        select(col(Activity.date))
        .where(col(Activity.commune_code) == commune_code, col(Activity.deleted_at).is_(None))
        .order_by(col(Activity.id).desc())
        .limit(1)
    ).scalar()
