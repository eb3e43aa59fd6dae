"""A -wal another connection holds open is SQLite's own; one nobody holds is looked at.

Runs on Linux and under Windows (build/wine/windows-tests.txt): the probe is a lock on the
-shm's "dead man switch" byte, an open file description lock on Linux, a handle's lock on
Windows, and either way it must leave this process's own SQLite locks as they were.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from quynhnhai_desktop.store import preflight as preflight_module
from quynhnhai_desktop.store.preflight import preflight
from quynhnhai_desktop.store.wal_live import held_open

HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("PRAGMA wal_autocheckpoint=0")
conn.execute("INSERT INTO village(name) VALUES ('Bản Nà')")
print("ready", flush=True)
sys.stdin.readline()  # holds the database open until the test closes our stdin
conn.close()
"""


def _made(folder: Path) -> Path:
    """A database with the tables preflight looks for, in WAL mode, closed."""
    database = folder / "quynhnhai.sqlite3"
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    for table in ("profile", "village", "team", "activity", "alembic_version"):
        conn.execute(f"CREATE TABLE {table}(id INTEGER PRIMARY KEY, name TEXT)")
    conn.close()
    return database


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return _made(tmp_path)


@pytest.fixture
def holder(database: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process (the window) with *database* open and pages in its -wal."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    yield process
    assert process.stdin is not None
    process.stdin.close()
    assert process.wait(timeout=60) == 0


def _wal(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def test_a_database_nobody_has_open_is_not_held(database: Path, tmp_path: Path) -> None:
    assert held_open(database) is False  # closed: no -wal, and no -shm in use
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("INSERT INTO village(name) VALUES ('Bản Đán')")
    left = tmp_path / "left"
    left.mkdir()
    for suffix in ("", "-wal", "-shm"):  # what a power cut leaves: the three files, unheld
        shutil.copy(f"{database}{suffix}", left / f"{database.name}{suffix}")
    conn.close()
    assert _wal(left / database.name).stat().st_size > 0
    assert held_open(left / database.name) is False


@pytest.mark.usefixtures("holder")
def test_a_database_another_process_has_open_is_held(database: Path) -> None:
    assert _wal(database).stat().st_size > 0
    assert held_open(database) is True
    assert held_open(database) is True  # asked again: the same answer


def test_the_probe_leaves_this_process_s_own_connection_its_locks(database: Path) -> None:
    """Closing a descriptor of the -shm drops every POSIX lock this process holds on it,
    SQLite's included: the probe must not. A second process still sees the file held after
    our looks, and our connection still reads and writes."""
    conn = sqlite3.connect(database, isolation_level=None)
    try:
        conn.execute("INSERT INTO village(name) VALUES ('Bản Nà')")
        assert held_open(database) is True  # this process's own connection counts
        assert held_open(database) is True
        seen = subprocess.run(
            [sys.executable, "-c", _ASK, str(database)],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        assert seen.stdout.strip() == "True"
        conn.execute("INSERT INTO village(name) VALUES ('Bản Đán')")
        assert conn.execute("SELECT count(*) FROM village").fetchone() == (2,)
    finally:
        conn.close()
    assert not _wal(database).exists()  # the last connection folded it in, as ever


_ASK = (
    "import sys; from pathlib import Path; "
    "from quynhnhai_desktop.store.wal_live import held_open; "
    "print(held_open(Path(sys.argv[1])))"
)


def _pages_checked(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    checked: list[bool] = []
    real = preflight_module._check_contents

    def spy(database: Path, has_wal: bool, *, check_pages: bool) -> None:
        checked.append(check_pages)
        real(database, has_wal, check_pages=check_pages)

    monkeypatch.setattr(preflight_module, "_check_contents", spy)
    return checked


@pytest.mark.usefixtures("holder")
def test_preflight_trusts_a_live_wal_and_checks_a_left_one(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = _pages_checked(monkeypatch)
    assert preflight(database) is False
    left = tmp_path / "left"
    left.mkdir()
    for suffix in ("", "-wal"):
        shutil.copy(f"{database}{suffix}", left / f"{database.name}{suffix}")
    assert preflight(left / database.name) is False
    assert checked == [False, True]  # the window's -wal trusted; a left one read through


@pytest.mark.usefixtures("holder")
def test_a_system_that_cannot_tell_checks_the_pages(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quynhnhai_desktop.store import wal_live

    monkeypatch.setattr(wal_live, "_system_probe", lambda: wal_live._cannot_tell)
    assert held_open(database) is None
    checked = _pages_checked(monkeypatch)
    assert preflight(database) is False
    assert checked == [True]
