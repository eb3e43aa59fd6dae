"""On Windows itself: the real Windows API, not fakes of it.

These run only under a Windows Python: on a Windows PC, or in CI's Wine stage
(build/wine/ci.sh), where the Windows user is "Lò Thị Hạnh" (so every profile path, the temp
folder of these tests included, has Vietnamese letters), $QUYNHNHAI_TEST_DRIVE names a second
drive letter mapped to a folder (the data folder on D:) and $QUYNHNHAI_TEST_STICK a drive
letter that Windows reports as removable (a USB stick). What Wine cannot stand for is listed
in the README ("Checked by hand on Windows").
"""

from __future__ import annotations

import csv
import ctypes
import os
import sys
from pathlib import Path

import pytest

from quynhnhai_desktop import config
from quynhnhai_desktop.config import APP_AUTHOR, APP_NAME
from quynhnhai_desktop.store.files import FileWriteFailed, atomic_write_bytes
from quynhnhai_desktop.system import drives
from tests.support.hostile import database_dump, run_cli

pytestmark = pytest.mark.skipif(sys.platform != "win32", reason="needs Windows (or Wine)")

TEST_DRIVE = os.environ.get("QUYNHNHAI_TEST_DRIVE", "")
TEST_STICK = os.environ.get("QUYNHNHAI_TEST_STICK", "")
SIGNER = ["--signer-name", "Lò Văn Thành", "--signer-title", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"]


def known_folder_local_appdata() -> Path:
    """FOLDERID_LocalAppData as Windows itself answers (SHGetKnownFolderPath)."""
    from ctypes import wintypes

    class GUID(ctypes.Structure):
        _fields_ = [
            ("Data1", wintypes.DWORD),
            ("Data2", wintypes.WORD),
            ("Data3", wintypes.WORD),
            ("Data4", ctypes.c_ubyte * 8),
        ]

    folder_id = GUID(
        0xF1B32785,
        0x6FBA,
        0x4FCF,
        (ctypes.c_ubyte * 8)(0x9D, 0x55, 0x7B, 0x8E, 0x7F, 0x15, 0x70, 0x91),
    )
    found = ctypes.c_wchar_p()
    shell32 = ctypes.windll.shell32  # type: ignore[attr-defined]
    assert shell32.SHGetKnownFolderPath(ctypes.byref(folder_id), 0, None, ctypes.byref(found)) == 0
    try:
        return Path(str(found.value))
    finally:
        ctypes.windll.ole32.CoTaskMemFree(found)  # type: ignore[attr-defined]


def test_the_data_goes_under_the_users_local_app_data() -> None:
    """What the installer tells the clerk, and what platformdirs finds: the same folder."""
    expected = known_folder_local_appdata() / APP_AUTHOR / APP_NAME
    assert config.default_data_dir() == expected
    assert str(expected).endswith(r"AppData\Local\UBND huyen Quynh Nhai\QuynhNhai")


def test_a_user_named_with_vietnamese_letters(tmp_path: Path) -> None:
    """The whole chain in a profile path like C:\\Users\\Lò Thị Hạnh\\...: set-up, demo data,
    the month's PDF and Excel, a backup, all in folders named in Vietnamese."""
    data = tmp_path / "Dữ liệu xã Mường Giàng"
    papers = tmp_path / "Báo cáo tháng 9 năm 2021"
    assert run_cli(data, "init", "--commune", "03703", *SIGNER).code == 0
    assert run_cli(data, "demo", "--until", "2021-09").code == 0
    pdf, xlsx = papers / "Báo cáo tháng 9.pdf", papers / "Báo cáo tháng 9.xlsx"
    done = run_cli(
        data, "report", "monthly", "--month", "2021-09", "--pdf", str(pdf), "--xlsx", str(xlsx)
    )
    assert done.code == 0, done.text
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 0
    done = run_cli(data, "backup", "create")
    assert done.code == 0, done.text
    assert list((data / "backups").glob("*.sqlite3"))


def test_a_long_data_folder_path(tmp_path: Path) -> None:
    """A data folder 150 characters deep (a clerk's nested "Tài liệu" folders): the database,
    its write-ahead log and a backup (50 characters more) fit Windows' 260-character limit,
    which SQLite keeps to (a data folder past ~200 characters cannot take a backup: the
    clerk is told the backup could not be written, and why, in the app's own words)."""
    deep = tmp_path
    while len(str(deep)) < 150:
        deep = deep / "Tài liệu công tác tuyên truyền"
    done = run_cli(deep, "init", "--commune", "03703", *SIGNER)
    assert done.code == 0, done.text
    done = run_cli(deep, "backup", "create")
    assert done.code == 0, done.text
    assert run_cli(deep, "check").code == 0


@pytest.mark.skipif(not TEST_DRIVE, reason="set QUYNHNHAI_TEST_DRIVE to a spare drive letter")
def test_the_data_folder_on_another_drive_letter(tmp_path: Path) -> None:
    """D:\\QuynhNhai as the data folder (the clerk's second partition): no path is taken
    relative to C:, a backup and the report land there."""
    data = Path(f"{TEST_DRIVE}\\") / f"QuynhNhai-{tmp_path.name}"
    assert run_cli(data, "init", "--commune", "03703", *SIGNER).code == 0
    assert run_cli(data, "demo", "--until", "2021-09").code == 0
    done = run_cli(data, "report", "monthly", "--month", "2021-09", "--pdf", str(data / "bc.pdf"))
    assert done.code == 0, done.text
    assert run_cli(data, "backup", "create").code == 0
    assert (data / "quynhnhai.sqlite3").is_file() and list((data / "backups").glob("*.sqlite3"))
    assert "Mường Giàng" in run_cli(data, "check").out


def test_the_drive_list_through_the_real_kernel32() -> None:
    """GetLogicalDrives, GetDriveTypeW, GetDiskFreeSpaceExW, GetVolumeInformationW as
    Windows answers: C: is a fixed disk with free space, no error box for an empty drive."""
    found = drives.windows_drives()
    system = [d for d in found if str(d.path).upper() == "C:\\"]
    assert system and system[0].kind == "fixed" and system[0].free_bytes > 0
    if TEST_DRIVE:
        assert any(str(d.path).upper() == f"{TEST_DRIVE.upper()}\\" for d in found)


@pytest.mark.skipif(not TEST_STICK, reason="set QUYNHNHAI_TEST_STICK to a removable drive")
def test_a_usb_stick_comes_first() -> None:
    found = drives.list_destinations([])
    assert str(found[0].path).upper() == f"{TEST_STICK.upper()}\\"
    assert found[0].kind == "removable"


def test_replacing_a_file_another_program_reads_keeps_the_old_one_whole(tmp_path: Path) -> None:
    """Windows refuses to replace a file another handle holds open (a PDF viewer): the old
    file stays as it was and no temporary file is left behind."""
    target = tmp_path / "Báo cáo.pdf"
    target.write_bytes(b"old")
    # Python opens without FILE_SHARE_DELETE, as most PDF viewers do; the writer turns
    # Windows' refusal (WinError 5/32) into the clerk's "close the file" message.
    with target.open("rb"), pytest.raises(FileWriteFailed, match="open in another program"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    atomic_write_bytes(target, b"new")  # once it is closed, the replace works
    assert target.read_bytes() == b"new"


def test_writing_the_report_over_an_open_pdf_says_to_close_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli(data, "init", "--commune", "03703", *SIGNER).code == 0
    assert run_cli(data, "demo", "--until", "2021-09").code == 0
    pdf = tmp_path / "Báo cáo tháng 9.pdf"
    pdf.write_bytes(b"%PDF-1.4 the clerk's open copy")
    before = database_dump(data)
    with pdf.open("rb"):
        done = run_cli(data, "report", "monthly", "--month", "2021-09", "--pdf", str(pdf))
    assert done.code == 1, done.text
    assert "Traceback" not in done.text and "WinError" not in done.text
    assert "PDF" in done.text and "Đóng" in done.text
    assert pdf.read_bytes() == b"%PDF-1.4 the clerk's open copy"
    assert database_dump(data) == before


def test_a_csv_saved_by_excel_imports_and_the_export_has_plain_crlf_lines(tmp_path: Path) -> None:
    """Excel's "CSV UTF-8" (BOM, semicolons, CRLF); the export written on Windows has one CR
    per line (a text-mode file would double it: \\r\\r\\n, an empty row after each in Excel)."""
    data = tmp_path / "data"
    assert run_cli(data, "init", "--commune", "03703", *SIGNER).code == 0
    excel = tmp_path / "Hoạt động tháng 9.csv"
    with excel.open("w", encoding="utf-8-sig", newline="") as handle:  # what Excel writes
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Ngày", "Bản", "Lực lượng", "Hình thức", "Nội dung", "Số buổi/lượt"])
        writer.writerow(
            [
                "15/09/2021",
                "Bản Nà",
                "Đoàn Thanh niên",
                "Họp dân, hội nghị",
                "vaccination_benefit",
                "2",
            ]
        )
    assert b"\r\n" in excel.read_bytes()
    done = run_cli(data, "activities", "import", str(excel), "--create-missing")
    assert done.code == 0, done.text
    exported = tmp_path / "xuất.csv"
    done = run_cli(data, "activities", "export", str(exported))
    assert done.code == 0, done.text
    raw = exported.read_bytes()
    assert b"\r\r\n" not in raw
    assert raw.count(b"\n") == raw.count(b"\r\n") == 2  # the header and the one activity
    assert "Bản Nà" in raw.decode("utf-8-sig")
