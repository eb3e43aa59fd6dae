"""Start a program with the start-up probe on and read when it painted and showed its data.

A probe line is ``name unix-time [process-cpu-seconds]``: the wall clock from launch, and,
where the program prints it (the app and the benchmark's reference windows), the CPU the
process had used by then, which a busy machine hardly changes (it shows where the time goes
when the wall clock is mostly waiting for a core).
"""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass, field

EVENTS = ("first-paint", "data-shown")


@dataclass
class Launch:
    wall: dict[str, float] = field(default_factory=dict)  # seconds from launch
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds of the process


def launch(cmd: list[str], env: dict[str, str]) -> Launch:
    """Run *cmd* to its end; the probe events it printed, wall and CPU."""
    start = time.time()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60, check=True)
    found = Launch()
    for line in done.stdout.splitlines():
        fields = line.split()
        if len(fields) >= 2 and fields[0] in EVENTS:
            found.wall[fields[0]] = float(fields[1]) - start
            if len(fields) >= 3:
                found.cpu[fields[0]] = float(fields[2])
    return found


def launch_events(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from launch to each probe line the program printed (``name unix-time``)."""
    return launch(cmd, env).wall
