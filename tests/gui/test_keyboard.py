"""Keyboard and screen readers, on every screen: Tab follows the form as the eye reads it,
every Alt letter works (two on one window, a letter a US keyboard cannot type, or a label's
letter with no field to go to would not), and every control has a name a screen reader can
say. The screens are those of tests/support/screens.py; the walkers are in
tests/support/ui_walker.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.main_window import MainWindow
from quynhnhai_desktop.store.database import Database
from tests.gui.test_language import _choose
from tests.support.screens import Screen, commune_screens, district_screens
from tests.support.ui_walker import describe, mnemonic_problems, tab_chain, unnamed_controls

SAVE_AND_SEND = ["previewButton", "printButton", "savePdfButton", "saveXlsxButton",
                 "copyButton", "sendButton"]  # fmt: skip
REPORT_TOP = ["navigation", "ruleCombo", "monthEdit", "QTabBar"]

# Where Tab goes, screen by screen (Vietnamese screens): objectNames, else accessible names
# or button texts. The main window's Tab goes from the section list through the page.
TAB_ORDER: dict[str, list[str]] = {
    "overview": [
        "navigation", "Tháng đang xem", "activitiesNumber", "peopleNumber",
        "householdsNumber", "bluezone_installsNumber", "health_book_installsNumber",
        "venuesNumber", "Hoạt động theo hình thức", "Hoạt động theo nội dung",
        "Lượt người được tuyên truyền và lượt cài đặt, 12 tháng gần nhất",
    ],
    "activities": [
        "navigation", "addButton", "editButton", "deleteButton", "importButton",
        "exportButton", "periodCombo", "searchEdit", "villageFilter", "teamFilter",
        "formFilter", "topicFilter", "table",
    ],
    "venues": [
        "navigation", "searchEdit", "villageFilter", "categoryFilter", "registeredFilter",
        "statusFilter", "table", "newButton", "editButton", "postersButton", "importButton",
        "exportButton",
    ],
    "reports/figuresTab": [*REPORT_TOP, "tableCombo", "tableView", *SAVE_AND_SEND],
    "reports/textsTab": [
        *REPORT_TOP, "numberEdit", "dateEdit", "resultsEdit", "redraftButton",
        "difficultiesEdit", "proposalsEdit", *SAVE_AND_SEND,
    ],
    "reports/previewTab": [*REPORT_TOP, "Bản xem trước báo cáo", *SAVE_AND_SEND],
    "catalog": [
        "navigation",
        "villagesTable", "villagesAddButton", "villagesRenameButton", "villagesActiveButton",
        "villagesDeleteButton",
        "teamsTable", "teamsAddButton", "teamsRenameButton", "teamsActiveButton",
        "teamsDeleteButton",
    ],
    "settings": [
        "navigation", "languageCombo", "moveUnitButton", "recipientCombo", "signatureLineEdit",
        "signerTitleEdit", "signerNameEdit", "copiesEdit", "saveSignerButton", "createButton",
        "restoreFileButton", "backupTable", "restoreSelectedButton", "openFolderButton",
    ],
    "help": ["Hướng dẫn sử dụng", "Đóng"],
    "activity": [
        "dateEdit", "villageCombo", "teamCombo", "formCombo", "topicsList", "noteEdit",
        "saveAnotherButton", "saveButton", "cancelButton",
    ],
    "activity/counts": [
        "dateEdit", "villageCombo", "teamCombo", "formCombo", "topicsList",
        "Số buổi/lượt", "Lượt người được tuyên truyền", "Số hộ", "Tờ rơi", "Cài đặt Bluezone",
        "Cài đặt Sổ sức khỏe điện tử", "Khai báo y tế điện tử", "Đăng ký tiêm chủng",
        "noteEdit", "saveAnotherButton", "saveButton", "cancelButton",
    ],
    "venue": [
        "codeEdit", "nameEdit", "categoryCombo", "villageCombo", "addressEdit", "contactEdit",
        "phoneEdit", "registeredCheck", "qrEdit", "statusCombo", "Lưu", "Hủy",
    ],
    "venue/edit": [
        "codeEdit", "nameEdit", "categoryCombo", "villageCombo", "addressEdit", "contactEdit",
        "phoneEdit", "registeredCheck", "registeredDate", "qrEdit", "statusCombo", "Lưu",
        "Hủy",
    ],
    # Left column top to bottom (a radio group is one stop: arrows choose), then the preview.
    "posters": ["selectedRadio", "a4Radio", "makeButton", "closeButton", "Xem trước"],
    "send": ["Nơi ghi tệp", "Tìm lại", "Thư mục khác…", "Ghi tệp", "Hủy"],
    "restore": ["Khôi phục", "Hủy"],
    "import problems": ["Các dòng bị lỗi", "Đóng"],
    "setup/mode": ["communeMode", "Tiếp >", "Hủy"],
    "setup/unit": ["unitCombo", "villagesEdit", "< Quay lại", "Tiếp >", "Hủy"],
    "setup/signer": ["signerName", "signerTitle", "< Quay lại", "Hoàn tất", "Hủy"],
}  # fmt: skip

DISTRICT_TAB_ORDER: dict[str, list[str]] = {
    "overview": [
        "navigation", "Tháng đang xem", "expectedNumber", "on_timeNumber", "lateNumber",
        "missingNumber", "activitiesNumber", "peopleNumber",
    ],
    "reports": [
        "navigation", "importFilesButton", "importFolderButton", "replaceKeyButton",
        "withdrawButton", "yearSpin", "deadlineSpin", "completenessGrid", "heldList",
        "enrolButton", "discardHeldButton", "reportMonthEdit", "reportRuleCombo",
        "savePdfButton", "saveXlsxButton", "sendUpButton", "importResults",
    ],
}  # fmt: skip


def _window(qtbot: QtBot, paths: AppPaths) -> MainWindow:
    """The window once its start-up check and the day's first backup are done (the
    backup list of Settings then holds one, and the restore button is a stop)."""
    main = MainWindow(paths)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.database_checked, timeout=20_000):
        main.show()
    qtbot.waitUntil(lambda: main.guard is not None and main.guard._task is None, timeout=20_000)
    return main


@pytest.fixture
def window(qtbot: QtBot, paths: AppPaths, filled_db: Database) -> MainWindow:
    return _window(qtbot, paths)


@pytest.fixture
def district_window(qtbot: QtBot, paths: AppPaths, db: Database, tmp_path: Path) -> MainWindow:
    from quynhnhai_desktop.services import district, identity, profile
    from tests.services.test_district import DISTRICT, write
    from tests.support.package_helpers import make_package

    profile.set_up(db, DISTRICT)
    # A file waiting for enrolment, so the page shows (and the walk meets) its buttons.
    waiting = make_package(identity.load_or_create(tmp_path / "commune-key"))
    district.import_files(db, [write(tmp_path / "usb", waiting)])
    return _window(qtbot, paths)


def _find(root: QWidget, name: str) -> QWidget:
    found = [w for w in root.findChildren(QWidget) if w.isVisible() and describe(w) == name]
    assert found, f"no visible {name!r} on {describe(root)}"
    return found[0]


def _chains(qtbot: QtBot, screen: Screen, first: str) -> tuple[list[str], list[str]]:
    """Tab and Shift+Tab from *first* round the window, pressed as a user presses them."""
    root = screen.root
    root.activateWindow()
    qtbot.waitUntil(root.isActiveWindow)  # offscreen too: key events need an active window
    start = _find(root, first)
    forwards = [describe(w) for w in tab_chain(start)]
    backwards = [describe(w) for w in tab_chain(start, backwards=True)]
    return forwards, backwards


def _check_tab_order(
    qtbot: QtBot, screens: list[Screen] | object, expected: dict[str, list[str]]
) -> None:
    found: dict[str, list[str]] = {}
    for screen in screens:  # type: ignore[attr-defined]
        if screen.name not in expected:
            continue
        forwards, backwards = _chains(qtbot, screen, expected[screen.name][0])
        found[screen.name] = forwards
        assert backwards == [forwards[0], *reversed(forwards[1:])], screen.name
    assert found == expected


def test_tab_follows_each_form_as_the_eye_reads_it(qtbot: QtBot, window: MainWindow) -> None:
    _check_tab_order(qtbot, commune_screens(qtbot, window), TAB_ORDER)


def test_tab_on_the_district_screens(qtbot: QtBot, district_window: MainWindow) -> None:
    _check_tab_order(qtbot, district_screens(qtbot, district_window), DISTRICT_TAB_ORDER)


def _walk(qtbot: QtBot, window: MainWindow, lang: str, *, district: bool = False) -> list[str]:
    """Alt-letter and naming problems of every screen; the walker must see the screens."""
    if lang == "en":
        _choose(qtbot, window, "en")
    found: list[str] = []
    letters = 0
    screens = district_screens if district else commune_screens
    for screen in screens(qtbot, window):
        found += [f"{screen.name}: {m}" for m in mnemonic_problems(screen.root)]
        found += [f"{screen.name}: unnamed {m}" for m in unnamed_controls(screen.root)]
        letters += sum("&" in b.text() for b in screen.root.findChildren(QPushButton))
    assert letters > (20 if district else 60)
    return found


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_alt_letters_work_and_every_control_has_a_name(
    qtbot: QtBot, window: MainWindow, lang: str
) -> None:
    assert _walk(qtbot, window, lang) == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_district_alt_letters_and_names(
    qtbot: QtBot, district_window: MainWindow, lang: str
) -> None:
    assert _walk(qtbot, district_window, lang, district=True) == []


def test_the_walkers_catch_what_the_keyboard_or_a_screen_reader_would_miss(
    qtbot: QtBot,
) -> None:
    screen = QWidget()
    qtbot.addWidget(screen)
    layout = QVBoxLayout(screen)
    field = QLineEdit()
    label = QLabel("&Tên:")
    label.setBuddy(field)
    icon_only = QToolButton()
    icon_only.setIcon(screen.style().standardIcon(screen.style().StandardPixmap.SP_DialogOkButton))
    for widget in (label, field, QPushButton("&Thêm…"), QLabel("&Đi tới:"), icon_only):
        layout.addWidget(widget)
    screen.show()
    problems = mnemonic_problems(screen)
    assert any("Alt+t:" in p for p in problems)  # Tên and Thêm
    assert any("cannot be typed" in p for p in problems)  # Alt+Đ
    assert any("has no buddy" in p for p in problems)  # its "&" shows as is
    assert unnamed_controls(screen) == ["QToolButton: (no text)"]
    icon_only.setAccessibleName("Đồng ý")
    assert unnamed_controls(screen) == []


def test_alt_letters_take_the_clerk_to_the_field(qtbot: QtBot, window: MainWindow) -> None:
    """Alt+G (Ghi chú) in the entry dialog goes to the note; Alt+N on Settings to the
    language; the menus open on their letters and list their shortcuts."""
    dialog = window.show_section("activities").add_activity()  # type: ignore[attr-defined]
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.ui.noteEdit
    dialog.reject()

    page = window.show_section("settings")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.language_combo  # type: ignore[attr-defined]

    menus = {m.title(): m for m in (window.ui.menuFile, window.ui.menuGo, window.ui.menuHelp)}
    assert list(menus) == ["Tệ&p", "&Mục", "T&rợ giúp"]
    shown = [
        (action.text(), action.shortcut().toString())
        for menu in menus.values()
        for action in menu.actions()
        if not action.isSeparator()
    ]
    assert shown == [
        ("&Nhập hoạt động từ tệp…", ""),
        ("&Xuất hoạt động ra tệp…", ""),
        ("&Sao lưu ra tệp…", ""),
        ("&In báo cáo tháng…", "Ctrl+P"),
        ("&Thoát", "Ctrl+Q"),
        ("&1 Tổng quan", "Ctrl+1"),
        ("&2 Hoạt động", "Ctrl+2"),
        ("&3 Địa điểm && mã QR", "Ctrl+3"),  # "&&" shows the "&" (a lone one would vanish)
        ("&4 Báo cáo", "Ctrl+4"),
        ("&5 Danh mục", "Ctrl+5"),
        ("&6 Đợt tuyên truyền", "Ctrl+6"),
        ("&7 Cài đặt", "Ctrl+7"),
        ("&Hướng dẫn sử dụng", "F1"),
        ("&Giới thiệu", ""),
    ]
