"""Safe upgrades: a database made at every earlier schema revision upgrades with its data intact.

The fixtures are built from the migration history itself: for each revision, a database is
migrated to exactly that revision and filled with realistic rows (the demo data made at
head, projected onto the tables and columns that revision has), then opened the way the
app opens it (backup first, then upgrade to head). Every row must come through with every
value it had. Nothing here names a revision: a new migration is tested by being added.

A migration that changes data on purpose declares it in :data:`EXPECTED_CHANGES`.

The harness is itself tested against synthetic revisions in a copy of the migrations
folder: one that rebuilds the activity table (the batch mode that, with foreign keys on,
silently emptied activity_topic) and one that loses rows (which the harness must catch).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, text

from quynhnhai_desktop.cli import main as cli_main
from quynhnhai_desktop.config import AppPaths, resource
from quynhnhai_desktop.instance import InstanceLock
from quynhnhai_desktop.services import backup, demo, profile
from quynhnhai_desktop.store import migrate, month_sums, search, sort_keys, topic_keys
from quynhnhai_desktop.store.database import open_database
from quynhnhai_desktop.store.engine import integrity_check, make_engine
from quynhnhai_desktop.store.models import ReportSubmission
from tests.conftest import MUONG_GIANG

Rows = list[tuple[object, ...]]
# (revision the database was made at, table) → how that table's rows legitimately change
# when upgraded to head; the function maps the old rows to the rows expected after.
EXPECTED_CHANGES: dict[tuple[str, str], Callable[[Rows], Rows]] = {
    # 0016 drops the profile's never-read catalog_id: the rest stays
    (revision, "profile"): lambda rows: rows
    for revision in (
        "0001",
        "0002",
        "0004",
        "0006",
        "0007",
        "0008",
        "0011",
        "0012_i17",
        "0013",
        "0014_i17gui",
        "0015_i18",
    )
}
# Tables made from the others (store/sort_keys.py, store/topic_keys.py): checked against
# the rows instead.
KEY_TABLES = {sort_keys.TABLE, sort_keys.COLUMNS_TABLE, sort_keys.PARTS_TABLE, topic_keys.TABLE}
# Tables whose rows a migration writes itself (the shipped 2021 campaign, from 0011).
SEEDED = {"campaign"}


def history(directory: Path | None = None) -> list[str]:
    """Every revision, oldest first."""
    config = migrate.alembic_config()
    if directory is not None:
        config.set_main_option("script_location", str(directory))
    revisions = [s.revision for s in ScriptDirectory.from_config(config).walk_revisions()]
    return list(reversed(revisions))


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database at head full of realistic rows: the source of every fixture's data."""
    paths = AppPaths(tmp_path_factory.mktemp("reference")).ensure()
    db = open_database(paths.database_url)
    profile.set_up(db, MUONG_GIANG)
    demo.fill(db, months=3, until=dt.date(2021, 11, 30))
    with db.session() as session:
        session.add(
            ReportSubmission(
                commune_code="03703",
                period_start=dt.date(2021, 9, 1),
                period_end=dt.date(2021, 9, 30),
                period_rule="calendar",
                revision=1,
                package_sha256="ab" * 32,
            )
        )
    with db.engine.begin() as conn:  # a deleted activity, which must stay deleted
        conn.exec_driver_sql("UPDATE activity SET deleted_at = '2021-10-02 08:00:00' WHERE id = 3")
    db.close()
    return paths.database


def build_at(revision: str, database: Path) -> None:
    engine = make_engine(f"sqlite:///{database}")
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    engine.dispose()


def _filler(column: object) -> object:
    """A value for a NOT NULL column the head schema no longer has."""
    python_type = getattr(getattr(column, "type", None), "python_type", str)
    return {int: 0, bool: False, bytes: b"", float: 0.0}.get(python_type, "")


