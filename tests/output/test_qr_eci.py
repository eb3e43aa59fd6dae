"""Non-ASCII QR content carries the UTF-8 ECI designator, so a reader need not guess.

A reader that follows ISO/IEC 18004 takes byte segments as ISO-8859-1 unless an ECI says
otherwise; zxing-cpp's HexECI text mode gives the symbol's bytes after the symbology
identifier, with the designator it read ("]Q2\\000026" = ECI 26, UTF-8) or none ("]Q1").
"""

from __future__ import annotations

import pytest
import zxingcpp
from qrcode.exceptions import DataOverflowError

from quynhnhai_desktop.output import qr

SCALE = 4


def decode(matrix: qr.QrMatrix, mode: zxingcpp.TextMode) -> list[str]:
    n = matrix.size_with_quiet_zone
    q = qr.QUIET_ZONE
    rows = []
    for y in range(n):
        line = bytearray()
        for x in range(n):
            dark = q <= x < n - q and q <= y < n - q and matrix.rows[y - q][x - q]
            line += bytes([0 if dark else 255]) * SCALE
        rows += [bytes(line)] * SCALE
    pixels = b"".join(rows)  # kept alive while zxing-cpp reads the view
    view = zxingcpp.ImageView(pixels, n * SCALE, n * SCALE, zxingcpp.ImageFormat.Lum)
    return [b.text for b in zxingcpp.read_barcodes(view, text_mode=mode, is_pure=True)]


def eci_bytes(matrix: qr.QrMatrix) -> bytes:
    (text,) = decode(matrix, zxingcpp.TextMode.HexECI)
    return bytes.fromhex(text)


def test_vietnamese_content_carries_the_utf8_eci_and_decodes_exactly() -> None:
    matrix = qr.encode("chợ-trung-tâm")
    assert eci_bytes(matrix) == b"]Q2\\000026" + "chợ-trung-tâm".encode()
    assert decode(matrix, zxingcpp.TextMode.HRI) == ["chợ-trung-tâm"]


def test_ascii_content_stays_without_eci() -> None:
    matrix = qr.encode("QNVENUE:1:03703-0001")
    assert eci_bytes(matrix) == b"]Q1QNVENUE:1:03703-0001"


@pytest.mark.parametrize("length", [1, 20, 200, 600, 770])
def test_the_eci_bits_are_counted_when_choosing_the_version(length: int) -> None:
    # Lengths in UTF-8 bytes around where a version fills up: each still decodes exactly,
    # and the ECI costs at most one version more than the same bytes without it.
    payload = "ữ" * length  # 3 bytes each: byte mode throughout
    matrix = qr.encode(payload)
    assert decode(matrix, zxingcpp.TextMode.HRI) == [payload]
    plain = qr.qrcode.QRCode(error_correction=qr.ERROR_CORRECTION, version=qr.MIN_VERSION)
    plain.add_data(payload)
    plain.make(fit=True)
    assert plain.version <= matrix.version <= plain.version + 1


def test_a_version_that_is_full_without_the_eci_moves_up_one() -> None:
    # Version 5-M holds 84 bytes in byte mode (4 + 8 + 672 bits of 688): with the 12 ECI
    # bits 84 bytes no longer fit, 83 do.
    fits = "ư" + "a" * 81  # 2 + 81 = 83 bytes, one byte segment
    assert qr.encode(fits).version == 5
    assert decode(qr.encode(fits), zxingcpp.TextMode.HRI) == [fits]
    full = "ư" + "a" * 82  # 84 bytes
    assert qr.encode(full).version == 6
    assert decode(qr.encode(full), zxingcpp.TextMode.HRI) == [full]


def test_too_long_content_is_refused_not_truncated() -> None:
    with pytest.raises(DataOverflowError):
        qr.encode("ữ" * 900)  # 2,700 bytes: beyond version 40-M (2,331)
