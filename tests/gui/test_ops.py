"""The operations layer: queries drop stale answers, writes land one after the other on one
lane and say what changed, and every failure reaches the clerk as the app's own words."""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.gui import ops as ops_module
from quynhnhai_desktop.gui.activities.page import ActivitiesPage
from quynhnhai_desktop.gui.ops import FakeThreadPool, Ops, ops, present
from quynhnhai_desktop.gui.tasks import Cancelled
from quynhnhai_desktop.store.database import Database
from tests.gui.test_backup_gui import backup_group, settled_window
from tests.support.activity_data import add, add_villages
from tests.support.hostile_files import many_rows_csv

GUI = Path(ops_module.__file__).parent


@pytest.fixture(autouse=True)
def _qt_vietnamese(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    i18n.install("vi")
    yield
    ops().wait()


class HeldPool:
    """Keeps what it is given until the test runs it, in the order the test chooses."""

    def __init__(self) -> None:
        self.held: list[QRunnable] = []

    def start(self, runnable: QRunnable) -> None:
        self.held.append(runnable)

    def run(self, index: int) -> None:
        self.held.pop(index).run()


@pytest.fixture
def held() -> Iterator[tuple[Ops, HeldPool]]:
    pool = HeldPool()
    lanes = Ops(reader=pool, writer=FakeThreadPool())
    previous = ops_module.install(lanes)
    yield lanes, pool
    ops_module.install(previous)


def test_an_answer_outdated_by_a_newer_query_is_dropped(held: tuple[Ops, HeldPool]) -> None:
    lanes, pool = held
    owner = QObject()
    shown: list[str] = []
    lanes.query(owner, lambda _p: "September", shown.append, key="month")
    lanes.query(owner, lambda _p: "October", shown.append, key="month")
    lanes.query(owner, lambda _p: "trend", shown.append, key="trend")  # another key: kept
    assert lanes.pending(owner)
    pool.run(1)  # October answers first,
    pool.run(0)  # then the outdated September: dropped
    pool.run(0)
    assert shown == ["October", "trend"]
    assert not lanes.pending(owner)


def test_dropped_on_request_and_when_the_owner_is_gone(held: tuple[Ops, HeldPool]) -> None:
    lanes, pool = held
    owner, gone = QObject(), QObject()
    shown: list[str] = []
    lanes.query(owner, lambda _p: "old trend", shown.append, key="trend")
    lanes.drop(owner, "trend")  # the month changed: the trend on its way is the old one's
    lanes.query(gone, lambda _p: "for a closed page", shown.append)
    import shiboken6

    shiboken6.delete(gone)
    pool.run(0)
    pool.run(0)
    assert shown == []


def test_a_write_runs_then_says_what_changed() -> None:
    lanes = Ops(reader=FakeThreadPool(), writer=FakeThreadPool())
    events: list[object] = []
    lanes.changed.connect(lambda changes: events.append(("changed", changes)))
    lanes.write(QObject(), lambda _p: 3, lambda n: events.append(("done", n)), changes=["lists"])
    assert events == [("changed", frozenset({"lists"})), ("done", 3)]


def test_the_real_writer_lane_has_one_thread(qtbot: QtBot) -> None:
    lanes = Ops()
    order: list[int] = []
    owner = QObject()
    for n in range(5):
        lanes.write(owner, lambda _p, n=n: n, order.append)
    qtbot.waitUntil(lambda: len(order) == 5, timeout=10_000)
    assert order == [0, 1, 2, 3, 4]
    assert lanes.writer.maxThreadCount() == 1  # type: ignore[attr-defined]


def test_failures_are_the_apps_words_and_the_traceback_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    lanes = Ops(reader=FakeThreadPool(), writer=FakeThreadPool())
    said: list[str] = []

    def crash(_progress: object) -> None:
        raise ZeroDivisionError("division by zero")

    with caplog.at_level(logging.ERROR):
        lanes.query(QObject(), crash, said.append, lambda error: said.append(present(error)))
    [message] = said
    assert "division" not in message and "Traceback" not in message
    assert "Dữ liệu đã lưu vẫn an toàn" in message  # "something went wrong, your data is safe…"
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)

    refused = UserError("ActivityTransfer", "Import cancelled; nothing added.")
    assert present(refused).startswith("Đã hủy nhập")  # translated, as the page says it
    assert present(Cancelled()) == present(Cancelled())  # said, never raised


_RAW = re.compile(
    r"str\((error|exc|err|e)\)|format\((error|exc|err)=(error|exc|err)\)|"
    r"isinstance\((error|exc|err), UserError\)"
)


def test_no_screen_turns_an_error_into_text_itself() -> None:
    """Only the presenter (``gui/errors``, ``gui/ops``) and the last-resort hook may."""
    allowed = {GUI / "errors.py", GUI / "ops.py", GUI / "excepthook.py"}
    found = [
        f"{path.relative_to(GUI)}:{number}: {line.strip()}"
        for path in sorted(GUI.rglob("*.py"))
        if path not in allowed and "forms" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _RAW.search(line)
    ]
    assert found == []


# -- the window with the real lanes ---------------------------------------------------


