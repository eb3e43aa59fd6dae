"""Section Chiến dịch: the campaigns this installation knows.

Every office reads them here (running dates, version, directive, forms and indicators) and
imports a campaign file from the upper level (its key's fingerprint shown on first use, to
compare by phone). The district or province also writes campaigns (a new one, or a new
version of one) and exports each as a signed ``.qncampaign`` file for the communes.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.campaign import Campaign
from quynhnhai_desktop.domain.dates import format_date
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.gui.ops import present
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.gui.table_model import ReadOnlyTableModel
from quynhnhai_desktop.services import campaign_files, campaigns
from quynhnhai_desktop.services import profile as profile_service


class CampaignsModel(ReadOnlyTableModel[Campaign]):
    """One row per campaign (its newest version): title, runs, version, directive."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent=parent)
        self.lang = i18n.current_lang()
        self._headers = [
            self.tr("Campaign"),
            self.tr("Runs"),
            self.tr("Version"),
            self.tr("Directive"),
        ]

    def campaign(self, row: int) -> Campaign:
        return self.row_at(row)

    def runs(self, campaign: Campaign) -> str:
        if campaign.runs_to is None:
            return self.tr("from {start}").format(start=format_date(campaign.runs_from))
        return f"{format_date(campaign.runs_from)} – {format_date(campaign.runs_to)}"

    def cell(self, campaign: Campaign, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return campaign.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return campaign.title[self.lang]
        if column == 1:
            return self.runs(campaign)
        if column == 2:
            return str(campaign.version)
        if column == 3:
            directive = campaign.directive
            return f"{directive.number}/{directive.symbol}"
        return None


class CampaignsPage(QWidget):
    """The list of campaigns, the chosen one's details, import and (upper level) authoring."""

    campaigns_changed = Signal()  # a campaign was imported or saved

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.db = state.db
        self.lang = i18n.current_lang()
        self.upper_level = profile_service.consolidates(state.profile)
        self.editor: QWidget | None = None
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.importButton = QPushButton(self.tr("&Import a campaign file…"), self)
        self.exportButton = QPushButton(self.tr("E&xport…"), self)
        self.newButton = QPushButton(self.tr("&New campaign…"), self)
        self.versionButton = QPushButton(self.tr("New &version…"), self)
        for button in (self.newButton, self.versionButton, self.exportButton):
            button.setVisible(self.upper_level)
        buttons.addWidget(self.importButton)
        buttons.addStretch(1)
        for button in (self.newButton, self.versionButton, self.exportButton):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.infoLabel = QLabel(self)
        self.infoLabel.setWordWrap(True)
        self.infoLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.infoLabel.hide()
        layout.addWidget(self.infoLabel)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.model = CampaignsModel(self)
        self.table = QTableView(splitter)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.details = QTextBrowser(splitter)
        self.details.setOpenLinks(False)
        self.table.setAccessibleName(self.tr("Campaigns"))
        self.details.setAccessibleName(self.tr("The campaign's details"))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.importButton.clicked.connect(self._choose_import)
        self.exportButton.clicked.connect(self._choose_export)
        self.newButton.clicked.connect(lambda: self.open_editor(None))
        self.versionButton.clicked.connect(lambda: self.open_editor(self.selected()))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.refresh()

    # -- what is shown --------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        shown = self.selected()
        current = select or (shown.id if shown else None)
        self.model.set_rows(campaigns.installed(self.db))
        row = next(
            (r for r in range(self.model.rowCount()) if self.model.campaign(r).id == current), 0
        )
        if self.model.rowCount():
            self.table.selectRow(row)
        self._show_details()

    def selected(self) -> Campaign | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.campaign(index.row()) if index.isValid() else None

    def _show_details(self) -> None:
        campaign = self.selected()
        self.exportButton.setEnabled(campaign is not None)
        self.versionButton.setEnabled(campaign is not None)
        self.details.setHtml(self.describe(campaign) if campaign else "")

    def describe(self, campaign: Campaign) -> str:
        """The campaign as the details pane shows it (HTML)."""
        lang = self.lang

        def retired(flag: bool) -> str:
            return escape(self.tr(" (retired)")) if flag else ""

        def label(code: str) -> str:
            indicator = campaign.indicator(code)
            return escape(indicator.label(lang)) + retired(indicator.retired)

        rule = {
            "calendar": self.tr("calendar month"),
            "statistical": self.tr("statistical month (Decree 09: 15th to 14th)"),
        }[campaign.reporting.rule]
        forms = self.tr("Forms and what each asks")
        topics = self.tr("Topics")
        columns = self.tr("List columns")
        second_look = self.tr("Worth a second look above")
        lines = [
            f"<h3>{escape(campaign.title[lang])}</h3>",
            "<p>"
            + escape(campaign.directive.sentence())
            + "<br>"
            + self.tr("Code {id}, version {version}; runs {runs}.").format(
                id=escape(campaign.id),
                version=campaign.version,
                runs=escape(self.model.runs(campaign)),
            )
            + "<br>"
            + self.tr("Reports by {rule}, due {days} days after the period ends.").format(
                rule=rule, days=campaign.reporting.deadline_day
            )
            + "</p>",
            f"<p><b>{forms}</b></p><ul>",
            *(
                f"<li>{escape(form.label(lang))}{retired(form.retired)}: "
                + ", ".join(label(code) for code in form.indicators)
                + "</li>"
                for form in campaign.forms
            ),
            "</ul>",
            f"<p><b>{topics}</b>: "
            + "; ".join(escape(t.label(lang)) + retired(t.retired) for t in campaign.topics)
            + "</p>",
        ]
        if campaign.list_columns:
            lines.append(
                f"<p><b>{columns}</b>: "
                + ", ".join(escape(c.label(lang)) for c in campaign.list_columns)
                + "</p>"
            )
        if campaign.plausibility.maximum:
            lines.append(
                f"<p><b>{second_look}</b>: "
                + ", ".join(f"{label(c)} {n}" for c, n in campaign.plausibility.maximum.items())
                + "</p>"
            )
        return "".join(lines)

    def show_info(self, text: str) -> None:
        self.infoLabel.setText(text)
        self.infoLabel.show()

    # -- import -------------------------------------------------------------------------

    def _choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a campaign file"),
            "",
            self.tr("Campaign files (*{suffix})").format(suffix=campaign_files.SUFFIX),
        )
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path) -> Campaign | None:
        """Verify and import a campaign file; the first upper-level key is confirmed by its
        fingerprint. A refused file changes nothing and says why."""
        try:
            verified = campaign_files.read(campaign_files.read_path(path))
            trust = False
            if not campaign_files.trusted_key(self.db):
                answer = QMessageBox.question(
                    self,
                    self.tr("Trust the upper level's key?"),
                    self.tr(
                        "“{title}” is signed with the key\n\n{fingerprint}\n\nCall the "
                        "district office and compare this fingerprint with theirs. Is it the "
                        "same? Campaign files signed with another key will then be refused."
                    ).format(
                        title=verified.campaign.title[self.lang],
                        fingerprint=verified.fingerprint,
                    ),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                if answer != QMessageBox.StandardButton.Yes:
                    self.show_info(self.tr("Nothing was imported."))
                    return None
                trust = True
            campaign, new = campaign_files.import_file(self.db, verified, trust_new_key=trust)
        except UserError as error:
            self.show_info(i18n.message(error))
            return None
        template = (
            self.tr("Imported “{title}”, version {version}.")
            if new
            else self.tr("“{title}”, version {version}, was already here; nothing changed.")
        )
        self.show_info(template.format(title=campaign.title[self.lang], version=campaign.version))
        self.refresh(select=campaign.id)
        self.campaigns_changed.emit()
        return campaign

    # -- export ---------------------------------------------------------------------------

    def _choose_export(self) -> None:
        campaign = self.selected()
        if campaign is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export a campaign file"),
            f"{campaign.id}-v{campaign.version}{campaign_files.SUFFIX}",
            self.tr("Campaign files (*{suffix})").format(suffix=campaign_files.SUFFIX),
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> Path | None:
        """Sign the chosen campaign with this installation's key and write it at *path*."""
        from quynhnhai_desktop.services.identity import load_or_create

        campaign = self.selected()
        if campaign is None:
            return None
        if path.suffix != campaign_files.SUFFIX:
            path = path.with_name(path.name + campaign_files.SUFFIX)
        try:
            identity = load_or_create(self.state.paths.keys_dir)
            campaign_files.export(self.db, campaign.id, identity, path)
        except (UserError, OSError) as error:
            self.show_info(present(error, "campaign export"))
            return None
        self.show_info(
            self.tr(
                "Saved {file}. The communes compare this key fingerprint on first import: {fp}"
            ).format(file=str(path), fp=identity.fingerprint)
        )
        return path

    # -- authoring (upper level) --------------------------------------------------------

    def open_editor(self, base: Campaign | None) -> QWidget:
        """The editor for a new campaign (*base* None) or a new version of *base*."""
        from quynhnhai_desktop.gui.campaigns.editor import CampaignEditor

        editor = CampaignEditor(self.db, base, parent=self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._saved)
        editor.finished.connect(lambda _r: setattr(self, "editor", None))
        self.editor = editor
        editor.open()
        return editor

    def _saved(self, campaign: Campaign) -> None:
        self.show_info(
            self.tr("Saved “{title}”, version {version}. Export it for the communes.").format(
                title=campaign.title[self.lang], version=campaign.version
            )
        )
        self.refresh(select=campaign.id)
        self.campaigns_changed.emit()
