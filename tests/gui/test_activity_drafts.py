"""The activity entry dialog keeps a crash draft: typed values come back after a power cut."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.main_window import MainWindow
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services.drafts import DraftStore
from quynhnhai_desktop.store.database import Database
from tests.gui.test_activities_gui import open_page, state  # noqa: F401 - the fixture
from tests.gui.test_drafts import _answer
from tests.support.qt_helpers import type_text


def test_typing_writes_a_draft_and_a_new_dialog_gets_it_back(
    qtbot: QtBot,
    state: AppState,  # noqa: F811 - the fixture
) -> None:
    page = open_page(qtbot, state)
    dialog = page.add_activity()
    assert dialog.draft is not None
    dialog.ui.noteEdit.clear()
    with qtbot.waitSignal(dialog.draft.written, timeout=5000):
        type_text(qtbot, dialog.ui.noteEdit, "Họp bản, mất điện giữa chừng")
    store = DraftStore.for_paths(state.paths)
    kept = store.load("activity")
    assert kept is not None and kept.values["note"] == "Họp bản, mất điện giữa chừng"
    # The power cut: the dialog never closes. The next dialog puts the typing back.
    again = page._open_dialog(None)
    assert again.ui.noteEdit.toPlainText() == "Họp bản, mất điện giữa chừng"
    again.reject()  # cancelled on purpose: the draft goes
    assert store.load("activity") is None


def test_a_saved_entry_leaves_no_draft(qtbot: QtBot, state: AppState) -> None:  # noqa: F811
    page = open_page(qtbot, state)
    dialog = page.add_activity()
    dialog.set_values(
        {"date": "15/09/2021", "village": "Bản Nà", "team": "Hội Phụ nữ", "form": "meeting",
         "topics": ["bluezone"], "counts": {"sessions": "1", "people": "40"}, "note": ""}
    )  # fmt: skip
    assert dialog.draft is not None
    dialog.draft.flush()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.ui.saveButton.click()
    assert DraftStore.for_paths(state.paths).load("activity") is None


def test_the_next_start_offers_the_activity_draft_back(
    qtbot: QtBot, paths: AppPaths, commune_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    DraftStore.for_paths(paths).save(
        "activity", {"date": "02/10/2021", "form": "meeting", "note": "Chưa kịp lưu"}
    )
    questions: list[str] = []
    _answer(monkeypatch, "Mở lại", questions)
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)
    window = MainWindow(paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(questions), timeout=20_000)
    assert "Nhập hoạt động tuyên truyền" in questions[0]
    page = window.show_section("activities")
    qtbot.waitUntil(lambda: getattr(page, "dialog", None) is not None, timeout=5000)
    assert page.dialog.ui.noteEdit.toPlainText() == "Chưa kịp lưu"  # type: ignore[attr-defined]
    assert page.dialog.ui.dateEdit.text() == "02/10/2021"  # type: ignore[attr-defined]