def fill_from(reference: Path, database: Path) -> None:
    """Copy the reference rows into *database*'s (older) schema, parents before children."""
    engine = make_engine(f"sqlite:///{database}")
    metadata = MetaData()
    metadata.reflect(engine)
    engine.dispose()
    source = sqlite3.connect(reference)
    target = sqlite3.connect(database)
    target.execute("PRAGMA foreign_keys=ON")
    source_tables = _tables(source)
    # filled by triggers as the rows go in
    derived = _search_index_tables(target) | {month_sums.TABLE, *KEY_TABLES}
    for table in metadata.sorted_tables:
        if (
            table.name == migrate.VERSION_TABLE
            or table.name not in source_tables
            or table.name in derived
            or table.name in SEEDED
        ):
            continue
        have = _columns(source, table.name)
        shared = [c.name for c in table.columns if c.name in have]
        extra = [
            c
            for c in table.columns
            if c.name not in have and not c.nullable and c.server_default is None
        ]
        names = shared + [c.name for c in extra]
        fillers = tuple(_filler(c) for c in extra)
        rows = [
            row + fillers for row in source.execute(f'SELECT {_quoted(shared)} FROM "{table.name}"')
        ]
        marks = ", ".join("?" * len(names))
        target.executemany(f'INSERT INTO "{table.name}" ({_quoted(names)}) VALUES ({marks})', rows)
    target.commit()
    source.close()
    target.close()


