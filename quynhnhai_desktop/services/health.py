"""`quynhnhai check`: is the database sound, at the right schema, and what does it hold?"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import func, select

from quynhnhai_desktop.store import migrate
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.engine import integrity_check
from quynhnhai_desktop.store.models import Activity, Profile, Team, Venue, Village


@dataclass(frozen=True)
class HealthReport:
    problems: list[str]
    schema_revision: str | None
    schema_head: str
    counts: dict[str, int] = field(default_factory=dict)
    unit: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and self.schema_revision == self.schema_head


def check(db: Database) -> HealthReport:
    """Full integrity and foreign-key check, schema revision, and row counts."""
    problems = integrity_check(db.engine)
    with db.session() as session:
        profile = session.get(Profile, 1)
        counts = {
            "villages": session.exec(select(func.count()).select_from(Village)).one(),
            "teams": session.exec(select(func.count()).select_from(Team)).one(),
            "activities": session.exec(
                select(func.count()).select_from(Activity).where(Activity.deleted_at.is_(None))  # type: ignore[union-attr]
            ).one(),
            "venues": session.exec(select(func.count()).select_from(Venue)).one(),
        }
    return HealthReport(
        problems=problems,
        schema_revision=migrate.current_revision(db.engine),
        schema_head=migrate.head_revision(),
        counts=counts,
        unit=f"{profile.unit_kind} {profile.unit_name} ({profile.unit_code})" if profile else None,
    )
