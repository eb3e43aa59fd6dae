"""Every screen of the app, opened the way a clerk opens it: the walkers' tour.

:func:`commune_screens` visits each section of a commune's window (each tab of the report
page) and opens each dialog; :func:`district_screens` the sections of a district's window.
Each screen is shown while the caller looks at it, then closed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView, QWidget
from pytestqt.qtbot import QtBot

from quynhnhai_desktop.gui.main_window import MainWindow


@dataclass
class Screen:
    name: str
    root: QWidget  # the window the user sees (the main window, or a dialog)
    subject: Any  # the page or dialog itself


def _settle(qtbot: QtBot, key: str, page: Any) -> None:
    """Let a page that loads off the GUI thread show its data (and enable its buttons)."""
    if key == "reports" and hasattr(page, "bundle"):
        qtbot.waitUntil(lambda: page.bundle is not None, timeout=10_000)
        qtbot.waitUntil(lambda: page.ui.previewButton.isEnabled(), timeout=10_000)
    elif key == "overview":
        qtbot.waitUntil(lambda: bool(page.overview or page.district_overview), timeout=10_000)
        qtbot.waitUntil(lambda: page.charts is not None, timeout=10_000)
    for view in page.findChildren(QTableView):  # a row picked: its buttons are on
        if view.model() is not None and view.model().rowCount():
            view.selectionModel().select(
                view.model().index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
    qtbot.wait(10)


def sections(qtbot: QtBot, window: MainWindow) -> Iterator[Screen]:
    for key in window.section_keys():
        page = window.show_section(key)
        _settle(qtbot, key, page)
        tabs = getattr(getattr(page, "ui", None), "tabs", None)
        if tabs is None:
            yield Screen(key, window, page)
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            yield Screen(f"{key}/{tabs.widget(index).objectName()}", window, page)
        tabs.setCurrentIndex(0)


def _shown(qtbot: QtBot, name: str, dialog: QWidget) -> Iterator[Screen]:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    try:
        yield Screen(name, dialog, dialog)
    finally:
        dialog.close()


def dialogs(qtbot: QtBot, window: MainWindow) -> Iterator[Screen]:
    from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
    from quynhnhai_desktop.gui.activities.transfer import ProblemsDialog
    from quynhnhai_desktop.gui.backup.restore_dialog import RestoreDialog
    from quynhnhai_desktop.gui.help import HelpDialog
    from quynhnhai_desktop.gui.report.send_dialog import SendDialog
    from quynhnhai_desktop.gui.setup_wizard import SetupWizard
    from quynhnhai_desktop.gui.venues.dialog import VenueDialog
    from quynhnhai_desktop.gui.venues.posters_dialog import PostersDialog
    from quynhnhai_desktop.services.backup import BackupSummary
    from quynhnhai_desktop.services.tabular import RowProblem

    state = window.state
    assert state is not None
    yield from _shown(qtbot, "help", HelpDialog(window))

    activities = window.show_section("activities")
    dialog = activities.add_activity()  # type: ignore[attr-defined]
    qtbot.waitExposed(dialog)
    yield Screen("activity", dialog, dialog)
    form = dialog.ui.formCombo
    form.setCurrentIndex(max(range(form.count()), key=lambda i: _asked(dialog, i)))
    yield Screen("activity/counts", dialog, dialog)
    dialog.reject()

    yield from _shown(qtbot, "venue", VenueDialog(state, parent=window))
    yield from _shown(qtbot, "venue/edit", VenueDialog(state, 1, parent=window))
    yield from _shown(qtbot, "posters", PostersDialog(state, [1, 2], parent=window))
    what = "Tệp: BC-2021-09-03703-r2.qnbc (lần gửi 2)."
    yield from _shown(qtbot, "send", SendDialog([state.paths.exports_dir], window, what=what))
    summary = BackupSummary(
        "QuynhNhai-saoluu.sqlite3", 2_400_000, "0001", True, "Xã Chiềng Bằng (03706)", "03706",
        {"activities": 12, "villages": 3, "teams": 2, "venues": 4},
        dt.date(2021, 9, 1), dt.date(2021, 11, 30), dt.datetime(2021, 11, 30, 17, 5),
    )  # fmt: skip
    yield from _shown(qtbot, "restore", RestoreDialog(summary, state.profile.unit_code, window))
    problem = UserError("ActivityDialog", QT_TRANSLATE_NOOP("ActivityDialog", "Choose the form."))
    yield from _shown(qtbot, "import problems", ProblemsDialog([RowProblem(3, problem)], window))

    wizard = SetupWizard(state.db, window, keys_dir=state.paths.keys_dir)
    for screen in _shown(qtbot, "setup/mode", wizard):
        yield screen
        wizard.next()
        yield Screen("setup/unit", wizard, wizard)
        wizard.next()
        wizard.ui.signerName.setText("Lò Văn Thành")  # typed: Finish is on
        yield Screen("setup/signer", wizard, wizard)


def _asked(dialog: Any, index: int) -> int:
    """How many counts a form asks for (the activity dialog shows only those)."""
    code = dialog.ui.formCombo.itemData(index)
    return len(dialog.catalog.form(code).indicators) if code else 0


def commune_screens(qtbot: QtBot, window: MainWindow) -> Iterator[Screen]:
    yield from sections(qtbot, window)
    yield from dialogs(qtbot, window)


def district_screens(qtbot: QtBot, window: MainWindow) -> Iterator[Screen]:
    yield from sections(qtbot, window)
