"""The consolidated district report: its numbers are the communes' latest revisions summed.

The communes are set up and exported with the real services (demo data, real packages);
the district imports them; the PDF and the workbook are read back like a reader would.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from quynhnhai_desktop.cli import main
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.output.report_pdf import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT
from quynhnhai_desktop.services import district, district_report, profile
from quynhnhai_desktop.store.database import open_database
from tests.output.test_report_files import PAGE_H, PAGE_W, _chars, _fonts, _in_top_margin
from tests.support.district_report_helpers import (
    AUGUST,
    MISSING,
    REVISED,
    SEPTEMBER,
    TEXTS,
    Communes,
    build_communes,
    district_db,
)
from tests.support.package_helpers import enrol_files

TODAY = dt.date(2021, 10, 8)


@pytest.fixture(scope="module")
def communes(tmp_path_factory: pytest.TempPathFactory) -> Communes:
    return build_communes(tmp_path_factory.mktemp("communes"))


@pytest.fixture(scope="module")
def bundle(
    communes: Communes, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[district_report.DistrictBundle]:
    paths = AppPaths(tmp_path_factory.mktemp("district")).ensure()
    db = district_db(paths, communes.usb)
    yield district_report.prepare(db, SEPTEMBER, today=TODAY)
    db.close()


@pytest.fixture(scope="module")
def pdf(bundle: district_report.DistrictBundle) -> bytes:
    return district_report.pdf_bytes(bundle)


@pytest.fixture(scope="module")
def text(pdf: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )


def _sum(bundles: dict[str, object], attribute: str = "totals") -> Counter[str]:
    total: Counter[str] = Counter()
    for bundle in bundles.values():
        line = getattr(bundle.data, attribute)  # type: ignore[attr-defined]
        total["#"] += line.activities
        total.update({code: value for code, value in line.values.items()})
    return total


def _int(text: str) -> int:
    return int(text.replace(".", "")) if text else 0


def _cell(text: str | None) -> str:
    return " ".join((text or "").split())


def pdf_tables(data: bytes) -> dict[str, dict[str, dict[str, str]]]:
    """Ruled tables by their key column header (commune tables also by their third header):
    row label → {column header: cell}; parts and pages of one table land in one entry."""
    tables: dict[str, dict[str, dict[str, str]]] = {}
    with pdfplumber.open(io.BytesIO(data)) as document:
        for page in document.pages:
            for rows in page.extract_tables():
                header = [_cell(c) for c in rows[0]]
                assert header[0] == "STT", header
                key = f"Xã/{header[2]}" if header[1] == "Xã" else header[1]
                entry = tables.setdefault(key, {})
                for row in rows[1:]:
                    cells = [_cell(c) for c in row]
                    entry.setdefault(cells[1], {}).update(zip(header[2:], cells[2:], strict=True))
    return tables


def test_pdf_totals_are_the_sum_of_the_communes_latest_revisions(
    communes: Communes, bundle: district_report.DistrictBundle, pdf: bytes
) -> None:
    expected = _sum(communes.september)  # Mường Giàng's r2, every other commune's r1
    previous = _sum(communes.august)
    columns = bundle.report.data.columns
    tables = pdf_tables(pdf)
    summary = tables["Chỉ tiêu"]
    assert _int(summary["Số hoạt động tuyên truyền"]["Tháng 9/2021"]) == expected["#"]
    assert _int(summary["Số hoạt động tuyên truyền"]["Tháng 8/2021"]) == previous["#"]
    for column in columns:
        row = summary[column.label]
        assert _int(row["Tháng 9/2021"]) == expected[column.code], column
        assert _int(row["Tháng 8/2021"]) == previous[column.code], column
    for key in ("Hình thức tuyên truyền", "Nội dung tuyên truyền"):
        total = tables[key]["Tổng cộng"]
        assert _int(total["Số hoạt động"]) == expected["#"]
        assert all(_int(total[c.label]) == expected[c.code] for c in columns)
    by_form = _sum_lines(communes, "by_form")
    for line in bundle.report.data.by_form.lines:
        assert (
            _int(tables["Hình thức tuyên truyền"][line.label]["Số hoạt động"]) == by_form[line.key]
        )
    # the commune table: one line per commune that reported, its own totals
    key_table = tables["Xã/Số hoạt động"]
    assert set(key_table) == {communes.names[c] for c in communes.september} | {"Tổng cộng"}
    labels = {c.code: c.label for c in columns}
    for code, own in communes.september.items():
        row = key_table[communes.names[code]]
        assert _int(row["Số hoạt động"]) == own.data.totals.activities
        for indicator in first_campaign().consolidated:
            assert _int(row[labels[indicator]]) == own.data.totals.value(indicator)
    assert _int(key_table["Tổng cộng"]["Lượt người được tuyên truyền"]) == expected["people"]
    venues = tables["Xã/Số địa điểm"]
    for code, own in communes.september.items():
        mine = own.data.venues.total
        row = venues[communes.names[code]]
        assert (_int(row["Số địa điểm"]), _int(row["Đã đăng ký mã QR"])) == (
            mine.venues,
            mine.registered,
        )
    assert _int(venues["Tổng cộng"]["Số địa điểm"]) == sum(
        b.data.venues.total.venues for b in communes.september.values()
    )


def _sum_lines(communes: Communes, table: str) -> Counter[str]:
    total: Counter[str] = Counter()
    for own in communes.september.values():
        for line in getattr(own.data, table).lines:
            total[line.key] += line.activities
    return total


def test_the_newer_revision_replaces_the_older_in_the_totals(
    communes: Communes, bundle: district_report.DistrictBundle, pdf: bytes
) -> None:
    first, latest = communes.first_revision, communes.september[REVISED]
    assert first is not None
    assert latest.data.totals.value("people") == first.data.totals.value("people") + 777
    row = pdf_tables(pdf)["Xã/Số hoạt động"]["Xã Mường Giàng"]
    assert _int(row["Lượt người được tuyên truyền"]) == latest.data.totals.value("people")
    assert _int(row["Số hoạt động"]) == first.data.totals.activities + 1
    status = pdf_tables(pdf)["Xã/Tình trạng"]["Xã Mường Giàng"]
    assert status["Lần gửi"] == "2"
    assert status["Tình trạng"] == "Đã báo cáo (bản sửa đổi)"
    assert status["Báo cáo của xã (số, ngày)"] == "Số 41/BC-UBND ngày 06/10/2021"
    assert bundle.report.data.totals.value("people") == _sum(communes.september)["people"]


def test_imported_in_the_usual_order_the_revision_counts_too(
    communes: Communes, paths: AppPaths
) -> None:
    db = open_database(paths.database_url)
    profile.set_up(db, profile.SetupRequest("district", "118", "Lương Văn Thảo", "TRƯỞNG PHÒNG"))
    enrol_files(db, [communes.usb])
    outcomes = {r.path.name: r.outcome for r in district.import_files(db, [communes.usb])}
    assert outcomes[f"BC-2021-09-{REVISED}-r2.qnbc"] is district.Outcome.REPLACED
    made = district_report.prepare(db, SEPTEMBER, today=TODAY)
    db.close()
    expected = _sum(communes.september)
    totals = made.report.data.totals
    assert totals.activities == expected["#"]
    assert {c.code: totals.value(c.code) for c in made.report.data.columns} == {
        c.code: expected[c.code] for c in made.report.data.columns
    }


def test_missing_communes_are_listed_as_not_reported(
    bundle: district_report.DistrictBundle, pdf: bytes, text: str, communes: Communes
) -> None:
    status = pdf_tables(pdf)["Xã/Tình trạng"]
    assert status["Xã Nậm Ét"]["Tình trạng"] == "Chưa báo cáo"
    assert status["Xã Nậm Ét"]["Lần gửi"] == ""
    reported = [name for name, row in status.items() if row["Tình trạng"].startswith("Đã báo cáo")]
    assert len(reported) == 10
    assert status["Tổng cộng"]["Tình trạng"] == "10/11 xã đã báo cáo"
    assert "nhận được báo cáo của 10/11 xã; còn 01 xã chưa gửi báo cáo: xã Nậm Ét." in text
    assert "Chưa báo cáo nên không có trong bảng: Xã Nậm Ét." in text
    assert [c.code for c in bundle.report.missing] == [MISSING]
    assert communes.names[MISSING] == "Xã Nậm Ét"


def test_difficulties_and_proposals_are_quoted_under_each_communes_name(text: str) -> None:
    difficulties = text[text.index("II. KHÓ KHĂN, VƯỚNG MẮC") : text.index("III. ĐỀ XUẤT")]
    proposals = text[text.index("III. ĐỀ XUẤT, KIẾN NGHỊ") : text.index("Nơi nhận")]
    for code, (difficulty, proposal) in TEXTS.items():
        name = {"03703": "Xã Mường Giàng", "03682": "Xã Mường Chiên", "03709": "Xã Mường Sại"}[code]
        assert f"{name}: {difficulty}" in difficulties, name
        if proposal:
            assert f"{name}: {proposal}" in proposals, name
        else:
            assert name not in proposals
    # r2's added line follows its commune's first line; the older revision's texts are gone
    assert f"{TEXTS['03703'][0]} Một số hộ chưa biết khai báo y tế." in difficulties
    assert "Xã Cà Nàng" not in difficulties  # nothing to say, nothing printed


def test_header_signature_and_recipients_of_the_office(pdf: bytes, text: str) -> None:
    assert unicodedata.is_normalized("NFC", text)
    for expected in (
        "UBND HUYỆN QUỲNH NHAI",
        "PHÒNG VĂN HÓA VÀ THÔNG TIN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "/BC-VHTT",
        "Quỳnh Nhai, ngày 05 tháng 10 năm 2021",
        "BÁO CÁO",
        "Tổng hợp kết quả tuyên truyền",
        "tháng 9 năm 2021 trên địa bàn huyện Quỳnh Nhai",
        "Kính gửi: - Sở Thông tin và Truyền thông tỉnh Sơn La; - Ủy ban nhân dân huyện Quỳnh Nhai.",
        "TRƯỞNG PHÒNG",
        "Lương Văn Thảo",
        "Nơi nhận: - Như trên; - UBND các xã; - Lưu: VT.",
    ):
        assert expected in text, expected
    assert "TM." not in text  # the head of an office signs in person
    assert "Số: 0" not in text  # the number is left blank for the registry
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        words = document.pages[0].extract_words(extra_attrs=["fontname", "size"])

        def face(word: str) -> str:
            return str(next(w for w in words if w["text"] == word)["fontname"]).split("+")[-1]

        assert face("UBND") == "LiberationSerif"  # the managing body: regular
        assert face("PHÒNG") == "LiberationSerif-Bold"  # the issuing office: bold
        assert face("CỘNG") == "LiberationSerif-Bold"


def test_fonts_embedded_and_text_inside_the_margins(pdf: bytes) -> None:
    fonts = list(_fonts(PdfReader(io.BytesIO(pdf))))
    assert fonts and all("LiberationSerif" in str(f["/BaseFont"]) for f in fonts)
    for font in fonts:
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object()
    pages = _chars(pdf)
    assert len(pages) >= 4
    for number, chars in enumerate(pages, start=1):
        for char, left, bottom, right, _top in (c for c in chars if not _in_top_margin(c)):
            assert left >= MARGIN_LEFT - 0.5, (number, char)
            assert right <= PAGE_W - MARGIN_RIGHT + 0.5, (number, char)
            assert bottom >= MARGIN_BOTTOM - 0.5, (number, char)
        header = "".join(c[0] for c in chars if _in_top_margin(c))
        assert header == ("" if number == 1 else str(number))
    assert PAGE_H > 800


def test_xlsx_holds_the_same_sums_and_every_indicator_per_commune(
    communes: Communes, bundle: district_report.DistrictBundle, tmp_path: Path
) -> None:
    path = district_report.write_xlsx(bundle, tmp_path / "th.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == [
        "Báo cáo",
        "Tình hình báo cáo",
        "Tổng hợp",
        "Theo hình thức",
        "Theo nội dung",
        "Theo xã",
        "Mã QR",
        "Theo lực lượng",
        "Khó khăn, đề xuất",
    ]
    for number, sheet in enumerate(book.worksheets[1:], start=1):  # each table's number
        assert str(sheet["A2"].value).startswith(f"Bảng {number}. "), sheet.title
    expected = _sum(communes.september)
    columns = bundle.report.data.columns
    summary = book["Tổng hợp"]
    assert summary["C5"].value == expected["#"]
    for offset, column in enumerate(columns, start=6):
        assert summary.cell(offset, 2).value == column.label
        assert summary.cell(offset, 3).value == expected[column.code]
    by_commune = book["Theo xã"]
    header = [c.value for c in by_commune[4]]
    assert header[1:3] == ["Xã", "Số hoạt động"] and header[3:] == [c.label for c in columns]
    rows = {row[1]: row for row in by_commune.iter_rows(min_row=5, values_only=True) if row[1]}
    for code, own in communes.september.items():
        row = rows[communes.names[code]]
        assert row[2] == own.data.totals.activities
        assert list(row[3:]) == [own.data.totals.value(c.code) for c in columns]
    assert rows["Tổng cộng"][2] == expected["#"]
    assert communes.names[MISSING] not in rows
    status = {
        row[1]: row for row in book["Tình hình báo cáo"].iter_rows(min_row=5, values_only=True)
    }
    assert status["Xã Nậm Ét"][2] == "Chưa báo cáo" and status["Xã Nậm Ét"][4] is None
    assert status["Xã Mường Giàng"][4] == 2
    texts = {
        row[1]: row for row in book["Khó khăn, đề xuất"].iter_rows(min_row=5, values_only=True)
    }
    assert texts["Xã Mường Chiên"][2:] == TEXTS["03682"]
    info = {row[0]: row[1] for row in book["Báo cáo"].iter_rows(values_only=True)}
    assert info["Số"] == "   /BC-VHTT"
    assert info["Số xã đã báo cáo"] == "10/11"
    assert book["Tổng hợp"]["A1"].value == "PHÒNG VĂN HÓA VÀ THÔNG TIN HUYỆN QUỲNH NHAI"


def test_previous_period_comes_from_the_august_reports(
    communes: Communes, bundle: district_report.DistrictBundle
) -> None:
    data = bundle.report.data
    assert data.previous_period == AUGUST
    assert data.previous_totals.activities == _sum(communes.august)["#"]
    assert bundle.report.previous_reported == 11


def test_cli_writes_both_files_and_says_who_reported(
    communes: Communes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "huyen"
    init = ["init", "--district", "118", "--signer-name", "Lương Văn Thảo"]
    assert main(["--data-dir", str(folder), *init, "--signer-title", "TRƯỞNG PHÒNG"]) == 0
    # No key is enrolled yet: every file waits, and the district is told what to do.
    assert main(["--data-dir", str(folder), "package", "import", str(communes.usb)]) == 1
    assert "quynhnhai district enrol" in capsys.readouterr().out
    for r1 in sorted(communes.usb.glob("*-r1.qnbc")):  # after comparing each fingerprint
        assert main(["--data-dir", str(folder), "district", "enrol", "--yes", str(r1)]) == 0
    capsys.readouterr()
    pdf, xlsx = tmp_path / "out" / "th.pdf", tmp_path / "out" / "th.xlsx"
    args = ["district", "report", "--month", "2021-09", "--pdf", str(pdf), "--xlsx", str(xlsx)]
    assert main(["--data-dir", str(folder), *args]) == 0
    out = capsys.readouterr().out
    expected = _sum(communes.september)
    assert out.startswith("Phòng Văn hóa và Thông tin huyện Quỳnh Nhai tổng hợp kết quả")
    assert "10/11 xã đã báo cáo; chưa báo cáo: xã Nậm Ét." in out
    assert f"Tổng cộng: {expected['#']:,} hoạt động".replace(",", ".") in out
    assert f"Đã lưu PDF: {pdf}" in out and f"Đã lưu bản Excel: {xlsx}" in out
    assert "Xã Nậm Ét" in " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert load_workbook(xlsx)["Tổng hợp"]["C5"].value == expected["#"]
    assert not list(pdf.parent.glob(".*.part"))


def test_cli_exit_codes(
    communes: Communes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "huyen"
    init = ["init", "--district", "118", "--signer-name", "Lương Văn Thảo"]
    assert main(["--data-dir", str(folder), *init, "--signer-title", "TRƯỞNG PHÒNG"]) == 0
    capsys.readouterr()

    def run(*args: str) -> int:
        return main(["--data-dir", str(folder), "district", "report", *args])

    assert run("--month", "2021-09") == 1  # nothing imported yet
    assert "Chưa có xã nào gửi báo cáo tháng 09/2021" in capsys.readouterr().err
    assert run("--month", "9/2021") == 1
    assert "YYYY-MM" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        run("--rule", "statistical")
    assert usage.value.code == 2
    commune = tmp_path / "xa"
    signer = ["--signer-name", "Lò Văn Thành", "--signer-title", "CHỦ TỊCH"]
    assert main(["--data-dir", str(commune), "init", "--commune", "03703", *signer]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(commune), "district", "report", "--month", "2021-09"]) == 1
    assert "máy cài đặt cho huyện" in capsys.readouterr().err


def test_the_communes_free_texts_stay_text_in_the_workbook(
    bundle: district_report.DistrictBundle, tmp_path: Path
) -> None:
    """A commune's proposal that looks like a formula is written as text, never a formula."""
    import dataclasses
    import zipfile

    hostile = '=HYPERLINK("http://x.example","Bấm vào đây")'
    reported = [c for c in bundle.report.communes if c.revision is not None]
    changed = {reported[0].code: dataclasses.replace(reported[0], proposals=hostile)}
    communes = tuple(changed.get(c.code, c) for c in bundle.report.communes)
    report_ = dataclasses.replace(bundle.report, communes=communes)
    path = district_report.write_xlsx(
        dataclasses.replace(bundle, report=report_), tmp_path / "th.xlsx"
    )
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any("<f>" in archive.read(n).decode() for n in sheets)
    texts = load_workbook(path)["Khó khăn, đề xuất"]
    cells = [c for row in texts.iter_rows() for c in row if c.value == hostile]
    assert len(cells) == 1 and cells[0].data_type == "s" and cells[0].quotePrefix


def test_a_comparison_with_a_month_nobody_reported_says_so_instead_of_a_change(
    communes: Communes, tmp_path: Path
) -> None:
    paths = AppPaths(tmp_path / "district").ensure()
    db = district_db(paths, communes.usb)
    try:
        august = district_report.prepare(db, AUGUST, today=TODAY)  # nobody reported July
        assert august.report.previous_reported == 0
        pdf = district_report.pdf_bytes(august)
        xlsx = district_report.write_xlsx(august, tmp_path / "th.xlsx")
    finally:
        db.close()
    summary = pdf_tables(pdf)["Chỉ tiêu"]
    assert summary and all(list(cells.values())[1:] == ["—", "—"] for cells in summary.values()), (
        summary
    )
    activities = summary["Số hoạt động tuyên truyền"]
    assert _int(next(iter(activities.values()))) == _sum(communes.august)["#"]
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "tháng 7/2021 chưa xã nào báo cáo, nên không so sánh được với kỳ trước" in text
    sheet = load_workbook(xlsx)["Tổng hợp"]
    rows = list(sheet.iter_rows(min_row=5, max_col=5, values_only=True))
    numbered = [row for row in rows if isinstance(row[0], int)]
    assert numbered and all(row[3:] == ("—", "—") for row in numbered)
    assert any("không so sánh được" in str(row[0]) for row in rows)
