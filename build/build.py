"""Build the bundle: ``python build/build.py`` → dist/QuynhNhai/ and its manifest.

    python build/build.py                  # forms + translations, PyInstaller, manifest
    python build/build.py --dist DIR --work DIR --no-gen

Steps: build/gen.py compiles the Designer forms and the translations (so the bundle never
carries stale ones); PyInstaller builds installer.spec (onedir: QuynhNhai and
quynhnhai-cli in one folder, trimmed by build/freeze.py); then the manifest lists every
file with its size next to the bundle (dist/QuynhNhai-manifest.txt, not shipped), and the
size and file count are printed. On Windows, ``iscc build/installer.iss`` then makes the
installer from dist/QuynhNhai.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

import freeze  # noqa: E402

NAME = "QuynhNhai"
MB, MIB = 1000 * 1000, 1024 * 1024


def generate() -> None:
    """build/gen.py's default run: forms, .ts update, .qm compile."""
    spec = importlib.util.spec_from_file_location("gen", HERE / "gen.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    gen.generate()


def run_pyinstaller(
    dist: Path,
    work: Path,
    spec: Path = ROOT / "installer.spec",
    env: dict[str, str] | None = None,
) -> None:
    """Build *spec* (the app, or a baseline of the size benchmark) into *dist*."""
    if importlib.util.find_spec("PyInstaller") is None:
        sys.exit('PyInstaller is missing: pip install -c constraints.txt -e ".[dev]"')
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(spec),
    ]
    subprocess.run(command, check=True, cwd=ROOT, env=env)


def write_manifest(bundle: Path, target: Path) -> tuple[int, int]:
    """List every file of *bundle* with its size; returns (file count, total bytes)."""
    from quynhnhai_desktop import __version__

    files = freeze.bundle_files(bundle)
    total = sum(size for _path, size in files)
    pyside = importlib.util.find_spec("PySide6")
    qt_version = "?"
    if pyside is not None:
        import PySide6

        qt_version = PySide6.__version__
    lines = [
        f"# {NAME} {__version__}: {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}, PySide6 {qt_version}",
        f"# {len(files)} files, {total} bytes ({total / MB:.1f} MB, {total / MIB:.1f} MiB)",
        "# size\tpath",
        *(f"{size}\t{path}" for path, size in files),
    ]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(files), total


def read_manifest(path: Path) -> dict[str, int]:
    """{relative path: size} from a manifest written by :func:`write_manifest`."""
    entries = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            size, _, name = line.partition("\t")
            entries[name] = int(size)
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "work", help="PyInstaller's work folder"
    )
    parser.add_argument(
        "--no-gen", action="store_true", help="skip build/gen.py (forms and translations)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if not args.no_gen:
        print("== forms and translations (build/gen.py)", flush=True)
        generate()
    print("== PyInstaller (installer.spec)", flush=True)
    run_pyinstaller(args.dist.resolve(), args.work.resolve())
    bundle = args.dist.resolve() / NAME
    manifest = args.dist.resolve() / f"{NAME}-manifest.txt"
    count, total = write_manifest(bundle, manifest)
    largest = sorted(freeze.bundle_files(bundle), key=lambda item: -item[1])[:8]
    print(f"== {bundle}: {count} files, {total / MB:.1f} MB ({total / MIB:.1f} MiB)")
    for path, size in largest:
        print(f"   {size / MB:6.1f} MB  {path}")
    print(f"   manifest: {manifest}")
    print(f"   built in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
