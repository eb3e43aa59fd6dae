"""Draw the application icon into files for the build: ``python build/assets.py OUTDIR``.

Writes OUTDIR/QuynhNhai.ico (the executables' and the installer's icon) and
OUTDIR/QuynhNhai.png (256 px, for a look). The drawing itself lives in
quynhnhai_desktop.gui.app_icon, which also gives the running window its icon.

The .ico holds one image per Windows icon size: the small ones as 32-bit bitmaps (what
every Windows tool reads), 256 px as PNG (what Windows expects for the large size).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication, QImage

ROOT = Path(__file__).resolve().parent.parent
NAME = "QuynhNhai"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
PNG_FROM = 256  # sizes from here up are stored as PNG


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _dib(image: QImage) -> bytes:
    """A 32-bit BITMAPINFOHEADER bitmap as an .ico stores it: bottom-up BGRA + AND mask."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)  # memory order B, G, R, A
    width, height = image.width(), image.height()
    bits = bytes(image.constBits())
    stride = image.bytesPerLine()
    rows = [bits[y * stride : y * stride + 4 * width] for y in range(height)]
    mask_stride = ((width + 31) // 32) * 4
    header = struct.pack("<IiiHHIIiiII", 40, width, 2 * height, 1, 32, 0, 0, 0, 0, 0, 0)
    return header + b"".join(reversed(rows)) + b"\0" * (mask_stride * height)


def ico_bytes(images: list[QImage]) -> bytes:
    """An .ico file holding *images* (square, at most 256 px)."""
    blobs = [_png(im) if im.width() >= PNG_FROM else _dib(im) for im in images]
    offset = 6 + 16 * len(images)
    out = [struct.pack("<HHH", 0, 1, len(images))]
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() % 256  # 0 means 256
        out.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset))
        offset += len(blob)
    return b"".join(out + blobs)


def write_icons(out_dir: Path) -> list[Path]:
    from quynhnhai_desktop.gui import app_icon

    out_dir.mkdir(parents=True, exist_ok=True)
    ico = out_dir / f"{NAME}.ico"
    ico.write_bytes(ico_bytes([app_icon.render(size) for size in ICO_SIZES]))
    png = out_dir / f"{NAME}.png"
    app_icon.render(256).save(str(png))
    return [ico, png]


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "out"
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for path in write_icons(out_dir):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
