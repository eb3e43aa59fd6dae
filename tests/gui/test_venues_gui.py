"""The venue screen as a clerk uses it: add, filter, print posters (dialogs stubbed)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.gui.venues.dialog import VenueDialog
from quynhnhai_desktop.gui.venues.model import NAME, VenueTableModel
from quynhnhai_desktop.gui.venues.page import VenuesPage
from quynhnhai_desktop.gui.venues.posters_dialog import PostersDialog
from quynhnhai_desktop.services import demo, profile, venues
from quynhnhai_desktop.services.tabular import write_table
from quynhnhai_desktop.store.database import Database
from tests.support.qt_helpers import type_text

# Set to a folder (e.g. docs/screenshots) to keep the screenshots the tests take.
SHOTS_ENV = "QUYNHNHAI_SCREENSHOTS"


@pytest.fixture(autouse=True)
def _qt_vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    i18n.install("vi")


@pytest.fixture
def state(commune_db: Database, paths: AppPaths) -> AppState:
    demo.fill(commune_db, months=1, until=dt.date(2021, 9, 30))
    found = profile.get_profile(commune_db)
    assert found is not None
    return AppState(paths=paths, db=commune_db, profile=found)


def shot(widget: QWidget, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    assert widget.grab().save(str(target))
    folder = os.environ.get(SHOTS_ENV)
    if folder:
        widget.grab().save(str(Path(folder) / name))
    return target


def preview_shows_a_page(dialog: PostersDialog) -> bool:
    """The preview renders in the background: true once black QR modules are on screen."""
    image = dialog.preview.viewport().grab().toImage()
    step = 4
    dark = sum(
        1
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
        if image.pixelColor(x, y).lightness() < 60
    )
    return dark > 200


def visible_names(page: VenuesPage) -> list[str]:
    model = page.model
    return [model.data(model.index(row, NAME)) for row in range(model.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester, state: AppState) -> None:  # type: ignore[no-untyped-def]
    model = VenueTableModel(state.db, "03703")
    qtmodeltester.check(model)
    model.set_filter(venues.VenueFilter(search="ban"))
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_model_pages_from_sql(state: AppState, monkeypatch: pytest.MonkeyPatch) -> None:
    from quynhnhai_desktop.gui.venues import model as model_module

    monkeypatch.setattr(model_module, "PAGE_SIZE", 10)
    model = VenueTableModel(state.db, "03703")
    assert (model.rowCount(), model.total()) == (10, 32)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 32


def test_create_a_venue_through_the_form_then_find_it(
    pinned_today: dt.date,
    qtbot: QtBot,
    state: AppState,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    page = VenuesPage(state)
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    assert "32" in page.ui.totalLabel.text()

    def fill_and_save(dialog: VenueDialog) -> int:
        dialog.show()
        assert dialog.ui.codeEdit.placeholderText() == "Để trống để tự đặt mã 03703-0033"
        type_text(qtbot, dialog.ui.nameEdit, "Quán nướng Bó Ban")
        combo = dialog.ui.categoryCombo
        combo.setCurrentIndex(combo.findText("Nhà hàng, quán ăn"))
        dialog.ui.villageCombo.setCurrentIndex(1)
        type_text(qtbot, dialog.ui.contactEdit, "Lường Thị Ên")
        type_text(qtbot, dialog.ui.phoneEdit, "0912 345 678")
        qtbot.mouseClick(dialog.ui.registeredCheck, Qt.MouseButton.LeftButton)
        shot(dialog, tmp_path, "venue-form.png")
        save = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(VenueDialog, "exec", fill_and_save)
    qtbot.mouseClick(page.ui.newButton, Qt.MouseButton.LeftButton)
    assert "33" in page.ui.totalLabel.text()
    assert page.selected_ids()  # the new venue is selected

    type_text(qtbot, page.ui.searchEdit, "quan nuong")
    assert visible_names(page) == ["Quán nướng Bó Ban"]
    with state.db.session() as session:
        (row,) = venues.page(session, "03703", venues.VenueFilter(search="quan nuong"))
    assert (row.code, row.phone, row.registered) == ("03703-0033", "0912345678", True)
    assert row.registered_on == dt.date(2021, 9, 20)  # the pinned today

    page.ui.searchEdit.clear()
    combo = page.ui.categoryFilter
    combo.setCurrentIndex(combo.findText("Trường học"))
    assert len(visible_names(page)) == 4
    page.ui.registeredFilter.setCurrentIndex(page.ui.registeredFilter.findText("Chưa đăng ký"))
    assert all(
        page.model.data(page.model.index(r, 5)) == "Chưa" for r in range(page.model.rowCount())
    )


def test_a_bad_phone_number_is_refused_with_a_message(qtbot: QtBot, state: AppState) -> None:
    dialog = VenueDialog(state)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.ui.nameEdit, "Tạp hóa Đôi")
    type_text(qtbot, dialog.ui.phoneEdit, "012 345")
    qtbot.mouseClick(
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible()  # still open, nothing saved
    assert "không phải số điện thoại Việt Nam" in dialog.ui.errorLabel.text()
    with state.db.session() as session:
        assert venues.count(session, "03703") == 32


def test_editing_keeps_the_code_and_saves_changes(qtbot: QtBot, state: AppState) -> None:
    with state.db.session() as session:
        first = venues.page(session, "03703", order="code")[0]
    dialog = VenueDialog(state, first.id)
    qtbot.addWidget(dialog)
    assert dialog.ui.codeEdit.isReadOnly() and dialog.ui.codeEdit.text() == first.code
    dialog.ui.qrEdit.setPlainText("https://qr.tokhaiyte.vn/c/MOI")
    dialog.ui.statusCombo.setCurrentIndex(dialog.ui.statusCombo.findData("closed"))
    dialog.accept()
    with state.db.session() as session:
        venue = venues.get(session, first.id)
    assert (venue.qr_content, venue.status, venue.registered) == (
        "https://qr.tokhaiyte.vn/c/MOI",
        "closed",
        True,
    )


def _decode_file(path: Path) -> list[str]:
    texts = []
    for page in pypdfium2.PdfDocument(path):
        image = page.render(scale=150 / 72, grayscale=True).to_pil()
        texts += [b.text for b in zxingcpp.read_barcodes(image)]
    return texts


def test_batch_print_to_a_file_with_the_print_dialog_stubbed(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    page = VenuesPage(state)
    qtbot.addWidget(page)
    page.ui.categoryFilter.setCurrentIndex(page.ui.categoryFilter.findData("school"))
    page.ui.table.selectAll()
    chosen = page.selected_ids()
    assert len(chosen) == 4
    dialog = PostersDialog(state, chosen)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 760)
    dialog.show()
    assert dialog.ui.selectedRadio.isChecked() and "4" in dialog.ui.selectedRadio.text()
    assert not dialog.ui.printButton.isEnabled()
    dialog.ui.a5Radio.setChecked(True)
    with qtbot.waitSignal(dialog.job_ready, timeout=30_000):
        qtbot.mouseClick(dialog.ui.makeButton, Qt.MouseButton.LeftButton)
    assert dialog.document.pageCount() == 2
    assert "4 mã QR" in dialog.ui.statusLabel.text()
    qtbot.waitUntil(lambda: preview_shows_a_page(dialog), timeout=10_000)
    shot(dialog, tmp_path, "qr-posters.png")

    printed = tmp_path / "printed.pdf"

    def accept_to_file(self: QPrintDialog) -> int:
        printer = self.printer()
        assert printer.pageLayout().orientation().name == "Landscape"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setResolution(150)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept_to_file)
    with qtbot.waitSignal(dialog.printed, timeout=30_000):
        qtbot.mouseClick(dialog.ui.printButton, Qt.MouseButton.LeftButton)
    with state.db.session() as session:
        rows = venues.rows_by_ids(session, chosen)
    assert all(r.posters_printed == 1 for r in rows)
    expected = sorted(r.qr_content or f"QNVENUE:1:{r.code}" for r in rows)
    assert sorted(_decode_file(printed)) == expected  # what reached the printer scans

    saved = tmp_path / "posters"  # the extension is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    assert sorted(_decode_file(tmp_path / "posters.pdf")) == expected
    with state.db.session() as session:
        assert venues.summary(session, "03703").posters_printed == 8


def test_cancel_stops_a_big_batch(qtbot: QtBot, state: AppState) -> None:
    dialog = PostersDialog(state)
    qtbot.addWidget(dialog)
    assert dialog.ui.allRadio.isChecked() and not dialog.ui.selectedRadio.isEnabled()
    with qtbot.waitSignal(dialog.job_failed, timeout=30_000) as failed:
        dialog.make()
        assert dialog.ui.cancelButton.isEnabled()
        qtbot.mouseClick(dialog.ui.cancelButton, Qt.MouseButton.LeftButton)
    assert failed.args == ["Đã hủy: chưa in hay lưu gì."]
    assert dialog.job is None and not dialog.ui.printButton.isEnabled()
    assert dialog.ui.makeButton.isEnabled()


def test_import_refusal_lists_the_rows(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    page = VenuesPage(state)
    qtbot.addWidget(page)
    path = tmp_path / "v.csv"
    write_table(path, ["name", "category", "phone"], [["Quán", "restaurant", "123"]])
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    page.import_path(path)
    assert "Dòng 2:" in shown[0] and "chưa nhập dòng nào" in shown[0]
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    write_table(path, ["name", "category"], [["Quán nướng", "Nhà hàng, quán ăn"]])
    page.import_path(path)
    assert "1 địa điểm" in shown[1]
    assert "33" in page.ui.totalLabel.text()


def test_venue_screen_in_the_main_window(
    qtbot: QtBot, state: AppState, paths: AppPaths, tmp_path: Path
) -> None:
    from quynhnhai_desktop.gui.main_window import MainWindow

    window = MainWindow(paths)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    with qtbot.waitSignal(window.database_checked, timeout=10_000):
        window.show()
    page = window.show_section("venues")
    assert isinstance(page, VenuesPage)
    assert page.model.rowCount() == 32
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert headers[:3] == ["Mã", "Tên địa điểm", "Loại"]
    page.ui.table.selectRow(2)
    shot(window, tmp_path, "venues.png")
