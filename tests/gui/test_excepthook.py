"""An unexpected error is logged and shown as a short Vietnamese message."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import logging_setup
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.gui import excepthook


def test_unexpected_error_is_logged_and_shown(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: shown.append((title, text)))
    logging_setup.configure(paths.log_file)
    original = sys.excepthook
    try:
        excepthook.install(paths)
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        sys.excepthook = original
    assert shown and shown[0][0] == "Lỗi"
    assert "Dữ liệu đã lưu vẫn an toàn" in shown[0][1]
    assert str(paths.log_file) in shown[0][1]
    assert "boom in a slot" in paths.log_file.read_text(encoding="utf-8")
