"""Save checks what it warns about, and nothing typed is thrown away without asking.

A clerk types a meeting with 100,000 people and presses Save at once: the implausible
count is checked then and there and the app asks "Vẫn lưu?" (No keeps the dialog open,
nothing saved; Yes saves). Esc or Hủy on a filled dialog asks before the typing is lost;
on an untouched dialog they close at once.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from quynhnhai_desktop.gui.activities.dialog import ActivityDialog
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import activity_queries as queries
from quynhnhai_desktop.services.activity_queries import ActivityFilter
from tests.gui.test_activities_gui import _qt_vietnamese, open_page, state, tab, type_here
from tests.support.activity_data import COMMUNE

# The entry dialog saves on the writer lane: here it lands at once (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("sync_writes")

__all__ = ["_qt_vietnamese", "state"]  # the fixtures, shared
Key = Qt.Key


class Answers:
    """QMessageBox.question, answered as the test says; what was asked is kept."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: QMessageBox.StandardButton):
        self.asked: list[tuple[str, str]] = []
        self.answers = list(answers)
        monkeypatch.setattr(QMessageBox, "question", self)

    def __call__(self, _parent: object, title: str, text: str, *_args: object) -> object:
        self.asked.append((title, text))
        return self.answers.pop(0)


def _recorded(state: AppState) -> int:
    with state.db.session() as session:
        return queries.count(session, ActivityFilter(COMMUNE))


def _type_meeting(qtbot: QtBot, dialog: ActivityDialog, people: str) -> None:
    qtbot.waitUntil(dialog.isActiveWindow)
    type_here(qtbot, dialog, "15/09/2021")
    tab(qtbot, dialog)
    type_here(qtbot, dialog, "bản nà")
    tab(qtbot, dialog)
    type_here(qtbot, dialog, "doan thanh nien")
    tab(qtbot, dialog)
    type_here(qtbot, dialog, "hop dan")
    tab(qtbot, dialog)
    qtbot.keyClick(dialog.ui.topicsList, Key.Key_Space)
    tab(qtbot, dialog)
    type_here(qtbot, dialog, "1")  # sessions
    tab(qtbot, dialog)
    type_here(qtbot, dialog, people)


def test_save_pressed_at_once_asks_about_an_implausible_count(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    page = open_page(qtbot, state)
    before = _recorded(state)
    qtbot.keyClick(page, Key.Key_Insert)
    dialog = page.dialog
    assert dialog is not None
    _type_meeting(qtbot, dialog, "100000")
    answers = Answers(monkeypatch, QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)  # no wait at all
    ((title, text),) = answers.asked
    assert title == "Vẫn lưu?"
    assert "100000 là quá lớn" in text and text.endswith("Vẫn lưu?")
    assert dialog.isVisible() and _recorded(state) == before  # "Không": nothing saved
    assert dialog.focusWidget() is dialog._count_edits["people"]
    dialog.grab().save(str(tmp_path / "implausible.png"))
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)  # "Có"
    assert len(answers.asked) == 2
    assert page.dialog is None and _recorded(state) == before + 1  # closed


def test_a_plausible_entry_saves_without_a_question(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(qtbot, state)
    qtbot.keyClick(page, Key.Key_Insert)
    dialog = page.dialog
    assert dialog is not None
    _type_meeting(qtbot, dialog, "45")
    answers = Answers(monkeypatch)
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    assert answers.asked == []


@pytest.mark.parametrize("how", ["esc", "cancel"])
def test_esc_or_cancel_on_a_filled_dialog_asks_first(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    page = open_page(qtbot, state)
    qtbot.keyClick(page, Key.Key_Insert)
    dialog = page.dialog
    assert dialog is not None
    _type_meeting(qtbot, dialog, "45")
    answers = Answers(
        monkeypatch, QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard
    )

    def close() -> None:
        if how == "esc":
            qtbot.keyClick(dialog.focusWidget() or dialog, Key.Key_Escape)
        else:
            qtbot.mouseClick(dialog.ui.cancelButton, Qt.MouseButton.LeftButton)

    close()
    assert [title for title, _text in answers.asked] == ["Bỏ những gì đã nhập?"]
    assert dialog.isVisible()  # kept, with what was typed
    assert dialog._count_edits["people"].text() == "45"
    close()
    assert len(answers.asked) == 2 and page.dialog is None
    assert _recorded(state) == 0


def test_esc_on_an_untouched_dialog_closes_at_once(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(qtbot, state)
    qtbot.keyClick(page, Key.Key_Insert)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    answers = Answers(monkeypatch)
    qtbot.keyClick(dialog.focusWidget() or dialog, Key.Key_Escape)
    assert answers.asked == [] and page.dialog is None


def test_after_a_delete_the_month_stays_and_an_old_banner_goes(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.support.activity_data import add

    add(state.db, "15/09/2021", village="Bản Nà")
    add(state.db, "02/10/2021", village="Bản Đán")
    page = open_page(qtbot, state)
    combo = page.ui.periodCombo
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        combo.setCurrentIndex(combo.findText("Tháng 09/2021"))
    assert combo.currentText() == "Tháng 09/2021"
    page.show_info("Có 3 dòng bị lỗi; chưa nhập dòng nào.")  # an import refused earlier
    Answers(monkeypatch, QMessageBox.StandardButton.Yes)
    page.ui.table.setFocus(Qt.FocusReason.TabFocusReason)  # the row is selected
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        qtbot.keyClick(page.ui.table, Key.Key_Delete)
    assert combo.currentText() == "Tháng 09/2021"  # still the month the clerk chose
    assert page.model.rowCount() == 0
    assert (
        "1 hoạt động" in page.ui.infoLabel.text() and "dòng bị lỗi" not in page.ui.infoLabel.text()
    )
