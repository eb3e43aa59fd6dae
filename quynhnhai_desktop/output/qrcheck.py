"""The self-check: render every QR of a finished PDF and decode it before anyone prints it.

A wrong QR on a market wall is worse than none, so a poster job succeeds only when each
symbol, rendered from the PDF bytes themselves at 150 dpi (a cheap office printer's
effective sharpness), decodes with zxing-cpp to exactly its venue's content, and nothing
else is found in its place. Only the area of each code (with its quiet zone and a little
more) is rasterised: the same pixels a full-page render would give there, at a fraction of
the cost, which keeps the check inside the poster budget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.output.posters import PlacedQr

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


def _decode(page: object, placed: PlacedQr, width: float, height: float) -> list[str]:
    import zxingcpp

    margin = placed.quiet * 1.25  # the quiet zone and a bit of what surrounds it
    left = max(placed.x - margin, 0.0)
    bottom = max(placed.y - margin, 0.0)
    right = max(width - (placed.x + placed.size + margin), 0.0)
    top = max(height - (placed.y + placed.size + margin), 0.0)
    bitmap = page.render(  # type: ignore[attr-defined]
        scale=CHECK_DPI / 72, crop=(left, bottom, right, top), grayscale=True
    )
    image = bitmap.to_pil()
    found = zxingcpp.read_barcodes(
        image,
        formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode),
        try_rotate=False,
        try_downscale=False,
        try_invert=False,
    )
    return [barcode.text for barcode in found]


def verify(pdf: bytes, placements: Sequence[PlacedQr], *, progress: Progress | None = None) -> int:
    """Decode every placed QR in *pdf*; raise QrCheckFailed listing each one that is wrong.

    Returns the number of codes checked. *progress(done, total)* runs after each code.
    """
    import pypdfium2

    failures: list[CheckFailure] = []
    document = pypdfium2.PdfDocument(pdf)
    try:
        total = len(placements)
        by_page: dict[int, list[PlacedQr]] = {}
        for placed in placements:
            by_page.setdefault(placed.page, []).append(placed)
        done = 0
        for page_index, placed_here in sorted(by_page.items()):
            page = document[page_index]
            try:
                width, height = page.get_size()
                for placed in placed_here:
                    texts = _decode(page, placed, width, height)
                    if texts != [placed.payload]:
                        found = " | ".join(texts)
                        failures.append(
                            CheckFailure(page_index, placed.venue_code, placed.payload, found)
                        )
                        log.error(
                            "QR self-check: %s on page %d decoded %r",
                            placed.venue_code,
                            page_index + 1,
                            texts,
                        )
                    done += 1
                    if progress is not None:
                        progress(done, total)
            finally:
                page.close()
    finally:
        document.close()
    if failures:
        raise QrCheckFailed(failures)
    return len(placements)
