"""The activity list's model: ids from SQL in display order, rows fetched a page at a time.

The model holds the ids of the rows loaded so far: :data:`FIRST_CHUNK` after a change,
:data:`ID_CHUNK` more each time the view scrolls to the end of them (Qt's ``fetchMore``),
and at most :data:`MAX_PAGES` pages of rows; a filter, a search keystroke or a header
click re-asks SQLite for the first chunk only (reading every id cost 430 ms at 100,000
activities, ~4 s at a million), and the view then asks for the few rows it paints. How
many rows the filter shows comes with the totals, off the GUI thread (:attr:`complete`
says whether :meth:`rowCount` is all).

Each chunk is read in the reading pool, the GUI thread waiting for it at most
:data:`ANSWER_WAIT_S`: in time (nearly always), the list changes at once; later, the window
stays responsive and the answer fills the list in when it comes (the first chunk: the list
is empty and :attr:`pending` until :attr:`answered`; a next one: its rows are added). A
newer filter, keystroke or sort stops the older question where it is (sqlite3's
interrupt), so a clerk who clicks on is never kept waiting for an answer nobody wants.
"""

from __future__ import annotations

import logging
import threading
from array import array
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.campaign import Campaign, first_campaign
from quynhnhai_desktop.gui.ops import ops, present
from quynhnhai_desktop.gui.tasks import Progress
from quynhnhai_desktop.services import activity_queries as queries
from quynhnhai_desktop.services.activity_queries import ActivityFilter, ActivityRow, SortKey
from quynhnhai_desktop.services.database import Database

log = logging.getLogger(__name__)

PAGE_SIZE = 200
MAX_PAGES = 25
ID_CHUNK = 1000
# The first answer to a filter, a keystroke or a sort: a few screens. A search reads rows
# in list order until it has found them (at 100,000 activities "ban na" took 0.72 s to
# find 1,000 matches, 0.09 s to find 200); scrolling loads the rest ID_CHUNK at a time.
FIRST_CHUNK = 200
# How long the GUI thread waits for the first chunk. The keyset-paged orders answer in 1-100
# ms at a million activities; an order that sorts every match (a search on a village's own
# name in the village order: ~200 ms) or a machine busy elsewhere answers later, and then the
# window is not held: the list fills in when the answer comes.
ANSWER_WAIT_S = 0.15


class _Question:
    """One reading of a chunk of ids, after those *loaded* (none: the first chunk): its
    answer, and the means to stop it."""

    def __init__(self, loaded: array[int]) -> None:
        self.loaded = len(loaded)
        self.interrupt = queries.Interrupt()
        self.ready = threading.Event()
        self.ids: array[int] | None = None
        self.error: BaseException | None = None


def columns_for(campaign: Campaign) -> tuple[SortKey, ...]:
    """The list's columns: the fixed ones around the campaign's count columns."""
    return ("date", "village", "team", "form", "topics", *campaign.column_counts(), "note")


COLUMNS = columns_for(first_campaign())  # a commune with the 2021 campaign only
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the default parent: the table has no tree below
CHANGED_COLOR = QColor("#fff4d6")  # edited after its month's report was exported


