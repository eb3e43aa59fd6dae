"""reportlab's platypus, imported with its URL and CJK patterns compiled on first use:
every paragraph lays out as with the patterns compiled at import."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from types import ModuleType

import pytest

URLS = [
    "https://example.com/a/b/c",
    "http://user:pw@10.0.0.1:8080/x?y=1",
    "ftp://[::1]/path",
    "HTTPS://Bộ-Y-Tế.gov.vn/tin/bai-viet",
    "not a url",
    "example.com/a\\b",
]


def test_importing_platypus_leaves_the_pattern_uncompiled_and_re_as_it_was() -> None:
    code = """
import re
real = re.compile
from quynhnhai_desktop.output import platypus
from reportlab.lib import textsplit
from reportlab.platypus import paragraph
assert re.compile is real, "re.compile is restored after the import"
for deferred in (paragraph.uri_pat, textsplit.rx):
    print(type(deferred).__name__, deferred._compiled is None)
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == ["CompiledOnFirstUse", "True"] * 2


def _paragraph_module() -> ModuleType:
    """reportlab.platypus.paragraph, imported the app's way (unless a test did it before)."""
    ours = importlib.import_module("quynhnhai_desktop.output.platypus")
    paragraph = sys.modules["reportlab.platypus.paragraph"]
    if not isinstance(paragraph.uri_pat, ours.CompiledOnFirstUse):
        pytest.skip("reportlab.platypus was imported before quynhnhai_desktop.output.platypus")
    assert paragraph.uri_pat.pattern.startswith(ours.URL_PATTERN_START)
    return paragraph


@pytest.mark.parametrize("url", URLS)
def test_the_deferred_pattern_matches_as_the_compiled_one(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraph = _paragraph_module()
    deferred = paragraph.uri_pat
    real = re.compile(deferred.pattern, re.IGNORECASE)  # reportlab's line
    assert deferred.flags == real.flags  # asking compiles it
    ours, theirs = deferred.match(url), real.match(url)
    assert (ours and ours.groups()) == (theirs and theirs.groups())
    split = paragraph._uri_split_pairs(url)
    monkeypatch.setattr(paragraph, "uri_pat", real)
    assert split == paragraph._uri_split_pairs(url)


def test_the_cjk_pattern_splits_as_the_compiled_one() -> None:
    _paragraph_module()
    from reportlab.lib import textsplit

    from quynhnhai_desktop.output.platypus import CJK_PATTERN

    assert textsplit.rx.pattern == CJK_PATTERN
    text = "Báo cáo 報告書 tháng 9"
    assert textsplit.rx.sub(r"\1\0 ", text) == re.compile(CJK_PATTERN).sub(r"\1\0 ", text)
    with pytest.raises(NameError):  # its only user cannot run (reportlab 5: no `reduce`)
        textsplit.cjkwrap("報告書 abc".encode(), 4)


def test_a_long_url_breaks_as_with_the_compiled_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.lib.styles import ParagraphStyle

    paragraph = _paragraph_module()
    style = ParagraphStyle("u", fontName="Helvetica", fontSize=10, uriWasteReduce=0.3)
    url = "https://example.com/" + "/".join(f"segment{n}" for n in range(12))

    def lines() -> list[str]:
        para = paragraph.Paragraph(f"See {url} and more", style)
        para.wrap(150, 1000)
        return [" ".join(line[1]) for line in para.blPara.lines]

    ours = lines()
    assert paragraph.uri_pat._compiled is not None  # the layout used it
    monkeypatch.setattr(paragraph, "uri_pat", re.compile(paragraph.uri_pat.pattern, re.I))
    assert ours == lines()
    assert len(ours) > 1
