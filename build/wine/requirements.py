"""The Windows requirements of the Wine stage, from pyproject.toml's exact pins.

    python3 build/wine/requirements.py pyproject.toml > reqs.txt

Prints the app's dependencies, the test extra and the build tools of the dev extra
(PyInstaller, ruff for build/gen.py), one requirement a line, for
``pip download --platform win_amd64 --only-binary=:all:``. pip evaluates environment markers
for the machine it runs on (Linux), so the dependencies our dependencies have on Windows
only are added here by name: their versions follow from the pinned packages' own ranges.
The type checker and the import linter run on Linux only and stay out.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

# Linux-side tools of the dev extra: not needed to build or test on Windows.
LINUX_ONLY = ("mypy", "import-linter")
# sys_platform == "win32" dependencies: colorama (pytest),
# pefile and pywin32-ctypes (PyInstaller).
WINDOWS_ONLY = ("colorama", "pefile", "pywin32-ctypes")


def requirements(pyproject: Path) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    found = [*project["dependencies"], *extras["test"]]
    for requirement in extras["dev"]:
        name = requirement.split("[")[0].split("=")[0].strip()
        if name != project["name"] and name not in LINUX_ONLY:
            found.append(requirement)
    return [*(r.split("#")[0].strip() for r in found), *WINDOWS_ONLY]


if __name__ == "__main__":
    print("\n".join(requirements(Path(sys.argv[1]))))
