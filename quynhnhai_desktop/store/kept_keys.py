"""What the key tables SQLite triggers keep share (store/sort_keys.py, store/topic_keys.py):
made in one statement around a bulk insert instead of by a trigger per row, their
triggers dropped while migrations run and made again after, rebuilt by ``check --full``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, text


@dataclass(frozen=True)
class KeptKeys:
    """A key table: its name, its CREATE statements (tables and triggers), the names of
    its triggers and of those an insert fires, *fill*: the INSERT of the keys of the rows
    a further WHERE (``" AND …"``, or "") keeps, *rows*: the SELECT of every key as the
    rows say it, in the order of *columns*, the first *primary* of them the table's
    primary key."""

    table: str
    statements: tuple[str, ...]
    triggers: tuple[str, ...]
    insert_triggers: tuple[str, ...]
    fill: Callable[[str], str]
    rows: str
    columns: tuple[str, ...]
    primary: int

    def exists(self, connection: Connection) -> bool:
        found = connection.execute(
            text("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :name"),
            {"name": self.table},
        ).scalar()
        return bool(found)

    @contextmanager
    def inserting(self, connection: Connection, first_id: int, last_id: int) -> Iterator[None]:
        """Around a bulk insert of the activities *first_id*..*last_id* (and their rows of
        other tables) in the caller's transaction: their keys are made in one statement;
        the insert triggers are dropped and made again in the same transaction."""
        if not self.exists(connection):
            yield
            return
        for trigger in self.insert_triggers:
            connection.execute(text(f"DROP TRIGGER {trigger}"))
        yield
        connection.execute(
            text(self.fill(" AND a.id BETWEEN :first AND :last")),
            {"first": first_id, "last": last_id},
        )
        for trigger in self.insert_triggers:
            connection.execute(text(self._created(trigger)))

    def drop_triggers(self, connection: Connection) -> bool:
        """Before a migration: drop the triggers (a batch rebuild of ``activity`` renames
        it, which SQLite refuses while other tables' triggers name it). True: there were
        keys."""
        if not self.exists(connection):
            return False
        for trigger in self.triggers:
            connection.execute(text(f"DROP TRIGGER IF EXISTS {trigger}"))
        return True

    def restore_triggers(self, connection: Connection) -> None:
        """After a migration that ran with the triggers dropped: make them and the keys
        again."""
        for name in self.triggers:
            statement = self._created(name)
            connection.execute(
                text(statement.replace("CREATE TRIGGER ", "CREATE TRIGGER IF NOT EXISTS ", 1))
            )
        self.rebuild(connection)

    def rebuild(self, connection: Connection) -> None:
        """Make the keys again from the rows (in the caller's transaction)."""
        connection.execute(text(f"DELETE FROM {self.table}"))
        connection.execute(text(self.fill("")))

    def _created(self, name: str) -> str:
        return next(s for s in self.statements if s.startswith(f"CREATE TRIGGER {name} "))

    def mismatches(self, connection: Connection) -> int:
        """How many keys differ from what the rows say (0: the table is right): the rows'
        keys the table lacks, and as many more as it holds beyond the others (the rows'
        keys are distinct). One pass over the rows, each key looked up by the primary key:
        EXCEPT both ways sorted both sides (the topic keys: 201 s at a million activities,
        a fifth of it this way)."""
        key = " AND ".join(f"k.{name} = r.{name}" for name in self.columns[: self.primary])
        rest = "".join(f" AND k.{name} IS r.{name}" for name in self.columns[self.primary :])
        query = (
            f"WITH r({', '.join(self.columns)}) AS ({self.rows}) SELECT count(*), "
            f"coalesce(sum(NOT EXISTS (SELECT 1 FROM {self.table} k WHERE {key}{rest})), 0) "
            "FROM r"
        )
        found, missing = connection.execute(text(query)).one()
        held = connection.execute(text(f"SELECT count(*) FROM {self.table}")).scalar() or 0
        return int(missing) + int(held) - (int(found) - int(missing))
