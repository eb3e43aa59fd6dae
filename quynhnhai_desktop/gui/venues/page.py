"""Địa điểm & mã QR: the venue list with its filters, summary strip and actions."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QHeaderView, QMessageBox, QWidget

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.catalog import venue_categories
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.gui import list_keys, window_memory
from quynhnhai_desktop.gui.empty_state import EmptyState
from quynhnhai_desktop.gui.forms.ui_venues_page import Ui_VenuesPage
from quynhnhai_desktop.gui.ops import present
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.gui.venues.dialog import VenueDialog
from quynhnhai_desktop.gui.venues.model import CATEGORY, NAME, VILLAGE, VenueTableModel
from quynhnhai_desktop.gui.venues.posters_dialog import PostersDialog
from quynhnhai_desktop.services import reference, venue_files, venues
from quynhnhai_desktop.services.tabular import ImportRefused

log = logging.getLogger(__name__)

MAX_LISTED_PROBLEMS = 20


NAME_CHARS = 30  # the name column's least width, in average characters


class VenuesPage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.ui = Ui_VenuesPage()
        self.ui.setupUi(self)
        self.commune = state.profile.unit_code
        self.model = VenueTableModel(state.db, self.commune, self)
        table = self.ui.table
        table.setModel(self.model)
        table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The name gets the space: at least NAME_CHARS characters (the table scrolls
        # sideways on a 1024×600 screen rather than cut every name to "Bến …"), and all
        # the width the other columns leave. Category and village give way first.
        chars = table.fontMetrics().averageCharWidth()
        for column, wanted in ((CATEGORY, 21), (VILLAGE, 17)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, wanted * chars)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        self._name_width = NAME_CHARS * chars
        self._fitting = False
        header.sectionResized.connect(lambda *_: self._fit_name())
        table.viewport().installEventFilter(self)
        table.verticalHeader().setVisible(False)
        self._fill_filters()
        self.ui.searchEdit.textChanged.connect(self.apply_filter)
        list_keys.focus_selects_row(table)  # Enter and Delete act on the focused row
        list_keys.down_goes_to(self.ui.searchEdit, table)
        for combo in (
            self.ui.villageFilter,
            self.ui.categoryFilter,
            self.ui.registeredFilter,
            self.ui.statusFilter,
        ):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.ui.newButton.clicked.connect(self.new_venue)
        self.ui.editButton.clicked.connect(self.edit_venue)
        table.doubleClicked.connect(lambda _index: self.edit_venue())
        self.ui.postersButton.clicked.connect(self.print_posters)
        self.ui.importButton.clicked.connect(self.import_file)
        self.ui.exportButton.clicked.connect(self.export_file)
        self.empty_state = EmptyState(table, self._empty_hint)
        self.refresh_summary()

    def _empty_hint(self) -> str:
        return self.tr(
            "No venue to show. Press New venue… to add one, or Import… a list from Excel; "
            "if filters are set, choose “All”."
        )

    def _fill_filters(self) -> None:
        ui = self.ui
        ui.villageFilter.addItem(self.tr("All villages"), None)
        for village in reference.entries(self.state.db, "village", self.commune, counted=False):
            ui.villageFilter.addItem(village.name, village.id)
        ui.categoryFilter.addItem(self.tr("All categories"), None)
        for category in venue_categories():
            ui.categoryFilter.addItem(category.label(i18n.current_lang()), category.code)
        ui.registeredFilter.addItem(self.tr("Registered or not"), None)
        ui.registeredFilter.addItem(self.tr("Registered"), True)
        ui.registeredFilter.addItem(self.tr("Not registered"), False)
        ui.statusFilter.addItem(self.tr("Open or closed"), None)
        ui.statusFilter.addItem(self.tr("Open"), "active")
        ui.statusFilter.addItem(self.tr("Closed"), "closed")

    # -- list ---------------------------------------------------------------------------

    def current_filter(self) -> venues.VenueFilter:
        ui = self.ui
        return venues.VenueFilter(
            search=ui.searchEdit.text(),
            village_id=ui.villageFilter.currentData(),
            category=ui.categoryFilter.currentData(),
            registered=ui.registeredFilter.currentData(),
            status=ui.statusFilter.currentData(),
        )

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def refresh(self) -> None:
        self.model.refresh()
        self.refresh_summary()

    def refresh_summary(self) -> None:
        summary = venues.summary_of(self.state.db, self.commune)
        ui = self.ui
        ui.totalLabel.setText(self.tr("<b>{count}</b> open venues").format(count=summary.total))
        ui.registeredLabel.setText(
            self.tr("<b>{count}</b> registered").format(count=summary.registered)
        )
        ui.officialLabel.setText(
            self.tr("<b>{count}</b> with official QR").format(count=summary.official_qr)
        )
        ui.postersLabel.setText(
            self.tr("<b>{count}</b> posters printed for {venues} venues").format(
                count=summary.posters_printed, venues=summary.venues_with_posters
            )
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_name()
        return super().eventFilter(watched, event)

    def _fit_name(self) -> None:
        if self._fitting:
            return
        header = self.ui.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != NAME)
        room = self.ui.table.viewport().width() - others
        width = max(self._name_width, room)
        if header.sectionSize(NAME) != width:
            self._fitting = True  # resizing the name column calls back here
            try:
                header.resizeSection(NAME, width)
            finally:
                self._fitting = False

    def initial_focus(self) -> None:
        """Where the keyboard lands when the section is opened with Ctrl+3: the search."""
        self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.ui.table.selectionModel().selectedRows()})
        return [self.model.row_at(row).id for row in rows]

    def _select_id(self, venue_id: int | None) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == venue_id:
                self.ui.table.selectRow(row)
                self.ui.table.scrollTo(self.model.index(row, 0))
                return

    # -- actions ------------------------------------------------------------------------

    def new_venue(self) -> None:
        dialog = VenueDialog(self.state, parent=self)
        if dialog.exec() == VenueDialog.DialogCode.Accepted:
            self.refresh()
            self._select_id(dialog.saved_id)

    def edit_venue(self) -> None:
        ids = self.selected_ids()
        if not ids:
            index: QModelIndex = self.ui.table.currentIndex()
            if not index.isValid():
                return
            ids = [self.model.row_at(index.row()).id]
        dialog = VenueDialog(self.state, ids[0], parent=self)
        if dialog.exec() == VenueDialog.DialogCode.Accepted:
            self.refresh()
            self._select_id(dialog.saved_id)

    def print_posters(self) -> None:
        dialog = PostersDialog(self.state, self.selected_ids(), parent=self)
        dialog.exec()
        self.refresh()

    def import_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import venues"),
            window_memory.in_last_folder(
                self.state.paths.data_dir, "open", self.state.paths.exports_dir
            ),
            self.tr("Spreadsheets (*.xlsx *.csv)"),
        )
        if chosen:
            window_memory.remember_folder(self.state.paths.data_dir, "open", chosen)
            self.import_path(Path(chosen))

    def import_path(self, path: Path, *, create_missing: bool = False) -> None:
        """Import, show every refused row, and offer to add villages the list lacks."""
        try:
            summary = venue_files.import_file(self.state.db, path, create_missing=create_missing)
        except ImportRefused as refused:
            unknown = [
                p for p in refused.problems if isinstance(p.error, venue_files.UnknownVillage)
            ]
            lines = [
                self.tr("Row {row}: {message}").format(row=p.row, message=i18n.message(p.error))
                for p in refused.problems[:MAX_LISTED_PROBLEMS]
            ]
            if len(refused.problems) > MAX_LISTED_PROBLEMS:
                lines.append(
                    self.tr("… and {count} more.").format(
                        count=len(refused.problems) - MAX_LISTED_PROBLEMS
                    )
                )
            box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("Nothing was imported"), "", parent=self
            )
            box.setText(i18n.message(refused) + "\n\n" + "\n".join(lines))
            add = None
            if unknown and len(unknown) == len(refused.problems):
                add = box.addButton(
                    self.tr("Add the missing villages and import"),
                    QMessageBox.ButtonRole.AcceptRole,
                )
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            if add is not None and box.clickedButton() is add:
                self.import_path(path, create_missing=True)
            return
        except UserError as error:
            QMessageBox.warning(self, self.tr("Nothing was imported"), i18n.message(error))
            return
        self.refresh()
        message = self.tr("{created} venue(s) added, {updated} updated.").format(
            created=summary.created, updated=summary.updated
        )
        if summary.villages_created:
            message += "\n" + self.tr("Villages added: {names}").format(
                names=", ".join(summary.villages_created)
            )
        QMessageBox.information(self, self.tr("Venues imported"), message)

    def export_file(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export venues"),
            window_memory.in_last_folder(
                self.state.paths.data_dir, "save", self.state.paths.exports_dir / "dia-diem.xlsx"
            ),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if not chosen:
            return
        window_memory.remember_folder(self.state.paths.data_dir, "save", chosen)
        path = Path(chosen)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")
        try:
            count = venue_files.export_file(self.state.db, path)
        except (UserError, OSError) as error:
            QMessageBox.warning(self, self.tr("Export failed"), present(error, "venue export"))
            return
        QMessageBox.information(
            self,
            self.tr("Venues exported"),
            self.tr("{count} venues written to {path}.").format(count=count, path=path),
        )
