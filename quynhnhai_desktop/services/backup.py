"""Backups of the database: consistent copies, checked after writing, rotated; and restore.

A backup is made with SQLite's ``VACUUM INTO``: a consistent snapshot read inside one
transaction, even while the window keeps saving (a plain file copy of a live WAL database
can miss the last commits or catch a half-written page). The copy is written next to its
target under a temporary name, integrity-checked, fsynced and only then renamed, so a
pulled USB stick or a power cut never leaves a half backup under the real name.

Automatic backups live in the data folder's ``backups/`` with the time and kind in the
name; rotation keeps the newest of each of the last 7 days, 4 weeks and 12 months, and the
last 5 of each safety kind (before a migration, before a restore), whatever their age.

Restoring copies the chosen file to the data folder first (the stick can then be pulled),
checks that copy (a sound SQLite file, made by this app, at a schema this version can
migrate, with a set-up unit), backs the current database up, and swaps the files. The
caller closes its engines before the swap and reopens afterwards.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.store import migrate
from quynhnhai_desktop.store.engine import BUSY_TIMEOUT_MS
from quynhnhai_desktop.store.files import atomic_write_bytes, fsync_dir, fsync_file

log = logging.getLogger(__name__)

SUFFIX = ".sqlite3"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY, KEEP_SAFETY = 7, 4, 12, 5
# The tables every version of the schema has had: a file without them is not ours.
CORE_TABLES = frozenset({"profile", "village", "team", "activity"})
SQLITE_MAGIC = b"SQLite format 3\x00"
_NAME = re.compile(r"^quynhnhai-(\d{8}-\d{6})-([a-z-]+)" + re.escape(SUFFIX) + "$")


class Kind(StrEnum):
    """Why a backup in the backups folder was made (part of its file name)."""

    AUTO = "auto"  # at a clean exit, and once a day while the window runs
    MANUAL = "manual"  # `quynhnhai backup create` without --out
    BEFORE_MIGRATION = "before-migration"
    BEFORE_RESTORE = "before-restore"


ROUTINE_KINDS = frozenset({Kind.AUTO, Kind.MANUAL})
KIND_LABELS = {  # translated where shown: i18n.translate("backup", label)
    Kind.AUTO: QT_TRANSLATE_NOOP("backup", "automatic"),
    Kind.MANUAL: QT_TRANSLATE_NOOP("backup", "made on request"),
    Kind.BEFORE_MIGRATION: QT_TRANSLATE_NOOP("backup", "before a data upgrade"),
    Kind.BEFORE_RESTORE: QT_TRANSLATE_NOOP("backup", "before a restore"),
}


@dataclass(frozen=True)
class BackupFile:
    """One backup in the backups folder, known from its name alone (no need to open it)."""

    path: Path
    made_at: dt.datetime  # local time
    kind: Kind
    size: int


class BackupFailed(UserError):
    """The backup could not be written or did not check out; the database is untouched."""


class BackupRefused(UserError):
    """A file offered for restore is not a sound backup of ours; nothing was changed."""


# -- making backups ----------------------------------------------------------------------


def _connect(database: Path, mode: str) -> sqlite3.Connection:
    """A plain sqlite3 connection by URI, so a missing file is an error, never created."""
    uri = f"{database.resolve().as_uri()}?mode={mode}"
    return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)


def _integrity_problems(conn: sqlite3.Connection) -> list[str]:
    rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    return ([] if rows == ["ok"] else rows) + [f"foreign key: {row}" for row in broken]


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _stop_when(conn: sqlite3.Connection, should_stop: Callable[[], bool] | None) -> None:
    """SQLite asks *should_stop* every few thousand steps and aborts ("interrupted") on True."""
    if should_stop is not None:
        conn.set_progress_handler(lambda: 1 if should_stop() else 0, 20_000)


Progress = Callable[[int, int], None]  # (done, total): what a backup reports as it goes
COPY_STEP_PAGES = 4096  # 16 MB of 4 KB pages per step of the copy (a progress report each)
COPY_SHARE = 70  # of 100 progress units: the copy; the checks of the copy the rest


def _copy_checked(
    source: sqlite3.Connection,
    tmp: Path,
    progress: Progress | None,
    should_stop: Callable[[], bool] | None,
) -> list[str]:
    """Copy *source* page by page into *tmp* (SQLite's online backup: a consistent snapshot,
    with no index rebuilt, 1.8 s at 100,000 activities where VACUUM INTO took 4.0 s), then
    check the copy: quick check (the pages and b-trees; 1.1 s where the full check took
    3.7-6 s) and foreign keys. What the copy holds was the live database's, which the
    window checks at start and ``check --full`` checks whole."""

    def copied(_status: int, remaining: int, total: int) -> None:
        if should_stop is not None and should_stop():  # between two steps of the copy
            raise sqlite3.OperationalError("interrupted")
        if progress is not None and total:
            progress(COPY_SHARE * (total - remaining) // total, 100)

    target = sqlite3.connect(str(tmp), isolation_level=None)
    try:
        source.backup(target, pages=COPY_STEP_PAGES, progress=copied)
        # The pages carry the live database's WAL mode: a backup is one self-contained file.
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
    if progress is not None:
        progress(COPY_SHARE, 100)
    copy = _connect(tmp, "ro")
    _stop_when(copy, should_stop)
    try:
        rows = [row[0] for row in copy.execute("PRAGMA quick_check")]
        if progress is not None:
            progress(95, 100)
        broken = copy.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        copy.close()
    if progress is not None:
        progress(100, 100)
    return ([] if rows == ["ok"] else rows) + [f"foreign key: {row}" for row in broken]


def write_backup(
    database: Path,
    target: Path,
    progress: Progress | None = None,
    *,
    should_stop: Callable[[], bool] | None = None,
) -> Path:
    """Write a consistent, checked copy of *database* to *target* (replaced atomically).

    *progress(done, total)* is called as the copy and its checks go (the CLI prints it,
    the window shows it). *should_stop*: asked while SQLite copies and checks; True
    abandons the copy (the window is closing) with :class:`BackupFailed`, and nothing is
    left behind."""
    target = Path(target)
    tmp = target.with_name(f".{target.name}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # mkstemp reserves a unique name; the copy writes into the empty file.
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
        os.close(fd)
        tmp = Path(tmp_name)
        source = _connect(database, "rw")
        _stop_when(source, should_stop)
        try:
            problems = _copy_checked(source, tmp, progress, should_stop)
        finally:
            source.close()
        if problems:
            raise BackupFailed(
                "backup",
                QT_TRANSLATE_NOOP(
                    "backup",
                    "The backup did not pass its check ({problem}); it was not kept. "
                    "Run 'quynhnhai check' and call the district IT staff.",
                ),
                problem=problems[0],
            )
        fsync_file(tmp)
        tmp.replace(target)
        fsync_dir(target.parent)
    except sqlite3.Error as error:
        _discard(tmp)
        raise BackupFailed(
            "backup",
            QT_TRANSLATE_NOOP("backup", "The backup could not be made: {reason}."),
            reason=str(error),
        ) from error
    except OSError as error:
        _discard(tmp)
        raise BackupFailed(
            "backup",
            QT_TRANSLATE_NOOP(
                "backup",
                "The backup could not be written to {folder}: {reason}. Check that the "
                "drive is plugged in, not full and not write-protected.",
            ),
            folder=str(target.parent),
            reason=error.strerror or str(error),
        ) from error
    except BaseException:
        _discard(tmp)
        raise
    log.info("backup written: %s (%d bytes)", target, target.stat().st_size)
    return target


def backup_name(made_at: dt.datetime, kind: Kind) -> str:
    return f"quynhnhai-{made_at:%Y%m%d-%H%M%S}-{kind.value}{SUFFIX}"


def export_name(unit_code: str | None, made_at: dt.datetime) -> str:
    """The suggested file name for a backup taken away on a USB stick."""
    unit = f"-{unit_code}" if unit_code else ""
    return f"QuynhNhai-saoluu{unit}-{made_at:%Y-%m-%d-%H%M}{SUFFIX}"


def create_auto(
    paths: AppPaths,
    kind: Kind,
    *,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> BackupFile:
    """A backup into the backups folder, then rotation. Two in the same second: one file."""
    made_at = (now or clock.now()).replace(microsecond=0)
    target = paths.backups_dir / backup_name(made_at, kind)
    write_backup(paths.database, target, progress=progress, should_stop=should_stop)
    # Never the one just made: an old PC whose clock battery died starts in the past, and
    # its new backup would otherwise look like the oldest one and go at once.
    prune(paths.backups_dir, keep={target})
    return BackupFile(target, made_at, kind, target.stat().st_size)


def auto_backup_due(paths: AppPaths, *, now: dt.datetime | None = None) -> bool:
    """True when no routine backup was made today: the window makes at most one a day."""
    today = (now or clock.now()).date()
    return not any(
        b.kind in ROUTINE_KINDS and b.made_at.date() == today
        for b in list_backups(paths.backups_dir)
    )


def owe_exit_backup(paths: AppPaths) -> None:
    """The window closes: the next start makes the exit backup (closing never waits for a
    copy of the whole file). Written atomically, so a power cut leaves it whole or absent,
    and it goes only once that backup is on disk."""
    record = {"owed_since": clock.now().isoformat(timespec="seconds")}
    atomic_write_bytes(paths.backup_owed_marker, json.dumps(record).encode("utf-8"))


def exit_backup_owed(paths: AppPaths) -> bool:
    return paths.backup_owed_marker.exists()


def backup_due(paths: AppPaths, *, now: dt.datetime | None = None) -> bool:
    """The last run's exit backup is owed, or none was made today."""
    return exit_backup_owed(paths) or auto_backup_due(paths, now=now)