def _search_index_tables(conn: sqlite3.Connection) -> set[str]:
    """Virtual (FTS5) tables and their shadow tables: an index, not data to copy."""
    virtual = [
        r[0]
        for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE type='table'")
        if r[1] and "VIRTUAL TABLE" in r[1].upper()
    ]
    return {t for t in _tables(conn) if any(t == v or t.startswith(f"{v}_") for v in virtual)}


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _quoted(names: list[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def contents(database: Path) -> dict[str, tuple[list[str], Rows]]:
    """{table: (columns, sorted rows)} without Alembic's own table."""
    conn = sqlite3.connect(database)
    try:
        found = {}
        for table in sorted(_tables(conn) - {migrate.VERSION_TABLE}):
            if table.startswith(("sqlite_", f"{search.FTS_TABLE}_")) or table in {
                month_sums.TABLE,
                *KEY_TABLES,
            }:
                # the month sums and the search index's own tables are derived (0019 rebuilds
                # the index): checked against the rows instead
                continue
            columns = _columns(conn, table)
            rows = conn.execute(f'SELECT {_quoted(columns)} FROM "{table}"').fetchall()
            found[table] = (columns, sorted(rows, key=repr))
        return found
    finally:
        conn.close()


def differences(revision: str, before: dict[str, tuple[list[str], Rows]], after: Path) -> list[str]:
    """What the upgrade lost or changed: every old row, on its old columns, must remain."""
    conn = sqlite3.connect(after)
    problems = []
    try:
        now_tables = _tables(conn)
        for table, (columns, rows) in before.items():
            expected = EXPECTED_CHANGES.get((revision, table), lambda r: r)(rows)
            if table not in now_tables:
                if expected:
                    problems.append(f"{table}: table gone with {len(expected)} rows")
                continue
            kept = [c for c in columns if c in _columns(conn, table)]
            if kept != columns and (revision, table) not in EXPECTED_CHANGES:
                problems.append(f"{table}: columns dropped {sorted(set(columns) - set(kept))}")
            positions = [columns.index(c) for c in kept]
            wanted = sorted((tuple(row[i] for i in positions) for row in expected), key=repr)
            got = sorted(conn.execute(f'SELECT {_quoted(kept)} FROM "{table}"'), key=repr)
            if got != wanted:
                missing = len(set(wanted) - set(got))
                problems.append(f"{table}: {missing} of {len(wanted)} rows lost or changed")
    finally:
        conn.close()
    return problems


def figures(before: dict[str, tuple[list[str], Rows]]) -> dict[tuple[str, str, str], int]:
    """The numbers a report sums, from the old rows: (month, indicator) -> live total."""
    columns, rows = before["activity"]
    live = {
        row[columns.index("id")]: str(row[columns.index("date")])[:7]
        for row in rows
        if row[columns.index("deleted_at")] is None
    }
    value_columns, values = before["activity_value"]
    activity, code, value = (
        value_columns.index(c) for c in ("activity_id", "indicator_code", "value")
    )
    sums: dict[tuple[str, str, str], int] = {}
    for row in values:
        if row[activity] in live:
            key = ("covid-2021", live[row[activity]], row[code])
            sums[key] = sums.get(key, 0) + row[value]
    return sums


def campaign_figures(database: Path) -> dict[tuple[str, str, str], int]:
    """After the upgrade: every activity is in the 2021 campaign, whose file is stored
    verbatim, and the same (campaign, month, indicator) totals come out of SQL."""
    conn = sqlite3.connect(database)
    try:
        assert conn.execute(
            "SELECT DISTINCT campaign_id, campaign_version FROM activity"
        ).fetchall() == [("covid-2021", 1)]
        [(source,)] = conn.execute("SELECT source FROM campaign WHERE campaign_id = 'covid-2021'")
        assert source == resource("catalogs", "covid-2021.json").read_bytes()
        rows = conn.execute(
            "SELECT a.campaign_id, substr(a.date, 1, 7), v.indicator_code, sum(v.value)"
            " FROM activity AS a JOIN activity_value AS v ON v.activity_id = a.id"
            " WHERE a.deleted_at IS NULL GROUP BY 1, 2, 3"
        ).fetchall()
    finally:
        conn.close()
    return {(c, m, i): int(total) for c, m, i, total in rows}


def upgrade_like_the_app(paths: AppPaths) -> None:
    db = open_database(paths.database_url, before_migrate=backup.migration_hook(paths))
    assert integrity_check(db.engine) == []
    assert migrate.current_revision(db.engine) == migrate.HEAD
    db.close()


# -- the real history --------------------------------------------------------------------


@pytest.mark.parametrize("revision", history())
def test_database_from_each_revision_upgrades_to_head_intact(
    revision: str, reference: Path, paths: AppPaths
) -> None:
    build_at(revision, paths.database)
    fill_from(reference, paths.database)
    before = contents(paths.database)
    assert len(before["activity"][1]) > 100  # the fixture really is full

    upgrade_like_the_app(paths)

    assert differences(revision, before, paths.database) == []
    assert campaign_figures(paths.database) == figures(before)
    assert month_sums_wrong(paths.database) == 0  # made by 0012, or kept by the triggers
    assert sort_keys_wrong(paths.database) == 0  # made by 0020 and 0021, or kept by triggers
    assert search_index_agrees(paths.database)
    made = backup.list_backups(paths.backups_dir)
    if revision == migrate.HEAD:
        assert made == []  # nothing to upgrade, nothing backed up
    else:
        [pre] = made  # the backup before the migration holds the old database as it was
        assert pre.kind is backup.Kind.BEFORE_MIGRATION
        assert contents(pre.path) == before


def sort_keys_wrong(database: Path) -> int:
    """How many sort keys (counts, topics) differ from the rows; the keys exist."""
    engine = make_engine(f"sqlite:///{database}")
    try:
        with engine.connect() as conn:
            assert sort_keys.has_keys(conn)
            keys = conn.execute(text(f"SELECT count(*) FROM {sort_keys.TABLE}")).scalar()
            assert keys, "the migration made no keys"
            assert topic_keys.has_keys(conn)
            topics = conn.execute(text(f"SELECT count(*) FROM {topic_keys.TABLE}")).scalar()
            assert topics, "the migration made no topic keys"
            return sort_keys.mismatches(conn) + topic_keys.mismatches(conn)
    finally:
        engine.dispose()


def month_sums_wrong(database: Path) -> int:
    engine = make_engine(f"sqlite:///{database}")
    try:
        with engine.connect() as conn:
            assert month_sums.has_sums(conn)
            return month_sums.mismatches(conn)
    finally:
        engine.dispose()


def search_index_agrees(database: Path) -> bool:
    """FTS5's own check that the index holds exactly the activities' search text."""
    conn = sqlite3.connect(database)
    try:
        conn.execute(
            f"INSERT INTO {search.FTS_TABLE}({search.FTS_TABLE}, rank) "
            "VALUES ('integrity-check', 1)"
        )
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def test_history_is_one_line_ending_at_head() -> None:
    revisions = history()
    assert revisions[-1] == migrate.HEAD
    assert len(set(revisions)) == len(revisions)


# -- the harness, against synthetic revisions --------------------------------------------

REBUILD_ACTIVITY = """
    import sqlalchemy as sa
    from alembic import op

    revision = "9001"
    down_revision = "{down}"
    branch_labels = None
    depends_on = None


    def upgrade():
        # A column change SQLite cannot ALTER: batch mode copies, drops and renames the table.
        with op.batch_alter_table("activity", recreate="always") as batch:
            batch.add_column(sa.Column("reach_note", sa.String(200), nullable=True))
        op.create_table("imported_thing", sa.Column("id", sa.Integer(), primary_key=True))


    def downgrade():
        pass
"""
SECOND = """
    from alembic import op

    revision = "9002"
    down_revision = "9001"
    branch_labels = None
    depends_on = None


    def upgrade():
        op.execute("{sql}")


    def downgrade():
        pass
"""
LOSE_ROWS = SECOND.format(sql="DELETE FROM activity_value WHERE indicator_code = 'people'")
BREAK_REFERENCES = SECOND.format(sql="DELETE FROM team")  # activities point at teams


@pytest.fixture
def synthetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., str]]:
    """Install a copy of the migrations with extra revisions; returns the old head."""
    old_head = migrate.HEAD
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))

    def install(*, then: str | None = None) -> str:
        """*then*: the body of a revision 9002 after the table rebuild (9001)."""
        (folder / "versions" / "9001_rebuild_activity.py").write_text(
            textwrap.dedent(REBUILD_ACTIVITY.format(down=old_head))
        )
        head = "9001"
        if then is not None:
            (folder / "versions" / "9002_then.py").write_text(textwrap.dedent(then))
            head = "9002"
        monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
        monkeypatch.setattr(migrate, "HEAD", head)
        return old_head

    yield install


