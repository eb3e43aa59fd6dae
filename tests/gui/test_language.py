"""Vietnamese by default, English at run time: the open window retitles itself, and no screen
shows a string of the other language (the untranslated-string walker)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QGroupBox, QWidget
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.main_window import MainWindow
from quynhnhai_desktop.gui.ops import ops
from quynhnhai_desktop.gui.settings_page import SettingsPage
from quynhnhai_desktop.services import settings
from quynhnhai_desktop.store.database import Database
from tests.support.screens import commune_screens
from tests.support.ui_walker import english_looking, misses, visible_texts


@pytest.fixture
def window(qtbot: QtBot, paths: AppPaths, filled_db: Database) -> MainWindow:
    main = MainWindow(paths)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.ready, timeout=10_000):
        main.show()
    return main


def _choose(qtbot: QtBot, window: MainWindow, lang: str) -> SettingsPage:
    page = window.show_section("settings")
    assert isinstance(page, SettingsPage)
    combo = page.language_combo
    with qtbot.waitSignal(window.language_changed, timeout=5_000):
        combo.setCurrentIndex(combo.findData(lang))
    new_page = window.ui.pages.currentWidget()
    assert isinstance(new_page, SettingsPage)
    return new_page


def test_switching_to_english_retitles_the_open_window_and_is_remembered(
    qtbot: QtBot, window: MainWindow, paths: AppPaths, filled_db: Database
) -> None:
    assert window.ui.menuFile.title() == "Tệ&p"
    assert window.ui.navigation.item(0).text() == "Tổng quan"
    page = _choose(qtbot, window, "en")
    assert i18n.current_lang() == "en"
    assert window.ui.menuFile.title() == "&File"
    assert window.ui.menuHelp.actions()[0].text() == "&User guide"
    assert [window.ui.navigation.item(r).text() for r in range(2)] == ["Overview", "Activities"]
    assert window.ui.menuGo.actions()[0].text() == "&1 Overview"
    assert page.language_combo.currentData() == "en"
    assert "Language" in [box.title() for box in page.findChildren(QGroupBox)]
    ops().wait()  # remembered on the writer lane
    assert settings.language(filled_db) == "en"

    window.show_section("overview")  # pages are rebuilt in English
    overview = window.ui.pages.currentWidget()
    assert overview.heading.text() == "This month at a glance"

    _choose(qtbot, window, "vi")
    assert window.ui.menuFile.title() == "Tệ&p"
    assert window.ui.navigation.item(0).text() == "Tổng quan"


def test_the_saved_language_applies_at_the_next_start(
    qtbot: QtBot, paths: AppPaths, filled_db: Database
) -> None:
    with filled_db.session() as session:
        settings.put(session, settings.LANGUAGE, "en")
    main = MainWindow(paths)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.ready, timeout=10_000):
        main.show()
    assert main.ui.navigation.item(0).text() == "Overview"
    assert main.ui.menuFile.title() == "&File"


def _walk(qtbot: QtBot, window: MainWindow, lang: str) -> list[str]:
    """Every section (each tab of the report page) and every dialog (tests/support/screens.py)."""
    found: list[str] = []
    seen: set[str] = set()
    for screen in commune_screens(qtbot, window):
        seen.update(text for _where, text in visible_texts(screen.root))
        found += [f"{screen.name}: {m}" for m in misses(screen.root, lang)]
        if lang == "vi":  # the page or dialog (the menus hold "OK"-like words on purpose)
            found += [f"{screen.name}: {m}" for m in english_looking(screen.subject)]
    expected = {"vi": ("Tổng quan", "Tình hình trong tháng", "Ngôn ngữ", "Thêm…"),
                "en": ("Overview", "This month at a glance", "Language", "Add…")}[lang]  # fmt: skip
    assert set(expected) <= seen  # the walker sees the screens it checks
    return found


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_screen_shows_the_other_language(qtbot: QtBot, window: MainWindow, lang: str) -> None:
    if lang == "en":
        _choose(qtbot, window, "en")
    found = _walk(qtbot, window, lang)
    assert found == []


def test_the_walker_catches_a_string_in_the_wrong_language(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

    screen = QWidget()
    qtbot.addWidget(screen)
    layout = QVBoxLayout(screen)
    layout.addWidget(QPushButton("Save &Excel…"))  # a known source left untranslated
    layout.addWidget(QLabel("Nothing to show here"))  # never marked for translation
    layout.addWidget(QLabel("Lưu &Excel…"))  # on an English screen: Vietnamese
    screen.show()
    assert any("Save Excel" in m for m in misses(screen, "vi"))
    assert any("Nothing to show here" in m for m in english_looking(screen))
    assert any("Lưu Excel" in m for m in misses(screen, "en"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_district_screen_shows_the_other_language(
    qtbot: QtBot, paths: AppPaths, db: Database, lang: str
) -> None:
    from quynhnhai_desktop.services import profile
    from tests.services.test_district import DISTRICT

    profile.set_up(db, DISTRICT)
    main = MainWindow(paths)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.ready, timeout=10_000):
        main.show()
    if lang == "en":
        _choose(qtbot, main, "en")
    found: list[str] = []
    for key in main.section_keys():
        page = main.show_section(key)
        qtbot.wait(10)
        found += [f"{key}: {m}" for m in misses(main, lang)]
        if lang == "vi":
            found += [f"{key}: {m}" for m in english_looking(page)]
    assert found == []


def test_switching_language_lets_the_pages_work_finish_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The pages are rebuilt in the new language; work a page started on a worker thread
    ends first (its task would otherwise report to a deleted page: a crash, at worst)."""
    import time

    from PySide6.QtCore import QThreadPool

    from quynhnhai_desktop.gui.tasks import Task

    page = window.show_section("overview")
    slow = Task(lambda _progress: time.sleep(0.3), page)  # a month's sums on a slow computer
    slow.start()
    _choose(qtbot, window, "en")
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    qtbot.wait(10)  # the old pages are deleted: nothing may report to them now
    assert window.ui.pages.currentWidget() is not page
