"""QR-code posters for the commune's venues, as one PDF: A4 posters, A5 pairs, sticker sheets.

A poster is a public notice in Vietnam, so its text is Vietnamese whatever language the app
speaks. The A4 design follows the administrative header of Decree 30/2020/NĐ-CP (issuing
body left, national motto right); the A5 poster is the same design scaled by 1/√2, two to
an A4 landscape sheet with a dashed cut line. Stickers are 12 labels per A4 with cut marks.

Every QR is drawn as one vector path (see :mod:`output.qr`) and reported as a
:class:`PlacedQr`, so that :mod:`output.qrcheck` can render and decode each one before
the job succeeds.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from quynhnhai_desktop import __version__
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.text import nfc
from quynhnhai_desktop.output import qr
from quynhnhai_desktop.output.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts

Layout = Literal["a4", "a5", "stickers"]
LAYOUTS: tuple[Layout, ...] = ("a4", "a5", "stickers")
Progress = Callable[[int, int], None]

MIN_MODULE_MM = 0.5  # smaller modules blur on office printers and phones miss them
A4_W, A4_H = A4
A4_QR_AREA = 184 * mm  # symbol + quiet zone: a version-5 symbol is 151 mm, bigger ones more
A5_SCALE = 1 / math.sqrt(2)  # A4 → A5
STICKER_COLUMNS, STICKER_ROWS = 3, 4
STICKER_MARGIN_X, STICKER_MARGIN_Y = 10 * mm, 12 * mm
STICKER_QR_AREA = 46 * mm
STICKER_W = (A4_W - 2 * STICKER_MARGIN_X) / STICKER_COLUMNS
STICKER_H = (A4_H - 2 * STICKER_MARGIN_Y) / STICKER_ROWS


@dataclass(frozen=True)
class Heading:
    """Who issues the posters, as printed: ("ỦY BAN NHÂN DÂN", "XÃ MƯỜNG GIÀNG")."""

    authority_lines: tuple[str, str]
    authority_name: str  # in running text: "UBND xã Mường Giàng"
    printed_on: dt.date


@dataclass(frozen=True)
class PosterItem:
    venue_code: str
    name: str
    address: str
    payload: str  # exactly what the QR must decode to
    local: bool  # the commune's own code, not the national platform's


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class PlacedQr:
    """Where one symbol sits: page (0-based), bottom-left and side in points, quiet zone."""

    page: int
    venue_code: str
    payload: str
    x: float
    y: float
    size: float
    quiet: float
    modules: int


@dataclass(frozen=True)
class PosterSheet:
    """The finished PDF and where every QR (and sticker label) went."""

    pdf: bytes
    layout: Layout
    pages: int
    placements: tuple[PlacedQr, ...]
    labels: tuple[Rect, ...] = ()  # sticker labels, page coordinates (for the cut marks)


class QrTooDense(UserError):
    """A payload too long for a layout's QR size: it would not scan when printed."""


def _clean(text: str) -> str:
    return " ".join(nfc(text).split())


def _fit(
    text: str, font: str, size: float, smallest: float, width: float, max_lines: int
) -> tuple[float, list[str]]:
    """The largest size from *size* down to *smallest* at which *text* fits the lines.

    At the smallest size the last line is cut with "…" rather than running off the paper.
    """
    text = _clean(text)
    current = size
    while True:
        lines = simpleSplit(text, font, current, width) or [""]
        if len(lines) <= max_lines:
            return current, lines
        if current - 0.5 < smallest:
            break
        current -= 0.5
    kept = lines[:max_lines]
    last = kept[-1]
    while last and stringWidth(last + "…", font, current) > width:
        last = last[:-1].rstrip()
    kept[-1] = last + "…"
    return current, kept


def _centred(canvas: Canvas, text: str, font: str, size: float, x: float, y: float) -> float:
    """Draw *text* centred on x; returns its width."""
    canvas.setFont(font, size)
    text = _clean(text)
    canvas.drawCentredString(x, y, text)
    return stringWidth(text, font, size)


def _draw_qr(canvas: Canvas, matrix: qr.QrMatrix, x: float, y: float, size: float) -> None:
    """The symbol as one filled path, scaled from module units to *size* points."""
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.translate(x, y)
    module = size / matrix.size
    canvas.scale(module, module)
    canvas.addLiteral(qr.path_operators(matrix))
    canvas.restoreState()


