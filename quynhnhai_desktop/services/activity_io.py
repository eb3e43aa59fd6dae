"""Activities in and out of spreadsheets (CSV or XLSX, through services.tabular).

One row per activity: ``date, village, team, form, topics, <one column per indicator>,
note``. Headers may be the codes, the Vietnamese or the English labels; ``topics`` holds
codes or labels separated by ``;``; an empty village means the whole commune.

Import is all-or-nothing: every row is checked first and every bad row is reported with
its number; nothing is written until the file is clean. Importing the same file again adds
nothing: each row's content key (services.activities.content_key) is compared with what is
already recorded, counting identical rows, so a file with two identical rows imports both
once. An export re-imports to the same activities, in this database (nothing added) or in
another one (the same rows).
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from sqlmodel import Session, col, func, select

from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.catalog import Catalog, Form
from quynhnhai_desktop.domain.dates import format_date, parse_count, parse_date
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.names import Found, choices, proper_case
from quynhnhai_desktop.domain.text import fold
from quynhnhai_desktop.services import activities, campaigns, reference
from quynhnhai_desktop.services.activity_queries import ActivityFilter, iter_rows
from quynhnhai_desktop.services.campaigns import campaign_for
from quynhnhai_desktop.services.profile import require_profile
from quynhnhai_desktop.services.tabular import (
    ImportRefused,
    ReadProgress,
    RowProblem,
    read_table,
    write_table,
)
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import Activity

log = logging.getLogger(__name__)

# Column code → the header written on export (Vietnamese, the administrative language)
# and the other headers accepted on import besides the code itself.
FIXED_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "date": ("Ngày", ("Ngày thực hiện", "Date")),
    "village": ("Bản", ("Thôn, bản", "Bản, tổ dân phố", "Village")),
    "team": ("Lực lượng", ("Lực lượng thực hiện", "Tổ, đội", "Team")),
    "form": ("Hình thức", ("Hình thức tuyên truyền", "Form")),
    "topics": ("Nội dung", ("Nội dung tuyên truyền", "Topics")),
    "note": ("Ghi chú", ("Note",)),
    # Optional: written when the installation has several campaigns. On import without a
    # campaign named, each row goes into the campaign its cell names (a file may mix them);
    # with one named, a row naming another is refused, not misfiled.
    "campaign": ("Đợt", ("Đợt tuyên truyền", "Campaign")),
}
WHOLE_COMMUNE_NAMES = ("toan xa", "ca xa", "whole commune")  # folded
TOPIC_SEPARATOR = ";"

Progress = Callable[[int, int], None]
_Found = TypeVar("_Found")  # what a cell's text reads as


def headers(catalog: Catalog) -> dict[str, str]:
    """Every accepted header → its column code."""
    found: dict[str, str] = {}
    for code, (label, aliases) in FIXED_COLUMNS.items():
        for name in (code, label, *aliases):
            found[name] = code
    for indicator in catalog.indicators:
        for name in (indicator.code, indicator.vi, indicator.en):
            found[name] = indicator.code
    return found


def export_header(catalog: Catalog, with_campaign: bool = False) -> list[str]:
    """The header row; with the campaign column last when *with_campaign*."""
    fixed = [FIXED_COLUMNS[code][0] for code in ("date", "village", "team", "form", "topics")]
    campaign = [FIXED_COLUMNS["campaign"][0]] if with_campaign else []
    return [*fixed, *(i.vi for i in catalog.indicators), FIXED_COLUMNS["note"][0], *campaign]


def names_campaign(text: str, catalog: Catalog) -> bool:
    """The cell *text* names *catalog*'s campaign (its id or title), or is blank."""
    if not text:
        return True
    wanted = {fold(catalog.id), *(fold(title) for title in catalog.title.values())}
    return fold(text) in wanted


@dataclass(frozen=True)
class Campaigns:
    """Which campaign the rows of a file go into: *default* for a row that names none
    (None when several run and none was named: such a row is refused), and the campaigns a
    row's "Đợt" cell may name (empty: every row is in *default*, a row naming another
    campaign is refused)."""

    default: Catalog | None
    per_row: tuple[Catalog, ...] = ()
    unnamed: UserError | None = None  # why there is no default

    def named(self, text: str) -> Catalog | None:
        """The campaign the cell *text* names (id or title), None when none does."""
        return next((c for c in self.per_row if fold(text) and names_campaign(text, c)), None)


