"""The Decree 30/2020/NĐ-CP (Appendix I) page: what every report of the app shares.

A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm; Liberation Serif
(Times-compatible, embedded). Header block in two columns (issuing body | national name and
motto), number and italic place-date line, "Kính gửi", ruled tables that repeat their header
row and keep their caption, the signature block beside "Nơi nhận", page numbers centred in
the top margin from page 2 on. The commune's report (report_pdf) and the district's
consolidated report (district_pdf) build their stories from these pieces.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from quynhnhai_desktop.domain.report import Issuer, Narrative
from quynhnhai_desktop.domain.text import nfc
from quynhnhai_desktop.domain.vn_format import place_date
from quynhnhai_desktop.output.fonts import (
    SERIF,
    SERIF_BOLD,
    SERIF_BOLD_ITALIC,
    SERIF_ITALIC,
    register_fonts,
)
from quynhnhai_desktop.output.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
PAGE_NUMBER_BASELINE = PAGE_HEIGHT - 12 * mm
PAGE_NUMBER_SIZE = 13
FOOT_NOTE_BASELINE = 10 * mm  # in page 1's bottom margin, below the text block
FOOT_NOTE_SIZE = 8
HEADER_LEFT_WIDTH = 62 * mm
INDENT = 10 * mm  # first-line indent of body paragraphs (Decree 30: 1–1.27 cm)
SIGNATURE_SPACE = 62  # points left for the signature and the seal
MIN_ROWS_AT_BREAK = 3
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def styles() -> dict[str, ParagraphStyle]:
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
        "recipient_item": style("recipient_item"),
        "recipient_label": style("recipient_label", alignment=TA_RIGHT),
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


def escape(text: str) -> str:
    """``xml.sax.saxutils.escape`` (& < >, in its order), without importing it: that module
    loads urllib and http.client (13 ms of a 0.25 s ``report monthly``)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped, NFC): user text never turns into markup."""
    return Paragraph(escape(nfc(text)), style)


class Rule(HRFlowable):
    """A centred rule of a given length (the short lines under the header texts)."""

    def __init__(self, length: float, space_before: float = 1) -> None:
        super().__init__(
            width=length,
            thickness=0.6,
            color=colors.black,
            spaceBefore=space_before,
            hAlign="CENTER",
        )


def _header_size(issuer: Issuer) -> tuple[float, int]:
    """The left column's width and the issuing body's font size (13 pt; 12 if too long).

    A commune's lines fit the usual 62 mm; an office's longer name ("PHÒNG VĂN HÓA VÀ
    THÔNG TIN") gets the room it needs, down to 12 pt (Decree 30 allows 12–13), so that the
    national name beside it keeps one line.
    """
    room = TEXT_WIDTH - stringWidth(NATION, SERIF_BOLD, 12) - 4 * mm
    for size in (13, 12):
        widest = max(
            stringWidth(nfc(text), SERIF_BOLD if bold else SERIF, size)
            for text, bold in issuer.header_lines
        )
        if widest + 2 * mm <= room or size == 12:
            return max(HEADER_LEFT_WIDTH, min(room, widest + 2 * mm)), size
    raise AssertionError("unreachable")


def header(narrative: Narrative, issuer: Issuer, st: dict[str, Any]) -> Table:
    """Issuing body | national name and motto; number | place and date (Decree 30)."""
    left_width, size = _header_size(issuer)
    faces = {True: SERIF_BOLD, False: SERIF}
    body = [
        para(
            text,
            ParagraphStyle(
                f"authority{bold}", st["authority"], fontName=faces[bold], fontSize=size
            ),
        )
        for text, bold in issuer.header_lines
    ]
    named = next(text for text, bold in issuer.header_lines if bold)
    left_rule = Rule(0.45 * stringWidth(nfc(named), SERIF_BOLD, size), space_before=5)
    motto_text = "Độc lập - Tự do - Hạnh phúc"
    nation = [
        para(NATION, st["nation"]),
        para(motto_text, st["motto"]),
        Rule(stringWidth(motto_text, SERIF_BOLD, 13), space_before=5),
    ]
    rows = [
        [[*body, left_rule], nation],
        [
            para(narrative.reference, st["reference"]),
            para(place_date(issuer.place, narrative.report_date), st["place_date"]),
        ],
    ]
    table = Table(rows, colWidths=[left_width, TEXT_WIDTH - left_width])
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


class Captioned(Flowable):
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


def grid(
    header: Sequence[str],
    rows: Sequence[Sequence[str | Paragraph]],
    widths: Sequence[float],
    st: dict[str, Any],
    *,
    numeric_from: int = 2,
    total_row: bool = True,
) -> Table:
    head = [para(text, st["head"]) for text in header]
    table = _GridTable([head, *rows], colWidths=list(widths), repeatRows=1, hAlign="CENTER")
    table.setStyle(_table_style(1, numeric_from, total_row))
    return table


def recipients(issuer: Issuer, st: dict[str, Any]) -> Flowable:
    """ "Kính gửi: X." on one centred line; several recipients as an indented list."""
    names = issuer.recipients
    if len(names) == 1:
        return para(f"Kính gửi: {names[0]}.", st["recipient"])
    items = [
        para(f"- {name}{'.' if last else ';'}", st["recipient_item"])
        for last, name in ((i == len(names) - 1, n) for i, n in enumerate(names))
    ]
    label_width = 40 * mm
    table = Table(
        [[para("Kính gửi:", st["recipient_label"]), items]],
        colWidths=[label_width, TEXT_WIDTH - label_width - 10 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (0, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    table.hAlign = "LEFT"
    table.spaceBefore, table.spaceAfter = 10, 10
    return table


def paragraphs(text: str, st: dict[str, Any], empty: str = "Không.") -> list[Flowable]:
    lines = [line.strip() for line in nfc(text).split("\n") if line.strip()]
    return [para(line, st["body"]) for line in lines or [empty]]


def signature(issuer: Issuer, st: dict[str, Any]) -> Table:
    """ "Nơi nhận" on the left; "TM." (a collective body), the title, room, the name."""
    copies = [para("Nơi nhận:", st["copies_head"])]
    copies += [para(f"- {item}", st["copies"]) for item in issuer.copies_to]
    if issuer.filed_as:
        copies.append(para(f"- {issuer.filed_as}", st["copies"]))
    sign = [para(line, st["sign"]) for line in (issuer.acting_for, *issuer.signer_title) if line]
    sign += [Spacer(1, SIGNATURE_SPACE), para(issuer.signer_name, st["sign"])]
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


def _page_number(canvas: Canvas, doc: BaseDocTemplate, first_page_note: str = "") -> None:
    """Decree 30: Arabic numerals, centred in the top margin, none on the first page.

    Page 1 may carry a small note in its bottom margin, outside the document's layout
    (the signing key's fingerprint)."""
    if canvas.getPageNumber() < 2:
        if first_page_note:
            canvas.saveState()
            canvas.setFont(SERIF_ITALIC, FOOT_NOTE_SIZE)
            canvas.setFillGray(0.35)
            canvas.drawString(MARGIN_LEFT, FOOT_NOTE_BASELINE, nfc(first_page_note))
            canvas.restoreState()
        return
    canvas.saveState()
    canvas.setFont(SERIF, PAGE_NUMBER_SIZE)
    canvas.drawCentredString(
        MARGIN_LEFT + TEXT_WIDTH / 2, PAGE_NUMBER_BASELINE, str(canvas.getPageNumber())
    )
    canvas.restoreState()


def render(
    flow: list[Flowable], *, title: str, author: str, subject: str, first_page_note: str = ""
) -> bytes:
    """A4 pages with the Decree 30 margins and page numbers; deterministic PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=nfc(title),
        author=nfc(author),
        subject=nfc(subject),
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
    on_page = functools.partial(_page_number, first_page_note=first_page_note)
    doc.addPageTemplates([PageTemplate("page", frames=[frame], onPage=on_page)])
    doc.build(flow)
    return buffer.getvalue()
