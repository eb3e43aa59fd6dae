"""QtPdf renders what pdfium renders: the self-check sees the pixels it always saw.

The app's QR self-check and poster printing rasterise with QtPdf (pdf_raster.py); until
now they used pypdfium2, which stays here as the independent reference. Both are pdfium,
so the same area at the same dpi must give the same grayscale pixels.
"""

from __future__ import annotations

import datetime as dt

import pypdfium2
import pytest

from quynhnhai_desktop.output import posters
from quynhnhai_desktop.output.raster import Area
from quynhnhai_desktop.pdf_raster import open_pdf

HEADING = posters.Heading(
    ("ỦY BAN NHÂN DÂN", "XÃ MƯỜNG GIÀNG"), "UBND xã Mường Giàng", dt.date(2021, 9, 20)
)


def sheet(layout: posters.Layout) -> posters.PosterSheet:
    items = [
        posters.PosterItem(f"03703-{n:04d}", f"Chợ bản Nà {n}", "Bản Nà", f"QNVENUE:1:{n}", True)
        for n in range(1, 4)
    ]
    return posters.render(items, layout, HEADING)


def reference(pdf: bytes, page: int, area: Area, dpi: float) -> tuple[bytes, int, int]:
    """pypdfium2's render of *area*, rows packed (its stride may be padded)."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        sheet_page = document[page]
        width, height = sheet_page.get_size()
        crop = (area.left, area.bottom, width - area.right, height - area.top)
        bitmap = sheet_page.render(scale=dpi / 72, crop=crop, grayscale=True)
        rows = bytes(bitmap.buffer)
        packed = b"".join(
            rows[y * bitmap.stride : y * bitmap.stride + bitmap.width] for y in range(bitmap.height)
        )
        return packed, bitmap.width, bitmap.height
    finally:
        document.close()


def packed(pixels: bytes | memoryview, width: int, height: int, stride: int) -> bytes:
    data = bytes(pixels)
    return b"".join(data[y * stride : y * stride + width] for y in range(height))


@pytest.mark.parametrize("layout", ["a4", "stickers"])
def test_each_code_area_renders_as_pdfium_renders_it(layout: posters.Layout) -> None:
    made = sheet(layout)
    document = open_pdf(made.pdf)
    try:
        for placed in made.placements:
            width, height = document.page_size(placed.page)
            margin = placed.quiet * 1.25
            area = Area(
                placed.x - margin,
                placed.y - margin,
                min(placed.x + placed.size + margin, width),
                min(placed.y + placed.size + margin, height),
            )
            image = document.render(placed.page, area, 150)
            expected, w, h = reference(made.pdf, placed.page, area, 150)
            assert (image.width, image.height) == (w, h)
            got = packed(image.pixels, image.width, image.height, image.stride)
            # Edge pixels may differ by a few levels of anti-aliasing (pdfium itself shades
            # edges a little differently in grayscale and in colour); the picture may not.
            far = sum(abs(a - b) > 64 for a, b in zip(got, expected, strict=True))
            flipped = sum((a < 128) != (b < 128) for a, b in zip(got, expected, strict=True))
            # Measured: A4 0.06% and stickers up to 0.26% (their edges are a larger share).
            assert far <= len(got) // 200, f"{far} of {len(got)} pixels differ"
            assert flipped <= len(got) // 200, f"{flipped} of {len(got)} pixels flip"
            assert min(got) == 0 and max(got) == 255  # black modules on white paper
    finally:
        document.close()


def test_a_whole_page_for_the_printer_has_the_page_size_at_the_dpi() -> None:
    made = sheet("a4")
    document = open_pdf(made.pdf)
    try:
        image = document.image(0, 300)
        assert (image.width(), image.height()) == (2481, 3508)  # A4 at 300 dpi, rounded up
        assert image.pixelColor(5, 5).lightness() == 255  # the margin is white paper
    finally:
        document.close()


def test_something_that_is_not_a_pdf_is_refused() -> None:
    with pytest.raises(ValueError, match="QtPdf cannot open"):
        open_pdf(b"%PDF-1.4 broken")
