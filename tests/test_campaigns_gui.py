"""The activity list in a second campaign: its own columns, only its own activities."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.activity import ActivityDraft
from quynhnhai_desktop.gui.activities.page import ActivitiesPage
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import activities, campaigns
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.store.database import Database
from tests.activity_data import COMMUNE, add, team_id

DIGITAL = Path(__file__).resolve().parent / "data" / "digital-2026.json"
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
