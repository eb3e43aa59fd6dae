"""The one spreadsheet reader/writer: CSV flavours, XLSX, headers by code or label."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.services.tabular import read_table, write_table
from quynhnhai_desktop.store.files import atomic_write_bytes, atomic_writer

HEADERS = {"name": "name", "tên": "name", "phone": "phone", "điện thoại": "phone"}


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("sep", [",", ";"])
def test_csv_with_or_without_bom_comma_or_semicolon(tmp_path: Path, bom: bytes, sep: str) -> None:
    nfd_name = unicodedata.normalize("NFD", "Chợ Mường Giàng")
    text = f"Tên{sep}Điện thoại{sep}extra\r\n{nfd_name}{sep}0912345678{sep}x\r\n{sep}{sep}\r\n"
    path = tmp_path / "v.csv"
    path.write_bytes(bom + text.encode("utf-8"))
    table = read_table(path, HEADERS, required=["name"])
    assert table.columns == ["name", "phone"]
    assert [(r.number, r.values) for r in table.rows] == [
        (2, {"name": "Chợ Mường Giàng", "phone": "0912345678"})  # NFC, blank row skipped
    ]


def test_xlsx_round_trip_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "v.xlsx"
    write_table(path, ["name", "phone"], [["Bến thuyền bản Nà", "0212 3851 234"], ["Trạm Y tế", 5]])
    table = read_table(path, HEADERS)
    assert [r.values for r in table.rows] == [
        {"name": "Bến thuyền bản Nà", "phone": "0212 3851 234"},
        {"name": "Trạm Y tế", "phone": "5"},
    ]


def test_csv_written_for_excel_has_a_bom_and_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_table(path, ["name"], [["Đình bản Hé"]])
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read_table(path, HEADERS).rows[0].values == {"name": "Đình bản Hé"}


def test_missing_required_column_and_bad_suffix_are_clear_errors(tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    path.write_text("phone\n1\n", encoding="utf-8")
    with pytest.raises(UserError, match="no column name"):
        read_table(path, HEADERS, required=["name"])
    with pytest.raises(UserError, match=r"\.csv or \.xlsx"):
        read_table(tmp_path / "v.txt", HEADERS)


def test_random_bytes_are_a_user_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "v.xlsx"
    path.write_bytes(b"\x00\xff not a zip")
    with pytest.raises(UserError, match="Cannot read"):
        read_table(path, HEADERS)


def test_atomic_write_leaves_the_old_file_when_interrupted(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    atomic_write_bytes(target, b"old complete file")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write(b"half of the new")
        raise RuntimeError("USB stick pulled")
    assert target.read_bytes() == b"old complete file"
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind
