"""The Excel copy of the consolidated report: the commune workbook's sheets, district-wide.

Built with the sheet builders of output/report_xlsx.py: the same titles, fonts, borders,
number cells and print set-up. The district's sheets add who reported, every indicator
commune by commune (the PDF shows only the key ones), and the communes' texts side by side.
"""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook

from quynhnhai_desktop.domain.district_report import DistrictReport
from quynhnhai_desktop.domain.report import Issuer, Narrative
from quynhnhai_desktop.domain.report_text import commune_status, comparison_note
from quynhnhai_desktop.domain.vn_format import period_name, rule_note, short_date
from quynhnhai_desktop.output.report_xlsx import (
    SHEET_NAMES,
    breakdown_sheet,
    info_sheet,
    print_setup,
    summary_sheet,
    table,
    titles,
    to_bytes,
    venue_sheet,
)

VIETNAM = dt.timezone(dt.timedelta(hours=7))
DISTRICT_SHEETS = {
    "reporting": "Tình hình báo cáo",
    "texts": "Khó khăn, đề xuất",
}


def _info(
    report: DistrictReport, narrative: Narrative, issuer: Issuer, office: str
) -> list[tuple[str, str]]:
    data = report.data
    area = f"{issuer.unit_kind.lower()} {issuer.unit_name}"
    subject = data.catalog_title[:1].lower() + data.catalog_title[1:]
    return [
        ("Cơ quan báo cáo", f"{issuer.parent_body} - {issuer.authority}"),
        ("Số", f"{narrative.number or '   '}/{narrative.symbol}"),
        ("Ngày báo cáo", short_date(narrative.report_date)),
        (
            "Trích yếu",
            f"Báo cáo tổng hợp kết quả {subject} {period_name(data.period)} trên địa bàn {area}",
        ),
        ("Kỳ báo cáo", rule_note(data.period)),
        ("Đợt tuyên truyền", data.catalog_title),
        ("Căn cứ", data.catalog_source),
        ("Kính gửi", "; ".join(issuer.recipients)),
        (f"Số {report.member} đã báo cáo", f"{len(report.reported)}/{len(report.communes)}"),
        ("1. Kết quả thực hiện", narrative.results),
        ("Người ký", f"{' - '.join(issuer.signer_title)}: {issuer.signer_name}"),
        ("Lập bởi", f"{office} {area}"),
    ]


def _local_day(moment: dt.datetime) -> dt.date:
    """The day in Vietnam (UTC+7, no daylight saving) of a moment stored in UTC."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    try:
        return aware.astimezone(VIETNAM).date()
    except OverflowError:  # year 9999, imported before the package schema bounded it
        return aware.date()


def _reporting_sheet(book: Workbook, report: DistrictReport, issuer: Issuer) -> None:
    sheet = book.create_sheet(DISTRICT_SHEETS["reporting"])
    member = report.member
    cited = f"Báo cáo của {member} (số, ngày)"
    header = ["STT", report.member_title, "Tình trạng", cited, "Lần gửi", "Ngày lập tệp"]
    rows = []
    for position, commune in enumerate(report.communes, start=1):
        status, cited, _revision = commune_status(commune)
        made = short_date(_local_day(commune.sent_at)) if commune.sent_at else ""
        rows.append([position, commune.name, status, cited, commune.revision, made])
    done = f"{len(report.reported)}/{len(report.communes)} {member} đã báo cáo"
    total: list[object] = ["", "Tổng cộng", done, "", None, ""]
    title = f"Bảng 1. Tình hình gửi báo cáo của các {member}"
    titles(sheet, report.data, issuer, title, len(header))
    table(sheet, header, rows, total=total, widths=[6, 24, 34, 34, 10, 14])
    print_setup(sheet, len(header))


def _texts_sheet(book: Workbook, report: DistrictReport, issuer: Issuer) -> None:
    sheet = book.create_sheet(DISTRICT_SHEETS["texts"])
    header = ["STT", report.member_title, "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"]
    rows = [
        [position, c.name, c.difficulties or "Không.", c.proposals or "Không."]
        for position, c in enumerate(report.reported, start=1)
    ]
    title = f"Bảng 8. Khó khăn, vướng mắc và đề xuất, kiến nghị của các {report.member}"
    titles(sheet, report.data, issuer, title, len(header))
    table(sheet, header, rows, total=None, widths=[6, 22, 60, 60])
    print_setup(sheet, len(header))


def build_district_xlsx(
    report: DistrictReport, narrative: Narrative, issuer: Issuer, office: str
) -> bytes:
    """The workbook as bytes: information, who reported, the tables, the communes' texts."""
    data = report.data
    book = Workbook()
    info_sheet(book, _info(report, narrative, issuer, office))
    _reporting_sheet(book, report, issuer)
    summary_sheet(
        book,
        data,
        issuer,
        "Bảng 2. Tổng hợp kết quả so với kỳ trước",
        comparison_note(report) or "",
        compared=report.previous_reported > 0,
    )
    breakdown_sheet(
        book,
        SHEET_NAMES["form"],
        "Bảng 3. Kết quả theo hình thức tuyên truyền",
        "Hình thức tuyên truyền",
        data.by_form,
        data,
        issuer,
        "Ô để trống: chỉ tiêu mà hình thức tuyên truyền đó không thống kê.",
    )
    breakdown_sheet(
        book,
        SHEET_NAMES["topic"],
        "Bảng 4. Kết quả theo nội dung tuyên truyền",
        "Nội dung tuyên truyền",
        data.by_topic,
        data,
        issuer,
        "Một hoạt động tuyên truyền nhiều nội dung được tính ở từng nội dung; dòng tổng cộng "
        "tính mỗi hoạt động một lần.",
    )
    missing = ", ".join(c.name for c in report.missing)
    breakdown_sheet(
        book,
        f"Theo {report.member}",  # "Theo xã"; "Theo huyện" at a 2021 province
        f"Bảng 5. Kết quả của từng {report.member} (đủ các chỉ tiêu)",
        report.member_title,
        data.by_village,
        data,
        issuer,
        f"Chưa báo cáo nên không có trong bảng: {missing}." if missing else "",
    )
    venue_sheet(
        book,
        data,
        issuer,
        title=f"Bảng 6. Đăng ký, sử dụng mã QR tại địa điểm công cộng của các {report.member}",
        key_header=report.member_title,
    )
    breakdown_sheet(
        book,
        SHEET_NAMES["team"],
        "Bảng 7. Kết quả theo lực lượng thực hiện (cộng theo tên lực lượng; "
        "chỉ có trong bản Excel)",
        "Lực lượng",
        data.by_team,
        data,
        issuer,
    )
    _texts_sheet(book, report, issuer)
    area = f"{issuer.unit_kind.lower()} {issuer.unit_name}"
    return to_bytes(book, f"Báo cáo tổng hợp {period_name(data.period)} - {office} {area}")
