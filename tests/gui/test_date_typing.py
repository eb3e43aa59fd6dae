"""Dates can be typed: a box whose maximum is today takes "25/09/2021" as typed (the
maximum no longer fights the typing), and a date outside the range is refused when the
field is left, with a message that says why and is shown whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QWidget
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.ops import ops
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.gui.venues.dialog import VenueDialog
from quynhnhai_desktop.services import profile
from quynhnhai_desktop.store.database import Database
from tests.support.qt_helpers import type_text


@pytest.fixture(autouse=True)
def _qt_vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    i18n.install("vi")


@pytest.fixture
def state(commune_db: Database, paths: AppPaths) -> AppState:
    found = profile.get_profile(commune_db)
    assert found is not None
    return AppState(paths=paths, db=commune_db, profile=found)


def type_date(qtbot: QtBot, edit: QDateEdit, text: str) -> None:
    """Tab into the box (its first part is selected), type the date, leave with Tab."""
    edit.window().activateWindow()
    qtbot.waitUntil(edit.window().isActiveWindow)  # offscreen too: keys need an active window
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    assert edit.hasFocus()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def shown_whole(label: QLabel) -> bool:
    """The label shows all of its text (no line cut off at the side or the bottom)."""
    needed = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
    return label.isVisible() and label.height() >= needed and label.width() > 0


def _venue_dialog(qtbot: QtBot, state: AppState) -> VenueDialog:
    dialog = VenueDialog(state)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.ui.nameEdit, "Quán nướng Bó Ban")
    qtbot.mouseClick(dialog.ui.registeredCheck, Qt.MouseButton.LeftButton)
    assert dialog.ui.registeredDate.isEnabled()
    return dialog


def test_the_registration_date_takes_the_day_then_the_month(qtbot: QtBot, state: AppState) -> None:
    dialog = _venue_dialog(qtbot, state)
    type_date(qtbot, dialog.ui.registeredDate, "25/09/2021")
    assert dialog.ui.registeredDate.date() == QDate(2021, 9, 25)
    type_date(qtbot, dialog.ui.registeredDate, "03082021")  # without the slashes
    assert dialog.ui.registeredDate.date() == QDate(2021, 8, 3)
    assert dialog.ui.errorLabel.text() == ""
    assert dialog.draft().registered_on == dt.date(2021, 8, 3)


def test_a_future_registration_date_is_refused_on_leaving_with_a_whole_message(
    pinned_today: dt.date, qtbot: QtBot, state: AppState, tmp_path: Path
) -> None:
    dialog = _venue_dialog(qtbot, state)
    type_date(qtbot, dialog.ui.registeredDate, "25/09/2022")
    assert dialog.ui.registeredDate.date() == QDate(2021, 9, 20)  # the pinned today
    message = dialog.ui.errorLabel.text()
    assert message == (
        "25/09/2022 là ngày trong tương lai: hãy chọn một ngày đến hôm nay (20/09/2021)."
    )
    qtbot.waitUntil(lambda: shown_whole(dialog.ui.errorLabel))
    dialog.grab().save(str(tmp_path / "venue-future-date.png"))


def test_the_report_month_is_typed_and_a_future_month_refused(
    pinned_today: dt.date, qtbot: QtBot, state: AppState, tmp_path: Path
) -> None:
    from quynhnhai_desktop.gui.report.page import ReportPage

    page = ReportPage(state)
    qtbot.addWidget(page)
    page.resize(1024, 560)
    page.show()
    month = page.ui.monthEdit
    type_date(qtbot, month, "09/2021")
    assert (month.date().month(), month.date().year()) == (9, 2021)
    assert page.chosen_period().start == dt.date(2021, 9, 1)
    type_date(qtbot, month, "03/2023")
    assert (month.date().month(), month.date().year()) == (9, 2021)  # the pinned month
    assert "03/2023: hãy chọn một tháng từ 01/2020 đến 09/2021." in page.ui.statusLabel.text()
    qtbot.waitUntil(lambda: shown_whole(page.ui.statusLabel))
    page.grab().save(str(tmp_path / "report-future-month.png"))
    qtbot.waitUntil(lambda: not ops().pending(page) and not page._reload.isActive(), timeout=10_000)


def test_the_district_report_box_month_is_typed(
    qtbot: QtBot, db: Database, paths: AppPaths
) -> None:
    from quynhnhai_desktop.gui.district.report_box import ConsolidatedReportBox
    from tests.services.test_district import DISTRICT

    created = profile.set_up(db, DISTRICT)
    box = ConsolidatedReportBox(AppState(paths=paths, db=db, profile=created))
    holder = QWidget()
    qtbot.addWidget(holder)
    box.setParent(holder)
    holder.resize(900, 200)
    holder.show()
    type_date(qtbot, box.month, "09/2021")
    assert (box.month.date().month(), box.month.date().year()) == (9, 2021)
    type_date(qtbot, box.month, "01/2019")
    assert (box.month.date().month(), box.month.date().year()) == (1, 2020)
    assert box.status.text().startswith("01/2019: hãy chọn một tháng từ 01/2020 đến")