def campaigns_for(db: Database, campaign_id: str | None = None) -> Campaigns:
    """With *campaign_id*: every row in it. Without: each row in the campaign its cell
    names, a row without one in the only running campaign."""
    if campaign_id:
        return Campaigns(campaign_for(db, campaign_id))
    with db.read_session() as session:
        every = tuple(campaigns.known(session))
        try:
            return Campaigns(campaigns.choose(session), every)
        except UserError as error:
            return Campaigns(None, every, error)


def _headers(choice: Campaigns) -> dict[str, str]:
    found: dict[str, str] = {}
    for catalog in (c for c in (choice.default, *choice.per_row) if c is not None):
        found = headers(catalog) | found  # a name two campaigns use reads as the first's
    return found


@dataclass
class ParsedRow:
    number: int
    village: str | None  # cleaned name; None = the whole commune
    team: str
    # The row as it is recorded: checked once, and recorded as is when *listed* (the
    # import creates a village or team not in the lists: the draft has no id for it yet,
    # team_id 0 or village_id None, and is made again with the new ids).
    draft: activities.ActivityDraft
    campaign: Catalog | None = None  # None: the campaign the file is imported into
    listed: bool = True  # its village and team are in the lists (the draft holds their ids)


@dataclass
class ImportPreview:
    """What a file would import: its good rows, its bad rows, the names it would create."""

    rows: list[ParsedRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    missing_villages: dict[str, list[int]] = field(default_factory=dict)  # name → rows
    missing_teams: dict[str, list[int]] = field(default_factory=dict)

    @property
    def has_missing(self) -> bool:
        return bool(self.missing_villages or self.missing_teams)


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int  # already recorded (the same file imported before)
    created_villages: tuple[str, ...] = ()
    created_teams: tuple[str, ...] = ()
    similar: int = 0  # added rows sharing date, team, form and village with a recorded one


def _row_error(number: int, template: str, **params: object) -> RowProblem:
    return RowProblem(number, UserError("activity_import", template, **params))


def _unknown(
    number: int, kind: str, text: str, found: Found[Any], items: Sequence[Any]
) -> RowProblem:
    """An unknown or ambiguous form or topic, with the labels to choose from."""
    if found.ambiguous:
        template = (
            QT_TRANSLATE_NOOP("activity_import", "The form “{text}” could be {choices}.")
            if kind == "form"
            else QT_TRANSLATE_NOOP("activity_import", "The topic “{text}” could be {choices}.")
        )
        return _row_error(
            number, template, text=text, choices=choices(i.vi for i in found.candidates)
        )
    template = (
        QT_TRANSLATE_NOOP("activity_import", "Unknown form “{text}”; write one of {choices}.")
        if kind == "form"
        else QT_TRANSLATE_NOOP("activity_import", "Unknown topic “{text}”; write one of {choices}.")
    )
    return _row_error(number, template, text=text, choices=choices(i.vi for i in items))


def preview(
    session: Session,
    commune_code: str,
    path: Path,
    catalog: Catalog | Campaigns,
    *,
    today: dt.date | None = None,
    progress: ReadProgress | None = None,
) -> ImportPreview:
    """Read and check *path* without writing anything (*progress*: rows read so far).

    *catalog* is the campaign every row goes into, or :class:`Campaigns` (a row's "Đợt"
    cell then names its own)."""
    choice = catalog if isinstance(catalog, Campaigns) else Campaigns(catalog)
    table = read_table(
        path, _headers(choice), required=("date", "team", "form", "topics"), progress=progress
    )
    if choice.default is None and "campaign" not in table.columns:
        assert choice.unnamed is not None
        raise choice.unnamed  # several campaigns run and the file names none
    # A row's names and its content cells are worked out once per distinct spelling: a file
    # names a few dozen villages and teams and a few hundred forms and topic lists in
    # thousands of rows (matching every cell anew was most of an import's time).
    names_of = _Names(
        reference.list_villages(session, commune_code), reference.list_teams(session, commune_code)
    )
    content_of = _Content(check_campaign=not choice.per_row)
    # The same holds for every cell a file repeats: dates and counts.
    day_of, count_of = _memo(parse_date), _memo(parse_count)
    counted_in: dict[str, frozenset[str]] = {}  # campaign → the indicators it counts
    today = today or clock.today()
    result = ImportPreview(problems=list(table.problems))
    # Unknown names by folded name: "Bản Mới" and "bản mới" are one village to create.
    missing_villages: dict[str, list[int]] = defaultdict(list)
    missing_teams: dict[str, list[int]] = defaultdict(list)
    spelling: dict[str, str] = {}
    indicator_columns = [c for c in table.columns if c not in FIXED_COLUMNS]
    for row in table.rows:
        cells, number = row.values, row.number
        problems: list[RowProblem] = []
        named = cells.get("campaign", "")
        row_catalog = choice.named(named) if named and choice.per_row else choice.default
        if row_catalog is None:
            problems.append(_campaign_problem(number, named, choice))
            result.problems += problems
            continue
        catalog = row_catalog
        day = day_of(cells.get("date", ""))
        if day is None:
            problems.append(
                _row_error(
                    number,
                    QT_TRANSLATE_NOOP(
                        "activity_import",
                        "The date “{text}” is not a date; write dd/mm/yyyy or yyyy-mm-dd.",
                    ),
                    text=cells.get("date", ""),
                )
            )
        names = names_of(cells.get("village", ""), cells.get("team", ""))
        content = content_of(catalog, named, cells.get("form", ""), cells.get("topics", ""))
        for make in (*names.problems, *content.problems):
            problems.append(make(number))
        for missing, to_create, prefix in (
            (names.missing_village, missing_villages, "v"),
            (names.missing_team, missing_teams, "t"),
        ):
            if missing is not None:
                spelling.setdefault(f"{prefix}:{missing[0]}", missing[1])
                to_create[missing[0]].append(number)
        form, topics = content.form, content.topics
        values: dict[str, int] = {}
        counted = counted_in.get(catalog.id)
        if counted is None:
            counted = counted_in[catalog.id] = frozenset(catalog.indicator_codes())
        for code in indicator_columns:
            cell = cells[code]
            if not cell:  # empty: no count
                continue
            if code not in counted:  # another campaign's column
                if count_of(cell):
                    problems.append(
                        _row_error(
                            number,
                            QT_TRANSLATE_NOOP(
                                "activity_import",
                                "The column “{column}” is not counted in the campaign "
                                "“{campaign}” of this row: leave it empty.",
                            ),
                            column=code,
                            campaign=catalog.title["vi"],
                        )
                    )
                continue
            value = count_of(cell)
            if value is None:
                problems.append(
                    _row_error(
                        number,
                        QT_TRANSLATE_NOOP(
                            "activity_import",
                            "“{indicator}”: “{text}” is not a whole number of 0 or more.",
                        ),
                        indicator=catalog.indicator(code).vi,
                        text=cell,
                    )
                )
            elif value:
                values[code] = value
        if day is not None and form is not None:
            draft = activities.ActivityDraft(
                date=day,
                team_id=names.team_id,
                form_code=form.code,
                topics=topics,
                values=values,
                village_id=names.village_id,
                note=cells.get("note", ""),
            )
            problems += [
                RowProblem(number, found.error)
                for found in activities.check(draft, catalog, today=today)
                if not (found.field == "topics" and content.unknown_topic)  # said already
            ]
        if problems:
            result.problems += problems
        else:
            result.rows.append(
                ParsedRow(
                    number=number,
                    village=names.village,
                    team=names.team,
                    draft=draft,
                    campaign=catalog if choice.per_row else None,
                    listed=names.listed,
                )
            )
    result.missing_villages = {spelling[f"v:{k}"]: rows for k, rows in missing_villages.items()}
    result.missing_teams = {spelling[f"t:{k}"]: rows for k, rows in missing_teams.items()}
    return result


RowProblemOf = Callable[[int], RowProblem]  # a problem, made for the row of that number


@dataclass(frozen=True)
class _RowNames:
    """What a row's village and team cells say: the names as listed and their ids, or
    the names to create (folded, as created), and the problems."""

    village: str | None  # None: the whole commune
    village_id: int | None
    team: str
    team_id: int  # 0: none yet
    missing_village: tuple[str, str] | None = None
    missing_team: tuple[str, str] | None = None
    problems: tuple[RowProblemOf, ...] = ()

    @property
    def listed(self) -> bool:
        return self.missing_village is None and self.missing_team is None


class _Names(dict[tuple[str, str], _RowNames]):
    """A row's names (``names(village, team)``), each pair of cells matched once."""

    def __init__(self, villages: Sequence[Any], teams: Sequence[Any]) -> None:
        super().__init__()
        self._village_of = _memo(lambda text: _spelled(reference.match(villages, text)))
        self._team_of = _memo(lambda text: _spelled(reference.match(teams, text)))

    def __call__(self, village: str, team: str) -> _RowNames:
        return self[village, team]

    def __missing__(self, key: tuple[str, str]) -> _RowNames:
        found = self[key] = self._names(*key)
        return found

    def _names(self, village: str, team: str) -> _RowNames:
        problems: list[RowProblemOf] = []
        village_name: str | None = village
        village_id: int | None = None
        missing_village = missing_team = None
        if not village or fold(village) in WHOLE_COMMUNE_NAMES:
            village_name = None
        elif (known_village := self._village_of(village))[1] is not None:
            village_name, village_id = known_village[1:]  # "Pá Uôn" is "Bản Pá Uôn"
        elif known_village[0].ambiguous:
            found = known_village[0]
            problems.append(lambda n: RowProblem(n, reference.ambiguous_name(village, found)))
        else:
            missing_village = (fold(village), proper_case(village))
        team_name, team_id = team, 0
        if not team:
            problems.append(
                lambda n: _row_error(n, QT_TRANSLATE_NOOP("activity_import", "The team is empty."))
            )
        elif (known_team := self._team_of(team))[1] is not None:
            team_name, team_id = known_team[1], known_team[2] or 0
        elif known_team[0].ambiguous:
            found_team = known_team[0]
            problems.append(lambda n: RowProblem(n, reference.ambiguous_name(team, found_team)))
        else:
            missing_team = (fold(team), proper_case(team))
        return _RowNames(
            village_name,
            village_id,
            team_name,
            team_id,
            missing_village,
            missing_team,
            tuple(problems),
        )


@dataclass(frozen=True)
class _RowContent:
    """What a row's form and topics cells say in its campaign, and the problems."""

    form: Form | None
    topics: tuple[str, ...]
    unknown_topic: bool
    problems: tuple[RowProblemOf, ...]


class _Content(dict[tuple[str, str, str, str], _RowContent]):
    """A row's form and topics (``content(catalog, named, form, topics)``; *named*: its
    "Đợt" cell, which must name *catalog* when *check_campaign*), worked out once per
    distinct campaign and cells."""

    def __init__(self, *, check_campaign: bool) -> None:
        super().__init__()
        self._check_campaign = check_campaign
        self._catalogs: dict[str, Catalog] = {}

    def __call__(self, catalog: Catalog, named: str, form: str, topics: str) -> _RowContent:
        self._catalogs.setdefault(catalog.id, catalog)
        return self[catalog.id, named, form, topics]

    def __missing__(self, key: tuple[str, str, str, str]) -> _RowContent:
        catalog_id, named, form_text, topics_text = key
        found = self[key] = self._content(self._catalogs[catalog_id], named, form_text, topics_text)
        return found

    def _content(
        self, catalog: Catalog, named: str, form_text: str, topics_text: str
    ) -> _RowContent:
        problems: list[RowProblemOf] = []
        found_form = catalog.found_form(form_text)
        if found_form.item is None:
            problems.append(lambda n: _unknown(n, "form", form_text, found_form, catalog.forms))
        topics: list[str] = []
        unknown_topic = False
        for text, found_topic in _topics_of(topics_text, catalog):
            if found_topic.item is None:
                unknown_topic = True
                problems.append(
                    partial(
                        _unknown, kind="topic", text=text, found=found_topic, items=catalog.topics
                    )
                )
            else:
                topics.append(found_topic.item.code)
        if self._check_campaign and not names_campaign(named, catalog):
            problems.append(
                lambda n: _row_error(
                    n,
                    QT_TRANSLATE_NOOP(
                        "activity_import",
                        "This row is of the campaign “{text}”, not of “{campaign}” being "
                        "imported into. Import each campaign's rows with its own --campaign.",
                    ),
                    text=named,
                    campaign=catalog.id,
                )
            )
        return _RowContent(found_form.item, tuple(topics), unknown_topic, tuple(problems))


def _spelled(found: Found[Any]) -> tuple[Found[Any], str | None, int | None]:
    """A village or team matched, with the list's own spelling of it and its id (None:
    not one)."""
    if found.item is None:
        return found, None, None
    return found, found.item.name, found.item.id


def _memo(work: Callable[[str], _Found]) -> Callable[[str], _Found]:
    """*work*, done once per distinct text (a file of thousands of rows repeats its cells);
    a text seen before costs one dictionary look-up."""
    return _Memo(work).__getitem__


class _Memo(dict[str, _Found]):
    def __init__(self, work: Callable[[str], _Found]) -> None:
        super().__init__()
        self._work = work

    def __missing__(self, text: str) -> _Found:
        found = self[text] = self._work(text)
        return found


def _topics_of(cell: str, catalog: Catalog) -> list[tuple[str, Found[Any]]]:
    """Each topic a cell names (its text, stripped) with what the catalog finds for it."""
    return [
        (text.strip(), catalog.found_topic(text))
        for text in cell.split(TOPIC_SEPARATOR)
        if text.strip()
    ]


def _campaign_problem(number: int, named: str, choice: Campaigns) -> RowProblem:
    """A row naming no campaign known here, or none when the file must name it."""
    known = "; ".join(f"{c.id} ({c.title['vi']})" for c in choice.per_row) or "—"
    if not named:
        return _row_error(
            number,
            QT_TRANSLATE_NOOP(
                "activity_import",
                "Several campaigns are running: write this row's campaign in the column "
                "“Đợt”. Campaigns: {known}.",
            ),
            known=known,
        )
    return _row_error(
        number,
        QT_TRANSLATE_NOOP(
            "activity_import",
            "There is no campaign “{text}”: write one of {known} in the column “Đợt”.",
        ),
        text=named,
        known=known,
    )


def _missing_problems(found: ImportPreview) -> list[RowProblem]:
    problems = []
    for name, rows in found.missing_villages.items():
        problems += [
            _row_error(
                number,
                QT_TRANSLATE_NOOP(
                    "activity_import",
                    "The village “{name}” is not in the list. Add it under Lists, or let the "
                    "import create it (--create-missing).",
                ),
                name=name,
            )
            for number in rows
        ]
    for name, rows in found.missing_teams.items():
        problems += [
            _row_error(
                number,
                QT_TRANSLATE_NOOP(
                    "activity_import",
                    "The team “{name}” is not in the list. Add it under Lists, or let the "
                    "import create it (--create-missing).",
                ),
                name=name,
            )
            for number in rows
        ]
    return problems


def preview_file(
    db: Database,
    path: Path,
    *,
    today: dt.date | None = None,
    progress: ReadProgress | None = None,
    campaign_id: str | None = None,
) -> ImportPreview:
    """:func:`preview` in its own read-only transaction (the GUI's first step)."""
    catalog = campaigns_for(db, campaign_id)
    with _collector_paused(), db.session() as session:
        commune = require_profile(session).unit_code
        return preview(session, commune, path, catalog, today=today, progress=progress)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a file is read and recorded (on again
    after, if it was on): a 10,000-row file makes ~200,000 objects that live until the
    end and hold no cycles (rows, drafts, their values), and the collector walked them
    over and over, ~85 ms of a 10,000-row import (app.run does the same at start-up).
    Memory is unchanged: what the import drops, reference counting frees at once."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def import_file(
    db: Database,
    path: Path,
    *,
    create_missing: bool = False,
    today: dt.date | None = None,
    progress: Progress | None = None,
    read_progress: ReadProgress | None = None,
    campaign_id: str | None = None,
) -> ImportResult:
    """Import *path* into the set-up commune's campaign *campaign_id*, all or nothing (one
    transaction). Without *campaign_id* each row goes into the campaign its "Đợt" cell
    names, a row without one (or a file without the column) into the only one running.

    Raises ImportRefused listing every bad row (unknown villages and teams are bad rows
    unless *create_missing*). *read_progress* hears the rows read so far; whatever it or
    *progress* raises (the window's Cancel) rolls everything back.
    """
    choice = campaigns_for(db, campaign_id)
    with _collector_paused(), db.session() as session:
        commune = require_profile(session).unit_code
        found = preview(session, commune, path, choice, today=today, progress=read_progress)
        problems = found.problems + ([] if create_missing else _missing_problems(found))
        if problems:
            problems.sort(key=lambda p: p.row)
            raise ImportRefused(problems)
        if progress:
            progress(0, len(found.rows))
        created_villages = tuple(
            reference.add_village(session, commune, name).name for name in found.missing_villages
        )
        created_teams = tuple(
            reference.add_team(session, commune, name).name for name in found.missing_teams
        )
        result = _record(session, commune, choice.default, found.rows)
        if progress:  # still inside the transaction: a cancel here writes nothing
            progress(len(found.rows), len(found.rows))
        log.info(
            "imported %s: %d added, %d already recorded", path.name, result.added, result.skipped
        )
        return ImportResult(
            added=result.added,
            skipped=result.skipped,
            created_villages=created_villages,
            created_teams=created_teams,
            similar=result.similar,
        )