def test_table_rebuild_keeps_child_rows(
    synthetic: Callable[..., str], reference: Path, paths: AppPaths
) -> None:
    """With foreign keys on, the rebuild's DROP TABLE would cascade into activity_topic."""
    shutil.copyfile(reference, paths.database)  # a database of the current release
    old_head = synthetic()
    before = contents(paths.database)
    assert before["activity_topic"][1] and before["activity_value"][1]

    upgrade_like_the_app(paths)

    assert differences(old_head, before, paths.database) == []
    assert "reach_note" in _columns(sqlite3.connect(paths.database), "activity")
    assert month_sums_wrong(paths.database) == 0  # the triggers were made again
    assert sort_keys_wrong(paths.database) == 0


def test_harness_catches_a_migration_that_loses_rows(
    synthetic: Callable[..., str], reference: Path, paths: AppPaths
) -> None:
    shutil.copyfile(reference, paths.database)
    old_head = synthetic(then=LOSE_ROWS)
    before = contents(paths.database)
    upgrade_like_the_app(paths)
    found = differences(old_head, before, paths.database)
    assert len(found) == 1 and found[0].startswith("activity_value: ")


def test_backup_from_an_older_version_restores_and_migrates(
    synthetic: Callable[..., str], reference: Path, paths: AppPaths, tmp_path: Path
) -> None:
    old_backup = tmp_path / "usb" / "saoluu-ban-cu.sqlite3"
    backup.write_backup(reference, old_backup)  # made by the release before this one
    before = contents(old_backup)
    old_head = synthetic()

    staged = backup.stage(paths, old_backup)
    assert staged.summary.needs_upgrade and staged.summary.schema_revision == old_head
    backup.restore(paths, staged)

    engine = make_engine(paths.database_url)
    assert migrate.current_revision(engine) == "9001"
    engine.dispose()
    assert differences(old_head, before, paths.database) == []
    kinds = {b.kind for b in backup.list_backups(paths.backups_dir)}
    assert backup.Kind.BEFORE_MIGRATION in kinds  # the restored file, before its upgrade


