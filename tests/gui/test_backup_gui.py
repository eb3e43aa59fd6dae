"""Settings → Backup as a clerk uses it, and what the window does at start and at exit."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.backup.group import BackupGroup
from quynhnhai_desktop.gui.backup.model import BackupListModel
from quynhnhai_desktop.gui.backup.restore_dialog import RestoreDialog
from quynhnhai_desktop.gui.main_window import MainWindow
from quynhnhai_desktop.gui.settings_page import SettingsPage
from quynhnhai_desktop.gui.tasks import Task
from quynhnhai_desktop.services import backup, run_markers
from quynhnhai_desktop.store.database import Database
from tests.support.db_snapshot import files_digest, snapshot

# Set to a folder to keep the screenshots (docs/screenshots is where they are published).
SCREENSHOT_DIR = os.environ.get("QUYNHNHAI_SCREENSHOT_DIR")


@pytest.fixture(autouse=True)
def _qt_vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    i18n.install("vi")


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Every information/warning box, as (kind, title, text), answered with OK."""
    shown: list[tuple[str, str, str]] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            lambda _parent, title, text, *_a, _k=kind: shown.append((_k, title, text)),
        )
    return shown


def _screenshot(widget: object, tmp_path: Path, name: str) -> None:
    image = widget.grab()  # type: ignore[attr-defined]
    image.save(str(tmp_path / name))
    if SCREENSHOT_DIR:
        Path(SCREENSHOT_DIR).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(SCREENSHOT_DIR) / name))


def open_window(qtbot: QtBot, paths: AppPaths) -> MainWindow:
    window = MainWindow(paths)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.show()
    return window


def settled_window(qtbot: QtBot, paths: AppPaths) -> MainWindow:
    """The window once its start-up check and the day's first backup are done."""
    window = MainWindow(paths)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.database_checked, timeout=20_000):
        window.show()
    assert window.guard is not None
    qtbot.waitUntil(lambda: window.guard._task is None, timeout=20_000)  # type: ignore[union-attr]
    return window


def backup_group(window: MainWindow) -> BackupGroup:
    page = window.show_section("settings")
    assert isinstance(page, SettingsPage)
    return page.backup_group


# -- the list of automatic backups ----------------------------------------------------


