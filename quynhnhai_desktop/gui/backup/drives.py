"""Where to suggest saving a backup: a USB stick when one is plugged in.

QStorageInfo cannot tell a USB stick from a hard disk; on Windows GetDriveTypeW can
(DRIVE_REMOVABLE). Elsewhere the user's documents folder is the suggestion.
"""

from __future__ import annotations

import string
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths

DRIVE_REMOVABLE = 2


def removable_drives() -> list[Path]:
    if sys.platform != "win32":
        return []
    import ctypes

    kernel32 = ctypes.windll.kernel32
    mask = kernel32.GetLogicalDrives()
    return [
        Path(f"{letter}:\\")
        for bit, letter in enumerate(string.ascii_uppercase)
        if mask >> bit & 1 and kernel32.GetDriveTypeW(f"{letter}:\\") == DRIVE_REMOVABLE
    ]


def suggested_folder() -> Path:
    drives = removable_drives()
    if drives:
        return drives[0]
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()
