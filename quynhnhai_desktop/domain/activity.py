"""An outreach activity as a value: its fields, the catalog's rules, and its identity.

Pure Python (no database): the entry dialog, the spreadsheet import and the services all
check a draft the same way. Problems name the field they belong to, so the dialog can show
each message beside its field.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.campaign import Campaign, Plausibility
from quynhnhai_desktop.domain.catalog import Catalog
from quynhnhai_desktop.domain.dates import format_date
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.limits import (
    FIRST_DAY,
    MAX_COUNT,
    control_error,
    count_error,
    count_ok,
    first_control,
)
from quynhnhai_desktop.domain.text import clean, fold

EARLIEST_DATE = FIRST_DAY
NOTE_MAX = 2000  # the package's ActivityRow.note


@dataclass(frozen=True)
class ActivityDraft:
    """What the entry dialog or an import row holds before it is saved."""

    date: dt.date
    team_id: int
    form_code: str
    topics: tuple[str, ...]
    values: Mapping[str, int] = field(default_factory=dict)
    village_id: int | None = None  # None: the whole commune
    note: str = ""


@dataclass(frozen=True)
class FieldProblem:
    """A message about one field: ``date``, ``village``, ``team``, ``form``, ``topics``,
    ``note``, ``value:<indicator code>``, or ``""`` for the activity as a whole."""

    field: str
    error: UserError


def _problem(field_name: str, template: str, **params: object) -> FieldProblem:
    return FieldProblem(field_name, UserError("activities", template, **params))


def check(
    draft: ActivityDraft, catalog: Catalog, *, today: dt.date | None = None
) -> list[FieldProblem]:
    """Everything wrong with *draft* by the catalog's rules (empty when it can be saved)."""
    today = today or clock.today()
    problems: list[FieldProblem] = []
    if draft.date > today or draft.date < EARLIEST_DATE:
        problems.append(
            _problem(
                "date",
                QT_TRANSLATE_NOOP("activities", "The date must be between {first} and today."),
                first=format_date(EARLIEST_DATE),
            )
        )
    form = None
    try:
        form = catalog.form(draft.form_code)
    except KeyError:
        problems.append(
            _problem(
                "form",
                QT_TRANSLATE_NOOP("activities", "Unknown form {code}."),
                code=draft.form_code,
            )
        )
    if not draft.topics:
        problems.append(
            _problem("topics", QT_TRANSLATE_NOOP("activities", "Choose at least one topic."))
        )
    known = catalog.plain_codes("topics")
    for topic in draft.topics:
        if topic not in known and catalog.find_topic(topic) is None:
            problems.append(
                _problem(
                    "topics", QT_TRANSLATE_NOOP("activities", "Unknown topic {code}."), code=topic
                )
            )
    # The usual count, checked in one step: a code of the form's own, within the bounds.
    usual = catalog.plain_codes("indicators", form.indicators) if form else frozenset()
    for code, value in draft.values.items():
        if code in usual and 0 <= value <= MAX_COUNT:
            continue
        indicator = catalog.find_indicator(code)
        if indicator is None:
            problems.append(
                _problem(
                    f"value:{code}",
                    QT_TRANSLATE_NOOP("activities", "Unknown indicator {code}."),
                    code=code,
                )
            )
        elif value < 0:
            problems.append(
                _problem(
                    f"value:{code}",
                    QT_TRANSLATE_NOOP("activities", "“{indicator}” cannot be negative."),
                    indicator=indicator.vi,
                )
            )
        elif not count_ok(value):
            problems.append(FieldProblem(f"value:{code}", count_error(value)))
        elif value and form is not None and code not in form.indicators:
            problems.append(
                _problem(
                    f"value:{code}",
                    QT_TRANSLATE_NOOP(
                        "activities", "The form “{form}” does not record “{indicator}”."
                    ),
                    form=form.vi,
                    indicator=indicator.vi,
                )
            )
    note = clean(draft.note)
    control = first_control(note)
    if control is not None:
        problems.append(FieldProblem("note", control_error("Ghi chú", control)))
    if len(note) > NOTE_MAX:
        problems.append(
            _problem(
                "note",
                QT_TRANSLATE_NOOP("activities", "The note is too long (at most {max} characters)."),
                max=NOTE_MAX,
            )
        )
    return problems


def validate(draft: ActivityDraft, catalog: Catalog, *, today: dt.date | None = None) -> None:
    """Raise UserError for the first thing wrong with *draft* (the catalog's rules)."""
    problems = check(draft, catalog, today=today)
    if problems:
        raise problems[0].error


