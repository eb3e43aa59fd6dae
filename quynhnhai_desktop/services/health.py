"""`quynhnhai check`: is the database sound, at the right schema, and what does it hold?"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection, text
from sqlmodel import func, select

from quynhnhai_desktop.store import migrate, month_sums, sort_keys, topic_keys
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.engine import DEFERRED
from quynhnhai_desktop.store.models import Activity, Profile, Team, Venue, Village


@dataclass(frozen=True)
class _Kept:
    """A table the triggers keep from the activities (a module of store/)."""

    has: Callable[[Connection], bool]
    mismatches: Callable[[Connection], int]
    rebuild: Callable[[Connection], None]


# What ``check --full`` compares with the rows and rebuilds when they differ, with the
# problem it then reports. At a million activities each comparison takes about a minute:
# the progress moves after each (the tables' integrity checks take the first share).
_DERIVED: tuple[tuple[_Kept, str], ...] = (
    (
        _Kept(month_sums.has_sums, month_sums.mismatches, month_sums.rebuild),
        "month sums differed from the activities: rebuilt",
    ),
    (
        _Kept(sort_keys.has_keys, sort_keys.mismatches, sort_keys.rebuild),
        "sort keys differed from the activities: rebuilt",
    ),
    (
        _Kept(topic_keys.has_keys, topic_keys.mismatches, topic_keys.rebuild),
        "topic sort keys differed from the activities: rebuilt",
    ),
)
TABLES_SHARE_FULL = 40


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


def check(
    db: Database, *, full: bool = False, progress: Callable[[int, int], None] | None = None
) -> HealthReport:
    """Integrity and foreign-key check, schema revision, and row counts.

    The quick check (SQLite's ``quick_check``: pages and b-trees, not whether every index
    entry matches its row) is what fits a clerk's patience at a million activities; *full*
    runs the full ``integrity_check`` and compares the month sums and the sort keys with the
    rows (store/month_sums.py, store/sort_keys.py, store/topic_keys.py), rebuilding them
    when they differ. Both go table by table, with *progress(done, total)* after each.
    """
    share = TABLES_SHARE_FULL if full else 90
    scaled = None if progress is None else lambda done, total: progress(done * share // 90, total)
    problems = table_checks(db, full=full, progress=scaled)
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
    if full:
        for done, (kept, rebuilt) in enumerate(_DERIVED, start=1):
            with db.session() as session:
                connection = session.connection()
                if kept.has(connection) and kept.mismatches(connection):
                    kept.rebuild(connection)
                    problems.append(rebuilt)
            if progress is not None:
                progress(TABLES_SHARE_FULL + done * (99 - TABLES_SHARE_FULL) // len(_DERIVED), 100)
    if progress is not None:
        progress(100, 100)
    return HealthReport(
        problems=problems,
        schema_revision=migrate.current_revision(db.engine),
        schema_head=migrate.head_revision(),
        counts=counts,
        unit=f"{profile.unit_kind} {profile.unit_name} ({profile.unit_code})" if profile else None,
    )


def table_checks(
    db: Database, *, full: bool, progress: Callable[[int, int], None] | None = None
) -> list[str]:
    """``quick_check`` or ``integrity_check`` of each table with its indexes, then the
    foreign keys; *progress* gets (tables done, tables + 1) out of 100."""
    pragma = "integrity_check" if full else "quick_check"
    problems: list[str] = []
    with db.engine.connect().execution_options(**DEFERRED) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            )
        ]
        steps = len(tables) + 1
        for done, name in enumerate(tables):
            quoted = name.replace('"', '""')
            found = [row[0] for row in conn.execute(text(f'PRAGMA {pragma}("{quoted}")'))]
            problems += [] if found == ["ok"] else found
            if progress is not None:
                progress(90 * (done + 1) // steps, 100)
        problems += [
            f"foreign key: {row[0]} row {row[1]} → {row[2]}"
            for row in conn.execute(text("PRAGMA foreign_key_check"))
        ]
    return problems
