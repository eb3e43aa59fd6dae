"""A 1024×600 screen (a netbook in the commune office): every screen and dialog fits.

The window is set to 1024×600 and every section and dialog of tests/support/screens.py is opened:
the window never grows, no dialog is bigger than the screen, and every button, field and
list is on the screen (fields inside a scroll area: once scrolled to). Screenshots at
1024×600 and 1366×768 go to the test's folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStatusBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.main_window import MainWindow
from quynhnhai_desktop.store.database import Database
from tests.gui.test_keyboard import _window
from tests.support.screens import commune_screens, district_screens
from tests.support.ui_walker import describe

NETBOOK = QSize(1024, 600)
TASKBAR = 40  # Windows' taskbar takes the bottom of the screen
CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QStatusBar,
)


def _scroll_into_view(widget: QWidget) -> None:
    """Scroll to the whole widget, as a clerk would (``ensureWidgetVisible`` shows only a text
    box's cursor line)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            centre = widget.mapTo(parent.widget(), widget.rect().center())
            parent.ensureVisible(
                centre.x(), centre.y(), widget.width() // 2 + 1, widget.height() // 2 + 1
            )
        parent = parent.parentWidget()


def off_screen(root: QWidget, screen: QRect) -> list[str]:
    """The controls of *root* that a clerk cannot see whole on *screen*."""
    problems = []
    if root.width() > screen.width() or root.height() > screen.height():
        problems.append(f"{describe(root)}: {root.width()}×{root.height()} leaves the screen")
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible():
            continue
        if widget.window() is not root or widget.width() <= 0:
            continue
        if isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox):
            continue  # a combo's or spin box's own line edit
        if isinstance(widget, QHeaderView):
            continue  # part of its table
        _scroll_into_view(widget)
        painted = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
        seen = painted.visibleRegion().boundingRect()
        whole = painted.rect()
        if isinstance(widget, QAbstractItemView | QPlainTextEdit | QTextEdit):
            # a list may scroll itself: a few rows of it must show
            ok = seen.height() >= min(whole.height(), 60) and seen.width() >= whole.width() // 2
        else:
            ok = seen.size() == whole.size()
        where = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
        if not ok or not QRect(QPoint(0, 0), root.size()).contains(where):
            problems.append(f"{describe(root)}: {describe(widget)} at {where} shows {seen}")
    return problems


def _tour(qtbot: QtBot, window: MainWindow, screens, tmp_path: Path) -> list[str]:  # type: ignore[no-untyped-def]
    window.move(0, 0)
    window.resize(NETBOOK)
    qtbot.wait(10)
    screen = QRect(QPoint(0, 0), QSize(NETBOOK.width(), NETBOOK.height()))
    dialog_screen = QRect(QPoint(0, 0), QSize(NETBOOK.width(), NETBOOK.height() - TASKBAR))
    problems: list[str] = []
    for shown in screens(qtbot, window):
        root = shown.root
        if root is window:
            if window.size() != NETBOOK:
                problems.append(f"{shown.name}: the window grew to {window.size().toTuple()}")
                window.resize(NETBOOK)
            problems += [f"{shown.name}: {p}" for p in off_screen(window, screen)]
        else:
            if root.width() > dialog_screen.width() or root.height() > dialog_screen.height():
                problems.append(f"{shown.name}: {root.width()}×{root.height()} is too big")
            root.move(0, 0)
            problems += [f"{shown.name}: {p}" for p in off_screen(root, dialog_screen)]
        name = shown.name.replace("/", "-").replace(" ", "-")
        root.grab().save(str(tmp_path / f"{name}.1024.png"))
    return problems


@pytest.fixture
def window(qtbot: QtBot, paths: AppPaths, filled_db: Database) -> MainWindow:
    return _window(qtbot, paths)


def test_every_commune_screen_and_dialog_fits_1024_by_600(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    problems = _tour(qtbot, window, commune_screens, tmp_path)
    assert problems == [], "\n".join(problems)
    window.resize(1366, 768)
    for key in window.section_keys():
        window.show_section(key)
        qtbot.wait(10)
        assert window.size() == QSize(1366, 768), key
        window.grab().save(str(tmp_path / f"{key}.1366.png"))


def test_every_district_screen_fits_1024_by_600(
    qtbot: QtBot, paths: AppPaths, db: Database, tmp_path: Path
) -> None:
    from quynhnhai_desktop.services import profile
    from tests.services.test_district import DISTRICT

    profile.set_up(db, DISTRICT)
    window = _window(qtbot, paths)
    problems = _tour(qtbot, window, district_screens, tmp_path)
    assert problems == [], "\n".join(problems)


def test_the_window_starts_within_the_screen(
    qtbot: QtBot, paths: AppPaths, filled_db: Database
) -> None:
    """No remembered size, or one remembered from a bigger screen: the window takes at most
    the free area of the screen it opens on (the offscreen screen is 800×800)."""
    window = _window(qtbot, paths)
    free = window.screen().availableGeometry()
    assert free.contains(window.frameGeometry())
    window.resize(1500, 1000)  # as if it had been on a projector
    window.move(300, 200)
    window.close()
    again = _window(qtbot, paths)
    assert again.screen().availableGeometry().contains(again.frameGeometry())


def test_count_errors_never_push_the_buttons_out(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Every count of the biggest form refused at once: the dialog keeps its size and its
    buttons stay on a 1024×600 screen."""
    page = window.show_section("activities")
    dialog = page.add_activity()  # type: ignore[attr-defined]
    qtbot.waitExposed(dialog)
    form = dialog.ui.formCombo
    form.setCurrentIndex(
        max(
            range(1, form.count()),
            key=lambda i: len(dialog.catalog.form(form.itemData(i)).indicators),
        )
    )
    for edit in dialog._count_edits.values():
        if edit.isVisibleTo(dialog):
            edit.setText("mười")
    before = dialog.size()
    qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    notes = [n for n in dialog._count_notes.values() if n.isVisibleTo(dialog)]
    assert notes and all(n.text() == "Nhập số nguyên từ 0 trở lên." for n in notes)
    assert dialog.size() == before
    assert off_screen(dialog, QRect(0, 0, NETBOOK.width(), NETBOOK.height() - TASKBAR)) == []
    dialog.grab().save(str(tmp_path / "count-errors.png"))
    dialog.reject()
