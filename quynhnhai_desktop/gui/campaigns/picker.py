"""The campaign picker the list, the entry dialog, the overview and the report screen show
when an installation has several campaigns (never with one)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.campaign import Campaign


def campaign_combo(parent: QWidget, name: str, *, width: int = 16) -> QComboBox:
    """An empty picker, *name* for screen readers, about *width* characters wide."""
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    combo.setMinimumContentsLength(width)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def fill(combo: QComboBox, campaigns: list[Campaign], current: str | None) -> None:
    """One entry per campaign (its title; the directive as the tip), *current* chosen."""
    lang = i18n.current_lang()
    combo.blockSignals(True)
    combo.clear()
    for campaign in campaigns:
        combo.addItem(campaign.title[lang], campaign.id)
        tip = f"{campaign.title[lang]}\n{campaign.directive.sentence()}"
        combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)
