"""Settings: who this installation is, who signs, where the data lives."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from quynhnhai_desktop import i18n
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

        language_box = QGroupBox(self.tr("Language"), self)  # first in the Tab order
        language_form = QFormLayout(language_box)
        self.language_combo = QComboBox(language_box)
        self.language_combo.setObjectName("languageCombo")
        for code, name in LANGUAGE_NAMES:  # each language in its own words
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(self.language_combo.findData(i18n.current_lang()))
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        language_label = QLabel(self.tr("&Interface language:"), language_box)
        language_label.setBuddy(self.language_combo)
        language_form.addRow(language_label, self.language_combo)

        from quynhnhai_desktop.gui.backup.group import BackupGroup

        self.backup_group = BackupGroup(state, self)  # after the language: Tab reads down
        layout = QVBoxLayout(self)
        layout.addWidget(language_box)
        layout.addWidget(unit_box)
        layout.addWidget(data_box)
        layout.addWidget(self.backup_group, 1)

    def _language_chosen(self) -> None:
        """Switch at once (the main window rebuilds its pages, this one included)."""
        lang = self.language_combo.currentData()
        window = self.window()
        set_language = getattr(window, "set_language", None)
        if set_language is not None:
            QTimer.singleShot(0, lambda: set_language(lang))


LANGUAGE_NAMES = (("vi", "Tiếng Việt"), ("en", "English"))
