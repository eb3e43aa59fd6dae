"""Power-cut proof typing: the draft is on disk while typing, offered back after a crash."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlmodel import select

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui import drafts as gui_drafts
from quynhnhai_desktop.gui.main_window import MainWindow
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services.drafts import DraftStore
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import Activity
from tests.support import draft_dialog
from tests.support.draft_dialog import KEY, NoteDialog
from tests.support.draft_session import TYPED_NOTE
from tests.support.qt_helpers import type_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _qt_vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    i18n.install("vi")


# -- the store ----------------------------------------------------------------------------


def test_store_saves_loads_and_clears_drafts(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    assert store.pending() == []
    values = {"note": "Họp bản Nà", "people": 45, "topics": ["bluezone"], "village": None}
    store.save("activity", values, now=dt.datetime(2021, 9, 15, 10, 5))
    store.save("activity:1b2c-uuid", {"note": "sửa"}, now=dt.datetime(2021, 9, 15, 11, 0))
    draft = store.load("activity")
    assert draft is not None and draft.values == values
    assert draft.saved_at == dt.datetime(2021, 9, 15, 10, 5)
    assert [(d.form, d.record) for d in store.pending()] == [
        ("activity", None),
        ("activity", "1b2c-uuid"),
    ]
    assert all(":" not in p.name for p in store.folder.iterdir())  # valid on Windows
    store.clear("activity")
    assert [d.key for d in store.pending()] == ["activity:1b2c-uuid"]


def test_an_unreadable_draft_is_set_aside_not_lost(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    store.save("activity", {"note": "x"})
    [file] = store.folder.iterdir()
    file.write_text('{"key": "activity", "values": {"no')  # cut by a power loss
    assert store.pending() == []
    assert [p.suffix for p in store.folder.iterdir()] == [".unreadable"]


# -- the keeper in a real dialog ------------------------------------------------------


@pytest.fixture
def state(paths: AppPaths, commune_db: Database) -> AppState:
    from quynhnhai_desktop.services import profile

    found = profile.get_profile(commune_db)
    assert found is not None
    return AppState(paths=paths, db=commune_db, profile=found)


def _draft_file(paths: AppPaths) -> dict[str, object] | None:
    files = list(paths.drafts_dir.glob("*.json")) if paths.drafts_dir.exists() else []
    return json.loads(files[0].read_text(encoding="utf-8")) if files else None


def test_typing_writes_the_draft_and_saving_clears_it(
    qtbot: QtBot, state: AppState, paths: AppPaths, commune_db: Database
) -> None:
    dialog = NoteDialog(state)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.draft.written, timeout=5000):
        type_text(qtbot, dialog.note, "Phát tờ rơi ở bản Hé")
    record = _draft_file(paths)
    assert record is not None and record["key"] == KEY
    assert record["values"] == {"date": "2021-09-15", "people": 0, "note": "Phát tờ rơi ở bản Hé"}
    with qtbot.waitSignal(dialog.draft.written, timeout=5000):
        dialog.people.selectAll()
        type_text(qtbot, dialog.people, "120")
    assert _draft_file(paths)["values"]["people"] == 120  # type: ignore[index]

    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.result() == NoteDialog.DialogCode.Accepted
    assert _draft_file(paths) is None
    with commune_db.session() as session:
        saved = session.get(Activity, dialog.saved_id)
        assert saved is not None and saved.note == "Phát tờ rơi ở bản Hé"


def test_cancel_on_purpose_discards_the_draft(
    qtbot: QtBot, state: AppState, paths: AppPaths
) -> None:
    dialog = NoteDialog(state)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.draft.written, timeout=5000):
        type_text(qtbot, dialog.note, "nháp")
    dialog.reject()
    assert _draft_file(paths) is None


def test_restore_puts_the_values_back_without_rewriting(
    qtbot: QtBot, state: AppState, paths: AppPaths
) -> None:
    DraftStore.for_paths(paths).save(KEY, {"date": "2021-10-02", "people": 33, "note": "Bản Tom"})
    dialog = NoteDialog(state)  # restore() runs in the constructor
    qtbot.addWidget(dialog)
    assert (dialog.note.text(), dialog.people.value()) == ("Bản Tom", 33)
    assert dialog.date.date().toString("dd/MM/yyyy") == "02/10/2021"
    with qtbot.assertNotEmitted(dialog.draft.written, wait=dialog.draft.delay_ms * 2):
        pass  # putting values back is not a change to save


def test_a_dialog_without_the_seam_is_refused(qtbot: QtBot, paths: AppPaths) -> None:
    from PySide6.QtWidgets import QDialog

    plain = QDialog()
    qtbot.addWidget(plain)
    with pytest.raises(TypeError, match="values"):
        gui_drafts.DraftKeeper(plain, DraftStore.for_paths(paths), "x")


# -- the crash-draft path, end to end -------------------------------------------------


def _answer(monkeypatch: pytest.MonkeyPatch, button_text: str, shown: list[str]) -> None:
    """Answer the draft question by clicking the button a clerk would click."""

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == button_text]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)


def test_draft_survives_a_crash_and_is_offered_back_and_saved(
    qtbot: QtBot, paths: AppPaths, commune_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    commune_db.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.Popen(
        [sys.executable, "-m", "tests.support.draft_session", str(paths.data_dir)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "draft-written"
        qtbot.waitUntil(
            lambda: (_draft_file(paths) or {}).get("values", {}).get("people") == 85,  # type: ignore[union-attr]
            timeout=5000,
        )
    finally:
        first.kill()  # the power cut, with the entry half-typed and unsaved
        first.wait()
    assert paths.session_marker.exists()

    crash_reports: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: crash_reports.append(text))
    questions: list[str] = []
    _answer(monkeypatch, "Mở lại", questions)
    monkeypatch.setitem(
        gui_drafts.OPENERS,
        KEY,
        gui_drafts.DraftOpener("Test entry", draft_dialog.open_note_draft),
    )
    draft_dialog.OPENED.clear()

    window = MainWindow(paths)  # the next start
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(draft_dialog.OPENED), timeout=20_000)

    [report] = crash_reports
    assert "chưa được đóng đúng cách" in report and "không phát hiện lỗi" in report
    [question] = questions
    assert "Chương trình bị đóng đột ngột" in question
    [dialog] = draft_dialog.OPENED
    qtbot.addWidget(dialog)
    assert dialog.note.text() == TYPED_NOTE
    assert dialog.people.value() == 85
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert _draft_file(paths) is None
    assert window.state is not None
    with window.state.db.session() as session:
        notes = session.exec(select(Activity.note)).all()
    assert TYPED_NOTE in notes


def test_discarding_an_offered_draft_removes_it(
    qtbot: QtBot, paths: AppPaths, commune_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    DraftStore.for_paths(paths).save(KEY, {"date": "2021-10-02", "people": 3, "note": "bỏ"})
    monkeypatch.setitem(
        gui_drafts.OPENERS, KEY, gui_drafts.DraftOpener("Test entry", draft_dialog.open_note_draft)
    )
    questions: list[str] = []
    _answer(monkeypatch, "Bỏ đi", questions)
    window = MainWindow(paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(questions), timeout=20_000)
    assert _draft_file(paths) is None
