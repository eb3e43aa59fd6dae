"""Small, readable activity data for tests: a few villages, and activities added by name."""

from __future__ import annotations

import datetime as dt

from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.services import activities, reference
from quynhnhai_desktop.store.database import Database

COMMUNE = "03703"
VILLAGES = ("Bản Nà", "Bản Nàng", "Bản Đán", "Bản Co Phường", "Bản Dũng")


def add_villages(db: Database, names: tuple[str, ...] = VILLAGES) -> dict[str, int]:
    with db.session() as session:
        return {name: reference.add_village(session, COMMUNE, name).id or 0 for name in names}


def team_id(db: Database, name: str) -> int:
    with db.read_session() as session:  # a read: may run inside another session's write
        team = reference.find_team(session, COMMUNE, name)
        assert team is not None, name
        return team.id or 0


def village_id(db: Database, name: str) -> int:
    with db.read_session() as session:  # a read: may run inside another session's write
        village = reference.find_village(session, COMMUNE, name)
        assert village is not None, name
        return village.id or 0


def _typical(form: str) -> dict[str, int]:
    """Counts that fit the form, for tests that do not care about them."""
    usual = {"sessions": 1, "people": 40, "households": 12, "minutes": 30, "news_items": 2}
    asked = first_campaign().form(form).indicators
    return {code: value for code, value in usual.items() if code in asked}


def draft(
    db: Database,
    day: str = "15/09/2021",
    *,
    village: str | None = "Bản Nà",
    team: str = "Đoàn Thanh niên",
    form: str = "direct",
    topics: tuple[str, ...] = ("bluezone",),
    note: str = "",
    **values: int,
) -> activities.ActivityDraft:
    return activities.ActivityDraft(
        date=dt.datetime.strptime(day, "%d/%m/%Y").date(),
        team_id=team_id(db, team),
        form_code=form,
        topics=topics,
        values=values or _typical(form),
        village_id=village_id(db, village) if village else None,
        note=note,
    )


def add(db: Database, day: str = "15/09/2021", **kwargs: object) -> int:
    """Record one activity through the service, as the dialog does; returns its id."""
    new = draft(db, day, **kwargs)  # type: ignore[arg-type]
    with db.session() as session:
        return activities.record(session, COMMUNE, new, first_campaign()).activity_id
