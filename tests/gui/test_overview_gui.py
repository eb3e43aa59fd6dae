"""The first screen: this month's numbers, equal to the report's, and the lists behind them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.periods import calendar_month
from quynhnhai_desktop.gui.activities.page import ActivitiesPage
from quynhnhai_desktop.gui.main_window import MainWindow
from quynhnhai_desktop.gui.overview.page import OverviewPage
from quynhnhai_desktop.services import activity_queries, overview, report
from quynhnhai_desktop.store.database import Database


@pytest.fixture
def window(qtbot: QtBot, paths: AppPaths, filled_db: Database) -> MainWindow:
    main = MainWindow(paths)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.ready, timeout=10_000):
        main.show()
    return main


def _overview(qtbot: QtBot, window: MainWindow, year: int, month: int) -> OverviewPage:
    page = window.show_section("overview")
    assert isinstance(page, OverviewPage)
    assert window.ui.pages.currentWidget() is page  # the first screen
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.set_month(year, month)
    return page


def _charted(qtbot: QtBot, window: MainWindow, year: int, month: int) -> OverviewPage:
    """The first screen on *month*, once its charts (which follow the numbers) are drawn."""
    page = window.ui.pages.currentWidget()
    assert isinstance(page, OverviewPage)
    qtbot.waitUntil(lambda: page.charts is not None, timeout=10_000)
    with qtbot.waitSignal(page.trend_loaded, timeout=10_000):
        page.set_month(year, month)
    return page


def test_the_overview_numbers_are_the_reports(
    qtbot: QtBot, window: MainWindow, filled_db: Database
) -> None:
    page = _overview(qtbot, window, 2021, 10)
    data = report.prepare(filled_db, calendar_month(2021, 10)).data
    number = QLocale().toString
    assert data.totals.activities > 0
    assert page.number_text("activities") == number(data.totals.activities)
    for code in ("people", "households", "bluezone_installs", "health_book_installs"):
        assert page.number_text(code) == number(data.totals.value(code))
    change = data.totals.value("people") - data.previous_totals.value("people")
    assert (
        page.cards["people"].change.text().startswith(("+" if change > 0 else "") + number(change))
    )
    venues = data.venues.total
    assert page.number_text("venues") == f"{number(venues.registered)} / {number(venues.venues)}"
    assert "bản nháp" in page.statusLine.text()
    assert not page.emptyLabel.isVisible()


def test_the_window_is_ready_once_the_first_screen_shows_its_numbers(
    qtbot: QtBot, window: MainWindow, filled_db: Database
) -> None:
    page = window.ui.pages.currentWidget()
    assert isinstance(page, OverviewPage)
    assert page.is_settled()  # `ready` waited for the worker's figures
    month = page.period()
    data = report.prepare(filled_db, month).data
    assert page.number_text("activities") == QLocale().toString(data.totals.activities)
    assert all(card.number.text() != "…" for card in page.cards.values())


def test_charts_come_after_the_numbers_and_count_the_forms(
    qtbot: QtBot, window: MainWindow, filled_db: Database
) -> None:
    page = _charted(qtbot, window, 2021, 10)
    data = report.prepare(filled_db, calendar_month(2021, 10)).data
    shown = {line.key for line in data.by_form.lines if line.activities}
    assert set(page.charts.form_keys) == shown
    people, installs = page.charts.trend_view.chart().series()
    expected = overview.trend(filled_db, calendar_month(2021, 10))
    assert len(expected) == 12 and sum(point.people for point in expected) > 0
    assert [round(people.at(i).y()) for i in range(people.count())] == [
        point.people for point in expected
    ]
    assert [round(installs.at(i).y()) for i in range(installs.count())] == [
        point.installs for point in expected
    ]


def test_clicking_a_number_opens_the_filtered_activity_list(
    qtbot: QtBot, window: MainWindow, filled_db: Database
) -> None:
    page = _overview(qtbot, window, 2021, 10)
    qtbot.mouseClick(page.cards["activities"].number, Qt.MouseButton.LeftButton)
    activities = window.ui.pages.currentWidget()
    assert isinstance(activities, ActivitiesPage)
    flt = activities.model.filter
    assert (flt.start, flt.end) == (dt.date(2021, 10, 1), dt.date(2021, 10, 31))
    data = report.prepare(filled_db, calendar_month(2021, 10)).data
    assert activities.model.rowCount() == data.totals.activities

    qtbot.waitUntil(lambda: page.charts is not None, timeout=10_000)
    form = page.charts.form_keys[-1]
    window.show_section("overview")
    page.charts.form_clicked.emit(form)
    assert window.ui.pages.currentWidget() is activities
    assert activities.model.filter.form_code == form
    with filled_db.session() as session:
        expected = activity_queries.count(session, activities.model.filter)
    assert activities.model.rowCount() == expected
    line = next(li for li in data.by_form.lines if li.key == form)
    assert expected == line.activities


def test_an_empty_month_says_what_to_do(qtbot: QtBot, window: MainWindow) -> None:
    page = _overview(qtbot, window, 2020, 1)
    assert page.number_text("activities") == "0"
    assert page.emptyLabel.isVisible()
    assert "Ctrl+2" in page.emptyLabel.text()


def test_district_mode_shows_who_reported_and_the_district_totals(
    qtbot: QtBot, db: Database, paths: AppPaths, tmp_path: Path
) -> None:
    from quynhnhai_desktop.gui.state import AppState
    from quynhnhai_desktop.services import district, profile
    from quynhnhai_desktop.services import identity as identity_service
    from tests.services.test_district import DISTRICT, write
    from tests.support.package_helpers import enrol, make_package, sample_data

    created = profile.set_up(db, DISTRICT)
    key = identity_service.load_or_create(tmp_path / "k")
    data = sample_data(people=150)
    enrol(db, key)
    district.import_files(db, [write(tmp_path / "usb", make_package(key, month=9, data=data))])
    page = OverviewPage(AppState(paths=paths, db=db, profile=created))
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.set_month(2021, 9)
    grid = district.completeness(db, [dt.date(2021, 9, 1)])
    number = QLocale().toString
    assert page.number_text("expected") == number(len(grid))
    assert page.number_text("missing") == number(len(grid) - 1)
    assert page.number_text("activities") == number(data.activities_count)
    assert page.number_text("people") == number(data.totals.get("people", 0))
    assert page.heading.text() == "Toàn huyện trong tháng"


def test_an_empty_month_counts_in_whole_numbers(
    qtbot: QtBot, window: MainWindow, filled_db: Database
) -> None:
    page = _charted(qtbot, window, 2019, 1)  # before any activity
    for view in (page.charts.form_view, page.charts.trend_view):
        chart = view.chart()
        [counts] = [a for a in chart.axes() if a.metaObject().className() == "QValueAxis"]
        ticks = counts.tickCount()
        steps = [
            counts.min() + i * (counts.max() - counts.min()) / (ticks - 1) for i in range(ticks)
        ]
        assert all(step == int(step) for step in steps), steps
        assert (counts.min(), counts.max()) == (0, 1)
