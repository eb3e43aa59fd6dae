"""1,000 A4 QR posters with the self-check, against pure QR encoding measured in the same run.

The baseline is what no poster job can avoid: ``qrcode`` encoding the same 1,000 payloads
with the same settings (error correction M, version 5 at least). The job — reading the
venues, drawing every poster as vector PDF, then rendering and decoding every code from the
PDF bytes — must take at most 4x that, and stay under 3 KB of PDF per poster.
Run with ``pytest tests/benchmarks --benchmark-enable -s``; in the normal test run this
makes a small job once and checks only that it works.
"""

from __future__ import annotations

import statistics
import time

import qrcode

from quynhnhai_desktop.gui.pdf_raster import open_pdf
from quynhnhai_desktop.output import qr
from quynhnhai_desktop.services import posters, venues
from quynhnhai_desktop.store.database import Database
from tests.benchmarks.rounds import rounds as bench_rounds

POSTERS = 1000
SMOKE_POSTERS = 20


def _fill(db: Database, count: int) -> list[str]:
    """*count* venues, four in five with an official URL, the rest on local codes."""
    payloads = []
    with db.session() as session:
        for number in range(1, count + 1):
            official = (
                f"https://qr.tokhaiyte.vn/c/{number * 2654435761 % 2**32:08X}{number:04d}"
                if number % 5
                else ""
            )
            venue = venues.create(
                session,
                "03703",
                venues.VenueDraft(
                    name=f"Cửa hàng tạp hóa Quàng Thị Hương số {number}",
                    category="shop",
                    address="Bản Phiêng Nèn, xã Mường Giàng",
                    qr_content=official,
                ),
            )
            payloads.append(official or f"QNVENUE:1:{venue.code}")
    return payloads


def _encode_only(payloads: list[str]) -> None:
    for payload in payloads:
        code = qrcode.QRCode(error_correction=qr.ERROR_CORRECTION, version=qr.MIN_VERSION, border=0)
        code.add_data(payload)
        code.make(fit=True)


def test_a_thousand_checked_posters_within_4x_of_encoding(benchmark, commune_db: Database) -> None:  # type: ignore[no-untyped-def]
    enabled = not benchmark.disabled
    count = POSTERS if enabled else SMOKE_POSTERS
    payloads = _fill(commune_db, count)
    samples: dict[str, list[float]] = {"encode": [], "job": []}
    sizes: list[int] = []

    def one_round() -> None:
        start = time.perf_counter()
        _encode_only(payloads)
        samples["encode"].append(time.perf_counter() - start)
        start = time.perf_counter()
        job = posters.build(commune_db, raster=open_pdf, layout="a4")
        samples["job"].append(time.perf_counter() - start)
        assert job.checked == count
        sizes.append(len(job.pdf))

    rounds = bench_rounds(benchmark, 3)
    benchmark.pedantic(one_round, rounds=rounds, iterations=1)
    encode, work = (statistics.median(samples[k]) for k in ("encode", "job"))
    per_poster = sizes[-1] / count
    benchmark.extra_info.update(
        encode_s=round(encode, 3),
        job_s=round(work, 3),
        ratio=round(work / encode, 2),
        posters_per_s=round(count / work, 1),
        bytes_per_poster=round(per_poster),
    )
    print(
        f"\n{count} A4 posters, medians of {rounds} rounds: qrcode encoding alone {encode:.2f} s "
        f"({count / encode:.0f}/s); whole job with self-check {work:.2f} s "
        f"({count / work:.0f} posters/s) = {work / encode:.2f}x encoding; "
        f"{per_poster:.0f} bytes of PDF per poster"
    )
    if enabled:
        assert work <= 4 * encode
        assert per_poster < 3 * 1024
    else:
        assert sizes[-1] > 0
