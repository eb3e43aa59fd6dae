"""Start-up: the database is opened (an upgrade and its backup) off the GUI thread, behind a
progress window that shows only when opening takes longer than a moment."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui import startup
from quynhnhai_desktop.gui.main_window import MainWindow
from quynhnhai_desktop.store.database import Database


def test_a_slow_open_runs_off_the_gui_thread_behind_a_progress_window(
    qtbot: QtBot, paths: AppPaths, commune_db: Database, monkeypatch: Any, tmp_path: Any
) -> None:
    i18n.install("vi")
    commune_db.close()
    real = startup.open_database
    seen: dict[str, Any] = {}
    shown = threading.Event()

    def slow_open(url: str, **options: Any) -> Database:
        seen["thread"] = threading.current_thread()
        # An upgrade of a large database: the window must paint its progress meanwhile.
        seen["painted"] = shown.wait(30)
        return real(url, **options)

    monkeypatch.setattr(startup, "open_database", slow_open)
    window = MainWindow(paths)
    qtbot.addWidget(window)

    def look() -> None:
        for dialog in window.findChildren(QProgressDialog):
            if dialog.isVisible() and not shown.is_set():
                seen["label"] = dialog.labelText()
                dialog.grab().save(str(tmp_path.parent / "i16-opening.png"))
                shown.set()

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(50)
    with qtbot.waitSignal(window.ready, timeout=60_000):
        window.show()
    timer.stop()
    assert seen["thread"] is not threading.main_thread()
    assert seen["painted"], "no progress window: the GUI thread was held"
    assert seen["label"].startswith("Đang mở dữ liệu")
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))
    assert window.state is not None and window.state.profile.unit_code == "03703"


def test_a_refused_database_is_said_in_a_box_after_the_worker_raised(
    qtbot: QtBot, paths: AppPaths, monkeypatch: Any
) -> None:
    i18n.install("vi")
    paths.database.write_bytes(b"not a database at all, just some bytes" * 100)
    said: list[str] = []
    monkeypatch.setattr(
        startup, "show_refusal", lambda _parent, error: said.append(i18n.message(error))
    )
    window = MainWindow(paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    assert "Traceback" not in said[0] and said[0]
    assert paths.database.read_bytes().startswith(b"not a database")  # left untouched