def test_backup_list_model(qtmodeltester, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "backups"
    folder.mkdir()
    for day, kind in ((1, backup.Kind.AUTO), (2, backup.Kind.BEFORE_MIGRATION)):
        (folder / backup.backup_name(dt.datetime(2021, 9, day, 17, 30), kind)).write_bytes(
            b"x" * 2048
        )
    model = BackupListModel(folder)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    shown = [[model.index(r, c).data() for c in range(4)] for r in range(2)]
    assert shown == [
        [
            "02/09/2021 17:30",
            "trước khi nâng cấp dữ liệu",
            "2,0 kB",
            "quynhnhai-20210902-173000-before-migration.sqlite3",
        ],
        ["01/09/2021 17:30", "tự động", "2,0 kB", "quynhnhai-20210901-173000-auto.sqlite3"],
    ]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Thời điểm", "Loại", "Dung lượng", "Tệp"]


def test_the_day_starts_with_an_automatic_backup_shown_in_settings(
    pinned_today: dt.date, qtbot: QtBot, paths: AppPaths, filled_db: Database, tmp_path: Path
) -> None:
    filled_db.close()
    window = settled_window(qtbot, paths)
    [made] = backup.list_backups(paths.backups_dir)
    assert made.kind is backup.Kind.AUTO
    assert made.made_at.date() == dt.date(2021, 9, 20)  # the pinned today
    assert window.guard is not None and not window.guard.backup_if_due()  # once a day
    group = backup_group(window)
    assert group.model.rowCount() == 1
    assert group.model.index(0, 1).data() == "tự động"
    assert not group.restore_selected_button.isEnabled()
    group.table.selectRow(0)
    assert group.restore_selected_button.isEnabled()
    window.resize(1100, 820)
    _screenshot(window, tmp_path, "settings-backup.png")


# -- back up to a USB stick -----------------------------------------------------------


def test_back_up_to_a_chosen_place(
    qtbot: QtBot,
    paths: AppPaths,
    filled_db: Database,
    tmp_path: Path,
    messages: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    filled_db.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    asked: list[str] = []

    def choose(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(usb / "sao-luu-thang-11"), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    window = settled_window(qtbot, paths)
    group = backup_group(window)
    with qtbot.waitSignal(group.finished, timeout=20_000) as finished:
        qtbot.mouseClick(group.create_button, Qt.MouseButton.LeftButton)
    assert finished.args == ["created"]
    assert Path(asked[0]).name.startswith("QuynhNhai-saoluu-03703-")
    written = usb / "sao-luu-thang-11.sqlite3"
    assert [p.name for p in usb.iterdir()] == [written.name]
    assert snapshot(written) == snapshot(paths.database)
    [(kind, title, text)] = messages
    assert (kind, title) == ("information", "Đã sao lưu")
    assert str(written) in text and "có thể rút USB" in text
    assert group.create_button.isEnabled()


def test_a_backup_that_lasts_shows_its_progress_in_a_dialog(
    qtbot: QtBot,
    paths: AppPaths,
    filled_db: Database,
    tmp_path: Path,
    messages: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With no delay (as a million activities' backup gets after 0.7 s) the dialog shows the
    copy's progress; it goes when the backup is done, and nothing of it stays."""
    from PySide6.QtWidgets import QProgressDialog

    from quynhnhai_desktop.gui.backup import group as group_module

    filled_db.close()
    monkeypatch.setattr(group_module, "PROGRESS_DELAY_MS", 0)
    target = tmp_path / "copy.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    shown: list[tuple[str, int, bool]] = []
    set_value = QProgressDialog.setValue

    def recorded(dialog: QProgressDialog, value: int) -> None:
        shown.append((dialog.labelText(), value, dialog.isVisible()))
        set_value(dialog, value)  # a modal one runs the events: the next value may come

    monkeypatch.setattr(QProgressDialog, "setValue", recorded)
    window = settled_window(qtbot, paths)
    group = backup_group(window)
    with qtbot.waitSignal(group.finished, timeout=20_000) as finished:
        qtbot.mouseClick(group.create_button, Qt.MouseButton.LeftButton)
    assert finished.args == ["created"] and target.exists()
    mine = [(value, visible) for label, value, visible in shown if label == "Đang sao lưu…"]
    assert any(visible for _value, visible in mine)
    values = [value for value, _visible in mine]
    assert values == sorted(values) and values[-1] > 0
    qtbot.waitUntil(lambda: not group.findChildren(QProgressDialog))


# -- restore ----------------------------------------------------------------------------


def _choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), "Bản sao lưu (*.sqlite3)")
    )


def test_restore_from_a_file_after_looking_at_what_it_holds(
    qtbot: QtBot,
    paths: AppPaths,
    filled_db: Database,
    tmp_path: Path,
    messages: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stick = backup.write_backup(paths.database, tmp_path / "usb" / "QuynhNhai-saoluu.sqlite3")
    in_backup = snapshot(stick)
    with filled_db.engine.begin() as conn:  # work done since: the restore will replace it
        conn.exec_driver_sql("UPDATE venue SET name = 'Chợ mới' WHERE id = 1")
    filled_db.close()
    _choose_file(monkeypatch, stick)
    seen: dict[str, str] = {}

    def confirm(dialog: RestoreDialog) -> int:
        seen.update({label: value.text() for label, value in dialog.values.items()})
        dialog.adjustSize()
        _screenshot(dialog, tmp_path, "restore-confirm.png")
        assert dialog.other_unit is None  # same commune
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestoreDialog, "exec", confirm)
    window = settled_window(qtbot, paths)
    group = backup_group(window)
    old_state = window.state
    with qtbot.waitSignal(group.finished, timeout=20_000) as finished:
        qtbot.mouseClick(group.restore_file_button, Qt.MouseButton.LeftButton)

    assert finished.args == ["restored"]
    assert seen["Đơn vị:"] == "Xã Mường Giàng (03703)"
    assert seen["Hoạt động:"].startswith(f"{len(in_backup['activity'])}, từ 01/09/2021 đến ")
    assert seen["Danh mục:"] == "10 bản, 14 lực lượng, 32 địa điểm"
    assert window.state is not None and window.state is not old_state  # reopened
    assert snapshot(paths.database) == in_backup
    [(kind, title, text)] = messages
    assert (kind, title) == ("information", "Đã khôi phục dữ liệu")
    assert "-before-restore.sqlite3" in text
    kept = [b for b in backup.list_backups(paths.backups_dir) if b.kind.name == "BEFORE_RESTORE"]
    conn = sqlite3.connect(kept[0].path)
    assert conn.execute("SELECT name FROM venue WHERE id = 1").fetchone() == ("Chợ mới",)
    conn.close()
    page = window.show_section("settings")  # the pages were rebuilt on the new database
    assert isinstance(page, SettingsPage) and page.backup_group is not group


def test_restore_warns_when_the_backup_is_another_communes(
    qtbot: QtBot, paths: AppPaths, filled_db: Database, tmp_path: Path
) -> None:
    stick = backup.write_backup(paths.database, tmp_path / "usb" / "khac.sqlite3")
    conn = sqlite3.connect(stick)
    conn.execute("UPDATE profile SET unit_code = '03706', unit_name = 'Chiềng Bằng'")
    conn.commit()
    conn.close()
    summary = backup.check_backup(stick, stick.name, writable=False)
    dialog = RestoreDialog(summary, "03703")
    qtbot.addWidget(dialog)
    assert dialog.other_unit is not None
    assert "Xã Chiềng Bằng (03706)" in dialog.other_unit.text()
    assert dialog.restore_button.text() == "Khôi phục"
    assert not dialog.restore_button.isDefault()  # Enter cancels; replacing needs a click


def test_restore_cancelled_changes_nothing(
    qtbot: QtBot,
    paths: AppPaths,
    filled_db: Database,
    tmp_path: Path,
    messages: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stick = backup.write_backup(paths.database, tmp_path / "usb" / "saoluu.sqlite3")
    filled_db.close()
    window = settled_window(qtbot, paths)
    group = backup_group(window)
    rows = snapshot(paths.database)
    monkeypatch.setattr(RestoreDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
    _choose_file(monkeypatch, stick)
    with qtbot.waitSignal(group.finished, timeout=20_000) as finished:
        qtbot.mouseClick(group.restore_file_button, Qt.MouseButton.LeftButton)
    assert finished.args == ["cancelled"]
    assert snapshot(paths.database) == rows
    assert messages == []
    assert not list(paths.data_dir.glob(".restore-*"))


def test_restore_of_a_bad_file_is_refused_in_vietnamese(
    qtbot: QtBot,
    paths: AppPaths,
    filled_db: Database,
    tmp_path: Path,
    messages: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "usb" / "BC-2021-09-03703-r1.qnbc"
    bad.parent.mkdir()
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 400)
    filled_db.close()
    window = settled_window(qtbot, paths)
    group = backup_group(window)
    _choose_file(monkeypatch, bad)
    before = files_digest(paths.database)
    with qtbot.waitSignal(group.finished, timeout=20_000) as finished:
        qtbot.mouseClick(group.restore_file_button, Qt.MouseButton.LeftButton)
    assert finished.args == ["refused"]
    [(kind, _title, text)] = messages
    assert kind == "warning"
    assert "“BC-2021-09-03703-r1.qnbc” không phải là bản sao lưu" in text
    assert files_digest(paths.database) == before


def test_restore_the_selected_automatic_backup(
    qtbot: QtBot,
    paths: AppPaths,
    filled_db: Database,
    messages: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = backup.create_auto(paths, backup.Kind.AUTO, now=dt.datetime(2021, 11, 30, 17))
    in_backup = snapshot(made.path)
    with filled_db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM activity_value")  # a mistake to undo
    filled_db.close()
    monkeypatch.setattr(RestoreDialog, "exec", lambda _d: QDialog.DialogCode.Accepted)
    window = settled_window(qtbot, paths)
    group = backup_group(window)
    row = [group.model.backup_at(r).path for r in range(group.model.rowCount())].index(made.path)
    group.table.selectRow(row)
    with qtbot.waitSignal(group.finished, timeout=20_000):
        qtbot.mouseClick(group.restore_selected_button, Qt.MouseButton.LeftButton)
    assert snapshot(paths.database) == in_backup


# -- start after a crash, clean exit ----------------------------------------------------


def test_start_after_a_crash_runs_the_full_check_and_says_all_is_well(
    qtbot: QtBot, paths: AppPaths, filled_db: Database, messages: list[tuple[str, str, str]]
) -> None:
    filled_db.close()
    run_markers.begin(paths)  # a run that never ended: the power went off
    window = settled_window(qtbot, paths)
    assert window.guard is not None and window.guard.previous_run_crashed
    [(kind, title, text)] = messages
    assert (kind, title) == ("information", "Chương trình chưa được đóng đúng cách")
    assert "không phát hiện lỗi" in text
    window.close()
    assert not paths.session_marker.exists()


def test_start_after_a_crash_reports_what_the_full_check_found(
    qtbot: QtBot, paths: AppPaths, filled_db: Database, messages: list[tuple[str, str, str]]
) -> None:
    filled_db.close()
    conn = sqlite3.connect(paths.database)  # damage only the full check sees
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE activity SET team_id = 999 WHERE id = 1")
    conn.commit()
    conn.close()
    run_markers.begin(paths)
    settled_window(qtbot, paths)
    [(kind, _title, text)] = messages
    assert kind == "warning"
    assert "phát hiện lỗi: foreign key: activity" in text
    assert "Cài đặt → Sao lưu" in text


def test_a_normal_start_runs_the_quick_check_only(
    qtbot: QtBot, paths: AppPaths, filled_db: Database, messages: list[tuple[str, str, str]]
) -> None:
    filled_db.close()
    window = settled_window(qtbot, paths)
    assert window.guard is not None and not window.guard.previous_run_crashed
    assert messages == []


def test_clean_exit_owes_its_backup_to_the_next_start_which_makes_it(
    qtbot: QtBot, paths: AppPaths, filled_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled_db.close()
    window = settled_window(qtbot, paths)
    assert paths.session_marker.exists()
    assert window.state is not None
    with window.state.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE venue SET phone = '0912345678' WHERE id = 2")
    before = backup.list_backups(paths.backups_dir)
    copies: list[Path] = []
    real_write = backup.write_backup
    monkeypatch.setattr(
        backup,
        "write_backup",
        lambda db, target, *a, **kw: copies.append(target) or real_write(db, target, *a, **kw),
    )
    window.close()
    assert copies == []  # closing copied nothing
    assert backup.list_backups(paths.backups_dir) == before
    assert paths.backup_owed_marker.exists() and not paths.session_marker.exists()

    again = MainWindow(paths)  # today's backup exists: only the owed one makes it due
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.ready, timeout=20_000):
        again.show()
    assert again.guard is not None
    with qtbot.waitSignal(again.guard.backup_made, timeout=20_000) as made:
        pass
    assert len(copies) == 1 and not paths.backup_owed_marker.exists()
    conn = sqlite3.connect(made.args[0].path)
    assert conn.execute("SELECT phone FROM venue WHERE id = 2").fetchone() == ("0912345678",)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    again.close()


def test_closing_during_a_backup_stops_it_and_owes_it(
    qtbot: QtBot, paths: AppPaths, filled_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The day's backup is copying when the clerk closes: SQLite gives it up at once."""
    filled_db.close()
    started, cancelled = threading.Event(), threading.Event()

    def slow_copy(conn: sqlite3.Connection, should_stop: Callable[[], bool] | None) -> None:
        assert should_stop is not None

        def handler() -> int:  # the copy is under way until the window asks it to stop
            started.set()
            cancelled.wait(20)
            return 1 if should_stop() else 0

        conn.set_progress_handler(handler, 1000)

    real_cancel = Task.cancel

    def cancel(task: Task) -> None:
        real_cancel(task)
        cancelled.set()

    monkeypatch.setattr(backup, "_stop_when", slow_copy)
    monkeypatch.setattr(Task, "cancel", cancel)
    window = open_window(qtbot, paths)
    qtbot.waitUntil(started.is_set, timeout=20_000)
    window.close()
    assert backup.list_backups(paths.backups_dir) == []
    assert [p.name for p in paths.backups_dir.iterdir()] == []  # no half-made copy left
    assert paths.backup_owed_marker.exists() and not paths.session_marker.exists()
    assert "background task failed" not in paths.log_file.read_text(encoding="utf-8")


def test_a_failed_daily_backup_is_said_in_the_status_bar(
    qtbot: QtBot, paths: AppPaths, filled_db: Database
) -> None:
    filled_db.close()
    shutil.rmtree(paths.backups_dir)
    paths.backups_dir.write_text("a file where the backups folder should be")
    window = MainWindow(paths)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.show()
    assert window.guard is not None
    with qtbot.waitSignal(window.guard.backup_failed, timeout=20_000):
        pass
    shown = window.statusBar().currentMessage()
    assert shown.startswith("Sao lưu tự động không thành công: Không ghi được bản sao lưu vào")
    assert str(paths.backups_dir) in shown
