"""What the pages share once the database is open: paths, database, profile."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.profile import UnitProfile

if TYPE_CHECKING:  # the database loads after the window shows (start-up time)
    from quynhnhai_desktop.services.database import Database


@dataclass
class AppState:
    paths: AppPaths
    db: Database
    profile: UnitProfile