def _check_density(item: PosterItem, matrix: qr.QrMatrix, area: float) -> None:
    module_mm = area / matrix.size_with_quiet_zone / mm
    if module_mm < MIN_MODULE_MM:
        raise QrTooDense(
            "posters",
            QT_TRANSLATE_NOOP(
                "posters",
                "The QR content of “{venue}” ({code}) is too long to print this small: "
                "choose the A4 poster.",
            ),
            venue=item.name,
            code=item.venue_code,
        )


# -- the A4 poster (A5 is the same drawing, scaled) --------------------------------------

OFFICIAL_SUBTITLE = "Mã do nền tảng quốc gia qr.tokhaiyte.vn cấp cho địa điểm"
LOCAL_NOTICE = "MÃ NỘI BỘ CỦA {authority} — KHÔNG PHẢI MÃ QR QUỐC GIA"
OFFICIAL_HELP = (
    "Khi vào địa điểm, mở ứng dụng PC-Covid, Sổ sức khỏe điện tử hoặc Bluezone, chọn "
    "“Quét mã QR” và đưa camera vào mã này. Mỗi lần vào đều quét mã, "
    "góp phần phòng, chống dịch COVID-19."
)
LOCAL_HELP = (
    "Địa điểm chưa có mã QR của nền tảng quốc gia. Mã này do {authority} in để quản lý "
    "địa điểm; quét mã này không thay cho khai báo y tế. Đăng ký mã chính thức tại "
    "qr.tokhaiyte.vn rồi in lại áp phích."
)


AREA_TOP = A4_H - 83 * mm  # the QR's quiet zone starts here on an A4 poster
AREA_BASE = AREA_TOP - A4_QR_AREA  # …and ends here, 30 mm above the paper's edge


