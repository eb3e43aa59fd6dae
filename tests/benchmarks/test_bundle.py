"""The frozen bundle's size and start-up, against baselines built and run in the same session.

Size: the app's onedir against two hello-world PySide6 onedirs (build/hello/hello.spec):
- the strict baseline, trimmed, stripped and optimised exactly like the app (build/freeze.py):
  what the app adds, like for like. The issue's 1.2x is not met against it (~1.32x on
  Linux): what is left is what the app uses (pydantic-core 5 MB, QtPdf 4.8 MB, QtCharts and
  the OpenGL it links 4 MB, zxing-cpp 2 MB, SQLite 1.6 MB, ...) and the module archive,
  7.3 MB in each of the two executables where the hello world has one (PyInstaller cannot
  share it without a hook on its internals, which cost more than 7 MB: issue 16 item 6);
  the assertion guards against growth (1.35x);
- the issue's baseline: PyInstaller's defaults trimmed only of the virtual keyboard (Qt
  Quick/QML), the image-format plugins and Qt's translations (~156 MB, as the issue
  measured): the target is at most 1.2x of it, and under 190 MB on Linux.
Start: the frozen app against the same code run from source, on the same demo database,
both to the first paint and to the window showing its data. Target: frozen no slower.

It builds two more bundles and starts programs ~60 times, so it is slow-marked and runs only
when benchmarks are enabled (the normal CI run builds the app bundle for test_frozen.py,
which checks the 190 MB ceiling, and skips this file):

    pytest tests/benchmarks/test_bundle.py --run-slow --benchmark-enable -s
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import pytest

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.services import demo, profile
from quynhnhai_desktop.store.database import open_database
from tests.benchmarks.probe import launch_events
from tests.conftest import MUONG_GIANG
from tests.support.frozen import ROOT, WINDOWS, Bundle, build_script

pytestmark = pytest.mark.slow

MIB = 1024 * 1024
MB = 1000 * 1000
ROUNDS = int(os.environ.get("QUYNHNHAI_BENCH_ROUNDS", 9))


def _build_hello(out: Path, baseline: str) -> tuple[Path, float]:
    """A hello-world onedir (*baseline* "app" or "issue") and how long it took to build."""
    started = time.perf_counter()
    build_script("build").run_pyinstaller(
        out / "dist",
        out / "work",
        spec=ROOT / "build" / "hello" / "hello.spec",
        env={**os.environ, "QUYNHNHAI_HELLO": baseline},
    )
    return out / "dist" / "hello", time.perf_counter() - started


@pytest.fixture(scope="module")
def hello_bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """The hello world trimmed like the app (the strict baseline)."""
    return _build_hello(tmp_path_factory.mktemp("hello"), "app")


@pytest.fixture(scope="module")
def issue_hello_bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """The hello world trimmed as the issue describes its baseline."""
    return _build_hello(tmp_path_factory.mktemp("hello-issue"), "issue")


def _skip_unless_enabled(benchmark) -> None:  # type: ignore[no-untyped-def]
    if benchmark.disabled:
        pytest.skip("builds a second bundle: run with --benchmark-enable")


def test_bundle_size_against_a_trimmed_hello_world(  # type: ignore[no-untyped-def]
    benchmark, frozen_bundle: Bundle, request: pytest.FixtureRequest
) -> None:
    _skip_unless_enabled(benchmark)
    hello, hello_seconds = request.getfixturevalue("hello_bundle")
    issue_hello, _seconds = request.getfixturevalue("issue_hello_bundle")
    bundle_files = build_script("freeze").bundle_files
    app_files = benchmark.pedantic(bundle_files, args=(frozen_bundle.folder,), rounds=1)
    hello_files = bundle_files(hello)
    issue_files = bundle_files(issue_hello)
    app_size = sum(size for _path, size in app_files)
    hello_size = sum(size for _path, size in hello_files)
    issue_size = sum(size for _path, size in issue_files)
    ratio = app_size / hello_size
    issue_ratio = app_size / issue_size
    hello_names = {path for path, _size in hello_files}
    extra = sorted(((s, p) for p, s in app_files if p not in hello_names), reverse=True)
    benchmark.extra_info.update(
        {
            "app_bytes": app_size,
            "app_files": len(app_files),
            "hello_bytes": hello_size,
            "hello_files": len(hello_files),
            "size_ratio": round(ratio, 3),
            "issue_hello_bytes": issue_size,
            "issue_hello_files": len(issue_files),
            "issue_size_ratio": round(issue_ratio, 3),
        }
    )
    largest = "\n".join(f"  {size / MB:6.2f} MB  {path}" for size, path in extra[:15])
    print(
        f"\nbundle: app {app_size / MB:.1f} MB ({app_size / MIB:.1f} MiB) in {len(app_files)} "
        f"files (built in {frozen_bundle.build_seconds or 0:.0f} s with forms and translations); "
        f"hello world {hello_size / MB:.1f} MB ({hello_size / MIB:.1f} MiB) in "
        f"{len(hello_files)} files (built in {hello_seconds:.0f} s): {ratio:.3f}x; "
        f"the issue's hello world {issue_size / MB:.1f} MB in {len(issue_files)} files: "
        f"{issue_ratio:.3f}x"
        f"\nwhat the app adds ({sum(s for s, _p in extra) / MB:.1f} MB), largest first:\n"
        f"{largest}"
    )
    if sys.platform.startswith("linux"):
        assert app_size < 190 * MB
    assert issue_ratio <= 1.2, f"the app is {issue_ratio:.2f}x the issue's hello world"
    assert ratio <= 1.35, f"the app is {ratio:.2f}x the hello world; largest additions:\n{largest}"


def test_frozen_start_against_source(  # type: ignore[no-untyped-def]
    benchmark, frozen_bundle: Bundle, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    _skip_unless_enabled(benchmark)
    hello, _seconds = request.getfixturevalue("hello_bundle")
    paths = AppPaths.resolve(tmp_path / "data").ensure()
    db = open_database(paths.database_url)
    profile.set_up(db, MUONG_GIANG)
    demo.fill(db, months=12)
    db.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QUYNHNHAI_STARTUP_PROBE": "1"}
    env.pop("QUYNHNHAI_DATA_DIR", None)
    data = ["--data-dir", str(paths.data_dir)]
    gui = frozen_bundle.cli if WINDOWS else frozen_bundle.gui  # the probe needs a stdout
    commands = {
        "hello": [str(hello / f"hello{'.exe' if WINDOWS else ''}")],
        "source": [sys.executable, "-m", "quynhnhai_desktop", *data],
        "frozen": [str(gui), *data],
    }
    samples: dict[str, list[float]] = {
        key: [] for key in ("hello", "source_paint", "source", "frozen_paint", "frozen")
    }

    def one_round() -> None:
        samples["hello"].append(launch_events(commands["hello"], env)["first-paint"])
        for name in ("source", "frozen"):
            events = launch_events(commands[name], env)
            samples[f"{name}_paint"].append(events["first-paint"])
            samples[name].append(events["data-shown"])

    one_round()  # warm the OS file cache for every program alike
    for values in samples.values():
        values.clear()
    benchmark.pedantic(one_round, rounds=ROUNDS, iterations=1)
    median = {key: statistics.median(values) for key, values in samples.items()}
    # Round by round, frozen over source: the other processes on a shared machine slow both
    # programs of a round alike, so the ratio is steadier than a ratio of medians.
    paired = {
        event: statistics.median(
            f / s for f, s in zip(samples[f"frozen{event}"], samples[f"source{event}"], strict=True)
        )
        for event in ("_paint", "")
    }
    benchmark.extra_info.update(
        {
            "frozen_over_source_paint": round(paired["_paint"], 3),
            "frozen_over_source_data": round(paired[""], 3),
            **{f"{key}_s": round(value, 4) for key, value in median.items()},
        }
    )
    print(
        f"\nstart-up medians over {ROUNDS} rounds: hello world first paint "
        f"{median['hello']:.3f} s; from source first paint {median['source_paint']:.3f} s, "
        f"data shown {median['source']:.3f} s; frozen first paint "
        f"{median['frozen_paint']:.3f} s, data shown {median['frozen']:.3f} s; frozen over "
        f"source, round by round: first paint {paired['_paint']:.2f}x, data {paired['']:.2f}x"
    )
    assert paired["_paint"] <= 1.0
    assert paired[""] <= 1.0
