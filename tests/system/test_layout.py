"""The tests folder has a folder a layer: a new test file at the top would belong to none."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
LAYERS = {"domain", "store", "services", "output", "cli", "gui", "system"}
OTHERS = {"support", "benchmarks", "data"}


def test_only_the_shared_fixtures_live_at_the_top() -> None:
    assert sorted(path.name for path in TESTS.glob("*.py")) == ["__init__.py", "conftest.py"]


def test_every_folder_is_a_layer_the_helpers_or_the_benchmarks() -> None:
    folders = {path.name for path in TESTS.iterdir() if path.is_dir()} - {"__pycache__"}
    assert folders <= LAYERS | OTHERS, folders - LAYERS - OTHERS
    assert all((TESTS / name / "__init__.py").is_file() for name in folders - {"data"})
