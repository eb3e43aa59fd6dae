"""constraints.txt pins every package installed with the app, its tests and build tools.

pyproject.toml pins our direct dependencies; without the constraints their own dependencies
(pydantic_core, shiboken6, cffi …) would float to whatever the registry has on the day a
clerk's PC or the bundle build installs them.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _windows_only() -> tuple[str, ...]:
    """build/wine/requirements.py's list, loaded by path: "build" is not a package (and the
    frozen tests load build/build.py under that name)."""
    path = ROOT / "build" / "wine" / "requirements.py"
    spec = importlib.util.spec_from_file_location("wine_requirements", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    names: tuple[str, ...] = module.WINDOWS_ONLY
    return names


WINDOWS_ONLY = _windows_only()
NOT_PINNED = {"pip", "setuptools", "wheel", "quynhnhai-desktop"}  # the venv's own, and us


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins() -> dict[str, str]:
    found: dict[str, str] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version and ";" not in version, f"not an exact pin: {line!r}"
            assert canonical(name) not in found, f"pinned twice: {name}"
            found[canonical(name)] = version.strip()
    return found


def test_every_installed_distribution_is_pinned_at_its_version() -> None:
    pinned = pins()
    installed = {
        canonical(d.metadata["Name"]): d.version for d in importlib.metadata.distributions()
    }
    unpinned = sorted(set(installed) - set(pinned) - NOT_PINNED)
    assert not unpinned, f"installed but not in constraints.txt: {unpinned}"
    wrong = {n: (v, pinned[n]) for n, v in installed.items() if n in pinned and pinned[n] != v}
    assert not wrong, f"installed (left) differs from constraints.txt (right): {wrong}"


def test_the_constraints_agree_with_pyproject_and_cover_windows_only_packages() -> None:
    pinned = pins()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    for requirement in [*project["dependencies"], *extras["test"], *extras["dev"]]:
        requirement = requirement.split("#")[0].strip()
        if "==" in requirement:
            name, version = requirement.split("==")
            assert pinned.get(canonical(name)) == version.strip(), requirement
    for name in WINDOWS_ONLY:
        assert canonical(name) in pinned, name
