"""Reading the activity log: filtered, searched and sorted in SQL, a page at a time.

The list never loads the activities themselves into Python: :func:`ordered_ids` returns the
ids of the filtered rows in display order (800 KB for 100,000 rows), and the view asks
:func:`fetch_rows` for the few hundred it paints. Filters, search and sorting all run in
SQLite; names sort by their Vietnamese collation key (``sort_key`` BLOBs), forms and topics
by the collation of their labels.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import threading
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    column,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from quynhnhai_desktop.domain.campaign import Campaign, first_campaign
from quynhnhai_desktop.domain.catalog import Catalog, Lang
from quynhnhai_desktop.domain.text import fold, sort_key
from quynhnhai_desktop.services import campaigns
from quynhnhai_desktop.store import month_sums, search, sort_keys, topic_keys
from quynhnhai_desktop.store.database import DatabaseClosed
from quynhnhai_desktop.store.models import (
    Activity,
    ActivityTopic,
    ActivityValue,
    ReportSubmission,
    Team,
    Village,
)
from quynhnhai_desktop.store.sql import not_by_index

if TYPE_CHECKING:
    from quynhnhai_desktop.store.database import Database

T = TypeVar("T")
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


def _as_is(column: Any) -> Any:
    return column


def _conditions(
    session: Session,
    flt: ActivityFilter,
    *,
    ordered: bool = False,
    words_in_sql: bool = False,
    by_id: bool = False,
    rowids: tuple[int, int] | None = None,
) -> list[ColumnElement[bool]]:
    """The WHERE of a filter. *ordered*: for reading rows in list order until a page is
    full (keyset paging): a topic is probed per row, and the search is left to the caller
    (it matches each row's text, unless *words_in_sql*), instead of reading every match
    first. *by_id*: a search's few matches are looked up by id, not through an index of
    the other columns (which SQLite walked whole, 120 ms at a million, for no match).
    *rowids*: the search's matches among those ids only (first, last: :func:`_span`)."""
    column: Callable[[Any], Any] = not_by_index if by_id else _as_is
    where: list[ColumnElement[bool]] = [
        column(col(Activity.commune_code)) == flt.commune_code,
        column(col(Activity.deleted_at)).is_(None),
    ]
    if flt.campaign_id is not None:
        where.append(column(col(Activity.campaign_id)) == flt.campaign_id)
    if flt.start is not None:
        where.append(column(col(Activity.date)) >= flt.start)
    if flt.end is not None:
        where.append(column(col(Activity.date)) <= flt.end)
    if flt.village_id == WHOLE_COMMUNE:
        where.append(column(col(Activity.village_id)).is_(None))
    elif flt.village_id is not None:
        where.append(column(col(Activity.village_id)) == flt.village_id)
    if flt.team_id is not None:
        where.append(column(col(Activity.team_id)) == flt.team_id)
    if flt.form_code:
        where.append(column(col(Activity.form_code)) == flt.form_code)
    if flt.topic_code and (ordered or by_id):  # by id: a few rows, each probed
        where.append(
            select(literal(1))
            .where(
                col(ActivityTopic.activity_id) == col(Activity.id),
                col(ActivityTopic.topic_code) == flt.topic_code,
            )
            .exists()
        )
    elif flt.topic_code:
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
    if words and (words_in_sql or not ordered):
        if search.has_index(session.connection()):
            fts: Any = (
                select(literal_column("rowid"))
                .select_from(table(search.FTS_TABLE))
                .where(literal_column(search.FTS_TABLE).op("MATCH")(search.match_expression(words)))
            )
            if rowids is not None:  # FTS5 seeks to the first
                fts = fts.where(literal_column("rowid").between(*rowids))
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
        ranked = _ranked_ids(session, flt.commune_code, sort)
        column = col(Activity.village_id) if sort == "village" else col(Activity.team_id)
        return _rank(ranked, column)  # whole-commune rows (no village) come first
    if sort == "form":
        return _rank(_form_order(session, catalog, lang), col(Activity.form_code))
    if sort == "topics":
        return (
            select(func.min(_rank(_topic_order(catalog, lang), col(ActivityTopic.topic_code))))
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


def _topic_order(catalog: Catalog, lang: Lang) -> list[str]:
    """The catalog's topic codes by the collation of their labels: an activity's rank in
    the topics order is the first of its topics here (-1: one the catalog lacks)."""
    return [t.code for t in sorted(catalog.topics, key=lambda topic: sort_key(topic.label(lang)))]


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
    after: int | None = None,
) -> array[int]:
    """Ids of the filtered live activities in display order (ties: the newest day first).

    *limit*: a chunk of them (the list loads 1,000 at a time as it scrolls), the chunk
    after the id *after* (the last one loaded) or, without it, after *offset* rows. Sorted
    by date, village, team or form, the chunk is read by seeking an index (keyset paging,
    :func:`segment_queries`): its cost does not grow with the table or with how far the
    list has scrolled. A search among them first reads the rows in list order, SQLite
    keeping those that hold every word and Python matching their text
    (:data:`SCAN_FOR_WORDS`); when that finds too few, a word that most rows hold
    (:data:`DENSE_MATCHES`) has the walk go on (:data:`LONG_SCAN`), and then, or for a
    rarer one, the date order's page is read by SQLite against the FTS index from where the
    walk stopped; the other orders walk on too (unless a village, team or form is chosen)
    until it looks vain (:data:`MISSES`, :data:`ROWS_PER_MATCH`), then SQLite sorts every
    match. A search with at most
    :data:`FEW_MATCHES` matches sorts them at once.
    """
    if sort in KEYSET_SORTS and (after is not None or offset == 0):
        narrowed = _in_its_months(session, flt)
        if narrowed is None:
            return array("q")  # the campaign has no rows the filter keeps
        flt, brief = narrowed
        wanted = sys.maxsize if limit is None else limit
        how = (session, flt, catalog, sort, descending, lang)
        # a narrow filter's rows (a newer campaign's) holding few of the matches: those,
        # looked for after a short walk when the campaign's months are few, else once the
        # walk failed
        span = None
        if brief:
            short = _walk(*how, wanted, after, budget=BRIEF_SCAN)
            if short is not None and short.full:
                return short.found
            span = _few_in_span(session, flt)
        # a rare word or a typo: sorting its matches is cheapest
        few = span is None and _few_matches(session, flt)
        walk = None if few or span is not None else _walk(*how, wanted, after,
                                                          budget=SCAN_FOR_WORDS)  # fmt: skip
        found = walk.found if walk is not None and walk.full else None
        if not brief and walk is not None and found is None:
            span = _few_in_span(session, flt)
        dense = narrow = False
        if walk is not None and found is None and span is None and limit is not None:
            estimate = _estimate(session, flt)
            dense = estimate >= DENSE_MATCHES
            narrow = flt.village_id is not None or flt.team_id is not None or bool(flt.form_code)
            if dense or (sort != "date" and not narrow):
                # a frequent word, or another order (its matches may be in the next
                # segments): the walk in list order goes on
                walk = _walk(*how, wanted, None, budget=LONG_SCAN - SCAN_FOR_WORDS,
                             resume=walk.resume, found=walk.found,
                             give_up=None if dense else ROWS_PER_MATCH * estimate)  # fmt: skip
                found = walk.found if walk is not None and walk.full else None
            if walk is not None and found is None and sort == "date":
                # the newest rows hardly match: SQLite walks the date index against the FTS
                # index's matches until the page is full, past the days already read
                rest = _walk(*how, wanted, None, words_in_sql=True, resume=walk.resume,
                             found=walk.found)  # fmt: skip
                found = None if rest is None else rest.found
        if found is None:  # every match from the FTS index, sorted by SQLite
            # by id, unless the filter narrows the index SQLite would walk against them
            by_id = few or span is not None or (limit is not None and not dense and not narrow)
            found = _matches_in_order(*how, after, few=by_id, limit=limit, rowids=span)
            return found if limit is None else found[:limit]
        return found
    keyed = None if limit is None or (after is None and offset) else _keyed_sort(
        session, catalog, sort)  # fmt: skip
    if keyed is not None and limit is not None:  # a count column, the note, topics: keys
        return _keyed_ids(session, flt, catalog, sort, descending, lang, limit, after, keyed)
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


# Sorts read a page by seeking an index (keyset paging): the list's order is a sequence of
# segments (one per village, team or form, in the order of their names; the date sort is
# one segment) and, inside each, the order of the segment's index (date, then the other
# columns, then the id), newest first. The index of each sort (migration 0017).
KEYSET_SORTS = {
    "date": ("ix_activity_live", ("date", "team_id", "village_id", "form_code", "campaign_id")),
    "village": (
        "ix_activity_by_village",
        ("village_id", "date", "team_id", "form_code", "campaign_id"),
    ),
    "team": ("ix_activity_by_team", ("team_id", "date", "village_id", "form_code", "campaign_id")),
    "form": ("ix_activity_by_form", ("form_code", "date", "team_id", "village_id", "campaign_id")),
}
# A search reads at most this many rows in list order, matching their folded text (about
# 8 µs a row), before it asks the FTS index: "ban na" matches ~6 % of the rows, and its
# first 200 are found after ~3,300 rows. Where the newest rows hardly match (another
# campaign's, shown with "all campaigns"), SQLite walks the date index against the FTS
# matches instead: at a million activities 145 ms for "ban na", 225 ms for "ban" (962,000
# matches), where sorting every match took 0.55 s and 2.3 s.
SCAN_FOR_WORDS = 5_000
# A search with a word that starts one in this many activities' text (a letter or two, a
# village's "ban"): reading rows in list order goes on for up to LONG_SCAN of them (~1 µs
# a row, SQLite testing that each holds every word), where the FTS index's matches for
# the walk against it cost ~0.15 µs each to gather (962,000 for "b" at a million: 150
# ms). "b", "ban" at a million, all campaigns: their first match is the 50,001st row.
DENSE_MATCHES = 300_000
LONG_SCAN = 60_000
SAMPLES = 8
SAMPLE_IDS = 2_000
# A search with at most this many matches (a rare word, a typo half-way through one) has
# them read from the FTS index and sorted at once: counting that many is 0-5 ms at a
# million activities (the index's two- and three-letter prefixes, migration 0019), where
# a list-order scan that finds nothing reads its 5,000 rows and the walk the whole index.
FEW_MATCHES = 2_000


def _few_matches(session: Session, flt: ActivityFilter) -> bool:
    """True when the search matches at most :data:`FEW_MATCHES` activities (any commune)."""
    words = search.terms(fold(flt.search))
    connection = session.connection()
    if not words or not search.has_index(connection):
        return False
    return search.match_count(connection, words, FEW_MATCHES + 1) <= FEW_MATCHES


def _estimate(session: Session, flt: ActivityFilter) -> int:
    """About how many activities (any commune) its rarest word starts a word in: a bound
    on the search's matches, and what the FTS index's lists cost to walk against. Words of
    at most three letters (the index's prefix lists) are counted in :data:`SAMPLES` runs of
    :data:`SAMPLE_IDS` ids spread over a large table (~0.5 ms each at a million, where
    counting "b" up to :data:`DENSE_MATCHES` takes 16 ms); others up to that bound (their
    own lists, ~10 ms)."""
    words = search.terms(fold(flt.search))
    connection = session.connection()
    if not words or not search.has_index(connection):
        return 0
    # one aggregate per SELECT: SQLite reads either end of the table, not all of it
    low = session.execute(select(func.min(col(Activity.id)))).scalar()
    high = session.execute(select(func.max(col(Activity.id)))).scalar()
    if low is None or high is None:
        return 0
    first_id: int = low
    span: int = high - low + 1
    sampled = SAMPLES * SAMPLE_IDS
    step = (span - SAMPLE_IDS) // (SAMPLES - 1)

    def counted(word: str) -> int:
        if len(word) > search.PREFIXES or span <= 2 * sampled:
            return search.match_count(connection, [word], DENSE_MATCHES)
        hits = 0
        for first in range(first_id, first_id + step * SAMPLES, step):
            hits += search.match_count(
                connection, [word], SAMPLE_IDS, (first, first + SAMPLE_IDS - 1)
            )
        return hits * span // sampled

    return min(counted(word) for word in words)


# A campaign whose rows are in at most this share of the commune's months (a newer
# campaign: 11 of 83 in the benchmark) likely has few rows: their span is read after a
# walk of BRIEF_SCAN rows (a word they hold: its page; at a million "hoa" 5 ms, where
# reading the span first cost 20 ms).
BRIEF_MONTHS = 0.25
BRIEF_SCAN = 1_000


def _in_its_months(session: Session, flt: ActivityFilter) -> tuple[ActivityFilter, bool] | None:
    """*flt* with its days narrowed to the months the monthly sums show its campaign's rows
    in (those of its village, team and form), and whether those are :data:`BRIEF_MONTHS`
    of the commune's; None when they show none. The indexes the list walks hold the
    campaign last, and a campaign's rows (a newer campaign's 5 %) were found only by
    reading every row of the other campaigns' months (at a million activities 200-430 ms
    for a search that matched none of them)."""
    connection = session.connection()
    if flt.campaign_id is None or not month_sums.has_sums(connection):
        return flt, False
    found = month_sums.months_with_rows(
        connection,
        flt.commune_code,
        campaign_id=flt.campaign_id,
        village_id=flt.village_id,
        team_id=flt.team_id,
        form_code=flt.form_code or None,
    )
    if found is None:
        return None
    first = dt.date.fromisoformat(f"{found[0]}-01")
    last = _month_end(dt.date.fromisoformat(f"{found[1]}-01"))
    start = first if flt.start is None else max(flt.start, first)
    end = last if flt.end is None else min(flt.end, last)
    every = month_sums.months_with_rows(connection, flt.commune_code)
    brief = every is not None and _months(found) <= BRIEF_MONTHS * _months(every)
    return replace(flt, start=start, end=end), brief


def _months(span: tuple[str, str]) -> int:
    """How many months from the first to the last ('YYYY-MM') of *span*, both counted."""
    (first_year, first_month), (last_year, last_month) = (
        (int(month[:4]), int(month[5:7])) for month in span
    )
    return (last_year - first_year) * 12 + last_month - first_month + 1


# A filter keeping at most this many rows (its columns' part: campaign, village, team, form,
# days) has their first and last id read from an index (~0.1 µs a row, 10 ms at most), and
# the search's matches counted among those ids only (FTS5 seeks there): a newer campaign's
# rows, entered after the others, hold few matches or none, and those are sorted at once.
SPAN_ROWS = 100_000


def _span(session: Session, flt: ActivityFilter) -> tuple[int, int] | None:
    """The first and last id of the live rows *flt*'s columns keep (its topic and search
    left out), read from the index of its village, team or form (else of the date), or
    None when there are more than :data:`SPAN_ROWS`; (1, 0) when there are none."""
    if flt.village_id is not None:
        index = KEYSET_SORTS["village"][0]
    elif flt.team_id is not None:
        index = KEYSET_SORTS["team"][0]
    elif flt.form_code:
        index = KEYSET_SORTS["form"][0]
    else:
        index = KEYSET_SORTS["date"][0]
    where = _conditions(session, replace(flt, search="", topic_code=None), ordered=True)
    kept = (
        select(col(Activity.id))
        .with_hint(Activity, f"INDEXED BY {index}", "sqlite")
        .where(*where)
        .limit(SPAN_ROWS + 1)
        .subquery()
    )
    low, high, rows = session.execute(
        select(func.min(kept.c.id), func.max(kept.c.id), func.count())
    ).one()
    if rows > SPAN_ROWS:
        return None
    return (1, 0) if low is None else (int(low), int(high))


def _few_in_span(session: Session, flt: ActivityFilter) -> tuple[int, int] | None:
    """The ids (first, last) of a campaign's or a period's rows (those of its village, team
    and form) when the search matches at most :data:`FEW_MATCHES` of the activities
    between them (any commune), else None. Not for a village, team or form alone: their
    rows are entered over the years, their ids spread over the whole table."""
    words = search.terms(fold(flt.search))
    connection = session.connection()
    narrow = flt.campaign_id is not None or flt.start is not None or flt.end is not None
    if not words or not narrow or not search.has_index(connection):
        return None
    span = _span(session, flt)
    if span is None or search.match_count(connection, words, FEW_MATCHES + 1, span) > FEW_MATCHES:
        return None
    return span


@dataclass(frozen=True)
class Segment:
    """One run of the list's order: the rows where *column* is *value* (no column: all)."""

    column: str | None
    value: object = None


def segments(
    session: Session,
    flt: ActivityFilter,
    catalog: Catalog,
    sort: SortKey,
    descending: bool,
    lang: Lang,
) -> list[Segment]:
    """The segments of a keyset sort in display order (those the filter can show)."""
    if sort == "date":
        return [Segment(None)]
    values: list[object]
    if sort in ("village", "team"):
        ranked = _ranked_ids(session, flt.commune_code, sort)
        # whole-commune rows (no village) come first, as in the CASE of the other sorts
        values = [*([None] if sort == "village" else []), *ranked]
        chosen = flt.village_id if sort == "village" else flt.team_id
        if chosen is not None:
            wanted = None if chosen == WHOLE_COMMUNE and sort == "village" else chosen
            values = [value for value in values if value == wanted]
    else:
        values = list(_form_order(session, catalog, lang))
        if flt.form_code:
            values = [code for code in values if code == flt.form_code]
    column = {"village": "village_id", "team": "team_id", "form": "form_code"}[sort]
    found = [Segment(column, value) for value in values]
    return found[::-1] if descending else found


def _form_order(session: Session, catalog: Catalog, lang: Lang) -> list[str]:
    """Form codes in the order the list sorts them: any form of a campaign the catalog
    lacks first (by code), then the catalog's by the collation of their labels."""
    forms = sorted(catalog.forms, key=lambda form: sort_key(form.label(lang)))
    codes = [form.code for form in forms]
    others = {f.code for c in campaigns.known(session) for f in c.forms} - set(codes)
    return [*sorted(others), *codes]


def seek(query: Any, day: dt.date, ascending: bool) -> Any:
    """*query* of :func:`segment_queries` from the day of the last row loaded on."""
    return query.where(col(Activity.date) >= day if ascending else col(Activity.date) <= day)


def segment_queries(
    session: Session,
    flt: ActivityFilter,
    catalog: Catalog,
    sort: SortKey,
    descending: bool = True,
    lang: Lang = "vi",
    *,
    words_in_sql: bool = False,
    words_where: bool = False,
) -> Iterator[tuple[Segment, Any]]:
    """Each segment of a keyset sort with its SELECT of (id, date[, search_text]) in the
    order of the segment's index; :func:`_keyset_ids` adds the seek on the date of the
    last row loaded. *words_in_sql*: the search is a condition on the FTS index, not the
    caller's match of the text; *words_where*: only the rows holding every word are
    given (not every row, NULL for those). Tests read their EXPLAIN QUERY PLAN."""
    index = KEYSET_SORTS[sort][0]
    ascending = sort == "date" and not descending  # inside a segment: newest first
    where = _conditions(session, flt, ordered=True, words_in_sql=words_in_sql)
    words = search.terms(fold(flt.search))
    for segment in segments(session, flt, catalog, sort, descending, lang):
        conditions = list(where)
        if segment.column is not None:
            target = getattr(Activity, segment.column)
            conditions.append(
                col(target).is_(None) if segment.value is None else col(target) == segment.value
            )
        day = col(Activity.date)
        picked: list[Any] = [col(Activity.id), day]
        if words and not words_in_sql:
            # the text of the rows holding every word, tested by SQLite (a substring test
            # in C), NULL for the others: Python matches the phrase in those it gets, and
            # counts every row read (its budget) without a transfer of their text
            text = col(Activity.search_text)
            holds = and_(*(func.instr(text, word) > 0 for word in words))
            if words_where:
                conditions.append(holds)
            picked.append(text if words_where else case((holds, text), else_=None))
        # The sort's own index, read in its order: by date, a day's rows in the order of
        # the index's other columns and the id. Naming those in ORDER BY made SQLite sort
        # each day again whenever a filter fixed one of them (a temporary B-tree).
        query = (
            select(*picked)
            .with_hint(Activity, f"INDEXED BY {index}", "sqlite")
            .where(*conditions)
            .order_by(day.asc() if ascending else day.desc())
        )
        yield segment, query


@dataclass
class _Walk:
    """What a walk in list order found: *full* when the page is full or every row was
    read; otherwise the walk stopped at *resume*: the segment's number, and the last day
    read in it (None: none of it)."""

    found: array[int]
    full: bool
    resume: tuple[int, dt.date | None] | None = None


# A long walk gives up when the rows that hold every word but not the phrase pass MISSES
# and MISS_RATIO per match: the matches are then rarer than one row in 20 (at a million,
# under ~50,000, which SQLite sorts in ~100 ms), or in segments further on ("ban na" by
# village: the rows of "Bản Nà" come after a dozen villages' rows, ~3 µs each to reject).
MISSES = 2_000
MISS_RATIO = 20
# ... or after as many rows as the search may have matches (SQLite sorts them by id at
# ~2-5 µs each, about what the walk spends on a row): "hop dan" by form at 100,000
# activities, its 11,000 matches all in the last form's rows.
ROWS_PER_MATCH = 1
# Rows a walk remembers the verdict of by their text (a second campaign's rows, a team's
# routine tally: the same few texts, each matched once).
VERDICTS = 10_000


def _keyset_ids(
    session: Session,
    flt: ActivityFilter,
    catalog: Catalog,
    sort: SortKey,
    descending: bool,
    lang: Lang,
    limit: int,
    after: int | None,
    *,
    words_in_sql: bool = False,
) -> array[int] | None:
    """The *limit* ids after *after* in a keyset sort, or None when the caller must page
    otherwise: a search found too few in :data:`SCAN_FOR_WORDS` rows (the FTS index then
    answers), or the row *after* no longer shows. *words_in_sql*: SQLite matches the search
    against the FTS index (no bound on the rows read)."""
    budget = None if words_in_sql else SCAN_FOR_WORDS
    walk = _walk(session, flt, catalog, sort, descending, lang, limit, after,
                 words_in_sql=words_in_sql, budget=budget)  # fmt: skip
    return None if walk is None or not walk.full else walk.found


def _walk(
    session: Session,
    flt: ActivityFilter,
    catalog: Catalog,
    sort: SortKey,
    descending: bool,
    lang: Lang,
    limit: int,
    after: int | None,
    *,
    words_in_sql: bool = False,
    budget: int | None = None,
    resume: tuple[int, dt.date | None] | None = None,
    found: array[int] | None = None,
    give_up: int | None = None,
) -> _Walk | None:
    """The rows of a keyset sort in list order after *after* (or from where an earlier
    walk stopped, *resume*, adding to its *found*), up to *limit* ids in all; a search
    reads about *budget* rows at most (whole days: the walk ends with the day of the
    *budget*-th row); with *give_up*, it also ends (with a whole day) after that many
    rows, or once the rows holding every word but not the phrase pass :data:`MISSES` and
    :data:`MISS_RATIO` per match found. None: the row *after* no longer shows."""
    words = [] if words_in_sql else search.terms(fold(flt.search))
    pattern = search.phrase_pattern(words) if words else None
    connection = session.connection()
    if pattern is None or not search.has_index(connection):
        budget = None  # no index to fall back on: the scan reads every row
    start: tuple[object, dt.date] | None = None
    if after is not None:
        row = session.execute(
            select(
                col(Activity.village_id),
                col(Activity.team_id),
                col(Activity.form_code),
                col(Activity.date),
            ).where(col(Activity.id) == after)
        ).one_or_none()
        if row is None:
            return None
        start = ({"village": row[0], "team": row[1], "form": row[2]}.get(sort), row[3])
    ascending = sort == "date" and not descending
    found = array("q") if found is None else array("q", found)
    earlier, misses, read = len(found), 0, 0
    verdicts: dict[str, bool] = {}
    day = None
    how = (catalog, sort, descending, lang)
    # the date order without a topic (its one index, no probe per row): SQLite finds the
    # day the budget ends from the index alone (60,000 rows: 16 ms), and gives only the
    # rows holding every word (at a million "ban n" 100 -> 70 ms); the others count the
    # rows they read
    bounded = sort == "date" and not flt.topic_code and budget is not None
    selects = segment_queries(session, flt, *how, words_in_sql=words_in_sql, words_where=bounded)
    bare = segment_queries(session, replace(flt, search=""), *how) if bounded else None
    left = None if bounded else budget  # rows still to read
    for number, (segment, query) in enumerate(selects):
        every = next(bare)[1] if bare is not None else None
        if resume is not None and number < resume[0]:
            continue
        skipping = False
        if start is not None:
            if segment.column is not None and segment.value != start[0]:
                continue
            query = seek(query, start[1], ascending)
            every = None if every is None else seek(every, start[1], ascending)
            skipping, day = True, start[1].isoformat()  # as the cursor gives it
            start = None
        if resume is not None and number == resume[0] and resume[1] is not None:
            query = _past(query, resume[1], ascending)
            every = None if every is None else _past(every, resume[1], ascending)
        if left is not None and left <= 0:
            return _Walk(found, False, (number, None))
        stop = None
        if every is not None and budget is not None:
            stop = session.execute(
                every.with_only_columns(col(Activity.date)).limit(1).offset(budget)
            ).scalar()
            if stop is not None:
                query = query.where(
                    col(Activity.date) <= stop if ascending else col(Activity.date) >= stop
                )
        cursor = connection.execute(query).cursor
        quitting = None  # the budget is spent, or give_up: the walk ends with this day
        try:
            while len(found) < limit:
                rows = cursor.fetchmany(256)
                if not rows:
                    break
                for row in rows:
                    if skipping:  # the rows of the last day up to the last one loaded
                        if row[0] != after and row[1] == day:
                            continue
                        skipping = False
                        if row[0] == after:
                            continue
                    if quitting is not None and row[1] != quitting:
                        return _Walk(found, False, (number, dt.date.fromisoformat(quitting)))
                    read += 1
                    if left is not None:
                        left -= 1
                        if quitting is None and (left <= 0 or (give_up and read > give_up)):
                            quitting = row[1]
                    if pattern is not None:
                        if row[2] is None:
                            continue  # a word is missing (SQLite's test)
                        matches = verdicts.get(row[2])
                        if matches is None:
                            matches = pattern.search(row[2]) is not None
                            if len(verdicts) < VERDICTS:
                                verdicts[row[2]] = matches
                        if not matches:
                            misses += 1
                            if (
                                give_up is not None
                                and quitting is None
                                and misses > MISSES + MISS_RATIO * (len(found) - earlier)
                            ):
                                quitting = row[1]
                            continue
                    found.append(row[0])
                    if len(found) >= limit:
                        break
        finally:
            cursor.close()
        if len(found) >= limit:
            break
        if quitting is not None:
            return _Walk(found, False, (number + 1, None))
        if stop is not None:
            return _Walk(found, False, (number, stop))
    if start is not None:
        return None  # the last row loaded is no longer in any segment (edited meanwhile)
    return _Walk(found, True)


def _past(query: Any, day: dt.date, ascending: bool) -> Any:
    """*query* from the day after *day* on, in list order (a walk read up to *day*)."""
    return query.where(col(Activity.date) > day if ascending else col(Activity.date) < day)


def _matches_in_order(
    session: Session,
    flt: ActivityFilter,
    catalog: Catalog,
    sort: SortKey,
    descending: bool,
    lang: Lang,
    after: int | None,
    *,
    few: bool = False,
    limit: int | None = None,
    rowids: tuple[int, int] | None = None,
) -> array[int]:
    """Every id a (rare) search finds, from the FTS index, in the order a keyset page
    reads them (the segments', then each one's index order); those after *after* (the
    first *limit*, without it: SQLite keeps the first ones only as it sorts); *rowids*:
    among those ids only (:func:`_few_in_span`).

    SQLite sorts them: sorted in Python with a key per row, the 60,000 matches of "ban na"
    at a million activities took over a second."""
    query = matches_query(session, flt, catalog, sort, descending, lang, few=few, rowids=rowids)
    if after is None and limit is not None:
        query = query.limit(limit)
    found = array("q", (row[0] for row in session.connection().execute(query).cursor.fetchall()))
    if after is not None:
        found = found[found.index(after) + 1 :] if after in found else array("q")
    return found


def matches_query(
    session: Session,
    flt: ActivityFilter,
    catalog: Catalog,
    sort: SortKey,
    descending: bool = True,
    lang: Lang = "vi",
    *,
    few: bool = False,
    rowids: tuple[int, int] | None = None,
) -> Any:
    """The SELECT of :func:`_matches_in_order` (*few*: at most :data:`FEW_MATCHES`,
    looked up by id; *rowids*: among those ids). Tests read its EXPLAIN QUERY PLAN."""
    index_columns = [getattr(Activity, name) for name in KEYSET_SORTS[sort][1]]
    inside = [*index_columns, col(Activity.id)]
    if sort == "date":  # the index's order, read backwards unless oldest first
        order = [c.asc() if not descending else c.desc() for c in inside]
    else:  # the segments in display order, each newest first (SQLite: NULL is smallest)
        values = [s.value for s in segments(session, flt, catalog, sort, descending, lang)]
        order = [_segment_rank(values, inside[0]).asc(), *(c.desc() for c in inside[1:])]
    where = _conditions(session, flt, by_id=few, rowids=rowids)
    return select(col(Activity.id)).where(*where).order_by(*order)


def _segment_rank(values: list[object], column: Any) -> Any:
    """A CASE giving each segment's rows its position (None: the rows where *column* is NULL)."""
    if not values:
        return literal(0)
    return case(
        *((column.is_(None) if value is None else column == value, rank)
          for rank, value in enumerate(values)),
        else_=-1,
    )  # fmt: skip


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
    """Every filtered activity, oldest first, fetched a batch at a time (for export).

    The ids come from one cursor over the date index, read a batch at a time as the rows
    are written: memory does not grow with the row count (the list of every id was 8 MB
    at a million)."""
    query = ordered_ids_query(session, flt, catalog, sort="date", descending=False)
    cursor = session.connection().execute(query).cursor
    try:
        while ids := [row[0] for row in cursor.fetchmany(batch)]:
            yield from fetch_rows(session, ids)
    finally:
        cursor.close()


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


def _ranked_ids(session: Session, commune_code: str, sort: str) -> list[int]:
    """The commune's villages or teams (by *sort*) in Vietnamese order: the list's rank."""
    model = Village if sort == "village" else Team
    return list(
        session.execute(
            select(col(model.id))
            .where(col(model.commune_code) == commune_code)
            .order_by(col(model.sort_key))
        ).scalars()
    )


# -- the same, each in its own read transaction (the window opens no session itself) ----


def list_ids(db: Database, flt: ActivityFilter, catalog: Catalog, **how: Any) -> array[int]:
    """:func:`ordered_ids` (*how*: its keyword arguments)."""
    with db.read_session() as session:
        return ordered_ids(session, flt, catalog, **how)


def rows_of(db: Database, ids: Sequence[int]) -> list[ActivityRow]:
    """:func:`fetch_rows`: the rows a page of the list paints."""
    with db.read_session() as session:
        return fetch_rows(session, ids)


def months_of(db: Database, commune_code: str) -> list[tuple[int, int]]:
    """:func:`months`."""
    with db.read_session() as session:
        return months(session, commune_code)


def last_date(db: Database, commune_code: str) -> dt.date | None:
    """:func:`last_entered_date`."""
    with db.read_session() as session:
        return last_entered_date(session, commune_code)


def each_row_then_totals(
    db: Database, flt: ActivityFilter, catalog: Catalog, each: Callable[[ActivityRow], None]
) -> Totals:
    """:func:`iter_rows` handed to *each*, then :func:`totals`, in one read transaction: the
    sum printed under a listing is the sum of the rows above it."""
    with db.read_session() as session:
        for row in iter_rows(session, flt, catalog):
            each(row)
        return totals(session, flt)


class Interrupt:
    """Lets another thread stop a sum where it is (sqlite3's interrupt): a newer filter's
    query needs the core the older one holds."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # the connection, between the two threads
        self._connection: Any = None
        self.stopped = False

    def stop(self) -> None:
        with self._lock:
            self.stopped = True
            connection, self._connection = self._connection, None
        if connection is not None:
            connection.interrupt()

    def _hold(self, connection: Any) -> bool:
        """Note *connection* as the one to interrupt; False when already stopped."""
        with self._lock:
            if self.stopped:
                return False
            self._connection = connection
            return True

    def _release(self, connection: Any) -> None:
        with self._lock:
            if self._connection is connection:
                self._connection = None


def totals_unless_stopped(db: Database, flt: ActivityFilter, interrupt: Interrupt) -> Totals | None:
    """:func:`totals` in its own read transaction, or None once *interrupt* is stopped."""
    return _unless_stopped(
        db, interrupt, lambda s: totals_unless(s, flt, lambda: interrupt.stopped)
    )


def list_ids_unless_stopped(
    db: Database, flt: ActivityFilter, catalog: Catalog, interrupt: Interrupt, **how: Any
) -> array[int] | None:
    """:func:`list_ids`, or None once *interrupt* is stopped (a newer filter, keystroke or
    sort wants the list instead)."""
    return _unless_stopped(db, interrupt, lambda s: ordered_ids(s, flt, catalog, **how))


def _unless_stopped(db: Database, interrupt: Interrupt, read: Callable[[Session], T]) -> T | None:
    """*read* in its own read transaction, on a connection *interrupt* can stop; None also
    when the database was closed before it began (the window closing, a backup being
    restored: a search's pause or a chunk asked just before then wants no answer)."""
    try:
        reading = db.read_session()
    except DatabaseClosed:
        return None
    with reading as session:
        raw = dbapi_connection(session)
        if not interrupt._hold(raw):
            return None  # out of date before it began
        try:
            return read(session)
        except (OperationalError, sqlite3.OperationalError):
            if interrupt.stopped:  # sqlite3's "interrupted": the answer is not wanted
                return None
            raise
        finally:
            interrupt._release(raw)


# -- the count columns, the note and the topics: read in list order from their keys -----

# Sorted by a count column (store/sort_keys.py: its non-zero sums, then or first the rows whose sum
# is zero; a topic's zero sums from its keys, store/topic_keys.py), by the note (the index
# ix_activity_by_note: the notes, then the rows without one) or by the topics (store/topic_keys.py,
# :class:`_TopicWalk`), the list reads candidates in its order a window at a time, SQLite telling
# which of them the filter keeps: reading ~0.5 µs a row, a window costs what it reads, whatever the
# size of the log. The windows grow from the page's size by KEY_GROWTH up to KEY_WINDOW; after
# KEY_BUDGET rows read the filter keeps too few of them (a day, a team and a form at a million
# activities), and SQLite sorts the filter's rows instead (:func:`ordered_ids_query` from the last
# row loaded on: few rows, cheap to sort).
KEY_WINDOW = 16_384
KEY_GROWTH = 4
KEY_BUDGET = 60_000
# A search whose words are rarer (DENSE_MATCHES): its matches are gathered from the FTS
# index once a window (~0.15 µs each; "hop dan" at a million: 50-80 ms), each candidate
# looked up among them; the windows start and end larger, and the walk goes on longer, its
# rows costing no lookup of their text.
FTS_WINDOW = 4_096
FTS_WINDOW_CAP = 131_072
FTS_BUDGET = 500_000
NOTE = "note"
TOPICS = "topics"


@dataclass(frozen=True)
class _Position:
    """Where a keyed order stands: the list's key (a sum; a note), the day and the id."""

    value: Any
    date: str
    id: int


def _keyed_sort(session: Session, catalog: Catalog, sort: SortKey) -> int | str | None:
    """The count column's *sort* in the key table, :data:`NOTE`, :data:`TOPICS`, or None
    (sort the old way: a column whose keys are not those of the catalog's campaign, a
    database without the topics' keys)."""
    if sort == "note":
        return NOTE
    if sort == "topics":
        return TOPICS if topic_keys.has_keys(session.connection()) else None
    if sort in FIXED_COLUMNS:
        return None
    campaign = catalog if isinstance(catalog, Campaign) else first_campaign()
    try:
        indicators = campaign.list_column(sort).indicators
    except KeyError:
        return None
    return sort_keys.column_sort(session.connection(), campaign.id, sort, indicators)


def _keyed_ids(
    session: Session,
    flt: ActivityFilter,
    catalog: Catalog,
    sort: SortKey,
    descending: bool,
    lang: Lang,
    limit: int,
    after: int | None,
    keyed: int | str,
) -> array[int]:
    """The *limit* ids after *after* of a count column's order, the note's or the topics'
    (ties: the newest day first, then the id, in both directions)."""
    raw = session.connection()
    position = None
    if after is not None:
        position = (
            _topic_position(session, flt, catalog, lang, after)
            if keyed == TOPICS
            else _position_of(raw, keyed, after)
        )
        if position is None:
            return array("q")  # the last row loaded is gone (a hard delete)
    if not _few_matches(session, flt):
        words = search.terms(fold(flt.search))
        # a word most rows hold: each candidate's text tested; a rarer one: the FTS index's
        # matches, gathered once a window, each candidate looked up among them
        fts = bool(words) and search.has_index(raw) and _estimate(session, flt) < DENSE_MATCHES
        walk = (
            _TopicWalk(raw, flt, _topic_order(catalog, lang), descending, limit, fts=fts)
            if keyed == TOPICS
            else _KeyedWalk(raw, flt, keyed, descending, limit, fts=fts)
        )
        walked = walk.run(position)
        if walked is not None:
            return walked
    # too few rows kept in KEY_BUDGET, or a search's few matches: SQLite sorts them
    query = ordered_ids_query(session, flt, catalog, sort=sort, descending=descending,
                              lang=lang, limit=limit)  # fmt: skip
    if position is not None:
        key = _sort_expression(session, flt, sort, catalog, lang)
        query = query.where(_after_position(key, keyed, descending, position))
    return array("q", (row[0] for row in raw.execute(query).cursor.fetchall()))


def _after_position(key: Any, keyed: int | str, descending: bool, at: _Position) -> Any:
    """The WHERE of the rows after *at* in the order of :func:`ordered_ids_query`."""
    day = dt.date.fromisoformat(at.date)
    later_in_value = or_(
        col(Activity.date) < day, and_(col(Activity.date) == day, col(Activity.id) < at.id)
    )
    if keyed == TOPICS and at.value is None:  # no topic: SQLite's NULL, first ascending
        first = and_(key.is_(None), later_in_value)
        return first if descending else or_(key.is_not(None), first)
    beyond = key < at.value if descending else key > at.value
    within = or_(beyond, and_(key == at.value, later_in_value))
    if keyed == TOPICS and descending:
        return or_(key.is_(None), within)
    if keyed != NOTE:
        return within
    if at.value == "":  # the rows without a note come last, in both directions
        return and_(col(Activity.note) == "", later_in_value)
    return or_(col(Activity.note) == "", within)


def _position_of(raw: Any, keyed: int | str, activity_id: int) -> _Position | None:
    """The key, day and id of activity *activity_id* (live or not) in a keyed order."""
    if keyed == NOTE:
        query = "SELECT note, date, id FROM activity WHERE id = ?"
        found = raw.exec_driver_sql(query, (activity_id,)).one_or_none()
    else:
        query = (
            "SELECT (SELECT coalesce(sum(v.value), 0) FROM sort_column_part p "
            "JOIN activity_value v ON v.activity_id = a.id AND v.indicator_code = p.indicator_code "
            "WHERE p.sort = ?), a.date, a.id FROM activity a WHERE a.id = ?"
        )
        found = raw.exec_driver_sql(query, (keyed, activity_id)).one_or_none()
    return None if found is None else _Position(found[0], str(found[1]), int(found[2]))


def _topic_position(
    session: Session, flt: ActivityFilter, catalog: Catalog, lang: Lang, activity_id: int
) -> _Position | None:
    """The rank (None: no topic), day and id of activity *activity_id* (live or not) in
    the topics order."""
    key = _sort_expression(session, flt, "topics", catalog, lang)
    found = session.execute(
        select(key, col(Activity.date), col(Activity.id)).where(col(Activity.id) == activity_id)
    ).one_or_none()
    return None if found is None else _Position(found[0], str(found[1]), int(found[2]))


class _KeyedWalk:
    """The rows of a keyed order in list order, a window at a time (:data:`KEY_WINDOW`).

    A count column's order is its keys by value (walked backwards, newest first, when
    descending; ascending, one value after another, each newest first) and the rows whose
    sum is zero (``ix_activity_live`` newest first, probing that the row has no count of
    the column): last when descending, first when ascending. The note's order is the
    notes (the same way, ``ix_activity_by_note``), then the rows without a note."""

    def __init__(
        self,
        raw: Any,
        flt: ActivityFilter,
        keyed: int | str,
        descending: bool,
        limit: int,
        *,
        fts: bool = False,
    ) -> None:
        self.raw = raw
        self.flt = flt
        self.keyed = keyed
        self.note = keyed == NOTE
        self.rest: Any = "" if self.note else 0  # no note; a zero sum
        self.descending = descending
        self.limit = limit
        self.found = array("q")
        self.read = 0
        self.window = limit + 1
        self.words = search.terms(fold(flt.search))
        self.matching = None  # the FTS query the candidates' ids are looked up in
        self.budget = KEY_BUDGET
        self.cap = KEY_WINDOW
        if fts and self.words:
            self.matching = search.match_expression(self.words)
            self.words = []
            self.window = max(self.window, FTS_WINDOW)
            self.budget = FTS_BUDGET
            self.cap = FTS_WINDOW_CAP
        self.pattern = search.phrase_pattern(self.words) if self.words else None
        self.topic_keyed = bool(flt.topic_code) and topic_keys.has_keys(raw)

    def run(self, position: _Position | None) -> array[int] | None:
        """The page, or None when :data:`KEY_BUDGET` rows were read before it was full."""
        for value, at in self._segments(position):
            done = self._segment(value, at)
            if done is not None:
                return self.found if done else None
        return self.found

    def _segments(self, position: _Position | None) -> Iterator[tuple[Any, tuple[Any, ...] | None]]:
        """(value, where to start) of each segment in list order from *position*: value
        None is every value walked backwards (descending), from (value, day, id); any other
        value is that value's rows, newest first, from (day, id)."""
        rest = self.rest
        inside = position is not None and position.value == rest
        at = None if position is None else (position.date, position.id)
        if not self.note and not self.descending:  # the zeros first, then the values
            if position is None or inside:
                yield rest, at
            value = None if position is None or inside else position.value
            if value is not None:
                yield value, at
            while (value := self._next_value(value)) is not None:
                yield value, None
            return
        if not inside:
            if self.descending:
                yield None, None if position is None else (position.value, *at)  # type: ignore[misc]
            else:
                value = None if position is None else position.value
                if value is not None:
                    yield value, at
                while (value := self._next_value(value)) is not None:
                    yield value, None
        yield rest, at if inside else None

    def _next_value(self, value: Any) -> Any:
        """The smallest key after *value* (None: the first), ascending."""
        if self.note:
            query = (
                "SELECT min(note) FROM activity INDEXED BY ix_activity_by_note "
                "WHERE commune_code = ? AND deleted_at IS NULL AND note > ?"
            )
            bound: Any = "" if value is None else value
            return self._rows(query, (self.flt.commune_code, bound))[0][0]
        query = (
            f"SELECT min(value) FROM {sort_keys.TABLE} "
            "WHERE sort = ? AND commune_code = ? AND value > ?"
        )
        bound = 0 if value is None else value
        return self._rows(query, (self.keyed, self.flt.commune_code, bound))[0][0]

    def _rows(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        """What SQLite answers (tests read the plan of every statement sent)."""
        return list(self.raw.exec_driver_sql(sql, params).fetchall())

    def _segment(self, value: Any, at: tuple[Any, ...] | None) -> bool | None:
        """Read one segment into :attr:`found`: True when the page is full, False when the
        budget is spent, None when the segment ended first.

        The filter's columns (campaign, village, team, form, days) are in every index
        read, SQLite skips the rows they leave out from the index alone (~0.1 µs a row);
        the rows a topic or a search must look at are counted against the budget."""
        on_activity = self.note or value == self.rest
        # a topic's zero sums: its own keys (store/topic_keys.py), where the date index
        # read every row of the other topics too, each probed for the topic (~1 s at a
        # million activities, the topic's rows one in twelve)
        by_topic = on_activity and not self.note and self.topic_keyed
        table = "a" if on_activity and not by_topic else "k"
        where, params = self._covered(table)
        candidate = f"{table}.{'id' if table == 'a' else 'activity_id'}"
        keep, keep_params = self._keeps(candidate, topic=not by_topic)
        # the zero sums: probed by SQLite, not counted against the budget (sorting the
        # filter's rows instead computes every row's sum, which costs more)
        zero = (
            f"NOT EXISTS (SELECT 1 FROM {sort_keys.PARTS_TABLE} p "
            f"CROSS JOIN activity_value v ON v.activity_id = {candidate} "
            "AND v.indicator_code = p.indicator_code WHERE p.sort = ? AND v.value > 0)"
        )
        if by_topic:
            joined = " CROSS JOIN activity a ON a.id = k.activity_id" if self.words else ""
            source = f"{topic_keys.TABLE} k{joined}"
            where = ["k.topic_code = ?", *where, zero]
            params = [self.flt.topic_code, *params, self.keyed]
            day, ident, key = "k.date", "k.activity_id", "NULL"
        elif on_activity:  # the activity table's own index
            index = "ix_activity_by_note" if self.note else self._zero_index()
            source = f"activity a INDEXED BY {index}"
            if self.note:
                where.append("a.note > ''" if value is None else "a.note = ?")
                params += [] if value is None else [value]
            else:
                where.append(zero)
                params.append(self.keyed)
            day, ident, key = "a.date", "a.id", "a.note"
        else:
            # the text of a search is the activity's (a topic is probed by the key's id)
            joined = " CROSS JOIN activity a ON a.id = k.activity_id" if self.words else ""
            source = f"{sort_keys.TABLE} k{joined}"
            where = ["k.sort = ?", *where]
            params = [self.keyed, *params]
            if value is not None:
                where.append("k.value = ?")
                params.append(value)
            day, ident, key = "k.date", "k.activity_id", "k.value"
        if value is None:
            order = f"{key} DESC, {day} DESC, {ident} DESC"
            if on_activity:  # the id is not next to the date in the note's index
                seek = (
                    f"({key}, {day}) <= (?, ?) AND NOT ({key} = ? AND {day} = ? AND {ident} >= ?)"
                )
            else:
                seek = f"({key}, {day}, {ident}) < (?, ?, ?)"
        else:
            order = f"{day} DESC, {ident} DESC"
            seek = f"{day} <= ? AND ({day} < ? OR {ident} < ?)"  # the day: the index's range
        head = (
            f"{self._head(ident, day, key if value is None else 'NULL', keep)} FROM {source} WHERE "
        )

        def window_sql(at: tuple[Any, ...] | None) -> tuple[str, tuple[Any, ...]]:
            conditions = " AND ".join([*where, *([seek] if at else [])])
            sought: tuple[Any, ...] = ()
            if at is not None and value is None:
                sought = (*at[:2], *at) if on_activity else at
            elif at is not None:
                sought = (at[0], at[0], at[1])
            texts = keep_params if self.words else []
            sql = f"{head}{conditions} ORDER BY {order}"
            return sql, (*keep_params, *texts, *params, *sought)

        return self._windows(window_sql, at, by_value=value is None)

    def _head(self, ident: str, day: str, key: str, keep: str) -> str:
        """The SELECT of a window's candidates: (id, day, key, kept, text to match)."""
        text_column = f"CASE WHEN {keep} THEN a.search_text END" if self.words else "NULL"
        return f"SELECT {ident}, {day}, {key}, CASE WHEN {keep} THEN 1 ELSE 0 END, {text_column}"

    def _windows(
        self,
        window_sql: Callable[[tuple[Any, ...] | None], tuple[str, tuple[Any, ...]]],
        at: tuple[Any, ...] | None,
        *,
        by_value: bool,
    ) -> bool | None:
        """Read a segment window after window from *at* (the SELECT of each:
        *window_sql(at)*) into :attr:`found`, as :meth:`_segment` says. *by_value*: the
        rows are in the key's order (the next window seeks from the key, day and id)."""
        while True:
            window = min(self.window, self.cap)
            sql, params = window_sql(at)
            rows = self._rows(f"{sql} LIMIT ?", (*params, window))
            for activity_id, _day, _value, kept, row_text in rows:
                if kept and self._matches(activity_id, row_text):
                    self.found.append(activity_id)
                    if len(self.found) >= self.limit:
                        return True
            self.read += len(rows)
            if len(rows) < window:
                return None
            if self.read >= self.budget:
                return False
            self.window *= KEY_GROWTH
            last = rows[-1]
            at = (last[2], last[1], last[0]) if by_value else (last[1], last[0])

    def _has_topic(self, ident: str) -> str:
        """The SQL test that the activity *ident* has the filter's topic."""
        return (
            f"EXISTS (SELECT 1 FROM activity_topic t WHERE t.activity_id = {ident} "
            "AND t.topic_code = ?)"
        )

    def _matches(self, _activity_id: int, row_text: str | None) -> bool:
        """Whether a row the SQL kept holds the search's phrase (when its text is tested)."""
        return self.pattern is None or self.pattern.search(row_text or "") is not None

    def _zero_index(self) -> str:
        """The index the zero sums are walked by: a chosen team's, village's or form's rows
        seek that index (the date index would be read whole to find them)."""
        flt = self.flt
        if flt.team_id is not None:
            return KEYSET_SORTS["team"][0]
        if flt.village_id is not None:
            return KEYSET_SORTS["village"][0]
        if flt.form_code:
            return KEYSET_SORTS["form"][0]
        return KEYSET_SORTS["date"][0]

    def _covered(self, table: str) -> tuple[list[str], list[Any]]:
        """The filter's conditions on the columns every index read holds."""
        flt = self.flt
        where = [f"{table}.commune_code = ?"]
        params: list[Any] = [flt.commune_code]
        if table == "a":
            where.append("a.deleted_at IS NULL")
        if flt.campaign_id is not None:
            where.append(f"{table}.campaign_id = ?")
            params.append(flt.campaign_id)
        if flt.village_id == WHOLE_COMMUNE:
            where.append(f"{table}.village_id IS NULL")
        elif flt.village_id is not None:
            where.append(f"{table}.village_id = ?")
            params.append(flt.village_id)
        if flt.team_id is not None:
            where.append(f"{table}.team_id = ?")
            params.append(flt.team_id)
        if flt.form_code:
            where.append(f"{table}.form_code = ?")
            params.append(flt.form_code)
        for bound, op in ((flt.start, ">="), (flt.end, "<=")):
            if bound is not None:
                where.append(f"{table}.date {op} ?")
                params.append(bound.isoformat())
        return where, params

    def _keeps(self, ident: str, *, topic: bool = True) -> tuple[str, list[Any]]:
        """The rest of the filter (topic, search) as an SQL test of a candidate row (the
        activity's id: *ident*; not *topic*: the rows read all have the filter's topic)."""
        flt = self.flt
        tests: list[str] = []
        params: list[Any] = []
        if flt.topic_code and topic:
            tests.append(self._has_topic(ident))
            params.append(flt.topic_code)
        for word in self.words:
            tests.append("instr(a.search_text, ?) > 0")
            params.append(word)
        if self.matching is not None:
            fts = search.FTS_TABLE
            tests.append(f"{ident} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)")
            params.append(self.matching)
        return (" AND ".join(tests) or "1"), params


class _TopicWalk(_KeyedWalk):
    """The rows of the topics order in list order, from their keys (store/topic_keys.py).

    Its segments, ascending (descending: the other way round), each newest first: the
    activities without a topic, those with a topic the catalog lacks (rank -1: the keys of
    those topics merged by SQLite), then each topic of the catalog in the order of its
    label. An activity is listed under the first of its topics in that order: a topic's
    keys are walked skipping an activity with a topic ranked before it (probed by SQLite
    in ``activity_topic``, not counted against the budget: at most the topic's keys).

    A topic or a search reads on longer than for a count column (:data:`TOPIC_ROWS_PER_MATCH`
    rows per match): SQLite sorting their matches by topic took 2.5-4 s for a topic's
    83,000 rows at a million activities (~40 µs a row), a row read here costs 3-10 µs
    (the other campaigns' rows, with topics the catalog lacks, come early ascending and
    hardly match). A rarer search's FTS matches are gathered once a walk (not once a
    topic and window: ~0.2 s for "hop dan" at a million) and each candidate looked up
    among them in Python.
    """

    def __init__(
        self,
        raw: Any,
        flt: ActivityFilter,
        ranked: list[str],
        descending: bool,
        limit: int,
        *,
        fts: bool = False,
    ) -> None:
        super().__init__(raw, flt, TOPICS, descending, limit, fts=fts)
        self.ranked = ranked
        self.matched: set[int] | None = None
        if self.matching is not None:
            fts_table = search.FTS_TABLE
            query = f"SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?"
            self.matched = {row[0] for row in self._rows(query, (self.matching,))}
            self.matching = None  # not tested by SQLite
        bounds = [] if self.matched is None else [len(self.matched)]
        if flt.topic_code:  # counted up to where the budget is the largest (~10 ms)
            query = (
                f"SELECT count(*) FROM (SELECT 1 FROM {topic_keys.TABLE} WHERE commune_code = ? "
                "AND topic_code = ? LIMIT ?)"
            )
            most = FTS_BUDGET // TOPIC_ROWS_PER_MATCH
            bounds.append(self._rows(query, (flt.commune_code, flt.topic_code, most))[0][0])
        if self.words:
            bounds.append(DENSE_MATCHES)
        if bounds:
            self.budget = min(FTS_BUDGET, max(KEY_BUDGET, TOPIC_ROWS_PER_MATCH * min(bounds)))

    def _has_topic(self, ident: str) -> str:
        """The filter's topic looked up among its own keys, at the candidate key's day:
        walked newest first, the lookups stay in a few pages (those in ``activity_topic``
        go all over it: ~20 µs each at a million activities, the cache cold)."""
        return (
            f"EXISTS (SELECT 1 FROM {topic_keys.TABLE} t WHERE t.commune_code = k.commune_code "
            f"AND t.topic_code = ? AND t.date = k.date AND t.activity_id = {ident})"
        )

    def _matches(self, activity_id: int, row_text: str | None) -> bool:
        in_fts = self.matched is None or activity_id in self.matched
        return in_fts and super()._matches(activity_id, row_text)

    def run(self, position: _Position | None) -> array[int] | None:
        start = (
            None if position is None else _NO_TOPIC if position.value is None else position.value
        )
        for rank, codes, allowed in self._topic_segments():
            if start is not None and (rank < start if not self.descending else rank > start):
                continue  # before the last row loaded
            at = None
            if position is not None and rank == start:
                at = (position.date, position.id)
            start = None
            done = self._topic_segment(codes, allowed, at)
            if done is not None:
                return self.found if done else None
        return self.found

    def _topic_segments(self) -> list[tuple[int, list[str], list[str] | None]]:
        """(rank, its topics, the topics its activities may also have: None, any) of each
        segment the filter can show, in list order."""
        ranked = self.ranked
        unknown = [code for code in self._present() if code not in set(ranked)]
        found: list[tuple[int, list[str], list[str] | None]] = [
            (_NO_TOPIC, [topic_keys.NO_TOPIC], None),
            *([(-1, unknown, None)] if unknown else []),
            *((rank, [code], ranked[rank:]) for rank, code in enumerate(ranked)),
        ]
        chosen = self.flt.topic_code
        if chosen:  # an activity with it is listed under it or a topic before it
            last = ranked.index(chosen) if chosen in ranked else -1
            found = [segment for segment in found if _NO_TOPIC < segment[0] <= last]
        return found[::-1] if self.descending else found

    def _present(self) -> list[str]:
        """The topics of the commune's keys (one seek each)."""
        query = (
            f"SELECT min(topic_code) FROM {topic_keys.TABLE} "
            "WHERE commune_code = ? AND topic_code > ?"
        )
        found: list[str] = []
        code = topic_keys.NO_TOPIC
        while (code := self._rows(query, (self.flt.commune_code, code))[0][0]) is not None:
            found.append(code)
        return found

    def _topic_segment(
        self, codes: list[str], allowed: list[str] | None, at: tuple[Any, ...] | None
    ) -> bool | None:
        """Read one segment (the keys of *codes*) into :attr:`found`, as :meth:`_segment`.
        Its windows start small again: a window's rows past the page cost their probes."""
        self.window, self.cap = self.limit - len(self.found) + 1, KEY_WINDOW
        where, params = self._covered("k")
        keep, keep_params = self._keeps("k.activity_id")
        if allowed is not None:  # not listed under a topic before: none outside *allowed*
            marks = ", ".join("?" * len(allowed))
            where.append(
                "NOT EXISTS (SELECT 1 FROM activity_topic o WHERE o.activity_id = k.activity_id "
                f"AND o.topic_code NOT IN ({marks}))"
            )
            params += allowed
        joined = " CROSS JOIN activity a ON a.id = k.activity_id" if self.words else ""
        head = self._head("k.activity_id", "k.date", "NULL", keep)
        source = f"{head} FROM {topic_keys.TABLE} k{joined} WHERE k.topic_code = ? AND "
        seek = "k.date <= ? AND (k.date < ? OR k.activity_id < ?)"
        texts = keep_params if self.words else []

        def window_sql(at: tuple[Any, ...] | None) -> tuple[str, tuple[Any, ...]]:
            # one SELECT per topic, merged by SQLite in the order of their index (UNION: an
            # activity with two of them is read once)
            conditions = " AND ".join([*where, *([seek] if at else [])])
            sought = () if at is None else (at[0], at[0], at[1])
            arm = (*keep_params, *texts)
            sql = " UNION ".join(f"{source}{conditions}" for _code in codes)
            every = tuple(p for code in codes for p in (*arm, code, *params, *sought))
            return f"{sql} ORDER BY 2 DESC, 1 DESC", every

        return self._windows(window_sql, at, by_value=False)


TOPIC_ROWS_PER_MATCH = 20
_NO_TOPIC = -2  # the rank of the segment of the activities without a topic (SQLite's NULL)
