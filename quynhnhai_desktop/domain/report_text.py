"""Texts written from the numbers: drafts of the results section and short summaries.

The clerk edits the draft before printing; it only saves typing the figures twice. The
district's consolidated report gets its own (who reported, the summed figures). Plain
administrative Vietnamese, one paragraph per line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from quynhnhai_desktop.domain.report import Line, ReportData
from quynhnhai_desktop.domain.vn_format import (
    number,
    period_name,
    period_short,
    short_date,
    signed,
    span,
)

if TYPE_CHECKING:  # the district's dataclasses load the package schema (pydantic)
    from quynhnhai_desktop.domain.district_report import CommuneReport, DistrictReport

TOP_TOPICS = 3


def _lower_first(text: str) -> str:
    """'Lượt người được tuyên truyền' → 'lượt người…'; keeps 'Bluezone' and acronyms."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _change_phrase(change: int, unit: str) -> str:
    if change > 0:
        return f"tăng {number(change)} {unit} so với kỳ trước"
    if change < 0:
        return f"giảm {number(-change)} {unit} so với kỳ trước"
    return "bằng kỳ trước"


def _phrases(labels: dict[str, str]) -> dict[str, str]:
    """How each count reads inside a sentence ("thời lượng 685 phút, 95 tin, bài"): the
    campaign's own ``phrase`` of an indicator with that code and label; any other count reads
    "its label: N"."""
    from quynhnhai_desktop.domain.campaign_choice import first_report_catalog  # no pydantic

    return {
        i.code: i.phrase
        for i in first_report_catalog().indicators
        if i.phrase and labels.get(i.code) == i.vi
    }


def _figures(line: Line, codes: list[str], labels: dict[str, str]) -> str:
    phrases = _phrases(labels)
    parts = [
        phrases[code].format(n=number(line.value(code)))
        if code in phrases
        else f"{_lower_first(labels[code])}: {number(line.value(code))}"
        for code in codes
        if line.shows(code) and line.value(code)
    ]
    return ", ".join(parts)


def _percent(part: int, whole: int) -> str:
    if not whole:
        return "0%"
    value = round(100 * part / whole, 1)
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def draft_results(data: ReportData) -> str:
    """The results section pre-drafted from the figures (editable by the clerk)."""
    unit = f"{data.unit_kind.lower()}"
    total = data.totals.activities
    paragraphs: list[str] = []
    when = (
        f"Trong {period_name(data.period)} ({span(data.period)})"
        if data.period.is_monthly
        else span(data.period)[:1].upper() + span(data.period)[1:]
    )
    if total == 0:
        paragraphs.append(f"{when}, {unit} chưa ghi nhận hoạt động tuyên truyền nào.")
    else:
        whole = next((x for x in data.by_village.lines if not x.key), None)
        where = f"tại {data.villages_reached}/{data.villages_total} bản"
        if whole is not None and whole.activities:
            where += f" và {number(whole.activities)} hoạt động trên phạm vi toàn {unit}"
        paragraphs.append(
            f"{when}, Ủy ban nhân dân {unit} "
            f"đã chỉ đạo các lực lượng tổ chức {number(total)} hoạt động tuyên truyền "
            f"({_change_phrase(data.change(), 'hoạt động')}), {where}, với sự tham gia của "
            f"{data.teams_active} lực lượng. Kết quả cụ thể theo từng hình thức:"
        )
        paragraphs += _by_form_and_topic(data)
    paragraphs += _venue_paragraph(data, f"Toàn {unit} có")
    return "\n".join(paragraphs)


def _by_form_and_topic(data: ReportData) -> list[str]:
    """'- <form>: N hoạt động; figures.' per form with activities, then the top topics."""
    labels = {c.code: c.label for c in data.columns}
    codes = [c.code for c in data.columns]
    paragraphs = []
    for line in data.by_form.lines:
        if not line.activities:
            continue
        figures = _figures(line, codes, labels)
        tail = f" ({figures})" if figures else ""
        paragraphs.append(f"- {line.label}: {number(line.activities)} hoạt động{tail}.")
    topics = sorted((x for x in data.by_topic.lines if x.activities), key=lambda x: -x.activities)
    if topics:
        named = [
            f"{_lower_first(x.label)} ({number(x.activities)} hoạt động)"
            for x in topics[:TOP_TOPICS]
        ]
        joined = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " và " + named[-1]
        paragraphs.append(f"Các nội dung được tuyên truyền nhiều nhất: {joined}.")
    return paragraphs


def _venue_paragraph(data: ReportData, lead: str) -> list[str]:
    venues = data.venues.total
    if not venues.venues:
        return []
    return [
        f"{lead} {number(venues.venues)} địa điểm công cộng thực hiện quét mã QR, "
        f"trong đó {number(venues.registered)} địa điểm đã đăng ký trên nền tảng quốc gia "
        f"(đạt {_percent(venues.registered, venues.venues)}; {number(venues.new)} địa điểm "
        f"đăng ký mới trong kỳ), {number(venues.unregistered)} địa điểm chưa đăng ký; "
        f"đã in {number(venues.posters)} áp phích mã QR."
    ]


def _names(communes: Sequence[CommuneReport]) -> str:
    """'xã Nậm Ét, xã Cà Nàng' (as written inside a sentence)."""
    return ", ".join(_lower_first(c.name) for c in communes)


