"""Where a report package can be written: USB sticks first, then the other drives.

Qt's QStorageInfo cannot tell a USB stick from an internal disk, so each system is asked
directly: on Windows ``GetDriveTypeW`` (``DRIVE_REMOVABLE`` for sticks and memory cards),
elsewhere the mount point (sticks are mounted under /media, /run/media or /mnt). Every entry
carries its free space, so the clerk sees at once whether the file fits.

The Windows side talks to kernel32 through a small object that tests replace with a fake;
the other side reads the mount table as text and asks a ``disk_usage`` function, both
injectable. A USB hard disk usually reports itself as a fixed drive: it is listed, only
not first.
"""

from __future__ import annotations

import ctypes
import logging
import os
import shutil
import string
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

log = logging.getLogger(__name__)

Kind = Literal["removable", "folder", "fixed", "network"]
ORDER: dict[Kind, int] = {"removable": 0, "folder": 1, "fixed": 2, "network": 3}

# GetDriveTypeW results (fileapi.h).
DRIVE_UNKNOWN, DRIVE_NO_ROOT_DIR, DRIVE_REMOVABLE, DRIVE_FIXED = 0, 1, 2, 3
DRIVE_REMOTE, DRIVE_CDROM, DRIVE_RAMDISK = 4, 5, 6
WINDOWS_KINDS: dict[int, Kind] = {
    DRIVE_REMOVABLE: "removable",
    DRIVE_FIXED: "fixed",
    DRIVE_RAMDISK: "fixed",
    DRIVE_REMOTE: "network",
}  # CD/DVD drives and drives without a root are not places to write a file
# No "There is no disk in the drive" box for an empty card reader while we look.
SEM_FAILCRITICALERRORS = 0x0001

# Where desktop Linux mounts removable media (udisks: /media/USER, /run/media/USER).
REMOVABLE_MOUNT_ROOTS = ("/media/", "/run/media/", "/mnt/")


# shutil.disk_usage or a stand-in: anything whose result has .free and .total in bytes.
DiskUsage = Callable[[str], Any]


@dataclass(frozen=True)
class Destination:
    """One place the clerk can choose: a drive's root or a folder, with its free space."""

    path: Path
    kind: Kind
    label: str  # the volume name ("KINGSTON"), the mount folder's name, or ""
    free_bytes: int
    total_bytes: int

    @property
    def removable(self) -> bool:
        return self.kind == "removable"


class Kernel32(Protocol):
    """The kernel32 functions used here (ctypes.WinDLL("kernel32") or a test's fake)."""

    def GetLogicalDrives(self) -> int: ...
    def GetDriveTypeW(self, root: str) -> int: ...
    def GetDiskFreeSpaceExW(self, root: str, free: Any, total: Any, total_free: Any) -> int: ...
    def GetVolumeInformationW(
        self,
        root: str,
        name: Any,
        name_size: int,
        serial: Any,
        max_len: Any,
        flags: Any,
        fs_name: Any,
        fs_size: int,
    ) -> int: ...
    def SetThreadErrorMode(self, mode: int, old: Any) -> int: ...


def list_destinations(
    extra_folders: Sequence[Path] = (),
    *,
    platform: str = sys.platform,
    kernel32: Kernel32 | None = None,
    mounts_text: str | None = None,
    disk_usage: DiskUsage = shutil.disk_usage,
) -> list[Destination]:
    """Removable drives first, then *extra_folders* (e.g. Documents), then the other drives.

    On Windows the drives come from kernel32; elsewhere from the mount table, with the home
    folder standing in for the fixed disk. Places that cannot be read are left out.
    """
    if platform == "win32":
        drives = windows_drives(kernel32)
    else:
        drives = mounted_drives(mounts_text, disk_usage=disk_usage)
        drives += _folders([Path.home()], "fixed", disk_usage)
    found = drives + _folders(extra_folders, "folder", disk_usage)
    # One entry per path; where a path appears twice the earlier group wins (written last).
    unique = {d.path: d for d in sorted(found, key=lambda d: ORDER[d.kind], reverse=True)}
    return sorted(unique.values(), key=lambda d: (ORDER[d.kind], str(d.path).casefold()))


