"""QR posters as a phone and a printer see them: every code decodes, text and fonts are right.

Pages are rendered from the PDF bytes at 150 dpi with pypdfium2 and every QR is decoded with
zxing-cpp, independently of the app's own self-check (which these tests also exercise, with
the app's QtPdf renderer).
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections import Counter
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from quynhnhai_desktop.cli import main
from quynhnhai_desktop.output import posters, qr, qrcheck
from quynhnhai_desktop.pdf_raster import open_pdf
from quynhnhai_desktop.services import demo, venues
from quynhnhai_desktop.services import posters as poster_service
from quynhnhai_desktop.store.database import Database

DPI = 150
CM_PER_PX = 2.54 / DPI
HEADING = posters.Heading(
    ("ỦY BAN NHÂN DÂN", "XÃ MƯỜNG GIÀNG"), "UBND xã Mường Giàng", dt.date(2021, 9, 20)
)
# A long official URL (what the platform issued can carry a token) and NFD-typed names.
LONG_URL = "https://qr.tokhaiyte.vn/checkin?" + "&".join(f"p{i}=Q{i * 7919:07X}" for i in range(24))
NAMES = [
    "Chợ trung tâm xã",
    "Cửa hàng vật tư nông nghiệp Quàng Thị Hương",
    "Quán cá lòng hồ Huổi Ngùa",
    "Nhà nghỉ Lòng Hồ",
    "Trường Tiểu học xã",
    "Đền bản Xe",
    "Bến phà lòng hồ",
    "Điểm du lịch lòng hồ thủy điện",
    "Trạm Y tế xã",
    "Nhà văn hóa bản Đán",
    "Tạp hóa Ên",
    "Homestay bản Kéo Ca",
    "Cơ sở xay xát Đôi",
]


def items() -> list[posters.PosterItem]:
    out = []
    for number, name in enumerate(NAMES, start=1):
        code = f"03703-{number:04d}"
        if number % 3 == 1:
            payload, local = f"QNVENUE:1:{code}", True
        elif number % 3 == 2:
            payload, local = f"{LONG_URL}&v={number}", False
        else:
            payload, local = f"https://qr.tokhaiyte.vn/c/{number * 104729:08X}", False
        typed = unicodedata.normalize("NFD", name)  # as some keyboards deliver it
        out.append(posters.PosterItem(code, typed, "Bản Nà, xã Mường Giàng", payload, local))
    return out


def decode_pages(pdf: bytes) -> list[list[zxingcpp.Barcode]]:
    """Every QR on every page, rendered whole at 150 dpi."""
    document = pypdfium2.PdfDocument(pdf)
    found = []
    for page in document:
        image = page.render(scale=DPI / 72, grayscale=True).to_pil()
        found.append(zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode))
    return found


def side_cm(barcode: zxingcpp.Barcode) -> float:
    pos = barcode.position
    return (
        min(abs(pos.top_right.x - pos.top_left.x), abs(pos.bottom_left.y - pos.top_left.y))
        * CM_PER_PX
    )


@pytest.mark.parametrize("layout", posters.LAYOUTS)
def test_every_code_decodes_to_exactly_its_content_at_150_dpi(layout: posters.Layout) -> None:
    wanted = items()
    sheet = posters.render(wanted, layout, HEADING)
    pages = decode_pages(sheet.pdf)
    assert len(pages) == sheet.pages == {"a4": 13, "a5": 7, "stickers": 2}[layout]
    per_page: dict[int, Counter[str]] = {}
    for placed in sheet.placements:
        per_page.setdefault(placed.page, Counter())[placed.payload] += 1
    for index, found in enumerate(pages):
        assert Counter(b.text for b in found) == per_page[index]
    decoded = [b.text for found in pages for b in found]
    assert sorted(decoded) == sorted(i.payload for i in wanted)
    assert any(text.startswith(LONG_URL) for text in decoded)
    assert "QNVENUE:1:03703-0001" in decoded


def test_the_a4_code_prints_at_least_15_cm_and_where_the_renderer_says() -> None:
    sheet = posters.render(items()[:3], "a4", HEADING)
    for placed, found in zip(sheet.placements, decode_pages(sheet.pdf), strict=True):
        (barcode,) = found
        assert side_cm(barcode) >= 15.0
        assert placed.size / 72 * 2.54 == pytest.approx(side_cm(barcode), abs=0.1)
        assert placed.quiet >= 4 * placed.size / placed.modules - 1e-6


def test_a5_sheets_carry_two_posters_and_a_cut_line() -> None:
    sheet = posters.render(items()[:2], "a5", HEADING)
    (found,) = decode_pages(sheet.pdf)
    left, right = sorted(found, key=lambda b: b.position.top_left.x)
    page_width_cm = 29.7
    assert left.position.top_right.x * CM_PER_PX < page_width_cm / 2
    assert right.position.top_left.x * CM_PER_PX > page_width_cm / 2
    assert side_cm(left) >= 10.5
    image = pypdfium2.PdfDocument(sheet.pdf)[0].render(scale=DPI / 72, grayscale=True).to_pil()
    width, height = image.size
    for half in (0, 1):  # each poster has its heading (the shared frame, scaled) at the top
        band = image.crop((half * width // 2, 0, (half + 1) * width // 2, height // 5))
        assert sum(band.histogram()[:100]) > 2000
    assert "cắt theo đường này" in PdfReader(io.BytesIO(sheet.pdf)).pages[0].extract_text()


def test_twelve_stickers_fit_inside_the_margins() -> None:
    sheet = posters.render(items()[:12], "stickers", HEADING)
    assert sheet.pages == 1 and len(sheet.labels) == 12
    width, height = posters.A4_W, posters.A4_H
    margin_x, margin_y = posters.STICKER_MARGIN_X, posters.STICKER_MARGIN_Y
    for label in sheet.labels:
        assert margin_x - 1e-6 <= label.x and label.x + label.width <= width - margin_x + 1e-6
        assert margin_y - 1e-6 <= label.y and label.y + label.height <= height - margin_y + 1e-6
        assert label.width >= 60 * 72 / 25.4 and label.height >= 60 * 72 / 25.4
    for a in range(12):  # labels do not overlap
        for b in range(a + 1, 12):
            la, lb = sheet.labels[a], sheet.labels[b]
            assert (
                la.x + la.width <= lb.x + 1e-6
                or lb.x + lb.width <= la.x + 1e-6
                or la.y + la.height <= lb.y + 1e-6
                or lb.y + lb.height <= la.y + 1e-6
            )
    for placed, label in zip(sheet.placements, sheet.labels, strict=True):  # QR in its label
        assert label.x < placed.x - placed.quiet
        assert placed.x + placed.size + placed.quiet < label.x + label.width
        assert label.y < placed.y - placed.quiet
    (found,) = decode_pages(sheet.pdf)
    assert len(found) == 12


def test_names_extract_as_the_same_nfc_text_and_fonts_are_embedded() -> None:
    sheet = posters.render(items(), "a4", HEADING)
    reader = PdfReader(io.BytesIO(sheet.pdf))
    for page, name in zip(reader.pages, NAMES, strict=True):
        text = page.extract_text()
        assert unicodedata.is_normalized("NFC", text)
        assert name in " ".join(text.split())
        assert "MÃ QR ĐỊA ĐIỂM" in text
    local_text = " ".join(reader.pages[0].extract_text().split())
    assert "KHÔNG PHẢI MÃ QR QUỐC GIA" in local_text and "mã nội bộ".upper() in local_text.upper()
    assert "KHÔNG PHẢI MÃ QR QUỐC GIA" not in reader.pages[1].extract_text()
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
            assert "/FontFile2" in font["/FontDescriptor"]  # embedded, not just named
    assert fonts == {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic"}


def test_qr_is_vector_only_one_path_per_code() -> None:
    sheet = posters.render(items()[:1], "a4", HEADING)
    page = PdfReader(io.BytesIO(sheet.pdf)).pages[0]
    xobjects = [x.get_object() for x in page["/Resources"].get("/XObject", {}).values()]
    assert [x["/Subtype"] for x in xobjects] == ["/Form"]  # the shared frame: no raster image
    assert not xobjects[0].get("/Resources", {}).get("/XObject")
    content = page.get_contents().get_data().decode("latin-1")
    matrix = qr.encode(items()[0].payload)
    assert content.count(" re\n") + content.count(" re f") >= matrix.size  # runs as rectangles
    assert content.count("\nf\n") + content.count("\nf Q") == 1  # filled once


def test_self_check_catches_a_code_that_decodes_to_something_else(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wanted = items()[:4]
    real_encode = qr.encode
    # A renderer bug: the third venue's symbol carries someone else's content.
    monkeypatch.setattr(
        qr, "encode", lambda p: real_encode("QNVENUE:1:03703-9999" if p == wanted[2].payload else p)
    )
    sheet = posters.render(wanted, "stickers", HEADING)
    with pytest.raises(qrcheck.QrCheckFailed) as failed:
        qrcheck.verify(sheet.pdf, sheet.placements, raster=open_pdf)
    (failure,) = failed.value.failures
    assert failure.venue_code == wanted[2].venue_code
    assert failure.found == "QNVENUE:1:03703-9999"
    assert "03703-0003" in failed.value.english()


def test_content_too_dense_for_stickers_is_refused_before_printing() -> None:
    huge = posters.PosterItem("03703-0001", "Chợ", "", "https://x.vn/" + "A1b2" * 200, False)
    with pytest.raises(posters.QrTooDense, match="A4 poster"):
        posters.render([huge], "stickers", HEADING)
    sheet = posters.render([huge], "a4", HEADING)
    assert qrcheck.verify(sheet.pdf, sheet.placements, raster=open_pdf) == 1


def test_vietnamese_official_content_survives_the_round_trip() -> None:
    content = "Địa điểm: Chợ Mường Giàng – mã 12345"
    sheet = posters.render(
        [posters.PosterItem("03703-0001", "Chợ", "", content, False)], "a4", HEADING
    )
    assert [b.text for b in decode_pages(sheet.pdf)[0]] == [content]


# -- the service and the command line ----------------------------------------------------


@pytest.fixture
def demo_db(commune_db: Database) -> Database:
    demo.fill(commune_db, months=1, until=dt.date(2021, 9, 30))
    return commune_db


def test_build_checks_saves_and_counts_the_posters(demo_db: Database, tmp_path: Path) -> None:
    steps: list[tuple[int, int]] = []
    job = poster_service.build(
        demo_db, raster=open_pdf, layout="stickers", progress=lambda d, t: steps.append((d, t))
    )
    assert job.checked == len(job.venue_ids) == 32 and job.pages == 3
    assert steps[-1] == (64, 64) and steps == sorted(steps)
    with demo_db.session() as session:
        rows = venues.page(session, "03703")
    assert job.local_codes == sum(not r.qr_content for r in rows)
    out = tmp_path / "stickers.pdf"
    poster_service.save(demo_db, job, out)
    assert out.read_bytes() == job.pdf
    with demo_db.session() as session:
        assert venues.summary(session, "03703").posters_printed == 32


def test_cancelling_stops_the_job(demo_db: Database) -> None:
    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        if done == 5:
            raise Stop

    with pytest.raises(Stop):
        poster_service.build(demo_db, raster=open_pdf, progress=progress)


def test_cli_posters_for_chosen_venues(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    out = tmp_path / "two.pdf"
    assert (
        main(
            [
                "--data-dir",
                data,
                "qr",
                "posters",
                "--out",
                str(out),
                "--layout",
                "a5",
                "--venue",
                "03703-0001",
                "03703-0002",
            ]
        )
        == 0
    )
    assert "2 áp phích" in capsys.readouterr().out
    (found,) = decode_pages(out.read_bytes())
    with demo_db.session() as session:
        expected = {
            r.qr_content or f"QNVENUE:1:{r.code}"
            for r in venues.rows_by_codes(session, "03703", ["03703-0001", "03703-0002"])
        }
        assert venues.summary(session, "03703").posters_printed == 2
    assert {b.text for b in found} == expected
    assert main(["--data-dir", data, "qr", "posters", "--out", str(out), "--venue", "X-1"]) == 1
    assert "X-1" in capsys.readouterr().err
