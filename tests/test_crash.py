"""Killed mid-save, fifty times: the database stays sound and every acknowledged save is there.

A subprocess saves activities one at a time through the real service (WAL, synchronous=FULL)
and reports each commit; it is killed with SIGKILL at a random moment (during start-up,
between saves, inside a commit). After each kill the database must pass SQLite's full
integrity check and hold every activity the subprocess had reported saved.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.engine import integrity_check, make_engine

ROOT = Path(__file__).resolve().parent.parent
KILLS = 50
MAX_DELAY_S = 0.25
CAN_FORK = hasattr(os, "fork")
LINE_TIMEOUT_S = 60  # a stuck worker fails the test instead of hanging CI


class Saver:
    """One saving subprocess per round: forked from a zygote where possible."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.zygote = (
            subprocess.Popen(
                [sys.executable, "-m", "tests.crash_worker", url],
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            if CAN_FORK
            else None
        )
        self.proc: subprocess.Popen[str] | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        if self.zygote is not None:
            threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        """Read the zygote's output on a thread, so a silent worker cannot block the test."""
        assert self.zygote is not None and self.zygote.stdout is not None
        for line in self.zygote.stdout:
            self._lines.put(line.strip())
        self._lines.put(None)

    def _next_line(self) -> str:
        try:
            line = self._lines.get(timeout=LINE_TIMEOUT_S)
        except queue.Empty:
            pytest.fail(f"the saving process said nothing for {LINE_TIMEOUT_S} s")
        assert line is not None, "the zygote died"
        return line

    def start(self, seed: int) -> None:
        if self.zygote is not None:
            assert self.zygote.stdin is not None and self.zygote.stdout is not None
            self.zygote.stdin.write(f"go {seed}\n")
            self.zygote.stdin.flush()
            kind, pid = self._next_line().split()
            assert kind == "child"
            self.pid = int(pid)
        else:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "tests.crash_worker", self.url, str(seed)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                text=True,
            )
            self.pid = self.proc.pid

    def kill(self) -> list[str]:
        """SIGKILL (TerminateProcess on Windows); returns everything it printed."""
        if self.proc is not None:
            self.proc.kill()
            out, _ = self.proc.communicate()
            return out.splitlines()
        os.kill(self.pid, signal.SIGKILL)
        lines = []
        # A saver killed halfway through a line leaves it unfinished: "saved 12dead 345".
        while not (line := self._next_line()).endswith(f"dead {self.pid}"):
            lines.append(line)
        return lines

    def close(self) -> None:
        if self.zygote is not None:
            assert self.zygote.stdin is not None
            self.zygote.stdin.close()
            self.zygote.wait(timeout=10)


@pytest.fixture
def saver(paths: AppPaths, commune_db: Database) -> Iterator[Saver]:
    from quynhnhai_desktop.services import reference

    with commune_db.session() as session:
        for name in ("Bản Nà", "Bản Hé", "Bản Tom"):
            reference.add_village(session, "03703", name)
    commune_db.close()
    worker = Saver(paths.database_url)
    yield worker
    worker.close()


def test_sigkill_fifty_times_loses_no_acknowledged_save(saver: Saver, paths: AppPaths) -> None:
    rng = random.Random(20210831)  # the letter's date: repeatable kill moments
    acknowledged: set[int] = set()
    lost: set[int] = set()
    unacknowledged_found = 0
    killed_before_ready = 0
    started = time.monotonic()
    for round_number in range(KILLS):
        saver.start(round_number)
        time.sleep(rng.uniform(0, MAX_DELAY_S))  # the random moment of the power cut
        lines = saver.kill()
        if "ready" not in lines:
            killed_before_ready += 1
        acknowledged |= {int(line.split()[1]) for line in lines if line.startswith("saved ")}

        engine = make_engine(paths.database_url)  # a fresh start after the crash
        try:
            assert integrity_check(engine) == [], f"damaged after kill {round_number + 1}"
            with engine.connect() as conn:
                present = {row[0] for row in conn.execute(text("SELECT id FROM activity"))}
                topicless = conn.execute(
                    text(
                        "SELECT count(*) FROM activity "
                        "WHERE id NOT IN (SELECT activity_id FROM activity_topic)"
                    )
                ).scalar()
        finally:
            engine.dispose()
        lost |= acknowledged - present
        unacknowledged_found = len(present - acknowledged)
        assert topicless == 0  # a save is whole or absent, never half
    elapsed = time.monotonic() - started

    summary = (
        f"crash test: {KILLS} kills survived ({killed_before_ready} before the first save), "
        f"{len(acknowledged)} acknowledged saves, {len(lost)} lost, "
        f"{unacknowledged_found} committed but killed before reporting, {elapsed:.1f} s"
    )
    print("\n" + summary)
    assert lost == set()
    assert len(acknowledged) > KILLS  # the kills did land among real saves
    # At most one commit per kill can land between the commit and its report.
    assert unacknowledged_found <= KILLS