# -- Windows -----------------------------------------------------------------------------


def windows_drives(kernel32: Kernel32 | None = None) -> list[Destination]:
    """Every drive letter that can take a file, with its type, volume name and free space."""
    k32 = kernel32 if kernel32 is not None else _real_kernel32()
    old_mode = ctypes.c_uint(0)
    k32.SetThreadErrorMode(SEM_FAILCRITICALERRORS, ctypes.pointer(old_mode))
    try:
        mask = k32.GetLogicalDrives()
        found = []
        for index, letter in enumerate(string.ascii_uppercase):
            if mask & (1 << index):
                drive = _windows_drive(k32, f"{letter}:\\")
                if drive is not None:
                    found.append(drive)
        return found
    finally:
        k32.SetThreadErrorMode(old_mode.value, None)


def _windows_drive(k32: Kernel32, root: str) -> Destination | None:
    kind = WINDOWS_KINDS.get(k32.GetDriveTypeW(root))
    if kind is None:
        return None
    free, total = ctypes.c_ulonglong(0), ctypes.c_ulonglong(0)
    if not k32.GetDiskFreeSpaceExW(root, ctypes.pointer(free), ctypes.pointer(total), None):
        log.debug("skipping %s: no medium or not readable", root)  # an empty card reader
        return None
    name = ctypes.create_unicode_buffer(261)
    if not k32.GetVolumeInformationW(root, name, len(name), None, None, None, None, 0):
        name.value = ""
    return Destination(Path(root), kind, name.value, free.value, total.value)


def _real_kernel32() -> Kernel32:  # pragma: no cover - runs on Windows only
    from ctypes import wintypes

    k32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    ull = ctypes.POINTER(ctypes.c_ulonglong)
    k32.GetLogicalDrives.argtypes = []
    k32.GetLogicalDrives.restype = wintypes.DWORD
    k32.GetDriveTypeW.argtypes = [wintypes.LPCWSTR]
    k32.GetDriveTypeW.restype = wintypes.UINT
    k32.GetDiskFreeSpaceExW.argtypes = [wintypes.LPCWSTR, ull, ull, ull]
    k32.GetDiskFreeSpaceExW.restype = wintypes.BOOL
    k32.GetVolumeInformationW.argtypes = [
        wintypes.LPCWSTR,
        wintypes.LPWSTR,
        wintypes.DWORD,
        wintypes.LPDWORD,
        wintypes.LPDWORD,
        wintypes.LPDWORD,
        wintypes.LPWSTR,
        wintypes.DWORD,
    ]
    k32.GetVolumeInformationW.restype = wintypes.BOOL
    k32.SetThreadErrorMode.argtypes = [wintypes.DWORD, ctypes.POINTER(ctypes.c_uint)]
    k32.SetThreadErrorMode.restype = wintypes.BOOL
    return k32


# -- elsewhere -----------------------------------------------------------------------------


def mounted_drives(
    mounts_text: str | None = None, *, disk_usage: DiskUsage = shutil.disk_usage
) -> list[Destination]:
    """Removable media from the mount table (Linux's /proc/self/mounts format)."""
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return []  # no mount table here (macOS): only the folders are offered
    points = [_unescape(line.split()[1]) for line in mounts_text.splitlines() if line.split()[1:]]
    removable = [Path(p) for p in points if p.startswith(REMOVABLE_MOUNT_ROOTS)]
    return _folders(removable, "removable", disk_usage)


def _unescape(field: str) -> str:
    r"""The mount table writes space, tab, newline and backslash as \040, \011, \012, \134."""
    for code in ("040", "011", "012", "134"):
        field = field.replace("\\" + code, chr(int(code, 8)))
    return field


def _folders(paths: Iterable[Path], kind: Kind, disk_usage: DiskUsage) -> list[Destination]:
    found = []
    for path in paths:
        try:
            usage = disk_usage(os.fspath(path))
        except OSError:
            log.debug("skipping %s: not readable", path)
            continue
        found.append(Destination(Path(path), kind, Path(path).name, usage.free, usage.total))
    return found
