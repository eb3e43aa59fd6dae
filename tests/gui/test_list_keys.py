"""The keyboard, as a clerk uses it: Ctrl+2 then Insert (or Ctrl+N) adds an activity; the
focused row of a list is the selected one, so Enter and Delete act at once; Down from the
search box goes into the results; the venue dialog's Alt letters are unique."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.main_window import MainWindow
from quynhnhai_desktop.store.database import Database
from tests.gui.test_keyboard import _window
from tests.support.ui_walker import mnemonic_problems

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, paths: AppPaths, filled_db: Database) -> MainWindow:
    main = _window(qtbot, paths)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    return main


def _press(
    qtbot: QtBot, key: Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


@pytest.mark.parametrize("add_key", ["Insert", "Ctrl+N"])
def test_ctrl_2_then_insert_adds_an_activity(
    qtbot: QtBot, window: MainWindow, add_key: str
) -> None:
    window.ui.navigation.setFocus()  # where the clerk's focus was
    _press(qtbot, Key.Key_2, CTRL)
    page = window.ui.pages.currentWidget()
    assert page is window.show_section("activities")
    assert QApplication.focusWidget() is page.ui.table  # type: ignore[attr-defined]
    if add_key == "Insert":
        _press(qtbot, Key.Key_Insert)
    else:
        _press(qtbot, Key.Key_N, CTRL)
    dialog = page.dialog  # type: ignore[attr-defined]
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_the_focused_row_is_selected_so_delete_acts_at_once(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.No,
    )
    page = window.show_section("activities")
    table = page.ui.table  # type: ignore[attr-defined]
    table.clearSelection()
    table.setFocus(Qt.FocusReason.TabFocusReason)  # Tab into the list
    assert table.selectionModel().selectedRows(), "the focused row is not selected"
    _press(qtbot, Key.Key_Delete)
    assert len(asked) == 1 and asked[0].startswith("Xóa hoạt động ngày")


def test_down_from_the_search_box_goes_into_the_results(qtbot: QtBot, window: MainWindow) -> None:
    page = window.show_section("activities")
    search = page.ui.searchEdit  # type: ignore[attr-defined]
    search.setFocus()
    qtbot.keyClicks(search, "ban na")
    table = page.ui.table  # type: ignore[attr-defined]
    # the search's results, after its pause (the list showed every row before it)
    qtbot.waitUntil(lambda: page.model.filter.search == "ban na" and not page.model.pending)  # type: ignore[attr-defined]
    assert table.model().rowCount() > 0
    _press(qtbot, Key.Key_Down)
    assert QApplication.focusWidget() is table
    assert [index.row() for index in table.selectionModel().selectedRows()] == [0]
    _press(qtbot, Key.Key_Return)  # Enter edits that activity at once
    dialog = page.dialog  # type: ignore[attr-defined]
    assert dialog is not None and dialog.windowTitle() == "Sửa hoạt động tuyên truyền"
    dialog.reject()


def test_a_search_whose_pause_ends_after_the_database_closed_reads_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The window closing (or a restore replacing the file) within the search's pause: the
    late search asks nothing of the closed database and raises nothing."""
    page = window.show_section("activities")
    timer = page._search_timer  # type: ignore[attr-defined]
    qtbot.keyClicks(page.ui.searchEdit, "ban")  # type: ignore[attr-defined]
    assert timer.isActive()
    assert window.state is not None
    window.hide()  # as the window closes: hidden, then its database closed
    window.state.db.close()
    with qtbot.waitSignal(timer.timeout, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: not page.model.pending)  # type: ignore[attr-defined]
    assert page.model.filter.search == "ban"  # type: ignore[attr-defined]
    assert page.model.rowCount() == 0  # type: ignore[attr-defined]


def test_down_in_the_venue_search_goes_into_the_register(qtbot: QtBot, window: MainWindow) -> None:
    page = window.show_section("venues")
    search = page.ui.searchEdit  # type: ignore[attr-defined]
    search.setFocus()
    qtbot.keyClicks(search, "cho")
    table = page.ui.table  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    _press(qtbot, Key.Key_Down)
    assert QApplication.focusWidget() is table
    assert [index.row() for index in table.selectionModel().selectedRows()] == [0]


def test_the_venue_dialog_letters_are_unique(qtbot: QtBot, window: MainWindow) -> None:
    from quynhnhai_desktop.gui.venues.dialog import VenueDialog

    assert window.state is not None
    dialog = VenueDialog(window.state, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert mnemonic_problems(dialog) == []
    QTest.keyClick(QApplication.focusWidget(), Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.ui.categoryCombo  # "Loạ&i", not "&Lưu"
    dialog.reject()


def test_the_file_menu_holds_import_export_backup_print_and_quit(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quynhnhai_desktop.gui.activities.page import ActivitiesPage
    from quynhnhai_desktop.gui.report.page import ReportPage
    from quynhnhai_desktop.gui.settings_page import SettingsPage

    done: list[str] = []
    monkeypatch.setattr(ActivitiesPage, "import_file", lambda self: done.append("import"))
    monkeypatch.setattr(ActivitiesPage, "export_file", lambda self: done.append("export"))
    monkeypatch.setattr(SettingsPage, "back_up", lambda self: done.append("backup"))
    monkeypatch.setattr(ReportPage, "print_report", lambda self: done.append("print"))
    actions = [a for a in window.ui.menuFile.actions() if not a.isSeparator()]
    assert [a.text() for a in actions][-1] == "&Thoát"
    for action in actions[:-1]:
        action.trigger()
    assert done == ["import", "export", "backup", "print"]
    assert window.ui.pages.currentWidget() is window.show_section("reports")
