"""What the QR self-check needs from a PDF renderer, without depending on one.

The core may not import Qt, and the app's renderer is QtPdf (``pdf_raster.py``); tests
may use another. This module is light on purpose: the GUI imports it before any poster is
drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class GrayImage:
    """8-bit grayscale pixels on white, rows top to bottom, *stride* bytes apart."""

    pixels: bytes | memoryview
    width: int
    height: int
    stride: int


@dataclass(frozen=True)
class Area:
    """A rectangle of a page in PDF points, from the page's bottom-left corner."""

    left: float
    bottom: float
    right: float
    top: float


class RasterDocument(Protocol):
    """One open PDF whose pages can be rasterised, area by area."""

    def page_size(self, page: int) -> tuple[float, float]:
        """Width and height of *page* (0-based) in points."""
        ...

    def render(self, page: int, area: Area, dpi: float) -> GrayImage:
        """*area* of *page* at *dpi*, as a full-page render would give those pixels."""
        ...

    def close(self) -> None: ...


PdfRaster = Callable[[bytes], RasterDocument]  # opens the bytes of a PDF
