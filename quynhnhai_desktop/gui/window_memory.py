"""What the window remembers between runs: its size and place, and the last used folders.

Kept in an INI file in the data folder (QSettings), not in the database: it is about this
computer's screen, and a restored backup should not move the window.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QWidget

log = logging.getLogger(__name__)
FILE_NAME = "window.ini"


def _settings(data_dir: Path) -> QSettings:
    return QSettings(str(data_dir / FILE_NAME), QSettings.Format.IniFormat)


def _data_dir(widget: QWidget) -> Path | None:
    paths = getattr(widget.window(), "paths", None)
    return getattr(paths, "data_dir", None)


def save(window: QMainWindow) -> None:
    data_dir = _data_dir(window)
    if data_dir is None:
        return
    settings = _settings(data_dir)
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.sync()


def restore(window: QMainWindow) -> None:
    data_dir = _data_dir(window)
    if data_dir is None:
        return
    settings = _settings(data_dir)
    geometry = settings.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = settings.value("window/state")
    if state is not None:
        window.restoreState(state)


def last_folder(data_dir: Path, key: str, default: Path) -> Path:
    """The folder the clerk last used for *key* ("open" or "save"), if it still exists."""
    value = _settings(data_dir).value(f"folders/{key}")
    folder = Path(str(value)) if value else None
    return folder if folder is not None and folder.is_dir() else default


def in_last_folder(data_dir: Path, key: str, default: Path) -> str:
    """*default* (a suggested file name) moved into the last used folder, for a dialog."""
    folder = last_folder(data_dir, key, default.parent if default.suffix else default)
    return str(folder / default.name) if default.suffix else str(folder)


def remember_folder(data_dir: Path, key: str, chosen: str | Path) -> None:
    """Remember the folder of a file the clerk just chose (or the folder itself)."""
    if not chosen:
        return
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    settings = _settings(data_dir)
    settings.setValue(f"folders/{key}", str(folder))
    settings.sync()
