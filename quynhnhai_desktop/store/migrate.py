"""Schema migrations with Alembic, driven from code (the scripts ship inside the package).

A new database is created by running every migration, so a fresh install and an upgraded
one have the same schema by construction. Alembic itself is imported only when there is
something to migrate: importing it costs ~0.1 s of every start-up, and most starts find
the schema at :data:`HEAD` (a test checks that it names Alembic's head). SQLAlchemy is
imported inside the functions too: :data:`HEAD` is what a command compares without the ORM
(:mod:`store.plain`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection, Engine

log = logging.getLogger(__name__)

# The newest revision in migrations/versions; update it with every new migration.
HEAD = "0021_topic_keys"
VERSION_TABLE = "alembic_version"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """Alembic's own idea of the head (reads every script; use :data:`HEAD` at start-up)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migrations shipped"
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at; None for a brand-new file."""
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


class DatabaseTooNew(UserError):
    """The database was written by a newer version of the app: never touch it."""


def check_not_newer(engine: Engine) -> None:
    revision = current_revision(engine)
    if revision is not None and revision not in known_revisions():
        raise DatabaseTooNew(
            "store",
            QT_TRANSLATE_NOOP(
                "store",
                "This database was made by a newer version of the app (schema {revision}). "
                "Install the newer version; the data has not been touched.",
            ),
            revision=revision,
        )


def upgrade(engine: Engine, *, before: Callable[[str | None, str], None] | None = None) -> bool:
    """Bring the schema to head. Returns True when anything ran.

    *before(current, head)* runs first when an upgrade is due (the backup hook), but not
    for a brand-new empty database.
    """
    current = current_revision(engine)
    if current == HEAD:
        return False
    check_not_newer(engine)
    head = head_revision()
    if before is not None and current is not None:
        before(current, head)
    log.info("migrating database from %s to %s", current, head)
    from alembic import command

    from quynhnhai_desktop.store import month_sums, sort_keys, topic_keys

    config = alembic_config()
    with engine.connect() as conn:
        # Batch mode rebuilds a table (copy, DROP, rename); with foreign keys on, the DROP
        # cascades and silently empties child tables (activity → activity_topic). SQLite
        # only honours this PRAGMA outside a transaction, hence the raw DBAPI connection
        # before SQLAlchemy begins one; the keys are checked before the upgrade commits.
        _set_foreign_keys(conn, on=False)
        try:
            with conn.begin():
                broken_before = _broken_foreign_keys(conn)
                config.attributes["connection"] = conn
                had_sums = month_sums.drop_triggers(conn)
                had_keys = sort_keys.drop_triggers(conn)
                had_topic_keys = topic_keys.drop_triggers(conn)
                command.upgrade(config, "head")
                if had_sums:
                    month_sums.restore_triggers(conn)
                if had_keys:
                    sort_keys.restore_triggers(conn)
                if had_topic_keys:
                    topic_keys.restore_triggers(conn)
                _raise_if_more_broken(conn, broken_before)
        finally:
            _set_foreign_keys(conn, on=True)
    return True


def _set_foreign_keys(conn: Connection, *, on: bool) -> None:
    if conn.dialect.name == "sqlite":
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def _broken_foreign_keys(conn: Connection) -> int:
    if conn.dialect.name != "sqlite":
        return 0
    return len(conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall())


def _raise_if_more_broken(conn: Connection, before: int) -> None:
    """A migration that leaves dangling references is rolled back, not committed.

    Only references the migration broke count: old damage must not make a database
    unopenable after an update (``quynhnhai check`` reports it).
    """
    after = _broken_foreign_keys(conn)
    if after > before:
        raise RuntimeError(f"migration broke {after - before} foreign key references")