def settle(
    paths: AppPaths,
    *,
    now: dt.datetime | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> BackupFile:
    """The automatic backup the window makes at start (owed by the last exit) or once a day;
    the owed marker goes only after the backup is on disk (a power cut: owed again)."""
    owed = exit_backup_owed(paths)
    made = create_auto(paths, Kind.AUTO, now=now, should_stop=should_stop)
    if owed:
        paths.backup_owed_marker.unlink(missing_ok=True)
    return made


def migration_hook(paths: AppPaths) -> Callable[[str | None, str], None]:
    """The ``before_migrate`` callback of :func:`store.database.open_database`."""

    def before(current: str | None, head: str) -> None:
        log.info("backing up before migrating %s → %s", current, head)
        create_auto(paths, Kind.BEFORE_MIGRATION)

    return before


# -- the backups folder and its rotation ------------------------------------------------


def parse_name(path: Path) -> tuple[dt.datetime, Kind] | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        return dt.datetime.strptime(match[1], "%Y%m%d-%H%M%S"), Kind(match[2])
    except ValueError:
        return None


def list_backups(folder: Path) -> list[BackupFile]:
    """The backups in *folder*, newest first; files of other names are ignored."""
    found = []
    for path in folder.glob(f"quynhnhai-*{SUFFIX}") if folder.is_dir() else ():
        parsed = parse_name(path)
        if parsed is not None:
            found.append(BackupFile(path, parsed[0], parsed[1], path.stat().st_size))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def _newest_per_period(
    backups: list[BackupFile], period: Callable[[dt.datetime], object], count: int
) -> set[Path]:
    """The newest backup of each of the *count* most recent periods that have one."""
    kept: dict[object, Path] = {}
    for backup in backups:  # newest first
        key = period(backup.made_at)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = backup.path
    return set(kept.values())


def to_keep(backups: Iterable[BackupFile]) -> set[Path]:
    """Which backups rotation keeps: 7 daily, 4 weekly, 12 monthly; 5 of each safety kind."""
    ordered = sorted(backups, key=lambda b: (b.made_at, b.path.name), reverse=True)
    routine = [b for b in ordered if b.kind in ROUTINE_KINDS]
    keep = _newest_per_period(routine, lambda t: t.date(), KEEP_DAILY)
    keep |= _newest_per_period(routine, lambda t: t.isocalendar()[:2], KEEP_WEEKLY)
    keep |= _newest_per_period(routine, lambda t: (t.year, t.month), KEEP_MONTHLY)
    for kind in (Kind.BEFORE_MIGRATION, Kind.BEFORE_RESTORE):
        keep |= {b.path for b in [b for b in ordered if b.kind == kind][:KEEP_SAFETY]}
    return keep


def prune(folder: Path, *, keep: Iterable[Path] = ()) -> list[Path]:
    """Delete the backups rotation does not keep (and stale half-written ones)."""
    backups = list_backups(folder)
    keep = to_keep(backups) | set(keep)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    day_ago = dt.datetime.now().timestamp() - 86_400
    for part in folder.glob(".*.part"):  # left by a power cut during a backup
        if part.stat().st_mtime < day_ago:
            part.unlink(missing_ok=True)
            removed.append(part)
    if removed:
        log.info("rotation removed %d old backups", len(removed))
    return removed


# -- what a backup holds ----------------------------------------------------------------


@dataclass(frozen=True)
class BackupSummary:
    """What a backup file holds, for the question before a restore."""

    file_name: str
    size: int
    schema_revision: str
    needs_upgrade: bool  # made by an older version: restoring will migrate it
    unit: str  # "Xã Mường Giàng (03703)"
    unit_code: str
    counts: dict[str, int] = field(default_factory=dict)  # villages, teams, activities, venues
    first_date: dt.date | None = None  # of the activities
    last_date: dt.date | None = None
    last_change: dt.datetime | None = None  # newest updated_at, local time


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}


