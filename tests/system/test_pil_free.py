"""Every PDF and workbook the app writes needs no Pillow: the bundle ships a stand-in.

reportlab imports ``PIL.Image`` as it loads but uses it only for raster pictures; the frozen
bundle carries build/stubs/PIL instead of Pillow's 6 MB, whose functions all fail. Here the
stand-in replaces Pillow for a whole run of the papers (monthly report PDF and workbook,
QR posters, the report package, the district's consolidated report): any use would raise.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from quynhnhai_desktop.cli import main
from tests.support.frozen import ROOT

SIGNER = ["--signer-name", "Lò Văn Thành", "--signer-title", "CHỦ TỊCH"]


def stand_in() -> ModuleType:
    path = ROOT / "build" / "stubs" / "PIL" / "Image.py"
    spec = importlib.util.spec_from_file_location("PIL.Image", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def no_pillow(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    import openpyxl.drawing.image
    import reportlab.lib.utils

    image = stand_in()
    package = ModuleType("PIL")
    package.Image = image  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "PIL", package)
    monkeypatch.setitem(sys.modules, "PIL.Image", image)
    monkeypatch.setattr(reportlab.lib.utils, "Image", image)
    monkeypatch.setattr(openpyxl.drawing.image, "PILImage", image)
    return image


def test_the_stand_in_fails_loudly_when_used(no_pillow: ModuleType) -> None:
    with pytest.raises(ImportError, match="Pillow is not in this bundle"):
        no_pillow.open("picture.png")
    from reportlab.lib.utils import ImageReader

    with pytest.raises(ImportError, match="Pillow"):
        ImageReader(str(ROOT / "resources" / "fonts" / "LICENSE-OFL.txt"))  # not a JPEG: Pillow


def test_every_paper_is_written_without_pillow(no_pillow: ModuleType, tmp_path: Path) -> None:
    commune, district, out = (str(tmp_path / name) for name in ("commune", "district", "out"))
    steps = [
        [commune, "init", "--commune", "03703", *SIGNER],
        [commune, "demo", "--months", "2", "--until", "2021-11"],
        [commune, "report", "monthly", "--month", "2021-11", "--pdf", f"{out}/r.pdf"],
        [commune, "report", "monthly", "--month", "2021-11", "--xlsx", f"{out}/r.xlsx"],
        [commune, "qr", "posters", "--out", f"{out}/a4.pdf"],
        [commune, "qr", "posters", "--layout", "stickers", "--out", f"{out}/s.pdf"],
        [commune, "package", "export", "--month", "2021-11", "--out", out],
        [district, "init", "--district", "118", *SIGNER],
        [district, "district", "enrol", "--yes", f"{out}/BC-2021-11-03703-r1.qnbc"],
        [district, "district", "report", "--month", "2021-11", "--pdf", f"{out}/d.pdf"],
    ]
    for data, *args in steps:
        assert main(["--data-dir", data, *args]) == 0, args
    for name in ("r.pdf", "a4.pdf", "s.pdf", "d.pdf"):
        assert (Path(out) / name).read_bytes().startswith(b"%PDF-")
