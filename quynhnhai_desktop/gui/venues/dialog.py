"""The venue form: add a venue or edit one; saving goes through the venue service."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.catalog import venue_categories
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.domain.venues import format_phone
from quynhnhai_desktop.gui.date_box import DateRange, qdate
from quynhnhai_desktop.gui.forms.ui_venue_dialog import Ui_VenueDialog
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import venues

log = logging.getLogger(__name__)


class VenueDialog(QDialog):
    """Opens empty for a new venue, or filled from *venue_id*; Save validates and writes."""

    def __init__(
        self, state: AppState, venue_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.venue_id = venue_id
        self.saved_id: int | None = None
        self.ui = Ui_VenueDialog()
        self.ui.setupUi(self)
        commune = state.profile.unit_code
        lang = i18n.current_lang()
        for category in venue_categories():
            self.ui.categoryCombo.addItem(category.label(lang), category.code)
        self.ui.statusCombo.addItem(self.tr("Open"), "active")
        self.ui.statusCombo.addItem(self.tr("Closed"), "closed")
        self.ui.villageCombo.addItem(self.tr("(no village)"), None)
        started = venues.form(state.db, commune, venue_id)
        venue, next_code = started.venue, started.next_code
        for village in started.villages:
            if village.active or (venue is not None and venue.village_id == village.id):
                self.ui.villageCombo.addItem(village.name, village.id)
        self.ui.registeredDate.setDate(qdate(clock.today()))
        self.registered_range = DateRange(  # typed freely, checked when left (and on Save)
            self.ui.registeredDate, venues.EARLIEST_REGISTRATION, message_label=self.ui.errorLabel
        )
        self.ui.registeredCheck.toggled.connect(self.ui.registeredDate.setEnabled)
        self.ui.registeredDate.setEnabled(False)
        if venue is None:
            self.setWindowTitle(self.tr("New venue"))
            self.ui.codeEdit.setPlaceholderText(
                self.tr("Leave empty for {code}").format(code=next_code)
            )
            self.ui.postersInfo.setText(self.tr("none yet"))
        else:
            self.setWindowTitle(self.tr("Venue {code}").format(code=venue.code))
            self._fill(venue)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        self.ui.nameEdit.setFocus()

    def _fill(self, venue: venues.VenueRow) -> None:
        ui = self.ui
        ui.codeEdit.setText(venue.code)
        ui.codeEdit.setReadOnly(True)
        ui.codeEdit.setToolTip(self.tr("A venue's code never changes: printed posters carry it."))
        ui.nameEdit.setText(venue.name)
        ui.categoryCombo.setCurrentIndex(max(ui.categoryCombo.findData(venue.category), 0))
        ui.villageCombo.setCurrentIndex(max(ui.villageCombo.findData(venue.village_id), 0))
        ui.addressEdit.setText(venue.address)
        ui.contactEdit.setText(venue.contact_name)
        ui.phoneEdit.setText(format_phone(venue.phone))
        ui.registeredCheck.setChecked(venue.registered)
        if venue.registered_on is not None:
            day = venue.registered_on
            ui.registeredDate.setDate(QDate(day.year, day.month, day.day))
        ui.qrEdit.setPlainText(venue.qr_content)
        ui.statusCombo.setCurrentIndex(max(ui.statusCombo.findData(venue.status), 0))
        if venue.posters_printed and venue.last_printed_at is not None:
            when = venue.last_printed_at.astimezone().strftime("%d/%m/%Y")
            ui.postersInfo.setText(
                self.tr("{count}, last on {date}").format(count=venue.posters_printed, date=when)
            )
        else:
            ui.postersInfo.setText(self.tr("none yet"))

    def draft(self) -> venues.VenueDraft:
        """What the form holds now, as the service takes it."""
        ui = self.ui
        registered = ui.registeredCheck.isChecked()
        registered_on: dt.date | None = None
        if registered:
            date = ui.registeredDate.date()
            registered_on = dt.date(date.year(), date.month(), date.day())
        return venues.VenueDraft(
            name=ui.nameEdit.text(),
            category=ui.categoryCombo.currentData(),
            village_id=ui.villageCombo.currentData(),
            address=ui.addressEdit.text(),
            contact_name=ui.contactEdit.text(),
            phone=ui.phoneEdit.text(),
            registered=registered,
            registered_on=registered_on,
            qr_content=ui.qrEdit.toPlainText(),
            status=ui.statusCombo.currentData(),
            code=ui.codeEdit.text(),
        )

    def accept(self) -> None:
        """Save in one transaction; a refused draft keeps the dialog open with the reason."""
        if self.ui.registeredCheck.isChecked() and not self.registered_range.check():
            self.ui.registeredDate.setFocus()
            return
        draft = self.draft()
        try:
            self.saved_id = venues.save(
                self.state.db, self.state.profile.unit_code, self.venue_id, draft
            )
        except UserError as error:
            self.ui.errorLabel.setText(i18n.message(error))
            return
        super().accept()
