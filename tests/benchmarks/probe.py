"""Start a program with the start-up probe on and read when it painted and showed its data."""

from __future__ import annotations

import subprocess
import time

EVENTS = ("first-paint", "data-shown")


def launch_events(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from launch to each probe line the program printed (``name unix-time``)."""
    start = time.time()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60, check=True)
    events = {}
    for line in done.stdout.splitlines():
        name, _, stamp = line.partition(" ")
        if name in EVENTS:
            events[name] = float(stamp) - start
    return events
