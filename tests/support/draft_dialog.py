"""A small real entry dialog that keeps a draft: the seam gui/drafts.py asks of a form.

It saves a direct-outreach activity through the real service; the activity dialog of the
app implements the same two methods (values / set_values) and the same three lines.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from sqlmodel import select

from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.gui.drafts import DraftKeeper
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import activities
from quynhnhai_desktop.services.drafts import Draft, DraftStore
from quynhnhai_desktop.store.models import Team

KEY = "test-note"


class NoteDialog(QDialog):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle("Ghi hoạt động")
        self.date = QDateEdit(QDate(2021, 9, 15))
        self.people = QSpinBox()
        self.people.setRange(0, 10_000)
        self.note = QLineEdit()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Ngày", self.date)
        form.addRow("Số người", self.people)
        form.addRow("Ghi chú", self.note)
        form.addRow(self.buttons)
        self.saved_id: int | None = None
        self.draft = DraftKeeper(self, DraftStore.for_paths(state.paths), KEY)
        self.draft.watch()
        self.draft.restore()

    def values(self) -> dict[str, Any]:
        return {
            "date": self.date.date().toPython().isoformat(),  # type: ignore[union-attr]
            "people": self.people.value(),
            "note": self.note.text(),
        }

    def set_values(self, values: dict[str, Any]) -> None:
        day = dt.date.fromisoformat(values["date"])
        self.date.setDate(QDate(day.year, day.month, day.day))
        self.people.setValue(int(values["people"]))
        self.note.setText(str(values["note"]))

    def save(self) -> None:
        catalog = first_campaign()
        with self.state.db.session() as session:
            team = session.exec(select(Team)).first()
            assert team is not None and team.id is not None
            draft = activities.ActivityDraft(
                date=dt.date.fromisoformat(self.values()["date"]),
                team_id=team.id,
                form_code="direct",
                topics=("bluezone",),
                values={"people": self.people.value()},
                note=self.note.text(),
            )
            activities.validate(draft, catalog)
            text = activities.search_text(draft, catalog, "", team.name)
            [self.saved_id] = activities.record_many(session, "03703", [(draft, text)])
        self.accept()


def open_note_draft(parent: QWidget, state: AppState, draft: Draft) -> None:
    """The opener registered for the form: what the window calls to offer a draft back."""
    dialog = NoteDialog(state, parent)
    dialog.show()
    OPENED.append(dialog)


OPENED: list[NoteDialog] = []
