"""A long spreadsheet import in the window: progress after a short delay, Cancel writes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.gui.activities import transfer
from quynhnhai_desktop.gui.ops import ops
from quynhnhai_desktop.gui.state import AppState
from tests.gui.test_activities_gui import open_page, state  # noqa: F401 (the fixture)
from tests.support.hostile import database_dump
from tests.support.hostile_files import many_rows_csv

LONG = 10_000  # rows: five progress reports


@pytest.fixture(autouse=True)
def _qt_vietnamese(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    i18n.install("vi")
    yield
    ops().wait()


def test_cancel_leaves_the_database_as_it_was(
    qtbot: QtBot,
    state: AppState,  # noqa: F811
    tmp_path: Path,
) -> None:
    page = open_page(qtbot, state)
    path = many_rows_csv(tmp_path / "dai.csv", LONG)
    before = database_dump(state.paths.data_dir)
    with qtbot.waitSignal(page.import_finished, timeout=60_000):
        page.import_file(path)
        dialog = page.import_progress
        assert dialog is not None
        assert dialog.minimumDuration() == transfer.PROGRESS_DELAY_MS
        assert not dialog.isVisible()  # quick work shows nothing
        dialog.cancel()  # the clerk's Cancel, before the worker can have finished
    assert "Đã hủy nhập" in page.ui.infoLabel.text()
    assert page.import_progress is None
    assert page.model.rowCount() == 0
    assert database_dump(state.paths.data_dir) == before


def test_progress_counts_the_rows_read_and_the_import_completes(
    qtbot: QtBot,
    state: AppState,  # noqa: F811
    tmp_path: Path,
) -> None:
    page = open_page(qtbot, state)
    path = many_rows_csv(tmp_path / "dai.csv", LONG)
    seen: list[str] = []
    with qtbot.waitSignal(page.import_finished, timeout=120_000) as finished:
        page.import_file(path)
        dialog = page.import_progress
        assert dialog is not None
        dialog.show()  # as it would appear after the delay: look at it
        qtbot.waitUntil(lambda: "dòng" in dialog.labelText(), timeout=60_000)
        seen.append(dialog.labelText())
        dialog.grab().save(str(tmp_path.parent / "import-progress.png"))
    assert "dai.csv" in seen[0] and "dòng" in seen[0]
    result = finished.args[0]
    assert result.added == LONG


def test_the_dialog_refuses_what_the_package_could_not_carry(
    qtbot: QtBot,
    state: AppState,  # noqa: F811
    tmp_path: Path,
) -> None:
    """The entry dialog applies the same limits as the import: 20 million people, a pasted
    control character in the note, each shown beside its field, nothing saved."""
    from PySide6.QtCore import Qt

    from tests.support.qt_helpers import type_text

    page = open_page(qtbot, state)
    dialog = page.add_activity()
    dialog.ui.dateEdit.setText("")
    type_text(qtbot, dialog.ui.dateEdit, "15/09/2021")
    type_text(qtbot, dialog.ui.teamCombo, "Hội Phụ nữ")
    type_text(qtbot, dialog.ui.formCombo, "Tuyên truyền trực tiếp")
    dialog.ui.topicsList.item(0).setCheckState(Qt.CheckState.Checked)
    type_text(qtbot, dialog._count_edits["people"], "20000000")
    dialog.ui.noteEdit.setPlainText("Họp\x07 bản")  # as a paste from another program would
    qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "quá lớn" in dialog._count_notes["people"].text()
    assert "10.000.000" in dialog._count_notes["people"].text()
    assert "ký tự điều khiển" in dialog.ui.noteError.text()
    dialog.grab().save(str(tmp_path.parent / "dialog-limits.png"))
    assert page.model.rowCount() == 0
    dialog.reject()
