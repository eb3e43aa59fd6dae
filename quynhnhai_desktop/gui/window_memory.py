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


DEFAULT_SIZE = (1100, 720)  # the window's size on a first start, when the screen has room
SCREEN_MARGIN = 8  # room for the window frame inside the screen's free area


def fit_on_screen(widget: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Resize *widget* to *width* × *height* (default: its size), at most the free area of
    its screen (a 1024×600 netbook keeps its taskbar), and move it fully onto that screen."""
    screen = widget.screen()
    if screen is None:
        return
    free = screen.availableGeometry()
    frame_extra = widget.frameGeometry().size() - widget.geometry().size()
    most_w = free.width() - max(frame_extra.width(), SCREEN_MARGIN)
    most_h = free.height() - max(frame_extra.height(), SCREEN_MARGIN)
    w = min(width if width is not None else widget.width(), most_w)
    h = min(height if height is not None else widget.height(), most_h)
    if (w, h) != (widget.width(), widget.height()):
        widget.resize(max(w, 1), max(h, 1))
    frame = widget.frameGeometry()
    x = min(max(frame.x(), free.left()), free.right() - frame.width() + 1)
    y = min(max(frame.y(), free.top()), free.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(x, free.left()), max(y, free.top()))


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
    if geometry is None or not window.restoreGeometry(geometry):
        fit_on_screen(window, *DEFAULT_SIZE)
    elif not window.isMaximized() and not window.isFullScreen():
        fit_on_screen(window)  # saved on a bigger screen (or a projector): still whole here
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
