"""A combo box's open list shows its items whole, in Windows' style as in Fusion."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QComboBox, QStyleFactory, QWidget
from pytestqt.qtbot import QtBot

from quynhnhai_desktop.gui import combo_popups

TOPICS = [
    "Tất cả nội dung",
    "Ứng dụng Bluezone",
    "Mã QR tại địa điểm công cộng",
    "Lợi ích tiêm chủng vắc xin",
    "Đăng ký xét nghiệm, khám chữa bệnh trực tuyến",
]


def open_list(
    qtbot: QtBot, style: str, items: list[str] = TOPICS
) -> tuple[QComboBox, QWidget, QWidget]:
    combo_popups.install(QApplication.instance())  # type: ignore[arg-type]
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(600, 300)
    combo = QComboBox(window)
    window.combo_style = QStyleFactory.create(style)  # type: ignore[attr-defined]  # kept alive
    combo.setStyle(window.combo_style)  # type: ignore[attr-defined]
    combo.addItems(items)
    combo.setGeometry(440, 10, 150, 26)  # a narrow filter box at the window's right
    window.show()
    qtbot.waitExposed(window)
    combo.showPopup()
    container = combo.view().window()
    qtbot.waitUntil(container.isVisible)
    return combo, container, window


def test_the_windows_style_list_is_as_wide_as_its_longest_item(qtbot: QtBot) -> None:
    combo, container, _window = open_list(qtbot, "Windows")
    longest = combo.view().sizeHintForColumn(0)
    qtbot.waitUntil(lambda: container.width() >= longest)
    screen = combo.screen().availableGeometry()
    assert screen.contains(container.geometry())  # widened, yet still on the screen
    combo.hidePopup()


SIGNER_LINES = ["TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Bản Ẩm"]


def test_the_windows_style_rows_keep_the_marks_above_capitals(qtbot: QtBot, tmp_path: Path) -> None:
    # Windows' style makes a row the font's height; "Ủ"'s hook reaches above the ascent.
    combo, container, _window = open_list(qtbot, "Windows", SIGNER_LINES)
    view = combo.view()
    metrics = view.fontMetrics()
    qtbot.waitUntil(lambda: view.visualRect(combo.model().index(0, 0)).height() > 14)
    for row, text in enumerate(SIGNER_LINES):
        rect = view.visualRect(combo.model().index(row, 0))
        ink = metrics.boundingRect(text)  # relative to the baseline
        assert rect.height() >= ink.height() + 2, text  # the whole ink fits the row
    assert container.height() >= sum(view.sizeHintForRow(r) for r in range(combo.count()))
    container.grab().save(str(tmp_path / "signer-list.png"))
    combo.hidePopup()


def test_a_list_already_wide_enough_is_left_alone(qtbot: QtBot) -> None:
    combo, container, _window = open_list(qtbot, "Fusion")  # Qt sizes Fusion's popup itself
    before = container.geometry()
    combo_popups.widen(combo)
    assert container.geometry() == before
    combo.hidePopup()
