"""Destinations for a report package: USB sticks first, with free space, on both systems.

The Windows side runs here against a fake kernel32 that answers like a commune PC with a
hard disk, a DVD drive, a USB stick, an empty card reader and a network share.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from quynhnhai_desktop.system import drives
from quynhnhai_desktop.system.drives import Destination

GB = 1024**3


class Usage(NamedTuple):
    total: int
    used: int
    free: int


@dataclass
class FakeDrive:
    kind: int
    label: str = ""
    free: int = 0
    total: int = 0
    has_medium: bool = True


@dataclass
class FakeKernel32:
    """Answers the calls drives.windows_drives makes, the way kernel32 does (ctypes pointers)."""

    drives: dict[str, FakeDrive]
    error_modes: list[int] = field(default_factory=list)
    mode: int = 0

    def GetLogicalDrives(self) -> int:
        return sum(1 << (ord(root[0]) - ord("A")) for root in self.drives)

    def GetDriveTypeW(self, root: str) -> int:
        return self.drives[root].kind

    def GetDiskFreeSpaceExW(self, root: str, free: Any, total: Any, total_free: Any) -> int:
        drive = self.drives[root]
        if not drive.has_medium:
            return 0
        free.contents.value = drive.free
        total.contents.value = drive.total
        return 1

    def GetVolumeInformationW(self, root: str, name: Any, size: int, *rest: Any) -> int:
        drive = self.drives[root]
        assert size >= len(drive.label) + 1
        name.value = drive.label
        return 1

    def SetThreadErrorMode(self, mode: int, old: Any) -> int:
        if old is not None:
            old.contents.value = self.mode
        self.mode = mode
        self.error_modes.append(mode)
        return 1


def commune_pc() -> FakeKernel32:
    return FakeKernel32(
        {
            "C:\\": FakeDrive(drives.DRIVE_FIXED, "Windows", 40 * GB, 237 * GB),
            "D:\\": FakeDrive(drives.DRIVE_FIXED, "DATA", 300 * GB, 700 * GB),
            "E:\\": FakeDrive(drives.DRIVE_CDROM, "DVD"),
            "F:\\": FakeDrive(drives.DRIVE_REMOVABLE, "KINGSTON", 3 * GB, 8 * GB),
            "G:\\": FakeDrive(drives.DRIVE_REMOVABLE, has_medium=False),
            "Z:\\": FakeDrive(drives.DRIVE_REMOTE, "PHONG VHTT", 9 * GB, 50 * GB),
        },
        mode=0x8000,
    )


def test_windows_lists_the_usb_stick_first_with_its_name_and_free_space() -> None:
    kernel32 = commune_pc()
    found = drives.list_destinations(platform="win32", kernel32=kernel32)
    assert [(str(d.path), d.kind, d.label) for d in found] == [
        ("F:\\", "removable", "KINGSTON"),
        ("C:\\", "fixed", "Windows"),
        ("D:\\", "fixed", "DATA"),
        ("Z:\\", "network", "PHONG VHTT"),
    ]
    stick = found[0]
    assert stick.removable and (stick.free_bytes, stick.total_bytes) == (3 * GB, 8 * GB)


def test_windows_skips_dvd_and_empty_card_reader_without_error_boxes() -> None:
    kernel32 = commune_pc()
    found = drives.windows_drives(kernel32)
    assert {str(d.path) for d in found} == {"C:\\", "D:\\", "F:\\", "Z:\\"}
    # Critical-error boxes ("no disk in drive G:") were off while looking, then restored.
    assert kernel32.error_modes == [drives.SEM_FAILCRITICALERRORS, 0x8000]
    assert kernel32.mode == 0x8000


def test_windows_extra_folders_come_after_the_sticks(tmp_path: Path) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    found = drives.list_destinations([documents], platform="win32", kernel32=commune_pc())
    assert [d.kind for d in found] == ["removable", "folder", "fixed", "fixed", "network"]
    assert found[1].path == documents and found[1].free_bytes > 0


MOUNTS = r"""/dev/sda2 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid 0 0
/dev/sda1 /boot/efi vfat rw 0 0
/dev/sdb1 /media/thanh/KINGSTON vfat rw,nosuid,nodev 0 0
/dev/sdc1 /run/media/thanh/THE\040NHO vfat rw 0 0
/dev/sdd1 /mnt/sao-luu ext4 rw 0 0
/dev/sde1 /media/thanh/GONE vfat rw 0 0
"""


def native(posix_path: str) -> str:
    """A mount point as the code under test spells it (Path: backslashes on Windows)."""
    return str(Path(posix_path))


def fake_usage(path: str) -> Any:
    sizes = {
        native("/media/thanh/KINGSTON"): (2 * GB, 16 * GB),
        native("/run/media/thanh/THE NHO"): (1 * GB, 4 * GB),
        native("/mnt/sao-luu"): (100 * GB, 500 * GB),
    }
    if path not in sizes:
        if path == str(Path.home()):
            return shutil.disk_usage(path)
        raise FileNotFoundError(path)  # unplugged after the table was read
    free, total = sizes[path]
    return Usage(total, total - free, free)


def test_elsewhere_mount_points_make_the_removable_list() -> None:
    found = drives.list_destinations(platform="linux", mounts_text=MOUNTS, disk_usage=fake_usage)
    assert [(str(d.path), d.kind, d.label) for d in found] == [
        (native("/media/thanh/KINGSTON"), "removable", "KINGSTON"),
        (native("/mnt/sao-luu"), "removable", "sao-luu"),
        (native("/run/media/thanh/THE NHO"), "removable", "THE NHO"),
        (str(Path.home()), "fixed", Path.home().name),
    ]
    assert found[0].free_bytes == 2 * GB and found[0].total_bytes == 16 * GB


def test_a_folder_listed_twice_keeps_its_first_group() -> None:
    found = drives.list_destinations(
        [Path.home()], platform="linux", mounts_text="", disk_usage=fake_usage
    )
    assert [(d.path, d.kind) for d in found] == [(Path.home(), "folder")]


@pytest.mark.skipif(
    sys.platform == "win32" or not Path("/proc/self/mounts").exists(),
    reason="needs a Linux mount table (under Wine, Z:\\proc is Linux's, but not for Windows)",
)
def test_this_machine_answers_without_error() -> None:
    found = drives.list_destinations()
    assert any(d.path == Path.home() for d in found)
    assert all(isinstance(d, Destination) and d.total_bytes >= d.free_bytes for d in found)
