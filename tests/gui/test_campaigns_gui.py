"""The activity list in a second campaign: its own columns, only its own activities."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlmodel import select

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.activity import ActivityDraft
from quynhnhai_desktop.gui.activities.dialog import ActivityDialog
from quynhnhai_desktop.gui.activities.page import ActivitiesPage
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import activities, campaigns
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import Activity
from tests.support.activity_data import COMMUNE, add, team_id
from tests.support.qt_helpers import type_text

DIGITAL = Path(__file__).resolve().parents[1] / "data" / "digital-2026.json"
SHOTS = Path("/tmp/campaigns-shots")


@pytest.fixture(autouse=True)
def _qt(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    yield
    i18n.install("vi")


@pytest.fixture
def state(paths: AppPaths, commune_db: Database) -> AppState:
    with commune_db.session() as session:
        digital = campaigns.store(session, DIGITAL.read_bytes())
    add(commune_db, "05/02/2026", village=None, form="meeting", topics=("bluezone",), people=60)
    draft = ActivityDraft(
        date=dt.date(2026, 2, 7),
        team_id=team_id(commune_db, "Đoàn Thanh niên"),
        form_code="class",
        topics=("vneid",),
        values={"classes": 1, "learners": 25, "vneid_accounts": 9},
    )
    with commune_db.session() as session:
        activities.record(session, COMMUNE, draft, digital, today=dt.date(2026, 2, 7))
    found = profile_service.get_profile(commune_db)
    assert found is not None
    return AppState(paths=paths, db=commune_db, profile=found)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_list_shows_the_chosen_campaign_with_its_columns(
    qtbot: QtBot,
    state: AppState,
    lang: str,
    qtmodeltester: ModelTester,
) -> None:
    i18n.install(lang)
    campaigns.remember(state.db, "digital-2026")
    page = ActivitiesPage(state)
    qtbot.addWidget(page)
    page.resize(1100, 500)
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        page.show()
    qtmodeltester.check(page.model)
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    expected = ["Lớp", "Người học", "VNeID"] if lang == "vi" else ["Classes", "Learners", "VNeID"]
    assert headers[5:8] == expected
    assert model.rowCount() == 1
    assert model.data(model.index(0, 6)) == "25"
    totals = page.ui.totalsLabel.text()
    assert ("Lượt người học <b>25</b>" if lang == "vi" else "Learners <b>25</b>") in totals
    SHOTS.mkdir(exist_ok=True)
    page.grab().save(str(SHOTS / f"list-digital-{lang}.png"))

    campaigns.remember(state.db, "covid-2021")
    covid = ActivitiesPage(state)
    qtbot.addWidget(covid)
    with qtbot.waitSignal(covid.totals_shown, timeout=10_000):
        covid.show()
    assert covid.model.rowCount() == 1
    assert covid.model.headerData(6, Qt.Orientation.Horizontal) == (
        "Người" if lang == "vi" else "People"
    )


def _open_dialog(qtbot: QtBot, page: ActivitiesPage, day: str) -> ActivityDialog:
    dialog = page.add_activity()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.ui.dateEdit.selectAll()
    type_text(qtbot, dialog.ui.dateEdit, day)
    return dialog


def _forms(dialog: ActivityDialog) -> list[str]:
    combo = dialog.ui.formCombo
    return [combo.itemText(i) for i in range(combo.count())]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_dialog_asks_for_the_campaign_when_two_run(
    qtbot: QtBot, state: AppState, lang: str
) -> None:
    i18n.install(lang)
    campaigns.remember(state.db, "covid-2021")
    page = ActivitiesPage(state)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        page.show()
    dialog = _open_dialog(qtbot, page, "20/02/2026")  # both campaigns run that day
    assert dialog.campaign_asked() and dialog.campaignCombo.isVisible()
    assert dialog.campaignLabel.text() == ("Đợt tuyên truyền:" if lang == "vi" else "Campaign:")
    assert dialog.campaignCombo.currentData() == "covid-2021"  # the last used
    assert ("Họp dân, hội nghị" if lang == "vi" else "Village meeting") in " ".join(_forms(dialog))
    dialog.campaignCombo.setFocus()
    qtbot.keyClick(dialog.campaignCombo, Qt.Key.Key_Down)  # the digital-skills campaign
    assert dialog.campaignCombo.currentData() == "digital-2026"
    digital = ["Lớp hướng dẫn tại nhà văn hóa", "Hỗ trợ tại hộ gia đình"]
    assert _forms(dialog) == (digital if lang == "vi" else ["Class at the village hall",
                                                          "Help at home"])  # fmt: skip
    dialog.ui.teamCombo.setFocus()
    type_text(qtbot, dialog.ui.teamCombo, "doan thanh nien")
    dialog.ui.formCombo.setFocus()
    type_text(qtbot, dialog.ui.formCombo, "lop huong dan" if lang == "vi" else "class at")
    qtbot.keyClick(dialog.ui.formCombo, Qt.Key.Key_Tab)
    assert dialog._count_edits["learners"].isVisibleTo(dialog)
    assert not dialog._count_edits["online_services"].isVisibleTo(dialog)  # not this form's
    qtbot.keyClick(dialog.ui.topicsList, Qt.Key.Key_Space)
    type_text(qtbot, dialog._count_edits["classes"], "1")
    type_text(qtbot, dialog._count_edits["learners"], "30")
    dialog.resize(dialog.sizeHint().boundedTo(QSize(1024, 560)))
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / f"dialog-two-campaigns-{lang}.png"))
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    with state.db.read_session() as session:
        saved = session.exec(
            select(Activity.campaign_id, Activity.campaign_version).where(
                Activity.date == dt.date(2026, 2, 20)
            )
        ).all()
    assert list(saved) == [("digital-2026", 1)]
    assert campaigns.preferred(state.db).id == "digital-2026"  # the next dialog's default
    again = _open_dialog(qtbot, page, "21/02/2026")
    assert again.campaignCombo.currentData() == "digital-2026"
    again.ui.dateEdit.selectAll()
    type_text(qtbot, again.ui.dateEdit, "15/09/2021")  # only the 2021 campaign ran then
    assert not again.campaign_asked() and not again.campaignCombo.isVisibleTo(again)
    assert again.catalog.id == "covid-2021"
    assert again.ui.formCombo.findData("meeting") >= 0
    again.reject()


def test_one_campaign_never_asks(qtbot: QtBot, paths: AppPaths, commune_db: Database) -> None:
    found = profile_service.get_profile(commune_db)
    assert found is not None
    page = ActivitiesPage(AppState(paths=paths, db=commune_db, profile=found))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        page.show()
    assert not page.campaignFilter.isVisibleTo(page)  # no campaign filter either
    dialog = _open_dialog(qtbot, page, "20/02/2026")
    assert not dialog.campaign_asked() and not dialog.campaignCombo.isVisibleTo(dialog)
    assert "campaign" not in dialog.values()
    dialog.reject()


def test_the_campaign_filter_shows_one_or_all(
    qtbot: QtBot, state: AppState, qtmodeltester: ModelTester
) -> None:
    campaigns.remember(state.db, "covid-2021")
    page = ActivitiesPage(state)
    qtbot.addWidget(page)
    page.resize(1024, 560)
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        page.show()
    combo = page.campaignFilter
    assert combo.isVisible()
    assert [combo.itemText(i) for i in range(combo.count())][-1] == "Tất cả các đợt"
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        combo.setCurrentIndex(combo.findData(campaigns.ALL_CAMPAIGNS))
    qtmodeltester.check(page.model)
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Ngày", "Bản", "Lực lượng", "Hình thức", "Nội dung", "Ghi chú"]
    assert model.rowCount() == 2
    assert {model.data(model.index(r, 3)) for r in range(2)} == {
        "Họp dân, hội nghị",
        "Lớp hướng dẫn tại nhà văn hóa",
    }
    totals = page.ui.totalsLabel.text()
    assert "<b>2</b> hoạt động" in totals
    assert "Lượt người được tuyên truyền <b>60</b>" in totals
    assert "Lượt người học <b>25</b>" in totals
    forms = page.ui.formFilter
    assert forms.findText("Hỗ trợ tại hộ gia đình") > 0 and forms.findText("Họp dân, hội nghị") > 0
    SHOTS.mkdir(exist_ok=True)
    page.grab().save(str(SHOTS / "list-all-vi.png"))
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        combo.setCurrentIndex(combo.findData("digital-2026"))
    assert page.model.rowCount() == 1
    assert "Người học" in [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ]
    assert campaigns.preferred(state.db).id == "digital-2026"


def test_the_report_screen_picks_the_campaign_and_names_its_rows(
    qtbot: QtBot, state: AppState, qtmodeltester: ModelTester
) -> None:
    from PySide6.QtCore import QDate

    from quynhnhai_desktop.gui.report.page import ReportPage

    i18n.install("en")
    campaigns.remember(state.db, "covid-2021")
    page = ReportPage(state)
    qtbot.addWidget(page)
    page.resize(1024, 560)
    page.show()
    qtbot.waitUntil(lambda: page.bundle is not None, timeout=10_000)
    assert page.campaignCombo.isVisible()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.ui.monthEdit.setDate(QDate(2026, 2, 1))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.campaignCombo.setCurrentIndex(page.campaignCombo.findData("digital-2026"))
    assert page.bundle is not None and page.bundle.data.catalog_id == "digital-2026"
    page.ui.tableCombo.setCurrentIndex(1)  # by form
    qtmodeltester.check(page.model)
    names = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    assert "Class at the village hall" in names  # the campaign's own English label
    assert campaigns.preferred(state.db).id == "digital-2026"
    page.grab().save(str(SHOTS / "report-digital-en.png"))


def test_the_overview_follows_the_campaign_picked_and_the_window_rebuilds_it(
    qtbot: QtBot, state: AppState
) -> None:
    from quynhnhai_desktop.gui.main_window import MainWindow
    from quynhnhai_desktop.gui.overview.page import OverviewPage

    campaigns.remember(state.db, "covid-2021")
    main = MainWindow(state.paths)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.ready, timeout=10_000):
        main.show()
    overview = main.show_section("overview")
    assert isinstance(overview, OverviewPage)
    assert overview.campaignCombo.isVisible()
    assert "learners" not in overview.cards
    overview.campaignCombo.setCurrentIndex(overview.campaignCombo.findData("digital-2026"))
    qtbot.waitUntil(lambda: main.show_section("overview") is not overview)
    again = main.show_section("overview")
    assert isinstance(again, OverviewPage)
    assert again.campaignCombo.currentData() == "digital-2026"
    assert again.cards["learners"].title.text() == "Lượt người học"
    listing = main.show_section("activities")
    assert isinstance(listing, ActivitiesPage)
    assert listing.catalog.id == "digital-2026"  # the list opens in the campaign last used
