"""First-run set-up: commune or district, which unit, who signs. Writes the profile."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.domain.units import UnitRegistry, default_units
from quynhnhai_desktop.gui.forms.ui_setup_wizard import Ui_SetupWizard
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.services.database import Database

DAY_ROLE = Qt.ItemDataRole.UserRole + 1  # the date the unit record is valid on (reused codes)


class SetupWizard(QWizard):
    """Three short pages; the last one saves through the same service as `quynhnhai init`."""

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        units: UnitRegistry | None = None,
        keys_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.keys_dir = keys_dir
        self.units = units or default_units()
        self.ui = Ui_SetupWizard()
        self.ui.setupUi(self)
        self.ui.signerPage.validatePage = self._save  # type: ignore[method-assign]
        self.ui.signerPage.registerField("signerName*", self.ui.signerName)
        self.ui.communeMode.toggled.connect(self._fill_units)
        self._fill_units()

    def mode(self) -> profile_service.Mode:
        return "commune" if self.ui.communeMode.isChecked() else "district"

    def _fill_units(self) -> None:
        commune = self.mode() == "commune"
        self.ui.villagesLabel.setVisible(commune)  # a district has no villages of its own
        self.ui.villagesEdit.setVisible(commune)
        combo = self.ui.unitCombo
        combo.clear()
        # Today's units first (the 2025 communes), then those of 2021 with their end date.
        listed = sorted(
            self.units.of_level(self.mode()), key=lambda u: u.valid_to or dt.date.max, reverse=True
        )
        for unit in listed:
            day = unit.valid_to or unit.valid_from
            parent = self.units.get(unit.parent, day) if unit.parent else None
            suffix = f" — {parent.full_name}" if parent else ""
            if unit.valid_to is not None:
                dates = self.tr("until {day}").format(day=f"{unit.valid_to:%d/%m/%Y}")
            elif unit.valid_from > dt.date(1900, 1, 1):
                dates = self.tr("from {day}").format(day=f"{unit.valid_from:%d/%m/%Y}")
            else:
                dates = ""
            label = f"{unit.code}, {dates}" if dates else unit.code
            combo.addItem(f"{unit.full_name}{suffix} ({label})", unit.code)
            combo.setItemData(combo.count() - 1, day.isoformat(), DAY_ROLE)

    def _save(self) -> bool:
        combo = self.ui.unitCombo
        request = profile_service.SetupRequest(
            mode=None,  # the level is the unit's own, read from the registry
            unit_code=combo.currentData(),
            on=dt.date.fromisoformat(combo.itemData(combo.currentIndex(), DAY_ROLE)),
            signer_name=self.ui.signerName.text(),
            signer_title=self.ui.signerTitle.currentText(),
            villages=profile_service.village_lines(self.ui.villagesEdit.toPlainText())
            if self.mode() == "commune"
            else (),
        )
        try:
            profile_service.set_up(self.db, request, self.units, keys_dir=self.keys_dir)
        except UserError as error:
            self.ui.errorLabel.setText(i18n.message(error))
            return False
        return True
