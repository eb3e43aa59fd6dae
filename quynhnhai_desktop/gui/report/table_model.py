"""One thin table model for every table of the report screen (figures are a few dozen rows).

The rows come from :func:`tables_of`, which lays the report's figures out as the printed
tables do; the model only shows them (numbers right-aligned in the user's locale, the
total line in bold).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.catalog import Catalog
from quynhnhai_desktop.domain.report import Breakdown, ReportData, VenueLine
from quynhnhai_desktop.gui.table_model import ReadOnlyTableModel

Cell = str | int | None


@dataclass(frozen=True)
class ReportTable:
    key: str
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    total_row: bool
    note: str = ""


def _named(kind: str, code: str | None, label: str, catalog: Catalog | None = None) -> str:
    """An indicator, form or topic in the screen's language, as the report's campaign names
    it (the report itself and its figures stay Vietnamese: that is what is sent)."""
    if i18n.current_lang() != "en" or not code:
        return label
    if catalog is None:
        from quynhnhai_desktop.domain.campaign import first_campaign

        catalog = first_campaign()
    items = {"indicator": catalog.indicators, "form": catalog.forms, "topic": catalog.topics}
    found = next((item for item in items.get(kind, ()) if item.code == code), None)
    return found.en if found is not None else label


def _breakdown(
    key: str, title: str, label: str, b: Breakdown, data: ReportData, catalog: Catalog | None
) -> ReportTable:
    headers = [
        i18n.translate("ReportTables", "No."),
        label,
        i18n.translate("ReportTables", "Activities"),
    ]
    headers += [_named("indicator", c.code, c.label, catalog) for c in data.columns]
    rows: list[list[Cell]] = [
        [
            n,
            _named(key, x.key, x.label, catalog),
            x.activities,
            *(x.value(c.code) if x.shows(c.code) else None for c in data.columns),
        ]
        for n, x in enumerate(b.lines, start=1)
    ]
    total = b.total
    rows.append(
        [
            None,
            i18n.translate("ReportTables", "Total"),
            total.activities,
            *(total.value(c.code) for c in data.columns),
        ]
    )
    return ReportTable(key, title, headers, rows, True)


def _venue_cells(line: VenueLine) -> list[Cell]:
    return list(line.counts())


def tables_of(data: ReportData, catalog: Catalog | None = None) -> list[ReportTable]:
    """The report's tables in the order of the printed report (plus the teams), named in the
    screen's language by *catalog*, the report's campaign (default: the 2021 one)."""
    summary_rows: list[list[Cell]] = [
        [
            1,
            i18n.translate("ReportTables", "Outreach activities"),
            data.totals.activities,
            data.previous_totals.activities,
            data.change(),
        ]
    ]
    for n, c in enumerate(data.columns, start=2):
        summary_rows.append(
            [
                n,
                _named("indicator", c.code, c.label, catalog),
                data.totals.value(c.code),
                data.previous_totals.value(c.code),
                data.change(c.code),
            ]
        )
    summary = ReportTable(
        "summary",
        i18n.translate("ReportTables", "Summary against the previous period"),
        [
            i18n.translate("ReportTables", "No."),
            i18n.translate("ReportTables", "Indicator"),
            i18n.translate("ReportTables", "This period"),
            i18n.translate("ReportTables", "Previous period"),
            i18n.translate("ReportTables", "Change"),
        ],
        summary_rows,
        False,
    )
    venues = ReportTable(
        "venues",
        i18n.translate("ReportTables", "QR codes at public venues"),
        [
            i18n.translate("ReportTables", "No."),
            i18n.translate("ReportTables", "Kind of venue"),
            i18n.translate("ReportTables", "Venues"),
            i18n.translate("ReportTables", "Registered"),
            i18n.translate("ReportTables", "Of which in this period"),
            i18n.translate("ReportTables", "Not registered"),
            i18n.translate("ReportTables", "Official QR on file"),
            i18n.translate("ReportTables", "Posters printed"),
        ],
        [
            *([n, x.label, *_venue_cells(x)] for n, x in enumerate(data.venues.lines, start=1)),
            [None, i18n.translate("ReportTables", "Total"), *_venue_cells(data.venues.total)],
        ],
        True,
    )
    topic = _breakdown(
        "topic",
        i18n.translate("ReportTables", "By topic"),
        i18n.translate("ReportTables", "Topic"),
        data.by_topic,
        data,
        catalog,
    )
    return [
        summary,
        _breakdown(
            "form",
            i18n.translate("ReportTables", "By form"),
            i18n.translate("ReportTables", "Form"),
            data.by_form,
            data,
            catalog,
        ),
        ReportTable(
            topic.key,
            topic.title,
            topic.headers,
            topic.rows,
            True,
            i18n.translate(
                "ReportTables",
                "An activity on several topics counts under each of them; the total line "
                "counts it once.",
            ),
        ),
        _breakdown(
            "village",
            i18n.translate("ReportTables", "By village"),
            i18n.translate("ReportTables", "Village"),
            data.by_village,
            data,
            catalog,
        ),
        _breakdown(
            "team",
            i18n.translate("ReportTables", "By team"),
            i18n.translate("ReportTables", "Team"),
            data.by_team,
            data,
            catalog,
        ),
        venues,
    ]


class ReportTableModel(ReadOnlyTableModel[list[Cell]]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent=parent)
        self._total_row = False
        self._locale = QLocale()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, table: ReportTable | None) -> None:
        self._total_row = bool(table and table.total_row)
        self._locale = QLocale()
        self.set_rows(
            [list(r) for r in table.rows] if table else [], list(table.headers) if table else []
        )

    def cell(self, row: list[Cell], column: int, role: int) -> Any:
        value = row[column] if column < len(row) else None
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return ""
            return self._locale.toString(value) if isinstance(value, int) else value
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self._total_row and row is self._rows[-1]:
            return self._bold
        return None
