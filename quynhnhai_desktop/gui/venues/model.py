"""The venue list as a thin table model that pages from SQL (filter and sort run there too)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.catalog import venue_categories
from quynhnhai_desktop.domain.venues import format_phone
from quynhnhai_desktop.gui.table_model import ROOT as _ROOT
from quynhnhai_desktop.gui.table_model import Index, ReadOnlyTableModel
from quynhnhai_desktop.services import venues
from quynhnhai_desktop.services.database import Database

(CODE, NAME, CATEGORY, VILLAGE, PHONE, REGISTERED, QR, POSTERS, STATUS) = range(9)
PAGE_SIZE = 200
# Columns the header can sort by, and the SQL order each means.
_SORTS: dict[int, venues.Order] = {
    CODE: "code",
    NAME: "name",
    VILLAGE: "village",
    REGISTERED: "registered_on",
    POSTERS: "posters_printed",
}


class VenueTableModel(ReadOnlyTableModel[venues.VenueRow]):
    """Rows come a page at a time (canFetchMore/fetchMore); a new filter re-queries."""

    def __init__(self, db: Database, commune_code: str, parent: Any = None) -> None:
        super().__init__(parent=parent)
        self._db = db
        self._commune = commune_code
        self._filter = venues.VenueFilter()
        self._order: venues.Order = "name"
        self._descending = False
        self._total = 0
        self._categories = {c.code: c.label(i18n.current_lang()) for c in venue_categories()}
        self._headers = [
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Category"),
            self.tr("Village"),
            self.tr("Phone"),
            self.tr("Registered"),
            self.tr("QR code"),
            self.tr("Posters"),
            self.tr("Status"),
        ]
        self.refresh()

    # -- loading ------------------------------------------------------------------------

    @property
    def filter(self) -> venues.VenueFilter:
        return self._filter

    def set_filter(self, flt: venues.VenueFilter) -> None:
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Re-run the query from the first page (after a save, an import, a new filter)."""
        self.beginResetModel()
        first = self._fetch(0)
        self._total, self._rows = first.total, list(first.rows)
        self.endResetModel()

    def _fetch(self, offset: int) -> venues.VenueListing:
        return venues.listing(
            self._db,
            self._commune,
            self._filter,
            order=self._order,
            descending=self._descending,
            offset=offset,
            limit=PAGE_SIZE,
        )

    def total(self) -> int:
        """How many venues match the filter (the view may not have fetched them all)."""
        return self._total

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if parent.isValid():
            return
        more = self._fetch(len(self._rows)).rows
        if not more:
            self._total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        chosen = _SORTS.get(column)
        if chosen is None:
            return
        self._order = chosen
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    # -- what the view asks -------------------------------------------------------------

    def cell(self, row: venues.VenueRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == QR and row.qr_content:
                return row.qr_content
            if column in (NAME, VILLAGE) and row.address:
                return row.address
            return None
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "closed":
            return QColor("#777777")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == POSTERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _text(self, row: venues.VenueRow, column: int) -> str:
        if column == CODE:
            return row.code
        if column == NAME:
            return row.name
        if column == CATEGORY:
            return self._categories.get(row.category, row.category)
        if column == VILLAGE:
            return row.village_name
        if column == PHONE:
            return format_phone(row.phone)
        if column == REGISTERED:
            if not row.registered:
                return self.tr("No")
            return row.registered_on.strftime("%d/%m/%Y") if row.registered_on else self.tr("Yes")
        if column == QR:
            return self.tr("Official") if row.qr_content else self.tr("Local")
        if column == POSTERS:
            if not row.posters_printed or row.last_printed_at is None:
                return "0"
            when = row.last_printed_at.astimezone().strftime("%d/%m/%Y")
            return self.tr("{count} (last {date})").format(count=row.posters_printed, date=when)
        if column == STATUS:
            return self.tr("Open") if row.status == "active" else self.tr("Closed")
        return ""
