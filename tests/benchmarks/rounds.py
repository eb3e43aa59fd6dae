"""How many rounds a benchmark runs: one in the ordinary test run (benchmarks disabled), the
benchmark's own count with ``--benchmark-enable``, at most ``QUYNHNHAI_BENCH_ROUNDS`` when
that is set (CI runs every benchmark, with its targets, in a few rounds)."""

from __future__ import annotations

import os
from typing import Any

ROUNDS_ENV = "QUYNHNHAI_BENCH_ROUNDS"


def rounds(benchmark: Any, full: int) -> int:
    if benchmark.disabled:
        return 1
    cap = os.environ.get(ROUNDS_ENV)
    return max(1, min(full, int(cap))) if cap else full
