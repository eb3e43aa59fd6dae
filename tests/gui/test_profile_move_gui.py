"""Settings: the unit over time, the move across the 2025 reform, and the issuing body of
the consolidated report (issue 18, items 4 and 5), in both languages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui.main_window import MainWindow
from quynhnhai_desktop.gui.settings_page import SettingsPage
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.store.database import Database

SHOTS = os.environ.get("QUYNHNHAI_SCREENSHOT_DIR")


@pytest.fixture(autouse=True)
def _qt_vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    i18n.install("vi")


def _window(qtbot: QtBot, paths: AppPaths) -> MainWindow:
    window = MainWindow(paths)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    window.resize(1280, 800)
    return window


def _settings(window: MainWindow) -> SettingsPage:
    page = window.show_section("settings")
    assert isinstance(page, SettingsPage)
    return page


def _shot(page: SettingsPage, tmp_path: Path, name: str) -> None:
    image = page.grab()
    image.save(str(tmp_path / name))
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(SHOTS) / name))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_settings_moves_a_2021_commune_to_its_2025_unit(
    qtbot: QtBot,
    paths: AppPaths,
    commune_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: i18n.Lang,
) -> None:
    i18n.install(lang)
    window = _window(qtbot, paths)
    page = _settings(window)
    group = page.move_group
    assert group.plan is not None and group.plan.new.full_name == "Xã Quỳnh Nhai"
    assert group.move_button.isVisibleTo(page)
    assert "Quỳnh Nhai" in group.move_button.text()
    assert "03703 Xã Quỳnh Nhai (từ 01/07/2025)" in group.note.text()
    _shot(page, tmp_path, f"settings-move-before-{lang}.png")

    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert group.move_unit()
    assert "03703 Xã Mường Giàng (đến 30/06/2025)" in asked[0]
    qtbot.waitUntil(lambda: window._pages.get("settings") is not page, timeout=10_000)
    moved = _settings(window)
    profile = profile_service.get_profile(commune_db)
    assert profile is not None and profile.unit_name == "Quỳnh Nhai"
    assert "Xã Quỳnh Nhai" in window._unit_label.text()
    texts = " | ".join(label.text() for label in moved.findChildren(QLabel))
    assert "03703 Xã Quỳnh Nhai (từ 01/07/2025)" in texts
    assert "03703 Xã Mường Giàng (đến 30/06/2025)" in texts
    assert not moved.move_group.move_button.isVisibleTo(moved)  # moved once
    assert moved.signer_group.recipient_combo.currentText().startswith("UBND tỉnh Sơn La")
    _shot(moved, tmp_path, f"settings-move-after-{lang}.png")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_province_names_the_issuing_body_of_its_consolidated_report(
    qtbot: QtBot, paths: AppPaths, db: Database, tmp_path: Path, lang: i18n.Lang
) -> None:
    i18n.install(lang)
    profile_service.set_up(
        db, profile_service.SetupRequest(None, "14", "Cầm Văn Chính", "GIÁM ĐỐC")
    )
    window = _window(qtbot, paths)
    page = _settings(window)
    group = page.signer_group
    assert group.body_edit is not None
    assert group.body_edit.text() == "Sở Văn hóa, Thể thao và Du lịch"
    assert not page.move_group.move_button.isVisibleTo(page)  # a province does not move
    group.body_edit.setText("Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La")
    assert group.save()
    saved = profile_service.get_profile(db)
    assert saved is not None
    assert profile_service.issuing_body(saved) == "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La"
    _shot(page, tmp_path, f"settings-province-{lang}.png")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_settings_takes_in_the_history_of_the_merged_communes(
    qtbot: QtBot,
    paths: AppPaths,
    commune_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: i18n.Lang,
) -> None:
    import datetime as dt

    from PySide6.QtWidgets import QFileDialog

    from quynhnhai_desktop.services import identity, unit_history
    from tests.support.package_helpers import make_package

    unit_history.move(commune_db, "03703", dt.date(2025, 7, 1))
    key = identity.load_or_create(tmp_path / "keys-chieng-bang")
    files = []
    for month in (9, 10):
        name, blob = make_package(key, commune="03706", version=2, month=month)
        files.append(tmp_path / name)
        files[-1].write_bytes(blob)
    foreign_name, foreign = make_package(key, commune="03709", version=2)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / foreign_name).write_bytes(foreign)
    shown: list[tuple[str, str]] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda _p, _t, text, *_a, _k=kind: shown.append((_k, text))
        )
    i18n.install(lang)
    window = _window(qtbot, paths)
    page = _settings(window)
    group = page.move_group
    assert group.others == ["Xã Chiềng Ơn", "Xã Chiềng Bằng", "Xã Chiềng Khoang"]
    assert group.take_button.isVisibleTo(page)
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        lambda *a, **k: ([str(tmp_path / "other" / foreign_name)], ""),
    )
    group.take_button.click()
    assert shown[-1][0] == "warning" and "Xã Mường Sại" in shown[-1][1]
    assert group.taken_table.rowCount() == 0
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(f) for f in files], "")
    )
    group.take_button.click()
    assert shown[-1][0] == "information"
    assert group.taken_table.rowCount() == 2
    item = group.taken_table.item(0, 0)
    assert item is not None and item.text() == "03706 Xã Chiềng Bằng (đến 30/06/2025)"
    page.scroll_area.ensureWidgetVisible(group.taken_table)
    _shot(page, tmp_path, f"settings-history-{lang}.png")
