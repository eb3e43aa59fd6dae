"""The frozen bundle for the slow tests: built once per session, run like on a clerk's PC.

``frozen_bundle`` (tests/conftest.py) builds it with build/build.py into a temporary
folder, or takes an existing one from $QUYNHNHAI_FROZEN_BUNDLE (e.g. a bundle built on
Windows, or to iterate on the tests without rebuilding). Its programs run in a bare
environment: no Python on the PATH, no PYTHON* variables, a fresh home folder.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_ENV = "QUYNHNHAI_FROZEN_BUNDLE"
WINDOWS = sys.platform == "win32"
EXE_SUFFIX = ".exe" if WINDOWS else ""


@dataclass(frozen=True)
class Bundle:
    folder: Path  # dist/QuynhNhai
    build_seconds: float | None = None  # None when an existing bundle was reused

    @property
    def gui(self) -> Path:
        return self.folder / f"QuynhNhai{EXE_SUFFIX}"

    @property
    def cli(self) -> Path:
        return self.folder / f"quynhnhai-cli{EXE_SUFFIX}"

    @property
    def manifest(self) -> Path:
        return self.folder.parent / f"{self.folder.name}-manifest.txt"


def build_script(name: str) -> ModuleType:
    """A module of build/ (not a package; 'build' is also a PyPI name), loaded by path."""
    build_dir = str(ROOT / "build")
    if build_dir not in sys.path:
        sys.path.insert(0, build_dir)  # build.py imports freeze.py as a sibling
    path = ROOT / "build" / f"{name}.py"
    loaded = sys.modules.get(name)
    # "build" may already be the build/ folder as a namespace package (build.wine...): only
    # the script itself counts.
    if loaded is not None and getattr(loaded, "__file__", None) == str(path):
        return loaded
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


def build_bundle(out: Path) -> Bundle:
    """Run build/build.py (forms, translations, PyInstaller, manifest) into *out*."""
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "build" / "build.py"),
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "work"),
        ],
        check=True,
        cwd=ROOT,
    )
    return Bundle(out / "dist" / "QuynhNhai", time.perf_counter() - started)


def existing_bundle() -> Bundle | None:
    folder = os.environ.get(BUNDLE_ENV)
    return Bundle(Path(folder).resolve()) if folder else None


def _has_python(folder: str) -> bool:
    names = ("python", "python3", "python.exe", "python3.exe", "py.exe")
    return any(Path(folder, name).exists() for name in names)


def python_free_path() -> str:
    """$PATH without any folder that holds a Python (the venv, /usr/bin, C:\\Python311…)."""
    folders = os.environ.get("PATH", "").split(os.pathsep)
    return os.pathsep.join(f for f in folders if f and not _has_python(f))


def bare_env(home: Path, **extra: str) -> dict[str, str]:
    """What a clerk's PC gives the program: no Python anywhere, a home folder of its own."""
    home.mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": python_free_path(),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    if WINDOWS:
        for name in ("SYSTEMROOT", "WINDIR", "COMSPEC", "TEMP", "TMP"):
            if name in os.environ:
                env[name] = os.environ[name]
        env["USERPROFILE"] = str(home)
        env["APPDATA"] = str(home / "AppData" / "Roaming")
        env["LOCALAPPDATA"] = str(home / "AppData" / "Local")
        # platformdirs asks Windows itself (SHGetKnownFolderPath), which ignores the
        # variables above: without its override the program would use the tester's profile.
        env["WIN_PD_OVERRIDE_LOCAL_APPDATA"] = env["LOCALAPPDATA"]
        env["WIN_PD_OVERRIDE_APPDATA"] = env["APPDATA"]
    env.update(extra)
    return env


def run(
    program: Path, args: list[str], env: dict[str, str], cwd: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run a frozen program and capture its output (UTF-8, as the CLI writes it)."""
    return subprocess.run(
        [str(program), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )


def link_copy(source: Path, target: Path) -> None:
    """A copy of a bundle made of hard links (instant, no space), plain copies if needed."""

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, symlinks=True, copy_function=link)