def _count(conn: sqlite3.Connection, tables: set[str], table: str, where: str = "") -> int:
    if table not in tables:
        return 0
    if where and "deleted_at" not in _columns(conn, table):
        where = ""
    return int(conn.execute(f"SELECT count(*) FROM {table} {where}").fetchone()[0])


def _parse_utc(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        stamp = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp.astimezone().replace(tzinfo=None)


def summarize(conn: sqlite3.Connection, file_name: str, size: int, revision: str) -> BackupSummary:
    """Read unit, counts and date range with plain SQL (any schema revision of ours)."""
    tables = _tables(conn)
    kind, name, code = conn.execute(
        "SELECT unit_kind, unit_name, unit_code FROM profile WHERE id = 1"
    ).fetchone()
    live = "WHERE deleted_at IS NULL"
    first, last = conn.execute(f"SELECT min(date), max(date) FROM activity {live}").fetchone()
    changes = [
        conn.execute(f"SELECT max(updated_at) FROM {table}").fetchone()[0]
        for table in sorted(tables)
        if "updated_at" in _columns(conn, table)
    ]
    stamps = [s for s in (_parse_utc(c) for c in changes) if s is not None]
    return BackupSummary(
        file_name=file_name,
        size=size,
        schema_revision=revision,
        needs_upgrade=revision != migrate.HEAD,
        unit=f"{kind} {name} ({code})",
        unit_code=code,
        counts={
            "villages": _count(conn, tables, "village"),
            "teams": _count(conn, tables, "team"),
            "activities": _count(conn, tables, "activity", live),
            "venues": _count(conn, tables, "venue"),
        },
        first_date=dt.date.fromisoformat(first) if first else None,
        last_date=dt.date.fromisoformat(last) if last else None,
        last_change=max(stamps) if stamps else None,
    )


def _refused(template: str, **params: object) -> BackupRefused:
    return BackupRefused("backup", template, **params)


def check_backup(
    path: Path, display_name: str, *, writable: bool = True, checked: bool = False
) -> BackupSummary:
    """Raise BackupRefused unless *path* is a sound database of ours we can migrate.

    *writable*: the file is a private local copy (restore stages one), which may be turned
    into a self-contained file; otherwise (describing a backup just written to a stick) it
    is opened read-only and never touched. *checked*: :func:`write_backup` has just checked
    the file; only describe it (a second full check cost 40 s at a million activities).
    """
    with path.open("rb") as handle:
        magic = handle.read(len(SQLITE_MAGIC))
    if magic != SQLITE_MAGIC:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "backup",
                "“{name}” is not a backup of this app (it is not a database file). "
                "Nothing was changed.",
            ),
            name=display_name,
        )
    try:
        conn = _connect(path, "rw" if writable else "ro")
        try:
            if writable:  # a raw copy of a live database may be in WAL mode: make it whole
                conn.execute("PRAGMA journal_mode=DELETE")
            return _check_contents(conn, display_name, path.stat().st_size, checked=checked)
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise _damaged(display_name, str(error)) from error


