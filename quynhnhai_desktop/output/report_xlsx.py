"""The Excel copy of the report: the same numbers, one sheet per table, ready to print.

The district often retypes or merges the communes' figures in Excel; every number is a real
number cell (not text), headers are Vietnamese, and each sheet prints on A4 landscape, one
page wide, with its header row repeated and page numbers in the footer.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from quynhnhai_desktop.domain.report import (
    VENUE_COUNT_TITLES,
    Breakdown,
    Column,
    Issuer,
    Narrative,
    ReportData,
)
from quynhnhai_desktop.domain.text import nfc
from quynhnhai_desktop.domain.vn_format import period_name, period_short, rule_note, short_date
from quynhnhai_desktop.output.cells import safe_value, text_cell

FONT_NAME = "Times New Roman"  # what clerks' Excel has; Liberation Serif has the same metrics
HEADER_ROW = 4
NUMBER_FORMAT = "#,##0"
CHANGE_FORMAT = "+#,##0;-#,##0;0"
NOT_COMPARED = "—"  # the previous period has no figures (as output/report_pdf.py)
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)

SHEET_NAMES = {
    "info": "Báo cáo",
    "summary": "Tổng hợp",
    "form": "Theo hình thức",
    "topic": "Theo nội dung",
    "village": "Theo bản",
    "team": "Theo lực lượng",
    "venues": "Mã QR",
}


def font(size: int = 12, *, bold: bool = False, italic: bool = False) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


def print_setup(
    sheet: Worksheet, last_column: int, *, landscape: bool = True, table: bool = True
) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = 0.8
    sheet.page_margins.right = 0.6
    sheet.page_margins.top = 0.8
    sheet.page_margins.bottom = 0.8
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "Trang &P/&N"
    sheet.oddFooter.center.font = FONT_NAME
    if table:
        sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 3)
    sheet.print_area = f"A1:{get_column_letter(last_column)}{sheet.max_row}"


def titles(sheet: Worksheet, data: ReportData, issuer: Issuer, title: str, width: int) -> None:
    first = text_cell(sheet.cell(1, 1, safe_value(nfc(f"{issuer.authority} {issuer.unit_line}"))))
    first.font = font(bold=True)
    second = text_cell(sheet.cell(2, 1, safe_value(nfc(f"{title} - {period_short(data.period)}"))))
    second.font = font(13, bold=True)
    sheet.cell(2, 1).alignment = Alignment(horizontal="center")
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    third = text_cell(sheet.cell(3, 1, safe_value(nfc(campaign_line(data)))))
    third.font = font(11, italic=True)
    third.alignment = Alignment(horizontal="center")
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=width)


def campaign_line(data: ReportData) -> str:
    """The campaign the figures are of, as the PDF's opening sentence names it."""
    return f"Đợt tuyên truyền: {data.catalog_title} (thực hiện {data.catalog_source})"


def table(
    sheet: Worksheet,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    total: Sequence[object] | None,
    widths: Sequence[float],
    number_format: dict[int, str] | None = None,
) -> None:
    """Header at HEADER_ROW, then the rows, then the total line; borders, fonts, widths."""
    formats = number_format or {}
    for col, text in enumerate(header, start=1):
        cell = text_cell(sheet.cell(HEADER_ROW, col, safe_value(nfc(text))))
        cell.font = font(11, bold=True)
        cell.alignment = _WRAP_CENTRE
        cell.border = _BORDER
    sheet.row_dimensions[HEADER_ROW].height = 60
    all_rows = [*rows, *([total] if total is not None else [])]
    for offset, values in enumerate(all_rows, start=1):
        row = HEADER_ROW + offset
        is_total = total is not None and offset == len(all_rows)
        for col, value in enumerate(values, start=1):
            cell = text_cell(
                sheet.cell(row, col, safe_value(nfc(value) if isinstance(value, str) else value))
            )
            cell.font = font(12, bold=is_total)
            cell.border = _BORDER
            if col == 1:  # STT
                cell.alignment = _WRAP_CENTRE
            elif isinstance(value, int):
                cell.number_format = formats.get(col, NUMBER_FORMAT)
                cell.alignment = Alignment(horizontal="right", vertical="center")
            else:
                cell.alignment = _WRAP_LEFT
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width


