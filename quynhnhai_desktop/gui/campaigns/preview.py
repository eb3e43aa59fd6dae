"""The campaign editor's preview: the entry dialog and a blank report, as a commune will see
them, for the campaign as typed (not saved, not sent)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.campaign import Campaign
from quynhnhai_desktop.gui.activities.dialog import ActivityDialog
from quynhnhai_desktop.pdf_raster import open_pdf
from quynhnhai_desktop.services import campaign_preview
from quynhnhai_desktop.services.database import Database

PAGE_DPI = 72.0  # the report's pages at about their printed size on a 96-dpi screen


class CampaignPreview(QDialog):
    """Two tabs: the entry dialog (to click through, never saved) and the blank report."""

    def __init__(self, db: Database, campaign: Campaign, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.campaign = campaign
        self.setWindowTitle(
            self.tr("Preview: “{title}” as the communes will see it").format(
                title=campaign.title[i18n.current_lang()]
            )
        )
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "This is how a commune will see the campaign once it imports the file. "
                "Nothing typed here is saved."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        commune_code = campaign_preview.sample_unit_code(db, campaign)
        self.entry = ActivityDialog(db, commune_code, campaign, preview=True, parent=self)
        self.entry.setWindowFlags(Qt.WindowType.Widget)  # shown inside the tab
        entry_area = QScrollArea(self)
        entry_area.setWidgetResizable(True)
        # the dialog fits the width; its own minimum is a few pixels over the viewport's
        entry_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        entry_area.setWidget(self.entry)
        self.tabs.addTab(entry_area, self.tr("&Entry dialog"))
        self.pages: list[QLabel] = []
        report = QWidget(self)
        column = QVBoxLayout(report)
        raster = open_pdf(campaign_preview.blank_report_pdf(db, campaign))
        try:
            for number in range(raster.page_count()):
                page = QLabel(report)
                page.setPixmap(QPixmap.fromImage(raster.image(number, PAGE_DPI)))
                page.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                page.setAccessibleName(self.tr("Page {number}").format(number=number + 1))
                page.setFrameShape(QLabel.Shape.Box)
                column.addWidget(page)
                self.pages.append(page)
        finally:
            raster.close()
        column.addStretch(1)
        report_area = QScrollArea(self)
        report_area.setWidgetResizable(True)
        report_area.setWidget(report)
        self.tabs.addTab(report_area, self.tr("&Blank report"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(960, 620)
