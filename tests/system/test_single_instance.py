"""One window per data folder: a second start brings the first forward, or says it is open."""

from __future__ import annotations

import gc
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import app, i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.main_window import MainWindow
from quynhnhai_desktop.gui.single_instance import SingleInstance
from quynhnhai_desktop.instance import InstanceLock
from quynhnhai_desktop.store.database import Database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _qt_vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    i18n.install("vi")


def test_second_start_brings_the_running_window_forward(
    qtbot: QtBot, paths: AppPaths, commune_db: Database
) -> None:
    commune_db.close()
    first = SingleInstance(paths)
    assert first.acquire()
    window = MainWindow(paths)
    qtbot.addWidget(window)
    window.first_painted.connect(lambda: first.serve(window))
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.show()
    window.showMinimized()
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        with qtbot.waitSignal(first.activation_requested, timeout=30_000):
            second = subprocess.Popen(
                [sys.executable, "-m", "quynhnhai_desktop", "--data-dir", str(paths.data_dir)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
    finally:
        first.release()
    assert second.returncode == 0
    assert not window.isMinimized()  # brought forward
    log = paths.log_file.read_text(encoding="utf-8")
    assert "already running: brought its window forward" in log
    # The second start never became a window: this run's marker is still the first's.
    assert json.loads(paths.session_marker.read_text())["pid"] == os.getpid()


def test_when_the_running_app_cannot_answer_the_second_start_says_it_is_open(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    holder = InstanceLock(paths)  # e.g. a command-line restore, which has no window
    assert holder.try_acquire()
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, t, text: shown.append((t, text)))
    monkeypatch.setattr(SingleInstance, "handover_timeout_ms", 300)
    try:
        assert app.run(data_dir=str(paths.data_dir)) == 0
    finally:
        holder.release()
    assert gc.isenabled()  # start-up pauses the cyclic collector, every way out resumes it
    [(title, text)] = shown
    assert title == "Quỳnh Nhai đang mở"
    assert str(paths.data_dir) in text and "thanh tác vụ" in text
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.paths == paths
    ]
    assert not paths.database.exists()  # the database was never opened by the second start


def test_a_crashed_window_never_locks_the_clerk_out(paths: AppPaths) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import os, time\n"
            "from quynhnhai_desktop.config import AppPaths\n"
            "from quynhnhai_desktop.instance import InstanceLock\n"
            f"lock = InstanceLock(AppPaths.resolve({str(paths.data_dir)!r}))\n"
            "print(lock.try_acquire(), os.getpid(), flush=True)\n"
            "time.sleep(60)\n",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    acquired, pid = holder.stdout.readline().split()
    assert acquired == "True"
    lock = InstanceLock(paths)
    assert not lock.try_acquire()
    # The interpreter's pid: in a Windows venv, python.exe is a launcher that starts the base
    # interpreter as its child, so Popen's pid is not the process that holds the lock.
    assert lock.holder() == int(pid)
    os.kill(int(pid), signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
    holder.wait()
    assert lock.try_acquire()  # the stale lock of a dead process is taken over
    lock.release()


def test_a_lock_left_under_this_very_process_id_is_stale(paths: AppPaths) -> None:
    """After a restart Windows may give the new window the dead one's process id (Wine always
    does): the lock that id left behind must not lock the clerk out."""
    earlier = InstanceLock(paths)
    assert earlier.try_acquire()
    left_behind = paths.lock_file.read_bytes()  # this pid, this program, this machine
    earlier.release()
    paths.lock_file.write_bytes(left_behind)  # as a power cut leaves it
    lock = InstanceLock(paths)
    assert lock.try_acquire()
    assert lock.holder() == os.getpid()
    lock.release()
    assert not paths.lock_file.exists()
