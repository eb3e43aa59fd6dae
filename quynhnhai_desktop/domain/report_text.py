"""Texts written from the numbers: the draft of the results section and the short summary.

The clerk edits the draft before printing; it only saves typing the figures twice. Plain
administrative Vietnamese, one paragraph per line.
"""

from __future__ import annotations

from quynhnhai_desktop.domain.report import Line, ReportData
from quynhnhai_desktop.domain.vn_format import number, period_name, period_short, signed, span

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


def _figures(line: Line, codes: list[str], labels: dict[str, str]) -> str:
    parts = [
        f"{_lower_first(labels[code])}: {number(line.value(code))}"
        for code in codes
        if line.shows(code) and line.value(code)
    ]
    return "; ".join(parts)


def _percent(part: int, whole: int) -> str:
    if not whole:
        return "0%"
    value = round(100 * part / whole, 1)
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def draft_results(data: ReportData) -> str:
    """The results section pre-drafted from the figures (editable by the clerk)."""
    labels = {c.code: c.label for c in data.columns}
    codes = [c.code for c in data.columns]
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
        for line in data.by_form.lines:
            if not line.activities:
                continue
            figures = _figures(line, codes, labels)
            tail = f"; {figures}" if figures else ""
            paragraphs.append(f"- {line.label}: {number(line.activities)} hoạt động{tail}.")
        topics = sorted(
            (x for x in data.by_topic.lines if x.activities), key=lambda x: -x.activities
        )[:TOP_TOPICS]
        if topics:
            named = [f"{_lower_first(x.label)} ({number(x.activities)} hoạt động)" for x in topics]
            joined = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " và " + named[-1]
            paragraphs.append(f"Các nội dung được tuyên truyền nhiều nhất: {joined}.")
    venues = data.venues.total
    if venues.venues:
        paragraphs.append(
            f"Toàn {unit} có {number(venues.venues)} địa điểm công cộng thực hiện quét mã QR, "
            f"trong đó {number(venues.registered)} địa điểm đã đăng ký trên nền tảng quốc gia "
            f"(đạt {_percent(venues.registered, venues.venues)}; {number(venues.new)} địa điểm "
            f"đăng ký mới trong kỳ), {number(venues.unregistered)} địa điểm chưa đăng ký; "
            f"đã in {number(venues.posters)} áp phích mã QR."
        )
    return "\n".join(paragraphs)


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
