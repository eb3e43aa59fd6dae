"""Named settings kept in the database, so the GUI and the CLI read the same values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlmodel import Session

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.store.models import Setting

if TYPE_CHECKING:
    from quynhnhai_desktop.store.database import Database

DEADLINE_DAYS = "report_deadline_days"
DEFAULT_DEADLINE_DAYS = 5
LANGUAGE = "ui_language"
LANGUAGES = ("vi", "en")


def get(session: Session, key: str, default: str) -> str:
    row = session.get(Setting, key)
    return row.value if row is not None else default


def put(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key) or Setting(key=key, value=value)
    row.value = value
    session.add(row)


def deadline_days(session: Session) -> int:
    """Days after a period ends by which its report is due (received on time)."""
    return int(get(session, DEADLINE_DAYS, str(DEFAULT_DEADLINE_DAYS)))


def set_deadline_days(session: Session, days: int) -> None:
    if not 0 <= days <= 60:
        raise UserError(
            "settings", QT_TRANSLATE_NOOP("settings", "The deadline must be 0 to 60 days.")
        )
    put(session, DEADLINE_DAYS, str(days))


def deadline(db: Database) -> int:
    """:func:`deadline_days` in its own read transaction (for the screens)."""
    with db.read_session() as session:
        return deadline_days(session)


def set_deadline(db: Database, days: int) -> None:
    """:func:`set_deadline_days` in its own transaction; refused days change nothing."""
    with db.session() as session:
        set_deadline_days(session, days)


def language(db: Database) -> str:
    """The interface language the clerk chose ("vi" or "en"); "" if never chosen."""
    with db.read_session() as session:
        saved = get(session, LANGUAGE, "")
    return saved if saved in LANGUAGES else ""


def set_language(db: Database, lang: str) -> None:
    """Remember the interface language (its own transaction)."""
    if lang not in LANGUAGES:
        raise UserError(
            "settings", QT_TRANSLATE_NOOP("settings", "Unknown language: {lang}."), lang=lang
        )
    with db.session() as session:
        put(session, LANGUAGE, lang)
