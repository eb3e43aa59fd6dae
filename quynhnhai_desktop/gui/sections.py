"""The main window's sections, in order. A feature adds its page factory here.

Pages are built on first visit, after the database is open, so start-up stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP
from quynhnhai_desktop.gui.state import AppState

PageFactory = Callable[[AppState], QWidget]


@dataclass(frozen=True)
class Section:
    key: str
    title: str  # English source; translated in context "Sections"
    icon: str  # a QStyle standard pixmap name, e.g. "SP_FileDialogDetailedView"
    factory: PageFactory  # builds the page on its first visit (imports lazily)


def _overview_page(state: AppState) -> QWidget:
    from quynhnhai_desktop.gui.overview.page import OverviewPage

    return OverviewPage(state)


def _activities_page(state: AppState) -> QWidget:
    from quynhnhai_desktop.gui.activities.page import ActivitiesPage

    return ActivitiesPage(state)


def _lists_page(state: AppState) -> QWidget:
    from quynhnhai_desktop.gui.lists_page import ListsPage

    return ListsPage(state)


def _campaigns_page(state: AppState) -> QWidget:
    from quynhnhai_desktop.gui.campaigns.page import CampaignsPage

    return CampaignsPage(state)


def _settings_page(state: AppState) -> QWidget:
    from quynhnhai_desktop.gui.settings_page import SettingsPage

    return SettingsPage(state)


def _venues_page(state: AppState) -> QWidget:
    from quynhnhai_desktop.gui.venues.page import VenuesPage

    return VenuesPage(state)


def _reports_page(state: AppState) -> QWidget:
    """The commune writes its monthly report here; the district collects the communes'."""
    from quynhnhai_desktop.services import profile as profile_service

    if profile_service.consolidates(state.profile):
        from quynhnhai_desktop.gui.district.page import DistrictPage

        return DistrictPage(state)
    from quynhnhai_desktop.gui.report.page import ReportPage

    return ReportPage(state)


SECTIONS: tuple[Section, ...] = (
    Section(
        "overview", QT_TRANSLATE_NOOP("Sections", "Overview"), "SP_ComputerIcon", _overview_page
    ),
    Section(
        "activities",
        QT_TRANSLATE_NOOP("Sections", "Activities"),
        "SP_FileDialogDetailedView",
        _activities_page,
    ),
    Section(
        "venues",
        QT_TRANSLATE_NOOP("Sections", "Venues & QR codes"),
        "SP_DirHomeIcon",
        _venues_page,
    ),
    Section(
        "reports",
        QT_TRANSLATE_NOOP("Sections", "Reports"),
        "SP_FileDialogContentsView",
        _reports_page,
    ),
    Section(
        "catalog", QT_TRANSLATE_NOOP("Sections", "Lists"), "SP_FileDialogListView", _lists_page
    ),
    Section(
        "campaigns",
        QT_TRANSLATE_NOOP("Sections", "Campaigns"),
        "SP_FileDialogNewFolder",
        _campaigns_page,
    ),
    Section(
        "settings",
        QT_TRANSLATE_NOOP("Sections", "Settings"),
        "SP_FileDialogInfoView",
        _settings_page,
    ),
)