def reporting_sentence(report: DistrictReport, office: str) -> str:
    """Who has reported: '… nhận được báo cáo của 10/11 xã; còn 01 xã chưa gửi: xã Nậm Ét.'"""
    data = report.data
    done, missing, total = len(report.reported), report.missing, len(report.communes)
    when = f"Trong {period_name(data.period)} ({span(data.period)})"
    member = report.member
    if not missing:
        return f"{when}, {office} đã nhận được báo cáo của đủ {total}/{total} {member}."
    head = f"{when}, {office} nhận được báo cáo của {done}/{total} {member}"
    return f"{head}; còn {len(missing):02d} {member} chưa gửi báo cáo: {_names(missing)}."


def draft_district_results(report: DistrictReport, office: str) -> str:
    """The results section of the consolidated report, written from the summed figures."""
    data = report.data
    paragraphs = [reporting_sentence(report, office)]
    total = data.totals.activities
    if not report.reported:
        return paragraphs[0]
    if total == 0:
        paragraphs.append(
            f"Theo báo cáo của các {report.member}, trong kỳ chưa ghi nhận hoạt động tuyên truyền."
        )
    else:
        change = (
            f" ({_change_phrase(data.change(), 'hoạt động')})" if report.previous_reported else ""
        )
        paragraphs.append(
            f"Theo báo cáo của các {report.member}, các lực lượng trên địa bàn đã tổ chức "
            f"{number(total)} hoạt động tuyên truyền{change} tại {data.villages_reached}/"
            f"{len(report.reported)} {report.member} đã báo cáo. Kết quả cụ thể theo từng "
            "hình thức:"
        )
        paragraphs += _by_form_and_topic(data)
    paragraphs += _venue_paragraph(data, f"Các {report.member} đã báo cáo có")
    return "\n".join(paragraphs)


def district_summary_text(report: DistrictReport, office: str, unit: str) -> str:
    """The short text the CLI prints: who reported and the summed key figures."""
    data = report.data
    labels = {c.code: c.label for c in data.columns}
    parts = [f"{number(data.totals.activities)} hoạt động tuyên truyền"]
    parts += [
        f"{_lower_first(labels[c.code])}: {number(data.totals.value(c.code))}"
        for c in data.columns
        if data.totals.value(c.code)
    ]
    missing = f"; chưa báo cáo: {_names(report.missing)}" if report.missing else ""
    return (
        f"{office} {unit} tổng hợp kết quả tuyên truyền {period_short(data.period)} "
        f"({span(data.period)}): {len(report.reported)}/{len(report.communes)} {report.member} "
        "đã báo cáo"
        f"{missing}. Tổng cộng: " + "; ".join(parts) + "."
    )


def summary_text(data: ReportData) -> str:
    """A short plain text of the key figures for the district's Zalo group or an SMS."""
    labels = {c.code: c.label for c in data.columns}
    totals = data.totals
    parts = [
        f"{number(totals.activities)} hoạt động tuyên truyền ({signed(data.change())} so với kỳ "
        f"trước) tại {data.villages_reached}/{data.villages_total} bản"
    ]
    parts += [
        f"{_lower_first(labels[c.code])}: {number(totals.value(c.code))}"
        for c in data.columns
        if totals.value(c.code)
    ]
    venues = data.venues.total
    if venues.venues:
        parts.append(
            f"địa điểm đã đăng ký mã QR: {number(venues.registered)}/{number(venues.venues)} "
            f"({number(venues.new)} mới)"
        )
    head = (
        f"UBND {data.unit_kind.lower()} {data.unit_name} báo cáo nhanh kết quả tuyên truyền "
        f"{period_short(data.period)} ({span(data.period)}): "
    )
    return head + "; ".join(parts) + "."


def commune_status(commune: CommuneReport) -> tuple[str, str, str]:
    """(status, the commune's report as cited, revision) for the reporting table.

    The commune's number is the part before "/BC-UBND" (the app keeps it so); a number
    that travelled with its symbol is cited as it is.
    """
    if not commune.reported:
        if commune.other_period is not None:
            return (
                f"Chưa báo cáo (đã gửi số liệu {span(commune.other_period)})",
                "",
                "",
            )
        return ("Chưa báo cáo", "", "")
    number = commune.number if "/" in commune.number else f"{commune.number}/BC-UBND"
    cited = f"Số {number}" if commune.number else "Báo cáo"
    if commune.issued_on is not None:
        cited += f" ngày {short_date(commune.issued_on)}"
    revised = commune.revision is not None and commune.revision > 1
    return ("Đã báo cáo (bản sửa đổi)" if revised else "Đã báo cáo", cited, str(commune.revision))


def comparison_note(report: DistrictReport) -> str | None:
    """The note under the district's comparison when the two periods' communes differ."""
    done, total = len(report.reported), len(report.communes)
    if not report.previous_reported:
        return (
            f"Ghi chú: {period_short(report.data.previous_period)} chưa {report.member} nào "
            "báo cáo, "
            "nên không so sánh được với kỳ trước."
        )
    if report.previous_reported == done:
        return None
    return (
        f"Ghi chú: kỳ này {done}/{total} {report.member} đã báo cáo; số liệu kỳ trước tổng hợp "
        f"từ báo cáo của {report.previous_reported}/{total} {report.member}."
    )
