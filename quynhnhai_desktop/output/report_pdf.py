"""The report as the district receives it: Decree 30/2020/NĐ-CP, Appendix I layout.

A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm; Liberation Serif
(Times-compatible, embedded). Header block in two columns (issuing body | national name and
motto), number and italic place-date line, title and summary line, "Kính gửi", the body
with its tables, the signature block beside "Nơi nhận". Page numbers sit centred in the top
margin from page 2 on. Tables that run over a page repeat their header row.

:func:`build_report_pdf` takes plain data (figures, texts, issuer) so the district's own
report can reuse the layout with its figures.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from quynhnhai_desktop.domain.report import Breakdown, Column, Issuer, Narrative, ReportData
from quynhnhai_desktop.domain.text import nfc
from quynhnhai_desktop.domain.vn_format import (
    number,
    period_name,
    period_short,
    place_date,
    rule_note,
    short_date,
    signed,
)
from quynhnhai_desktop.output.fonts import (
    SERIF,
    SERIF_BOLD,
    SERIF_BOLD_ITALIC,
    SERIF_ITALIC,
    register_fonts,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
PAGE_NUMBER_BASELINE = PAGE_HEIGHT - 12 * mm
PAGE_NUMBER_SIZE = 13
HEADER_LEFT_WIDTH = 62 * mm
MAX_NUMBER_COLUMNS = 7  # wider tables are split in parts (A4 portrait, 11 pt)
INDENT = 10 * mm  # first-line indent of body paragraphs (Decree 30: 1–1.27 cm)
SIGNATURE_SPACE = 62  # points left for the signature and the seal
# "2. Kết quả cụ thể" starts on a new page unless its first table can start under it.
ROOM_FOR_TABLE_START = 45 * mm
MIN_ROWS_AT_BREAK = 3

FORM_NOTE = "Ghi chú: ô để trống là chỉ tiêu mà hình thức tuyên truyền đó không thống kê."
TOPIC_NOTE = (
    "Ghi chú: một hoạt động tuyên truyền nhiều nội dung được tính ở từng nội dung, nên cộng "
    "các dòng có thể lớn hơn dòng tổng cộng; dòng tổng cộng tính mỗi hoạt động một lần."
)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=SERIF, fontSize=14, leading=18)
    centred = ParagraphStyle("centred", parent=base, alignment=TA_CENTER)

    def style(name: str, parent: ParagraphStyle = base, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **kw)

    return {
        "authority": style("authority", centred, fontName=SERIF_BOLD, fontSize=13, leading=15),
        "nation": style("nation", centred, fontName=SERIF_BOLD, fontSize=12, leading=15),
        "motto": style("motto", centred, fontName=SERIF_BOLD, fontSize=13, leading=16),
        "reference": style("reference", centred, fontSize=13, leading=16),
        "place_date": style("place_date", centred, fontName=SERIF_ITALIC, fontSize=13, leading=16),
        "title": style(
            "title", centred, fontName=SERIF_BOLD, fontSize=14, leading=18, spaceBefore=16
        ),
        "summary": style("summary", centred, fontName=SERIF_BOLD, fontSize=14, leading=18),
        "recipient": style("recipient", centred, spaceBefore=10, spaceAfter=10),
        "body": style(
            "body", alignment=TA_JUSTIFY, firstLineIndent=INDENT, spaceBefore=0, spaceAfter=6
        ),
        "heading": style(
            "heading",
            fontName=SERIF_BOLD,
            firstLineIndent=INDENT,
            spaceBefore=6,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "caption": style(
            "caption",
            centred,
            fontName=SERIF_BOLD,
            fontSize=13,
            leading=16,
            spaceBefore=6,
            spaceAfter=4,
        ),
        "note": style(
            "note",
            fontName=SERIF_ITALIC,
            fontSize=12,
            leading=15,
            alignment=TA_JUSTIFY,
            spaceBefore=3,
            spaceAfter=8,
        ),
        "cell": style("cell", fontSize=11, leading=13, alignment=TA_LEFT),
        "cell_bold": style("cell_bold", fontName=SERIF_BOLD, fontSize=11, leading=13),
        "head": style("head", centred, fontName=SERIF_BOLD, fontSize=10, leading=12),
        "sign": style("sign", centred, fontName=SERIF_BOLD, fontSize=14, leading=17),
        "copies_head": style("copies_head", fontName=SERIF_BOLD_ITALIC, fontSize=12, leading=14),
        "copies": style("copies", fontSize=11, leading=13),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped, NFC): user text never turns into markup."""
    return Paragraph(escape(nfc(text)), style)


class _Rule(HRFlowable):
    """A centred rule of a given length (the short lines under the header texts)."""

    def __init__(self, length: float, space_before: float = 1) -> None:
        super().__init__(
            width=length,
            thickness=0.6,
            color=colors.black,
            spaceBefore=space_before,
            hAlign="CENTER",
        )


