"""The PDF fonts: Liberation Serif 2 (metric-compatible with Times New Roman, every
Vietnamese glyph, OFL), registered once per process and embedded in every PDF.

Reportlab's built-in Helvetica prints ■ for ệ or ỳ; register these and name them on every
style, including every Table style (reportlab otherwise falls back to Helvetica there).
"""

from __future__ import annotations

import threading

from quynhnhai_desktop.config import resource

SERIF = "LiberationSerif"
SERIF_BOLD = "LiberationSerif-Bold"
SERIF_ITALIC = "LiberationSerif-Italic"
SERIF_BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the four faces and their family (so <b>/<i> in paragraphs map); idempotent."""
    global _registered
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
        pdfmetrics.registerFontFamily(
            SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD_ITALIC
        )
        for bold, italic, name in (
            (0, 0, SERIF),
            (1, 0, SERIF_BOLD),
            (0, 1, SERIF_ITALIC),
            (1, 1, SERIF_BOLD_ITALIC),
        ):
            addMapping(SERIF, bold, italic, name)
        _registered = True