def _record(
    session: Session, commune: str, catalog: Catalog | None, rows: list[ParsedRow]
) -> ImportResult:
    """Record *rows*, each in its own campaign (or *catalog*), skipping those recorded."""
    villages = {fold(v.name): v for v in reference.list_villages(session, commune)}
    teams = {fold(t.name): t for t in reference.list_teams(session, commune)}
    village_ids = {name: village.id for name, village in villages.items()}
    team_ids = {name: team.id or 0 for name, team in teams.items()}
    drafts: list[activities.ActivityDraft] = []
    of_row: list[Catalog] = []
    for row in rows:
        row_catalog = row.campaign or catalog
        assert row_catalog is not None  # preview refused a row without one
        of_row.append(row_catalog)
        drafts.append(row.draft if row.listed else _with_ids(row, village_ids, team_ids))
    if not drafts:
        return ImportResult(0, 0)
    first, last = min(d.date for d in drafts), max(d.date for d in drafts)
    live_in_range = (
        col(Activity.commune_code) == commune,
        col(Activity.deleted_at).is_(None),
        col(Activity.date) >= first,
        col(Activity.date) <= last,
    )
    content_keys = [activities.content_key(draft) for draft in drafts]
    recorded: dict[str, int] = {}
    similar_keys: set[tuple[Any, ...]] = set()
    # Nothing recorded in the file's days (a first import): nothing to compare with.
    if session.execute(select(col(Activity.id)).where(*live_in_range).limit(1)).first():
        recorded = _recorded(session, commune, content_keys)
        similar_keys = {
            tuple(row)
            for row in session.execute(
                select(
                    col(Activity.date),
                    col(Activity.team_id),
                    col(Activity.form_code),
                    col(Activity.village_id),
                )
                .where(*live_in_range)
                .distinct()
            )
        }
    seen: dict[str, int] = {}
    # Per campaign, in the file's order: the drafts with their search texts, and their keys.
    batches: dict[str, tuple[Catalog, list[tuple[activities.ActivityDraft, str]], list[str]]] = {}
    skipped = similar = 0
    names_by_id = {v.id: v.name for v in villages.values()}
    teams_by_id = {t.id: t.name for t in teams.values()}
    texts: dict[str, activities.SearchTexts] = {}  # by campaign
    for draft, row_catalog, key in zip(drafts, of_row, content_keys, strict=True):
        seen[key] = times = seen.get(key, 0) + 1
        if times <= recorded.get(key, 0):
            skipped += 1
            continue
        if (draft.date, draft.team_id, draft.form_code, draft.village_id) in similar_keys:
            similar += 1
        village_name = names_by_id.get(draft.village_id, "") if draft.village_id else ""
        text_of = texts.get(row_catalog.id) or texts.setdefault(
            row_catalog.id, activities.SearchTexts(row_catalog)
        )
        text = text_of(draft, village_name, teams_by_id[draft.team_id])
        _catalog, batch, keys = batches.setdefault(row_catalog.id, (row_catalog, [], []))
        batch.append((draft, text))
        keys.append(key)
    for row_catalog, batch, keys in batches.values():
        activities.record_many(session, commune, batch, row_catalog, keys=keys)
    added = sum(len(batch) for _c, batch, _k in batches.values())
    return ImportResult(added=added, skipped=skipped, similar=similar)


