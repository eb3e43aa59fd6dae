"""Hostile cases, checked the same way everywhere: run the real command line in its own
process (as a clerk's shortcut or a script would), then check the exit code, that the message
is the app's own (no traceback reaches the screen) and that the database did not change.

    before = database_dump(data_dir)
    result = run_cli(data_dir, "activities", "import", str(bad_file))
    assert_refused(result, data_dir, before, "không đọc được")
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

DATABASE_NAME = "quynhnhai.sqlite3"
EXIT_USER_ERROR = 1


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def run_cli(
    data_dir: Path,
    *args: str,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 300,
) -> CliResult:
    """``python -m quynhnhai_desktop --data-dir DATA_DIR ARGS`` in a new process."""
    done = subprocess.run(
        [sys.executable, "-m", "quynhnhai_desktop", "--data-dir", str(data_dir), *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        timeout=timeout,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


def database_dump(data_dir: Path) -> str | None:
    """The database as SQL text (every schema object and row), or None when there is none.

    Read through a read-only connection, so looking never changes what is looked at.
    """
    database = Path(data_dir) / DATABASE_NAME
    if not database.exists():
        return None
    conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def assert_refused(
    result: CliResult,
    data_dir: Path,
    before: str | None,
    *expected: str,
    code: int = EXIT_USER_ERROR,
) -> None:
    """The command failed with the app's own message and left the database as it was."""
    assert result.code == code, result.text
    assert "Traceback" not in result.text, result.text
    assert result.text.strip(), "refused without saying why"
    for words in expected:
        assert words in result.text, result.text
    assert database_dump(data_dir) == before, "the database changed"