def breakdown_sheet(
    book: Workbook,
    name: str,
    title: str,
    key_header: str,
    breakdown: Breakdown,
    data: ReportData,
    issuer: Issuer,
    note: str = "",
    columns: Sequence[Column] | None = None,
) -> None:
    """One breakdown on its own sheet: lines × activity count and indicators, total line."""
    sheet = book.create_sheet(name)
    columns = data.columns if columns is None else columns
    header = ["STT", key_header, "Số hoạt động", *(c.label for c in columns)]
    rows = [
        [
            position,
            line.label,
            line.activities,
            *(line.value(c.code) if line.shows(c.code) else None for c in columns),
        ]
        for position, line in enumerate(breakdown.lines, start=1)
    ]
    total = ["", "Tổng cộng", breakdown.total.activities]
    total += [breakdown.total.value(c.code) for c in columns]
    titles(sheet, data, issuer, title, len(header))
    table(sheet, header, rows, total=total, widths=[6, 34, 11, *[12] * len(columns)])
    if note:
        cell = text_cell(sheet.cell(sheet.max_row + 2, 1, safe_value(note)))
        cell.font = font(11, italic=True)
    print_setup(sheet, len(header))


def summary_sheet(
    book: Workbook,
    data: ReportData,
    issuer: Issuer,
    title: str = "Bảng 1. Tổng hợp kết quả so với kỳ trước",
    note: str = "",
    *,
    compared: bool = True,
) -> None:
    """This period against the previous one (without *compared*, dashes: see summary_table)."""
    sheet = book.create_sheet(SHEET_NAMES["summary"])
    this, before = period_short(data.period), period_short(data.previous_period)
    header = ["STT", "Chỉ tiêu", this[:1].upper() + this[1:], before[:1].upper() + before[1:]]
    header.append("Tăng (+), giảm (-)")
    rows: list[list[object]] = [
        [
            1,
            "Số hoạt động tuyên truyền",
            data.totals.activities,
            data.previous_totals.activities,
            data.change(),
        ]
    ]
    rows += [
        [
            position,
            c.label,
            data.totals.value(c.code),
            data.previous_totals.value(c.code),
            data.change(c.code),
        ]
        for position, c in enumerate(data.columns, start=2)
    ]
    if not compared:
        rows = [[*row[:3], NOT_COMPARED, NOT_COMPARED] for row in rows]
    titles(sheet, data, issuer, title, len(header))
    table(
        sheet,
        header,
        rows,
        total=None,
        widths=[6, 40, 16, 16, 16],
        number_format={5: CHANGE_FORMAT},
    )
    if note:
        text_cell(sheet.cell(sheet.max_row + 2, 1, safe_value(nfc(note)))).font = font(
            11, italic=True
        )
    print_setup(sheet, len(header), landscape=False)


def venue_sheet(
    book: Workbook,
    data: ReportData,
    issuer: Issuer,
    *,
    name: str = SHEET_NAMES["venues"],
    title: str = "Bảng 5. Đăng ký, sử dụng mã QR tại địa điểm công cộng",
    key_header: str = "Loại địa điểm",
) -> None:
    """The venues' QR situation, by category (or by commune at the district)."""
    sheet = book.create_sheet(name)
    header = ["STT", key_header, *VENUE_COUNT_TITLES]
    rows = [
        [position, line.label, *line.counts()]
        for position, line in enumerate(data.venues.lines, start=1)
    ]
    total = ["", "Tổng cộng", *data.venues.total.counts()]
    titles(sheet, data, issuer, title, len(header))
    table(sheet, header, rows, total=total, widths=[6, 30, 12, 12, 14, 12, 14, 14])
    print_setup(sheet, len(header))


