"""Start-up, whole process, against two references measured in the same run.

(a) a bare PySide6 QMainWindow shown; (b) the stack's floor: import QtWidgets and sqlmodel,
open the SQLite file, show a QMainWindow. Targets: the app's first paint within 1.5 x (a)
(the window shows before the heavy imports), the window showing demo data within 1.25 x (b).
Run with ``pytest tests/benchmarks --benchmark-enable -s`` for the numbers and the target
checks; in the normal (benchmark-disabled) test run it makes one round and checks only that
the app paints and shows its data, so a noisy CI machine cannot fail the build on timing.
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

import pytest

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.services import demo
from quynhnhai_desktop.store.database import open_database
from tests.benchmarks.activity_data import add_second_campaign
from tests.benchmarks.probe import launch
from tests.benchmarks.rounds import rounds as bench_rounds
from tests.conftest import MUONG_GIANG

PAINT_PROBE = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
{extra}
class W(QMainWindow):
    done = False
    def paintEvent(self, e):
        super().paintEvent(e)
        if not self.done:
            self.done = True
            print("first-paint", f"{{time.time():.6f}} {{time.process_time():.6f}}", flush=True)
            app.quit()
app = QApplication(sys.argv[:1])
w = W(); w.resize(1100, 720); w.show()
app.exec()
"""
# The targets (medians of the rounds, wall clock, against the same run's references), printed;
# CI asserts a tripwire: under load 10 on 2 cores the app measured 1.46x / 1.21x (8 rounds),
# borderline for 1.5x, so the real targets are not yet asserted.
PAINT_TARGET, DATA_TARGET = 1.5, 1.25
PAINT_TRIPWIRE, DATA_TRIPWIRE = 2.5, 2.5

STACK_FLOOR = """
import sqlmodel, sqlite3
from sqlalchemy import create_engine, text
engine = create_engine("sqlite:///{db}")
with engine.connect() as c:
    c.execute(text("select count(*) from activity")).scalar()
"""


@pytest.fixture(scope="module")
def demo_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    paths = AppPaths.resolve(tmp_path_factory.mktemp("startup")).ensure()
    db = open_database(paths.database_url)
    from quynhnhai_desktop.services import profile

    profile.set_up(db, MUONG_GIANG)
    demo.fill(db, months=12)
    add_second_campaign(db, 200)  # two campaigns in the database
    db.close()
    return paths.data_dir


def test_startup_close_to_a_bare_qt_window(benchmark, demo_data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QUYNHNHAI_STARTUP_PROBE": "1"}
    database = AppPaths(demo_data_dir).database.as_posix()
    commands = {
        "bare": [sys.executable, "-c", PAINT_PROBE.format(extra="")],
        "floor": [sys.executable, "-c", PAINT_PROBE.format(extra=STACK_FLOOR.format(db=database))],
        "app": [sys.executable, "-m", "quynhnhai_desktop", "--data-dir", str(demo_data_dir)],
    }
    keys = ("bare", "floor", "paint", "data")
    samples: dict[str, list[float]] = {key: [] for key in keys}
    cpu: dict[str, list[float]] = {key: [] for key in keys}

    def one_round() -> None:
        for key, event, name in (
            ("bare", "first-paint", "bare"),
            ("floor", "first-paint", "floor"),
        ):
            found = launch(commands[name], env)
            samples[key].append(found.wall[event])
            cpu[key].append(found.cpu[event])
        app = launch(commands["app"], env)
        for key, event in (("paint", "first-paint"), ("data", "data-shown")):
            samples[key].append(app.wall[event])
            cpu[key].append(app.cpu[event])

    enabled = not benchmark.disabled
    rounds = bench_rounds(benchmark, 9)
    if enabled:
        one_round()  # warm the OS file cache for every process alike
        for values in (*samples.values(), *cpu.values()):
            values.clear()
    benchmark.pedantic(one_round, rounds=rounds, iterations=1)
    median = {key: statistics.median(values) for key, values in samples.items()}
    median_cpu = {key: statistics.median(values) for key, values in cpu.items()}
    benchmark.extra_info.update({f"{k}_s": round(v, 4) for k, v in median.items()})
    paint, data = median["paint"] / median["bare"], median["data"] / median["floor"]
    print(
        f"\nstart-up medians over {rounds} rounds: bare Qt window {median['bare']:.3f} s, "
        f"stack floor {median['floor']:.3f} s, app first paint {median['paint']:.3f} s "
        f"({paint:.2f}x bare), app data shown {median['data']:.3f} s ({data:.2f}x floor); "
        f"CPU: bare {median_cpu['bare']:.3f} s, floor {median_cpu['floor']:.3f} s, paint "
        f"{median_cpu['paint']:.3f} s ({median_cpu['paint'] / median_cpu['bare']:.2f}x), data "
        f"{median_cpu['data']:.3f} s ({median_cpu['data'] / median_cpu['floor']:.2f}x)"
    )
    assert 0 < median["paint"] < median["data"]
    # every run ended with its connections closed: SQLite removed its write-ahead log
    assert not Path(f"{database}-wal").exists()
    if enabled:
        print(f"targets: paint {PAINT_TARGET}x {'met' if paint <= PAINT_TARGET else 'NOT met'}, "
              f"data {DATA_TARGET}x {'met' if data <= DATA_TARGET else 'NOT met'}")  # fmt: skip
        assert paint <= PAINT_TRIPWIRE
        assert data <= DATA_TRIPWIRE
