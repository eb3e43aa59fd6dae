"""`quynhnhai activities import | export | list`, as a script or the district would run them."""

from __future__ import annotations

from pathlib import Path

import pytest

from quynhnhai_desktop.cli import main

SIGNER = ["--signer-name", "Lò Văn Thành", "--signer-title", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"]
GOOD = (
    "Ngày,Bản,Lực lượng,Hình thức,Nội dung,Số buổi/lượt,Lượt người được tuyên truyền,Số hộ\n"
    "15/09/2021,Bản Nà,Đoàn Thanh niên,direct,bluezone,2,1200,300\n"
    "03/10/2021,,Hội Phụ nữ,meeting,vaccination_benefit,1,60,\n"
)


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "d"
    assert run(folder, "init", "--commune", "03703", *SIGNER) == 0
    capsys.readouterr()
    return folder


def test_import_list_export(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.csv"
    source.write_text(GOOD, encoding="utf-8")
    assert run(data, "activities", "import", str(source)) == 1  # Bản Nà is not in the list
    err = capsys.readouterr().err
    assert "Dòng 2:" in err and "Bản Nà" in err and "--create-missing" in err
    assert run(data, "activities", "import", str(source), "--create-missing") == 0
    out = capsys.readouterr().out
    assert "Đã thêm bản vào danh mục: Bản Nà" in out
    assert "Đã nhập 2 hoạt động" in out
    assert run(data, "activities", "import", str(source)) == 0
    assert "Đã nhập 0 hoạt động; 2 hoạt động đã có" in capsys.readouterr().out

    assert run(data, "activities", "list", "--month", "2021-09") == 0
    out = capsys.readouterr().out
    assert "15/09/2021\tBản Nà\tĐoàn Thanh niên" in out
    assert "03/10/2021" not in out
    assert "Lượt người được tuyên truyền 1.200" in out
    assert run(data, "activities", "list") == 0
    out = capsys.readouterr().out
    assert "Toàn xã" in out and "Tổng: 2 hoạt động" in out

    target = tmp_path / "out.xlsx"
    assert run(data, "activities", "export", str(target), "--month", "2021-10") == 0
    assert "1 hoạt động" in capsys.readouterr().out
    assert target.exists()


def test_bad_rows_are_all_printed(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(
        "date,team,form,topics,people\n"
        "hôm qua,Hội Phụ nữ,meeting,bluezone,10\n"
        "15/09/2021,Hội Phụ nữ,meeting,bluezone,mười\n"
        "15/09/2021,Hội Phụ nữ,meeting,,10\n",
        encoding="utf-8",
    )
    assert run(data, "activities", "import", str(source)) == 1
    err = capsys.readouterr().err
    assert "Có 3 dòng bị lỗi" in err
    assert all(f"Dòng {n}:" in err for n in (2, 3, 4))
    assert run(data, "activities", "list") == 0
    assert "Tổng: 0 hoạt động" in capsys.readouterr().out


def test_bad_month_and_file_type(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data, "activities", "export", str(tmp_path / "a.csv"), "--month", "9/2021") == 1
    assert "2021-09" in capsys.readouterr().err
    assert run(data, "activities", "export", str(tmp_path / "a.pdf")) == 1
    assert ".csv" in capsys.readouterr().err
