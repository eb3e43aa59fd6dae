"""Coverage per layer (domain, store, services, output, gui, cli, system, the leaves).

Run after ``pytest --cov``: ``python build/coverage_layers.py [CHECKOUT]`` reads CHECKOUT's
``.coverage`` (default: this one) and prints, a line a layer, the lines and branches run.
The generated forms and the migrations are left out, as in ``[tool.coverage.run]``.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import coverage
from coverage.exceptions import NoSource

LAYERS = ("domain", "store", "services", "output", "gui", "cli", "system")
LEFT_OUT = (("gui", "forms"), ("store", "migrations"))


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


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    for layer, (lines, run, branches, taken) in per_layer(root.resolve()).items():
        line_pct = 100 * run / lines if lines else 100.0
        branch_pct = 100 * taken / branches if branches else 100.0
        print(f"{layer:9} lines {line_pct:5.1f} % of {lines:5}", end="  ")
        print(f"branches {branch_pct:5.1f} % of {branches:4}")


if __name__ == "__main__":
    main()