def _with_ids(
    row: ParsedRow, village_ids: dict[str, int | None], team_ids: dict[str, int]
) -> activities.ActivityDraft:
    """*row*'s draft with the ids of its village and team, one of which the import made."""
    return replace(
        row.draft,
        team_id=team_ids[fold(row.team)],
        village_id=village_ids[fold(row.village)] if row.village else None,
    )


def _recorded(session: Session, commune: str, keys: Sequence[str]) -> dict[str, int]:
    """How many live activities of *commune* have each of *keys*, looked up in the
    (commune, content key) index a few hundred keys at a time. A key holds its date, so
    these are the rows of the file's days: counted from those days' rows instead, a file
    of five years in 100,000 activities read them all (0.3-0.6 s; at a million, seconds)."""
    found: dict[str, int] = {}
    wanted = sorted(set(keys))
    for start in range(0, len(wanted), _KEYS_PER_QUERY):
        query = (
            select(col(Activity.content_key), func.count())
            .where(
                col(Activity.commune_code) == commune,
                col(Activity.content_key).in_(wanted[start : start + _KEYS_PER_QUERY]),
                col(Activity.deleted_at).is_(None),
            )
            .group_by(col(Activity.content_key))
        )
        found.update({key: count for key, count in session.execute(query)})
    return found


