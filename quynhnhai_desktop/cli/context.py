"""What every CLI command gets: paths, language, the database, and output helpers."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.errors import UserError

if TYPE_CHECKING:
    from quynhnhai_desktop.domain.periods import (
        Period,  # the store loads on first use (the GUI path never pays for it here)
    )
    from quynhnhai_desktop.instance import InstanceLock
    from quynhnhai_desktop.services.tabular import RowProblem
    from quynhnhai_desktop.store.database import Database

EXIT_OK, EXIT_USER_ERROR = 0, 1  # argparse ends a bad command line with 2


@dataclass
class CliContext:
    paths: AppPaths
    lang: i18n.Lang
    _db: Database | None = field(default=None, repr=False)
    _lock: InstanceLock | None = field(default=None, repr=False)
    _plain: sqlite3.Connection | None = field(default=None, repr=False)

    @classmethod
    def create(cls, data_dir: str | None, lang: str | None, *, verbose: bool = False) -> CliContext:
        from quynhnhai_desktop import logging_setup

        paths = AppPaths.resolve(data_dir)
        try:
            paths.ensure()
        except UserError:
            logging_setup.configure_fallback(verbose=verbose)  # the traceback still goes somewhere
            raise
        logging_setup.configure(paths.log_file, verbose=verbose)
        from quynhnhai_desktop.store.files import remove_leftovers

        remove_leftovers(paths.temp_folders)
        chosen: i18n.Lang = "en" if lang == "en" else "vi"
        return cls(paths=paths, lang=chosen)

    @property
    def db(self) -> Database:
        """The database, opened (and migrated) on first use."""
        if self._db is None:
            from quynhnhai_desktop.store.database import open_database
            from quynhnhai_desktop.store.engine import CLI_BUSY_TIMEOUT_MS

            self._db = open_database(
                self.paths.database_url,
                before_migrate=self._before_migrate,
                # A command trusts SQLite (it reports damage it meets): the whole-file quick
                # check runs when the window starts, and `check` runs the full one.
                check=False,
                busy_timeout_ms=CLI_BUSY_TIMEOUT_MS,  # a script waits for the window's save
            )
        return self._db

    def current_database(self) -> sqlite3.Connection | None:
        """The database for a command that only reads, through plain ``sqlite3`` (no ORM to
        import): after the same preflight, and only when its schema is current. None: use
        :attr:`db`, which creates or migrates it (with the lock and the backup)."""
        if self._plain is None:
            from quynhnhai_desktop.store.plain import open_current

            self._plain = open_current(self.paths.database)
        return self._plain

    def _before_migrate(self, current: str | None, head: str) -> None:
        """A schema upgrade needs the window closed, and a backup first."""
        from quynhnhai_desktop.services import backup

        self.exclusive()
        backup.migration_hook(self.paths)(current, head)

    def exclusive(self) -> None:
        """Take the instance lock until the command ends, or refuse: the window is open."""
        from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP
        from quynhnhai_desktop.instance import InstanceLock

        if self._lock is None:
            self._lock = InstanceLock(self.paths)
        if not self._lock.try_acquire():
            raise UserError(
                "cli",
                QT_TRANSLATE_NOOP(
                    "cli",
                    "The app window is open on this data folder ({folder}). Close it first, "
                    "then run the command again.",
                ),
                folder=str(self.paths.data_dir),
            )

    def close_db(self) -> None:
        if self._plain is not None:
            self._plain.close()
            self._plain = None
        if self._db is not None:
            self._db.close()
            self._db = None

    def out(self, text: str) -> None:
        print(text)

    def error(self, error: UserError) -> None:
        print(
            i18n.translate("cli", "Error: {message}").format(message=i18n.message(error)),
            file=sys.stderr,
        )

    def close(self) -> None:
        self.close_db()
        if self._lock is not None:
            self._lock.release()


def percent_printer(line: str, *, step: int = 10) -> Callable[[int, int], None]:
    """A progress callback printing *line* (with ``{percent}``) to stderr every *step* %:
    the output stays what scripts read, a clerk sees a long job move."""
    shown = [-step]

    def report(done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if percent >= shown[0] + step or (percent == 100 and shown[0] < 100):
            shown[0] = percent
            print(line.format(percent=percent), file=sys.stderr, flush=True)

    return report


def problem_lines(problems: Iterable[RowProblem]) -> list[str]:
    """A refused file's problems: one line per distinct problem with the rows it affects."""
    from quynhnhai_desktop.services.tabular import group_problems

    lines = []
    for group in group_problems(problems):
        if len(group.rows) == 1:
            template = i18n.translate("cli", "Row {rows}: {message}")
        else:
            template = i18n.translate("cli", "Rows {rows} ({count} rows): {message}")
        message = i18n.message(group.error)
        lines.append(template.format(rows=group.ranges, count=len(group.rows), message=message))
    return lines


def campaign_option(parser: argparse.ArgumentParser) -> None:
    """``--campaign ID``: without it, the only campaign running (else a list of them)."""
    parser.add_argument(
        "--campaign",
        metavar="ID",
        help=i18n.translate("cli", "The campaign (default: the only one running)"),
    )


def add_month_options(parser: argparse.ArgumentParser) -> None:
    """--month YYYY-MM and --rule calendar|statistical, for every command about a month."""
    parser.add_argument(
        "--month", required=True, metavar="YYYY-MM", help=i18n.translate("cli", "Which month")
    )
    parser.add_argument(
        "--rule",
        choices=("calendar", "statistical"),
        default="calendar",
        help=i18n.translate(
            "cli", "calendar: 1st to last day; statistical: 15th to 14th (Decree 09/2019)"
        ),
    )


def month_from(args: argparse.Namespace) -> Period:
    """The period named by :func:`add_month_options` (a clear error for a bad month)."""
    from quynhnhai_desktop.domain.periods import month_period, parse_month

    year, month = parse_month(args.month)
    return month_period(year, month, args.rule)
