"""Coverage per layer (domain, store, services, output, gui, cli, system, the leaves).

Run after ``pytest --cov``: ``python build/coverage_layers.py [CHECKOUT]`` reads CHECKOUT's
``.coverage`` (default: this one) and prints, a line a layer, the lines and branches run,
then the whole package's; it fails when the whole falls under :data:`FLOOR`. The generated
forms and the migrations are left out, as in ``[tool.coverage.run]``.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import coverage
from coverage.exceptions import NoSource

LAYERS = ("domain", "store", "services", "output", "gui", "cli", "system")
LEFT_OUT = (("gui", "forms"), ("store", "migrations"))
# Lines and branches, each apart (pytest-cov's floor mixes them): 94.0 % and 82.6 % measured
# on 2 December 2026, the floor a little under so that the few lines only some runs reach
# (a timer that fires first on a busy machine) do not fail CI. Raise it as tests are added.
FLOOR = (93.8, 82.0)


def layer_of(package: Path, path: Path) -> str | None:
    parts = path.relative_to(package).parts
    if parts[:2] in LEFT_OUT:
        return None
    return parts[0] if parts[0] in LAYERS else "leaves"


def per_layer(root: Path) -> dict[str, tuple[int, int, int, int]]:
    """layer → (lines, lines run, branches, branches taken)."""
    package = root / "quynhnhai_desktop"
    cov = coverage.Coverage(data_file=str(root / ".coverage"))
    cov.load()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for name in cov.get_data().measured_files():
        path = Path(name)
        layer = layer_of(package, path) if package in path.parents else None
        if layer is None:
            continue
        try:
            numbers = cov._analyze(name).numbers  # the public API gives no per-file counts
        except NoSource:  # measured, then renamed or deleted
            continue
        row = totals[layer]
        row[0] += numbers.n_statements
        row[1] += numbers.n_statements - numbers.n_missing
        row[2] += numbers.n_branches
        row[3] += numbers.n_branches - numbers.n_missing_branches
    return {layer: (a, b, c, d) for layer, (a, b, c, d) in sorted(totals.items())}


def percent(part: int, whole: int) -> float:
    return 100 * part / whole if whole else 100.0


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    layers = per_layer(root.resolve())
    whole = tuple(sum(row[i] for row in layers.values()) for i in range(4))
    for name, (lines, run, branches, taken) in [*layers.items(), ("all", whole)]:
        print(f"{name:9} lines {percent(run, lines):5.1f} % of {lines:5}", end="  ")
        print(f"branches {percent(taken, branches):5.1f} % of {branches:4}")
    lines, run, branches, taken = whole
    if percent(run, lines) < FLOOR[0] or percent(taken, branches) < FLOOR[1]:
        sys.exit(f"coverage under its floor: lines {FLOOR[0]} %, branches {FLOOR[1]} %")


if __name__ == "__main__":
    main()
