"""The headless commands, as a script or the district would run them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quynhnhai_desktop import __version__
from quynhnhai_desktop.cli import main

SIGNER = ["--signer-name", "Lò Văn Thành", "--signer-title", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"]


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def test_init_demo_check_succeed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "d"
    assert run(data, "init", "--commune", "03703", *SIGNER) == 0
    assert "Xã Mường Giàng (03703)" in capsys.readouterr().out
    assert run(data, "demo", "--months", "3", "--until", "2021-11") == 0
    out = capsys.readouterr().out
    assert "01/09/2021" in out and "30/11/2021" in out
    assert run(data, "check") == 0
    out = capsys.readouterr().out
    assert "Tính toàn vẹn: tốt" in out
    assert "địa điểm 32" in out


def test_second_init_refuses_without_touching_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    assert run(data, "init", "--commune", "03703", *SIGNER) == 0
    assert run(data, "demo", "--months", "1", "--until", "2021-09") == 0
    capsys.readouterr()
    database = data / "quynhnhai.sqlite3"
    before = database.read_bytes()
    assert run(data, "init", "--commune", "03682", *SIGNER) == 1
    assert "đã được thiết lập" in capsys.readouterr().err
    assert database.read_bytes() == before


def test_errors_are_vietnamese_by_default_and_english_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path / "a", "init", "--commune", "99999", *SIGNER) == 1
    assert "Không có xã mã 99999" in capsys.readouterr().err
    assert (
        main(
            [
                "--lang",
                "en",
                "--data-dir",
                str(tmp_path / "b"),
                "init",
                "--commune",
                "99999",
                *SIGNER,
            ]
        )
        == 1
    )
    assert "Unknown commune code 99999" in capsys.readouterr().err


def test_demo_before_init_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path / "d", "demo") == 1
    assert "quynhnhai init" in capsys.readouterr().err


def test_demo_refuses_to_mix_with_real_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    run(data, "init", "--commune", "03703", *SIGNER)
    assert run(data, "demo", "--months", "1") == 0
    assert run(data, "demo", "--months", "1") == 1


def test_district_init(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run(
            tmp_path / "d",
            "init",
            "--district",
            "118",
            "--signer-name",
            "Lương Văn Thảo",
            "--signer-title",
            "TRƯỞNG PHÒNG",
        )
        == 0
    )
    assert "Sở Thông tin và Truyền thông tỉnh Sơn La" in capsys.readouterr().out


def test_bad_month_is_a_user_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(tmp_path / "d", "init", "--commune", "03703", *SIGNER)
    assert run(tmp_path / "d", "demo", "--until", "09/2021") == 1
    assert "2021-09" in capsys.readouterr().err


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        run(tmp_path / "d", "init")
    assert exited.value.code == 2


def test_version_and_module_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quynhnhai_desktop", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == f"quynhnhai {__version__}"


def test_data_dir_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QUYNHNHAI_DATA_DIR", str(tmp_path / "env"))
    assert main(["init", "--commune", "03703", *SIGNER]) == 0
    assert (tmp_path / "env" / "quynhnhai.sqlite3").exists()
    assert (tmp_path / "env" / "logs" / "quynhnhai.log").exists()


def test_argparse_speaks_the_users_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        run(tmp_path / "d", "init", "--help")
    help_text = capsys.readouterr().out
    assert help_text.startswith("cách dùng: quynhnhai init")
    assert "tùy chọn:" in help_text and "hiện hướng dẫn này rồi thoát" in help_text
    assert "usage" not in help_text and "options" not in help_text
    with pytest.raises(SystemExit) as exited:
        run(tmp_path / "d", "init", "--commune", "03703")
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "quynhnhai init: lỗi: còn thiếu các tham số bắt buộc: --signer-name" in error
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--data-dir", str(tmp_path / "d"), "frobnicate"])
    assert "quynhnhai: error: argument COMMAND: invalid choice: 'frobnicate'" in (
        capsys.readouterr().err
    )