def _draw_a4_frame(canvas: Canvas, heading: Heading, local: bool) -> None:
    """What every A4 poster of a job shares (one PDF form per kind, drawn on each page).

    The Decree 30 header, the title, the official/local line, the instructions and the
    footer; a poster page then adds only its venue and its QR, which keeps it ~2.6 KB.
    """
    left_x, right_x = 52 * mm, 146 * mm
    # The issuing body on the left, the national motto on the right.
    top = A4_H - 15 * mm
    upper, lower = heading.authority_lines
    _centred(canvas, upper, SERIF_BOLD, 12, left_x, top)
    width = _centred(canvas, lower, SERIF_BOLD, 12, left_x, top - 15)
    canvas.setLineWidth(0.6)
    rule = min(width, 40 * mm) / 2
    canvas.line(left_x - rule, top - 20, left_x + rule, top - 20)
    _centred(canvas, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", SERIF_BOLD, 12, right_x, top)
    width = _centred(canvas, "Độc lập - Tự do - Hạnh phúc", SERIF_BOLD, 13, right_x, top - 15)
    canvas.line(right_x - width / 2, top - 20, right_x + width / 2, top - 20)

    centre = A4_W / 2
    _centred(canvas, "MÃ QR ĐỊA ĐIỂM", SERIF_BOLD, 36, centre, A4_H - 41 * mm)
    y = A4_H - 50.5 * mm
    if local:
        notice = LOCAL_NOTICE.format(authority=heading.authority_name.upper())
        size, lines = _fit(notice, SERIF_BOLD, 13, 9, 176 * mm, 1)
        w = stringWidth(lines[0], SERIF_BOLD, size)
        canvas.setLineWidth(1.2)
        canvas.rect(centre - w / 2 - 3 * mm, y - 2.4 * mm, w + 6 * mm, size + 3.2 * mm)
        _centred(canvas, lines[0], SERIF_BOLD, size, centre, y)
    else:
        _centred(canvas, OFFICIAL_SUBTITLE, SERIF_ITALIC, 13, centre, y)

    help_text = (LOCAL_HELP if local else OFFICIAL_HELP).format(authority=heading.authority_name)
    size, lines = _fit(help_text, SERIF, 12, 9, 180 * mm, 2)
    y = AREA_BASE - 11 * mm
    for line in lines:
        _centred(canvas, line, SERIF, size, centre, y)
        y -= size * 1.2
    footer = f"{heading.authority_name} in ngày {heading.printed_on:%d/%m/%Y}"
    _centred(canvas, footer, SERIF_ITALIC, 8, centre, 6 * mm)


def _draw_a4(
    canvas: Canvas, item: PosterItem, matrix: qr.QrMatrix
) -> tuple[float, float, float, float]:
    """One venue on an A4 poster (points, origin bottom-left), over the shared frame.

    Returns the QR symbol's (x, y, size, quiet) in the drawing's own coordinates.
    """
    centre = A4_W / 2
    # Up to two lines of name, then the address, above the QR's quiet zone.
    size, lines = _fit(item.name, SERIF_BOLD, 26, 16, 180 * mm, 2)
    y = A4_H - (62 if len(lines) == 2 else 65) * mm
    for number, line in enumerate(lines):
        if number:
            y -= size * 1.1
        _centred(canvas, line, SERIF_BOLD, size, centre, y)
    if item.address:
        size, lines = _fit(item.address, SERIF_ITALIC, 14, 10, 180 * mm, 1)
        _centred(canvas, lines[0], SERIF_ITALIC, size, centre, y - 8 * mm)

    modules = matrix.size_with_quiet_zone
    quiet = A4_QR_AREA / modules * qr.QUIET_ZONE
    symbol = A4_QR_AREA - 2 * quiet
    qr_x, qr_y = centre - symbol / 2, AREA_TOP - quiet - symbol
    _draw_qr(canvas, matrix, qr_x, qr_y, symbol)
    code_line = f"Mã địa điểm: {item.venue_code}"
    _centred(canvas, code_line, SERIF_BOLD, 14, centre, AREA_BASE - 5 * mm)
    return qr_x, qr_y, symbol, quiet


def _poster(
    canvas: Canvas, item: PosterItem, matrix: qr.QrMatrix, heading: Heading, forms: set[str]
) -> tuple[float, float, float, float]:
    """The frame (defined once per kind as a PDF form) and the venue, in A4 coordinates."""
    name = "frame_local" if item.local else "frame_official"
    if name not in forms:
        canvas.beginForm(name, 0, 0, A4_W, A4_H)  # A4 portrait, even on an A5 pair's sheet
        _draw_a4_frame(canvas, heading, item.local)
        canvas.endForm()
        forms.add(name)
    canvas.doForm(name)
    return _draw_a4(canvas, item, matrix)


# -- stickers ------------------------------------------------------------------------------


def sticker_rect(index: int) -> Rect:
    """The label at *index* (0-11) on its sheet: row by row from the top left."""
    row, column = divmod(index, STICKER_COLUMNS)
    x = STICKER_MARGIN_X + column * STICKER_W
    y = A4_H - STICKER_MARGIN_Y - (row + 1) * STICKER_H
    return Rect(x, y, STICKER_W, STICKER_H)


def _draw_sticker(
    canvas: Canvas, item: PosterItem, matrix: qr.QrMatrix, label: Rect
) -> tuple[float, float, float, float]:
    centre = label.x + label.width / 2
    top = label.y + label.height
    if item.local:
        _centred(canvas, "MÃ NỘI BỘ CỦA UBND XÃ", SERIF_BOLD, 7.5, centre, top - 5 * mm)
        _centred(canvas, "(không phải mã QR quốc gia)", SERIF_ITALIC, 6.5, centre, top - 7.8 * mm)
    else:
        _centred(canvas, "MÃ QR ĐỊA ĐIỂM", SERIF_BOLD, 8.5, centre, top - 6 * mm)
    area_top = top - 8.5 * mm
    quiet = STICKER_QR_AREA / matrix.size_with_quiet_zone * qr.QUIET_ZONE
    symbol = STICKER_QR_AREA - 2 * quiet
    qr_x, qr_y = centre - symbol / 2, area_top - quiet - symbol
    _draw_qr(canvas, matrix, qr_x, qr_y, symbol)
    size, lines = _fit(item.name, SERIF_BOLD, 9.5, 7, label.width - 6 * mm, 2)
    y = area_top - STICKER_QR_AREA - 1.5 * mm
    for line in lines:
        _centred(canvas, line, SERIF_BOLD, size, centre, y)
        y -= size * 1.1
    _centred(canvas, item.venue_code, SERIF, 8, centre, label.y + 3 * mm)
    return qr_x, qr_y, symbol, quiet


def _cut_marks(canvas: Canvas) -> None:
    """Marks in the margins along every label edge, and small crosses where labels meet."""
    canvas.saveState()
    canvas.setLineWidth(0.4)
    left, right = STICKER_MARGIN_X, A4_W - STICKER_MARGIN_X
    bottom, top = STICKER_MARGIN_Y, A4_H - STICKER_MARGIN_Y
    gap, length = 2 * mm, 6 * mm
    xs = [left + c * STICKER_W for c in range(STICKER_COLUMNS + 1)]
    ys = [bottom + r * STICKER_H for r in range(STICKER_ROWS + 1)]
    for x in xs:
        canvas.line(x, top + gap, x, top + gap + length)
        canvas.line(x, bottom - gap, x, bottom - gap - length)
    for y in ys:
        canvas.line(left - gap, y, left - gap - length, y)
        canvas.line(right + gap, y, right + gap + length, y)
    arm = 1.5 * mm
    for x in xs[1:-1]:
        for y in ys[1:-1]:
            canvas.line(x - arm, y, x + arm, y)
            canvas.line(x, y - arm, x, y + arm)
    canvas.restoreState()


# -- the document --------------------------------------------------------------------------


def render(
    items: Sequence[PosterItem],
    layout: Layout,
    heading: Heading,
    *,
    progress: Progress | None = None,
) -> PosterSheet:
    """Draw every item in *layout*; *progress(done, total)* after each (it may raise)."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}")
    register_fonts()
    buffer = io.BytesIO()
    page_size = landscape(A4) if layout == "a5" else A4
    # The initial font too: reportlab would otherwise put Helvetica in every page's resources.
    canvas = Canvas(
        buffer, pagesize=page_size, pageCompression=1, initialFontName=SERIF, initialFontSize=12
    )
    canvas.setTitle(f"Mã QR địa điểm — {heading.authority_name}")
    canvas.setAuthor(heading.authority_name)
    canvas.setSubject(f"{len(items)} mã QR địa điểm, khổ {layout}")
    canvas.setCreator(f"Quỳnh Nhai {__version__}")
    per_page = {"a4": 1, "a5": 2, "stickers": STICKER_COLUMNS * STICKER_ROWS}[layout]
    placements: list[PlacedQr] = []
    labels: list[Rect] = []
    forms: set[str] = set()
    total = len(items)
    for index, item in enumerate(items):
        page, slot = divmod(index, per_page)
        if slot == 0 and index:
            canvas.showPage()
        if slot == 0 and layout == "stickers":
            _cut_marks(canvas)
        matrix = qr.encode(item.payload)
        if layout == "stickers":
            _check_density(item, matrix, STICKER_QR_AREA)
            label = sticker_rect(slot)
            labels.append(label)
            x, y, size, quiet = _draw_sticker(canvas, item, matrix, label)
        elif layout == "a5":
            _check_density(item, matrix, A4_QR_AREA * A5_SCALE)
            if slot == 0:
                _a5_cut_line(canvas)
            offset = slot * A4_H / 2  # landscape A4: each half is an A5 portrait
            canvas.saveState()
            canvas.translate(offset, 0)
            canvas.scale(A5_SCALE, A5_SCALE)
            x, y, size, quiet = _poster(canvas, item, matrix, heading, forms)
            canvas.restoreState()
            x, y = offset + x * A5_SCALE, y * A5_SCALE
            size, quiet = size * A5_SCALE, quiet * A5_SCALE
        else:
            _check_density(item, matrix, A4_QR_AREA)
            x, y, size, quiet = _poster(canvas, item, matrix, heading, forms)
        placements.append(
            PlacedQr(page, item.venue_code, item.payload, x, y, size, quiet, matrix.size)
        )
        if progress is not None:
            progress(index + 1, total)
    canvas.showPage()
    canvas.save()
    pages = math.ceil(total / per_page) if total else 1
    return PosterSheet(buffer.getvalue(), layout, pages, tuple(placements), tuple(labels))


def _a5_cut_line(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setLineWidth(0.5)
    canvas.setDash(4, 3)
    middle = A4_H / 2
    canvas.line(middle, 0, middle, A4_W)
    canvas.setFont(SERIF_ITALIC, 7)
    canvas.translate(middle - 1.2 * mm, A4_W / 2)
    canvas.rotate(90)
    canvas.drawCentredString(0, 0, "cắt theo đường này")
    canvas.restoreState()
