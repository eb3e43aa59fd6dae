"""Section Danh mục: villages and teams added, renamed, deactivated, deleted only if unused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.lists_page import ListsPage, NameRow, NamesModel, NamesPanel
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.services import reference
from quynhnhai_desktop.store.database import Database
from tests.support.activity_data import COMMUNE, add, add_villages


@pytest.fixture(autouse=True)
def _qt_vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    i18n.install("vi")


@pytest.fixture
def page(qtbot: QtBot, paths: AppPaths, commune_db: Database) -> ListsPage:
    add_villages(commune_db, ("Bản Nà", "Bản Đán"))
    add(commune_db, village="Bản Nà")
    found = profile_service.get_profile(commune_db)
    assert found is not None
    widget = ListsPage(AppState(paths=paths, db=commune_db, profile=found))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def names(panel: NamesPanel) -> list[tuple[str, str, str]]:
    model = panel.model
    return [
        tuple(model.data(model.index(row, column)) for column in range(3))  # type: ignore[misc]
        for row in range(model.rowCount())
    ]


def choose(panel: NamesPanel, name: str) -> None:
    panel.table.selectRow(panel.model.find(name))


def answer(monkeypatch: pytest.MonkeyPatch, text: str | None) -> None:
    monkeypatch.setattr(NamesPanel, "ask_name", lambda self, title, current="": text)


def test_lists_show_names_in_vietnamese_order_with_their_use(page: ListsPage) -> None:
    assert page.villages.title() == "&Bản, tổ dân phố"  # Alt+B goes to the list
    assert names(page.villages) == [("Bản Đán", "0", "Đang dùng"), ("Bản Nà", "1", "Đang dùng")]
    teams = [row[0] for row in names(page.teams)]
    assert teams[:3] == ["Công an xã", "Đoàn Thanh niên", "Hội Cựu chiến binh"]


def test_add_rename_and_refuse_a_duplicate(
    page: ListsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer(monkeypatch, "  Bản  Hua Na ")
    page.villages.add_button.click()
    assert "Bản Hua Na" in [row[0] for row in names(page.villages)]
    assert page.villages.message.text() == "Đã thêm: Bản Hua Na."
    answer(monkeypatch, "BẢN NÀ")
    page.villages.add_button.click()
    assert page.villages.message.text() == "Bản “Bản Nà” đã có."
    choose(page.villages, "Bản Nà")
    answer(monkeypatch, "Bản Nà Mới")
    page.villages.rename_button.click()
    assert ("Bản Nà Mới", "1", "Đang dùng") in names(page.villages)
    assert "Các hoạt động cũ hiện theo tên mới" in page.villages.message.text()


def test_a_used_name_is_deactivated_not_deleted(page: ListsPage) -> None:
    choose(page.villages, "Bản Nà")
    page.villages.delete_button.click()
    assert "không xóa được" in page.villages.message.text()
    assert page.villages.active_button.text() == "Ngừng dùng"
    page.villages.active_button.click()
    assert ("Bản Nà", "1", "Ngừng dùng") in names(page.villages)
    assert page.villages.active_button.text() == "Dùng lại"
    color = page.villages.model.data(
        page.villages.model.index(1, 0), Qt.ItemDataRole.ForegroundRole
    )
    assert color is not None
    with page.villages.db.session() as session:
        active = [v.name for v in reference.list_villages(session, COMMUNE, active_only=True)]
    assert active == ["Bản Đán"]
    choose(page.villages, "Bản Đán")
    page.villages.delete_button.click()
    assert page.villages.message.text() == "Đã xóa: Bản Đán."
    assert [row[0] for row in names(page.villages)] == ["Bản Nà"]


def test_names_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = NamesModel()
    model.set_rows([NameRow(1, "Bản Nà", True, 3), NameRow(2, "Bản Đán", False, 0)])
    qtmodeltester.check(model)
