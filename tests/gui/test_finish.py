"""Finish of the window: section shortcuts listed in the Go menu, the size and the last used
folders remembered, and empty lists that say what to do next."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui import window_memory
from quynhnhai_desktop.gui.main_window import MainWindow
from quynhnhai_desktop.store.database import Database


def _open(qtbot: QtBot, paths: AppPaths) -> MainWindow:
    main = MainWindow(paths)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.ready, timeout=10_000):
        main.show()
    return main


def test_ctrl_and_a_number_goes_to_each_section_as_the_go_menu_says(
    qtbot: QtBot, paths: AppPaths, commune_db: Database
) -> None:
    window = _open(qtbot, paths)
    actions = window.ui.menuGo.actions()
    assert [a.shortcut().toString() for a in actions] == [f"Ctrl+{n}" for n in range(1, 8)]
    assert actions[1].text() == "&2 Hoạt động"
    window.activateWindow()
    for row, key in enumerate(window.section_keys()):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
        assert window.ui.navigation.currentRow() == row, key
    close = window.show_section("activities").ui.closeInfoButton  # type: ignore[attr-defined]
    assert close.accessibleName() == "Đóng thông báo này"


def test_the_window_size_is_remembered(qtbot: QtBot, paths: AppPaths, commune_db: Database) -> None:
    window = _open(qtbot, paths)
    window.resize(740, 530)
    window.close()
    again = _open(qtbot, paths)
    assert (again.width(), again.height()) == (740, 530)


def test_the_last_used_folder_is_offered_again(
    qtbot: QtBot,
    paths: AppPaths,
    commune_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _open(qtbot, paths)
    usb = tmp_path / "usb"
    usb.mkdir()
    offered: list[str] = []

    def save_name(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        offered.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    page = window.show_section("activities")
    page.export_file()  # type: ignore[attr-defined]
    assert Path(offered[-1]).parent == paths.exports_dir
    window_memory.remember_folder(paths.data_dir, "save", usb / "hoat-dong.xlsx")
    page.export_file()  # type: ignore[attr-defined]
    assert Path(offered[-1]).parent == usb


def test_an_empty_list_says_what_to_do(qtbot: QtBot, paths: AppPaths, commune_db: Database) -> None:
    window = _open(qtbot, paths)
    page = window.show_section("activities")
    hint = page.empty_state.label  # type: ignore[attr-defined]
    assert hint.isVisible()
    assert hint.text().startswith("Chưa ghi hoạt động nào. Bấm Thêm…")
    venues = window.show_section("venues")
    assert venues.empty_state.label.isVisible()  # type: ignore[attr-defined]
    assert "Thêm địa điểm…" in venues.empty_state.label.text()  # type: ignore[attr-defined]
