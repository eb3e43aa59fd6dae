"""What the pages share once the database is open: paths, database, profile."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from quynhnhai_desktop.config import AppPaths

if TYPE_CHECKING:  # the store is imported after the window shows (start-up time)
    from quynhnhai_desktop.store.database import Database
    from quynhnhai_desktop.store.models import Profile


@dataclass
class AppState:
    paths: AppPaths
    db: Database
    profile: Profile
