"""One error path: a broken PC or a broken file ends in the app's own message, never a traceback.

Each case runs the real command line (tests/support/hostile.py) on a data folder a clerk could have:
read-only, impossible to create, a database file that is garbage, cut short, empty or paired
with another database's ``-wal``. The command must exit 1 with the "restore a backup" (or
"folder") message, print no traceback, and leave the database files byte for byte as they
were. The window shows the same refusal in a box. Files the clerk names (a PDF, a workbook,
the report package) that cannot be written, because the disk is full or the file is open in
a viewer, end the same way, and nothing half-written stays.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from quynhnhai_desktop import cli
from quynhnhai_desktop.config import AppPaths
from tests.support.hostile import CliResult, assert_refused, database_dump, run_cli

ROOT = Path(__file__).resolve().parents[2]
DB = "quynhnhai.sqlite3"
RESTORE_ADVICE = "khôi phục bản sao lưu gần nhất"


def files_of(data_dir: Path) -> dict[str, str]:
    """The database and its sidecars, as hashes: 'left untouched' means these are equal."""
    found = {}
    for suffix in ("", "-wal", "-journal"):
        path = data_dir / f"{DB}{suffix}"
        if path.exists():
            found[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def assert_untouched_refusal(result: CliResult, data_dir: Path, before: dict[str, str]) -> None:
    assert result.code == 1, result.text
    assert "Traceback" not in result.text, result.text
    assert RESTORE_ADVICE in result.text, result.text
    assert files_of(data_dir) == before, "the database files changed"


@pytest.fixture(scope="module")
def set_up_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A commune installation with a few activities, made once and copied by each test."""
    folder = tmp_path_factory.mktemp("installed") / "data"
    result = run_cli(
        folder,
        "init",
        "--commune",
        "03703",
        "--signer-name",
        "Lò Văn Thành",
        "--signer-title",
        "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
    )
    assert result.code == 0, result.text
    assert run_cli(folder, "demo", "--months", "2", "--until", "2021-10").code == 0
    assert not (folder / f"{DB}-wal").exists()  # closed cleanly: the WAL was folded in
    return folder


