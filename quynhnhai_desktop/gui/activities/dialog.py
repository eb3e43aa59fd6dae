"""The entry dialog: one activity, typed from a team leader's paper tally.

Built for the keyboard: the date starts at the last one entered, names complete without
accents, Space ticks topics, only the chosen form's counts are asked, and "save and add
another" keeps date, village and team for the next line of the tally. Errors appear beside
their field and nothing is saved; warnings (odd counts, a likely duplicate, a month already
reported) appear as the clerk types and never block.

Seam for the crash-draft store: :meth:`ActivityDialog.values` returns what is typed as a
plain dict (JSON-safe), :meth:`set_values` puts it back, and ``changed`` fires on every edit.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.activity import ActivityDraft, FieldProblem, check
from quynhnhai_desktop.domain.catalog import Catalog
from quynhnhai_desktop.domain.dates import format_date, parse_count, parse_date
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.limits import MAX_COUNT
from quynhnhai_desktop.gui.campaigns import picker
from quynhnhai_desktop.gui.forms.ui_activity_dialog import Ui_ActivityDialog
from quynhnhai_desktop.services import activities, campaigns, reference
from quynhnhai_desktop.services.database import Database

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5300;"
WARNINGS_BOX_STYLE = (
    "QLabel { background: #fff4d6; border: 1px solid #e0b84c; border-radius: 3px; padding: 6px; }"
)
STATUS_STYLE = "color: #1b6e20;"


if TYPE_CHECKING:
    from quynhnhai_desktop.gui.drafts import DraftKeeper
    from quynhnhai_desktop.gui.state import AppState
    from quynhnhai_desktop.gui.tasks import Progress
    from quynhnhai_desktop.services.drafts import Draft, DraftStore


class ActivityDialog(QDialog):
    """Add (``activity_id`` None) or edit one activity. ``saved`` fires after each save."""

    saved = Signal(object)  # services.activities.SaveResult
    changed = Signal()  # anything typed or picked (the draft store listens)

    def __init__(
        self,
        db: Database,
        commune_code: str,
        catalog: Catalog,
        *,
        activity_id: int | None = None,
        default_date: dt.date | None = None,
        drafts: DraftStore | None = None,
        parent: QWidget | None = None,
        preview: bool = False,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.commune_code = commune_code
        self.catalog = catalog
        self.activity_id = activity_id
        # The campaign editor's preview: *catalog* as a commune will see it (a campaign not
        # stored yet), never saved and never switched to another campaign.
        self.preview = preview
        self.lang = i18n.current_lang()
        self._saving = False
        self.ui = Ui_ActivityDialog()
        self.ui.setupUi(self)
        self._count_edits: dict[str, QLineEdit] = {}
        self._count_notes: dict[str, QLabel] = {}
        self._count_rows: dict[str, tuple[QLabel, QLineEdit, QLabel]] = {}
        self._errors = {
            "date": self.ui.dateError,
            "village": self.ui.villageError,
            "team": self.ui.teamError,
            "form": self.ui.formError,
            "topics": self.ui.topicsError,
            "note": self.ui.noteError,
        }
        for label in self._errors.values():
            label.setStyleSheet(ERROR_STYLE)
            label.hide()
        self.ui.warningsLabel.setStyleSheet(WARNINGS_BOX_STYLE)
        self.ui.warningsLabel.hide()
        self.ui.statusLabel.setStyleSheet(STATUS_STYLE)
        self._warning_timer = QTimer(self)
        self._warning_timer.setSingleShot(True)
        self._warning_timer.setInterval(0)
        self._warning_timer.timeout.connect(self._show_warnings)
        self._add_campaign_row()
        if activity_id is not None:  # an activity stays in the campaign it was recorded in
            self.catalog = campaigns.of_activity(self.db, activity_id)
        self._fill_lists()
        self._build_counts()
        self._connect()
        if activity_id is None:
            self.setWindowTitle(self.tr("New activity"))
            self.ui.dateEdit.setText(format_date(default_date or clock.today()))
            self._show_counts_for("")
            self._campaigns_for_date()
        else:
            self.setWindowTitle(self.tr("Edit activity"))
            self.ui.saveAnotherButton.hide()
            self._load(activity_id)
        if preview:
            for button in (self.ui.saveButton, self.ui.saveAnotherButton, self.ui.cancelButton):
                button.hide()
        self._as_opened = self.values()  # what Esc or Cancel can close without asking
        self.draft = self._keep_drafts(drafts) if drafts is not None else None
        self.ui.dateEdit.selectAll()
        self.ui.dateEdit.setFocus()

    def _keep_drafts(self, store: DraftStore) -> DraftKeeper:
        """Every edit goes to a draft file, so a power cut loses at most a moment of typing;
        a draft left by a crash is put back here (it wins over the saved record)."""
        from quynhnhai_desktop.gui.drafts import DraftKeeper

        key = "activity" if self.activity_id is None else f"activity:{self.activity_id}"
        keeper = DraftKeeper(self, store, key)
        self.changed.connect(keeper.changed)
        self.saved.connect(lambda _result: keeper.clear())  # "save and add another" too
        keeper.restore()
        return keeper

    # -- the campaign: asked only when several run on the entry's date ----------------

    def _add_campaign_row(self) -> None:
        self.campaignLabel = QLabel(self.tr("Campaign:"), self)
        self.campaignCombo = picker.campaign_combo(self, self.tr("Campaign"), width=20)
        self.campaignLabel.setBuddy(self.campaignCombo)
        self.ui.mainForm.insertRow(1, self.campaignLabel, self.campaignCombo)
        self.ui.mainForm.setRowVisible(1, False)
        self._running: list[str] = []

    def campaign_asked(self) -> bool:
        """The dialog shows the campaign question (several campaigns run on the date)."""
        return bool(self._running)

    def _campaigns_for_date(self) -> None:
        """The campaigns running on the typed date: one (or none) is taken without a
        question; with several the clerk picks (default: the one used last)."""
        if self.activity_id is not None or self.preview:
            return
        day = parse_date(self.ui.dateEdit.text())
        if day is None:
            return
        now = campaigns.running_on(self.db, day)
        combo = self.campaignCombo
        if len(now) <= 1:
            self._running = []
            self.ui.mainForm.setRowVisible(1, False)
            if now and now[0].id != self.catalog.id:
                self._use_campaign(now[0])
            return
        ids = [c.id for c in now]
        if ids != self._running:
            self._running = ids
            wanted = campaigns.preferred(self.db, day).id  # the one used last
            picker.fill(combo, now, wanted)
            self._campaign_chosen()
        self.ui.mainForm.setRowVisible(1, True)

    def _campaign_chosen(self) -> None:
        wanted = self.campaignCombo.currentData()
        if wanted and wanted != self.catalog.id:
            self._use_campaign(campaigns.campaign_for(self.db, str(wanted)))

    def _use_campaign(self, campaign: Catalog) -> None:
        """Forms, topics and counts follow the campaign; what is typed and still fits stays."""
        typed = self.values()
        self.catalog = campaign
        self.ui.formCombo.blockSignals(True)  # no "form changed" half-way through
        self.ui.topicsList.blockSignals(True)
        self.ui.formCombo.clear()
        self.ui.topicsList.clear()
        grid = self.ui.countsGrid
        for widgets in self._count_rows.values():
            for widget in widgets:
                grid.removeWidget(widget)
                widget.hide()  # gone now, not when the event loop deletes it
                widget.deleteLater()
        grid.removeWidget(self._no_form_label)
        self._no_form_label.hide()
        self._no_form_label.deleteLater()
        self._count_edits.clear()
        self._count_notes.clear()
        self._count_rows.clear()
        self._fill_campaign_lists()
        self.ui.formCombo.blockSignals(False)
        self.ui.topicsList.blockSignals(False)
        self._build_counts()
        for edit in self._count_edits.values():
            edit.textChanged.connect(self._edited)
        self.set_values(typed | {"campaign": campaign.id})
        self._edited()

    # -- building ---------------------------------------------------------------------

    def _fill_lists(self) -> None:
        villages = reference.entries(self.db, "village", self.commune_code, counted=False)
        teams = reference.entries(self.db, "team", self.commune_code, counted=False)
        combo = self.ui.villageCombo
        combo.add_entry(self.tr("Whole commune"), None)
        for village in villages:
            if village.active:
                combo.add_entry(village.name, village.id)
        self._inactive_villages = {v.id: v.name for v in villages if not v.active}
        for team in teams:
            if team.active:
                self.ui.teamCombo.add_entry(team.name, team.id)
        self._inactive_teams = {t.id: t.name for t in teams if not t.active}
        self.ui.teamCombo.setCurrentIndex(-1)
        self._fill_campaign_lists()

    def _asked(self, form_code: str) -> tuple[str, ...]:
        """The counts the form asks: a new entry leaves the campaign's retired ones out,
        an edit keeps those of the version it was recorded under."""
        form = self.catalog.form(form_code)
        return self.catalog.asked(form) if self.activity_id is None else form.indicators

    def _fill_campaign_lists(self) -> None:
        # A retired form or topic is no longer offered for a new entry (an edit keeps it).
        new = self.activity_id is None
        for form in self.catalog.offered_forms() if new else self.catalog.forms:
            self.ui.formCombo.add_entry(form.label(self.lang), form.code)
        self.ui.formCombo.setCurrentIndex(-1)
        for topic in self.catalog.offered_topics() if new else self.catalog.topics:
            item = QListWidgetItem(topic.label(self.lang), self.ui.topicsList)
            item.setData(Qt.ItemDataRole.UserRole, topic.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        topics = self.ui.topicsList
        row = topics.sizeHintForRow(0) + 2 * topics.spacing()  # every row, no scrolling
        topics.setFixedHeight(row * topics.count() + 2 * topics.frameWidth() + 4)
        self.ui.topicsList.setCurrentRow(0)

    def _build_counts(self) -> None:
        """One row per indicator of the catalog; only the chosen form's rows are shown."""
        grid = self.ui.countsGrid
        for row, indicator in enumerate(self.catalog.indicators):
            label = QLabel(indicator.label(self.lang) + ":", self.ui.countsBox)
            edit = QLineEdit(self.ui.countsBox)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            # Room for the largest count written 10.000.000 and one digit more, so a count
            # past the limit gets the limit's message, not a cut-off number.
            edit.setMaxLength(len(f"{MAX_COUNT:,}") + 1)
            edit.setFixedWidth(90)
            edit.setAccessibleName(indicator.label(self.lang))
            label.setBuddy(edit)
            note = QLabel(self.ui.countsBox)
            note.setWordWrap(True)
            note.setMinimumWidth(150)
            policy = note.sizePolicy()  # a long message wraps; it never widens the dialog
            policy.setHorizontalPolicy(policy.Policy.Ignored)
            note.setSizePolicy(policy)
            note.hide()
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(edit, row, 1)
            grid.addWidget(note, row, 2)
            self._count_edits[indicator.code] = edit
            self._count_notes[indicator.code] = note
            self._count_rows[indicator.code] = (label, edit, note)
        grid.setColumnStretch(2, 1)
        self._no_form_label = QLabel(self.tr("Choose the form first."), self.ui.countsBox)
        grid.addWidget(self._no_form_label, len(self.catalog.indicators), 0, 1, 3)

    def _connect(self) -> None:
        ui = self.ui
        ui.saveButton.clicked.connect(lambda: self._save(another=False))
        ui.saveAnotherButton.clicked.connect(lambda: self._save(another=True))
        ui.cancelButton.clicked.connect(self.cancel)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self._save_another_if_adding)
        ui.formCombo.currentIndexChanged.connect(self._form_changed)
        ui.formCombo.editTextChanged.connect(self._form_changed)
        ui.dateEdit.textChanged.connect(self._campaigns_for_date)
        self.campaignCombo.currentIndexChanged.connect(self._campaign_chosen)
        edits: list[Any] = [
            ui.dateEdit.textChanged,
            ui.villageCombo.editTextChanged,
            ui.teamCombo.editTextChanged,
            ui.formCombo.editTextChanged,
            ui.topicsList.itemChanged,
            ui.noteEdit.textChanged,
            *(edit.textChanged for edit in self._count_edits.values()),
        ]
        for signal in edits:
            signal.connect(self._edited)

    # -- closing without saving: ask first when something was typed ------------------

    def typed(self) -> bool:
        """Something differs from what the dialog opened with."""
        return self.values() != self._as_opened

    def cancel(self) -> None:
        """Cancel, Esc or the window's close button: ask before typed values are dropped."""
        if self._saving:  # a Save is on its way: it lands, then the dialog closes itself
            return
        if self.typed() and not self._discard_asked():
            return
        self.reject()

    def _discard_asked(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard what you typed?"),
            self.tr("This activity is not saved. Close and discard what you typed?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            event.accept()
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._saving:  # the Save lands first (then the dialog closes itself)
            event.ignore()
            return
        if self.isVisible() and self.result() == 0 and self.typed() and not self._discard_asked():
            event.ignore()
            return
        super().closeEvent(event)

    def _save_another_if_adding(self) -> None:
        self._save(another=self.activity_id is None)

    def _form_changed(self) -> None:
        found, code = self.ui.formCombo.resolve()
        self._show_counts_for(code if found else "")

    def _show_counts_for(self, form_code: str) -> None:
        asked = self._asked(form_code) if form_code else ()
        for code, widgets in self._count_rows.items():
            for widget in widgets[:2]:
                widget.setVisible(code in asked)
            if code not in asked:
                widgets[2].hide()
        self._no_form_label.setVisible(not asked)
        previous: QWidget = self.ui.topicsList
        for code in asked:  # Tab goes through the counts in the catalog's order
            self.setTabOrder(previous, self._count_edits[code])
            previous = self._count_edits[code]
        self.setTabOrder(previous, self.ui.noteEdit)

    def _edited(self) -> None:
        self.ui.statusLabel.clear()
        self.changed.emit()
        self._warning_timer.start()

    # -- values: the dict seam ------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """What is typed, as plain JSON-safe values (for a crash-draft store)."""
        form_found, form_code = self.ui.formCombo.resolve()
        return {
            "activity_id": self.activity_id,
            "date": self.ui.dateEdit.text(),
            "village": self.ui.villageCombo.currentText(),
            "team": self.ui.teamCombo.currentText(),
            "form": form_code if form_found else self.ui.formCombo.currentText(),
            "topics": self._checked_topics(),
            "counts": {
                code: edit.text() for code, edit in self._count_edits.items() if edit.text()
            },
            "note": self.ui.noteEdit.toPlainText(),
        } | ({"campaign": self.catalog.id} if self.campaign_asked() else {})

    def set_values(self, values: dict[str, Any]) -> None:
        """Put back what :meth:`values` returned."""
        self.ui.dateEdit.setText(str(values.get("date", "")))
        wanted = self.campaignCombo.findData(values.get("campaign", self.catalog.id))
        if self.campaign_asked() and wanted >= 0 and values.get("campaign") != self.catalog.id:
            self.campaignCombo.setCurrentIndex(wanted)  # the lists follow, then the values
        self.ui.villageCombo.setEditText(str(values.get("village", "")))
        self.ui.villageCombo.tidy()
        self.ui.teamCombo.setEditText(str(values.get("team", "")))
        self.ui.teamCombo.tidy()
        form = str(values.get("form", ""))
        index = self.ui.formCombo.findData(form)
        if index >= 0:
            self.ui.formCombo.setCurrentIndex(index)
        else:
            self.ui.formCombo.setEditText(form)
        topics = set(values.get("topics", ()))
        for row in range(self.ui.topicsList.count()):
            item = self.ui.topicsList.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in topics
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        counts = values.get("counts", {})
        for code, edit in self._count_edits.items():
            edit.setText(str(counts.get(code, "")))
        self.ui.noteEdit.setPlainText(str(values.get("note", "")))
        self._form_changed()

    def _checked_topics(self) -> list[str]:
        topics = self.ui.topicsList
        return [
            topics.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(topics.count())
            if topics.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _load(self, activity_id: int) -> None:
        draft = activities.load_draft(self.db, activity_id)
        for combo, ident, inactive in (
            (self.ui.villageCombo, draft.village_id, self._inactive_villages),
            (self.ui.teamCombo, draft.team_id, self._inactive_teams),
        ):
            if ident in inactive:  # a deactivated name stays on its old activities
                combo.add_entry(inactive[ident], ident)
            combo.select_data(ident)
        self.set_values(
            {
                "date": format_date(draft.date),
                "village": self.ui.villageCombo.currentText(),
                "team": self.ui.teamCombo.currentText(),
                "form": draft.form_code,
                "topics": list(draft.topics),
                "counts": {code: str(value) for code, value in draft.values.items()},
                "note": draft.note,
            }
        )

    # -- checking and saving ---------------------------------------------------------

    def _draft(self) -> tuple[ActivityDraft | None, list[FieldProblem]]:
        """The typed activity, or the problems that stop it from being one."""
        problems: list[FieldProblem] = []

        def problem(field: str, template: str, **params: object) -> None:
            problems.append(FieldProblem(field, UserError("ActivityDialog", template, **params)))

        day = parse_date(self.ui.dateEdit.text())
        if day is None:
            problem(
                "date",
                QT_TRANSLATE_NOOP(
                    "ActivityDialog", "Enter the date as dd/mm/yyyy, e.g. 15/09/2021."
                ),
            )
        village_found, village_id = self.ui.villageCombo.resolve()
        village_text = self.ui.villageCombo.currentText().strip()
        if village_text and not village_found:
            problem(
                "village",
                QT_TRANSLATE_NOOP(
                    "ActivityDialog",
                    "No village “{name}” in the list. Pick one, or add it under Lists.",
                ),
                name=village_text,
            )
        team_found, team_id = self.ui.teamCombo.resolve()
        if not self.ui.teamCombo.currentText().strip():
            problem("team", QT_TRANSLATE_NOOP("ActivityDialog", "Choose the team."))
        elif not team_found:
            problem(
                "team",
                QT_TRANSLATE_NOOP(
                    "ActivityDialog",
                    "No team “{name}” in the list. Pick one, or add it under Lists.",
                ),
                name=self.ui.teamCombo.currentText().strip(),
            )
        form_found, form_code = self.ui.formCombo.resolve()
        if not form_found:
            problem("form", QT_TRANSLATE_NOOP("ActivityDialog", "Choose the form."))
        values: dict[str, int] = {}
        asked = self._asked(form_code) if form_found else ()
        for code in asked:
            value = parse_count(self._count_edits[code].text())
            if value is None:
                problem(
                    f"value:{code}",
                    QT_TRANSLATE_NOOP("ActivityDialog", "Enter a whole number, 0 or more."),
                )
            elif value:
                values[code] = value
        topics = tuple(self._checked_topics())
        if day is None or not form_found:
            if not topics:
                problem("topics", QT_TRANSLATE_NOOP("ActivityDialog", "Choose at least one topic."))
            return None, problems
        draft = ActivityDraft(
            date=day,
            team_id=int(team_id) if team_found else 0,
            form_code=str(form_code),
            topics=topics,
            values=values,
            village_id=int(village_id) if village_id else None,
            note=self.ui.noteEdit.toPlainText(),
        )
        problems += check(draft, self.catalog)  # the catalog's rules: all mistakes at once
        return (None if problems else draft), problems

    def _show_problems(self, problems: list[FieldProblem]) -> None:
        shown: dict[str, list[str]] = {}
        for found in problems:
            shown.setdefault(found.field, []).append(i18n.message(found.error))
        for field, label in self._errors.items():
            label.setText("\n".join(shown.get(field, [])))
            label.setVisible(field in shown)
        for code, note in self._count_notes.items():
            messages = shown.get(f"value:{code}")
            note.setStyleSheet(ERROR_STYLE)
            note.setText("\n".join(messages or []))
            note.setVisible(bool(messages))
        general = shown.get("", [])
        self.ui.statusLabel.setStyleSheet(ERROR_STYLE)
        self.ui.statusLabel.setText("\n".join(general))
        first = problems[0].field if problems else ""
        target = {
            "date": self.ui.dateEdit,
            "village": self.ui.villageCombo,
            "team": self.ui.teamCombo,
            "form": self.ui.formCombo,
            "topics": self.ui.topicsList,
            "note": self.ui.noteEdit,
        }.get(first) or self._count_edits.get(first.removeprefix("value:"))
        if target is not None:
            target.setFocus()

    def _show_warnings(self) -> None:
        """Live warnings under the form and beside odd counts; errors wait for Save."""
        draft, _problems = self._draft()
        for note in self._count_notes.values():
            if note.styleSheet() == WARNING_STYLE:
                note.hide()
        if draft is None:
            self.ui.warningsLabel.hide()
            return
        found = activities.warnings(
            self.db, self.commune_code, draft, self.catalog, exclude_id=self.activity_id
        )
        general = []
        for warning in found:
            text = i18n.message(warning.error)
            beside = self._count_notes.get(warning.field.removeprefix("value:"))
            if warning.field.startswith("value:") and beside is not None:
                beside.setStyleSheet(WARNING_STYLE)
                beside.setText(text)
                beside.show()
            else:
                general.append(text)
        self.ui.warningsLabel.setText("<br>".join(f"⚠ {line}" for line in general))
        self.ui.warningsLabel.setVisible(bool(general))

    def _save(self, *, another: bool) -> None:
        if self.preview:  # a campaign not sent yet: nothing to save it in
            return
        draft, problems = self._draft()
        if draft is None:
            self._show_problems(problems)
            return
        if self.saving or not self._confirm_warnings(draft):
            return
        from quynhnhai_desktop.gui.ops import ops

        db, commune, activity_id, catalog = (
            self.db,
            self.commune_code,
            self.activity_id,
            self.catalog,
        )
        remember = self.campaign_asked()

        def work(_progress: Progress) -> activities.SaveResult:
            result = activities.save(db, commune, activity_id, draft, catalog)
            if remember:
                campaigns.remember(db, catalog.id)  # the next entry's default
            return result

        self._set_saving(True)
        ops().write(  # on the writer lane: after an import or a backup already running
            self,
            work,
            lambda result: self._landed(result, draft, another=another),
            self._refused,
            changes=("activities",),
        )

    @property
    def saving(self) -> bool:
        """A Save is on its way to the database (the buttons wait for it)."""
        return self._saving

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for button in (self.ui.saveButton, self.ui.saveAnotherButton):
            button.setEnabled(not saving)
        if saving:
            self.ui.statusLabel.setStyleSheet(STATUS_STYLE)
            self.ui.statusLabel.setText(self.tr("Saving…"))

    def _landed(
        self, result: activities.SaveResult, draft: ActivityDraft, *, another: bool
    ) -> None:
        self._set_saving(False)
        self.ui.statusLabel.clear()
        log.info("activity %s saved", result.activity_id)
        self._show_problems([])
        self.saved.emit(result)
        if not another:
            self.accept()
            return
        self._start_next(draft)

    def _refused(self, error: BaseException) -> None:
        """Nothing was written: the reason (the app's own words) under the fields."""
        from quynhnhai_desktop.gui.ops import present

        self._set_saving(False)
        self._show_problems([])
        self.ui.statusLabel.setText(present(error, "save"))

    def _confirm_warnings(self, draft: ActivityDraft) -> bool:
        """The implausible-count and likely-duplicate checks, now (Save may come before the
        live warnings): when one fires, show it and ask "Save anyway?"."""
        self._warning_timer.stop()
        found = activities.doubts(
            self.db, self.commune_code, draft, self.catalog, exclude_id=self.activity_id
        )
        self._show_warnings()
        if not found:
            return True
        lines = "\n".join(f"• {i18n.message(warning.error)}" for warning in found)
        answer = QMessageBox.question(
            self,
            self.tr("Save anyway?"),
            self.tr("Please check:\n{warnings}\n\nSave anyway?").format(warnings=lines),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            return True
        first = found[0].field
        target = self._count_edits.get(first.removeprefix("value:")) or self.ui.formCombo
        target.setFocus()
        return False

    def _start_next(self, previous: ActivityDraft) -> None:
        """Keep date, village and team; clear the rest; continue at the form."""
        self.ui.formCombo.setCurrentIndex(-1)
        self.ui.formCombo.setEditText("")
        for row in range(self.ui.topicsList.count()):
            self.ui.topicsList.item(row).setCheckState(Qt.CheckState.Unchecked)
        self.ui.topicsList.setCurrentRow(0)
        for edit in self._count_edits.values():
            edit.clear()
        self.ui.noteEdit.clear()
        self._show_counts_for("")
        self.ui.warningsLabel.hide()
        self.ui.statusLabel.setStyleSheet(STATUS_STYLE)
        self.ui.statusLabel.setText(
            self.tr("Saved: {date}, {form}. Enter the next one.").format(
                date=format_date(previous.date),
                form=self.catalog.form(previous.form_code).label(self.lang),
            )
        )
        self.ui.formCombo.setFocus()
        self._as_opened = self.values()  # the kept date, village and team are not "typed"


def open_draft(parent: QWidget, state: AppState, draft: Draft) -> None:
    """Reopen an entry a crash interrupted: the activity list opens the dialog, whose
    draft keeper puts the typed values back (registered in gui/drafts.OPENERS)."""
    _form, _sep, record = draft.key.partition(":")
    window = parent
    page = window.show_section("activities")  # type: ignore[attr-defined]
    page._open_dialog(int(record) if record.isdigit() else None)