def commune_info(data: ReportData, narrative: Narrative, issuer: Issuer) -> list[tuple[str, str]]:
    """The first sheet's label/value lines for a commune's report."""
    subject = data.catalog_title[:1].lower() + data.catalog_title[1:]
    return [
        ("Cơ quan báo cáo", f"{issuer.authority} {issuer.unit_line}"),
        ("Số", f"{narrative.number or '   '}/{narrative.symbol}"),
        ("Ngày báo cáo", short_date(narrative.report_date)),
        ("Trích yếu", f"Báo cáo kết quả {subject} {period_name(data.period)}"),
        ("Kỳ báo cáo", rule_note(data.period)),
        ("Đợt tuyên truyền", data.catalog_title),
        ("Căn cứ", data.catalog_source),
        ("Kính gửi", issuer.recipient),
        ("1. Kết quả thực hiện", narrative.results),
        ("2. Khó khăn, vướng mắc", narrative.difficulties or "Không."),
        ("3. Đề xuất, kiến nghị", narrative.proposals or "Không."),
        ("Người ký", f"{' - '.join(issuer.signer_title)}: {issuer.signer_name}"),
    ]


INFO_WIDTHS = (20, 70)  # label | text: 90 units fit A4 portrait's printable width at 100 %
TEXT_CHARS_PER_LINE = 75  # Times New Roman 12 in a 70-unit column, rounded down
LINE_HEIGHT = 16.0  # points per wrapped line of 12-point text


def paragraphs(value: str) -> list[str]:
    """A text's paragraphs (its non-blank lines); one empty paragraph for an empty text."""
    parts = [part.rstrip() for part in value.split("\n") if part.strip()]
    return parts or [""]


def info_sheet(book: Workbook, lines: Sequence[tuple[str, str]]) -> None:
    """The first sheet: what the report is (label | text), printed portrait.

    A long text (the results, the difficulties) takes one row per paragraph, wrapped in a
    column that prints at full size on A4, so it reads as the report does and Excel never
    hides a paragraph in a row too short for it.
    """
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET_NAMES["info"]
    row = 0
    for label, value in lines:
        for number, paragraph in enumerate(paragraphs(value)):
            row += 1
            if number == 0:
                head = text_cell(sheet.cell(row, 1, safe_value(nfc(label))))
                head.font = font(12, bold=True)
                head.alignment = Alignment(vertical="top", wrap_text=True)
            cell = text_cell(sheet.cell(row, 2, safe_value(nfc(paragraph))))
            cell.font = font(12)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            line_count = len(paragraph) // TEXT_CHARS_PER_LINE + 1
            sheet.row_dimensions[row].height = LINE_HEIGHT * line_count + 2
    sheet.column_dimensions["A"].width = INFO_WIDTHS[0]
    sheet.column_dimensions["B"].width = INFO_WIDTHS[1]
    print_setup(sheet, 2, landscape=False, table=False)


def to_bytes(book: Workbook, title: str) -> bytes:
    book.properties.title = nfc(title)
    book.properties.creator = "quynhnhai-desktop"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def build_report_xlsx(data: ReportData, narrative: Narrative, issuer: Issuer) -> bytes:
    """The workbook as bytes: an information sheet, the summary, then one sheet per table."""
    book = Workbook()
    info_sheet(book, commune_info(data, narrative, issuer))
    summary_sheet(book, data, issuer)
    breakdown_sheet(
        book,
        SHEET_NAMES["form"],
        "Bảng 2. Kết quả theo hình thức tuyên truyền",
        "Hình thức tuyên truyền",
        data.by_form,
        data,
        issuer,
        "Ô để trống: chỉ tiêu mà hình thức tuyên truyền đó không thống kê.",
    )
    breakdown_sheet(
        book,
        SHEET_NAMES["topic"],
        "Bảng 3. Kết quả theo nội dung tuyên truyền",
        "Nội dung tuyên truyền",
        data.by_topic,
        data,
        issuer,
        "Một hoạt động tuyên truyền nhiều nội dung được tính ở từng nội dung; dòng tổng cộng "
        "tính mỗi hoạt động một lần.",
    )
    breakdown_sheet(
        book,
        SHEET_NAMES["village"],
        "Bảng 4. Kết quả theo bản, tổ dân phố",
        "Bản, tổ dân phố",
        data.by_village,
        data,
        issuer,
    )
    venue_sheet(book, data, issuer)
    breakdown_sheet(
        book,
        SHEET_NAMES["team"],
        "Bảng 6. Kết quả theo lực lượng thực hiện (chỉ có trong bản Excel)",
        "Lực lượng",
        data.by_team,
        data,
        issuer,
    )
    return to_bytes(book, f"Báo cáo {period_name(data.period)} - {issuer.unit_line}")
