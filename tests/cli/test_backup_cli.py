"""`quynhnhai backup create | list | restore` as a clerk or a script would run them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from quynhnhai_desktop.cli import main
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.instance import InstanceLock
from tests.support.db_snapshot import files_digest, snapshot

SIGNER = ["--signer-name", "Lò Văn Thành", "--signer-title", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"]


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


class Terminal(io.StringIO):
    """stdin as a clerk's console: a terminal, with the answer already typed."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "d"
    assert run(folder, "init", "--commune", "03703", *SIGNER) == 0
    assert run(folder, "demo", "--months", "3", "--until", "2021-11") == 0
    capsys.readouterr()
    return folder


def _usb_backup(data: Path, usb: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    usb.mkdir(exist_ok=True)
    assert run(data, "backup", "create", "--out", str(usb)) == 0
    capsys.readouterr()
    [made] = usb.iterdir()
    return made


def test_create_to_a_stick_then_restore_on_a_new_pc(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    assert run(data, "backup", "create", "--out", str(usb)) == 0
    out = capsys.readouterr().out
    [made] = usb.iterdir()
    assert made.name.startswith("QuynhNhai-saoluu-03703-") and made.suffix == ".sqlite3"
    assert "Đã sao lưu và kiểm tra" in out and str(made) in out
    assert "Xã Mường Giàng (03703)" in out
    assert "từ 01/09/2021 đến" in out

    new_pc = tmp_path / "new-pc"
    assert run(new_pc, "backup", "restore", str(made), "--yes") == 0
    out = capsys.readouterr().out
    assert "Đã khôi phục: Xã Mường Giàng (03703)." in out
    original = AppPaths(data).database
    assert snapshot(AppPaths(new_pc).database) == snapshot(original)


def test_create_without_out_goes_to_the_backups_folder_and_is_listed(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data, "backup", "list") == 0
    assert "Chưa có bản sao lưu nào" in capsys.readouterr().out
    assert run(data, "backup", "create") == 0
    capsys.readouterr()
    assert run(data, "backup", "list") == 0
    out = capsys.readouterr().out
    assert "-manual.sqlite3" in out
    assert "theo yêu cầu" in out


def test_restore_asks_on_a_terminal_and_no_keeps_the_data(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _usb_backup(data, tmp_path / "usb", capsys)
    database = AppPaths(data).database
    before = files_digest(database)
    monkeypatch.setattr("sys.stdin", Terminal("k\n"))
    assert run(data, "backup", "restore", str(made)) == 1
    out = capsys.readouterr().out
    assert "Thay dữ liệu hiện tại bằng bản sao lưu này?" in out
    assert "Chưa khôi phục; không có gì thay đổi." in out
    assert files_digest(database) == before


def test_restore_asks_on_a_terminal_and_yes_restores(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _usb_backup(data, tmp_path / "usb", capsys)
    monkeypatch.setattr("sys.stdin", Terminal("có\n"))
    assert run(data, "backup", "restore", str(made)) == 0
    out = capsys.readouterr().out
    assert "Đã khôi phục" in out
    assert "-before-restore.sqlite3" in out  # where the replaced data went


def test_restore_without_a_terminal_needs_yes(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _usb_backup(data, tmp_path / "usb", capsys)
    database = AppPaths(data).database
    before = files_digest(database)
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))  # a pipe, not a person
    assert run(data, "backup", "restore", str(made)) == 1
    assert "--yes" in capsys.readouterr().err
    assert files_digest(database) == before


def test_restore_of_a_bad_file_is_refused(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "anh-chup.sqlite3"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 4000)
    database = AppPaths(data).database
    before = files_digest(database)
    assert run(data, "backup", "restore", str(bad), "--yes") == 1
    assert "không phải là bản sao lưu" in capsys.readouterr().err
    assert files_digest(database) == before


def test_restore_is_refused_while_the_window_is_open(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = _usb_backup(data, tmp_path / "usb", capsys)
    database = AppPaths(data).database
    before = files_digest(database)
    window = InstanceLock(AppPaths(data))  # what the running window holds
    assert window.try_acquire()
    try:
        assert run(data, "backup", "restore", str(made), "--yes") == 1
        assert "Hãy đóng cửa sổ" in capsys.readouterr().err
        assert files_digest(database) == before
        assert run(data, "backup", "create") == 0  # reading while the window runs is fine
        assert run(data, "check") == 0
    finally:
        window.release()
    assert run(data, "backup", "restore", str(made), "--yes") == 0


def test_usage_errors(data: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        run(data, "backup")
    assert exited.value.code == 2
    with pytest.raises(SystemExit) as exited:
        run(data, "backup", "restore")
    assert exited.value.code == 2
