"""Settings: who this installation is, who signs, where the data lives."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import identity


class SettingsPage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        profile, paths = state.profile, state.paths
        unit_box = QGroupBox(self.tr("This installation"))
        unit_form = QFormLayout(unit_box)
        mode = self.tr("Commune") if profile.mode == "commune" else self.tr("District")
        unit_form.addRow(self.tr("Mode:"), QLabel(mode))
        unit_form.addRow(
            self.tr("Unit:"),
            QLabel(f"{profile.unit_kind} {profile.unit_name} ({profile.unit_code})"),
        )
        unit_form.addRow(self.tr("Reports go to:"), QLabel(profile.recipient))
        unit_form.addRow(self.tr("Signer:"), QLabel(profile.signer_name))
        unit_form.addRow(self.tr("Title:"), QLabel(profile.signer_title.replace("\n", " / ")))
        key = QLabel(identity.load_or_create(paths.keys_dir).fingerprint)
        key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key.setToolTip(
            self.tr("Read this aloud to the district when they ask to confirm your reports.")
        )
        unit_form.addRow(self.tr("Signing key:"), key)
        key = QLabel(identity.load_or_create(paths.keys_dir).fingerprint)
        key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key.setToolTip(
            self.tr("Read this aloud to the district when they ask to confirm your reports.")
        )
        unit_form.addRow(self.tr("Signing key:"), key)

        data_box = QGroupBox(self.tr("Data"))
        data_form = QFormLayout(data_box)
        for label, path in (
            (self.tr("Data folder:"), paths.data_dir),
            (self.tr("Database:"), paths.database),
            (self.tr("Log file:"), paths.log_file),
        ):
            value = QLabel(str(path))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            data_form.addRow(label, value)

        from quynhnhai_desktop.gui.backup.group import BackupGroup

        self.backup_group = BackupGroup(state, self)
        layout = QVBoxLayout(self)
        layout.addWidget(unit_box)
        layout.addWidget(data_box)
        layout.addWidget(self.backup_group, 1)
