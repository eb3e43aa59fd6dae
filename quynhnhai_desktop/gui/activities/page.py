"""Section Hoạt động: the activity list with its filters, search, totals and actions.

The page only wires widgets to services: the model asks services.activity_queries for ids
and rows, the totals line is computed off the GUI thread (summing every count of 100,000
activities takes ~170 ms, more than a keystroke may cost), and saves, deletes and imports
go through services.activities and services.activity_io.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.dates import format_date, parse_date
from quynhnhai_desktop.domain.periods import calendar_month
from quynhnhai_desktop.gui import list_keys
from quynhnhai_desktop.gui.activities.model import ActivityTableModel
from quynhnhai_desktop.gui.campaigns import picker
from quynhnhai_desktop.gui.empty_state import EmptyState
from quynhnhai_desktop.gui.forms.ui_activities_page import Ui_ActivitiesPage
from quynhnhai_desktop.gui.ops import ops, present
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.gui.tasks import Progress, Task
from quynhnhai_desktop.services import activities, campaigns, reference
from quynhnhai_desktop.services import activity_queries as queries
from quynhnhai_desktop.services.activity_queries import WHOLE_COMMUNE, ActivityFilter, Totals

if TYPE_CHECKING:
    from quynhnhai_desktop.gui.activities.dialog import ActivityDialog

log = logging.getLogger(__name__)

ALL = None  # filter combos: the first entry, "all"
CUSTOM_PERIOD = "custom"
COLUMN_WIDTHS = {  # in average character widths; a column is never narrower than its header
    "date": 10,
    "village": 13,
    "team": 17,
    "form": 17,
    "topics": 18,
}  # the count columns' widths are the campaign's
TOTALS_DELAY_MS = 150
# The search asks SQLite once the typing pauses, not at every letter ("ban na": six
# queries of which the clerk reads only the last).
SEARCH_DELAY_MS = 250
INFO_STYLE = "QFrame#infoBar { background: #e8f1fb; border: 1px solid #9dbfe3; }"


class ActivitiesPage(QWidget):
    totals_shown = Signal()  # the totals line shows the current filter's totals
    import_finished = Signal(object)  # ImportResult, or the UserError that refused it
    export_finished = Signal(object)  # the number of rows written, or a UserError

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.db = state.db
        self.commune_code = state.profile.unit_code
        # The campaign the list shows (a commune with one campaign: all of its activities).
        self.catalog = campaigns.preferred(self.db)
        self.campaign_scope = campaigns.scope_for(self.db, self.catalog)
        self.lang = i18n.current_lang()
        self.ui = Ui_ActivitiesPage()
        self.ui.setupUi(self)
        self.dialog: ActivityDialog | None = None
        self.problems_dialog: QWidget | None = None  # the bad rows of a refused import
        self.import_progress: QProgressDialog | None = None  # while an import runs
        self._deleted: list[int] = []
        self._select_when_shown: int | None = None  # a saved row, once a late list is read
        self._totals_task: Task | None = None  # the sum on its way, to cancel when out of date
        self._totals_interrupt: queries.Interrupt | None = None  # stops the sum adding up
        self._shown_before = False
        # Totals wait for a pause in the typing: each sum of 100,000 activities costs
        # ~170 ms of a core that the next keystroke's query needs.
        self._totals_timer = QTimer(self)
        self._totals_timer.setSingleShot(True)
        self._totals_timer.setInterval(TOTALS_DELAY_MS)
        self._totals_timer.timeout.connect(self._start_totals)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._filters_changed)
        ops().changed.connect(self._data_changed)
        self.ui.infoBar.setStyleSheet(INFO_STYLE)
        self.ui.infoBar.hide()
        self.ui.fromEdit.hide()
        self.ui.toEdit.hide()
        self._fill_filters()
        self._add_campaign_filter()
        self.model = ActivityTableModel(
            self.db,
            self.catalog,
            ActivityFilter(self.commune_code, campaign_id=self.campaign_scope),
            parent=self,
        )
        self._set_up_table()
        self.empty_state = EmptyState(self.ui.table, self._empty_hint)
        self._connect()
        self._update_buttons()

    # -- building -----------------------------------------------------------------------

    def _fill_filters(self) -> None:
        ui = self.ui
        for combo in (ui.periodCombo, ui.villageFilter, ui.teamFilter, ui.formFilter):
            combo.blockSignals(True)
        ui.periodCombo.addItem(self.tr("All months"), ALL)
        self._fill_months()
        ui.villageFilter.addItem(self.tr("All villages"), ALL)
        ui.villageFilter.addItem(self.tr("Whole commune"), WHOLE_COMMUNE)
        ui.teamFilter.addItem(self.tr("All teams"), ALL)
        self._fill_names()
        self._fill_campaign_filters()
        for combo in (ui.periodCombo, ui.villageFilter, ui.teamFilter, ui.formFilter):
            combo.blockSignals(False)

    def _fill_campaign_filters(self) -> None:
        """The forms and topics of the campaign shown (all of them for all campaigns)."""
        ui = self.ui
        for combo in (ui.formFilter, ui.topicFilter):
            combo.blockSignals(True)
            combo.clear()
        ui.formFilter.addItem(self.tr("All forms"), ALL)
        for form in self.catalog.forms:
            ui.formFilter.addItem(form.label(self.lang), form.code)
        ui.topicFilter.addItem(self.tr("All topics"), ALL)
        for topic in self.catalog.topics:
            ui.topicFilter.addItem(topic.label(self.lang), topic.code)
        for combo in (ui.formFilter, ui.topicFilter):
            combo.blockSignals(False)

    def _add_campaign_filter(self) -> None:
        """Which campaign the list shows, or all of them: only when there are several."""
        self._known = campaigns.installed(self.db)
        self.campaignLabel = QLabel(self.tr("Campaign:"), self)
        self.campaignFilter = picker.campaign_combo(self, self.tr("Campaign"), width=18)
        self.campaignLabel.setBuddy(self.campaignFilter)
        picker.fill(self.campaignFilter, self._known, None)
        self.campaignFilter.addItem(self.tr("All campaigns"), campaigns.ALL_CAMPAIGNS)
        self.campaignFilter.setCurrentIndex(max(self.campaignFilter.findData(self.catalog.id), 0))
        self.ui.periodRow.insertWidget(0, self.campaignLabel)
        self.ui.periodRow.insertWidget(1, self.campaignFilter)
        several = len(self._known) > 1
        self.campaignLabel.setVisible(several)
        self.campaignFilter.setVisible(several)

    def show_campaign(self, campaign_id: str) -> None:
        """Show one campaign's activities with its columns (ALL_CAMPAIGNS: every one's)."""
        if campaign_id == campaigns.ALL_CAMPAIGNS:
            self.catalog = campaigns.combined(self._known)
            self.campaign_scope = None
        else:
            self.catalog = campaigns.campaign_for(self.db, campaign_id)
            self.campaign_scope = campaigns.scope_for(self.db, self.catalog)
            campaigns.remember(self.db, campaign_id)
        self._fill_campaign_filters()
        old = self.model
        old.stop_reading()
        self.model = ActivityTableModel(self.db, self.catalog, self.current_filter(), parent=self)
        self._set_up_table()
        self._connect_model()
        self.ui.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        old.deleteLater()

    def _campaign_changed(self) -> None:
        self.show_campaign(str(self.campaignFilter.currentData()))

    def _fill_months(self) -> None:
        """Months with activities, newest first, then "a range of days"."""
        combo = self.ui.periodCombo
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        months = queries.months_of(self.db, self.commune_code)
        if isinstance(current, tuple | list) and len(current) == 2:
            current = (int(current[0]), int(current[1]))
        if isinstance(current, tuple) and current not in months:
            # the month shown stays chosen (its last activity was just deleted: undo is near)
            months = sorted([*months, current], reverse=True)
        for year, month in months:
            combo.addItem(self.tr("Month {month:02d}/{year}").format(month=month, year=year),
                          (year, month))  # fmt: skip
        combo.addItem(self.tr("Range of days…"), CUSTOM_PERIOD)
        combo.setCurrentIndex(max(_find_data(combo, current), 0))
        combo.blockSignals(False)

    def _fill_names(self) -> None:
        villages = reference.entries(self.db, "village", self.commune_code, counted=False)
        teams = reference.entries(self.db, "team", self.commune_code, counted=False)
        for combo, items in ((self.ui.villageFilter, villages), (self.ui.teamFilter, teams)):
            current = combo.currentData()
            keep = 2 if combo is self.ui.villageFilter else 1
            combo.blockSignals(True)
            while combo.count() > keep:
                combo.removeItem(keep)
            for item in items:
                combo.addItem(item.name, item.id)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _set_up_table(self) -> None:
        table = self.ui.table
        table.setModel(self.model)
        vertical = table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        width = table.fontMetrics().averageCharWidth()
        header_metrics = header.fontMetrics()
        widths = COLUMN_WIDTHS | {c.code: c.width for c in self.catalog.list_columns}
        for column, name in enumerate(self.model.columns):
            if name in widths:
                title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
                table.setColumnWidth(
                    column,
                    max(widths[name] * width, header_metrics.horizontalAdvance(title))
                    + 24,  # padding and the sort arrow
                )
        # The first query: sorting enabled with the indicator set sorts (loads) once.
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        self._after_model_reset()

    def _connect(self) -> None:
        ui = self.ui
        ui.addButton.clicked.connect(self.add_activity)
        ui.editButton.clicked.connect(self.edit_selected)
        ui.deleteButton.clicked.connect(self.delete_selected)
        ui.undoButton.clicked.connect(self.undo_delete)
        ui.closeInfoButton.clicked.connect(ui.infoBar.hide)
        ui.importButton.clicked.connect(lambda: self.import_file())
        ui.exportButton.clicked.connect(lambda: self.export_file())
        ui.table.doubleClicked.connect(lambda _index: self.edit_selected())
        ui.searchEdit.textChanged.connect(self._search_timer.start)  # restarts per key
        ui.searchEdit.returnPressed.connect(self.search_now)  # no wait for the pause
        list_keys.focus_selects_row(ui.table)  # Enter and Delete act on the focused row
        list_keys.down_goes_to(ui.searchEdit, ui.table)
        for combo in (ui.villageFilter, ui.teamFilter, ui.formFilter, ui.topicFilter):
            combo.currentIndexChanged.connect(self._filters_changed)
        ui.periodCombo.currentIndexChanged.connect(self._period_changed)
        self.campaignFilter.currentIndexChanged.connect(self._campaign_changed)
        ui.fromEdit.textChanged.connect(self._filters_changed)
        ui.toEdit.textChanged.connect(self._filters_changed)
        self._connect_model()
        selection = ui.table.selectionModel()
        selection.selectionChanged.connect(lambda *_: self._update_buttons())
        shortcuts: list[tuple[str, Any, QWidget]] = [
            ("Ins", self.add_activity, self),
            ("Ctrl+N", self.add_activity, self),
            ("Ctrl+F", self._focus_search, self),
            ("Ctrl+Z", self.undo_delete, self),
            ("Del", self.delete_selected, ui.table),
            ("Return", self.edit_selected, ui.table),
            ("Enter", self.edit_selected, ui.table),
        ]
        for keys, slot, widget in shortcuts:
            shortcut = QShortcut(QKeySequence(keys), widget)
            if widget is not self:
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            else:
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def showEvent(self, event: Any) -> None:
        """Coming back from Lists: names may have changed (the first show loads anyway)."""
        super().showEvent(event)
        if self._shown_before:
            self.refresh()
        self._shown_before = True

    # -- filters -----------------------------------------------------------------------

    def current_filter(self) -> ActivityFilter:
        ui = self.ui
        start = end = None
        period = ui.periodCombo.currentData()
        if period == CUSTOM_PERIOD:
            start, end = parse_date(ui.fromEdit.text()), parse_date(ui.toEdit.text())
        elif period is not None:
            month = calendar_month(*period)
            start, end = month.start, month.end
        return ActivityFilter(
            self.commune_code,
            start=start,
            end=end,
            village_id=ui.villageFilter.currentData(),
            team_id=ui.teamFilter.currentData(),
            form_code=ui.formFilter.currentData(),
            topic_code=ui.topicFilter.currentData(),
            search=ui.searchEdit.text(),
            campaign_id=self.campaign_scope,
        )

    def show_filtered(
        self,
        start: dt.date,
        end: dt.date,
        *,
        form_code: str | None = None,
        topic_code: str | None = None,
    ) -> None:
        """Show the activities of a period (and a form or topic): the overview's numbers.

        A listed calendar month is picked in the month list, any other span as a range of
        days; the other filters are reset so the list holds exactly what the number counts.
        """
        ui = self.ui
        widgets = (ui.periodCombo, ui.villageFilter, ui.teamFilter, ui.formFilter,
                   ui.topicFilter, ui.searchEdit, ui.fromEdit, ui.toEdit)  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        ui.searchEdit.clear()
        for combo in (ui.villageFilter, ui.teamFilter):
            combo.setCurrentIndex(0)
        ui.formFilter.setCurrentIndex(max(ui.formFilter.findData(form_code), 0))
        ui.topicFilter.setCurrentIndex(max(ui.topicFilter.findData(topic_code), 0))
        month = _find_data(ui.periodCombo, (start.year, start.month))
        whole = calendar_month(start.year, start.month)
        if month > 0 and (whole.start, whole.end) == (start, end):
            ui.periodCombo.setCurrentIndex(month)
        else:
            ui.periodCombo.setCurrentIndex(ui.periodCombo.findData(CUSTOM_PERIOD))
            ui.fromEdit.setText(format_date(start))
            ui.toEdit.setText(format_date(end))
        for widget in widgets:
            widget.blockSignals(False)
        custom = ui.periodCombo.currentData() == CUSTOM_PERIOD
        ui.fromEdit.setVisible(custom)
        ui.toEdit.setVisible(custom)
        self._filters_changed()

    def _connect_model(self) -> None:
        self.model.modelReset.connect(self._after_model_reset)
        self.model.answered.connect(self._list_answered)
        self.model.answer_failed.connect(self.show_info)

    def _list_answered(self) -> None:
        """A late answer filled the list: select the row a save asked for meanwhile."""
        wanted, self._select_when_shown = self._select_when_shown, None
        if wanted is not None:
            self.select_activity(wanted)

    def _empty_hint(self) -> str:
        if self.model.pending:
            return self.tr("Reading the list…")
        if self.model.filter == ActivityFilter(self.commune_code, campaign_id=self.campaign_scope):
            return self.tr(
                "No activity recorded yet. Press Add… (Insert) to record the first one, or "
                "Import… a spreadsheet."
            )
        return self.tr(
            "No activity matches these filters. Choose “All months” or clear the search."
        )

    def _period_changed(self) -> None:
        custom = self.ui.periodCombo.currentData() == CUSTOM_PERIOD
        self.ui.fromEdit.setVisible(custom)
        self.ui.toEdit.setVisible(custom)
        if custom and not self.ui.fromEdit.text():
            self.ui.fromEdit.setFocus()
        self._filters_changed()

    def _filters_changed(self) -> None:
        self._search_timer.stop()  # the filter below reads the search as typed so far
        self.model.set_filter(self.current_filter())

    def search_now(self) -> None:
        """Run the search typed so far without waiting for the pause (Enter in the box)."""
        if self._search_timer.isActive():
            self._filters_changed()

    def initial_focus(self) -> None:
        """Where the keyboard lands when the section is opened with Ctrl+2: the list."""
        self.ui.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def refresh(self) -> None:
        """Re-read everything (after a save, a delete or an import)."""
        self.ui.infoBar.hide()  # an old message (a refused import…) goes with the next action
        self._fill_months()
        self._fill_names()
        flt = self.current_filter()
        if flt != self.model.filter:
            self.model.set_filter(flt)
        else:
            self.model.refresh()

    def _after_model_reset(self) -> None:
        self._update_buttons()
        ops().drop(self, "totals")  # whatever is still adding up is out of date
        self._interrupt_totals()
        if self.model.complete:
            self.ui.totalsLabel.setText(
                self.tr("{count} activities shown; adding up…").format(
                    count=_number(self.model.rowCount())
                )
            )
        else:  # the count comes with the totals (a million rows are not counted per key)
            self.ui.totalsLabel.setText(self.tr("Counting the activities shown…"))
        self._totals_timer.start()

    def _interrupt_totals(self) -> None:
        """Cancel the sum of an older filter and stop it where it is (sqlite3's interrupt):
        its core is needed for the newer query."""
        task, self._totals_task = self._totals_task, None
        if task is not None:
            task.cancel()
        interrupt, self._totals_interrupt = self._totals_interrupt, None
        if interrupt is not None:
            interrupt.stop()

    # -- totals, off the GUI thread ------------------------------------------------------

    def _start_totals(self) -> None:
        flt = self.model.filter
        db = self.db

        interrupt = self._totals_interrupt = queries.Interrupt()

        def work(progress: Progress) -> Totals | None:
            if progress.cancelled:
                return None  # out of date before it began
            return queries.totals_unless_stopped(db, flt, interrupt)

        self._totals_task = ops().query(
            self, work, self._show_totals, self._task_failed, key="totals"
        )

    def _show_totals(self, totals: Totals | None) -> None:
        if totals is None:
            return  # the filter changed meanwhile; a newer sum is on its way
        parts = [
            f"{self.catalog.indicator(code).label(self.lang)} <b>{_number(totals.values[code])}</b>"
            for code in self.catalog.totals_indicators()
            if totals.values.get(code)
        ]
        self.ui.totalsLabel.setText(
            self.tr("Total: <b>{count}</b> activities").format(count=_number(totals.activities))
            + (" — " + " · ".join(parts) if parts else "")
        )
        self.totals_shown.emit()

    def _data_changed(self, changes: frozenset[str]) -> None:
        """A write landed (an import, a restore): show the table as it is now."""
        if "activities" in changes and not self.db.closed:
            self.refresh()

    def _task_failed(self, error: BaseException) -> None:
        self.show_info(present(error, "activities"))

    # -- selection and actions ---------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.ui.table.selectionModel().selectedRows()})
        return [self.model.activity_id(row) for row in rows]

    def _update_buttons(self) -> None:
        selected = bool(self.ui.table.selectionModel().selectedRows())
        self.ui.editButton.setEnabled(selected)
        self.ui.deleteButton.setEnabled(selected)

    def select_activity(self, activity_id: int) -> None:
        if self.model.pending:  # selected once the list is read
            self._select_when_shown = activity_id
            return
        row = self.model.row_of(activity_id)
        if row < 0:
            return
        index = self.model.index(row, 0)
        self.ui.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.ui.table.scrollTo(index)

    def _default_date(self) -> dt.date | None:
        return queries.last_date(self.db, self.commune_code)

    def add_activity(self) -> ActivityDialog:
        return self._open_dialog(None)

    def edit_selected(self) -> ActivityDialog | None:
        ids = self.selected_ids()
        if not ids:
            return None
        return self._open_dialog(ids[0])

    def _open_dialog(self, activity_id: int | None) -> ActivityDialog:
        from quynhnhai_desktop.gui.activities.dialog import ActivityDialog
        from quynhnhai_desktop.services.drafts import DraftStore

        catalog = self.catalog
        if catalog.id == campaigns.ALL_CAMPAIGNS:  # a new entry goes into a real campaign
            catalog = campaigns.preferred(self.db)
        dialog = ActivityDialog(
            self.db,
            self.commune_code,
            catalog,
            activity_id=activity_id,
            default_date=self._default_date(),
            drafts=DraftStore.for_paths(self.state.paths),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()  # window-modal, but the event loop (and tests) keep running
        dialog.activateWindow()  # typing goes straight into the date
        return dialog

    def _saved(self, result: activities.SaveResult) -> None:
        self.refresh()
        self.select_activity(result.activity_id)
        if result.reported_revision is not None:
            self.show_info(
                self.tr(
                    "Saved. The report for this month was already exported (revision "
                    "{revision}): export it again to send revision {next}."
                ).format(revision=result.reported_revision, next=result.reported_revision + 1)
            )

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        first = self.model.activity(self.model.row_of(ids[0]))
        if len(ids) == 1 and first is not None:
            question = self.tr("Delete the activity of {date} ({team}, {village})?").format(
                date=format_date(first.date),
                team=first.team,
                village=first.village or self.tr("whole commune"),
            )
        else:
            question = self.tr("Delete the {count} selected activities?").format(count=len(ids))
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            question + "\n\n" + self.tr("You can undo this right after."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        count = activities.delete_all(self.db, ids)
        self._deleted = ids
        self.refresh()
        self.show_info(self.tr("{count} activities deleted.").format(count=count), undo=True)

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        ids, self._deleted = self._deleted, []
        count = activities.restore_all(self.db, ids)
        self.refresh()
        self.select_activity(ids[0])
        self.show_info(self.tr("{count} activities restored.").format(count=count))

    def show_info(self, text: str, *, undo: bool = False) -> None:
        self.ui.infoLabel.setText(text)
        self.ui.undoButton.setVisible(undo)
        self.ui.infoBar.show()

    # -- import and export (gui/activities/transfer.py) -------------------------------

    def import_file(self, path: Any = None) -> None:
        from quynhnhai_desktop.gui.activities import transfer

        transfer.start_import(self, path)

    def export_file(self, path: Any = None) -> None:
        from quynhnhai_desktop.gui.activities import transfer

        transfer.start_export(self, path)


def _number(value: int) -> str:
    """1.234 in Vietnamese, 1,234 in English (the locale i18n installed)."""
    return QLocale().toString(value)


def _find_data(combo: QComboBox, value: object) -> int:
    """The index of the item holding *value*, compared by value (QComboBox.findData compares
    Python objects by identity: a month's new (year, month) tuple is never found)."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)
