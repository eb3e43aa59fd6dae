"""Settings: who this installation is, who signs, where the data lives."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import identity, unit_history
from quynhnhai_desktop.services import profile as profile_service


class SignerGroup(QGroupBox):
    """Who signs the reports and to whom they go: edited here, used by the next report."""

    saved = Signal()

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Who signs the reports"), parent)
        self.state = state
        profile = state.profile
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        self.recipient_combo = QComboBox(self)
        self.recipient_combo.setObjectName("recipientCombo")
        self.recipient_combo.setEditable(True)
        self.recipient_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.recipient_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.recipient_combo.setMinimumContentsLength(20)
        default = profile_service.default_recipient(profile)
        for choice in dict.fromkeys((profile.recipient, default)):
            self.recipient_combo.addItem(choice)
        self.recipient_combo.setCurrentIndex(0)
        self._show_start()
        self.recipient_combo.setToolTip(
            self.tr("Usual for this unit: {recipient}").format(recipient=default)
        )
        self.body_edit: QLineEdit | None = None
        if profile_service.consolidates(profile):  # who issues the consolidated report
            self.body_edit = QLineEdit(profile_service.issuing_body(profile), self)
            self.body_edit.setObjectName("issuingBodyEdit")
            self.body_edit.setPlaceholderText(
                profile_service.DEFAULT_ISSUING_BODY.get(profile.mode, "")
            )
            self.body_edit.setToolTip(
                self.tr("The office printed at the head of the consolidated report.")
            )
        self.signature_edit = QLineEdit(profile_service.signature_line(profile), self)
        self.signature_edit.setObjectName("signatureLineEdit")
        self.signature_edit.setPlaceholderText("TM. ỦY BAN NHÂN DÂN")
        self.title_edit = QLineEdit(profile.signer_title.replace("\n", " / "), self)
        self.title_edit.setObjectName("signerTitleEdit")
        self.title_edit.setPlaceholderText("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
        self.title_edit.setToolTip(self.tr('One line a part, separated by "/".'))
        self.name_edit = QLineEdit(profile.signer_name, self)
        self.name_edit.setObjectName("signerNameEdit")
        self.copies_edit = QPlainTextEdit("\n".join(profile_service.copies_to(profile)), self)
        self.copies_edit.setObjectName("copiesEdit")
        self.copies_edit.setTabChangesFocus(True)
        self.copies_edit.setToolTip(
            self.tr('One recipient a line; the filing line ("Lưu: …") last.')
        )
        line_height = self.copies_edit.fontMetrics().lineSpacing()
        self.copies_edit.setFixedHeight(line_height * 4 + 12)
        self._show_start()
        rows: list[tuple[str, QWidget]] = []
        if self.body_edit is not None:
            rows.append((self.tr("Iss&uing body:"), self.body_edit))
        for text, field in (
            *rows,
            (self.tr("Re&port to:"), self.recipient_combo),
            (self.tr("Sig&ns for:"), self.signature_edit),
            (self.tr("&Title:"), self.title_edit),
            (self.tr("Signer's na&me:"), self.name_edit),
            (self.tr("&Copies to:"), self.copies_edit),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)

        self.save_button = QPushButton(self.tr("Sa&ve signer"), self)
        self.save_button.setObjectName("saveSignerButton")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.status)  # its own row: a wrapped message is never cut in half

    def _show_start(self) -> None:
        """The start of a long text shows, not its end."""
        edits = [self.recipient_combo.lineEdit()]
        edits += [
            getattr(self, name, None)
            for name in ("signature_edit", "title_edit", "name_edit", "body_edit")
        ]
        for edit in edits:
            if isinstance(edit, QLineEdit):
                edit.setCursorPosition(0)

    def change(self) -> profile_service.SignerChange:
        return profile_service.SignerChange(
            signer_name=self.name_edit.text(),
            signer_title=self.title_edit.text(),
            signature_line=self.signature_edit.text(),
            recipient=self.recipient_combo.currentText(),
            copies_to=self.copies_edit.toPlainText(),
            issuing_body=self.body_edit.text() if self.body_edit is not None else None,
        )

    def save(self) -> bool:
        try:
            updated = profile_service.update_signer(self.state.db, self.change())
        except UserError as error:
            QMessageBox.warning(self, self.tr("Not saved"), i18n.message(error))
            return False
        self.state.profile = updated
        self.title_edit.setText(updated.signer_title.replace("\n", " / "))
        self.signature_edit.setText(profile_service.signature_line(updated))
        self.name_edit.setText(updated.signer_name)
        self.recipient_combo.setEditText(updated.recipient)
        self._show_start()
        self.copies_edit.setPlainText("\n".join(profile_service.copies_to(updated)))
        if self.body_edit is not None:
            self.body_edit.setText(profile_service.issuing_body(updated))
        self.status.setText(
            self.tr("Saved. The next report uses it; reports already sent keep theirs.")
        )
        self.saved.emit()
        return True


class SettingsPage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        profile, paths = state.profile, state.paths
        content = QWidget()
        language_box = QGroupBox(self.tr("Language"), content)  # first in the Tab order
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

        unit_box = QGroupBox(self.tr("This installation"), content)
        self.unit_form = unit_form = QFormLayout(unit_box)
        unit_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        levels = {
            "commune": self.tr("Commune"),
            "district": self.tr("District"),
            "province": self.tr("Province"),
        }
        mode = levels.get(profile.mode, profile.mode)
        unit_form.addRow(self.tr("Mode:"), QLabel(mode))
        current = unit_history.identities(state.db)
        shown = (
            unit_history.label(current[-1])
            if current
            else f"{profile.unit_code} {profile.unit_kind} {profile.unit_name}"
        )
        unit_label = QLabel(shown)
        unit_label.setWordWrap(True)
        unit_form.addRow(self.tr("Unit:"), unit_label)
        key = QLabel(identity.load_or_create(paths.keys_dir).fingerprint)
        key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key.setWordWrap(True)
        key.setToolTip(
            self.tr("Read this aloud to the district when they ask to confirm your reports.")
        )
        unit_form.addRow(self.tr("Signing key:"), key)

        from quynhnhai_desktop.gui.unit_move import UnitMoveGroup

        self.move_group = UnitMoveGroup(state, content)
        self.move_group.moved.connect(self._moved)
        self.signer_group = SignerGroup(state, content)
        self.signer_group.saved.connect(self._signer_saved)

        data_box = QGroupBox(self.tr("Data"), content)
        data_form = QFormLayout(data_box)
        data_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
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

        self.backup_group = BackupGroup(state, content)  # after the signer: Tab reads down
        # Two columns (a 1024×600 screen has width to spare, not height); the page scrolls
        # when the window is smaller still.
        grid = QGridLayout(content)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(language_box)
        left.addWidget(unit_box)
        left.addWidget(self.move_group)
        left.addWidget(self.signer_group)
        left.addStretch(1)
        right.addWidget(self.backup_group, 1)
        right.addWidget(data_box)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("settingsScroll")
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

    def back_up(self) -> None:
        """Tệp → Sao lưu ra tệp…: what the backup group's button does."""
        self.scroll_area.ensureWidgetVisible(self.backup_group)
        self.backup_group.create_button.click()

    def _signer_saved(self) -> None:
        refresh = getattr(self.window(), "refresh_status", None)
        if callable(refresh):
            refresh()

    def _moved(self) -> None:
        """Every page again: they show (and report as) the new unit."""
        window = self.window()
        reload = getattr(window, "reload_pages", None)
        if callable(reload):
            QTimer.singleShot(0, reload)
        self._signer_saved()

    def _language_chosen(self) -> None:
        """Switch at once (the main window rebuilds its pages, this one included)."""
        lang = self.language_combo.currentData()
        window = self.window()
        set_language = getattr(window, "set_language", None)
        if set_language is not None:
            QTimer.singleShot(0, lambda: set_language(lang))


LANGUAGE_NAMES = (("vi", "Tiếng Việt"), ("en", "English"))
