"""Where things live: the data folder (database, logs, backups, keys) and the resources.

One object answers both questions so that tests, portable use and the frozen bundle only
differ in how it is built, never in the code that asks.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError

APP_NAME = "QuynhNhai"
APP_AUTHOR = "UBND huyen Quynh Nhai"
DATA_DIR_ENV = "QUYNHNHAI_DATA_DIR"
DEMO_SUFFIX = "-demo"  # the demo's data folder: the real one's name with this after it
PORTABLE_MARKER = "portable"


@cache
def resources_dir() -> Path:
    """The resources folder, whether running from source, installed, or frozen."""
    here = Path(__file__).resolve().parent
    candidates = [
        Path(getattr(sys, "_MEIPASS", "")) / "resources" if getattr(sys, "frozen", False) else None,
        here / "resources",  # installed wheel: resources/ is force-included into the package
        here.parent / "resources",  # source checkout / editable install
    ]
    for candidate in candidates:
        if candidate is not None and (candidate / "catalogs").is_dir():
            return candidate
    raise FileNotFoundError(f"resources folder not found next to {here}")


def resource(*parts: str) -> Path:
    """Path of one resource file, e.g. ``resource("fonts", "LiberationSerif-Regular.ttf")``."""
    return resources_dir().joinpath(*parts)


def _portable_dir() -> Path | None:
    """Next to the executable when a ``portable`` marker file sits there (frozen only)."""
    if not getattr(sys, "frozen", False):
        return None
    exe_dir = Path(sys.executable).resolve().parent
    return exe_dir / "data" if (exe_dir / PORTABLE_MARKER).exists() else None


def default_data_dir() -> Path:
    """The user's app-data folder, e.g. ``%LOCALAPPDATA%\\UBND huyen Quynh Nhai\\QuynhNhai``."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


class DataFolderUnusable(UserError):
    """The data folder cannot be created or written: say which, and what to do."""

    @classmethod
    def because(cls, folder: Path, error: OSError) -> DataFolderUnusable:
        """The message for *error*, in words the clerk reads (no system English)."""
        import errno

        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            template = QT_TRANSLATE_NOOP(
                "config",
                "The data folder {folder} cannot be written: this user has no write access "
                "to it, or the drive is read-only. Ask the IT staff to give write access, or "
                "choose another folder (--data-dir).",
            )
        elif error.errno in (errno.ENOTDIR, errno.EEXIST, errno.ENOENT):
            template = QT_TRANSLATE_NOOP(
                "config",
                "The data folder {folder} cannot be created: a file has its name, or the "
                "drive is missing. Plug the drive in, or choose another folder (--data-dir).",
            )
        elif error.errno == errno.ENOSPC:
            template = QT_TRANSLATE_NOOP(
                "config",
                "The drive of the data folder {folder} is full. Free some space on it and "
                "start again.",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "config",
                "The data folder {folder} cannot be created or written ({reason}). Ask the "
                "IT staff to give this user write access to it, free space on its drive, or "
                "choose another folder (--data-dir).",
            )
        return cls("config", template, folder=str(folder), reason=error.strerror or str(error))


@dataclass(frozen=True)
class AppPaths:
    """All the files of one installation's data folder."""

    data_dir: Path

    @classmethod
    def resolve(
        cls, data_dir: str | os.PathLike[str] | None = None, *, demo: bool = False
    ) -> AppPaths:
        """--data-dir wins, then $QUYNHNHAI_DATA_DIR, then a portable folder, then app-data.

        With *demo* (``--demo``) and no --data-dir the demo commune gets a folder of its own
        beside that one (``QuynhNhai-demo``): trying the app never turns a clerk's real
        installation into the demo commune, and the real data never shows in the demo.
        """
        if data_dir:
            chosen = Path(data_dir)
        else:
            real = Path(os.environ.get(DATA_DIR_ENV) or _portable_dir() or default_data_dir())
            chosen = real.with_name(real.name + DEMO_SUFFIX) if demo else real
        return cls(chosen.expanduser().resolve())

    def ensure(self) -> AppPaths:
        """Create the folders and prove the data folder writable; returns self so it chains.

        Raises :class:`DataFolderUnusable` (the clerk's message) when it cannot be created
        or written: better said now than as a failed save later.
        """
        try:
            for folder in (self.data_dir, self.logs_dir, self.backups_dir, self.exports_dir):
                folder.mkdir(parents=True, exist_ok=True)
            probe = self.data_dir / f".write-test-{os.getpid()}.part"
            fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.close(fd)
            probe.unlink()
        except OSError as error:
            raise DataFolderUnusable.because(self.data_dir, error) from error
        return self

    @property
    def database(self) -> Path:
        return self.data_dir / "quynhnhai.sqlite3"

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.database.as_posix()}"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs_dir / "quynhnhai.log"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def exports_dir(self) -> Path:
        return self.data_dir / "exports"

    @property
    def keys_dir(self) -> Path:
        """The installation's signing key (report packages); never copied into backups."""
        return self.data_dir / "keys"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.ini"

    @property
    def drafts_dir(self) -> Path:
        """Unsaved form contents, kept so a crash or power cut loses no typing."""
        return self.data_dir / "drafts"

    @property
    def temp_folders(self) -> list[Path]:
        """Where a crash can leave this app's temporary files (``store.files.TEMP_SUFFIX``)."""
        return [self.data_dir, self.exports_dir, self.backups_dir, self.drafts_dir, self.keys_dir]

    @property
    def lock_file(self) -> Path:
        """Held by the running window: one instance per data folder."""
        return self.data_dir / "quynhnhai.lock"

    @property
    def session_marker(self) -> Path:
        """Present while the window runs; found at start-up it means the last run crashed."""
        return self.data_dir / "app-running.json"

    @property
    def backup_owed_marker(self) -> Path:
        """Written when the window closes: the next start owes the exit backup (made then,
        in the background, so closing never waits for it)."""
        return self.data_dir / "backup-owed.json"
