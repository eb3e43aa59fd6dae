"""A province installation's window: the overview, the completeness grid of its 75 communes
(two of which have reported September 2025) and Settings, in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.district.page import DistrictPage
from quynhnhai_desktop.gui.overview.page import OverviewPage
from quynhnhai_desktop.gui.settings_page import SettingsPage
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import district, profile
from quynhnhai_desktop.store.database import Database
from tests.services.test_province_level import NEW_COMMUNES, _commune
from tests.support.package_helpers import enrol_files


@pytest.fixture
def province(tmp_path: Path, db: Database, paths: AppPaths) -> AppState:
    usb = tmp_path / "usb"
    usb.mkdir()
    for code in NEW_COMMUNES:
        _commune(tmp_path, code, usb, dt.date(2025, 9, 1))
    created = profile.set_up(db, profile.SetupRequest(None, "14", "Cầm Văn Chính", "GIÁM ĐỐC"))
    files = sorted(usb.glob("*.qnbc"))
    enrol_files(db, files)
    district.import_files(db, files)
    return AppState(paths=paths, db=db, profile=created)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_province_screens(qtbot: QtBot, province: AppState, lang: i18n.Lang) -> None:
    i18n.install(lang)
    try:
        grid = DistrictPage(province)
        qtbot.addWidget(grid)
        grid.year.setValue(2025)
        grid.resize(1100, 720)
        grid.show()
        model = grid.grid.model()
        qtbot.waitUntil(lambda: model.rowCount() == 75, timeout=10_000)
        from PySide6.QtCore import Qt

        rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
        row = rows.index("Xã Quỳnh Nhai")
        texts = [model.index(row, c).data() for c in range(model.columnCount())]
        assert texts[:6] == ["—"] * 6  # the commune was formed on 1/7/2025
        assert texts[8] != "—" and texts[6] != "—"
        assert not grid.report_box.send_button.isVisibleTo(grid)  # the province sends nothing
        grid.grab().save(f"/tmp/i18-province-grid-{lang}.png")

        overview = OverviewPage(province)
        qtbot.addWidget(overview)
        overview.resize(1100, 720)
        overview.show()
        qtbot.waitUntil(lambda: bool(overview.district_overview), timeout=10_000)
        overview.grab().save(f"/tmp/i18-province-overview-{lang}.png")
        heading = "Toàn tỉnh trong tháng" if lang == "vi" else "The province this month"
        assert overview.heading.text() == heading

        settings = SettingsPage(province)
        qtbot.addWidget(settings)
        settings.resize(1100, 720)
        settings.show()
        settings.grab().save(f"/tmp/i18-province-settings-{lang}.png")
        level = "Tỉnh" if lang == "vi" else "Province"
        from PySide6.QtWidgets import QLabel

        assert level in {label.text() for label in settings.findChildren(QLabel)}
    finally:
        i18n.install("vi")
