"""The printed report and its Excel copy: every number, the text, the fonts, the layout."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from quynhnhai_desktop.domain.periods import calendar_month
from quynhnhai_desktop.domain.report import Breakdown, Narrative, ReportData
from quynhnhai_desktop.output.report_pdf import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    TEXT_WIDTH,
)
from quynhnhai_desktop.services import activities, reference, report
from quynhnhai_desktop.store.database import Database
from tests.support.report_helpers import OWN, add_venues, build_months, sql_totals

SEPTEMBER = calendar_month(2021, 9)
DIFFICULTIES = "Bản Huổi Ngùa, Co Phường sóng điện thoại yếu; người cao tuổi chưa có điện thoại."
PROPOSALS = "Đề nghị cấp thêm tờ rơi song ngữ Việt - Thái."


def _narrative(bundle: report.ReportBundle, **changes: object) -> report.ReportBundle:
    narrative = dataclasses.replace(
        bundle.narrative,
        number="05",
        report_date=dt.date(2021, 10, 5),
        difficulties=DIFFICULTIES,
        proposals=PROPOSALS,
        **changes,
    )
    return report.with_narrative(bundle, narrative)


@pytest.fixture
def bundle(commune_db: Database) -> report.ReportBundle:
    build_months(commune_db)
    add_venues(commune_db)
    return _narrative(report.prepare(commune_db, SEPTEMBER))


@pytest.fixture
def pdf(bundle: report.ReportBundle) -> bytes:
    return report.pdf_bytes(bundle)


def _cell(text: str | None) -> str:
    return " ".join((text or "").split())


def _int(text: str) -> int:
    return int(text.replace(".", ""))


def pdf_tables(data: bytes) -> dict[str, dict[str, dict[str, str]]]:
    """Ruled tables of the PDF by their second header cell: label → {header: cell}.

    A table that runs over a page, or is split in parts, lands in the same entry.
    """
    tables: dict[str, dict[str, dict[str, str]]] = {}
    with pdfplumber.open(io.BytesIO(data)) as document:
        for page in document.pages:
            for rows in page.extract_tables():
                header = [_cell(c) for c in rows[0]]
                assert header[0] == "STT", header  # every table part starts with its header
                entry = tables.setdefault(header[1], {})
                for row in rows[1:]:
                    cells = [_cell(c) for c in row]
                    entry.setdefault(cells[1], {}).update(zip(header[2:], cells[2:], strict=True))
    return tables


def _check_breakdown(
    table: dict[str, dict[str, str]], breakdown: Breakdown, data: ReportData
) -> int:
    checked = 0
    for line in [*breakdown.lines, breakdown.total]:
        row = table[line.label]
        assert _int(row["Số hoạt động"]) == line.activities
        for column in data.columns:
            if line.shows(column.code):
                assert _int(row[column.label]) == line.value(column.code), (line.label, column)
                checked += 1
            else:
                assert row[column.label] == ""
    assert set(table) == {x.label for x in [*breakdown.lines, breakdown.total]}
    return checked


def test_every_number_in_the_pdf_equals_the_aggregation_and_sql(
    bundle: report.ReportBundle, pdf: bytes, commune_db: Database
) -> None:
    data = bundle.data
    tables = pdf_tables(pdf)
    assert set(tables) == {
        "Chỉ tiêu",
        "Hình thức tuyên truyền",
        "Nội dung tuyên truyền",
        "Bản, tổ dân phố",
        "Loại địa điểm",
    }
    checked = _check_breakdown(tables["Hình thức tuyên truyền"], data.by_form, data)
    checked += _check_breakdown(tables["Nội dung tuyên truyền"], data.by_topic, data)
    checked += _check_breakdown(tables["Bản, tổ dân phố"], data.by_village, data)
    assert checked > 200
    summary = tables["Chỉ tiêu"]
    first = summary["Số hoạt động tuyên truyền"]
    assert _int(first["Tháng 9/2021"]) == data.totals.activities
    assert _int(first["Tháng 8/2021"]) == data.previous_totals.activities
    assert _int(first["Tăng (+), giảm (-)"]) == data.change()
    for column in data.columns:
        row = summary[column.label]
        assert _int(row["Tháng 9/2021"]) == data.totals.value(column.code)
        assert _int(row["Tháng 8/2021"]) == data.previous_totals.value(column.code)
        assert _int(row["Tăng (+), giảm (-)"]) == data.change(column.code)
    venues = tables["Loại địa điểm"]
    for line in [*data.venues.lines, data.venues.total]:
        row = venues[line.label]
        assert _int(row["Số địa điểm"]) == line.venues
        assert _int(row["Đã đăng ký mã QR"]) == line.registered
        assert _int(row["Trong đó: đăng ký trong kỳ"]) == line.new
        assert _int(row["Chưa đăng ký"]) == line.unregistered
        assert _int(row["Có mã QR chính thức"]) == line.official_qr
        assert _int(row["Áp phích mã QR đã in"]) == line.posters
    assert _int(venues["Tổng cộng"]["Số địa điểm"]) == 6
    # …and the aggregation is the direct SQL sum (the chain PDF = aggregation = SQL)
    sql = sql_totals(str(commune_db.engine.url.database), SEPTEMBER, "form")
    for line in data.by_form.lines:
        assert (
            _int(tables["Hình thức tuyên truyền"][line.label]["Số hoạt động"])
            == sql[f"{line.key}|#"]
        )


def test_every_number_in_the_xlsx_equals_the_aggregation(
    bundle: report.ReportBundle, tmp_path: Path
) -> None:
    path = report.write_xlsx(bundle, tmp_path / "bc.xlsx")
    book = load_workbook(path)
    data = bundle.data
    assert book.sheetnames == [
        "Báo cáo",
        "Tổng hợp",
        "Theo hình thức",
        "Theo nội dung",
        "Theo bản",
        "Mã QR",
        "Theo lực lượng",
    ]
    for name, breakdown in (
        ("Theo hình thức", data.by_form),
        ("Theo nội dung", data.by_topic),
        ("Theo bản", data.by_village),
        ("Theo lực lượng", data.by_team),
    ):
        sheet = book[name]
        header = [c.value for c in sheet[4]]
        assert header[:3] == ["STT", header[1], "Số hoạt động"]
        assert header[3:] == [c.label for c in data.columns]
        rows = list(
            sheet.iter_rows(min_row=5, max_row=4 + len(breakdown.lines) + 1, values_only=True)
        )
        for row, line in zip(rows, [*breakdown.lines, breakdown.total], strict=True):
            assert row[1] == line.label
            assert row[2] == line.activities
            for value, column in zip(row[3:], data.columns, strict=True):
                assert value == (line.value(column.code) if line.shows(column.code) else None)
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.print_title_rows == "$4:$4"
        assert sheet["A1"].font.name == "Times New Roman"
    summary = book["Tổng hợp"]
    assert [c.value for c in summary[5]][2:] == [
        data.totals.activities,
        data.previous_totals.activities,
        data.change(),
    ]
    venues = book["Mã QR"]
    total_row = [c.value for c in venues[5 + len(data.venues.lines)]]
    assert total_row[1:4] == ["Tổng cộng", data.venues.total.venues, data.venues.total.registered]
    info = {row[0]: row[1] for row in book["Báo cáo"].iter_rows(values_only=True)}
    assert info["2. Khó khăn, vướng mắc"] == DIFFICULTIES
    assert info["Số"] == "05/BC-UBND"


def test_pdf_text_extracts_nfc_identical_with_the_official_lines(
    commune_db: Database, bundle: report.ReportBundle
) -> None:
    typed = unicodedata.normalize("NFD", DIFFICULTIES)  # some phones send NFD
    report.save_texts(
        commune_db,
        SEPTEMBER,
        number="05",
        report_date=dt.date(2021, 10, 5),
        results=None,
        difficulties=typed,
        proposals=PROPOSALS,
    )
    fresh = report.prepare(commune_db, SEPTEMBER)
    text = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(report.pdf_bytes(fresh))).pages
    )
    flat = " ".join(text.split())
    assert unicodedata.is_normalized("NFC", text)
    for expected in (
        "ỦY BAN NHÂN DÂN",
        "XÃ MƯỜNG GIÀNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/BC-UBND",
        "Mường Giàng, ngày 05 tháng 10 năm 2021",
        "BÁO CÁO",
        "Kính gửi: UBND huyện Quỳnh Nhai (qua Phòng Văn hóa và Thông tin).",
        "II. KHÓ KHĂN, VƯỚNG MẮC",
        DIFFICULTIES,
        PROPOSALS,
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Lò Văn Thành",
        "Nơi nhận:",
        "- Lưu: VT, VHXH.",
        "số liệu tính theo tháng dương lịch, từ ngày 01/9/2021 đến ngày 30/9/2021",
    ):
        assert expected in flat, expected
    assert flat.index("Nơi nhận:") < flat.index("- Lưu: VT, VHXH.")


def _fonts(reader: PdfReader) -> Iterator[dict[str, object]]:
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            yield font.get_object()


def test_only_the_embedded_liberation_serif_is_used(pdf: bytes) -> None:
    fonts = list(_fonts(PdfReader(io.BytesIO(pdf))))
    names = {str(f["/BaseFont"]) for f in fonts}
    assert names and all("LiberationSerif" in n for n in names), names
    assert not any("Helvetica" in n for n in names)
    for font in fonts:
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:  # a composite font: the descriptor sits on its descendant
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object()  # the TrueType program is embedded


def test_header_and_signature_use_the_decree_30_faces_and_sizes(pdf: bytes) -> None:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        first, last = document.pages[0], document.pages[-1]

        def face(page: pdfplumber.page.Page, text: str) -> tuple[str, float]:
            words = page.extract_words(extra_attrs=["fontname", "size"])
            word = next(w for w in words if w["text"] == text)
            return word["fontname"].split("+")[-1], round(word["size"], 1)

        assert face(first, "CỘNG") == ("LiberationSerif-Bold", 12.0)
        assert face(first, "Hạnh") == ("LiberationSerif-Bold", 13.0)
        assert face(first, "GIÀNG") == ("LiberationSerif-Bold", 13.0)
        assert face(first, "tháng") == ("LiberationSerif-Italic", 13.0)  # the place-date line
        assert face(first, "Kính") == ("LiberationSerif", 14.0)
        assert face(last, "nhận:") == ("LiberationSerif-BoldItalic", 12.0)
        assert face(last, "Thành") == ("LiberationSerif-Bold", 14.0)


def _chars(data: bytes) -> list[list[tuple[str, float, float, float, float]]]:
    """Every drawn character of every page with its tight box (left, bottom, right, top)."""
    document = pdfium.PdfDocument(data)
    pages = []
    try:
        for page in document:
            textpage = page.get_textpage()
            chars = []
            for index in range(textpage.count_chars()):
                char = textpage.get_text_range(index, 1)
                if char.strip():
                    chars.append((char, *textpage.get_charbox(index)))
            pages.append(chars)
            textpage.close()
            page.close()
    finally:
        document.close()
    return pages


PAGE_W, PAGE_H = 595.2756, 841.8898


def _in_top_margin(box: tuple[str, float, float, float, float]) -> bool:
    return box[2] > PAGE_H - MARGIN_TOP


def test_text_lies_inside_the_margins_and_pages_are_numbered_from_two(pdf: bytes) -> None:
    pages = _chars(pdf)
    assert len(pages) >= 3
    tolerance = 0.5
    for number, chars in enumerate(pages, start=1):
        body = [c for c in chars if not _in_top_margin(c)]
        for char, left, bottom, right, top in body:
            assert left >= MARGIN_LEFT - tolerance, (number, char, left)
            assert right <= PAGE_W - MARGIN_RIGHT + tolerance, (number, char, right)
            assert bottom >= MARGIN_BOTTOM - tolerance, (number, char, bottom)
            assert top <= PAGE_H - MARGIN_TOP + tolerance, (number, char, top)
        header = [c for c in chars if _in_top_margin(c)]
        if number == 1:
            assert header == []
            continue
        assert "".join(c[0] for c in header) == str(number)
        centre = (min(c[1] for c in header) + max(c[3] for c in header)) / 2
        assert abs(centre - (MARGIN_LEFT + TEXT_WIDTH / 2)) < 2
        assert all(c[4] < PAGE_H - 5 for c in header)  # on the sheet, inside the margin


def test_forty_villages_break_onto_pages_with_repeated_headers(commune_db: Database) -> None:
    with commune_db.session() as session:
        villages = [reference.add_village(session, OWN, f"Bản Số {n:02d}") for n in range(1, 41)]
        team = reference.list_teams(session, OWN)[0]
        drafts = [
            (
                activities.ActivityDraft(
                    date=dt.date(2021, 9, 1 + n % 28),
                    team_id=team.id or 0,
                    form_code="direct",
                    topics=("bluezone",),
                    values={"people": 10 + n, "households": n},
                    village_id=village.id,
                ),
                "",
            )
            for n, village in enumerate(villages)
        ]
        activities.record_many(session, OWN, drafts)
    bundle = report.prepare(commune_db, SEPTEMBER)
    data = report.pdf_bytes(bundle)
    pages_with_village_table = []
    with pdfplumber.open(io.BytesIO(data)) as document:
        for number, page in enumerate(document.pages, start=1):
            for rows in page.extract_tables():
                header = [_cell(c) for c in rows[0]]
                if header[1] == "Bản, tổ dân phố":
                    pages_with_village_table.append(number)
    assert len(set(pages_with_village_table)) >= 2  # the table runs over a page
    table = pdf_tables(data)["Bản, tổ dân phố"]
    assert len(table) == 40 + 2  # 40 villages, the whole-commune line, the total
    for village in bundle.data.by_village.lines[:40]:
        assert _int(table[village.label]["Lượt người được tuyên truyền"]) == village.value("people")
    assert _int(table["Tổng cộng"]["Số hoạt động"]) == 40


def test_a_blank_number_leaves_room_to_write_it_by_hand(commune_db: Database) -> None:
    bundle = report.prepare(commune_db, SEPTEMBER)
    assert bundle.narrative.number == ""
    text = PdfReader(io.BytesIO(report.pdf_bytes(bundle))).pages[0].extract_text()
    assert "/BC-UBND" in text and "Số: 0" not in text
    blank = Narrative("", dt.date(2021, 10, 1), "", "", "")
    assert blank.reference.startswith("Số: ") and blank.reference.endswith("/BC-UBND")


def test_texts_that_look_like_formulas_stay_text_in_the_xlsx(
    bundle: report.ReportBundle, tmp_path: Path
) -> None:
    import zipfile

    hostile = {"difficulties": "=1+1", "proposals": "@SUM(A1:A9)", "results": "-3 bản vắng"}
    narrative = dataclasses.replace(bundle.narrative, **hostile)
    path = report.write_xlsx(report.with_narrative(bundle, narrative), tmp_path / "bc.xlsx")
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any("<f>" in archive.read(n).decode() for n in sheets)
    values = {c.value: c for row in load_workbook(path)["Báo cáo"].iter_rows() for c in row}
    for text in hostile.values():
        assert any(str(v).endswith(text) for v in values), text
    assert values["=1+1"].data_type == "s" and values["=1+1"].quotePrefix


def test_xlsx_narrative_is_one_wrapped_paragraph_per_row_and_every_table_is_numbered(
    bundle: report.ReportBundle, tmp_path: Path
) -> None:
    long = "Tổ chức tuyên truyền trên hệ thống loa truyền thanh của xã và các bản " * 6
    results = f"Ban Chỉ đạo đã triển khai kế hoạch.\n\n{long.strip()}\nCác bản đều thực hiện."
    path = report.write_xlsx(_narrative(bundle, results=results), tmp_path / "bc.xlsx")
    book = load_workbook(path)
    info = book["Báo cáo"]
    rows = [(a.value, b.value, b) for a, b in info.iter_rows(max_col=2)]
    start = next(i for i, (label, _, _) in enumerate(rows) if label == "1. Kết quả thực hiện")
    texts = [(label, text) for label, text, _ in rows[start : start + 4]]
    assert texts == [
        ("1. Kết quả thực hiện", "Ban Chỉ đạo đã triển khai kế hoạch."),
        (None, long.strip()),
        (None, "Các bản đều thực hiện."),
        ("2. Khó khăn, vướng mắc", DIFFICULTIES),
    ]
    cells = [cell for _, _, cell in rows[start : start + 3]]
    assert all(cell.alignment.wrap_text and cell.font.size == 12 for cell in cells)
    heights = [info.row_dimensions[cell.row].height for cell in cells]
    assert heights[1] >= 4 * heights[0]  # ~430 characters: five or six printed lines
    # Printed at full size: the two columns fit A4 portrait's width inside the margins
    # (about 92 character units), so fit-to-width does not shrink the 12-point text.
    widths = [info.column_dimensions[c].width for c in "AB"]
    assert sum(widths) <= 92 and widths[1] >= 60
    assert info.page_setup.orientation == "portrait" and info.page_setup.fitToWidth == 1
    for number, sheet in enumerate(book.worksheets[1:], start=1):
        assert str(sheet["A2"].value).startswith(f"Bảng {number}. "), sheet.title
        numbered = [row[0] for row in sheet.iter_rows(min_row=5) if isinstance(row[0].value, int)]
        assert numbered and all(c.alignment.horizontal == "center" for c in numbered)
