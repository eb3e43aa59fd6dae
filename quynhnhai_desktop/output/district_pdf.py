"""The district's consolidated report: the commune report's layout with the district's story.

Same page, header, tables and signature as the commune report (output/decree30.py and the
table builders of output/report_pdf.py), issued by the district's office: who reported
(Bảng 1), the summed figures against the previous period, by form and by topic, the key
indicators commune by commune, the venues' QR situation commune by commune, then the
communes' difficulties and proposals quoted under each commune's name.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm

from quynhnhai_desktop.domain.district_report import CommuneReport, DistrictReport
from quynhnhai_desktop.domain.report import Issuer, Narrative
from quynhnhai_desktop.domain.report_text import commune_status, comparison_note
from quynhnhai_desktop.domain.text import nfc
from quynhnhai_desktop.domain.vn_format import period_name
from quynhnhai_desktop.output.decree30 import (
    TEXT_WIDTH,
    Captioned,
    Rule,
    escape,
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
    TableStyle,
)
from quynhnhai_desktop.output.report_pdf import (
    FORM_NOTE,
    ROOM_FOR_TABLE_START,
    TOPIC_NOTE,
    breakdown_tables,
    rule_clause,
    summary_table,
    venue_table,
)


def _reporting_table(report: DistrictReport, st: dict[str, Any]) -> Flowable:
    member = report.member
    head = ["STT", report.member_title, "Tình trạng", f"Báo cáo của {member} (số, ngày)", "Lần gửi"]
    rows: list[list[str | Paragraph]] = []
    for position, commune in enumerate(report.communes, start=1):
        status, cited, revision = commune_status(commune)
        rows.append(
            [
                str(position),
                para(commune.name, st["cell"]),
                para(status, st["cell"]),
                para(cited, st["cell"]),
                revision,
            ]
        )
    done, total = len(report.reported), len(report.communes)
    rows.append(
        ["", para("Tổng cộng", st["cell_bold"]), f"{done}/{total} {member} đã báo cáo", "", ""]
    )
    widths = [9 * mm, 40 * mm, 42 * mm, 57 * mm]
    widths.append(TEXT_WIDTH - sum(widths))
    table = grid(head, rows, widths, st, numeric_from=len(head))
    table.setStyle(TableStyle([("SPAN", (2, -1), (-1, -1)), ("ALIGN", (4, 1), (4, -1), "CENTER")]))
    caption = f"Bảng 1. Tình hình gửi báo cáo của các {member}"
    return Captioned(para(caption, st["caption"]), table)


def _quoted(
    communes: tuple[CommuneReport, ...], attribute: str, st: dict[str, Any], nothing: str
) -> list[Flowable]:
    """Each commune's text under its name: '<b>Xã Mường Giàng:</b> …', one paragraph a line."""
    flow: list[Flowable] = []
    for commune in communes:
        lines = [x.strip() for x in nfc(getattr(commune, attribute)).split("\n") if x.strip()]
        if not lines:
            continue
        name = escape(nfc(commune.name))
        flow.append(Paragraph(f"<b>{name}:</b> {escape(lines[0])}", st["body"]))
        flow += [para(line, st["body"]) for line in lines[1:]]
    return flow or [para(nothing, st["body"])]


def _key_table_note(report: DistrictReport) -> str:
    note = (
        f"Ghi chú: số liệu đầy đủ các chỉ tiêu của từng {report.member} có trong bản Excel "
        "kèm theo."
    )
    if report.missing:
        names = ", ".join(c.name for c in report.missing)
        note += f" Chưa báo cáo nên không có trong bảng: {names}."
    return note


def district_story(
    report: DistrictReport, narrative: Narrative, issuer: Issuer, office: str
) -> list[Flowable]:
    """The consolidated report's flowables, in reading order."""
    st = styles()
    data = report.data
    area = f"{issuer.unit_kind.lower()} {issuer.unit_name}"
    subject = data.catalog_title[:1].lower() + data.catalog_title[1:]
    flow: list[Flowable] = [
        header(narrative, issuer, st),
        para("BÁO CÁO", st["title"]),
        para(
            f"Tổng hợp kết quả {subject} {period_name(data.period)} trên địa bàn {area}",
            st["summary"],
        ),
        Rule(40 * mm, space_before=6),
        recipients(issuer, st),
        para(
            f"Thực hiện {data.catalog_source} về việc {subject}; căn cứ báo cáo của Ủy ban nhân "
            f"dân các {report.member}, {office} {area} báo cáo tổng hợp kết quả thực hiện "
            f"{period_name(data.period)}{rule_clause(data)} như sau:",
            st["body"],
        ),
        para("I. KẾT QUẢ THỰC HIỆN", st["heading"]),
        para("1. Tình hình chung", st["heading"]),
        *paragraphs(narrative.results, st),
        _reporting_table(report, st),
        CondPageBreak(ROOM_FOR_TABLE_START),
        para("2. Kết quả cụ thể", st["heading"]),
        *summary_table(
            data,
            st,
            "Bảng 2. Tổng hợp kết quả so với kỳ trước",
            comparison_note(report),
            compared=report.previous_reported > 0,
        ),
        *breakdown_tables(
            "Bảng 3. Kết quả theo hình thức tuyên truyền",
            "Hình thức tuyên truyền",
            data.by_form,
            data.columns,
            st,
            note=FORM_NOTE,
        ),
        *breakdown_tables(
            "Bảng 4. Kết quả theo nội dung tuyên truyền",
            "Nội dung tuyên truyền",
            data.by_topic,
            data.columns,
            st,
            note=TOPIC_NOTE,
        ),
        *breakdown_tables(
            f"Bảng 5. Kết quả chủ yếu của từng {report.member}",
            report.member_title,
            data.by_village,
            report.key_columns,
            st,
            note=_key_table_note(report),
        ),
        *venue_table(
            data,
            st,
            f"Bảng 6. Đăng ký, sử dụng mã QR tại địa điểm công cộng của các {report.member}",
            key_header=report.member_title,
        ),
        para("II. KHÓ KHĂN, VƯỚNG MẮC", st["heading"]),
        *_quoted(
            report.reported,
            "difficulties",
            st,
            f"Các {report.member} không báo cáo khó khăn, vướng mắc.",
        ),
        para("III. ĐỀ XUẤT, KIẾN NGHỊ", st["heading"]),
    ]
    proposals = _quoted(
        report.reported, "proposals", st, f"Các {report.member} không có đề xuất, kiến nghị."
    )
    closing = para(
        f"Trên đây là báo cáo tổng hợp kết quả {subject} {period_name(data.period)} của "
        f"{office} {area}./.",
        st["body"],
    )
    # The signature never stands alone on a page: the last proposal goes over with it.
    flow += proposals[:-1]
    flow.append(KeepTogether([proposals[-1], closing, signature(issuer, st)]))
    return flow


def build_district_pdf(
    report: DistrictReport, narrative: Narrative, issuer: Issuer, office: str
) -> bytes:
    """The consolidated report as PDF bytes (deterministic for the same input)."""
    register_fonts()  # before the story measures text
    area = f"{issuer.unit_kind.lower()} {issuer.unit_name}"
    return render(
        district_story(report, narrative, issuer, office),
        title=f"Báo cáo tổng hợp {period_name(report.data.period)} - {office} {area}",
        author=f"{office} {area}",
        subject=report.data.catalog_title,
    )
