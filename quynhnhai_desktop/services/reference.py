"""Villages and teams: the commune's own editable lists."""

from __future__ import annotations

from sqlmodel import Session, col, select

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.text import clean, fold, sort_key
from quynhnhai_desktop.store.models import Team, Village


def _checked_name(name: str) -> str:
    cleaned = clean(name)
    if not cleaned:
        raise UserError("reference", QT_TRANSLATE_NOOP("reference", "Enter a name."))
    return cleaned


def add_village(session: Session, commune_code: str, name: str) -> Village:
    """A new village; names are unique per commune, accents and case ignored."""
    cleaned = _checked_name(name)
    existing = find_village(session, commune_code, cleaned)
    if existing is not None:
        raise UserError(
            "reference",
            QT_TRANSLATE_NOOP("reference", "The village “{name}” already exists."),
            name=existing.name,
        )
    village = Village(
        commune_code=commune_code,
        name=cleaned,
        name_folded=fold(cleaned),
        sort_key=sort_key(cleaned),
    )
    session.add(village)
    session.flush()
    return village


def add_team(session: Session, commune_code: str, name: str) -> Team:
    cleaned = _checked_name(name)
    existing = find_team(session, commune_code, cleaned)
    if existing is not None:
        raise UserError(
            "reference",
            QT_TRANSLATE_NOOP("reference", "The team “{name}” already exists."),
            name=existing.name,
        )
    team = Team(
        commune_code=commune_code,
        name=cleaned,
        name_folded=fold(cleaned),
        sort_key=sort_key(cleaned),
    )
    session.add(team)
    session.flush()
    return team


def find_village(session: Session, commune_code: str, name: str) -> Village | None:
    return session.exec(
        select(Village).where(
            Village.commune_code == commune_code, Village.name_folded == fold(name)
        )
    ).first()


def find_team(session: Session, commune_code: str, name: str) -> Team | None:
    return session.exec(
        select(Team).where(Team.commune_code == commune_code, Team.name_folded == fold(name))
    ).first()


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
