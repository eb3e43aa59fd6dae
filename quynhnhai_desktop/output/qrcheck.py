"""The self-check: render every QR of a finished PDF and decode it before anyone prints it.

A wrong QR on a market wall is worse than none, so a poster job succeeds only when each
symbol, rendered from the PDF bytes themselves at 150 dpi (a cheap office printer's
effective sharpness), decodes with zxing-cpp to exactly its venue's content, and nothing
else is found in its place. Only the area of each code (with its quiet zone and a little
more) is rasterised: the same pixels a full-page render would give there, at a fraction of
the cost, which keeps the check inside the poster budget.

The pixels come from the ``output.raster.PdfRaster`` the caller hands in: the app's is
QtPdf (``pdf_raster.py``, the pdfium inside Qt that also draws the preview), so the
bundle carries one pdfium and no imaging library, and the core stays free of Qt. zxing-cpp
reads the 8-bit grayscale rows straight from memory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.output.posters import PlacedQr
from quynhnhai_desktop.output.raster import Area, PdfRaster, RasterDocument

log = logging.getLogger(__name__)

CHECK_DPI = 150
Progress = Callable[[int, int], None]


class QrCheckFailed(UserError):
    """At least one code in the PDF does not decode to its venue's content."""

    def __init__(self, failures: Sequence[CheckFailure]) -> None:
        first = failures[0]
        super().__init__(
            "posters",
            QT_TRANSLATE_NOOP(
                "posters",
                "The check of the printed QR codes failed for {count} venue(s), first {code} "
                "(page {page}): {found}. Nothing was saved or printed.",
            ),
            count=len(failures),
            code=first.venue_code,
            page=first.page + 1,
            found=first.found or "—",
        )
        self.failures = list(failures)


@dataclass(frozen=True)
class CheckFailure:
    page: int
    venue_code: str
    expected: str
    found: str  # what was decoded there ("" for nothing)


def _decode(document: RasterDocument, placed: PlacedQr, width: float, height: float) -> list[str]:
    import zxingcpp

    margin = placed.quiet * 1.25  # the quiet zone and a bit of what surrounds it
    area = Area(
        left=max(placed.x - margin, 0.0),
        bottom=max(placed.y - margin, 0.0),
        right=min(placed.x + placed.size + margin, width),
        top=min(placed.y + placed.size + margin, height),
    )
    image = document.render(placed.page, area, CHECK_DPI)
    view = zxingcpp.ImageView(
        image.pixels, image.width, image.height, zxingcpp.ImageFormat.Lum, image.stride
    )
    found = zxingcpp.read_barcodes(
        view,
        formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode),
        try_rotate=False,
        try_downscale=False,
        try_invert=False,
    )
    return [barcode.text for barcode in found]


def verify(
    pdf: bytes,
    placements: Sequence[PlacedQr],
    *,
    raster: PdfRaster,
    progress: Progress | None = None,
) -> int:
    """Decode every placed QR in *pdf*; raise QrCheckFailed listing each one that is wrong.

    *raster* opens the PDF for rendering. Returns the number of codes checked.
    *progress(done, total)* runs after each code.
    """
    failures: list[CheckFailure] = []
    document = raster(pdf)
    try:
        total = len(placements)
        sizes: dict[int, tuple[float, float]] = {}
        for done, placed in enumerate(sorted(placements, key=lambda p: p.page), start=1):
            if placed.page not in sizes:
                sizes[placed.page] = document.page_size(placed.page)
            width, height = sizes[placed.page]
            texts = _decode(document, placed, width, height)
            if texts != [placed.payload]:
                found = " | ".join(texts)
                failures.append(CheckFailure(placed.page, placed.venue_code, placed.payload, found))
                log.error(
                    "QR self-check: %s on page %d decoded %r",
                    placed.venue_code,
                    placed.page + 1,
                    texts,
                )
            if progress is not None:
                progress(done, total)
    finally:
        document.close()
    if failures:
        raise QrCheckFailed(failures)
    return len(placements)