def _damaged(name: str, problem: str) -> BackupRefused:
    return _refused(
        QT_TRANSLATE_NOOP(
            "backup",
            "The backup “{name}” is damaged ({problem}) and cannot be restored. "
            "Nothing was changed; try an older backup.",
        ),
        name=name,
        problem=problem,
    )


def _check_contents(
    conn: sqlite3.Connection, display_name: str, size: int, *, checked: bool = False
) -> BackupSummary:
    problems = [] if checked else _integrity_problems(conn)
    if problems:
        raise _damaged(display_name, problems[0])
    tables = _tables(conn)
    revision = None
    if migrate.VERSION_TABLE in tables:
        row = conn.execute(f"SELECT version_num FROM {migrate.VERSION_TABLE}").fetchone()
        revision = row[0] if row else None
    if not CORE_TABLES.issubset(tables) or revision is None:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "backup",
                "“{name}” is a database, but not one made by this app. Nothing was changed.",
            ),
            name=display_name,
        )
    if revision not in migrate.known_revisions():
        raise _refused(
            QT_TRANSLATE_NOOP(
                "backup",
                "The backup “{name}” was made by a newer version of the app (schema "
                "{revision}). Install that version to restore it. Nothing was changed.",
            ),
            name=display_name,
            revision=revision,
        )
    if conn.execute("SELECT count(*) FROM profile").fetchone()[0] == 0:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "backup",
                "The backup “{name}” holds no set-up commune or district: there is nothing "
                "to restore. Nothing was changed.",
            ),
            name=display_name,
        )
    return summarize(conn, display_name, size, revision)


