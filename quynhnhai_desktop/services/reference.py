"""Villages and teams: the commune's own editable lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeVar, cast

from sqlmodel import Session, col, func, select

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.names import Found, choices, find, proper_case
from quynhnhai_desktop.domain.text import clean, fold, sort_key
from quynhnhai_desktop.store.models import Activity, Team, Venue, Village, utcnow

if TYPE_CHECKING:
    from quynhnhai_desktop.store.database import Database

ListItem = TypeVar("ListItem", Village, Team)
ListKind = Literal["village", "team"]  # which of the commune's two lists


def _checked_name(name: str) -> str:
    cleaned = clean(name)
    if not cleaned:
        raise UserError("reference", QT_TRANSLATE_NOOP("reference", "Enter a name."))
    return cleaned


def add_village(session: Session, commune_code: str, name: str) -> Village:
    """A new village; names are unique per commune, accents and case ignored."""
    return _add(
        session,
        Village,
        commune_code,
        name,
        QT_TRANSLATE_NOOP("reference", "The village “{name}” already exists."),
    )


def add_team(session: Session, commune_code: str, name: str) -> Team:
    """A new team (lực lượng); names are unique per commune, accents and case ignored."""
    return _add(
        session,
        Team,
        commune_code,
        name,
        QT_TRANSLATE_NOOP("reference", "The team “{name}” already exists."),
    )


def _add(
    session: Session, model: type[ListItem], commune_code: str, name: str, duplicate: str
) -> ListItem:
    cleaned = proper_case(_checked_name(name))  # "bản pá uôn" is "Bản Pá Uôn"
    existing = _find(session, model, commune_code, cleaned)
    if existing is not None:
        raise UserError("reference", duplicate, name=existing.name)
    item = model(
        commune_code=commune_code,
        name=cleaned,
        name_folded=fold(cleaned),
        sort_key=sort_key(cleaned),
    )
    session.add(item)
    session.flush()
    return item


def _find(session: Session, model: type[ListItem], commune_code: str, name: str) -> ListItem | None:
    return session.exec(
        select(model).where(model.commune_code == commune_code, model.name_folded == fold(name))
    ).first()


def match(items: Sequence[ListItem], name: str) -> Found[ListItem]:
    """The village or team *name* stands for, as a clerk writes it: the whole name or a
    part of it ("Pá Uôn" for "Bản Pá Uôn"), accents and case ignored (domain.names)."""
    return find(items, lambda item: (item.name,), name)


def ambiguous_name(name: str, found: Found[ListItem]) -> UserError:
    return UserError(
        "reference",
        QT_TRANSLATE_NOOP("reference", "“{name}” could be {choices}: write the full name."),
        name=name,
        choices=choices(item.name for item in found.candidates),
    )


def find_village(session: Session, commune_code: str, name: str) -> Village | None:
    return _find(session, Village, commune_code, name)


def find_team(session: Session, commune_code: str, name: str) -> Team | None:
    return _find(session, Team, commune_code, name)


def list_villages(
    session: Session, commune_code: str, *, active_only: bool = False
) -> list[Village]:
    query = select(Village).where(Village.commune_code == commune_code)
    if active_only:
        query = query.where(Village.active == True)  # noqa: E712 - SQL expression
    return list(session.exec(query.order_by(col(Village.sort_key))))


def list_teams(session: Session, commune_code: str, *, active_only: bool = False) -> list[Team]:
    query = select(Team).where(Team.commune_code == commune_code)
    if active_only:
        query = query.where(Team.active == True)  # noqa: E712 - SQL expression
    return list(session.exec(query.order_by(col(Team.sort_key))))


# -- renaming, deactivating, deleting ------------------------------------------------------

NamedModel = type[Village] | type[Team]


def _get(session: Session, model: NamedModel, item_id: int) -> Village | Team:
    item = cast("Village | Team | None", session.get(model, item_id))
    if item is None:
        raise UserError("reference", QT_TRANSLATE_NOOP("reference", "This entry no longer exists."))
    return item


def rename(session: Session, model: NamedModel, item_id: int, name: str) -> Village | Team:
    """Rename a village or team; the activities that name it are found under the new name.

    A change of case or accents only ("Ban Na" → "Bản Nà") is allowed; taking the name of
    another entry of the commune is not.
    """
    item = _get(session, model, item_id)
    cleaned = _checked_name(name)
    other = session.exec(
        select(col(model.name)).where(
            col(model.commune_code) == item.commune_code,
            col(model.name_folded) == fold(cleaned),
            col(model.id) != item_id,
        )
    ).first()
    if other is not None:
        template = (
            QT_TRANSLATE_NOOP("reference", "The village “{name}” already exists.")
            if model is Village
            else QT_TRANSLATE_NOOP("reference", "The team “{name}” already exists.")
        )
        raise UserError("reference", template, name=other)
    if cleaned == item.name:
        return item
    item.name, item.name_folded, item.sort_key = cleaned, fold(cleaned), sort_key(cleaned)
    item.updated_at = utcnow()
    session.add(item)
    session.flush()
    from quynhnhai_desktop.services.activities import refresh_search_text

    refresh_search_text(
        session,
        village_id=item_id if model is Village else None,
        team_id=item_id if model is Team else None,
    )
    return item


def set_active(session: Session, model: NamedModel, item_id: int, active: bool) -> None:
    """Deactivate (hidden from new entries, kept on old ones) or reactivate."""
    item = _get(session, model, item_id)
    item.active = active
    item.updated_at = utcnow()
    session.add(item)


def usage(session: Session, model: NamedModel, commune_code: str) -> dict[int, int]:
    """How many live activities name each entry (what Danh mục shows; a deleted activity
    still keeps its entry from being deleted, see :func:`delete_unused`)."""
    column = col(Activity.village_id) if model is Village else col(Activity.team_id)
    rows = session.execute(
        select(column, func.count())
        .where(
            col(Activity.commune_code) == commune_code,
            column.is_not(None),
            col(Activity.deleted_at).is_(None),
        )
        .group_by(column)
    )
    return {int(ident): int(n) for ident, n in rows}


def delete_unused(session: Session, model: NamedModel, item_id: int) -> None:
    """Delete an entry nothing points at (a typo just added); otherwise refuse and say why."""
    item = _get(session, model, item_id)
    column = col(Activity.village_id) if model is Village else col(Activity.team_id)
    used = session.execute(
        select(func.count()).select_from(Activity).where(column == item_id)
    ).scalar_one()
    if model is Village:
        used += session.execute(
            select(func.count()).select_from(Venue).where(col(Venue.village_id) == item_id)
        ).scalar_one()
    if used:
        raise UserError(
            "reference",
            QT_TRANSLATE_NOOP(
                "reference",
                "“{name}” is used by {count} record(s) and cannot be deleted. Deactivate it "
                "instead: it then disappears from new entries and stays on the old ones.",
            ),
            name=item.name,
            count=used,
        )
    session.delete(item)
    session.flush()


# -- what the screens call: one transaction each, plain data back ----------------------------


@dataclass(frozen=True)
class ListEntry:
    """A village or a team as a screen shows it."""

    id: int
    name: str
    active: bool
    used: int = 0  # live activities naming it (filled by :func:`entries` only)


def _model(kind: ListKind) -> NamedModel:
    return Village if kind == "village" else Team


def _entries(
    session: Session, kind: ListKind, commune_code: str, *, with_usage: bool
) -> list[ListEntry]:
    items: Sequence[Village | Team] = (
        list_villages(session, commune_code)
        if kind == "village"
        else list_teams(session, commune_code)
    )
    used = usage(session, _model(kind), commune_code) if with_usage else {}
    return [
        ListEntry(item.id or 0, item.name, item.active, used.get(item.id or 0, 0)) for item in items
    ]


def entries(
    db: Database, kind: ListKind, commune_code: str, *, counted: bool = True
) -> list[ListEntry]:
    """The commune's villages or teams in Vietnamese order (*counted*: with how many
    activities name each, as Danh mục shows)."""
    with db.read_session() as session:
        return _entries(session, kind, commune_code, with_usage=counted)


def add_entry(db: Database, kind: ListKind, commune_code: str, name: str) -> ListEntry:
    """Add a village or a team (refused, nothing written, when the name is taken)."""
    with db.session() as session:
        adder = add_village if kind == "village" else add_team
        item = adder(session, commune_code, name)
        return ListEntry(item.id or 0, item.name, item.active)


def rename_entry(db: Database, kind: ListKind, item_id: int, name: str) -> ListEntry:
    with db.session() as session:
        item = rename(session, _model(kind), item_id, name)
        return ListEntry(item.id or 0, item.name, item.active)


def set_entry_active(db: Database, kind: ListKind, item_id: int, active: bool) -> None:
    with db.session() as session:
        set_active(session, _model(kind), item_id, active)


def delete_entry(db: Database, kind: ListKind, item_id: int) -> None:
    with db.session() as session:
        delete_unused(session, _model(kind), item_id)