@pytest.fixture
def installed(set_up_folder: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "installed"
    shutil.copytree(set_up_folder, folder)
    return folder


# -- the data folder -----------------------------------------------------------------------


def test_a_data_folder_that_cannot_be_created_is_explained(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_cli(blocker / "data", "activities", "list")
    assert result.code == 1, result.text
    assert "Traceback" not in result.text
    assert "Không tạo được thư mục dữ liệu" in result.text and str(blocker / "data") in result.text
    english = run_cli(blocker / "data", "--lang", "en", "check")
    assert english.code == 1 and "The data folder" in english.text, english.text


def run_without_write_access(data_dir: Path, *args: str) -> CliResult:
    """The CLI on a data folder it may read but not write.

    Root writes anywhere, whatever the permissions: as root the command runs in a private
    mount namespace where the folder is bind-mounted read-only (a write-protected drive);
    any other user gets the folder's permissions taken away.
    """
    if os.geteuid() != 0:
        for path in [data_dir, *data_dir.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            return run_cli(data_dir, *args)
        finally:
            for path in [data_dir, *data_dir.rglob("*")]:
                path.chmod(0o755 if path.is_dir() else 0o644)
    unshare = shutil.which("unshare")
    probe = (
        subprocess.run([unshare or "unshare", "-m", "true"], capture_output=True, check=False)
        if unshare
        else None
    )
    if probe is None or probe.returncode != 0:
        pytest.skip("root without a private mount namespace: cannot make a folder read-only")
    folder = shlex.quote(str(data_dir))
    command = " ".join(
        shlex.quote(part)
        for part in (sys.executable, "-m", "quynhnhai_desktop", "--data-dir", str(data_dir), *args)
    )
    script = (
        f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} {folder} "
        f"&& exec {command}"
    )
    done = subprocess.run(
        [unshare, "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=300,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_read_only_data_folder_is_explained_and_left_alone(installed: Path) -> None:
    before = database_dump(installed)
    files = files_of(installed)
    result = run_without_write_access(installed, "activities", "list")
    assert_refused(result, installed, before, "Thư mục dữ liệu", "quyền ghi")
    assert files_of(installed) == files


# -- the database file ---------------------------------------------------------------------


def test_a_garbage_database_is_refused_untouched(installed: Path) -> None:
    (installed / DB).write_bytes(os.urandom(64 * 1024))
    before = files_of(installed)
    assert_untouched_refusal(run_cli(installed, "activities", "list"), installed, before)


def test_a_text_file_named_as_the_database_is_refused_untouched(installed: Path) -> None:
    (installed / DB).write_text("Báo cáo tháng 9\n" * 400, encoding="utf-8")
    before = files_of(installed)
    result = run_cli(installed, "check")
    assert_untouched_refusal(result, installed, before)
    assert "không phải cơ sở dữ liệu của ứng dụng" in result.text


@pytest.mark.parametrize("cut", ["half", "a page and a bit", "one byte"])
def test_a_truncated_database_is_refused_untouched(installed: Path, cut: str) -> None:
    data = (installed / DB).read_bytes()
    keep = (
        {"half": len(data) // 2 // 4096 * 4096, "a page and a bit": 4096 + 100}[cut]
        if (cut != "one byte")
        else len(data) - 1
    )
    (installed / DB).write_bytes(data[:keep])
    before = files_of(installed)
    result = run_cli(installed, "report", "monthly", "--month", "2021-10")
    assert_untouched_refusal(result, installed, before)


def test_an_empty_database_file_is_refused_not_treated_as_new(installed: Path) -> None:
    (installed / DB).write_bytes(b"")
    result = run_cli(installed, "activities", "list")
    assert_untouched_refusal(result, installed, {DB: hashlib.sha256(b"").hexdigest()})
    assert "trống (0 byte)" in result.text
    assert (installed / DB).stat().st_size == 0  # not silently made a new, empty database


def _wal_of_a_live_database(folder: Path, make: str) -> bytes:
    """The ``-wal`` of another database while a program is writing it (not yet folded in)."""
    other = folder / "other.sqlite3"
    conn = sqlite3.connect(other, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.executescript(make)
        return (folder / "other.sqlite3-wal").read_bytes()
    finally:
        conn.close()


def test_a_wal_of_another_database_is_refused_and_both_files_left_alone(
    installed: Path, tmp_path: Path
) -> None:
    wal = _wal_of_a_live_database(
        tmp_path,
        "CREATE TABLE ledger(id INTEGER PRIMARY KEY, amount INTEGER);"
        "INSERT INTO ledger(amount) VALUES (1), (2), (3);",
    )
    (installed / f"{DB}-wal").write_bytes(wal)
    before = files_of(installed)
    assert f"{DB}-wal" in before
    result = run_cli(installed, "activities", "list")
    assert_untouched_refusal(result, installed, before)
    assert "-wal" in result.text


def test_a_wal_of_another_installation_is_refused(installed: Path, tmp_path: Path) -> None:
    """The district's database (same app, same schema), caught writing: its WAL is not ours.

    (There is no identity in a WAL: what shows it foreign is what SQLite would read with it,
    pages of another file that do not fit ours. A WAL of a copy of this very file, or one
    holding whole pages only, would read as sound.)
    """
    other = tmp_path / "district"
    result = run_cli(
        other, "init", "--district", "118", "--signer-name", "Lò Thị Hoa", "--signer-title", "TP"
    )
    assert result.code == 0, result.text
    conn = sqlite3.connect(other / DB, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_autocheckpoint=0")
        for number in range(40):
            conn.execute(
                "INSERT INTO village(commune_code, name, name_folded, sort_key, active, "
                "created_at, updated_at) VALUES ('118', ?, ?, ?, 1, '2021-09-01', '2021-09-01')",
                (f"Bản {number}", f"ban {number}", f"ban {number}".encode()),
            )
        wal = (other / f"{DB}-wal").read_bytes()
    finally:
        conn.close()
    (installed / f"{DB}-wal").write_bytes(wal)
    before = files_of(installed)
    assert_untouched_refusal(run_cli(installed, "activities", "list"), installed, before)


def test_a_database_of_another_program_is_refused(installed: Path) -> None:
    (installed / DB).unlink()
    conn = sqlite3.connect(installed / DB)
    conn.execute("CREATE TABLE contacts(name TEXT)")
    conn.commit()
    conn.close()
    before = files_of(installed)
    result = run_cli(installed, "activities", "list")
    assert_untouched_refusal(result, installed, before)


# -- `report monthly` reads through plain sqlite3: the same refusals ------------------------


def _garbage(folder: Path, _tmp: Path) -> None:
    (folder / DB).write_bytes(os.urandom(64 * 1024))


def _text(folder: Path, _tmp: Path) -> None:
    (folder / DB).write_text("Báo cáo tháng 9\n" * 400, encoding="utf-8")


def _empty(folder: Path, _tmp: Path) -> None:
    (folder / DB).write_bytes(b"")


def _cut(folder: Path, _tmp: Path) -> None:
    data = (folder / DB).read_bytes()
    (folder / DB).write_bytes(data[: 4096 + 100])


def _foreign_wal(folder: Path, tmp: Path) -> None:
    wal = _wal_of_a_live_database(
        tmp,
        "CREATE TABLE ledger(id INTEGER PRIMARY KEY, amount INTEGER);"
        "INSERT INTO ledger(amount) VALUES (1), (2), (3);",
    )
    (folder / f"{DB}-wal").write_bytes(wal)


def _other_program(folder: Path, _tmp: Path) -> None:
    (folder / DB).unlink()
    conn = sqlite3.connect(folder / DB)
    conn.execute("CREATE TABLE contacts(name TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "spoil", [_garbage, _text, _empty, _cut, _foreign_wal, _other_program], ids=lambda f: f.__name__
)
def test_report_monthly_refuses_what_the_ordinary_open_refuses(
    installed: Path, tmp_path: Path, spoil: object
) -> None:
    spoil(installed, tmp_path)  # type: ignore[operator]
    before = files_of(installed)
    target = tmp_path / "BC.pdf"
    result = run_cli(installed, "report", "monthly", "--month", "2021-10", "--pdf", str(target))
    assert_untouched_refusal(result, installed, before)
    assert not target.exists()


def test_report_monthly_refuses_a_database_of_a_newer_app_untouched(
    installed: Path, tmp_path: Path
) -> None:
    """Not at HEAD: the ordinary (ORM) open decides, and refuses a newer schema."""
    conn = sqlite3.connect(installed / DB)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = files_of(installed)
    target = tmp_path / "BC.pdf"
    result = run_cli(installed, "report", "monthly", "--month", "2021-10", "--pdf", str(target))
    assert result.code == 1 and "Traceback" not in result.text, result.text
    assert "9999_from_the_future" in result.text and "phiên bản mới hơn" in result.text
    assert files_of(installed) == before and not target.exists()


def test_report_monthly_over_a_damaged_page_ends_with_a_message(
    installed: Path, tmp_path: Path
) -> None:
    """A page the report reads is garbage (the header and the schema are sound, so the
    preflight passes): SQLite's error ends as every unexpected one, traceback in the log."""
    conn = sqlite3.connect(installed / DB)
    (root,) = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'ix_activity_live'"
    ).fetchone()
    (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    with (installed / DB).open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)
    target = tmp_path / "BC.pdf"
    result = run_cli(installed, "report", "monthly", "--month", "2021-10", "--pdf", str(target))
    assert result.code == 1 and "Traceback" not in result.text, result.text
    assert "Dữ liệu đã lưu vẫn an toàn" in result.text, result.text
    assert not target.exists()
    log_text = (installed / "logs" / "quynhnhai.log").read_text(encoding="utf-8")
    assert "malformed" in log_text


def test_the_sound_database_still_opens_after_all_that(installed: Path) -> None:
    result = run_cli(installed, "check")
    assert result.code == 0, result.text


def test_a_new_database_never_exists_half_made(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The schema is built under a temporary name: a crash during it leaves no empty file."""
    from quynhnhai_desktop.store import database as store_database
    from quynhnhai_desktop.store import migrate

    def crash(engine, **_kw):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt  # the process dies while the first migration runs

    monkeypatch.setattr(migrate, "upgrade", crash)
    with pytest.raises(KeyboardInterrupt):
        store_database.open_database(paths.database_url)
    assert not paths.database.exists()
    assert not list(paths.data_dir.glob(f".{DB}*"))


def test_the_window_shows_the_refusal_in_a_box(
    qtbot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from quynhnhai_desktop.gui.main_window import MainWindow

    paths.database.write_bytes(b"\x00" * 8192)
    before = files_of(paths.data_dir)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    window = MainWindow(paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert window.state is None
    assert shown and RESTORE_ADVICE in shown[0] and "Traceback" not in shown[0]
    assert files_of(paths.data_dir) == before


def test_the_window_explains_an_unusable_data_folder(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from quynhnhai_desktop import app

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    assert app.run(data_dir=str(blocker / "data")) == 1
    assert shown and "Không tạo được thư mục dữ liệu" in shown[0]


# -- bugs and the machine's faults, in-process -----------------------------------------------


def test_an_unexpected_error_is_a_message_with_the_traceback_in_the_log(
    commune_db, paths: AppPaths, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    from quynhnhai_desktop.store import database as store_database

    commune_db.close()

    def broken(*_a, **_kw):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom while opening")

    monkeypatch.setattr(store_database, "open_database", broken)
    code = cli.main(["--data-dir", str(paths.data_dir), "activities", "list"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out + err
    assert "Dữ liệu đã lưu vẫn an toàn" in err and str(paths.log_file) in err
    logging.shutdown()
    log_text = paths.log_file.read_text(encoding="utf-8")
    assert "Traceback" in log_text and "boom while opening" in log_text


def _fail_fsync(monkeypatch: pytest.MonkeyPatch, error: OSError, *, after: int = 0) -> None:
    """The disk fails at the (*after* + 1)-th fsync of a file the app writes."""
    from quynhnhai_desktop.store import files

    calls = {"n": 0}
    real = os.fsync

    def fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] > after:
            raise error
        real(fd)

    monkeypatch.setattr(files.os, "fsync", fsync)


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "Ổ đĩa đã đầy"),
        (PermissionError(errno.EACCES, "Permission denied"), "Đóng tệp"),
    ],
)
def test_a_report_pdf_that_cannot_be_written_is_explained_and_not_left_half(
    filled_db,
    paths: AppPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys,
    error: OSError,
    words: str,
) -> None:  # type: ignore[no-untyped-def]
    filled_db.close()
    target = tmp_path / "out" / "BC.pdf"
    target.parent.mkdir()
    _fail_fsync(monkeypatch, error)
    code = cli.main(
        [
            "--data-dir",
            str(paths.data_dir),
            "report",
            "monthly",
            "--month",
            "2021-10",
            "--pdf",
            str(target),
        ]
    )
    _out, err = capsys.readouterr()
    assert code == 1
    assert words in err and "BC.pdf" in err, err
    assert "Traceback" not in err
    assert list(target.parent.iterdir()) == []  # no PDF, no half file


def test_a_full_disk_in_a_subprocess_ends_with_the_message(installed: Path, tmp_path: Path) -> None:
    """The real process, start to end, with a disk that fills up at the PDF's fsync."""
    target = tmp_path / "BC.pdf"
    code = (
        "import errno, os, sys\n"
        "from quynhnhai_desktop.store import files\n"
        "def full(fd): raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "files.os = type('os', (), {**{k: getattr(os, k) for k in dir(os) if not "
        "k.startswith('__')}, 'fsync': staticmethod(full)})\n"
        "from quynhnhai_desktop.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "--data-dir",
            str(installed),
            "report",
            "monthly",
            "--month",
            "2021-10",
            "--pdf",
            str(target),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=300,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Ổ đĩa đã đầy" in done.stderr and "Traceback" not in done.stdout + done.stderr
    assert not target.exists() and list(tmp_path.glob(".BC.pdf*")) == []


# -- a full disk while exporting the report package or importing --------------------------


def _export_args(paths: AppPaths, usb: Path) -> list[str]:
    return [
        "--data-dir",
        str(paths.data_dir),
        "package",
        "export",
        "--month",
        "2021-10",
        "--out",
        str(usb),
    ]


@pytest.mark.parametrize("full", ["data folder", "USB stick"])
def test_a_full_disk_during_package_export_changes_nothing(
    filled_db,
    paths: AppPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys,
    full: str,
) -> None:  # type: ignore[no-untyped-def]
    filled_db.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    before = database_dump(paths.data_dir)
    # The data folder's copy is fsynced first, then the stick's (each once).
    _fail_fsync(
        monkeypatch,
        OSError(errno.ENOSPC, "No space left on device"),
        after=0 if full == "data folder" else 1,
    )
    code = cli.main(_export_args(paths, usb))
    _out, err = capsys.readouterr()
    assert code == 1 and "Ổ đĩa đã đầy" in err and "Traceback" not in err, err
    assert database_dump(paths.data_dir) == before  # no revision recorded
    assert list(usb.iterdir()) == []  # nothing named, nothing hidden
    assert list(paths.exports_dir.iterdir()) == []  # no copy of an unrecorded revision
    monkeypatch.undo()
    assert cli.main(_export_args(paths, usb)) == 0  # space freed: the export goes through
    assert [p.name for p in usb.iterdir()] == ["BC-2021-10-03703-r1.qnbc"]


@pytest.fixture
def database_cannot_grow() -> Iterator[None]:
    """Every connection's file may not grow by a page: SQLite's "database or disk is full"."""
    from sqlalchemy import Engine, event

    def no_room(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(Engine, "connect", no_room)
    try:
        yield
    finally:
        event.remove(Engine, "connect", no_room)


def test_a_full_disk_during_an_activity_import_changes_nothing(
    commune_db, paths: AppPaths, tmp_path: Path, capsys, database_cannot_grow: None
) -> None:  # type: ignore[no-untyped-def]
    commune_db.close()
    rows = ["date,village,team,form,topics,people,sessions,note"] + [
        f"{day % 28 + 1:02d}/09/2021,Bản Nà,Đoàn Thanh niên,direct,bluezone,{20 + day},1,"
        f"Họp bản lần {day} " + "ghi chú dài " * 20
        for day in range(400)
    ]
    source = tmp_path / "hoat-dong.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    before = database_dump(paths.data_dir)
    code = cli.main(
        ["--data-dir", str(paths.data_dir), "activities", "import", str(source), "--create-missing"]
    )
    _out, err = capsys.readouterr()
    assert code == 1 and "đã đầy" in err and "Traceback" not in err, err
    assert database_dump(paths.data_dir) == before


# -- restoring over a refused database, and what a crash leaves ------------------------------


def test_a_refused_database_can_be_restored_and_its_bytes_are_kept_aside(
    installed: Path, tmp_path: Path
) -> None:
    made = run_cli(installed, "backup", "create", "--out", str(tmp_path / "saved.sqlite3"))
    assert made.code == 0, made.text
    garbage = os.urandom(16 * 1024)
    (installed / DB).write_bytes(garbage)
    assert run_cli(installed, "activities", "list").code == 1  # refused, as above
    restored = run_cli(installed, "backup", "restore", str(tmp_path / "saved.sqlite3"), "--yes")
    assert restored.code == 0, restored.text
    assert run_cli(installed, "check").code == 0
    kept = list((installed / "backups" / "damaged").glob("*.sqlite3"))
    assert [path.read_bytes() for path in kept] == [garbage]  # for the IT staff
    listed = run_cli(installed, "backup", "list")
    assert "damaged" not in listed.text and kept[0].name not in listed.text  # not a backup


def test_crash_leftovers_are_removed_at_start_but_never_a_live_file(installed: Path) -> None:
    old = [
        installed / "exports" / ".BC-2021-09-03703-r1.qnbc.k2j3h4.part",
        installed / "backups" / ".quynhnhai-20211001-080000-auto.sqlite3.x1y2.part",
        installed / "backups" / ".quynhnhai-20211001-080000-auto.sqlite3.x1y2.part-journal",
        installed / ".restore-abc123.part",
        installed / f".{DB}.4242.new.part",
    ]
    fresh = installed / "exports" / ".BC-2021-10-03703-r1.qnbc.a1b2c3.part"  # being written
    others = [installed / "notes.part", installed / "exports" / "BC-2021-09-03703-r1.qnbc"]
    an_hour_and_more = os.stat(installed / DB).st_mtime - 2 * 3600
    for path in [*old, fresh, *others]:
        path.write_bytes(b"x")
    for path in [*old, *others]:
        os.utime(path, (an_hour_and_more, an_hour_and_more))
    before = files_of(installed)
    assert run_cli(installed, "check").code == 0
    assert [path for path in old if path.exists()] == []
    assert fresh.exists() and all(path.exists() for path in others)
    assert files_of(installed) == before  # the database itself: never


def test_the_private_key_is_never_readable_by_others(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quynhnhai_desktop.services import identity

    widened: list[int] = []
    real_chmod = Path.chmod

    def chmod(self: Path, mode: int, **kwargs: object) -> None:
        if self.name.startswith(f".{identity.KEY_FILE}") or self.name == identity.KEY_FILE:
            widened.append(mode)
        real_chmod(self, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "chmod", chmod)
    identity.load_or_create(paths.keys_dir)
    key_file = paths.keys_dir / identity.KEY_FILE
    if os.name != "nt":
        assert key_file.stat().st_mode & 0o777 == 0o600
        assert paths.keys_dir.stat().st_mode & 0o077 == 0
    assert widened == []  # created 0600 and never changed: no moment when others could read


def test_database_errors_never_put_names_in_the_log(commune_db) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    from quynhnhai_desktop.services import reference

    with commune_db.session() as session:
        village = reference.add_village(session, "03703", "Bản Nà")
    with pytest.raises(IntegrityError) as caught, commune_db.session() as session:
        session.connection().execute(  # the same id again: refused by SQLite
            text(
                "INSERT INTO village(id, commune_code, name, name_folded, sort_key, active, "
                "created_at, updated_at) VALUES (:id, '03703', :name, :name, x'00', 1, "
                "'2021-09-01', '2021-09-01')"
            ),
            {"id": village.id, "name": "Nguyễn Văn Riêng"},
        )
    assert "Riêng" not in str(caught.value)
    assert "parameters hidden" in str(caught.value)


def test_the_window_explains_a_full_disk_instead_of_a_bug(
    qtbot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from quynhnhai_desktop import logging_setup
    from quynhnhai_desktop.gui import excepthook

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _title, text: shown.append(text))
    logging_setup.configure(paths.log_file)
    original = sys.excepthook
    try:
        excepthook.install(paths)
        try:
            raise OSError(errno.ENOSPC, "No space left on device", str(paths.data_dir / "x.pdf"))
        except OSError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        sys.excepthook = original
    assert shown and "Ổ đĩa đã đầy" in shown[0] and "x.pdf" in shown[0]
    logging.shutdown()
    assert "No space left on device" in paths.log_file.read_text(encoding="utf-8")


def test_a_full_disk_during_a_package_import_at_the_district_changes_nothing(
    db, paths: AppPaths, tmp_path: Path, capsys, database_cannot_grow: None
) -> None:  # type: ignore[no-untyped-def]
    from quynhnhai_desktop.services import identity
    from quynhnhai_desktop.services import profile as profile_service
    from tests.support.package_helpers import enrol, make_package, many_rows_data

    profile_service.set_up(
        db,
        profile_service.SetupRequest(
            mode="district", unit_code="118", signer_name="Lương Văn Thảo", signer_title="TP"
        ),
    )
    key = identity.load_or_create(tmp_path / "commune-keys")
    enrol(db, key)  # the district trusts this commune's key: the import itself hits the disk
    db.close()
    name, blob = make_package(key, data=many_rows_data(400))
    (tmp_path / "usb").mkdir()
    (tmp_path / "usb" / name).write_bytes(blob)
    before = database_dump(paths.data_dir)
    code = cli.main(["--data-dir", str(paths.data_dir), "package", "import", str(tmp_path / "usb")])
    out, err = capsys.readouterr()
    assert code == 1 and "đã đầy" in out + err and "Traceback" not in out + err, out + err
    assert database_dump(paths.data_dir) == before


def test_a_folder_that_cannot_be_listed_has_no_leftovers_to_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows cannot list an empty drive's root (FindFirstFile: "file not found"): exporting
    to an empty USB stick must not fail on the clean-up of a previous crash (seen under Wine)."""
    from quynhnhai_desktop.store import files

    def unlistable(self: Path, pattern: str) -> list[Path]:
        raise FileNotFoundError(2, "The system cannot find the file specified", str(self))

    monkeypatch.setattr(Path, "glob", unlistable)
    assert files.remove_leftovers([tmp_path], older_than_s=0) == []
