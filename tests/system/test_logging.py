"""The log: rotated when a process starts logging, never lost when another process holds it.

The window keeps the log open all day while CLI commands write to it too. On Windows a file
another process has open cannot be renamed; Python's RotatingFileHandler then failed every
rollover and dropped the records. Here the rotation happens once, at start, and a log that
cannot move is appended to. Runs on Linux and under Wine (build/wine/windows-tests.txt),
where holding the file open is the real Windows refusal.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from quynhnhai_desktop import logging_setup

OLD_LINE = "an earlier day's line\n"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "logs" / "quynhnhai.log"
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_quynhnhai", False)]:
        root.removeHandler(handler)
        handler.close()


def _large_log(log_file: Path) -> str:
    log_file.parent.mkdir(parents=True, exist_ok=True)
    text = OLD_LINE * (logging_setup.MAX_BYTES // len(OLD_LINE) + 1)
    log_file.write_text(text, encoding="utf-8")
    return text


def _lines_logged(log_file: Path) -> str:
    logging_setup.configure(log_file)
    logging.getLogger("quynhnhai_desktop.test").info("a line of today")
    for handler in logging.getLogger().handlers:
        handler.flush()
    return log_file.read_text(encoding="utf-8")


def test_a_large_log_moves_aside_at_start_and_the_oldest_backup_goes(log_file: Path) -> None:
    old = _large_log(log_file)
    for number in range(1, logging_setup.BACKUPS + 1):
        (log_file.parent / f"quynhnhai.log.{number}").write_text(f"backup {number}\n", "utf-8")
    now = _lines_logged(log_file)
    assert "a line of today" in now and OLD_LINE not in now
    assert (log_file.parent / "quynhnhai.log.1").read_text(encoding="utf-8") == old
    for number in range(2, logging_setup.BACKUPS + 1):
        moved = (log_file.parent / f"quynhnhai.log.{number}").read_text(encoding="utf-8")
        assert moved == f"backup {number - 1}\n"
    assert not (log_file.parent / f"quynhnhai.log.{logging_setup.BACKUPS + 1}").exists()
    assert sorted(p.name for p in log_file.parent.iterdir() if ".moving" in p.name) == []


def test_a_small_log_is_appended_to(log_file: Path) -> None:
    log_file.parent.mkdir(parents=True)
    log_file.write_text(OLD_LINE, encoding="utf-8")
    now = _lines_logged(log_file)
    assert now.startswith(OLD_LINE) and "a line of today" in now
    assert not (log_file.parent / "quynhnhai.log.1").exists()


def _held_elsewhere(log_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What Windows answers when another process has the log open: a refusal to rename it."""
    original = Path.replace

    def refused(self: Path, target: str | Path) -> Path:
        if self == log_file:
            raise PermissionError(32, "The process cannot access the file", str(self))
        return original(self, target)

    monkeypatch.setattr(Path, "replace", refused)


@pytest.mark.parametrize("how", ["held by another process", "refused (as Windows does)"])
def test_a_large_log_held_elsewhere_is_appended_to_and_nothing_is_lost(
    log_file: Path, monkeypatch: pytest.MonkeyPatch, how: str, tmp_path: Path
) -> None:
    old = _large_log(log_file)
    (log_file.parent / "quynhnhai.log.1").write_text("backup 1\n", encoding="utf-8")
    holder = None
    if how == "held by another process":
        if sys.platform != "win32":
            pytest.skip("POSIX renames a file another process has open (it writes on in .1)")
        holder = subprocess.Popen(  # a second program with the log open, as the window is
            [sys.executable, "-c", "import sys; f = open(sys.argv[1], 'a'); print('open', "
             "flush=True); sys.stdin.read()", str(log_file)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
    else:
        _held_elsewhere(log_file, monkeypatch)
    try:
        now = _lines_logged(log_file)
    finally:
        if holder is not None:
            holder.communicate("", timeout=60)
    assert now.startswith(old) and now.endswith("a line of today\n")
    assert (log_file.parent / "quynhnhai.log.1").read_text(encoding="utf-8") == "backup 1\n"
    assert not (log_file.parent / "quynhnhai.log.2").exists()