def _count(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        return int(
            connection.execute("SELECT count(*) FROM activity WHERE deleted_at IS NULL").fetchone()[
                0
            ]
        )


def test_a_backup_clicked_while_an_import_runs_waits_for_it_and_holds_its_rows(
    qtbot: QtBot,
    paths: AppPaths,
    commune_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_villages(commune_db)
    commune_db.close()
    rows = 20_000
    source = many_rows_csv(tmp_path / "dai.csv", rows)
    target = tmp_path / "usb" / "sao-luu.sqlite3"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, _t, *_a: boxes.append(title))
    window = settled_window(qtbot, paths)  # its start-up check and daily backup done

    page = window.show_section("activities")
    assert isinstance(page, ActivitiesPage)
    landed: list[str] = []
    message: list[str] = []

    def imported(_result: object) -> None:
        landed.append("import")
        if not page.ui.infoBar.isHidden():  # said over the list `changed` refreshed
            message.append(page.ui.infoLabel.text())

    page.import_finished.connect(imported)
    writer = ops().writer
    page.import_file(source)
    assert isinstance(writer, QThreadPool)
    # the rows are checked (a query), then saved on the writer lane: wait for that
    qtbot.waitUntil(lambda: writer.activeThreadCount() == 1 or bool(landed), timeout=60_000)
    group = backup_group(window)
    group.finished.connect(lambda outcome: landed.append(f"backup {outcome}"))
    clicked_during_import = not landed
    with qtbot.waitSignal(group.finished, timeout=120_000):
        qtbot.mouseClick(group.create_button, Qt.MouseButton.LeftButton)
    assert clicked_during_import
    assert landed == ["import", "backup created"]  # in order, both landed
    assert _count(target) == rows  # the backup waited for the import's rows
    assert boxes == ["Đã sao lưu"]
    window.show_section("activities")
    # the page refreshed from `changed`: its first rows, and the sum of all of them
    assert page.model.rowCount() > 0
    qtbot.waitUntil(lambda: "<b>20.000</b> hoạt động" in page.ui.totalsLabel.text())
    assert f"{rows} hoạt động" in message[0]
    page.grab().save(str(tmp_path.parent / "i16-after-import-and-backup.png"))


def test_an_edit_saved_while_an_import_runs_lands_after_it_and_the_list_shows_both(
    qtbot: QtBot,
    paths: AppPaths,
    commune_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_villages(commune_db)
    edited = add(commune_db, "10/09/2021", note="Họp bản lần đầu")
    commune_db.close()
    rows = 20_000
    source = many_rows_csv(tmp_path / "dai.csv", rows)

    def no_question(*_args: object) -> QMessageBox.StandardButton:
        raise AssertionError("Save asked a question: the edit has nothing doubtful")

    monkeypatch.setattr(QMessageBox, "question", no_question)
    window = settled_window(qtbot, paths)
    page = window.show_section("activities")
    assert isinstance(page, ActivitiesPage)
    page.select_activity(edited)
    dialog = page.edit_selected()
    assert dialog is not None
    dialog.ui.noteEdit.setPlainText("Họp bản, sửa trong lúc nhập tệp")
    landed: list[str] = []
    page.import_finished.connect(lambda _result: landed.append("import"))
    dialog.saved.connect(lambda _result: landed.append("edit"))

    writer = ops().writer
    assert isinstance(writer, QThreadPool)  # the real lane: one thread, in order
    page.import_file(source)
    # the rows are checked (a query), then saved on the writer lane: wait for that
    qtbot.waitUntil(lambda: writer.activeThreadCount() == 1 or bool(landed), timeout=60_000)
    dialog.ui.saveButton.click()
    saved_during_import = not landed
    assert dialog.saving  # the edit waits on the lane behind the import …
    assert not dialog.ui.saveButton.isEnabled()  # … and cannot be sent twice
    assert dialog.ui.statusLabel.text() == "Đang lưu…"
    dialog.close()  # neither closing nor Esc drops a Save on its way
    dialog.cancel()
    assert dialog.isVisible()
    dialog.grab().save(str(tmp_path.parent / "i16-edit-waiting-for-import.png"))
    qtbot.waitUntil(lambda: len(landed) == 2, timeout=120_000)

    assert saved_during_import
    assert landed == ["import", "edit"]  # both landed, in the order they were asked
    assert page.dialog is None  # the edit's Save closed the dialog once it landed
    assert _count(paths.database) == rows + 1
    with sqlite3.connect(paths.database) as connection:
        (note,) = connection.execute("SELECT note FROM activity WHERE id = ?", (edited,)).fetchone()
    assert note == "Họp bản, sửa trong lúc nhập tệp"
    # the list refreshed from `changed`: the imported rows and the edited one
    qtbot.waitUntil(lambda: "<b>20.001</b> hoạt động" in page.ui.totalsLabel.text())
    row = page.model.row_of(edited)
    assert row >= 0
    shown = page.model.activity(row)
    assert shown is not None and shown.note == "Họp bản, sửa trong lúc nhập tệp"
    page.grab().save(str(tmp_path.parent / "i16-after-import-and-edit.png"))
