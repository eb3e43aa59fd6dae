"""The Campaigns screen: the district writes a campaign in the editor and exports it; a
commune imports the file (fingerprint confirmed once) and its entry dialog then offers it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.activities.page import ActivitiesPage
from quynhnhai_desktop.gui.campaigns.editor import CampaignEditor, RowsEditor
from quynhnhai_desktop.gui.campaigns.page import CampaignsPage
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import campaigns
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.store.database import Database, open_database
from tests.services.test_district import DISTRICT
from tests.support.db_snapshot import snapshot
from tests.support.qt_helpers import type_text

SHOTS = Path("/tmp/campaigns-shots")


@pytest.fixture
def district(tmp_path: Path) -> Iterator[AppState]:
    paths = AppPaths.resolve(tmp_path / "district").ensure()
    db = open_database(paths.database_url)
    profile_service.set_up(db, DISTRICT)
    found = profile_service.get_profile(db)
    assert found is not None
    yield AppState(paths=paths, db=db, profile=found)
    db.close()


@pytest.fixture
def commune(paths: AppPaths, commune_db: Database) -> AppState:
    found = profile_service.get_profile(commune_db)
    assert found is not None
    return AppState(paths=paths, db=commune_db, profile=found)


def _page(qtbot: QtBot, state: AppState) -> CampaignsPage:
    page = CampaignsPage(state)
    qtbot.addWidget(page)
    page.resize(1024, 560)
    page.show()
    return page


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    type_text(qtbot, widget, text)


def _type_row(qtbot: QtBot, rows: RowsEditor, texts: list[str]) -> None:
    """Add a row with its button and type each cell, as a clerk would."""
    qtbot.mouseClick(rows.addButton, Qt.MouseButton.LeftButton)
    row = rows.table.rowCount() - 1
    for column, text in enumerate(texts):
        if rows.table.state() != rows.table.State.EditingState:  # Tab already opened it
            rows.table.setCurrentCell(row, column)
            rows.table.editItem(rows.table.item(row, column))
        assert rows.table.currentColumn() == column
        editors = [e for e in rows.table.viewport().findChildren(QLineEdit) if e.isVisible()]
        assert len(editors) == 1
        editor = editors[0]
        type_text(qtbot, editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)  # commits the cell, on to the next
    assert rows.rows()[-1] == texts


def _write_campaign(qtbot: QtBot, editor: CampaignEditor) -> None:
    _type(qtbot, editor.idEdit, "water-2026")
    _type(qtbot, editor.titleViEdit, "Tuyên truyền nước sạch và vệ sinh môi trường")
    _type(qtbot, editor.titleEnEdit, "Clean water and sanitation outreach")
    editor.kindCombo.setCurrentIndex(editor.kindCombo.findData("chi_thi"))
    _type(qtbot, editor.numberEdit, "07")
    _type(qtbot, editor.symbolEdit, "CT-UBND")
    editor.directiveDateEdit.clear()
    _type(qtbot, editor.directiveDateEdit, "02/03/2026")
    _type(qtbot, editor.issuerEdit, "UBND huyện Quỳnh Nhai")
    editor.runsFromEdit.clear()
    _type(qtbot, editor.runsFromEdit, "01/03/2026")
    editor.tabs.setCurrentWidget(editor.indicators)
    _type_row(qtbot, editor.indicators, ["talks", "Số buổi nói chuyện", "Talks"])
    _type_row(qtbot, editor.indicators, ["listeners", "Lượt người nghe", "Listeners"])
    _type_row(qtbot, editor.indicators, ["filters", "Bộ lọc nước phát", "Water filters given"])
    editor.tabs.setCurrentWidget(editor.forms)
    _type_row(qtbot, editor.forms, ["talk", "Nói chuyện chuyên đề", "Talk", "talks, listeners"])
    _type_row(qtbot, editor.forms, ["handout", "Phát bộ lọc", "Filters handed out", "filters"])
    editor.tabs.setCurrentWidget(editor.topics)
    _type_row(qtbot, editor.topics, ["boiling", "Đun sôi nước uống", "Boiling drinking water"])
    _type_row(qtbot, editor.topics, ["latrines", "Nhà tiêu hợp vệ sinh", "Sanitary latrines"])
    editor.tabs.setCurrentIndex(4)
    _type_row(qtbot, editor.columns, ["listeners", "Người nghe", "Listeners", "listeners"])
    _type(qtbot, editor.totalsEdit, "listeners, filters")
    _type(qtbot, editor.reachEdit, "listeners")
    _type(qtbot, editor.maximumEdit, "talks=5")


@pytest.fixture(autouse=True)
def _back_to_vietnamese(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    yield
    i18n.install("vi")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_district_writes_a_campaign_and_a_commune_enters_activities_in_it(
    qtbot: QtBot,
    district: AppState,
    commune: AppState,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: ModelTester,
    lang: str,
) -> None:
    i18n.install(lang)
    page = _page(qtbot, district)
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 1  # the 2021 campaign
    assert "2158/UBND-VHTT" in page.details.toPlainText()
    qtbot.mouseClick(page.newButton, Qt.MouseButton.LeftButton)
    editor = page.editor
    assert isinstance(editor, CampaignEditor)
    _write_campaign(qtbot, editor)
    assert editor.size().boundedTo(QSize(1024, 560)) == editor.size()  # fits a netbook
    SHOTS.mkdir(exist_ok=True)
    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        editor.grab().save(str(SHOTS / f"editor-{tab}-{lang}.png"))
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.mouseClick(editor.saveButton, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 2
    assert page.selected() is not None and page.selected().id == "water-2026"  # type: ignore[union-attr]
    details = page.details.toPlainText()
    assert "Chỉ thị số 07/CT-UBND ngày 2/3/2026 của UBND huyện Quỳnh Nhai" in details
    page.grab().save(str(SHOTS / f"campaigns-district-{lang}.png"))
    out = tmp_path / "usb" / "water"
    out.parent.mkdir()
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), "")
    )
    qtbot.mouseClick(page.exportButton, Qt.MouseButton.LeftButton)
    exported = out.with_name("water.qncampaign")
    assert exported.is_file()
    fingerprint = page.infoLabel.text().rsplit(" ", 1)[-1]

    # The commune: reads campaigns, imports one, cannot write or export them.
    at_commune = _page(qtbot, commune)
    assert not at_commune.newButton.isVisibleTo(at_commune)
    assert not at_commune.exportButton.isVisibleTo(at_commune)
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(exported), "")
    )
    qtbot.mouseClick(at_commune.importButton, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and fingerprint in asked[0]  # read out on the phone, once
    assert at_commune.model.rowCount() == 2
    qtbot.mouseClick(at_commune.importButton, Qt.MouseButton.LeftButton)  # again: no question
    assert len(asked) == 1
    at_commune.grab().save(str(SHOTS / f"campaigns-commune-{lang}.png"))

    activities_page = ActivitiesPage(commune)
    qtbot.addWidget(activities_page)
    with qtbot.waitSignal(activities_page.totals_shown, timeout=10_000):
        activities_page.show()
    dialog = activities_page.add_activity()
    dialog.ui.dateEdit.selectAll()
    type_text(qtbot, dialog.ui.dateEdit, "10/03/2026")
    assert dialog.campaign_asked()
    dialog.campaignCombo.setCurrentIndex(dialog.campaignCombo.findData("water-2026"))
    forms = [dialog.ui.formCombo.itemText(i) for i in range(dialog.ui.formCombo.count())]
    assert forms == (["Nói chuyện chuyên đề", "Phát bộ lọc"] if lang == "vi" else ["Talk",
                     "Filters handed out"])  # fmt: skip
    dialog.reject()


def test_a_wrong_campaign_is_refused_in_the_editor_and_nothing_is_stored(
    qtbot: QtBot, district: AppState
) -> None:
    page = _page(qtbot, district)
    editor = page.open_editor(None)
    assert isinstance(editor, CampaignEditor)
    _write_campaign(qtbot, editor)
    editor.tabs.setCurrentWidget(editor.forms)
    _type_row(qtbot, editor.forms, ["visit", "Thăm hộ", "Home visit", "households"])
    before = snapshot(district.paths.database)
    qtbot.mouseClick(editor.saveButton, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert "households" in editor.errorLabel.text()
    assert editor.errorLabel.text().startswith("Đợt tuyên truyền không hợp lệ")
    assert snapshot(district.paths.database) == before
    editor.idEdit.clear()
    _type(qtbot, editor.idEdit, "Nước Sạch")
    qtbot.mouseClick(editor.saveButton, Qt.MouseButton.LeftButton)
    assert "digital-2026" in editor.errorLabel.text()
    assert snapshot(district.paths.database) == before


def test_a_new_version_keeps_the_campaign_and_the_old_version(
    qtbot: QtBot, district: AppState
) -> None:
    page = _page(qtbot, district)
    qtbot.mouseClick(page.versionButton, Qt.MouseButton.LeftButton)
    editor = page.editor
    assert isinstance(editor, CampaignEditor)
    assert editor.idEdit.isReadOnly() and editor.versionSpin.value() == 2
    editor.runsToEdit.setFocus()
    type_text(qtbot, editor.runsToEdit, "31/12/2026")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.mouseClick(editor.saveButton, Qt.MouseButton.LeftButton)
    assert page.model.data(page.model.index(0, 2)) == "2"
    with district.db.read_session() as session:
        old = campaigns.version(session, "covid-2021", 1)
        new = campaigns.version(session, "covid-2021", 2)
    assert old is not None and old.runs_to is None
    assert new is not None and new.runs_to == dt.date(2026, 12, 31)
    same = {"version", "runs_to"}
    assert new.model_dump(exclude=same) == old.model_dump(exclude=same)  # all else is kept
