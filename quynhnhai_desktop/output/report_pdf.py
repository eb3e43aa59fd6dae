"""The commune's monthly report as the district receives it (Decree 30/2020/NĐ-CP layout).

The page, header, signature and table mechanics live in :mod:`output.decree30`; this module
holds the report's own tables (breakdowns by form, topic and village, the comparison with
the previous period, the venues' QR situation) and the commune's story. The district's
consolidated report (:mod:`output.district_pdf`) reuses the same table builders.

:func:`build_report_pdf` takes plain data (figures, texts, issuer), never the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm

from quynhnhai_desktop.domain.report import (
    VENUE_COUNT_TITLES,
    Breakdown,
    Column,
    Issuer,
    Narrative,
    ReportData,
)
from quynhnhai_desktop.domain.vn_format import (
    number,
    period_name,
    period_short,
    rule_note,
    short_date,
    signed,
)
from quynhnhai_desktop.output.decree30 import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    TEXT_WIDTH,
    Captioned,
    Rule,
    grid,
    header,
    para,
    paragraphs,
    recipients,
    render,
    signature,
    styles,
)
from quynhnhai_desktop.output.fonts import register_fonts
from quynhnhai_desktop.output.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
)

__all__ = [  # the page geometry stays importable from here (the tests measure it)
    "FORM_NOTE",
    "MARGIN_BOTTOM",
    "MARGIN_LEFT",
    "MARGIN_RIGHT",
    "MARGIN_TOP",
    "MAX_NUMBER_COLUMNS",
    "NUMBER_WIDTH",
    "ROOM_FOR_TABLE_START",
    "TEXT_WIDTH",
    "TOPIC_NOTE",
    "breakdown_tables",
    "build_report_pdf",
    "rule_clause",
    "story",
    "summary_table",
    "venue_table",
]

MAX_NUMBER_COLUMNS = 7  # wider tables are split in parts (A4 portrait, 11 pt)
NUMBER_WIDTH = 16 * mm  # a number column of the breakdown tables
# "2. Kết quả cụ thể" starts on a new page unless its first table can start under it.
ROOM_FOR_TABLE_START = 45 * mm

FORM_NOTE = "Ghi chú: ô để trống là chỉ tiêu mà hình thức tuyên truyền đó không thống kê."
TOPIC_NOTE = (
    "Ghi chú: một hoạt động tuyên truyền nhiều nội dung được tính ở từng nội dung, nên cộng "
    "các dòng có thể lớn hơn dòng tổng cộng; dòng tổng cộng tính mỗi hoạt động một lần."
)


def _chunks(
    columns: Sequence[Column], with_count: bool, size: int = MAX_NUMBER_COLUMNS
) -> list[list[Column | None]]:
    """Split the numeric columns into parts that fit the page (None = activity count)."""
    cells: list[Column | None] = [None, *columns] if with_count else list(columns)
    return [cells[i : i + size] for i in range(0, len(cells), size)]


def breakdown_tables(
    caption: str,
    key_header: str,
    breakdown: Breakdown,
    columns: Sequence[Column],
    st: dict[str, Any],
    note: str | None = None,
    *,
    max_columns: int = MAX_NUMBER_COLUMNS,
    number_width: float = NUMBER_WIDTH,
) -> list[Flowable]:
    """A breakdown (lines × activity count and indicators), in parts if it is too wide."""
    flow: list[Flowable] = []
    parts = _chunks(columns, with_count=True, size=max_columns)
    for index, part in enumerate(parts):
        title = caption if index == 0 else f"{caption.split('.')[0]} (tiếp theo)"
        label_width = TEXT_WIDTH - 9 * mm - number_width * len(part)
        head = ["STT", key_header] + [
            "Số hoạt động" if column is None else column.label for column in part
        ]
        rows: list[list[str | Paragraph]] = []
        for position, line in enumerate(breakdown.lines, start=1):
            cells: list[str | Paragraph] = [str(position), para(line.label, st["cell"])]
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
                para("Tổng cộng", st["cell_bold"]),
                *(number(total.activities if c is None else total.value(c.code)) for c in part),
            ]
        )
        table = grid(head, rows, [9 * mm, label_width, *[number_width] * len(part)], st)
        flow.append(Captioned(para(title, st["caption"]), table))
    if note:
        flow.append(para(note, st["note"]))
    else:
        flow.append(Spacer(1, 6))
    return flow


NOT_COMPARED = "—"  # the previous period has no figures: no "+242" against nothing


def summary_table(
    data: ReportData,
    st: dict[str, Any],
    caption: str,
    note: str | None = None,
    *,
    compared: bool = True,
) -> list[Flowable]:
    """This period against the previous one: activity count and every indicator.

    Without *compared* (the district's previous month that no commune reported) the
    previous period's column and the changes show a dash, not a change from zero.
    """

    def before_and_change(now: int, previous: int) -> list[str | Paragraph]:
        if not compared:
            return [NOT_COMPARED, NOT_COMPARED]
        return [number(previous), signed(now - previous)]

    this, before = period_short(data.period), period_short(data.previous_period)
    head = ["STT", "Chỉ tiêu", this[:1].upper() + this[1:], before[:1].upper() + before[1:]]
    head.append("Tăng (+), giảm (-)")
    rows: list[list[str | Paragraph]] = [
        [
            "1",
            para("Số hoạt động tuyên truyền", st["cell"]),
            number(data.totals.activities),
            *before_and_change(data.totals.activities, data.previous_totals.activities),
        ]
    ]
    for position, column in enumerate(data.columns, start=2):
        rows.append(
            [
                str(position),
                para(column.label, st["cell"]),
                number(data.totals.value(column.code)),
                *before_and_change(
                    data.totals.value(column.code), data.previous_totals.value(column.code)
                ),
            ]
        )
    widths = [9 * mm, TEXT_WIDTH - 9 * mm - 3 * 27 * mm, 27 * mm, 27 * mm, 27 * mm]
    return [
        Captioned(
            para(caption, st["caption"]),
            grid(head, rows, widths, st, total_row=False),
        ),
        para(note, st["note"]) if note else Spacer(1, 8),
    ]


def venue_table(
    data: ReportData, st: dict[str, Any], caption: str, key_header: str = "Loại địa điểm"
) -> list[Flowable]:
    """The QR-code situation of the venues, by category (or by commune at the district)."""
    head = ["STT", key_header, *VENUE_COUNT_TITLES]
    rows: list[list[str | Paragraph]] = []
    for position, line in enumerate(data.venues.lines, start=1):
        rows.append(
            [
                str(position),
                para(line.label, st["cell"]),
                *(number(v) for v in line.counts()),
            ]
        )
    total = data.venues.total
    rows.append(
        [
            "",
            para("Tổng cộng", st["cell_bold"]),
            *(number(v) for v in total.counts()),
        ]
    )
    number_width = 17 * mm
    columns = len(VENUE_COUNT_TITLES)
    widths = [9 * mm, TEXT_WIDTH - 9 * mm - columns * number_width, *[number_width] * columns]
    note = (
        f"Ghi chú: số địa điểm đang hoạt động; số đã đăng ký tính đến ngày "
        f"{short_date(data.period.end)} (cuối kỳ trước: {number(data.venues.previous_registered)}"
        " địa điểm); số áp phích tính lũy kế."
    )
    return [
        Captioned(para(caption, st["caption"]), grid(head, rows, widths, st)),
        para(note, st["note"]),
    ]


def rule_clause(data: ReportData) -> str:
    """'(số liệu tính …)' for a month; a range of days already names its days."""
    return f" ({rule_note(data.period)})" if data.period.is_monthly else ""


def story(data: ReportData, narrative: Narrative, issuer: Issuer) -> list[Flowable]:
    """The report's flowables, in reading order."""
    st = styles()
    unit = f"{issuer.unit_kind.lower()} {issuer.unit_name}"
    subject = data.catalog_title[:1].lower() + data.catalog_title[1:]
    flow: list[Flowable] = [
        header(narrative, issuer, st),
        para("BÁO CÁO", st["title"]),
        para(f"Kết quả {subject} {period_name(data.period)}", st["summary"]),
        Rule(40 * mm, space_before=6),
        recipients(issuer, st),
        para(
            f"Thực hiện {data.catalog_source} về việc {subject}; Ủy ban nhân dân {unit} báo cáo "
            f"kết quả thực hiện {period_name(data.period)}{rule_clause(data)} như sau:",
            st["body"],
        ),
        para("I. KẾT QUẢ THỰC HIỆN", st["heading"]),
        para("1. Tình hình chung", st["heading"]),
        *paragraphs(narrative.results, st, empty="Chưa có hoạt động trong kỳ."),
        CondPageBreak(ROOM_FOR_TABLE_START),
        para("2. Kết quả cụ thể", st["heading"]),
        *summary_table(data, st, "Bảng 1. Tổng hợp kết quả so với kỳ trước"),
        *breakdown_tables(
            "Bảng 2. Kết quả theo hình thức tuyên truyền",
            "Hình thức tuyên truyền",
            data.by_form,
            data.columns,
            st,
            note=FORM_NOTE,
        ),
        *breakdown_tables(
            "Bảng 3. Kết quả theo nội dung tuyên truyền",
            "Nội dung tuyên truyền",
            data.by_topic,
            data.columns,
            st,
            note=TOPIC_NOTE,
        ),
        *breakdown_tables(
            "Bảng 4. Kết quả theo bản, tổ dân phố",
            "Bản, tổ dân phố",
            data.by_village,
            data.columns,
            st,
        ),
        *venue_table(data, st, "Bảng 5. Đăng ký, sử dụng mã QR tại địa điểm công cộng"),
        para("II. KHÓ KHĂN, VƯỚNG MẮC", st["heading"]),
        *paragraphs(narrative.difficulties, st),
    ]
    closing = para(
        f"Trên đây là báo cáo kết quả {subject} {period_name(data.period)} của Ủy ban nhân dân "
        f"{unit}./.",
        st["body"],
    )
    # The signature never stands alone on a page: the last section goes over with it.
    flow.append(
        KeepTogether(
            [
                para("III. ĐỀ XUẤT, KIẾN NGHỊ", st["heading"]),
                *paragraphs(narrative.proposals, st),
                closing,
                signature(issuer, st),
            ]
        )
    )
    return flow


def build_report_pdf(data: ReportData, narrative: Narrative, issuer: Issuer) -> bytes:
    """The report as PDF bytes (deterministic for the same input)."""
    register_fonts()  # before the story measures text
    unit = f"{issuer.unit_kind} {issuer.unit_name}"
    return render(
        story(data, narrative, issuer),
        title=f"Báo cáo {period_name(data.period)} - UBND {unit}",
        author=f"Ủy ban nhân dân {unit.lower()}",
        subject=data.catalog_title,
        first_page_note=(
            f"Mã nhận dạng khóa ký tệp báo cáo gửi qua USB: {issuer.key_fingerprint}"
            if issuer.key_fingerprint
            else ""
        ),
    )
