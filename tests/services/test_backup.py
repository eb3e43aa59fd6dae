"""Backups are consistent and checked; restore gives back every row; bad files change nothing."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlmodel import select

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.services import activities, backup, health
from quynhnhai_desktop.store.database import Database, open_database
from quynhnhai_desktop.store.engine import integrity_check
from quynhnhai_desktop.store.models import Team
from tests.support.db_snapshot import files_digest, snapshot


def _add_activity(db: Database, note: str) -> int:
    with db.session() as session:
        team = session.exec(select(Team)).first()
        assert team is not None and team.id is not None
        draft = activities.ActivityDraft(
            date=dt.date(2021, 11, 15),
            team_id=team.id,
            form_code="meeting",
            topics=("vaccination_benefit",),
            values={"sessions": 1, "people": 40},
            note=note,
        )
        return activities.record_many(session, "03703", [(draft, note)])[0]


# -- backup, wipe, restore --------------------------------------------------------------


def test_backup_wipe_restore_gives_identical_rows(
    paths: AppPaths, filled_db: Database, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    before = snapshot(paths.database)
    assert len(before["activity"]) > 100 and before["activity_topic"] and before["venue"]
    written = backup.write_backup(paths.database, usb / "QuynhNhai-saoluu.sqlite3")
    assert [p.name for p in usb.iterdir()] == ["QuynhNhai-saoluu.sqlite3"]  # no leftovers
    filled_db.close()

    shutil.rmtree(paths.data_dir)  # the PC is reinstalled: nothing left but the stick
    paths.ensure()
    staged = backup.stage(paths, written)
    summary = staged.summary
    assert summary.unit == "Xã Mường Giàng (03703)"
    assert summary.counts == {
        "villages": len(before["village"]),
        "teams": len(before["team"]),
        "activities": len(before["activity"]),
        "venues": len(before["venue"]),
    }
    assert summary.first_date == dt.date(2021, 9, 1)
    assert summary.last_date is not None and summary.last_date <= dt.date(2021, 11, 30)
    assert not summary.needs_upgrade
    result = backup.restore(paths, staged)

    assert result.previous is None  # there was nothing to replace
    assert snapshot(paths.database) == before
    assert not staged.path.exists()
    db = open_database(paths.database_url)
    assert health.check(db).ok
    db.close()


def test_restore_replaces_the_data_and_keeps_what_it_replaced(
    paths: AppPaths, filled_db: Database, tmp_path: Path
) -> None:
    written = backup.write_backup(paths.database, tmp_path / "usb" / "saoluu.sqlite3")
    in_backup = snapshot(paths.database)
    _add_activity(filled_db, "Họp bản sau khi sao lưu")  # typed after the backup was made
    current = snapshot(paths.database)
    filled_db.close()

    staged = backup.stage(paths, written)
    result = backup.restore(paths, staged, now=dt.datetime(2021, 12, 1, 9, 30))

    assert snapshot(paths.database) == in_backup
    assert result.previous is not None
    assert result.previous.name == "quynhnhai-20211201-093000-before-restore.sqlite3"
    assert snapshot(result.previous) == current  # the replaced data, row for row


def test_a_stale_wal_of_the_replaced_database_never_reaches_the_restored_one(
    paths: AppPaths, filled_db: Database, tmp_path: Path
) -> None:
    written = backup.write_backup(paths.database, tmp_path / "usb" / "saoluu.sqlite3")
    in_backup = snapshot(paths.database)
    _add_activity(filled_db, "chỉ nằm trong tệp WAL")
    wal = paths.database.with_name(paths.database.name + "-wal")
    leftover = wal.read_bytes()
    assert leftover  # the last save is still in the WAL, as after a crash
    filled_db.close()
    wal.write_bytes(leftover)  # what a crashed window leaves next to the database

    result = backup.restore(paths, backup.stage(paths, written))

    assert snapshot(paths.database) == in_backup
    assert result.previous is not None
    kept = sqlite3.connect(result.previous)
    notes = [row[0] for row in kept.execute("SELECT note FROM activity")]
    kept.close()
    assert "chỉ nằm trong tệp WAL" in notes  # …and that save is in the copy kept aside


def test_backup_while_saving_is_a_consistent_snapshot(paths: AppPaths, filled_db: Database) -> None:
    """Never a copy of a live file: a backup taken mid-save holds whole activities only."""
    stop = threading.Event()
    saved: list[int] = []

    def keep_saving() -> None:
        while not stop.is_set():
            saved.append(_add_activity(filled_db, f"trong lúc sao lưu {len(saved)}"))

    writer = threading.Thread(target=keep_saving)
    writer.start()
    try:
        copies = [
            backup.write_backup(paths.database, paths.backups_dir / f"copy-{i}.sqlite3")
            for i in range(5)
        ]
    finally:
        stop.set()
        writer.join()
    assert saved
    for copy in copies:
        conn = sqlite3.connect(copy)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one whole file
        orphans = conn.execute(
            "SELECT count(*) FROM activity WHERE id NOT IN (SELECT activity_id FROM activity_topic)"
        ).fetchone()[0]
        conn.close()
        assert orphans == 0  # no activity caught without its topics


# -- bad files are refused, the database untouched --------------------------------------


def _good_backup(paths: AppPaths, folder: Path) -> Path:
    return backup.write_backup(paths.database, folder / "good.sqlite3")


def _random_bytes(paths: AppPaths, folder: Path) -> Path:
    target = folder / "random.sqlite3"
    target.write_bytes(bytes(range(256)) * 64)
    return target


def _text_file(paths: AppPaths, folder: Path) -> Path:
    target = folder / "ghi-chu.sqlite3"
    target.write_text("Báo cáo tháng 9 — bản nháp", encoding="utf-8")
    return target


def _empty_file(paths: AppPaths, folder: Path) -> Path:
    target = folder / "empty.sqlite3"
    target.write_bytes(b"")
    return target


def _truncated(paths: AppPaths, folder: Path) -> Path:
    good = _good_backup(paths, folder)
    data = good.read_bytes()
    target = folder / "cut-short.sqlite3"  # the stick was pulled mid-copy
    target.write_bytes(data[: len(data) // 2])
    return target


def _garbled_pages(paths: AppPaths, folder: Path) -> Path:
    good = _good_backup(paths, folder)
    data = bytearray(good.read_bytes())
    page = 4096
    for offset in range(3 * page, min(len(data), 12 * page), page):
        data[offset + 8 : offset + page] = b"\x55" * (page - 8)  # keep headers, break cells
    target = folder / "garbled.sqlite3"
    target.write_bytes(bytes(data))
    return target


def _report_package(paths: AppPaths, folder: Path) -> Path:
    target = folder / "BC-2021-09-03703-r1.qnbc"  # the wrong file from the same stick
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("manifest.json", '{"format": 1}')
    return target


def _foreign_database(paths: AppPaths, folder: Path) -> Path:
    target = folder / "khac.sqlite3"
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('không phải của ứng dụng')")
    conn.commit()
    conn.close()
    return target


def _from_a_newer_app(paths: AppPaths, folder: Path) -> Path:
    target = _good_backup(paths, folder)
    conn = sqlite3.connect(target)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    return target


def _not_set_up(paths: AppPaths, folder: Path) -> Path:
    target = _good_backup(paths, folder)
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("DELETE FROM profile")
    conn.commit()
    conn.close()
    return target


def _missing(paths: AppPaths, folder: Path) -> Path:
    return folder / "khong-co.sqlite3"


BAD_FILES: dict[str, tuple[Callable[[AppPaths, Path], Path], str]] = {
    "random bytes": (_random_bytes, "không phải là bản sao lưu"),
    "a text file": (_text_file, "không phải là bản sao lưu"),
    "an empty file": (_empty_file, "không phải là bản sao lưu"),
    "a backup cut short": (_truncated, "bị hỏng"),
    "a backup with garbled pages": (_garbled_pages, "bị hỏng"),
    "a report package": (_report_package, "không phải là bản sao lưu"),
    "another app's database": (_foreign_database, "không phải do chương trình này tạo ra"),
    "a database from a newer app": (_from_a_newer_app, "phiên bản mới hơn"),
    "a database never set up": (_not_set_up, "không có gì để khôi phục"),
    "a missing file": (_missing, "không đọc được"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_file_is_refused_and_the_database_untouched(
    kind: str, paths: AppPaths, filled_db: Database, tmp_path: Path
) -> None:
    make, expected = BAD_FILES[kind]
    folder = tmp_path / "usb"
    folder.mkdir()
    bad = make(paths, folder)
    filled_db.close()
    rows, files = snapshot(paths.database), files_digest(paths.database)
    backups_before = sorted(paths.backups_dir.iterdir())

    with pytest.raises(backup.BackupRefused) as refused:
        backup.stage(paths, bad)

    assert expected in i18n.message(refused.value)
    assert "Không có gì thay đổi" in i18n.message(refused.value)
    assert files_digest(paths.database) == files
    assert snapshot(paths.database) == rows
    assert sorted(paths.backups_dir.iterdir()) == backups_before  # nothing made, nothing lost
    assert not list(paths.data_dir.glob(".restore-*"))  # the staged copy is gone too


def test_backup_of_a_damaged_database_fails_and_leaves_no_half_file(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x13" * 8192)
    target = tmp_path / "usb" / "saoluu.sqlite3"
    with pytest.raises(backup.BackupFailed):
        backup.write_backup(damaged, target)
    assert list(target.parent.iterdir()) == []


def test_backup_to_a_place_that_cannot_be_written_says_so(
    paths: AppPaths, filled_db: Database, tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "usb"
    not_a_folder.write_text("a file where the folder should be")
    with pytest.raises(backup.BackupFailed) as failed:
        backup.write_backup(paths.database, not_a_folder / "saoluu.sqlite3")
    assert str(not_a_folder) in failed.value.english()


def test_restore_over_a_damaged_database_keeps_its_bytes(
    paths: AppPaths, filled_db: Database, tmp_path: Path
) -> None:
    written = backup.write_backup(paths.database, tmp_path / "usb" / "saoluu.sqlite3")
    good = snapshot(paths.database)
    filled_db.close()
    data = bytearray(paths.database.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\x13" * (4096 * 3)
    paths.database.write_bytes(bytes(data))
    damaged_bytes = paths.database.read_bytes()

    result = backup.restore(paths, backup.stage(paths, written))

    assert snapshot(paths.database) == good
    assert result.previous is not None and result.previous.read_bytes() == damaged_bytes


def test_staged_copy_is_checked_and_the_original_left_alone(
    paths: AppPaths, filled_db: Database, tmp_path: Path
) -> None:
    written = backup.write_backup(paths.database, tmp_path / "usb" / "saoluu.sqlite3")
    original = written.read_bytes()
    staged = backup.stage(paths, written)
    assert staged.path.parent == paths.data_dir  # the stick can be pulled now
    staged.discard()
    assert written.read_bytes() == original
    assert sorted(p.name for p in written.parent.iterdir()) == ["saoluu.sqlite3"]


def test_migration_hook_backs_up_before_an_upgrade(paths: AppPaths, filled_db: Database) -> None:
    rows = snapshot(paths.database)
    backup.migration_hook(paths)("0000_older", "0001")
    [made] = backup.list_backups(paths.backups_dir)
    assert made.kind is backup.Kind.BEFORE_MIGRATION
    assert snapshot(made.path) == rows
    db = open_database(f"sqlite:///{made.path}")
    assert integrity_check(db.engine) == []
    db.close()


# -- rotation ---------------------------------------------------------------------------


def _touch(folder: Path, when: dt.datetime, kind: backup.Kind) -> Path:
    path = folder / backup.backup_name(when, kind)
    path.write_bytes(b"")
    return path


def _kept(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def _name(day: str, time: str = "170000", kind: str = "auto") -> str:
    return f"quynhnhai-{day}-{time}-{kind}.sqlite3"


def test_rotation_keeps_7_daily_4_weekly_12_monthly(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    day = dt.date(2021, 1, 1)
    while day <= dt.date(2021, 12, 31):  # an exit backup every evening for a year
        _touch(folder, dt.datetime.combine(day, dt.time(17)), backup.Kind.AUTO)
        day += dt.timedelta(days=1)
    for day_of_month in range(25, 32):  # and a daily one each morning of the last week
        _touch(folder, dt.datetime(2021, 12, day_of_month, 8), backup.Kind.AUTO)
    (folder / "ghi-chu.txt").write_text("not ours")  # other files are never touched
    (folder / "quynhnhai-copy-of-something.sqlite3").write_bytes(b"")

    backup.prune(folder)

    daily = {_name(f"202112{d}") for d in range(25, 32)}  # the evening one of each day
    weekly = {_name("20211219"), _name("20211212")}  # weeks 50 and 49 (51, 52 are daily)
    monthly = {
        _name(d)
        for d in (
            "20210131",
            "20210228",
            "20210331",
            "20210430",
            "20210531",
            "20210630",
            "20210731",
            "20210831",
            "20210930",
            "20211031",
            "20211130",
        )
    }
    others = {"ghi-chu.txt", "quynhnhai-copy-of-something.sqlite3"}
    assert _kept(folder) == daily | weekly | monthly | others
    assert len(daily | weekly | monthly) == 20


def test_rotation_keeps_twelve_months_of_a_rarely_used_pc(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    months = [(2021, m) for m in range(1, 13)] + [(2022, m) for m in (1, 2, 3)]
    for year, month in months:  # opened once a month, on the 1st
        _touch(folder, dt.datetime(year, month, 1, 10), backup.Kind.AUTO)
    backup.prune(folder)
    assert _kept(folder) == {
        _name(f"{y}{m:02d}01", "100000") for y, m in months[3:]
    }  # April 2021 to March 2022


def test_rotation_keeps_the_last_five_safety_backups_whatever_their_age(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    for month in range(1, 8):
        _touch(folder, dt.datetime(2019, month, 3, 9), backup.Kind.BEFORE_MIGRATION)
    _touch(folder, dt.datetime(2018, 5, 5, 9), backup.Kind.BEFORE_RESTORE)
    for day in range(1, 11):  # recent routine backups do not push the safety ones out
        _touch(folder, dt.datetime(2021, 6, day, 17), backup.Kind.AUTO)
    backup.prune(folder)
    kept = _kept(folder)
    assert {n for n in kept if "before-migration" in n} == {
        _name(f"2019{m:02d}03", "090000", "before-migration") for m in range(3, 8)
    }
    assert _name("20180505", "090000", "before-restore") in kept


def test_create_auto_rotates_and_the_daily_backup_is_due_once_a_day(
    paths: AppPaths, filled_db: Database
) -> None:
    morning = dt.datetime(2021, 11, 30, 8, 0)
    assert backup.auto_backup_due(paths, now=morning)
    for day in range(1, 31):
        backup.create_auto(paths, backup.Kind.AUTO, now=dt.datetime(2021, 11, day, 17))
    made = backup.list_backups(paths.backups_dir)
    assert [b.made_at.day for b in made] == [30, 29, 28, 27, 26, 25, 24, 21, 14]
    assert not backup.auto_backup_due(paths, now=morning)  # today's exists
    assert backup.auto_backup_due(paths, now=dt.datetime(2021, 12, 1, 8))
    for item in made[:1]:
        conn = sqlite3.connect(item.path)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()


def test_restore_refuses_while_another_program_has_the_data_open(
    paths: AppPaths, filled_db: Database, tmp_path: Path
) -> None:
    """A command-line import writing alongside must not lose its writes to the swap."""
    written = backup.write_backup(paths.database, tmp_path / "usb" / "saoluu.sqlite3")
    _add_activity(filled_db, "đang ghi từ dòng lệnh")
    rows = snapshot(paths.database)
    staged = backup.stage(paths, written)
    # The other program, holding the database open:
    with filled_db.engine.connect(), pytest.raises(backup.BackupFailed) as refused:
        backup.restore(paths, staged)
    assert "đang được một chương trình khác sử dụng" in i18n.message(refused.value)
    assert snapshot(paths.database) == rows
    filled_db.close()
    backup.restore(paths, staged)  # once it is closed, the restore goes through
    assert snapshot(paths.database) == snapshot(written)


def test_a_backup_made_with_the_clock_in_the_past_is_kept(
    paths: AppPaths, filled_db: Database
) -> None:
    """A dead clock battery: the PC starts in 2009, after a year of backups made in 2021."""
    for day in range(1, 29):
        backup.create_auto(paths, backup.Kind.AUTO, now=dt.datetime(2021, 2, day, 17))
    made = backup.create_auto(paths, backup.Kind.AUTO, now=dt.datetime(2009, 1, 1, 0, 5))
    assert made.path.exists()
    assert made.path in {b.path for b in backup.list_backups(paths.backups_dir)}