def implausible(draft: ActivityDraft, catalog: Catalog) -> list[FieldProblem]:
    """Counts that are allowed but unlikely: worth a second look, never a refusal.

    The limits are the campaign's (a plain catalog has none but "no counts at all")."""
    values = draft.values
    warnings: list[FieldProblem] = []
    limits = catalog.plausibility if isinstance(catalog, Campaign) else Plausibility()
    people = values.get(limits.people, 0) if limits.people else 0
    households = values.get(limits.households, 0) if limits.households else 0
    if people and households > people:
        warnings.append(
            _problem(
                f"value:{limits.households}",
                QT_TRANSLATE_NOOP(
                    "activities",
                    "More households ({households}) than people ({people}): check the counts.",
                ),
                households=households,
                people=people,
            )
        )
    for code in limits.per_person:
        if people and values.get(code, 0) > people:
            warnings.append(
                _problem(
                    f"value:{code}",
                    QT_TRANSLATE_NOOP(
                        "activities",
                        "“{indicator}” ({value}) is more than the people reached ({people}).",
                    ),
                    indicator=catalog.indicator(code).vi,
                    value=values[code],
                    people=people,
                )
            )
    for code, value in values.items():
        limit = limits.maximum.get(code)
        if limit is not None and value > limit:
            warnings.append(
                _problem(
                    f"value:{code}",
                    QT_TRANSLATE_NOOP(
                        "activities",
                        "“{indicator}” = {value} is unusually large for one activity.",
                    ),
                    indicator=catalog.indicator(code).vi,
                    value=value,
                )
            )
    if not any(values.values()):
        warnings.append(
            _problem("", QT_TRANSLATE_NOOP("activities", "No counts entered for this activity."))
        )
    return warnings


def content_key(draft: ActivityDraft) -> str:
    """What makes two activities the same record: SHA-256 of date, village, team, form,
    topics (as a set), the non-zero counts and the note.

    An import skips a row whose key is already recorded, so importing a file twice, or
    re-importing an export, adds nothing. Identical rows within one file are counted: the
    second of two identical rows is skipped only when two are already recorded.
    """
    parts = (
        _day(draft.date),
        str(draft.village_id or ""),
        str(draft.team_id),
        draft.form_code,
        _topic_set(draft.topics),
        ",".join([_count(code, value) for code, value in sorted(draft.values.items()) if value]),
        clean(draft.note),
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


# The parts of a content key that an import's rows repeat (its days, topic sets and
# counts), each made once: half of a key's time, 10,000 keys a 10,000-row file.
@lru_cache(maxsize=8192, typed=True)  # a datetime is not its day
def _day(day: dt.date) -> str:
    return day.isoformat()


@lru_cache(maxsize=8192)
def _topic_set(topics: tuple[str, ...]) -> str:
    return ",".join(sorted(set(topics)))


@lru_cache(maxsize=65536, typed=True)  # True is not 1
def _count(code: str, value: int) -> str:
    return f"{code}={value}"


def search_text(draft: ActivityDraft, catalog: Catalog, village_name: str, team_name: str) -> str:
    """The folded text the search box matches: names, labels in both languages, the note."""
    return SearchTexts(catalog)(draft, village_name, team_name)


class SearchTexts:
    """:func:`search_text` for many drafts of one catalog (an import): the labels of each
    form and set of topics are looked up and folded once.

    The text is ``fold(" | ".join(parts))`` of the village, the team, the form's labels,
    the note and the topics' labels (the empty ones left out), folded a part at a time:
    folding works letter by letter, so the parts' folds joined are the whole text's fold
    (a part that folds to nothing leaves two spaces, joined again)."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        # (form, topics) → the form's folded labels, the topics'
        self._labels: dict[tuple[str, tuple[str, ...]], tuple[list[str], list[str]]] = {}

    def __call__(self, draft: ActivityDraft, village_name: str, team_name: str) -> str:
        key = (draft.form_code, draft.topics)
        labels = self._labels.get(key)
        if labels is None:
            labels = self._labels[key] = self._folded_labels(draft.form_code, draft.topics)
        form_labels, topic_labels = labels
        folded = [fold(part) for part in (village_name, team_name) if part]
        folded += form_labels
        note = clean(draft.note)
        if note:
            folded.append(fold(note))
        folded += topic_labels
        joined = " | ".join(folded)
        return joined if all(folded) else " ".join(joined.split())

    def _folded_labels(
        self, form_code: str, topics: tuple[str, ...]
    ) -> tuple[list[str], list[str]]:
        form = self._catalog.form(form_code)
        form_labels = [fold(label) for label in (form.vi, form.en) if label]
        topic_labels = []
        for code in topics:
            topic = self._catalog.topic(code)
            topic_labels += [fold(label) for label in (topic.vi, topic.en) if label]
        return form_labels, topic_labels
