"""The question before a restore: what the backup holds, and that it replaces everything."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from quynhnhai_desktop.gui.backup.model import format_size
from quynhnhai_desktop.services.backup import BackupSummary


class RestoreDialog(QDialog):
    def __init__(
        self, summary: BackupSummary, current_unit_code: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumWidth(520)
        number = QLocale().toString
        heading = QLabel(self.tr("<b>Replace all the current data with this backup?</b>"))
        heading.setWordWrap(True)

        form = QFormLayout()
        rows: list[tuple[str, str]] = [
            (self.tr("File:"), f"{summary.file_name} ({format_size(summary.size)})"),
            (self.tr("Unit:"), summary.unit),
        ]
        counts = summary.counts
        if summary.first_date and summary.last_date:
            activities = self.tr("{count}, from {first} to {last}").format(
                count=number(counts.get("activities", 0)),
                first=f"{summary.first_date:%d/%m/%Y}",
                last=f"{summary.last_date:%d/%m/%Y}",
            )
        else:
            activities = self.tr("none")
        rows.append((self.tr("Activities:"), activities))
        rows.append(
            (
                self.tr("Lists:"),
                self.tr("{villages} villages, {teams} teams, {venues} venues").format(
                    villages=number(counts.get("villages", 0)),
                    teams=number(counts.get("teams", 0)),
                    venues=number(counts.get("venues", 0)),
                ),
            )
        )
        if summary.last_change:
            rows.append((self.tr("Last change:"), f"{summary.last_change:%d/%m/%Y %H:%M}"))
        if summary.needs_upgrade:
            rows.append(
                (
                    self.tr("Version:"),
                    self.tr("made by an older version of the app; it will be upgraded"),
                )
            )
        self.values: dict[str, QLabel] = {}
        for label, value in rows:
            shown = QLabel(value)
            shown.setWordWrap(True)
            form.addRow(label, shown)
            self.values[label] = shown

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        self.other_unit: QLabel | None = None
        if current_unit_code and current_unit_code != summary.unit_code:
            self.other_unit = QLabel(
                self.tr(
                    "Careful: this backup belongs to {unit}, not to the unit set up on this "
                    "computer."
                ).format(unit=summary.unit)
            )
            self.other_unit.setWordWrap(True)
            self.other_unit.setStyleSheet("color: #a40000; font-weight: bold")
            layout.addWidget(self.other_unit)
        note = QLabel(
            self.tr(
                "The current data is backed up first (Settings → Backup, “before a restore”), "
                "so this step can be undone."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)  # Enter must not replace the data
        cancel.setFocus()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
