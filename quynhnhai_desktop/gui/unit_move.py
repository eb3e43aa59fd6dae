"""Settings → "The unit over time": the installation's identities with their dates, and
the move of a 2021 commune to the commune it was merged into on 1/7/2025."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import unit_history
from quynhnhai_desktop.store.models import Profile


def pending_move(state: AppState) -> unit_history.MovePlan | None:
    """The move this installation's unit has before it (its unit ended and was merged into
    another that keeps its code), or None."""
    from quynhnhai_desktop.domain.units import default_units

    profile = state.profile
    units = default_units()
    here = f"{profile.unit_kind} {profile.unit_name}"
    mine = [u for u in units.units if u.code == profile.unit_code and u.full_name == here]
    ended = [u.valid_to for u in mine if u.valid_to is not None]
    if not ended:
        return None
    day = ended[0] + dt.timedelta(days=1)
    successor = units.successor(profile.unit_code, day)
    if successor is None:
        return None
    try:
        with state.db.read_session() as session:
            return unit_history.plan_move(session, successor.code, day, units)
    except UserError:
        return None


class UnitMoveGroup(QGroupBox):
    """Who the installation was and when; the move across the 2025 reform."""

    moved = Signal(Profile)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("The unit over time"), parent)
        self.state = state
        layout = QVBoxLayout(self)
        with state.db.read_session() as session:
            identities = unit_history.history(session)
        self.history_labels: list[QLabel] = []
        for identity in identities:
            text = unit_history.label(identity)
            if identity.valid_to is not None:
                text = self.tr("{unit} — reports went to: {recipient}").format(
                    unit=text, recipient=identity.recipient
                )
            label = QLabel(text, self)
            label.setWordWrap(True)
            layout.addWidget(label)
            self.history_labels.append(label)
        self.plan = pending_move(state)
        self.move_button = QPushButton(self)
        self.move_button.setObjectName("moveUnitButton")
        self.note = QLabel(self)
        self.note.setObjectName("moveNote")
        self.note.setWordWrap(True)
        if self.plan is not None:
            self.note.setText(
                self.tr(
                    "{old} was merged into {new} on {day}. Move this installation: months "
                    "from then on are reported as the new commune, to {recipient}; earlier "
                    "months keep the old name."
                ).format(
                    old=self.plan.old.full_name,
                    new=self.plan.new.dated_label,
                    day=f"{self.plan.on:%d/%m/%Y}",
                    recipient=self.plan.recipient,
                )
            )
            self.move_button.setText(
                self.tr("&Move to {unit}…").format(unit=self.plan.new.full_name)
            )
            self.move_button.clicked.connect(self.move_unit)
            row = QHBoxLayout()
            row.addWidget(self.move_button)
            row.addStretch(1)
            layout.addWidget(self.note)
            layout.addLayout(row)
        else:
            self.move_button.hide()
            self.note.hide()
        # Nothing to tell beyond the unit line above: one identity and no move before it.
        self.setVisible(self.plan is not None or len(identities) > 1)

    def move_unit(self) -> bool:
        plan = self.plan
        if plan is None:
            return False
        asked = QMessageBox.question(
            self,
            self.tr("Move the installation"),
            self.tr(
                "Move {old} to {new} from {day}?\n\nReports from {day} on carry the new "
                "name and go to {recipient}. Reports of earlier months keep the old name, "
                "code and recipient."
            ).format(
                old=plan.old.dated_label,
                new=plan.new.dated_label,
                day=f"{plan.on:%d/%m/%Y}",
                recipient=plan.recipient,
            ),
        )
        if asked != QMessageBox.StandardButton.Yes:
            return False
        try:
            _plan, profile = unit_history.move(self.state.db, plan.new.code, plan.on)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Not moved"), i18n.message(error))
            return False
        self.state.profile = profile
        self.moved.emit(profile)
        return True
