"""Run one command in a child process and print its peak memory and wall time as JSON.

    python -m tests.benchmarks.refusal_probe CMD ARGS...  →  {"code": 1, "seconds": …, "peak_mb": …}

The probe is its own process so that ``RUSAGE_CHILDREN`` holds exactly one child: the
command measured (its ``ru_maxrss``, the resident peak, in KiB on Linux).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main(argv: list[str]) -> None:
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", check=False)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    report = {
        "code": done.returncode,
        "seconds": seconds,
        "peak_mb": peak_kib / 1024,
        "output": (done.stdout + done.stderr)[-2000:],
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1:])
