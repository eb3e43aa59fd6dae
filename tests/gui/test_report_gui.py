"""The clerk's month-end: pick the month, check the figures, write the texts, save, print."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.periods import calendar_month, statistical_month
from quynhnhai_desktop.gui.main_window import MainWindow
from quynhnhai_desktop.gui.report import page as page_module
from quynhnhai_desktop.gui.report.page import ReportPage
from quynhnhai_desktop.gui.report.table_model import ReportTableModel
from quynhnhai_desktop.services import report
from quynhnhai_desktop.store.database import Database
from tests.support.qt_helpers import type_text
from tests.support.report_helpers import add_venues, build_months

DIFFICULTIES = "Bản Huổi Ngùa sóng điện thoại yếu, khó hướng dẫn cài đặt Sổ sức khỏe điện tử."


@pytest.fixture(autouse=True)
def _qt_vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    i18n.install("vi")


@pytest.fixture
def window(qtbot: QtBot, paths: AppPaths, commune_db: Database) -> MainWindow:
    build_months(commune_db)
    add_venues(commune_db)
    main = MainWindow(paths)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.ready, timeout=10_000):
        main.show()
    return main


def _page(qtbot: QtBot, window: MainWindow) -> ReportPage:
    page = window.show_section("reports")
    assert isinstance(page, ReportPage)
    qtbot.waitUntil(lambda: page.bundle is not None, timeout=10_000)
    return page


def pick_month(
    qtbot: QtBot, page: ReportPage, year: int, month: int, rule: str = "calendar"
) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.ui.ruleCombo.setCurrentIndex(page.ui.ruleCombo.findData(rule))
        page.ui.monthEdit.setDate(QDate(year, month, 1))


def test_pick_a_month_edit_the_difficulties_and_save_the_pdf(
    qtbot: QtBot,
    window: MainWindow,
    commune_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _page(qtbot, window)
    pick_month(qtbot, page, 2021, 9)
    assert page.ui.spanLabel.text() == "từ ngày 01/9/2021 đến ngày 30/9/2021"
    expected = report.prepare(commune_db, calendar_month(2021, 9)).data
    assert page.ui.headline.text().startswith("UBND xã Mường Giàng báo cáo nhanh")
    assert f"{expected.totals.activities} hoạt động" in page.ui.headline.text()

    page.ui.tabs.setCurrentWidget(page.ui.textsTab)
    page.ui.numberEdit.clear()
    type_text(qtbot, page.ui.numberEdit, "12")
    page.ui.difficultiesEdit.setFocus()
    type_text(qtbot, page.ui.difficultiesEdit, DIFFICULTIES)
    assert page.ui.difficultiesEdit.toPlainText() == DIFFICULTIES

    target = tmp_path / "bao-cao-thang-9"
    asked: list[str] = []

    def fake_dialog(parent, title, start, filters):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    with qtbot.waitSignal(page.saved, timeout=20_000) as saved:
        qtbot.mouseClick(page.ui.savePdfButton, Qt.MouseButton.LeftButton)
    assert asked and asked[0].endswith("BC-2021-09-03703.pdf")
    path = Path(saved.args[0])
    assert path == target.with_suffix(".pdf")
    text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages
    )
    assert DIFFICULTIES in text
    assert "Số: 12/BC-UBND" in text
    assert "Đã lưu:" in page.ui.statusLabel.text()
    # the texts were kept with the period: they are there next time
    kept = report.prepare(commune_db, calendar_month(2021, 9)).narrative
    assert (kept.number, kept.difficulties) == ("12", DIFFICULTIES)


def test_the_figures_tab_shows_every_table_with_a_checked_model(
    qtbot: QtBot,
    window: MainWindow,
    qtmodeltester,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    page = _page(qtbot, window)
    pick_month(qtbot, page, 2021, 9, "statistical")
    assert page.period == statistical_month(2021, 9)
    assert page.ui.spanLabel.text() == "từ ngày 15/8/2021 đến ngày 14/9/2021"
    titles = [page.ui.tableCombo.itemText(i) for i in range(page.ui.tableCombo.count())]
    assert titles == [
        "Tổng hợp so với kỳ trước",
        "Theo hình thức",
        "Theo nội dung",
        "Theo bản",
        "Theo lực lượng",
        "Mã QR tại địa điểm công cộng",
    ]
    data = page.bundle.data if page.bundle else None
    assert data is not None
    for index in range(len(titles)):
        page.ui.tableCombo.setCurrentIndex(index)
        qtmodeltester.check(page.model)
    page.ui.tableCombo.setCurrentIndex(titles.index("Theo bản"))
    model: ReportTableModel = page.model
    last = model.rowCount() - 1
    assert model.index(last, 1).data() == "Tổng cộng"
    assert model.index(last, 2).data(Qt.ItemDataRole.UserRole) == data.totals.activities
    assert model.index(last, 2).data() == f"{data.totals.activities:,}".replace(",", ".")
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Số hoạt động"
    page.ui.tableCombo.setCurrentIndex(titles.index("Theo nội dung"))
    assert "tính mỗi hoạt động một lần" in page.ui.tableNote.text()
    window.resize(1200, 760)
    window.grab().save(str(tmp_path / "report-figures.png"))


def test_preview_print_and_copy_summary(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, window)
    pick_month(qtbot, page, 2021, 9)
    with qtbot.waitSignal(page.pdf_ready, timeout=20_000):
        qtbot.mouseClick(page.ui.previewButton, Qt.MouseButton.LeftButton)
    pages = page.document.pageCount()
    assert pages >= 3 and page.ui.tabs.currentWidget() is page.ui.previewTab

    printed_to = tmp_path / "printed.pdf"

    class FakePrintDialog:
        """The clerk picks a printer and presses Print (here: print to a PDF file)."""

        def __init__(self, printer: QPrinter, parent: object) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(printed_to))

        def setWindowTitle(self, title: str) -> None:
            assert title == "In báo cáo"

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(page_module, "QPrintDialog", FakePrintDialog)
    with qtbot.waitSignal(page.printed, timeout=30_000) as printed:
        qtbot.mouseClick(page.ui.printButton, Qt.MouseButton.LeftButton)
    assert printed.args == [pages]
    assert len(PdfReader(printed_to).pages) == pages

    qtbot.mouseClick(page.ui.copyButton, Qt.MouseButton.LeftButton)
    clip = QApplication.clipboard().text()
    assert clip.startswith("UBND xã Mường Giàng báo cáo nhanh kết quả tuyên truyền tháng 9/2021")
    assert "\n" not in clip


def test_results_draft_follows_the_figures_until_edited_and_can_be_rewritten(
    qtbot: QtBot, window: MainWindow, commune_db: Database
) -> None:
    page = _page(qtbot, window)
    pick_month(qtbot, page, 2021, 9)
    draft = page.ui.resultsEdit.toPlainText()
    assert draft.startswith("Trong tháng 9 năm 2021")
    assert (
        page.ui.draftNote.text() == "Soạn từ số liệu; tự cập nhật theo số liệu cho đến khi bạn sửa."
    )
    page.ui.resultsEdit.setFocus()
    page.ui.resultsEdit.moveCursor(page.ui.resultsEdit.textCursor().MoveOperation.End)
    type_text(qtbot, page.ui.resultsEdit, " Đạt kế hoạch.")
    assert page.ui.draftNote.text() == "Bạn đã sửa nội dung này."
    assert page.save_texts()
    saved = report.prepare(commune_db, calendar_month(2021, 9))
    assert not saved.results_drafted and saved.narrative.results.endswith("Đạt kế hoạch.")
    qtbot.mouseClick(page.ui.redraftButton, Qt.MouseButton.LeftButton)
    assert page.ui.resultsEdit.toPlainText() == draft
    assert report.prepare(commune_db, calendar_month(2021, 9)).results_drafted


def test_changing_the_month_keeps_what_was_typed(
    qtbot: QtBot, window: MainWindow, commune_db: Database
) -> None:
    page = _page(qtbot, window)
    pick_month(qtbot, page, 2021, 9)
    page.ui.proposalsEdit.setFocus()
    type_text(qtbot, page.ui.proposalsEdit, "Đề nghị cấp thêm loa.")
    pick_month(qtbot, page, 2021, 10)  # before the autosave timer fired
    assert page.ui.proposalsEdit.toPlainText() == ""
    assert report.prepare(commune_db, calendar_month(2021, 9)).narrative.proposals == (
        "Đề nghị cấp thêm loa."
    )
    pick_month(qtbot, page, 2021, 9)
    assert page.ui.proposalsEdit.toPlainText() == "Đề nghị cấp thêm loa."


def test_a_range_of_days_and_a_reversed_range(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, window)
    shown: list[str] = []
    monkeypatch.setattr(
        page_module.QMessageBox, "warning", staticmethod(lambda _p, _t, text: shown.append(text))
    )
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.ui.ruleCombo.setCurrentIndex(page.ui.ruleCombo.findData("custom"))
        page.ui.fromEdit.setDate(QDate(2021, 9, 6))
        page.ui.toEdit.setDate(QDate(2021, 9, 12))
    assert page.period is not None and page.period.days == 7
    assert not page.ui.monthEdit.isVisible() and page.ui.fromEdit.isVisible()
    with qtbot.waitSignal(page.failed, timeout=10_000):
        page.ui.toEdit.setDate(QDate(2021, 9, 1))
    assert shown == ["Ngày kết thúc 01/09/2021 trước ngày bắt đầu 06/09/2021."]
    assert page.period.start == dt.date(2021, 9, 6)  # the last good period stays on screen


def test_the_page_says_when_the_period_was_already_exported(
    qtbot: QtBot, window: MainWindow, commune_db: Database
) -> None:
    from quynhnhai_desktop.store.models import ReportSubmission

    september = calendar_month(2021, 9)
    with commune_db.session() as session:
        for revision in (1, 2):
            session.add(
                ReportSubmission(
                    commune_code="03703",
                    period_start=september.start,
                    period_end=september.end,
                    period_rule="calendar",
                    revision=revision,
                )
            )
    page = _page(qtbot, window)
    pick_month(qtbot, page, 2021, 9)
    assert page.bundle is not None and page.bundle.exported_revision == 2
    assert page.ui.exportedLabel.text() == "Đã xuất gói báo cáo: lần 2"
    pick_month(qtbot, page, 2021, 10)
    assert page.ui.exportedLabel.text() == ""
