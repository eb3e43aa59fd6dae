"""Two writers at once, as processes: the second waits for the first, nothing is lost.

Write transactions begin IMMEDIATE (store/engine.py), so a second writer waits on SQLite's
busy timeout instead of failing at once with "database is locked" when it upgrades a read
to a write. Twenty times, two `activities import` of different files start together on one
commune; at the district two `package import` of different communes' files. Each command
ends with its own success, or, if it waited longer than the timeout, with the app's "busy"
message (never a traceback); every row of every file that said "imported" is there.

With DEFERRED transactions (the former default) the first test fails within a few runs:
"database is locked" as a traceback, the busy timeout never consulted.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.hostile import CliResult, run_cli

ROOT = Path(__file__).resolve().parents[2]
RUNS = 20
ROWS = 2500  # enough parsing inside the transaction that the two overlap
SIGNER = ["--signer-name", "Lò Văn Thành", "--signer-title", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"]
BUSY = "Dữ liệu đang bận"


def start_cli(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "quynhnhai_desktop", "--data-dir", str(data_dir), *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def finish(proc: subprocess.Popen[str]) -> CliResult:
    out, err = proc.communicate(timeout=600)
    return CliResult(proc.returncode, out, err)


def at_once(data_dir: Path, *commands: list[str]) -> list[CliResult]:
    """Start every command before waiting for any: they run side by side."""
    procs = [start_cli(data_dir, *command) for command in commands]
    return [finish(proc) for proc in procs]


def assert_done_or_busy(result: CliResult) -> bool:
    """True when the command did its work; a wait that ran out must say so, nothing else."""
    assert "Traceback" not in result.text, result.text
    assert "database is locked" not in result.text, result.text
    if result.code == 0:
        return True
    assert result.code == 1 and BUSY in result.text, result.text
    return False


def activities_file(folder: Path, run: int, which: str) -> Path:
    lines = ["date,village,team,form,topics,people,sessions,note"] + [
        f"{row % 28 + 1:02d}/09/2021,Bản {which},Đoàn Thanh niên,direct,bluezone,"
        f"{20 + row % 50},1,lần {run} tệp {which} dòng {row}"
        for row in range(ROWS)
    ]
    path = folder / f"run{run}-{which}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def notes(data_dir: Path) -> set[str]:
    conn = sqlite3.connect(f"{(data_dir / 'quynhnhai.sqlite3').as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT note FROM activity")}
    finally:
        conn.close()


def test_two_activity_imports_at_once_twenty_times_lose_no_row(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert run_cli(data_dir, "init", "--commune", "03703", *SIGNER).code == 0
    expected: set[str] = set()
    waited_out = 0
    for run in range(RUNS):
        files = {which: activities_file(tmp_path, run, which) for which in ("A", "B")}
        results = at_once(
            data_dir,
            *(["activities", "import", str(path), "--create-missing"] for path in files.values()),
        )
        for which, result in zip(files, results, strict=True):
            if assert_done_or_busy(result):
                assert f"Đã nhập {ROWS} hoạt động" in result.out, result.text
                expected |= {f"lần {run} tệp {which} dòng {row}" for row in range(ROWS)}
            else:
                waited_out += 1
    present = notes(data_dir)
    assert expected <= present  # every row of every import that said so
    assert len(present) == len(expected)  # and nothing of one that did not
    print(f"\n{RUNS} runs of two concurrent imports: {waited_out} waited out the timeout")
    assert waited_out < RUNS  # the waiting worked (it is two minutes per command)


def test_two_package_imports_at_once_at_the_district_lose_no_report(tmp_path: Path) -> None:
    """Two communes' files imported by two processes at once, several times."""
    packages = tmp_path / "usb"
    packages.mkdir()
    communes = ("03703", "03706")
    for code in communes:
        folder = tmp_path / code
        assert run_cli(folder, "init", "--commune", code, *SIGNER).code == 0
        assert run_cli(folder, "demo", "--months", "2", "--until", "2021-10").code == 0
        for month in ("2021-09", "2021-10"):
            result = run_cli(folder, "package", "export", "--month", month, "--out", str(packages))
            assert result.code == 0, result.text
    district = tmp_path / "district"
    assert run_cli(district, "init", "--district", "118", *SIGNER).code == 0
    for code in communes:  # the district confirms each commune's key (it imports that file)
        first = next(packages.glob(f"BC-2021-09-{code}-*.qnbc"))
        assert run_cli(district, "district", "enrol", "--yes", str(first)).code == 0
    imported = 0  # a file already imported by its enrolment counts as done (exit 0)
    for month in ("2021-09", "2021-10"):
        files = [str(p) for p in sorted(packages.glob(f"BC-{month}-*.qnbc"))]
        assert len(files) == len(communes)
        results = at_once(district, *(["package", "import", path] for path in files))
        imported += sum(assert_done_or_busy(result) for result in results)
    conn = sqlite3.connect(f"{(district / 'quynhnhai.sqlite3').as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT count(*) FROM imported_report").fetchone()[0]
    finally:
        conn.close()
    assert rows == imported and imported > 0


@pytest.fixture(autouse=True)
def _no_data_dir_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUYNHNHAI_DATA_DIR", raising=False)


def test_a_read_never_waits_for_another_programs_write(commune_db, paths) -> None:  # type: ignore[no-untyped-def]
    """While one connection holds the write lock (a long import), the window's lists and the
    report's figures still read; a second writer would wait (here: refused at once)."""
    from sqlalchemy import text

    from quynhnhai_desktop.store.database import open_database
    from quynhnhai_desktop.store.engine import make_engine

    other = open_database(paths.database_url, busy_timeout_ms=0)
    try:
        with commune_db.session() as writing:  # BEGIN IMMEDIATE: the write lock, held
            writing.connection().execute(text("UPDATE profile SET signer_name = 'X'"))
            with other.read_session() as reading:
                assert reading.connection().execute(text("SELECT count(*) FROM profile")).scalar()
            impatient = make_engine(paths.database_url, busy_timeout_ms=0)
            try:
                with pytest.raises(Exception, match="locked"), impatient.begin() as conn:
                    conn.execute(text("SELECT 1"))
            finally:
                impatient.dispose()
            writing.rollback()
    finally:
        other.close()
