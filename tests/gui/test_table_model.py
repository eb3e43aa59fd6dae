"""The one read-only table model the small lists share (campaigns, venues, report tables)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from quynhnhai_desktop.gui.campaigns.page import CampaignsModel
from quynhnhai_desktop.gui.report.table_model import ReportTable, ReportTableModel
from quynhnhai_desktop.gui.table_model import ReadOnlyTableModel
from quynhnhai_desktop.gui.venues.model import VenueTableModel


class Pairs(ReadOnlyTableModel[tuple[str, int]]):
    def cell(self, row: tuple[str, int], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row[column])
        return None


def test_the_base_counts_heads_and_guards_every_index(qtmodeltester: ModelTester) -> None:
    model = Pairs(["Name", "Count"])
    qtmodeltester.check(model)  # empty
    model.set_rows([("a", 1), ("b", 2)])
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert model.data(model.index(1, 1)) == "2" and model.row_at(0) == ("a", 1)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Count"
    assert model.headerData(2, Qt.Orientation.Horizontal) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.data(QModelIndex()) is None
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    model.set_rows([("c", 3)], ["Only"])
    assert model.columnCount() == 1 and model.data(model.index(0, 0)) == "c"
    qtmodeltester.check(model)


def test_the_small_lists_share_it(qtmodeltester: ModelTester) -> None:
    for kind in (CampaignsModel, ReportTableModel, VenueTableModel):
        assert issubclass(kind, ReadOnlyTableModel)
        assert "rowCount" not in vars(kind) and "headerData" not in vars(kind)
    report = ReportTableModel()
    report.set_table(
        ReportTable("t", "T", ["No.", "Name", "N"], [[1, "x", 5], [None, "Σ", 5]], True)
    )
    qtmodeltester.check(report)
    assert report.data(report.index(0, 2)) == "5"
    assert report.data(report.index(1, 0)) == ""
    assert report.data(report.index(1, 1), Qt.ItemDataRole.FontRole).bold()
    assert report.data(report.index(0, 1), Qt.ItemDataRole.FontRole) is None