def _header(data: ReportData, narrative: Narrative, issuer: Issuer, st: dict[str, Any]) -> Table:
    authority = [_p(issuer.authority, st["authority"]), _p(issuer.unit_line, st["authority"])]
    left_rule = _Rule(0.45 * stringWidth(nfc(issuer.authority), SERIF_BOLD, 13), space_before=5)
    motto_text = "Độc lập - Tự do - Hạnh phúc"
    nation = [
        _p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st["nation"]),
        _p(motto_text, st["motto"]),
        _Rule(stringWidth(motto_text, SERIF_BOLD, 13), space_before=5),
    ]
    rows = [
        [[*authority, left_rule], nation],
        [
            _p(narrative.reference, st["reference"]),
            _p(place_date(issuer.place, narrative.report_date), st["place_date"]),
        ],
    ]
    table = Table(rows, colWidths=[HEADER_LEFT_WIDTH, TEXT_WIDTH - HEADER_LEFT_WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 6),
            ]
        )
    )
    return table


class _GridTable(Table):
    """A table that never leaves fewer than MIN_ROWS_AT_BREAK rows either side of a page break.

    Reportlab splits a table at the last row that fits; a lone total line at the top of a
    page, or a header with one row at the foot of one, is what no clerk would print.
    """

    def split(self, width: float, height: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(width, height)
        if len(parts) != 2:
            return parts
        header = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        before = len(parts[0]._cellvalues) - header
        after = len(parts[1]._cellvalues) - header
        if before < MIN_ROWS_AT_BREAK:
            return []  # start the table on the next page instead
        if after >= MIN_ROWS_AT_BREAK:
            return parts
        keep = before + after - MIN_ROWS_AT_BREAK
        if keep < MIN_ROWS_AT_BREAK:
            return []
        fits = sum(self._rowHeights[: header + keep])
        return list(super().split(width, fits + 0.01))


class _Captioned(Flowable):
    """A table with its caption: never the caption alone at the foot of a page.

    When the table splits, the caption goes with its first part; when not even the first
    rows fit (see :class:`_GridTable`), caption and table move to the next page together.
    """

    def __init__(self, caption: Paragraph, table: _GridTable) -> None:
        super().__init__()
        self.caption = caption
        self.table = table
        self._caption_height = 0.0

    def _caption_space(self, width: float, height: float) -> float:
        _w, self._caption_height = self.caption.wrap(width, height)
        return self._caption_height + self.caption.getSpaceAfter()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        above = self._caption_space(availWidth, availHeight)
        _w, table_height = self.table.wrap(availWidth, availHeight - above)
        self.width, self.height = availWidth, above + table_height
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return float(self.caption.getSpaceBefore())

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        above = self._caption_space(availWidth, availHeight)
        parts = self.table.split(availWidth, availHeight - above)
        return [self.caption, *parts] if parts else []

    def draw(self) -> None:
        self.caption.drawOn(self.canv, 0, self.height - self._caption_height)
        self.table.drawOn(self.canv, 0, 0)


def _table_style(header_rows: int, numeric_from: int, total_row: bool) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("FONTSIZE", (0, 0), (-1, -1), 11),
        ("LEADING", (0, 0), (-1, -1), 13),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("ALIGN", (numeric_from, header_rows), (-1, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("FONTNAME", (0, 0), (-1, header_rows - 1), SERIF_BOLD),
    ]
    if total_row:
        commands.append(("FONTNAME", (0, -1), (-1, -1), SERIF_BOLD))
    return TableStyle(commands)


def _grid(
    header: Sequence[str],
    rows: Sequence[Sequence[str | Paragraph]],
    widths: Sequence[float],
    st: dict[str, Any],
    *,
    numeric_from: int = 2,
    total_row: bool = True,
) -> Table:
    head = [_p(text, st["head"]) for text in header]
    table = _GridTable([head, *rows], colWidths=list(widths), repeatRows=1, hAlign="CENTER")
    table.setStyle(_table_style(1, numeric_from, total_row))
    return table


def _chunks(columns: Sequence[Column], with_count: bool) -> list[list[Column | None]]:
    """Split the numeric columns into parts that fit the page (None = activity count)."""
    cells: list[Column | None] = [None, *columns] if with_count else list(columns)
    return [cells[i : i + MAX_NUMBER_COLUMNS] for i in range(0, len(cells), MAX_NUMBER_COLUMNS)]


def _breakdown(
    caption: str,
    key_header: str,
    breakdown: Breakdown,
    columns: Sequence[Column],
    st: dict[str, Any],
    note: str | None = None,
) -> list[Flowable]:
    flow: list[Flowable] = []
    parts = _chunks(columns, with_count=True)
    for index, part in enumerate(parts):
        title = caption if index == 0 else f"{caption.split('.')[0]} (tiếp theo)"
        number_width = 16 * mm
        label_width = TEXT_WIDTH - 9 * mm - number_width * len(part)
        header = ["STT", key_header] + [
            "Số hoạt động" if column is None else column.label for column in part
        ]
        rows: list[list[str | Paragraph]] = []
        for position, line in enumerate(breakdown.lines, start=1):
            cells: list[str | Paragraph] = [str(position), _p(line.label, st["cell"])]
            for column in part:
                if column is None:
                    cells.append(number(line.activities))
                else:
                    cells.append(number(line.value(column.code)) if line.shows(column.code) else "")
            rows.append(cells)
        total = breakdown.total
        rows.append(
            [
                "",
                _p("Tổng cộng", st["cell_bold"]),
                *(number(total.activities if c is None else total.value(c.code)) for c in part),
            ]
        )
        grid = _grid(header, rows, [9 * mm, label_width, *[number_width] * len(part)], st)
        flow.append(_Captioned(_p(title, st["caption"]), grid))
    if note:
        flow.append(_p(note, st["note"]))
    else:
        flow.append(Spacer(1, 6))
    return flow


def _summary_table(data: ReportData, st: dict[str, Any]) -> list[Flowable]:
    this, before = period_short(data.period), period_short(data.previous_period)
    header = ["STT", "Chỉ tiêu", this[:1].upper() + this[1:], before[:1].upper() + before[1:]]
    header.append("Tăng (+), giảm (-)")
    rows: list[list[str | Paragraph]] = [
        [
            "1",
            _p("Số hoạt động tuyên truyền", st["cell"]),
            number(data.totals.activities),
            number(data.previous_totals.activities),
            signed(data.change()),
        ]
    ]
    for position, column in enumerate(data.columns, start=2):
        rows.append(
            [
                str(position),
                _p(column.label, st["cell"]),
                number(data.totals.value(column.code)),
                number(data.previous_totals.value(column.code)),
                signed(data.change(column.code)),
            ]
        )
    widths = [9 * mm, TEXT_WIDTH - 9 * mm - 3 * 27 * mm, 27 * mm, 27 * mm, 27 * mm]
    return [
        CondPageBreak(ROOM_FOR_TABLE_START),
        _p("2. Kết quả cụ thể", st["heading"]),
        _Captioned(
            _p("Bảng 1. Tổng hợp kết quả so với kỳ trước", st["caption"]),
            _grid(header, rows, widths, st, total_row=False),
        ),
        Spacer(1, 8),
    ]


def _venue_table(data: ReportData, st: dict[str, Any], caption: str) -> list[Flowable]:
    header = [
        "STT",
        "Loại địa điểm",
        "Số địa điểm",
        "Đã đăng ký mã QR",
        "Trong đó: đăng ký trong kỳ",
        "Chưa đăng ký",
        "Có mã QR chính thức",
        "Áp phích mã QR đã in",
    ]
    rows: list[list[str | Paragraph]] = []
    for position, line in enumerate(data.venues.lines, start=1):
        rows.append(
            [
                str(position),
                _p(line.label, st["cell"]),
                *(
                    number(v)
                    for v in (
                        line.venues,
                        line.registered,
                        line.new,
                        line.unregistered,
                        line.official_qr,
                        line.posters,
                    )
                ),
            ]
        )
    total = data.venues.total
    rows.append(
        [
            "",
            _p("Tổng cộng", st["cell_bold"]),
            *(
                number(v)
                for v in (
                    total.venues,
                    total.registered,
                    total.new,
                    total.unregistered,
                    total.official_qr,
                    total.posters,
                )
            ),
        ]
    )
    number_width = 17 * mm
    widths = [9 * mm, TEXT_WIDTH - 9 * mm - 6 * number_width, *[number_width] * 6]
    note = (
        f"Ghi chú: số địa điểm đang hoạt động; số đã đăng ký tính đến ngày "
        f"{short_date(data.period.end)} (cuối kỳ trước: {number(data.venues.previous_registered)}"
        " địa điểm); số áp phích tính lũy kế."
    )
    return [
        _Captioned(_p(caption, st["caption"]), _grid(header, rows, widths, st)),
        _p(note, st["note"]),
    ]


def _paragraphs(text: str, st: dict[str, Any], empty: str = "Không.") -> list[Flowable]:
    lines = [line.strip() for line in nfc(text).split("\n") if line.strip()]
    return [_p(line, st["body"]) for line in lines or [empty]]


def _signature(issuer: Issuer, st: dict[str, Any]) -> Table:
    copies = [_p("Nơi nhận:", st["copies_head"])]
    copies += [_p(f"- {item}", st["copies"]) for item in issuer.copies_to]
    copies.append(_p(f"- {issuer.filed_as}", st["copies"]))
    sign = [_p(issuer.acting_for, st["sign"])]
    sign += [_p(line, st["sign"]) for line in issuer.signer_title]
    sign += [Spacer(1, SIGNATURE_SPACE), _p(issuer.signer_name, st["sign"])]
    table = Table([[copies, sign]], colWidths=[TEXT_WIDTH - 95 * mm, 95 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _page_number(canvas: Canvas, doc: BaseDocTemplate) -> None:
    """Decree 30: Arabic numerals, centred in the top margin, none on the first page."""
    if canvas.getPageNumber() < 2:
        return
    canvas.saveState()
    canvas.setFont(SERIF, PAGE_NUMBER_SIZE)
    canvas.drawCentredString(
        MARGIN_LEFT + TEXT_WIDTH / 2, PAGE_NUMBER_BASELINE, str(canvas.getPageNumber())
    )
    canvas.restoreState()


def _rule_clause(data: ReportData) -> str:
    """'(số liệu tính …)' for a month; a range of days already names its days."""
    return f" ({rule_note(data.period)})" if data.period.is_monthly else ""


def story(data: ReportData, narrative: Narrative, issuer: Issuer) -> list[Flowable]:
    """The report's flowables, in reading order."""
    st = _styles()
    unit = f"{issuer.unit_kind.lower()} {issuer.unit_name}"
    subject = data.catalog_title[:1].lower() + data.catalog_title[1:]
    flow: list[Flowable] = [
        _header(data, narrative, issuer, st),
        _p("BÁO CÁO", st["title"]),
        _p(f"Kết quả {subject} {period_name(data.period)}", st["summary"]),
        _Rule(40 * mm, space_before=6),
        _p(f"Kính gửi: {issuer.recipient}.", st["recipient"]),
        _p(
            f"Thực hiện {data.catalog_source} về việc {subject}; Ủy ban nhân dân {unit} báo cáo "
            f"kết quả thực hiện {period_name(data.period)}{_rule_clause(data)} như sau:",
            st["body"],
        ),
        _p("I. KẾT QUẢ THỰC HIỆN", st["heading"]),
        _p("1. Tình hình chung", st["heading"]),
        *_paragraphs(narrative.results, st, empty="Chưa có hoạt động trong kỳ."),
        *_summary_table(data, st),
        *_breakdown(
            "Bảng 2. Kết quả theo hình thức tuyên truyền",
            "Hình thức tuyên truyền",
            data.by_form,
            data.columns,
            st,
            note=FORM_NOTE,
        ),
        *_breakdown(
            "Bảng 3. Kết quả theo nội dung tuyên truyền",
            "Nội dung tuyên truyền",
            data.by_topic,
            data.columns,
            st,
            note=TOPIC_NOTE,
        ),
        *_breakdown(
            "Bảng 4. Kết quả theo bản, tổ dân phố",
            "Bản, tổ dân phố",
            data.by_village,
            data.columns,
            st,
        ),
        *_venue_table(data, st, "Bảng 5. Đăng ký, sử dụng mã QR tại địa điểm công cộng"),
        _p("II. KHÓ KHĂN, VƯỚNG MẮC", st["heading"]),
        *_paragraphs(narrative.difficulties, st),
    ]
    closing = _p(
        f"Trên đây là báo cáo kết quả {subject} {period_name(data.period)} của Ủy ban nhân dân "
        f"{unit}./.",
        st["body"],
    )
    # The signature never stands alone on a page: the last section goes over with it.
    flow.append(
        KeepTogether(
            [
                _p("III. ĐỀ XUẤT, KIẾN NGHỊ", st["heading"]),
                *_paragraphs(narrative.proposals, st),
                closing,
                _signature(issuer, st),
            ]
        )
    )
    return flow


def build_report_pdf(data: ReportData, narrative: Narrative, issuer: Issuer) -> bytes:
    """The report as PDF bytes (deterministic for the same input)."""
    register_fonts()
    buffer = io.BytesIO()
    unit = f"{issuer.unit_kind} {issuer.unit_name}"
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=nfc(f"Báo cáo {period_name(data.period)} - UBND {unit}"),
        author=nfc(f"Ủy ban nhân dân {unit.lower()}"),
        subject=nfc(data.catalog_title),
        creator="quynhnhai-desktop",
        invariant=True,
        initialFontName=SERIF,
        initialFontSize=14,
        initialLeading=18,
        lang="vi-VN",
    )
    # No frame padding: the text block is exactly the page less the Decree 30 margins.
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        TEXT_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="text",
    )
    doc.addPageTemplates([PageTemplate("page", frames=[frame], onPage=_page_number)])
    doc.build(story(data, narrative, issuer))
    return buffer.getvalue()