# -- restoring --------------------------------------------------------------------------


@dataclass
class StagedBackup:
    """A checked local copy of a backup, waiting for the user's yes (then :func:`restore`)."""

    source: Path
    path: Path
    summary: BackupSummary

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def stage(paths: AppPaths, source: Path) -> StagedBackup:
    """Copy *source* into the data folder and check the copy; raise BackupRefused if bad.

    Working on a local copy means the USB stick can be pulled as soon as this returns, the
    file checked is the file restored, and SQLite never writes next to the original.
    """
    source = Path(source)
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".restore-", suffix=".part", dir=paths.data_dir)
    os.close(fd)
    staged = Path(tmp_name)
    try:
        try:
            shutil.copyfile(source, staged)
        except OSError as error:
            raise _refused(
                QT_TRANSLATE_NOOP(
                    "backup", "The file “{name}” cannot be read: {reason}. Nothing was changed."
                ),
                name=source.name,
                reason=error.strerror or str(error),
            ) from error
        summary = check_backup(staged, source.name)
        fsync_file(staged)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return StagedBackup(source=source, path=staged, summary=summary)


@dataclass(frozen=True)
class RestoreResult:
    summary: BackupSummary
    previous: Path | None  # the backup of the database that was replaced, if there was one


def _sidecars(database: Path) -> list[Path]:
    return [database.with_name(database.name + s) for s in ("-wal", "-shm", "-journal")]


