"""Recording outreach activities: validation against the catalog, and durable saves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import insert
from sqlmodel import Session, col

from quynhnhai_desktop.domain.catalog import Catalog
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.text import clean, fold
from quynhnhai_desktop.store.models import (
    Activity,
    ActivityTopic,
    ActivityValue,
    new_uuid,
    utcnow,
)

EARLIEST_DATE = dt.date(2020, 1, 1)


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


def validate(draft: ActivityDraft, catalog: Catalog, *, today: dt.date | None = None) -> None:
    """Raise UserError for the first thing wrong with *draft* (the catalog's rules)."""
    today = today or dt.date.today()
    if draft.date > today or draft.date < EARLIEST_DATE:
        raise UserError(
            "activities",
            QT_TRANSLATE_NOOP("activities", "The date must be between {first} and today."),
            first=EARLIEST_DATE.strftime("%d/%m/%Y"),
        )
    try:
        form = catalog.form(draft.form_code)
    except KeyError:
        raise UserError(
            "activities",
            QT_TRANSLATE_NOOP("activities", "Unknown form {code}."),
            code=draft.form_code,
        ) from None
    if not draft.topics:
        raise UserError("activities", QT_TRANSLATE_NOOP("activities", "Choose at least one topic."))
    for topic in draft.topics:
        try:
            catalog.topic(topic)
        except KeyError:
            raise UserError(
                "activities", QT_TRANSLATE_NOOP("activities", "Unknown topic {code}."), code=topic
            ) from None
    for code, value in draft.values.items():
        indicator = catalog.find_indicator(code)
        if indicator is None:
            raise UserError(
                "activities",
                QT_TRANSLATE_NOOP("activities", "Unknown indicator {code}."),
                code=code,
            )
        if value < 0:
            raise UserError(
                "activities",
                QT_TRANSLATE_NOOP("activities", "“{indicator}” cannot be negative."),
                indicator=indicator.vi,
            )
        if value and code not in form.indicators:
            raise UserError(
                "activities",
                QT_TRANSLATE_NOOP("activities", "The form “{form}” does not record “{indicator}”."),
                form=form.vi,
                indicator=indicator.vi,
            )


def search_text(draft: ActivityDraft, catalog: Catalog, village_name: str, team_name: str) -> str:
    """The folded text the search box matches: names, labels in both languages, the note."""
    form = catalog.form(draft.form_code)
    parts = [village_name, team_name, form.vi, form.en, clean(draft.note)]
    for code in draft.topics:
        topic = catalog.topic(code)
        parts += [topic.vi, topic.en]
    return fold(" | ".join(p for p in parts if p))


def record_many(
    session: Session,
    commune_code: str,
    drafts: Iterable[tuple[ActivityDraft, str]],
) -> list[int]:
    """Insert validated drafts (each with its search text) with Core bulk inserts.

    The caller's session transaction makes the batch all-or-nothing. Returns the new ids in
    the order of *drafts*.
    """
    batch = list(drafts)
    if not batch:
        return []
    now = utcnow()
    rows = [
        {
            "uuid": new_uuid(),
            "commune_code": commune_code,
            "date": draft.date,
            "village_id": draft.village_id,
            "team_id": draft.team_id,
            "form_code": draft.form_code,
            "note": clean(draft.note),
            "search_text": text,
            "created_at": now,
            "updated_at": now,
        }
        for draft, text in batch
    ]
    # One multi-row INSERT … RETURNING (SQLAlchemy's insertmanyvalues), in parameter order.
    result = session.execute(
        insert(Activity).returning(col(Activity.id), sort_by_parameter_order=True), rows
    )
    ids = [row[0] for row in result]
    topic_rows = [
        {"activity_id": activity_id, "topic_code": topic}
        for activity_id, (draft, _text) in zip(ids, batch, strict=True)
        for topic in dict.fromkeys(draft.topics)
    ]
    value_rows = [
        {"activity_id": activity_id, "indicator_code": code, "value": value}
        for activity_id, (draft, _text) in zip(ids, batch, strict=True)
        for code, value in draft.values.items()
        if value
    ]
    session.execute(insert(ActivityTopic), topic_rows)
    if value_rows:
        session.execute(insert(ActivityValue), value_rows)
    return ids