class ActivityTableModel(QAbstractTableModel):
    answered = Signal()  # the first chunk of the current filter is shown
    answer_failed = Signal(str)  # a late chunk could not be read: the clerk's message

    def __init__(self, db: Database, catalog: Campaign, flt: ActivityFilter, parent: Any = None):
        super().__init__(parent)
        self.db = db
        self.catalog = catalog
        self.columns = columns_for(catalog)
        self.count_columns = frozenset(catalog.column_counts())
        self.lang = i18n.current_lang()
        self.locale = QLocale()
        self._filter = flt
        self._sort: SortKey = "date"
        self._descending = True
        self._ids: array[int] = array("q")
        self._complete = True  # every id of the filter is loaded
        self._asking: _Question | None = None  # the chunk on its way
        self._pages: OrderedDict[int, list[ActivityRow]] = OrderedDict()
        self._headers = {
            "date": self.tr("Date"),
            "village": self.tr("Village"),
            "team": self.tr("Team"),
            "form": self.tr("Form"),
            "topics": self.tr("Topics"),
            **{column.code: column.label(self.lang) for column in catalog.list_columns},
            "note": self.tr("Note"),
        }
        self._header_tips = {
            code: " + ".join(catalog.indicator(c).label(self.lang) for c in parts)
            for code, parts in catalog.column_counts().items()
            if all(c in catalog.indicator_codes() for c in parts)
        }
        self._whole_commune = self.tr("Whole commune")
        self._changed_tip = self.tr(
            "Changed after the report of its month was exported: the next export is a new revision."
        )

    # -- what is shown ------------------------------------------------------------------

    @property
    def filter(self) -> ActivityFilter:
        return self._filter

    def set_filter(self, flt: ActivityFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.refresh()

    def refresh(self) -> None:
        """Ask SQLite again (after a filter change, a save, a delete, an import)."""
        self.stop_reading()
        if not self._ask(array("q")):  # the list says it is reading; the answer fills it in
            self._reset(array("q"), complete=False)

    @property
    def pending(self) -> bool:
        """True while the first chunk of the current filter is still being read."""
        return self._asking is not None and not self._asking.loaded

    def stop_reading(self) -> None:
        """Stop the chunk still being read (the model is replaced, or asks anew)."""
        question, self._asking = self._asking, None
        if question is not None:
            question.interrupt.stop()  # its answer is out of date: stop it where it is
            ops().drop(self, "ids")

    def _ask(self, loaded: array[int]) -> bool:
        """Read the chunk after *loaded* in the reading pool; True when it was shown within
        :data:`ANSWER_WAIT_S` (else it is shown when it comes)."""
        question = self._asking = _Question(loaded)
        flt, how = self._filter, self._how(loaded)

        def work(_progress: Progress) -> _Question:
            try:
                question.ids = queries.list_ids_unless_stopped(
                    self.db, flt, self.catalog, question.interrupt, **how
                )
            except Exception as error:  # shown by _answer, on the GUI thread
                question.error = error
            finally:
                question.ready.set()
            return question

        ops().query(self, work, lambda _question: self._answer(question, late=True), key="ids")
        if not question.ready.wait(ANSWER_WAIT_S):
            return False
        self._answer(question, late=False)
        return True

    def _answer(self, question: _Question, *, late: bool) -> None:
        if question is not self._asking:
            return  # shown already, or a newer question replaced it
        self._asking = None
        if question.error is not None:
            if not late:
                raise question.error
            if not question.loaded:
                self._reset(array("q"), complete=True)
            self.answer_failed.emit(present(question.error, "reading the activity list"))
            return
        found = question.ids if question.ids is not None else array("q")
        if question.loaded:
            self._append(found)
            return
        self._reset(found[:FIRST_CHUNK], complete=len(found) <= FIRST_CHUNK)
        self.answered.emit()

    def _reset(self, ids: array[int], *, complete: bool) -> None:
        self.beginResetModel()
        self._ids, self._complete = ids, complete
        self._pages.clear()
        self.endResetModel()

    def _append(self, found: array[int]) -> None:
        """Show a next chunk read for scrolling (one id more than a chunk: not the last)."""
        more, complete = found[:ID_CHUNK], len(found) <= ID_CHUNK
        if more:
            start = len(self._ids)
            self.beginInsertRows(_ROOT, start, start + len(more) - 1)
            self._ids.extend(more)
            self._complete = complete
            self.endInsertRows()
        else:
            self._complete = True

    @property
    def complete(self) -> bool:
        """True when every row of the filter is loaded (:meth:`rowCount` is their number)."""
        return self._complete

    def _how(self, loaded: array[int]) -> dict[str, Any]:
        """The keyword arguments of :func:`queries.list_ids` for the chunk after *loaded*."""
        chunk = ID_CHUNK if loaded else FIRST_CHUNK
        return {
            "sort": self._sort,
            "descending": self._descending,
            "lang": self.lang,
            "limit": chunk + 1,  # one more: is there anything after the chunk?
            "offset": len(loaded),
            "after": loaded[-1] if loaded else None,  # keyset: seek, not OFFSET
        }

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and not self._complete and self._asking is None

    def fetchMore(self, parent: Index = _ROOT) -> None:
        """The view scrolled to the last row loaded: the next chunk, read like the first."""
        if self.canFetchMore(parent):
            self._ask(self._ids)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = self.columns[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    def activity_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, activity_id: int) -> int:
        """The row of an activity, loading further chunks until it is found (-1: not shown,
        or the first chunk is still being read)."""
        while True:
            try:
                return self._ids.index(activity_id)
            except ValueError:
                if self._complete or self.pending:
                    return -1
                self.stop_reading()  # a chunk on its way for scrolling: read here instead
                found = queries.list_ids(
                    self.db, self._filter, self.catalog, **self._how(self._ids)
                )
                self._append(found)

    def activity(self, row: int) -> ActivityRow | None:
        page_number = row // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            start = page_number * PAGE_SIZE
            page = queries.rows_of(self.db, self._ids[start : start + PAGE_SIZE])
            self._pages[page_number] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    # -- Qt model ---------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips.get(column)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in self.count_columns:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.UserRole,
        ):
            return None
        row = self.activity(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(CHANGED_COLOR) if row.changed_after_export else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return self._text(row, column)

    def _text(self, row: ActivityRow, column: str) -> str:
        if column == "date":
            return row.date.strftime("%d/%m/%Y")
        if column == "village":
            return row.village or self._whole_commune
        if column == "team":
            return row.team
        if column == "form":
            return self.catalog.form(row.form_code).label(self.lang)
        if column == "topics":
            return "; ".join(self._topic(code) for code in row.topics)
        if column == "note":
            return row.note
        value = row.count(column, self.catalog)
        return self.locale.toString(value) if value else ""

    def _topic(self, code: str) -> str:
        topic = self.catalog.find_topic(code)
        return topic.label(self.lang) if topic else code

    def _tooltip(self, row: ActivityRow, column: str) -> str | None:
        if column == "date" and row.changed_after_export:
            return self._changed_tip
        if column == "topics":
            return "\n".join(self._topic(code) for code in row.topics)
        if column in ("village", "team", "note"):  # the full text of an elided cell
            return self._text(row, column) or None
        if column in self.count_columns or column == "form":
            lines = [
                f"{i.label(self.lang)}: {self.locale.toString(row.values[i.code])}"
                for i in self.catalog.indicators
                if row.values.get(i.code)
            ]
            if column == "form":
                lines.insert(0, self._text(row, column))
            return "\n".join(lines) or None
        return None
