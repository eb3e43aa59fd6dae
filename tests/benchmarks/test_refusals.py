"""Refusing the three big hostile files is cheap: each under 200 MB and 5 s (issue 13).

A 1,000,000-row CSV (refused by the row cap as the rows arrive), a 1 MB XLSX that unpacks
to 1 GiB (refused from its zip directory) and a 2 GB ``.qnbc`` (refused by its size before
it is read), each through the real command line in its own process. The floor, measured in
the same run, is a bare ``python -c "import quynhnhai_desktop.cli"``; ``activities list`` on an
empty database is printed beside it (start-up and opening the database: what any command
costs before it reads a file).

    .venv/bin/python -m pytest tests/benchmarks/test_refusals.py --benchmark-enable -s
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.hostile import run_cli
from tests.support.hostile_files import many_rows_csv, sparse_file, unpacking_xlsx

MAX_MB = 200
MAX_SECONDS = 5.0
SIGNER = ("--signer-name", "Lò Văn Thành", "--signer-title", "TRƯỞNG PHÒNG")


def probe(*cmd: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.refusal_probe", *cmd],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("refusals")
    commune, district = root / "commune", root / "district"
    assert run_cli(commune, "init", "--commune", "03703", *SIGNER).code == 0
    assert run_cli(district, "init", "--district", "118", *SIGNER).code == 0
    return {"root": root, "commune": commune, "district": district}


def test_refusing_big_hostile_files(benchmark, folders: dict[str, Path]) -> None:  # type: ignore[no-untyped-def]
    if benchmark.disabled:
        pytest.skip(
            "a benchmark: run with --benchmark-enable (tests/cli/test_hostile_inputs.py "
            "checks the same refusals)"
        )
    root = folders["root"]
    cases = {
        "1,000,000-row CSV": (
            folders["commune"],
            ["activities", "import", str(many_rows_csv(root / "rows.csv", 1_000_000))],
        ),
        "XLSX unpacking to 1 GiB": (
            folders["commune"],
            ["activities", "import", str(unpacking_xlsx(root / "big.xlsx"))],
        ),
        "2 GB .qnbc": (
            folders["district"],
            ["package", "import", str(sparse_file(root / "BC-2021-09-03703-r1.qnbc"))],
        ),
    }
    floor = probe(sys.executable, "-c", "import quynhnhai_desktop.cli")
    cli = [sys.executable, "-m", "quynhnhai_desktop", "--data-dir", str(folders["commune"])]
    command = probe(*cli, "activities", "list")  # start-up and database opening, for scale
    measured = {}
    for name, (data_dir, args) in cases.items():
        cmd = [sys.executable, "-m", "quynhnhai_desktop", "--data-dir", str(data_dir), *args]
        measured[name] = probe(*cmd)
    benchmark.pedantic(lambda: probe(*cmd), rounds=1, iterations=1)  # the last case, timed
    print(
        f"\nfloor (import quynhnhai_desktop.cli): {floor['peak_mb']:.0f} MB, "
        f"{floor['seconds']:.2f} s; `activities list` on an empty database: "
        f"{command['peak_mb']:.0f} MB, {command['seconds']:.2f} s"
    )
    for name, result in measured.items():
        print(
            f"{name}: exit {result['code']}, {result['peak_mb']:.0f} MB "
            f"(+{result['peak_mb'] - floor['peak_mb']:.0f}), {result['seconds']:.2f} s "
            f"(+{result['seconds'] - floor['seconds']:.2f})"
        )
    for name, result in measured.items():
        assert result["code"] == 1, (name, result["output"])
        assert "Traceback" not in str(result["output"]), name
        assert result["peak_mb"] < MAX_MB, (name, result)
        assert result["seconds"] < MAX_SECONDS, (name, result)
    shutil.rmtree(root, ignore_errors=True)