_KEYS_PER_QUERY = 500  # bound parameters of one look-up (SQLite allows 32,766)


def export_rows(
    session: Session,
    flt: ActivityFilter,
    catalog: Catalog,
    *,
    spreadsheet: bool,
    with_campaign: bool = False,
) -> Iterator[list[object]]:
    """Rows for :func:`tabular.write_table`: dates as real dates in XLSX, dd/mm/yyyy in CSV;
    0 for counts the form records, empty for those it does not; the campaign's id last
    when *with_campaign*."""
    campaign = [catalog.id] if with_campaign else []
    for row in iter_rows(session, flt, catalog):
        form = catalog.form(row.form_code)
        counts: list[object] = [
            row.values.get(i.code, 0) if i.code in form.indicators else ""
            for i in catalog.indicators
        ]
        yield [
            row.date if spreadsheet else format_date(row.date),
            row.village or "",
            row.team,
            form.vi,
            f"{TOPIC_SEPARATOR} ".join(
                catalog.topic(code).vi for code in _ordered(row.topics, catalog)
            ),
            *counts,
            row.note,
            *campaign,
        ]


def _ordered(codes: tuple[str, ...], catalog: Catalog) -> list[str]:
    """Topics in catalog order, so an export is the same whatever order they were saved in."""
    order = {topic.code: index for index, topic in enumerate(catalog.topics)}
    return sorted(codes, key=lambda code: order.get(code, len(order)))


def export_file(
    db: Database, path: Path, flt: ActivityFilter | None = None, campaign_id: str | None = None
) -> int:
    """Write the filtered activities (all of the commune's by default) to *path*.

    Returns the number of rows written. The file is replaced atomically.
    """
    catalog = campaign_for(db, campaign_id or (flt.campaign_id if flt else None))
    path = Path(path)
    with db.session() as session:
        commune = require_profile(session).unit_code
        flt = flt or ActivityFilter(commune)
        several = campaigns.scope(session, catalog) is not None
        if flt.campaign_id is None:
            flt = replace(flt, campaign_id=campaigns.scope(session, catalog))
        rows = export_rows(
            session,
            flt,
            catalog,
            spreadsheet=path.suffix.lower() == ".xlsx",
            with_campaign=several,
        )
        header = export_header(catalog, with_campaign=several)
        return write_table(path, header, rows)  # streamed, row by row
