"""English mode: the Reports screen's period line and indicator names are English."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.gui.main_window import MainWindow
from tests.gui.test_report_gui import _page, pick_month, window

__all__ = ["window"]  # the fixture


def test_the_reports_screen_speaks_english(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    before = _page(qtbot, window)
    pick_month(qtbot, before, 2021, 9)
    window.set_language("en")
    try:
        page = _page(qtbot, window)
        assert page is not before
        assert page.ui.monthEdit.date().toString("MM/yyyy") == "09/2021"  # still chosen
        qtbot.waitUntil(lambda: page.period is not None and page.period.start.month == 9)
        assert page.ui.spanLabel.text() == "from 01/09/2021 to 30/09/2021"
        model = page.ui.tableView.model()
        names = [model.index(row, 1).data() for row in range(model.rowCount())]
        assert "People reached" in names and "Lượt người được tuyên truyền" not in names
        page.grab().save(str(tmp_path / "reports.en.png"))
    finally:
        window.set_language("vi")
        i18n.install("vi")
