"""The district page's "Báo cáo tổng hợp" box: pick the month, save the PDF and the Excel copy."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.district.page import DistrictPage
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import district, profile
from quynhnhai_desktop.services import identity as identity_service
from quynhnhai_desktop.store.database import Database
from tests.services.test_district import DISTRICT, write
from tests.services.test_district_report import pdf_tables
from tests.support.package_helpers import enrol, make_package, sample_data

EVENING = dt.datetime(2021, 10, 3, 20, 30, tzinfo=dt.UTC)  # already 4 October in Sơn La


@pytest.fixture
def page(qtbot: QtBot, db: Database, paths: AppPaths, tmp_path: Path) -> DistrictPage:
    i18n.install("vi")
    created = profile.set_up(db, DISTRICT)
    for code, name, people in (("03703", "Mường Giàng", 100), ("03682", "Mường Chiên", 250)):
        key = identity_service.load_or_create(tmp_path / "keys" / code)
        blob = make_package(
            key, commune=code, name=name, data=sample_data(people=people), created=EVENING
        )
        enrol(db, key, code)
        district.import_files(db, [write(tmp_path / "usb", blob)])
    widget = DistrictPage(AppState(paths=paths, db=db, profile=created))
    widget.year.setValue(2021)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    return widget


def _answer_save_dialog(
    monkeypatch: pytest.MonkeyPatch, target: Path, asked: list[tuple[str, str]]
) -> None:
    def dialog(_parent: object, title: str, default: str, _filter: str) -> tuple[str, str]:
        asked.append((title, default))
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)


def test_save_the_consolidated_pdf_and_excel_for_a_month(
    qtbot: QtBot, page: DistrictPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = page.report_box
    assert box.title() == "Báo cáo tổng hợp"
    box.month.setDate(QDate(2021, 9, 1))
    asked: list[tuple[str, str]] = []
    _answer_save_dialog(monkeypatch, tmp_path / "out" / "tong-hop", asked)
    (tmp_path / "out").mkdir()
    with qtbot.waitSignal(box.saved, timeout=20_000) as saved:
        box.save_pdf_button.click()
    assert asked[0][0] == "Lưu báo cáo tổng hợp thành tệp PDF"
    assert asked[0][1].endswith("BC-TH-2021-09-118.pdf")
    pdf = Path(saved.args[0])
    assert pdf == tmp_path / "out" / "tong-hop.pdf"  # the suffix is added
    assert box.status.text() == f"Đã lưu: {pdf}"
    tables = pdf_tables(pdf.read_bytes())
    assert tables["Chỉ tiêu"]["Lượt người được tuyên truyền"]["Tháng 9/2021"] == "350"
    assert tables["Xã/Tình trạng"]["Tổng cộng"]["Tình trạng"] == "2/11 xã đã báo cáo"

    _answer_save_dialog(monkeypatch, tmp_path / "out" / "tong-hop.xlsx", asked)
    with qtbot.waitSignal(box.saved, timeout=20_000) as saved:
        box.save_xlsx_button.click()
    book = load_workbook(saved.args[0])
    people = next(
        r for r in book["Tổng hợp"].iter_rows(values_only=True) if r[1] and "Lượt người" in r[1]
    )
    assert people[2] == 350
    status = {r[1]: r for r in book["Tình hình báo cáo"].iter_rows(min_row=5, values_only=True)}
    assert status["Xã Mường Giàng"][3:] == ("Số 05/BC-UBND ngày 05/10/2021", 1, "04/10/2021")
    assert box.save_pdf_button.isEnabled()
    page.grab().save(str(tmp_path / "district-report-box.png"))


def test_a_month_nobody_reported_explains_what_to_do(
    qtbot: QtBot, page: DistrictPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = page.report_box
    box.month.setDate(QDate(2021, 10, 1))
    _answer_save_dialog(monkeypatch, tmp_path / "x.pdf", [])
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    with qtbot.waitSignal(box.failed, timeout=20_000):
        box.save_pdf_button.click()
    assert shown == [
        "Chưa có xã nào gửi báo cáo tháng 10/2021. Hãy nhập tệp báo cáo của các xã trước."
    ]
    assert box.status.text() == shown[0]
    assert not (tmp_path / "x.pdf").exists()


def test_cancelling_the_save_dialog_writes_nothing(
    page: DistrictPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    page.report_box.save_xlsx_button.click()
    assert page.report_box.status.text() == ""
    assert page.report_box.save_xlsx_button.isEnabled()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_district_sends_its_consolidated_package_to_the_province(
    qtbot: QtBot,
    page: DistrictPage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: i18n.Lang,
) -> None:
    from PySide6.QtWidgets import QDialog

    from quynhnhai_desktop.domain.package import ConsolidatedData
    from quynhnhai_desktop.gui.report.send_dialog import SendDialog
    from quynhnhai_desktop.services import package

    i18n.install(lang)
    try:
        widget = DistrictPage(page.state)
        qtbot.addWidget(widget)
        widget.resize(1100, 720)
        widget.show()
        box = widget.report_box
        assert box.send_button.isVisibleTo(widget)
        box.month.setDate(QDate(2021, 9, 1))
        stick = tmp_path / "stick"
        stick.mkdir()
        titles: list[str] = []

        def accepted(dialog: SendDialog) -> int:
            titles.append(dialog.windowTitle())
            titles.append(dialog.what.text())
            return QDialog.DialogCode.Accepted.value

        monkeypatch.setattr(SendDialog, "exec", accepted)
        monkeypatch.setattr(SendDialog, "chosen", lambda _dialog: stick)
        with qtbot.waitSignal(box.saved, timeout=20_000) as saved:
            box.send_button.click()
        written = Path(saved.args[0])
        assert written == stick / "BC-2021-09-118-r1.qnbc"
        title = (
            "Gửi báo cáo tổng hợp lên tỉnh"
            if lang == "vi"
            else ("Send the consolidated report to the province")
        )
        assert titles[0] == title and "BC-2021-09-118-r1.qnbc" in titles[1]
        verified = package.read(written.read_bytes())
        assert isinstance(verified.data, ConsolidatedData)
        assert verified.data.totals["people"] == 350  # 100 + 250, as the PDF says
        done = "Đã ghi và kiểm tra tệp lần gửi 1" if lang == "vi" else "Revision 1 was written"
        assert box.status.text().startswith(done)
        shots = Path("/work/wt/shots/i18pkg")
        if shots.parent.is_dir():
            shots.mkdir(exist_ok=True)
            widget.grab().save(str(shots / f"district-send-{lang}.png"))
            box.grab().save(str(shots / f"district-send-box-{lang}.png"))
    finally:
        i18n.install("vi")
