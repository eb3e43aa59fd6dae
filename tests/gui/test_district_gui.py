"""The district page: import by file dialog or by dropping files; the grid shows who reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.district.completeness_model import CompletenessModel
from quynhnhai_desktop.gui.district.page import DistrictPage
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import district, profile
from quynhnhai_desktop.services import identity as identity_service
from quynhnhai_desktop.store.database import Database
from tests.services.test_district import DISTRICT, write
from tests.support.package_helpers import enrol, make_package


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


def say_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer every question box Yes; the texts asked are returned, in order."""
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    return asked


def test_import_waits_for_enrolment_then_enrolling_fills_the_grid(
    page: DistrictPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = identity_service.load_or_create(tmp_path / "k")
    files = [str(write(tmp_path / "usb", make_package(key, month=m))) for m in (8, 9)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))
    assert page.held_box.isHidden()
    page.import_files_button.click()
    assert page.outcomes.count() == 2
    assert "chờ xác nhận khóa " + key.fingerprint in page.outcomes.item(0).text()
    assert page.held_box.isVisible() and page.held_list.count() == 2
    assert key.fingerprint in page.held_list.item(0).text()
    # nothing imported yet: the grid starts at the campaign's first month, September 2021
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "09/2021"
    september = page.model.index(_row(page, "Xã Mường Giàng"), 0)
    assert page.model.data(september) == "chưa nộp"  # counted nowhere
    tooltip = page.model.data(september, Qt.ItemDataRole.ToolTipRole)
    assert "1 tệp đang chờ xác nhận khóa" in tooltip
    page.grab().save("/tmp/trust-district-held.png")
    asked = say_yes(monkeypatch)
    page.held_list.setCurrentRow(0)
    page.enrol_button.click()
    assert key.fingerprint in asked[0] and "Xã Mường Giàng (03703)" in asked[0]
    texts = [page.outcomes.item(i).text() for i in range(page.outcomes.count())]
    assert len(texts) == 2 and all("Mường Giàng r1 — đã nhập" in t for t in texts), texts
    assert page.held_box.isHidden()
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
    key = identity_service.load_or_create(tmp_path / "k")
    enrol(page.state.db, key)
    good = write(tmp_path, make_package(key))
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


def test_replace_key_shows_both_fingerprints_and_withdraws_the_old_keys_reports(
    page: DistrictPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = identity_service.load_or_create(tmp_path / "old")
    new = identity_service.load_or_create(tmp_path / "new")
    enrol(page.state.db, old)
    page.import_paths([write(tmp_path / "a", make_package(old, month=8))])
    reinstalled = write(tmp_path / "b", make_package(new, month=9))
    [refused] = page.import_paths([reinstalled])
    assert refused.outcome is district.Outcome.REFUSED
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(reinstalled), ""))
    asked = say_yes(monkeypatch)
    page.replace_key_button.click()
    assert old.fingerprint in asked[0] and new.fingerprint in asked[0]
    assert "1 báo cáo ký bằng khóa cũ sẽ bị rút" in asked[0]
    assert "đã nhập" in page.outcomes.item(0).text()
    row = _row(page, "Xã Mường Giàng")
    august, september = (page.model.index(row, _column(page, m)) for m in ("08/2021", "09/2021"))
    assert page.model.data(august) == "đã rút"  # the old key's
    assert old.fingerprint in page.model.data(august, Qt.ItemDataRole.ToolTipRole)
    assert page.model.data(september) == "đúng hạn"


def test_withdraw_the_selected_report_with_a_reason(
    page: DistrictPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = identity_service.load_or_create(tmp_path / "k")
    enrol(page.state.db, key)
    page.import_paths([write(tmp_path, make_package(key, month=9))])
    row = _row(page, "Xã Mường Giàng")
    page.grid.setCurrentIndex(page.model.index(row, _column(page, "09/2021")))
    monkeypatch.setattr(
        QInputDialog, "getText", lambda *a, **k: ("Số liệu nhập nhầm, xã gửi lại", True)
    )
    page.withdraw_button.click()
    cell = page.model.index(row, _column(page, "09/2021"))
    assert page.model.data(cell) == "đã rút"
    assert "Số liệu nhập nhầm" in page.model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert "09/2021: 0 of 11" not in page.summary.text()
    assert district.latest_data(page.state.db, dt.date(2021, 9, 1), dt.date(2021, 9, 30)) == {}


def test_discarding_a_waiting_file(
    page: DistrictPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stranger = identity_service.load_or_create(tmp_path / "s")
    page.import_paths([write(tmp_path, make_package(stranger, month=9))])
    assert page.held_list.count() == 1
    say_yes(monkeypatch)
    page.discard_button.click()
    assert page.held_list.count() == 0 and page.held_box.isHidden()


def _column(page: DistrictPage, month: str) -> int:
    model = page.model
    return next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == month
    )


def _row(page: DistrictPage, name: str) -> int:
    model = page.model
    return next(
        r for r in range(model.rowCount()) if model.headerData(r, Qt.Orientation.Vertical) == name
    )


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


def test_a_waiting_file_of_a_commune_enrolled_since_offers_a_key_replacement(
    page: DistrictPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forger = identity_service.load_or_create(tmp_path / "forger")
    genuine = identity_service.load_or_create(tmp_path / "genuine")
    page.import_paths([write(tmp_path / "f", make_package(forger, month=9))])
    enrol(page.state.db, genuine)
    page.refresh()
    assert "khóa khác được xác nhận: " + genuine.fingerprint in page.held_list.item(0).text()
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.No,
    )
    page.enrol_button.click()
    assert genuine.fingerprint in asked[0] and forger.fingerprint in asked[0]
    assert page.held_list.count() == 1  # answered No: nothing changed
    with page.state.db.session() as session:
        from quynhnhai_desktop.store.models import CommuneKey

        assert session.get(CommuneKey, "03703").fingerprint == genuine.fingerprint  # type: ignore[union-attr]
