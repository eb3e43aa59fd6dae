"""The district page: import by file dialog or by dropping files; the grid shows who reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.district.completeness_model import CompletenessModel
from quynhnhai_desktop.gui.district.page import DistrictPage
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import district, profile
from quynhnhai_desktop.services import identity as identity_service
from quynhnhai_desktop.store.database import Database
from tests.package_helpers import make_package
from tests.test_district import DISTRICT, write


@pytest.fixture
def page(qtbot: QtBot, db: Database, paths: AppPaths) -> DistrictPage:
    i18n.install("vi")
    created = profile.set_up(db, DISTRICT)
    widget = DistrictPage(AppState(paths=paths, db=db, profile=created))
    widget.year.setValue(2021)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def test_import_through_the_file_dialog_fills_the_grid(
    page: DistrictPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = identity_service.load_or_create(tmp_path / "k")
    files = [str(write(tmp_path / "usb", make_package(key, month=m))) for m in (8, 9)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))
    page.import_files_button.click()
    assert page.outcomes.count() == 2
    assert "Mường Giàng r1 — đã nhập" in page.outcomes.item(0).text()
    model = page.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.headerData(r, Qt.Orientation.Vertical) == "Xã Mường Giàng"
    )
    # from August, the earliest month reported (the campaign starts in September 2021:
    # January to July are not "missing")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "08/2021"
    assert model.data(model.index(row, 0)) == "đúng hạn"
    assert model.data(model.index(row, 1)) == "đúng hạn"  # September
    assert model.data(model.index(row, 2)) == "chưa nộp"  # October
    assert page.summary.text().startswith("Tháng 09/2021: 1/11 xã")  # the latest with data
    assert page.report_box.month.date().toString("MM/yyyy") == "09/2021"
    assert "1 of 11" not in page.summary.text()  # Vietnamese on screen
    page.grab().save(str(tmp_path / "district.png"))


def test_dropping_files_imports_them_and_refusals_are_explained(
    page: DistrictPage, tmp_path: Path
) -> None:
    good = write(tmp_path, make_package(identity_service.load_or_create(tmp_path / "k")))
    bad = tmp_path / "hỏng.qnbc"
    bad.write_bytes(b"garbage")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(bad))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.dropEvent(event)  # offscreen Qt has no drag session to deliver it
    texts = [page.outcomes.item(i).text() for i in range(page.outcomes.count())]
    assert any("đã nhập" in t for t in texts), texts
    assert any("BỊ TỪ CHỐI" in t and "hỏng" in t for t in texts)


def test_replace_key_after_confirmation(
    page: DistrictPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = identity_service.load_or_create(tmp_path / "old")
    new = identity_service.load_or_create(tmp_path / "new")
    page.import_paths([write(tmp_path / "a", make_package(old, month=8))])
    reinstalled = write(tmp_path / "b", make_package(new, month=9))
    [refused] = page.import_paths([reinstalled])
    assert refused.outcome is district.Outcome.REFUSED
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(reinstalled), ""))
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    page.replace_key_button.click()
    assert new.fingerprint in asked[0]
    assert "đã nhập" in page.outcomes.item(0).text()


def test_deadline_setting_is_saved(page: DistrictPage) -> None:
    page.deadline.setValue(12)
    from quynhnhai_desktop.services import settings

    with page.state.db.session() as session:
        assert settings.deadline_days(session) == 12


def test_completeness_model_passes_the_model_tester(qtmodeltester, page: DistrictPage) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(page.model)
    empty = CompletenessModel()
    qtmodeltester.check(empty)
    assert page.model.rowCount() == 11
    assert page.model.columnCount() == 4  # September to December 2021
