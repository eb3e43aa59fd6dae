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
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.engine import integrity_check, make_engine

ROOT = Path(__file__).resolve().parents[2]
KILLS = 50
MAX_DELAY_S = 0.25
CAN_FORK = hasattr(os, "fork")
LINE_TIMEOUT_S = 60  # a stuck worker fails the test instead of hanging CI


class Saver:
    """One working subprocess per round: forked from a zygote where possible.

    *args* select the worker (tests/support/crash_worker.py): the activity saver, or the exporter.
    """

    def __init__(self, *args: str) -> None:
        self.args = args
        self.zygote = (
            subprocess.Popen(
                [sys.executable, "-m", "tests.support.crash_worker", *args],
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
        self.seen: list[str] = []  # what the current round's worker printed so far
        if self.zygote is not None:
            threading.Thread(target=self._pump, args=(self.zygote,), daemon=True).start()

    def _pump(self, proc: subprocess.Popen[str]) -> None:
        """Read a process's output on a thread, so a silent worker cannot block the test."""
        assert proc.stdout is not None
        for line in proc.stdout:
            self._lines.put(line.strip())
        self._lines.put(None)

    def _next_line(self) -> str | None:
        try:
            return self._lines.get(timeout=LINE_TIMEOUT_S)
        except queue.Empty:
            pytest.fail(f"the working process said nothing for {LINE_TIMEOUT_S} s")

    def start(self, seed: int) -> None:
        self.seen = []
        if self.zygote is not None:
            assert self.zygote.stdin is not None and self.zygote.stdout is not None
            self.zygote.stdin.write(f"go {seed}\n")
            self.zygote.stdin.flush()
            line = self._next_line()
            assert line is not None, "the zygote died"
            kind, pid = line.split()
            assert kind == "child"
            self.pid = int(pid)
        else:
            self._lines = queue.Queue()
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "tests.support.crash_worker", *self.args, str(seed)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                text=True,
            )
            threading.Thread(target=self._pump, args=(self.proc,), daemon=True).start()
            self.pid = self.proc.pid

    def _ended(self, line: str | None) -> bool:
        # A worker killed halfway through a line leaves it unfinished: "saved 12dead 345".
        if line is None:
            assert self.zygote is None, "the zygote died"
            return True
        if self.zygote is not None and line.endswith(f"dead {self.pid}"):
            rest = line.removesuffix(f"dead {self.pid}")
            if rest:
                self.seen.append(rest)
            return True
        self.seen.append(line)
        return False

    def wait_for(self, done: Callable[[list[str]], bool]) -> bool:
        """Read what the worker prints until *done(lines so far)*; False if it died first."""
        while not done(self.seen):
            if self._ended(self._next_line()):
                return False
        return True

    def kill(self) -> list[str]:
        """SIGKILL (TerminateProcess on Windows); returns everything it printed."""
        if self.proc is not None:
            self.proc.kill()
        else:
            os.kill(self.pid, signal.SIGKILL)
        return self.wait_until_dead()

    def wait_until_dead(self) -> list[str]:
        while not self._ended(self._next_line()):
            pass
        if self.proc is not None:
            self.proc.wait(timeout=LINE_TIMEOUT_S)
        return self.seen

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


def _saves(lines: list[str]) -> int:
    return sum(line.startswith("saved ") for line in lines)


def test_sigkill_fifty_times_loses_no_acknowledged_save(saver: Saver, paths: AppPaths) -> None:
    """The kill's moment is random, but always among saves: after "ready" and after a
    random number (1-3) of acknowledged saves, then a random delay, however slow the
    machine; so the test can only fail on a lost or half save."""
    rng = random.Random(20210831)  # the letter's date: repeatable kill moments
    acknowledged: set[int] = set()
    lost: set[int] = set()
    unacknowledged_found = 0
    awaited = 0
    started = time.monotonic()
    for round_number in range(KILLS):
        saver.start(round_number)
        at_least = rng.randint(1, 3)
        assert saver.wait_for(lambda seen, n=at_least: _saves(seen) >= n), saver.seen
        awaited += at_least
        time.sleep(rng.uniform(0, MAX_DELAY_S))  # the random moment of the power cut
        lines = saver.kill()
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
        f"crash test: {KILLS} kills survived, {len(acknowledged)} acknowledged saves, "
        f"{len(lost)} lost, {unacknowledged_found} committed but killed before reporting, "
        f"{elapsed:.1f} s"
    )
    print("\n" + summary)
    assert lost == set()
    assert len(acknowledged) >= awaited  # the kills did land among real saves
    # At most one commit per kill can land between the commit and its report.
    assert unacknowledged_found <= KILLS


# -- the report package export, killed at its durable steps ---------------------------------


@pytest.fixture
def exporter(paths: AppPaths, commune_db: Database, tmp_path: Path) -> Iterator[Saver]:
    from quynhnhai_desktop.services import reference

    with commune_db.session() as session:
        reference.add_village(session, "03703", "Bản Nà")
    commune_db.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    worker = Saver("export", str(paths.data_dir), str(usb))
    yield worker
    worker.close()


def test_sigkill_fifty_times_during_package_export_never_gives_two_files_one_revision(
    exporter: Saver, paths: AppPaths, tmp_path: Path
) -> None:
    """Killed at a random durable step of an export (an fsync, a rename, a commit; just
    before or just after it), fifty times: every file that ever has its name on the stick
    is one the district accepts, and a name, once seen, always holds the same bytes, also
    in the export made right after each crash."""
    import hashlib

    from quynhnhai_desktop.domain.periods import month_period
    from quynhnhai_desktop.services import package, package_export
    from quynhnhai_desktop.store.database import open_database

    usb = tmp_path / "usb"
    september = month_period(2021, 9, "calendar")
    named: dict[str, str] = {}  # file name on the stick -> sha256 of its bytes

    def look_at_the_stick() -> None:
        for path in usb.glob("BC-*.qnbc"):
            blob = path.read_bytes()
            package.read(blob)  # the district's checks: whole, signed, valid
            digest = hashlib.sha256(blob).hexdigest()
            assert named.setdefault(path.name, digest) == digest, f"{path.name} changed"

    exports = 0
    started = time.monotonic()
    for round_number in range(KILLS):
        exporter.start(round_number)
        assert exporter.wait_for(lambda seen: "ready" in seen), exporter.seen
        lines = exporter.wait_until_dead()  # it kills itself at its chosen step
        assert not any(line.startswith("gave up") for line in lines)
        exports += sum(line.startswith("exported ") for line in lines)
        look_at_the_stick()
        db = open_database(paths.database_url)  # the clerk exports again after the crash
        try:
            again = package_export.export(db, paths, september, usb)
        finally:
            db.close()
        look_at_the_stick()
        assert again.revision == max(int(n.rsplit("-r", 1)[1].split(".")[0]) for n in named)
    elapsed = time.monotonic() - started
    print(
        f"\nexport crash test: {KILLS} kills, {exports} exports finished before them, "
        f"{len(named)} revisions on the stick, {elapsed:.1f} s"
    )
    assert len(named) > 1
