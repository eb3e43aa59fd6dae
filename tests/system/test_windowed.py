"""The windowed build has no console (sys.stdout and sys.stderr are None): nothing breaks,
and unexpected errors still reach the log with their traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from quynhnhai_desktop.config import AppPaths

ROOT = Path(__file__).resolve().parents[2]
NO_CONSOLE = "import sys\nsys.stdout = None\nsys.stderr = None\n"


def run_without_console(code: str, **env: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", NO_CONSOLE + textwrap.dedent(code)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stderr == "" or "propagateSizeHints" in done.stderr, done.stderr
    return done.returncode


def test_cli_runs_and_fails_politely_without_a_console(tmp_path: Path) -> None:
    data = tmp_path / "d"
    code = f"""
        from quynhnhai_desktop.cli import main
        assert main(["--data-dir", {str(data)!r}, "init", "--commune", "03703",
                     "--signer-name", "Lò Văn Thành", "--signer-title", "PHÓ CHỦ TỊCH"]) == 0
        assert main(["--data-dir", {str(data)!r}, "backup", "create"]) == 0
        assert main(["--data-dir", {str(data)!r}, "backup", "restore", "khong-co.sqlite3",
                     "--yes"]) == 1
        try:
            main(["--data-dir", {str(data)!r}, "backup", "--no-such-option"])
        except SystemExit as exit:
            assert exit.code == 2
    """
    assert run_without_console(code) == 0
    assert len(list((data / "backups").iterdir())) == 1


def test_unexpected_error_without_a_console_is_logged_with_its_traceback(tmp_path: Path) -> None:
    data = tmp_path / "d"
    code = f"""
        from quynhnhai_desktop.cli import main
        from quynhnhai_desktop.services import backup
        def broken(*args, **kwargs):
            raise RuntimeError("ổ đĩa biến mất giữa chừng")
        backup.list_backups = broken
        raise SystemExit(main(["--data-dir", {str(data)!r}, "backup", "list"]))
    """
    assert run_without_console(code) == 1  # the app's own "something went wrong", exit 1
    log = AppPaths(data).log_file.read_text(encoding="utf-8")
    assert "unexpected error in 'backup'" in log
    assert "Traceback" in log and "RuntimeError: ổ đĩa biến mất giữa chừng" in log


def test_window_starts_and_closes_cleanly_without_a_console(tmp_path: Path) -> None:
    data = tmp_path / "d"
    code = f"""
        sys.argv = ["quynhnhai-gui", "--data-dir", {str(data)!r}, "--demo"]
        from quynhnhai_desktop.cli import windowed
        raise SystemExit(windowed())
    """
    # The start-up probe closes the window as soon as the data shows.
    assert run_without_console(code, QUYNHNHAI_STARTUP_PROBE="1") == 0
    paths = AppPaths(data)
    assert paths.backup_owed_marker.exists()  # the exit backup: owed to the next start
    assert (paths.logs_dir / "faults.log").exists()
    assert not paths.session_marker.exists()  # a clean exit
    assert not paths.lock_file.exists()  # the lock is released