def test_cli_upgrades_only_with_the_window_closed_and_backs_up_first(
    synthetic: Callable[..., str],
    reference: Path,
    paths: AppPaths,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shutil.copyfile(reference, paths.database)
    old_head = synthetic()
    window = InstanceLock(paths)
    assert window.try_acquire()
    try:
        assert cli_main(["--data-dir", str(paths.data_dir), "check"]) == 1
        assert "Hãy đóng cửa sổ" in capsys.readouterr().err
    finally:
        window.release()
    engine = make_engine(paths.database_url)
    assert migrate.current_revision(engine) == old_head  # untouched while the window ran
    engine.dispose()
    assert backup.list_backups(paths.backups_dir) == []

    assert cli_main(["--data-dir", str(paths.data_dir), "check"]) == 0
    [pre] = backup.list_backups(paths.backups_dir)
    assert pre.kind is backup.Kind.BEFORE_MIGRATION


def test_a_migration_that_breaks_references_is_rolled_back(
    synthetic: Callable[..., str], reference: Path, paths: AppPaths
) -> None:
    shutil.copyfile(reference, paths.database)
    old_head = synthetic(then=BREAK_REFERENCES)
    before = contents(paths.database)
    with pytest.raises(RuntimeError, match=r"broke \d+ foreign key references"):
        open_database(paths.database_url)
    assert contents(paths.database) == before  # not even 9001's rebuild stayed
    engine = make_engine(paths.database_url)
    assert migrate.current_revision(engine) == old_head
    engine.dispose()


def test_old_damage_does_not_block_an_upgrade(
    synthetic: Callable[..., str], reference: Path, paths: AppPaths
) -> None:
    shutil.copyfile(reference, paths.database)
    conn = sqlite3.connect(paths.database)
    conn.execute("UPDATE activity SET team_id = 999 WHERE id = 1")  # foreign keys off here
    conn.commit()
    conn.close()
    old_head = synthetic()
    before = contents(paths.database)
    db = open_database(paths.database_url)
    assert migrate.current_revision(db.engine) == "9001"
    db.close()
    assert differences(old_head, before, paths.database) == []


def test_reports_before_campaigns_are_the_2021_campaigns_and_numbered_per_campaign(
    reference: Path, paths: AppPaths
) -> None:
    """0012_i17: the commune's exported revisions and the district's imports of a database
    made at 0011 belong to the 2021 campaign; another campaign's r1 of the same month is
    then its own revision, not a clash."""
    build_at("0011", paths.database)
    fill_from(reference, paths.database)
    upgrade_like_the_app(paths)
    with sqlite3.connect(paths.database) as conn:
        rows = conn.execute(
            "SELECT campaign_id, period_start, revision FROM report_submission"
        ).fetchall()
        assert rows == [("covid-2021", "2021-09-01", 1)]
        conn.execute(
            "INSERT INTO report_submission (commune_code, campaign_id, period_start, "
            "period_end, period_rule, revision, exported_at, package_sha256) VALUES "
            "('03703', 'digital-2026', '2021-09-01', '2021-09-30', 'calendar', 1, "
            "'2021-10-02 08:00:00', '')"
        )
        with pytest.raises(sqlite3.IntegrityError):  # the same campaign's r1 twice
            conn.execute(
                "INSERT INTO report_submission (commune_code, campaign_id, period_start, "
                "period_end, period_rule, revision, exported_at, package_sha256) VALUES "
                "('03703', 'covid-2021', '2021-09-01', '2021-09-30', 'calendar', 1, "
                "'2021-10-02 08:00:00', '')"
            )


def test_a_database_from_before_the_unit_history_gets_its_profile_as_the_open_row(
    reference: Path, paths: AppPaths
) -> None:
    """0017_i18move: the history is seeded from the profile (still this unit, from the
    start), so a 2021 commune upgraded today can then be moved across the 2025 reform."""
    build_at("0016", paths.database)
    fill_from(reference, paths.database)
    upgrade_like_the_app(paths)
    with sqlite3.connect(paths.database) as conn:
        rows = conn.execute(
            "SELECT unit_code, level, unit_kind, unit_name, parent_code, district_code, "
            "province_code, recipient, valid_from, valid_to FROM unit_history"
        ).fetchall()
        issuing = conn.execute("SELECT issuing_body FROM profile").fetchall()
    assert rows == [
        (
            "03703",
            "commune",
            "Xã",
            "Mường Giàng",
            "118",
            "118",
            "14",
            "UBND huyện Quỳnh Nhai (qua Phòng Văn hóa và Thông tin)",
            None,
            None,
        )
    ]
    assert issuing == [(None,)]
    from quynhnhai_desktop.services import unit_history

    db = open_database(paths.database_url)
    _plan, moved = unit_history.move(db, "03703", dt.date(2025, 7, 1))
    assert moved.unit_name == "Quỳnh Nhai"
    db.close()
