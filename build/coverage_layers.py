"""Coverage per layer (domain, store, services, output, gui, cli, the leaves) from `.coverage`.

Run after ``pytest --cov``; prints one line per layer: lines and branches covered.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import coverage

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "quynhnhai_desktop"
LAYERS = ("domain", "store", "services", "output", "gui", "cli", "system")


def layer_of(path: Path) -> str:
    part = path.relative_to(PACKAGE).parts[0]
    return part if part in LAYERS else "leaves"


def per_layer(data_file: Path) -> dict[str, tuple[int, int, int, int]]:
    """layer → (lines, lines run, branches, branches taken)."""
    cov = coverage.Coverage(data_file=str(data_file))
    cov.load()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for name in cov.get_data().measured_files():
        path = Path(name)
        if PACKAGE not in path.parents:
            continue
        analysis = cov._analyze(name)  # the public API gives no per-file branch counts
        numbers = analysis.numbers
        row = totals[layer_of(path)]
        row[0] += numbers.n_statements
        row[1] += numbers.n_statements - numbers.n_missing
        row[2] += numbers.n_branches
        row[3] += numbers.n_branches - numbers.n_missing_branches
    return {layer: (a, b, c, d) for layer, (a, b, c, d) in sorted(totals.items())}


def main() -> None:
    for layer, (lines, run, branches, taken) in per_layer(ROOT / ".coverage").items():
        line_pct = 100 * run / lines if lines else 100.0
        branch_pct = 100 * taken / branches if branches else 100.0
        print(f"{layer:9} lines {line_pct:5.1f} % of {lines:5}", end="  ")
        print(f"branches {branch_pct:5.1f} % of {branches:4}")


if __name__ == "__main__":
    main()
