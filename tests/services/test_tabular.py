"""The one spreadsheet reader/writer: CSV flavours, XLSX, headers by code or label."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


FORMULA_TEXTS = ["=1+1", "+84 912", "-3 hộ", "@SUM(A1)", "'=x", "''-y", "'bình thường", "-"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_formula_like_texts_are_written_safely_and_read_back_exactly(
    tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"f{suffix}"
    write_table(path, ["name"], [[text] for text in FORMULA_TEXTS])
    assert [r.values["name"] for r in read_table(path, HEADERS).rows] == FORMULA_TEXTS
    if suffix == ".csv":
        lines = path.read_bytes().decode("utf-8-sig").splitlines()[1:]
        assert all(not line.startswith(("=", "+", "-", "@")) for line in lines)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=30))
@settings(max_examples=200, deadline=None)
def test_csv_prefix_round_trips_any_text(text: str) -> None:
    from quynhnhai_desktop.domain.text import csv_safe, formula_like, unquote

    assert unquote(csv_safe(text)) == text
    assert not formula_like(csv_safe(text))


def test_tab_separated_utf16_and_cp1258(tmp_path: Path) -> None:
    import codecs

    text = "Tên\tĐiện thoại\r\nChợ Mường Giàng\t0912345678\r\n"
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        path = tmp_path / f"{encoding}.csv"
        path.write_bytes(bom + text.encode(encoding))
        assert read_table(path, HEADERS).rows[0].values["name"] == "Chợ Mường Giàng"
    from tests.support.hostile_files import cp1258

    path = tmp_path / "cp1258.csv"
    path.write_bytes(("a,b\r\n" * 20_000).encode() + cp1258("Tên;Điện thoại\r\nBản Nà;1\r\n"))
    with pytest.raises(UserError, match="no column name"):  # ASCII at first, cp1258 later:
        read_table(path, HEADERS, required=["name"])  # read as cp1258, not a codec error

    late = tmp_path / "late.csv"  # past the 64 KB sniffed: found while the table is read
    late.write_bytes(("Ten,Phone\r\n" + "Ban Moi,1\r\n" * 8_000).encode() + cp1258("Bản Nà,2\r\n"))
    heard: list[int] = []
    rows = read_table(late, HEADERS, progress=heard.append).rows
    assert len(rows) == 8_001 and rows[0].values == {"name": "Ban Moi", "phone": "1"}
    assert rows[-1].values == {"name": "Bản Nà", "phone": "2"}
    assert heard == [2000, 4000, 6000, 8000]  # read twice, told once


def test_without_defusedxml_a_workbook_is_refused_not_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    path = tmp_path / "v.xlsx"
    write_table(path, ["name"], [["Trạm Y tế"]])
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    with pytest.raises(UserError, match="cannot read Excel files safely"):
        read_table(path, HEADERS)


def test_parts_openpyxl_holds_in_memory_have_their_own_caps(tmp_path: Path) -> None:
    """Shared strings are loaded whole: 40 MB of them is refused from the zip directory."""
    import zipfile

    from quynhnhai_desktop.services import tabular

    path = tmp_path / "v.xlsx"
    write_table(path, ["name"], [["Trạm Y tế"]])
    bigger = tmp_path / "strings.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bigger, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != "xl/sharedStrings.xml":
                out.writestr(info.filename, source.read(info))
        out.writestr("xl/sharedStrings.xml", b" " * (tabular.MAX_SHARED_STRINGS + 1))
    with pytest.raises(UserError, match="too large"):
        read_table(bigger, HEADERS)


def test_a_csv_without_line_breaks_is_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "one-line.csv"
    path.write_bytes(b"name\n" + b"x" * (3 * 1024 * 1024))
    with pytest.raises(UserError, match="not a CSV table"):
        read_table(path, HEADERS)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_writing_streams_rows_memory_flat_in_the_row_count(tmp_path: Path, suffix: str) -> None:
    """Rows come from a generator and go to the file one by one: ten times the rows, about
    the same peak memory (holding them would take ten times as much)."""
    import datetime as dt
    import tracemalloc

    def peak(count: int) -> int:
        rows = (
            [dt.date(2024, 9, 1 + n % 28), f"Bản {n % 12}", "=cmd|' /C calc'!A0", n, "ghi chú"]
            for n in range(count)
        )
        target = tmp_path / f"rows-{count}{suffix}"
        tracemalloc.start()
        try:
            assert write_table(target, ["Ngày", "Bản", "Đội", "Số", "Ghi chú"], rows) == count
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, big = peak(1_000), peak(10_000)
    assert big < 2 * small + 256 * 1024, (small, big)
    headers = {"Ngày": "date", "Bản": "village", "Đội": "team", "Số": "n", "Ghi chú": "note"}
    table = read_table(tmp_path / f"rows-10000{suffix}", headers)
    assert len(table.rows) == 10_000


def test_reading_stops_at_the_first_row_past_the_cap(tmp_path: Path) -> None:
    """What follows the row past the cap is never read: a damaged tail (a line of 2 MB
    without a break, refused as damaged when it is read) does not change the answer."""
    from quynhnhai_desktop.i18n import message
    from quynhnhai_desktop.services import tabular

    headers = {"date": "date", "people": "people"}
    path = tmp_path / "over.csv"
    tail = "x" * (2 * 1024 * 1024)
    path.write_text("date,people\n" + "1/9/2021,1\n" * (tabular.MAX_ROWS + 1) + tail)
    with pytest.raises(UserError) as refused:
        read_table(path, headers)
    assert "200.000" in message(refused.value)
    damaged = tmp_path / "damaged.csv"
    damaged.write_text("date,people\n" + "1/9/2021,1\n" * 10 + tail)
    with pytest.raises(UserError) as broken:
        read_table(damaged, headers)
    assert "200.000" not in message(broken.value)  # the tail is refused when it is read
