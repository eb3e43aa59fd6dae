"""Hostile inputs at the door: every case of issue 13 run through the real command line.

Each case is refused with exit code 1 and the app's own (Vietnamese) message, no traceback,
and the database byte-identical (tests/support/hostile.py); files that are merely in an unusual
encoding are read. The same limits hold in the entry dialog's check (domain), the package
schema and the exporters, and an export re-imports without duplicates or loss.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from quynhnhai_desktop.domain import limits
from quynhnhai_desktop.domain.activity import ActivityDraft, check
from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.domain.package import DATA, MANIFEST, PDF, SIGNATURE
from quynhnhai_desktop.services import identity as identity_service
from quynhnhai_desktop.services import package
from tests.support.hostile import CliResult, assert_refused, database_dump, run_cli
from tests.support.hostile_files import (
    ACTIVITY_HEADER,
    GOOD_ROW,
    activity_csv,
    cp1258,
    deeply_nested_package,
    inline_row,
    many_rows_csv,
    no_worksheet_xlsx,
    sheet_xml_xlsx,
    signed_package,
    sparse_file,
    unpacking_xlsx,
    xml_bomb_xlsx,
)
from tests.support.package_helpers import consolidated_data, make_package, sample_data

SIGNER = ("--signer-name", "Lò Văn Thành", "--signer-title", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")


@pytest.fixture(scope="module")
def commune_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("commune") / "data"
    result = run_cli(folder, "init", "--commune", "03703", *SIGNER)
    assert result.code == 0, result.text
    first = activity_csv(folder.parent / "first.csv", GOOD_ROW)  # Bản Nà and its team
    result = run_cli(folder, "activities", "import", str(first), "--create-missing")
    assert result.code == 0, result.text
    return folder


@pytest.fixture(scope="module")
def district_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("district") / "data"
    result = run_cli(folder, "init", "--district", "118", *SIGNER)
    assert result.code == 0, result.text
    return folder


@pytest.fixture
def commune(commune_template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(commune_template, tmp_path / "commune"))


@pytest.fixture
def district(district_template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(district_template, tmp_path / "district"))


@pytest.fixture(scope="module")
def key(tmp_path_factory: pytest.TempPathFactory) -> identity_service.Identity:
    return identity_service.load_or_create(tmp_path_factory.mktemp("keys"))


def refused(data_dir: Path, *args: str, expected: tuple[str, ...]) -> CliResult:
    before = database_dump(data_dir)
    result = run_cli(data_dir, *args)
    assert_refused(result, data_dir, before, *expected)
    return result


def import_activities(data_dir: Path, path: Path, *expected: str) -> CliResult:
    return refused(data_dir, "activities", "import", str(path), expected=expected)


def import_package(data_dir: Path, path: Path, *expected: str) -> CliResult:
    return refused(data_dir, "package", "import", str(path), expected=("BỊ TỪ CHỐI", *expected))


# -- spreadsheets ------------------------------------------------------------------------


def test_an_xml_entity_bomb_is_refused_by_defusedxml(commune: Path, tmp_path: Path) -> None:
    import openpyxl

    assert openpyxl.DEFUSEDXML is True  # the pinned dependency is what openpyxl parses with
    import_activities(commune, xml_bomb_xlsx(tmp_path / "bomb.xlsx"), "khai báo thực thể")


def test_a_workbook_without_a_worksheet_gets_a_message(commune: Path, tmp_path: Path) -> None:
    import_activities(commune, no_worksheet_xlsx(tmp_path / "empty.xlsx"), "không có trang tính")


def test_a_workbook_that_unpacks_to_a_gibibyte_is_refused_at_once(
    commune: Path, tmp_path: Path
) -> None:
    path = unpacking_xlsx(tmp_path / "big.xlsx")
    assert path.stat().st_size < 2 * 1024 * 1024
    import_activities(commune, path, "quá lớn", "giải nén")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_huge_spreadsheet_is_refused_by_its_size_before_reading(
    commune: Path, tmp_path: Path, suffix: str
) -> None:
    import_activities(commune, sparse_file(tmp_path / f"huge{suffix}", 3 * 1000**3), "quá lớn")


def test_a_sheet_that_claims_excels_whole_grid_is_read_within_bounds(
    commune: Path, tmp_path: Path
) -> None:
    """The dimension says A1:XFD1048576, a row is numbered a billion, a row holds a cell in
    column XFD: the reader never pads to 16,384 columns nor fills a billion rows."""
    rows = (
        inline_row(1, ACTIVITY_HEADER.split(","))
        + inline_row(2, GOOD_ROW.replace("Họp bản", "Hàng rộng").split(","))
        + inline_row(3, ["x"], first_column=16_384)
        + inline_row(1_000_000_000, ["15/09/2021"])
    )
    path = sheet_xml_xlsx(tmp_path / "grid.xlsx", rows, dimension="A1:XFD1048576")
    result = run_cli(commune, "activities", "import", str(path))
    assert result.code == 0, result.text
    assert "Hàng rộng" in _listed(commune)


def test_a_million_row_csv_is_refused_by_the_row_cap(commune: Path, tmp_path: Path) -> None:
    import_activities(commune, many_rows_csv(tmp_path / "m.csv", 1_000_000), "200.000 dòng")


def test_the_row_cap_counts_data_rows_only(tmp_path: Path) -> None:
    from quynhnhai_desktop.services import tabular

    headers = {"date": "date", "people": "people"}
    exactly = tmp_path / "exactly.csv"
    exactly.write_text("date,people\n" + "1/9/2021,1\n" * tabular.MAX_ROWS + "\n\n")
    assert len(tabular.read_table(exactly, headers).rows) == tabular.MAX_ROWS
    over = tmp_path / "over.csv"
    over.write_text("date,people\n" + "1/9/2021,1\n" * (tabular.MAX_ROWS + 1))
    with pytest.raises(tabular.UserError, match="more than"):
        tabular.read_table(over, headers)


@pytest.mark.parametrize("count", ["20000000", "20.000.000", "100000000000000000000"])
def test_a_count_past_the_package_limit_is_refused_at_entry(
    commune: Path, tmp_path: Path, count: str
) -> None:
    row = f"15/09/2021,Bản Nà,Đoàn Thanh niên,direct,bluezone,2,{count},"
    path = activity_csv(tmp_path / "c.csv", GOOD_ROW, row)
    result = import_activities(commune, path, "Có 1 dòng bị lỗi", "Dòng 3", "quá lớn")
    assert "Dòng 2" not in result.text


def test_a_huge_count_in_a_workbook_is_refused(commune: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(ACTIVITY_HEADER.split(","))
    sheet.append(["15/09/2021", "Bản Nà", "Đoàn Thanh niên", "direct", "bluezone", 2, 1e20, ""])
    book.save(tmp_path / "c.xlsx")
    import_activities(commune, tmp_path / "c.xlsx", "Có 1 dòng bị lỗi", "Dòng 2", "quá lớn")


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1b", "\x7f", "\x9b"])
def test_a_note_with_a_control_character_is_refused(
    commune: Path, tmp_path: Path, char: str
) -> None:
    row = f"15/09/2021,Bản Nà,Đoàn Thanh niên,direct,bluezone,2,120,Họp{char}bản"
    path = activity_csv(tmp_path / "n.csv", GOOD_ROW, row)
    import_activities(
        commune, path, "Có 1 dòng bị lỗi", "Dòng 3: “note”", "điều khiển", f"U+{ord(char):04X}"
    )


def test_a_venue_file_with_a_control_character_is_refused(commune: Path, tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    path.write_text("name,category\nChợ\x07 bản Nà,market\n", encoding="utf-8")
    refused(commune, "venues", "import", str(path), expected=("ký tự điều khiển", "Dòng 2"))


def test_the_dialog_refuses_the_same_counts_and_notes() -> None:
    catalog = first_campaign()
    base = ActivityDraft(dt.date(2021, 9, 15), 1, "direct", ("bluezone",), {"people": 120})
    assert check(base, catalog) == []
    too_many = ActivityDraft(dt.date(2021, 9, 15), 1, "direct", ("bluezone",), {"people": 10**20})
    assert [p.field for p in check(too_many, catalog)] == ["value:people"]
    pasted = ActivityDraft(dt.date(2021, 9, 15), 1, "direct", ("bluezone",), {}, note="a\x00b")
    assert [p.field for p in check(pasted, catalog)] == ["note"]


# -- encodings of Excel on Vietnamese Windows -------------------------------------------


def _listed(data_dir: Path) -> str:
    result = run_cli(data_dir, "activities", "list")
    assert result.code == 0, result.text
    return result.out


@pytest.mark.parametrize("encoding", ["cp1258", "utf-16-le", "utf-16-be"])
def test_csv_from_excel_in_cp1258_or_utf16_is_read(
    commune: Path, tmp_path: Path, encoding: str
) -> None:
    text = ACTIVITY_HEADER + "\r\n" + GOOD_ROW.replace("Họp bản", "Họp bản Mường Giàng") + "\r\n"
    if encoding == "cp1258":
        blob = cp1258(text)
        assert b"\xcc" in blob  # a combining tone mark: NFC is the reader's job
    else:
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        blob = bom + text.replace(",", "\t").encode(encoding)  # Excel's "Unicode text"
    path = tmp_path / "excel.csv"
    path.write_bytes(blob)
    result = run_cli(commune, "activities", "import", str(path))
    assert result.code == 0, result.text
    assert "Họp bản Mường Giàng" in _listed(commune)  # NFC, as typed


def test_an_unreadable_encoding_says_in_vietnamese_how_to_save_utf8(
    commune: Path, tmp_path: Path
) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(ACTIVITY_HEADER.encode() + b"\r\n15/09/2021,B\x81n,\x8d,direct\r\n")
    result = import_activities(commune, path, "CSV UTF-8", "Lưu")
    assert "codec" not in result.text and "decode" not in result.text


# -- report packages at the district ----------------------------------------------------


def test_a_2_gb_package_is_refused_by_its_size_before_reading(
    district: Path, tmp_path: Path
) -> None:
    path = sparse_file(tmp_path / "BC-2021-09-03703-r1.qnbc")
    import_package(district, path, "quá lớn")


def test_8000_nested_brackets_are_a_bad_file_and_spare_the_others(
    district: Path, tmp_path: Path, key: identity_service.Identity
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "BC-2021-09-03703-r1.qnbc").write_bytes(deeply_nested_package(key))
    import_package(district, usb / "BC-2021-09-03703-r1.qnbc", "không phải tệp báo cáo")
    other = identity_service.load_or_create(tmp_path / "other-key")
    name, blob = make_package(other, commune="03712", name="Nậm Ét")
    (usb / name).write_bytes(blob)
    result = run_cli(district, "package", "import", str(usb))
    assert result.code == 1 and "Traceback" not in result.text, result.text
    lines = {line.split(":", 1)[0]: line for line in result.out.splitlines()}
    assert "BỊ TỪ CHỐI" in lines["BC-2021-09-03703-r1.qnbc"]
    assert "BỊ TỪ CHỐI" not in lines[name]  # the folder import went on


@pytest.mark.parametrize(
    "created_at",
    ["2021-10-03T09:00:00", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z"],
    ids=["naive", "year-9999", "1970"],
)
def test_a_signed_impossible_created_at_is_refused(
    district: Path, tmp_path: Path, key: identity_service.Identity, created_at: str
) -> None:
    blob = signed_package(key, manifest=lambda m: m.update(created_at=created_at))
    assert package.verify_signature(_members(blob))  # only the schema can refuse it
    path = tmp_path / "BC-2021-09-03703-r1.qnbc"
    path.write_bytes(blob)
    import_package(district, path, "created_at")
    report = run_cli(district, "district", "report", "--month", "2021-09", "--xlsx", "t.xlsx")
    assert "Traceback" not in report.text


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["activities"][0]["values"].update(people=20_000_000),
        lambda d: d["activities"][0].update(note="Họp\x1b[31m bản"),
        lambda d: d["activities"][0].update(date="9999-01-01"),
    ],
    ids=["20-million", "terminal-escape", "year-9999-row"],
)
def test_signed_data_past_the_limits_is_refused(
    district: Path, tmp_path: Path, key: identity_service.Identity, change: object
) -> None:
    path = tmp_path / "BC-2021-09-03703-r1.qnbc"
    path.write_bytes(signed_package(key, data=change))  # type: ignore[arg-type]
    import_package(district, path, "không hợp lệ")


def _members(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _rezip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _tampered(blob: bytes) -> bytes:
    members = _members(blob)
    data = json.loads(members[DATA])
    data["totals"]["people"] += 1
    return _rezip({**members, DATA: json.dumps(data).encode()})


def _malformed(version: int, key: identity_service.Identity) -> bytes:
    raw = b'{"format_version": %d, "public_key": ' % version
    return signed_package(key, version=version, raw_manifest=raw)


@pytest.mark.parametrize("version", [1, 2], ids=["format-1", "format-2"])
@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("tampered", "không khớp"),
        ("truncated", "không phải tệp báo cáo"),
        ("bombed", "quá lớn"),
        ("malformed", "không"),
        ("random", "không phải tệp báo cáo"),
        ("future-format", "phiên bản"),
        ("foreign-signed", "không khớp"),
    ],
)
def test_the_package_cases_refused_from_the_command_line(
    district: Path,
    tmp_path: Path,
    key: identity_service.Identity,
    case: str,
    expected: str,
    version: int,
) -> None:
    sound = make_package(key, version=version)[1]
    other = identity_service.load_or_create(tmp_path / "other-key")
    blob = {
        "tampered": lambda: _tampered(sound),
        "truncated": lambda: sound[: len(sound) // 2],
        "bombed": lambda: _rezip({**_members(sound), PDF: b"\0" * (30 * 1024 * 1024)}),
        "malformed": lambda: _malformed(version, key),
        "random": lambda: bytes(range(256)) * 40,
        "future-format": lambda: signed_package(
            key, version=version, manifest=lambda m: m.update(format_version=3)
        ),
        # signed by another key than the one the manifest names
        "foreign-signed": lambda: _rezip({**_members(sound), SIGNATURE: other.sign(b"x")}),
    }[case]()
    path = tmp_path / "BC-2021-09-03703-r1.qnbc"
    path.write_bytes(blob)
    import_package(district, path, expected)
    assert MANIFEST  # the member names come from the one definition


@pytest.fixture(scope="module")
def province_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("province") / "data"
    result = run_cli(folder, "init", "--unit", "14", *SIGNER)
    assert result.code == 0, result.text
    return folder


@pytest.fixture
def province(province_template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(province_template, tmp_path / "province"))


def _district_package(key: identity_service.Identity, **changes: Any) -> bytes:
    """The district 118's consolidated package for 09/2021 (two communes), changed after it
    was built and signed again (only the schema or the unit list can refuse it)."""
    data = consolidated_data(
        ("03703", "Xã Mường Giàng", sample_data(120)), ("03709", "Xã Mường Sại", sample_data(80))
    )
    sound = {"commune": "118", "upper": "14", "level": "district", "payload": data}
    return signed_package(key, version=2, **sound, **changes)


def _overflow(data: dict[str, Any]) -> None:
    """Two communes at the largest total each: each sound, their sum past the limit."""
    line = {"key": "direct", "label": "Trực tiếp", "activities": 1, "values": {"people": 0}}
    for unit in data["units"]:
        line["values"] = {"people": limits.MAX_TOTAL}
        unit.update(
            activities_count=1, totals={"people": limits.MAX_TOTAL}, by_form=[line], by_team=[line]
        )
        unit["by_topic"] = []


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("extra-unit-field", "không hợp lệ"),
        ("extra-manifest-field", "không hợp lệ"),
        ("no-campaign", "không hợp lệ"),
        ("date-outside-period", "không hợp lệ"),
        ("commune-rows-as-district", "không hợp lệ"),
        ("totals-as-commune", "không hợp lệ"),
        ("extra-data-field", "không hợp lệ"),
        ("commune-twice", "không hợp lệ"),
        ("sum-past-the-limit", "không hợp lệ"),
        ("a-commune-at-the-province", "Huyện Quỳnh Nhai"),
        ("wrong-level", "cấp khác"),
        ("unknown-unit", "không có đơn vị mã 04000"),
        ("tampered-totals", "không khớp"),
    ],
)
def test_format_2_cases_refused_at_the_province(
    province: Path, tmp_path: Path, key: identity_service.Identity, case: str, expected: str
) -> None:
    blob = {
        "extra-unit-field": lambda: _district_package(
            key, manifest=lambda m: m["unit"].update(kind="Huyện")
        ),
        "extra-manifest-field": lambda: _district_package(
            key, manifest=lambda m: m.update(district_code="14")
        ),
        "no-campaign": lambda: _district_package(key, manifest=lambda m: m.pop("campaign")),
        "date-outside-period": lambda: _district_package(
            key, manifest=lambda m: m["unit"].update(valid_on="2021-08-01")
        ),
        "commune-rows-as-district": lambda: _district_package(key, data=_commune_rows),
        "totals-as-commune": lambda: _district_package(
            key, manifest=lambda m: m["unit"].update(level="commune")
        ),
        "extra-data-field": lambda: _district_package(
            key, data=lambda d: d["units"][0].update(villages=3)
        ),
        "commune-twice": lambda: _district_package(
            key, data=lambda d: d["units"].append(d["units"][0])
        ),
        "sum-past-the-limit": lambda: _district_package(key, data=_overflow),
        "a-commune-at-the-province": lambda: make_package(key, version=2)[1],  # 03703, 2021
        "wrong-level": lambda: make_package(
            key, version=2, commune="118", name="Huyện Quỳnh Nhai", upper="14"
        )[1],
        "unknown-unit": lambda: make_package(key, version=2, commune="04000", upper="14")[1],
        "tampered-totals": lambda: _tampered_units(_district_package(key)),
    }[case]()
    path = tmp_path / "BC-2021-09-118-r1.qnbc"
    path.write_bytes(blob)
    import_package(province, path, expected)


def _commune_rows(data: dict[str, Any]) -> None:
    """A district's package whose data is a commune's activity rows."""
    data.clear()
    data.update(sample_data().model_dump(mode="json"))


def _tampered_units(blob: bytes) -> bytes:
    members = _members(blob)
    data = json.loads(members[DATA])
    data["units"][0]["totals"]["people"] += 1
    return _rezip({**members, DATA: json.dumps(data).encode()})


def test_a_district_s_package_is_refused_by_a_district(
    district: Path, tmp_path: Path, key: identity_service.Identity
) -> None:
    path = tmp_path / "BC-2021-09-118-r1.qnbc"
    path.write_bytes(_district_package(key))
    import_package(district, path, "Huyện Quỳnh Nhai", "Tỉnh Sơn La")


# -- formula-safe exports ----------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://x","bấm")', "+84 912", "-3 hộ vắng", "@SUM(A1)", "=1+1"]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_exports_write_formulas_as_text_and_reimport_without_duplicates(
    commune: Path, tmp_path: Path, suffix: str
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        ACTIVITY_HEADER
        + "\r\n"
        + "".join(
            f'15/09/2021,Bản Nà,Đoàn Thanh niên,direct,bluezone,2,120,"{n}"\r\n'
            for n in (f.replace('"', '""') for f in FORMULAS)
        ),
        encoding="utf-8",
    )
    assert run_cli(commune, "activities", "import", str(source)).code == 0
    exported = tmp_path / f"out{suffix}"
    assert run_cli(commune, "activities", "export", str(exported)).code == 0
    if suffix == ".xlsx":
        with zipfile.ZipFile(exported) as archive:
            sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        assert "<f>" not in sheet  # no live formula anywhere
        from openpyxl import load_workbook

        book = load_workbook(exported)
        cells = [row[-1] for row in book.active.iter_rows(min_row=2)]  # type: ignore[union-attr]
        cells = [cell for cell in cells if cell.value != "Họp bản"]  # the template's own row
        assert sorted(cell.value for cell in cells) == sorted(FORMULAS)
        assert all(cell.data_type == "s" and cell.quotePrefix for cell in cells)
    else:
        text = exported.read_bytes().decode("utf-8-sig")
        for note in FORMULAS:
            assert "'" + note.replace('"', '""') in text
    before = database_dump(commune)
    again = run_cli(commune, "activities", "import", str(exported))
    assert again.code == 0, again.text
    assert database_dump(commune) == before  # the same activities: nothing added
    listed = _listed(commune)
    for note in FORMULAS:
        assert note in listed


def test_data_stored_before_the_limits_still_exports_or_says_what_to_fix(
    commune: Path, tmp_path: Path
) -> None:
    """An older database may hold a note with a control character or a count of 20 million:
    the spreadsheet export still works, the package export names the activity to correct."""
    import sqlite3

    conn = sqlite3.connect(commune / "quynhnhai.sqlite3")
    with conn:
        conn.execute("UPDATE activity SET note = 'Họp' || char(7) || 'bản'")
        conn.execute("UPDATE activity_value SET value = 20000000 WHERE indicator_code = 'people'")
    conn.close()
    for suffix in (".xlsx", ".csv"):
        result = run_cli(commune, "activities", "export", str(tmp_path / f"old{suffix}"))
        assert result.code == 0, result.text
    usb = tmp_path / "usb"
    usb.mkdir()
    args = ("package", "export", "--month", "2021-09", "--out", str(usb))
    refused(commune, *args, expected=("Hoạt động ngày 15/09/2021", "sửa"))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_venue_exports_are_formula_safe_and_reimport_the_same(
    commune: Path, tmp_path: Path, suffix: str
) -> None:
    names = ['=HYPERLINK("http://x","Chợ")', "@Quán bà Lò", "-Nhà nghỉ Hồ"]
    source = tmp_path / "venues.csv"
    source.write_text(
        "name,category\r\n"
        + "".join(f'"{n.replace(chr(34), chr(34) * 2)}",market\r\n' for n in names),
        encoding="utf-8",
    )
    assert run_cli(commune, "venues", "import", str(source)).code == 0
    exported = tmp_path / f"venues{suffix}"
    assert run_cli(commune, "venues", "export", str(exported)).code == 0
    if suffix == ".xlsx":
        with zipfile.ZipFile(exported) as archive:
            assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()
    before = database_dump(commune)
    again = run_cli(commune, "venues", "import", str(exported))
    assert again.code == 0, again.text
    after = database_dump(commune)
    assert before is not None and after is not None
    assert after.count('INSERT INTO "venue"') == before.count('INSERT INTO "venue"') == 3
    listed = run_cli(commune, "venues", "list").out
    for name in names:
        assert name in listed
