"""reportlab's page layout (platypus), imported for the app's PDFs without its costliest lines.

Importing ``reportlab.platypus`` compiles two patterns over most of Unicode that none of
the app's PDFs uses: ``paragraph.uri_pat``, a case-insensitive URL pattern over
U+00A1–U+FFFF (~22 ms, a tenth of a whole `report monthly` process), matched only to
hyphenate URLs (a style's ``uriWasteReduce``, which none of ours sets), and
``textsplit.rx``, the CJK characters (~3 ms), used only by ``textsplit.cjkwrap``, which
nothing calls. Here each is compiled the first time it is used, with the same pattern and
flags, so every paragraph lays out as before. Every other pattern is compiled as usual;
``re.compile`` is itself again as soon as the import is done.

The app's modules import platypus from here (ruff's banned-api says so), so whichever
comes first imports it this way.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# The start of reportlab's URL pattern (reportlab 4 and 5, from Django's URL validator),
# and its pattern of CJK characters.
URL_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"
CJK_PATTERN = "([\u2e80-\uffff])"


class CompiledOnFirstUse:
    """Stands for ``re.compile(pattern, flags)`` until an attribute is first asked for."""

    def __init__(self, compile_: Callable[[str, int], re.Pattern[str]], pattern: str, flags: int):
        self._compile = compile_
        self.pattern = pattern  # as re.Pattern.pattern; its .flags (with re.UNICODE) compiles
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None
        self._lock = threading.Lock()

    def compiled(self) -> re.Pattern[str]:
        with self._lock:
            if self._compiled is None:
                self._compiled = self._compile(self.pattern, self._flags)
            return self._compiled

    def __getattr__(self, name: str) -> Any:  # only for what __init__ did not set
        return getattr(self.compiled(), name)


@contextmanager
def _unused_patterns_compiled_on_first_use() -> Iterator[None]:
    real = re.compile

    def compile_(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and (
            (flags & re.IGNORECASE and pattern.startswith(URL_PATTERN_START))
            or pattern == CJK_PATTERN
        ):
            return CompiledOnFirstUse(real, pattern, flags)
        return real(pattern, flags)

    re.compile = compile_
    try:
        yield
    finally:
        re.compile = real


with _unused_patterns_compiled_on_first_use():
    from reportlab.platypus import (
        BaseDocTemplate,
        CondPageBreak,
        Flowable,
        Frame,
        KeepTogether,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )
    from reportlab.platypus.flowables import HRFlowable

__all__ = [
    "BaseDocTemplate",
    "CondPageBreak",
    "Flowable",
    "Frame",
    "HRFlowable",
    "KeepTogether",
    "PageTemplate",
    "Paragraph",
    "Spacer",
    "Table",
    "TableStyle",
]