DAMAGED_DIR = "damaged"  # under backups/: raw copies of refused files, never listed or offered


def _refused_by_preflight(database: Path) -> bool:
    """True when the app itself refuses to open *database* (empty, foreign, foreign WAL…)."""
    from quynhnhai_desktop.store.database import DatabaseRefused, preflight

    try:
        preflight(database)
    except DatabaseRefused:
        return True
    return False


def _save_previous(paths: AppPaths, now: dt.datetime) -> Path | None:
    """Back up the database about to be replaced; a damaged one is kept as a raw copy.

    The raw copy (the file's bytes, with its ``-wal`` if any) goes to ``backups/damaged/``:
    it is kept for the IT staff, but it is not a backup and is never listed as one. A file
    the app refuses is never opened for writing here either (SQLite would fold a foreign
    ``-wal`` into it).
    """
    if not paths.database.exists():
        return None
    if not _refused_by_preflight(paths.database):
        try:
            return create_auto(paths, Kind.BEFORE_RESTORE, now=now).path
        except BackupFailed:
            log.exception("backup before restore failed; keeping a raw copy instead")
    # Damaged files are the usual reason to restore: keep their bytes all the same.
    # Nothing has the database open now (the caller closed it), so the copy is stable.
    target = (
        paths.backups_dir
        / DAMAGED_DIR
        / backup_name(now.replace(microsecond=0), Kind.BEFORE_RESTORE)
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    for source in (paths.database, *_sidecars(paths.database)):
        if source.exists():
            suffix = source.name.removeprefix(paths.database.name)
            shutil.copyfile(source, target.with_name(target.name + suffix))
    return target


def _take_sole_access(database: Path) -> None:
    """Fold the WAL into the file and leave WAL mode, or refuse: someone has it open.

    SQLite can leave WAL mode only when no other connection has the database open, which
    makes this the proof that the swap pulls the file from under nobody (a command-line
    import writing alongside the window would otherwise lose its writes with the WAL).
    """
    if not database.exists():
        return
    try:
        conn = _connect(database, "rw")
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError as error:
        log.warning("database in use, restore refused: %s", error)
        mode = "wal"
    except sqlite3.DatabaseError:
        log.exception("damaged database: replaced without its checkpoint (a copy was kept)")
        return
    if mode != "delete":
        raise BackupFailed(
            "backup",
            QT_TRANSLATE_NOOP(
                "backup",
                "The data is in use by another program (a command-line window?). Close it "
                "and restore again. The data was not replaced.",
            ),
        )


def restore(
    paths: AppPaths, staged: StagedBackup, *, now: dt.datetime | None = None
) -> RestoreResult:
    """Replace the database with *staged*, then migrate it to this version's schema.

    The caller must have closed every engine on the database and hold the instance lock.
    Order matters for a power cut at any step: the previous database is backed up first;
    its WAL is folded in and removed before the swap (nothing stale may sit next to the new
    file), which also proves no other process has it open; the swap is one atomic rename.
    """
    from quynhnhai_desktop.store.database import open_database

    now = now or clock.now()
    refused = paths.database.exists() and _refused_by_preflight(paths.database)
    previous = _save_previous(paths, now)
    if not refused:  # a refused file is opened by no one: nothing to fold in or to prove
        _take_sole_access(paths.database)
    for sidecar in _sidecars(paths.database):
        sidecar.unlink(missing_ok=True)
    staged.path.replace(paths.database)
    fsync_dir(paths.data_dir)
    log.info("restored %s (%s) over %s", staged.source, staged.summary.unit, paths.database)
    db = open_database(paths.database_url, before_migrate=migration_hook(paths))
    db.close()
    return RestoreResult(summary=staged.summary, previous=previous)


def discard_stale_stages(paths: AppPaths) -> None:
    """Remove staged restores left by a crash between the check and the user's answer."""
    for part in paths.data_dir.glob(".restore-*.part"):
        with contextlib.suppress(OSError):
            part.unlink()
