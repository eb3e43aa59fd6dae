"""The activity log as a clerk uses it: typing tallies, fixing mistakes, deleting, undoing."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.gui.activities import model as model_module
from quynhnhai_desktop.gui.activities.dialog import ActivityDialog
from quynhnhai_desktop.gui.activities.model import COLUMNS, ActivityTableModel
from quynhnhai_desktop.gui.activities.page import ActivitiesPage
from quynhnhai_desktop.gui.ops import ops
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import activity_queries as queries
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.services.activity_queries import ActivityFilter
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import ReportSubmission
from tests.support.activity_data import COMMUNE, add, add_villages
from tests.support.qt_helpers import type_text

# The entry dialog saves on the writer lane: here it lands at once (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("sync_writes")

Key = Qt.Key


@pytest.fixture(autouse=True)
def _qt_vietnamese(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    i18n.install("vi")  # now that the QApplication exists: installs into Qt
    yield
    ops().wait()  # totals still adding up use the database


@pytest.fixture
def state(paths: AppPaths, commune_db: Database) -> AppState:
    add_villages(commune_db)
    found = profile_service.get_profile(commune_db)
    assert found is not None
    return AppState(paths=paths, db=commune_db, profile=found)


def open_page(qtbot: QtBot, state: AppState) -> ActivitiesPage:
    page = ActivitiesPage(state)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        page.show()
    return page


def shown(page: ActivitiesPage) -> list[list[str]]:
    """The table as the clerk sees it: every row's displayed texts."""
    model = page.model
    return [
        [model.data(model.index(row, column)) or "" for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def column(name: str) -> int:
    return COLUMNS.index(name)


def tab(qtbot: QtBot, dialog: ActivityDialog) -> None:
    widget = dialog.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, Key.Key_Tab)


def type_here(qtbot: QtBot, dialog: ActivityDialog, text: str) -> None:
    widget = dialog.focusWidget()
    assert widget is not None
    type_text(qtbot, widget, text)


def test_a_tally_typed_from_the_keyboard(qtbot: QtBot, state: AppState) -> None:
    add(state.db, "14/09/2021", village="Bản Đán")  # the date the dialog starts from
    page = open_page(qtbot, state)
    qtbot.keyClick(page, Key.Key_Insert)
    dialog = page.dialog
    assert dialog is not None and dialog.windowTitle() == "Thêm hoạt động tuyên truyền"
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.ui.dateEdit.text() == "14/09/2021"  # the last date entered
    assert dialog.focusWidget() is dialog.ui.dateEdit
    type_here(qtbot, dialog, "15/09/2021")
    tab(qtbot, dialog)
    type_here(qtbot, dialog, "bản nà")  # Vietnamese keyboard
    tab(qtbot, dialog)
    type_here(qtbot, dialog, "doan thanh nien")  # or no accents at all
    tab(qtbot, dialog)
    assert dialog.ui.villageCombo.currentText() == "Bản Nà"
    assert dialog.ui.teamCombo.currentText() == "Đoàn Thanh niên"
    type_here(qtbot, dialog, "hop dan")  # part of "Họp dân, hội nghị"
    tab(qtbot, dialog)
    assert dialog.ui.formCombo.currentText() == "Họp dân, hội nghị"
    counts = [dialog._count_edits[c] for c in ("sessions", "people", "households")]
    assert [e.isVisibleTo(dialog) for e in counts] == [True, True, False]  # the form's only
    assert dialog.focusWidget() is dialog.ui.topicsList
    qtbot.keyClick(dialog.ui.topicsList, Key.Key_Down)
    qtbot.keyClick(dialog.ui.topicsList, Key.Key_Space)  # Sổ sức khỏe điện tử
    tab(qtbot, dialog)
    type_here(qtbot, dialog, "1")
    tab(qtbot, dialog)
    type_here(qtbot, dialog, "1.250")
    qtbot.keyClick(dialog, Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # save, next
    assert dialog.isVisible()
    assert "Đã lưu: 15/09/2021" in dialog.ui.statusLabel.text()
    assert (dialog.ui.dateEdit.text(), dialog.ui.villageCombo.currentText()) == (
        "15/09/2021",
        "Bản Nà",
    )
    assert dialog.ui.teamCombo.currentText() == "Đoàn Thanh niên"
    assert dialog.ui.formCombo.currentText() == "" and dialog._checked_topics() == []
    assert dialog.focusWidget() is dialog.ui.formCombo  # straight on with the next line
    type_here(qtbot, dialog, "phat to roi")
    tab(qtbot, dialog)
    qtbot.keyClick(dialog.ui.topicsList, Key.Key_Space)  # Ứng dụng Bluezone
    tab(qtbot, dialog)
    type_here(qtbot, dialog, "200")
    tab(qtbot, dialog)
    type_here(qtbot, dialog, "80")
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    assert page.dialog is None  # closed
    rows = shown(page)
    assert [r[column("date")] for r in rows] == ["15/09/2021", "15/09/2021", "14/09/2021"]
    meeting = next(r for r in rows if r[column("form")] == "Họp dân, hội nghị")
    assert meeting[column("village")] == "Bản Nà"
    assert meeting[column("topics")] == "Sổ sức khỏe điện tử"
    assert (meeting[column("sessions")], meeting[column("people")]) == ("1", "1.250")
    totals = page.ui.totalsLabel.text()
    assert "<b>3</b> hoạt động" in totals
    assert "Lượt người được tuyên truyền <b>1.290</b>" in totals  # 1.250 + the earlier 40
    assert "Tờ rơi <b>200</b>" in totals


def test_mistakes_are_shown_beside_their_fields_and_nothing_is_saved(
    pinned_today: dt.date, qtbot: QtBot, state: AppState
) -> None:
    page = open_page(qtbot, state)
    dialog = page.add_activity()
    dialog.ui.dateEdit.setText("")
    type_text(qtbot, dialog.ui.dateEdit, "31/02/2021")
    dialog.ui.villageCombo.setEditText("")
    type_text(qtbot, dialog.ui.villageCombo, "Bản Không Có")
    type_text(qtbot, dialog.ui.formCombo, "Phát tờ rơi")
    type_text(qtbot, dialog._count_edits["leaflets"], "-5")
    qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.ui.dateError.text() == "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 15/09/2021."
    assert "Không có bản “Bản Không Có”" in dialog.ui.villageError.text()
    assert dialog.ui.teamError.text() == "Chọn lực lượng thực hiện."
    assert dialog.ui.topicsError.text() == "Chọn ít nhất một nội dung tuyên truyền."
    assert dialog._count_notes["leaflets"].text() == "Nhập số nguyên từ 0 trở lên."
    assert dialog.focusWidget() is dialog.ui.dateEdit  # the first mistake
    dialog.ui.dateEdit.setText("21/09/2021")  # the day after the pinned today
    dialog.ui.villageCombo.setEditText("")
    type_text(qtbot, dialog.ui.teamCombo, "Hội Phụ nữ")
    dialog.ui.topicsList.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.dateError.text() == "Ngày phải từ 01/01/2020 đến hôm nay."
    assert dialog.ui.teamError.isHidden()
    with state.db.session() as session:
        assert queries.count(session, ActivityFilter(COMMUNE)) == 0


def test_odd_counts_and_duplicates_warn_but_save(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(state.db, "15/09/2021", village="Bản Nà", team="Hội Phụ nữ", form="leaflets",
        leaflets=100)  # fmt: skip
    page = open_page(qtbot, state)
    dialog = page.add_activity()
    dialog.set_values(
        {
            "date": "15/09/2021",
            "village": "Bản Nà",
            "team": "Hội Phụ nữ",
            "form": "direct",
            "topics": ["bluezone"],
            "counts": {"people": "30", "households": "45"},
        }
    )
    qtbot.waitUntil(lambda: dialog._count_notes["households"].isVisibleTo(dialog))
    assert "Số hộ (45) nhiều hơn số người (30)" in dialog._count_notes["households"].text()
    assert dialog.ui.warningsLabel.isHidden()  # a different form: not a duplicate
    dialog.set_values({**dialog.values(), "form": "leaflets", "counts": {"leaflets": "100"}})
    qtbot.waitUntil(lambda: dialog.ui.warningsLabel.isVisibleTo(dialog))
    assert "có bị nhập trùng không?" in dialog.ui.warningsLabel.text()
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "có bị nhập trùng không?" in asked[0]  # answered "Có"
    assert page.model.rowCount() == 2


def test_delete_asks_first_and_undo_brings_the_row_back(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(state.db, "15/09/2021", village="Bản Nà", people=40, sessions=1, households=10)
    add(state.db, "16/09/2021", village="Bản Đán", people=25, sessions=1, households=5)
    page = open_page(qtbot, state)
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    page.ui.table.setFocus()
    page.ui.table.selectRow(0)
    qtbot.keyClick(page.ui.table, Key.Key_Delete)
    assert "Xóa hoạt động ngày 16/09/2021 (Đoàn Thanh niên, Bản Đán)?" in asked[0]
    assert page.model.rowCount() == 2  # answered No
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        qtbot.keyClick(page.ui.table, Key.Key_Delete)
    assert [r[column("village")] for r in shown(page)] == ["Bản Nà"]
    assert "<b>1</b> hoạt động" in page.ui.totalsLabel.text()
    assert page.ui.infoLabel.text() == "Đã xóa 1 hoạt động."
    assert page.ui.undoButton.isVisibleTo(page)
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        qtbot.mouseClick(page.ui.undoButton, Qt.MouseButton.LeftButton)
    assert [r[column("village")] for r in shown(page)] == ["Bản Đán", "Bản Nà"]
    assert page.ui.infoLabel.text() == "Đã khôi phục 1 hoạt động."
    assert "Lượt người được tuyên truyền <b>65</b>" in page.ui.totalsLabel.text()


def test_edit_keeps_the_activity_and_flags_a_reported_month(qtbot: QtBot, state: AppState) -> None:
    ident = add(state.db, "15/09/2021", village="Bản Nà", people=40, sessions=1, households=10)
    with state.db.session() as session:
        session.add(
            ReportSubmission(
                commune_code=COMMUNE,
                period_start=dt.date(2021, 9, 1),
                period_end=dt.date(2021, 9, 30),
                period_rule="calendar",
                revision=1,
            )
        )
    page = open_page(qtbot, state)
    page.ui.table.setFocus()
    page.ui.table.selectRow(0)
    qtbot.keyClick(page.ui.table, Key.Key_Return)
    dialog = page.dialog
    assert dialog is not None and dialog.windowTitle() == "Sửa hoạt động tuyên truyền"
    assert dialog.ui.saveAnotherButton.isHidden()
    assert dialog.values()["counts"] == {"sessions": "1", "people": "40", "households": "10"}
    qtbot.waitUntil(lambda: dialog.ui.warningsLabel.isVisibleTo(dialog))
    assert "báo cáo lần 2" in dialog.ui.warningsLabel.text()
    dialog._count_edits["people"].setText("55")
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1 and page.model.activity_id(0) == ident
    assert shown(page)[0][column("people")] == "55"
    assert "lần 2" in page.ui.infoLabel.text()
    flagged = page.model.data(page.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "Đã sửa sau khi xuất báo cáo" in flagged


def test_search_asks_once_the_typing_pauses(qtbot: QtBot, state: AppState) -> None:
    """Keystrokes are debounced: typing "ban na" re-reads the list once, with every letter;
    another filter changed meanwhile applies the search typed so far at once."""
    add(state.db, "15/09/2021", village="Bản Nà", people=40, sessions=1)
    add(state.db, "16/09/2021", village="Bản Đán", people=30, sessions=1)
    page = open_page(qtbot, state)
    asked: list[str] = []
    page.model.modelReset.connect(lambda: asked.append(page.model.filter.search))
    type_text(qtbot, page.ui.searchEdit, "ban na")
    assert asked == []  # nothing yet: the clerk is still typing
    qtbot.waitUntil(lambda: asked == ["ban na"], timeout=10_000)
    assert [r[column("village")] for r in shown(page)] == ["Bản Nà"]
    type_text(qtbot, page.ui.searchEdit, "x")
    page.ui.teamFilter.setCurrentIndex(1)
    assert asked[-1] == "ban nax" and not page._search_timer.isActive()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)


def test_enter_searches_at_once_and_a_newer_filter_stops_the_older_totals(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enter runs the typed search without the pause; the totals of a filter the clerk has
    left are cancelled and their query interrupted (sqlite3's interrupt), and only the
    newer filter's totals are shown."""
    add(state.db, "15/09/2021", village="Bản Nà", people=40, sessions=1)
    add(state.db, "16/09/2021", village="Bản Đán", people=30, sessions=1)
    page = open_page(qtbot, state)
    qtbot.waitUntil(lambda: "2" in page.ui.totalsLabel.text(), timeout=10_000)
    asked: list[str] = []
    page.model.modelReset.connect(lambda: asked.append(page.model.filter.search))
    started, release = threading.Event(), threading.Event()
    interrupted: list[str] = []
    summed: list[str] = []
    real_totals, real_connection = queries.totals_unless, queries.dbapi_connection

    class Recording:  # the totals' sqlite3 connection, noting who stops it
        def __init__(self, raw: object) -> None:
            self.raw = raw

        def interrupt(self) -> None:
            interrupted.append("interrupt")

    def held_totals(session: Any, flt: ActivityFilter, stale: Any) -> Any:
        if flt.search == "ban na":  # the older filter: held until the newer one is asked
            started.set()
            assert release.wait(10)
        found = real_totals(session, flt, stale)
        summed.append(flt.search)
        return found if not stale() else None

    monkeypatch.setattr(queries, "totals_unless", held_totals)
    monkeypatch.setattr(queries, "dbapi_connection", lambda s: Recording(real_connection(s)))
    type_text(qtbot, page.ui.searchEdit, "ban na")
    qtbot.keyClick(page.ui.searchEdit, Qt.Key.Key_Return)
    assert asked == ["ban na"]  # at once, not after the pause
    qtbot.waitUntil(started.is_set, timeout=10_000)
    type_text(qtbot, page.ui.searchEdit, "x")
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        page.search_now()  # the newer search: the older sum is interrupted
        assert interrupted == ["interrupt"]
        release.set()
    assert asked == ["ban na", "ban nax"] and page.model.rowCount() == 0
    qtbot.waitUntil(lambda: summed == ["ban na", "ban nax"] or summed == ["ban nax", "ban na"])
    assert "<b>0</b>" in page.ui.totalsLabel.text()  # the newer filter's count, not 1


class HeldList:
    """The list's first chunk for one search held on its worker until released; every
    stop of a reading's sqlite3 connection noted."""

    def __init__(
        self, monkeypatch: pytest.MonkeyPatch, held: str | None, *, after: bool = False
    ) -> None:
        """Holds the first reading for the search *held* (None: any), or with *after* the
        first reading of a next chunk."""
        self.started, self.release, self.finished = (threading.Event() for _ in range(3))
        self.interrupted: list[str] = []
        real_ids, real_connection = queries.ordered_ids, queries.dbapi_connection
        notes = self.interrupted

        class Recording:  # the reading's sqlite3 connection, noting who stops it
            def __init__(self, raw: object) -> None:
                self.raw = raw

            def interrupt(self) -> None:
                notes.append("interrupt")

        def held_ids(session: Any, flt: ActivityFilter, *args: Any, **how: Any) -> Any:
            chosen = (held is None or flt.search == held) and (
                how.get("after") is not None
            ) == after
            if not chosen or self.started.is_set():
                return real_ids(session, flt, *args, **how)
            self.started.set()
            assert self.release.wait(10)
            try:
                return real_ids(session, flt, *args, **how)
            finally:
                self.finished.set()

        monkeypatch.setattr(queries, "ordered_ids", held_ids)
        monkeypatch.setattr(queries, "dbapi_connection", lambda s: Recording(real_connection(s)))
        monkeypatch.setattr(model_module, "ANSWER_WAIT_S", 0.0)  # the window's real wait: none


def test_a_slow_list_leaves_the_window_free_and_fills_in_when_read(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first chunk that is not read within the window's wait (a sort of every row at a
    million activities) does not hold the window: the list says it is reading, the row a
    save asked for is selected once the list comes."""
    add(state.db, "15/09/2021", village="Bản Nà", people=40, sessions=1)
    add(state.db, "16/09/2021", village="Bản Đán", people=30, sessions=1)
    page = open_page(qtbot, state)
    wanted = page.model.activity_id(1)  # Bản Nà, the older day
    held = HeldList(monkeypatch, "ban na")
    type_text(qtbot, page.ui.searchEdit, "ban na")
    page.search_now()
    qtbot.waitUntil(held.started.is_set, timeout=10_000)
    assert page.model.pending and page.model.rowCount() == 0 and not page.model.canFetchMore()
    assert page.empty_state.label.isVisible()
    assert page.empty_state.label.text() == "Đang đọc danh sách…"
    page.select_activity(wanted)  # a save's row, while the list is read
    with qtbot.waitSignal(page.model.answered, timeout=10_000):
        held.release.set()
    assert not page.model.pending and not page.empty_state.label.isVisible()
    assert [r[column("village")] for r in shown(page)] == ["Bản Nà"]
    assert page.selected_ids() == [wanted]


def test_scrolling_on_reads_the_next_chunk_without_holding_the_window(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The view asks for more rows at the end of those loaded: a slow next chunk is added
    when it comes, the rows shown stay; looking for a row (after a save) reads on at once."""
    monkeypatch.setattr(model_module, "FIRST_CHUNK", 1)
    monkeypatch.setattr(model_module, "ID_CHUNK", 1)
    for day in ("14/09/2021", "15/09/2021", "16/09/2021"):
        add(state.db, day, village="Bản Nà", people=40, sessions=1)
    model = ActivityTableModel(state.db, first_campaign(), ActivityFilter(COMMUNE))
    model.refresh()  # no view here: the test scrolls, by asking for more itself
    newest = model.activity_id(0)
    assert model.rowCount() == 1 and model.canFetchMore()
    held = HeldList(monkeypatch, None, after=True)
    model.fetchMore()
    qtbot.waitUntil(held.started.is_set, timeout=10_000)
    assert model.rowCount() == 1 and not model.canFetchMore()  # one chunk at a time
    assert not model.pending
    with qtbot.waitSignal(model.rowsInserted, timeout=10_000):
        held.release.set()
    assert model.rowCount() == 2 and model.canFetchMore()
    assert model.activity_id(0) == newest
    held = HeldList(monkeypatch, None, after=True)
    model.fetchMore()
    qtbot.waitUntil(held.started.is_set, timeout=10_000)
    oldest = queries.list_ids(state.db, model.filter, model.catalog)[-1]
    assert model.row_of(oldest) == 2 and held.interrupted == ["interrupt"]
    assert model.rowCount() == 3 and model.complete
    held.release.set()  # the stopped reading ends; its answer is not shown twice
    qtbot.waitUntil(lambda: not ops().pending(model), timeout=10_000)
    assert model.rowCount() == 3 and list(model._ids).count(oldest) == 1


def test_a_newer_search_stops_the_older_list_reading(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The older search's reading is interrupted (sqlite3's interrupt) and its answer, if it
    comes at all, never replaces the newer one."""
    add(state.db, "15/09/2021", village="Bản Nà", people=40, sessions=1)
    add(state.db, "16/09/2021", village="Bản Đán", people=30, sessions=1)
    page = open_page(qtbot, state)
    held = HeldList(monkeypatch, "ban na")
    type_text(qtbot, page.ui.searchEdit, "ban na")
    page.search_now()
    qtbot.waitUntil(held.started.is_set, timeout=10_000)
    type_text(qtbot, page.ui.searchEdit, "n")  # "ban nan": nothing holds it
    with qtbot.waitSignal(page.model.answered, timeout=10_000):
        page.search_now()
    assert held.interrupted == ["interrupt"]
    assert page.model.filter.search == "ban nan" and page.model.rowCount() == 0
    held.release.set()
    qtbot.waitUntil(held.finished.is_set, timeout=10_000)
    ops().wait()
    qtbot.waitUntil(lambda: not ops().pending(page.model), timeout=10_000)
    assert page.model.filter.search == "ban nan" and page.model.rowCount() == 0
    assert page.empty_state.label.text().startswith("Không có hoạt động nào")


def test_a_late_list_that_cannot_be_read_says_so(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(state.db, "15/09/2021", village="Bản Nà", people=40, sessions=1)
    page = open_page(qtbot, state)
    held = HeldList(monkeypatch, "ban na")

    def damaged(*_args: Any, **_how: Any) -> Any:
        assert held.release.wait(10)
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(queries, "ordered_ids", damaged)
    with qtbot.waitSignal(page.model.answer_failed, timeout=10_000) as failed:
        type_text(qtbot, page.ui.searchEdit, "ban na")
        page.search_now()
        assert page.model.pending
        held.release.set()
    message = failed.args[0]
    assert page.ui.infoBar.isVisible() and page.ui.infoLabel.text() == message
    assert message and "Traceback" not in message and "malformed" not in message
    assert not page.model.pending and page.model.rowCount() == 0


def test_filters_and_search_narrow_the_list_and_its_totals(qtbot: QtBot, state: AppState) -> None:
    add(state.db, "15/09/2021", village="Bản Nà", people=40, sessions=1, households=10)
    add(state.db, "16/09/2021", village="Bản Nàng", people=30, sessions=1, households=10)
    add(state.db, "02/10/2021", village="Bản Đán", team="Hội Phụ nữ", form="meeting", people=20)
    page = open_page(qtbot, state)
    assert [page.ui.periodCombo.itemText(i) for i in range(page.ui.periodCombo.count())] == [
        "Tất cả các tháng",
        "Tháng 10/2021",
        "Tháng 09/2021",
        "Từ ngày… đến ngày…",
    ]
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        type_text(qtbot, page.ui.searchEdit, "ban na")
    assert {r[column("village")] for r in shown(page)} == {"Bản Nà", "Bản Nàng"}
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        type_text(qtbot, page.ui.searchEdit, "ng")
    assert [r[column("village")] for r in shown(page)] == ["Bản Nàng"]
    assert "Lượt người được tuyên truyền <b>30</b>" in page.ui.totalsLabel.text()
    page.ui.searchEdit.clear()
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        page.ui.periodCombo.setCurrentIndex(2)  # September
    assert len(shown(page)) == 2
    page.ui.periodCombo.setCurrentIndex(0)
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        page.ui.teamFilter.setCurrentText("Hội Phụ nữ")
    assert [r[column("village")] for r in shown(page)] == ["Bản Đán"]
    page.ui.teamFilter.setCurrentIndex(0)
    page.ui.periodCombo.setCurrentIndex(page.ui.periodCombo.count() - 1)  # range of days
    assert page.ui.fromEdit.isVisibleTo(page)
    type_text(qtbot, page.ui.fromEdit, "16/09/2021")
    with qtbot.waitSignal(page.totals_shown, timeout=10_000):
        type_text(qtbot, page.ui.toEdit, "02/10/2021")
    assert [r[column("date")] for r in shown(page)] == ["02/10/2021", "16/09/2021"]
    page.ui.table.sortByColumn(column("village"), Qt.SortOrder.AscendingOrder)
    assert [r[column("village")] for r in shown(page)] == ["Bản Đán", "Bản Nàng"]


def test_import_export_from_the_page(
    qtbot: QtBot, state: AppState, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(qtbot, state)
    bad = tmp_path / "sai.csv"
    bad.write_text(
        "Ngày,Bản,Lực lượng,Hình thức,Nội dung,Tờ rơi\n"
        "15/09/2021,Bản Nà,Hội Phụ nữ,leaflets,bluezone,20\n"
        "15/13/2021,Bản Nà,Hội Phụ nữ,leaflets,bluezone,20\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(page.import_finished, timeout=10_000):
        page.import_file(bad)
    dialog = page.problems_dialog
    assert dialog is not None and dialog.isVisible()
    problems = dialog.model  # type: ignore[attr-defined]
    assert problems.data(problems.index(0, 0)) == "3"
    assert "15/13/2021" in problems.data(problems.index(0, 1))
    assert page.model.rowCount() == 0
    good = tmp_path / "dung.csv"
    good.write_text(
        "Ngày,Bản,Lực lượng,Hình thức,Nội dung,Tờ rơi\n"
        "15/09/2021,Bản Mới,Hội Phụ nữ,leaflets,bluezone,20\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.import_finished, timeout=10_000):
        page.import_file(good)
    assert [r[column("village")] for r in shown(page)] == ["Bản Mới"]
    assert "Đã nhập 1 hoạt động" in page.ui.infoLabel.text()
    assert "Đã thêm vào danh mục: Bản Mới" in page.ui.infoLabel.text()
    out = tmp_path / "ra.xlsx"
    with qtbot.waitSignal(page.export_finished, timeout=10_000) as exported:
        page.export_file(out)
    assert exported.args == [1] and out.exists()
    with qtbot.waitSignal(page.import_finished, timeout=10_000) as again:
        page.import_file(out)
    assert (again.args[0].added, again.args[0].skipped) == (0, 1)


def test_dialog_values_round_trip_for_the_draft_store(qtbot: QtBot, state: AppState) -> None:
    page = open_page(qtbot, state)
    first = page.add_activity()
    typed = {
        "activity_id": None,
        "date": "20/09/2021",
        "village": "Bản Đán",
        "team": "Hội Phụ nữ",
        "form": "install_support",
        "topics": ["bluezone", "venue_qr"],
        "counts": {"people": "12", "bluezone_installs": "9"},
        "note": "Tại nhà văn hóa",
    }
    changes: list[bool] = []
    first.changed.connect(lambda: changes.append(True))
    first.set_values(typed)
    assert changes and first.values() == typed
    first.reject()
    second = page.add_activity()
    second.set_values(typed)
    assert second.values() == typed


def test_models_pass_the_model_tester(qtmodeltester, state: AppState) -> None:  # type: ignore[no-untyped-def]
    for day in ("15/09/2021", "16/09/2021", "02/10/2021"):
        add(state.db, day)
    add(state.db, "03/10/2021", village=None, form="loudspeaker", sessions=2, minutes=30)
    model = ActivityTableModel(state.db, first_campaign(), ActivityFilter(COMMUNE))
    model.refresh()
    qtmodeltester.check(model)
    model.sort(column("people"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    from quynhnhai_desktop.domain.errors import UserError
    from quynhnhai_desktop.gui.activities.transfer import ProblemsModel
    from quynhnhai_desktop.services.tabular import RowProblem

    qtmodeltester.check(ProblemsModel([RowProblem(3, UserError("x", "Bad {n}", n=1))]))
