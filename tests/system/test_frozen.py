"""The frozen bundle works on a PC without Python: the CLI sets up a commune and writes the
month's papers, the GUI opens to its main window, portable mode keeps the data beside it.

Slow (it builds the bundle, ~1 minute): ``pytest --run-slow -m slow``; CI runs it. Every
program runs with no Python on the PATH and no PYTHON* variables (tests/support/frozen.py).

A command a feature adds is one more line in INVOCATIONS; a line whose command the bundle
does not know fails (a bundle that lost a command must not pass by skipping its step).
"""

from __future__ import annotations

import shutil
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from quynhnhai_desktop import __version__
from tests.support.frozen import WINDOWS, Bundle, bare_env, build_script, link_copy, run

pytestmark = pytest.mark.slow

SIGNER = ("--signer-name", "Lò Văn Thành", "--signer-title", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
MB = 1000 * 1000
LINUX_SIZE_LIMIT = 190 * MB  # the ceiling for the Linux bundle


@dataclass(frozen=True)
class Invocation:
    """One CLI call, in order: what it prints and which files it writes ({out}/…).

    Written files are opened as what their suffix says: .pdf (pages), .xlsx (a workbook),
    .qnbc (a report package: a zip with its manifest), .sqlite3 (a sound database).
    """

    args: tuple[str, ...]
    prints: str = ""
    writes: tuple[str, ...] = ()

    @property
    def command(self) -> list[str]:
        """The sub-command words, e.g. ['report', 'monthly']."""
        words = []
        for arg in self.args:
            if arg.startswith("-"):
                break
            words.append(arg)
        return words

    def argv(self, out: Path) -> list[str]:
        return [arg.replace("{out}", str(out)) for arg in self.args]


INVOCATIONS = (
    Invocation(("init", "--commune", "03703", *SIGNER), prints="Xã Mường Giàng (03703)"),
    Invocation(("demo", "--months", "3", "--until", "2021-11"), prints="30/11/2021"),
    Invocation(("check",), prints="Tính toàn vẹn: tốt"),
    Invocation(
        ("report", "monthly", "--month", "2021-11", "--pdf", "{out}/bao-cao-2021-11.pdf"),
        writes=("bao-cao-2021-11.pdf",),
    ),
    Invocation(
        ("qr", "posters", "--layout", "stickers", "--out", "{out}/ap-phich-qr.pdf"),
        prints="mọi mã QR đều đã được quét thử và đúng",  # the self-check ran, with QtPdf
        writes=("ap-phich-qr.pdf",),
    ),
    Invocation(
        ("report", "monthly", "--month", "2021-10", "--xlsx", "{out}/bao-cao-2021-10.xlsx"),
        writes=("bao-cao-2021-10.xlsx",),
    ),
    Invocation(
        ("package", "export", "--month", "2021-11", "--out", "{out}"),
        writes=("BC-2021-11-03703-r1.qnbc",),
    ),
    Invocation(("activities", "export", "{out}/hoat-dong.xlsx"), writes=("hoat-dong.xlsx",)),
    Invocation(
        ("backup", "create", "--out", "{out}/sao-luu.sqlite3"),
        prints="Hoạt động: ",
        writes=("sao-luu.sqlite3",),
    ),
)


@pytest.fixture(scope="module")
def machine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh 'PC' for the module: a home folder, a data folder, an output folder."""
    return tmp_path_factory.mktemp("clerk-pc")


def cli(bundle: Bundle, machine: Path, *args: str) -> tuple[int, str, str]:
    done = run(
        bundle.cli,
        ["--data-dir", str(machine / "data"), *args],
        bare_env(machine / "home"),
        machine,
    )
    return done.returncode, done.stdout, done.stderr


def test_no_python_is_reachable(machine: Path) -> None:
    env = bare_env(machine / "home")
    for name in ("python", "python3", "py"):
        assert shutil.which(name, path=env["PATH"]) is None
    assert not any(key.startswith("PYTHON") or key == "VIRTUAL_ENV" for key in env)


def test_bundle_holds_what_the_app_needs_and_nothing_it_does_not(frozen_bundle: Bundle) -> None:
    internal = frozen_bundle.folder / "_internal"
    for needed in (
        "resources/translations/qt_vi.qm",
        "resources/translations/quynhnhai_vi.qm",
        "resources/fonts/LiberationSerif-Regular.ttf",
        "resources/fonts/LICENSE-OFL.txt",
        "resources/catalogs/covid-2021.json",
        "resources/units/son-la.json",
        "quynhnhai_desktop/store/migrations/env.py",
    ):
        assert (internal / needed).is_file(), needed
    assert list((internal / "quynhnhai_desktop/store/migrations/versions").glob("0001_*.py"))
    names = [p.relative_to(internal).as_posix().lower() for p in internal.rglob("*")]
    for unwanted in ("qtquick", "qt6qml", "webengine", "virtualkeyboard", "hypothesis", "mypy"):
        assert not [n for n in names if unwanted in n], unwanted
    # Replaced by smaller means (PyNaCl, QtPdf, a stand-in PIL) or left to the PC (CUPS).
    for unwanted in ("cryptography", "pypdfium2", "pillow", "pil/_imaging", "libcups.so", "gnutls"):
        assert not [n for n in names if unwanted in n], unwanted
    # Each program embeds its own archive of Python modules (no shared one, no hook for it).
    assert not [n for n in names if n.endswith(".pyz")]
    assert frozen_bundle.gui.stat().st_size > 1_000_000
    assert frozen_bundle.cli.stat().st_size > 1_000_000
    assert not [n for n in names if n.endswith(".ts")]
    assert not [n for n in names if "/translations/qt" in n and not n.startswith("resources/")]


def test_manifest_lists_every_file_with_its_size(frozen_bundle: Bundle) -> None:
    if not frozen_bundle.manifest.exists():
        pytest.skip("bundle from $QUYNHNHAI_FROZEN_BUNDLE has no manifest")
    listed = build_script("build").read_manifest(frozen_bundle.manifest)
    on_disk = {
        p.relative_to(frozen_bundle.folder).as_posix(): 0 if p.is_symlink() else p.stat().st_size
        for p in frozen_bundle.folder.rglob("*")
        if p.is_file() or p.is_symlink()
    }
    assert listed == on_disk
    total = sum(listed.values())
    header = frozen_bundle.manifest.read_text(encoding="utf-8").splitlines()[1]
    assert header.startswith(f"# {len(listed)} files, {total} bytes")
    if sys.platform.startswith("linux"):
        assert total < LINUX_SIZE_LIMIT, f"bundle is {total / MB:.1f} MB"


def test_version_and_usage_errors(frozen_bundle: Bundle, machine: Path) -> None:
    code, out, _err = cli(frozen_bundle, machine, "--version")
    assert (code, out.strip()) == (0, f"quynhnhai {__version__}")
    code, _out, err = cli(frozen_bundle, machine, "no-such-command")
    assert code == 2 and "no-such-command" in err


@pytest.mark.parametrize("step", INVOCATIONS, ids=lambda step: " ".join(step.command))
def test_cli_step(frozen_bundle: Bundle, machine: Path, step: Invocation) -> None:
    code, _out, err = cli(frozen_bundle, machine, *step.command, "--help")
    assert code == 0, f"the bundle has no '{' '.join(step.command)}' command (exit {code})\n{err}"
    out_dir = machine / "out"
    out_dir.mkdir(exist_ok=True)
    code, out, err = cli(frozen_bundle, machine, *step.argv(out_dir))
    assert code == 0, f"exit {code}\n{out}\n{err}"
    assert step.prints in out
    for name in step.writes:
        check_file(out_dir / name)


def test_the_frozen_district_verifies_what_the_frozen_commune_signed(
    frozen_bundle: Bundle, machine: Path
) -> None:
    signed = machine / "out" / "BC-2021-11-03703-r1.qnbc"
    assert signed.is_file(), "the 'package export' step above writes it"
    env = bare_env(machine / "home")
    district = ["--data-dir", str(machine / "district-data")]
    done = run(frozen_bundle.cli, [*district, "init", "--district", "118", *SIGNER], env, machine)
    assert done.returncode == 0, done.stderr
    enrol = [*district, "district", "enrol", "--yes", str(signed)]  # fingerprint confirmed
    done = run(frozen_bundle.cli, enrol, env, machine)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    assert "Mường Giàng r1: đã nhập" in done.stdout


def check_file(path: Path) -> None:
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        assert path.read_bytes().startswith(b"%PDF-"), path.name
        assert len(PdfReader(path).pages) >= 1
        if path.name.startswith("ap-phich"):  # every code decodes, read independently
            from tests.output.test_posters import decode_pages

            found = [b.text for page in decode_pages(path.read_bytes()) for b in page]
            assert len(found) == 32 and all(found), found  # the demo's 32 venues
    elif path.suffix == ".xlsx":
        from openpyxl import load_workbook

        assert load_workbook(path, read_only=True).sheetnames
    elif path.suffix == ".qnbc":
        from quynhnhai_desktop.services import package

        verified = package.read(path.read_bytes())  # signed by the frozen PyNaCl: it verifies
        assert verified.manifest.commune_code == "03703"
    elif path.suffix == ".sqlite3":
        import sqlite3

        with closing(sqlite3.connect(path)) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert db.execute("SELECT count(*) FROM activity").fetchone()[0] > 0
    else:
        raise AssertionError(f"no check for {path.name}")


def probe(
    program: Path, args: list[str], machine: Path, data: Path, *, mode: str = "1"
) -> list[str]:
    """Start the GUI offscreen with the start-up probe; the events it printed, in order.

    Mode "sections" opens every section before closing: each page's Qt modules, plugins
    and data files are then used once from the bundle.
    """
    env = bare_env(machine / "home", QUYNHNHAI_STARTUP_PROBE=mode)
    done = run(program, ["--data-dir", str(data), *args], env, machine, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    return [line.split()[0] for line in done.stdout.splitlines() if line.strip()]


def test_gui_opens_the_main_window_and_every_section(frozen_bundle: Bundle, machine: Path) -> None:
    from quynhnhai_desktop.gui.sections import SECTIONS

    data = machine / "data"
    if not (data / "quynhnhai.sqlite3").exists():
        cli(frozen_bundle, machine, "init", "--commune", "03703", *SIGNER)
    # The windowed program has no stdout on Windows: the console one runs the same GUI.
    program = frozen_bundle.cli if WINDOWS else frozen_bundle.gui
    events = probe(program, [], machine, data, mode="sections")
    assert events == ["first-paint", "data-shown", *(f"section-{s.key}" for s in SECTIONS)]
    if WINDOWS:  # and the windowed program itself, silent: it closes once the data shows
        env = bare_env(machine / "home", QUYNHNHAI_STARTUP_PROBE="1")
        done = run(frozen_bundle.gui, ["--data-dir", str(data)], env, machine, timeout=60)
        assert done.returncode == 0


def test_gui_first_start_with_demo_data(frozen_bundle: Bundle, machine: Path) -> None:
    fresh = machine / "fresh-data"
    program = frozen_bundle.cli if WINDOWS else frozen_bundle.gui
    assert probe(program, ["--demo"], machine, fresh) == ["first-paint", "data-shown"]
    code, out, _err = cli(frozen_bundle, machine, "--data-dir", str(fresh), "check")
    assert code == 0 and "Xã Mường Giàng" in out


def test_portable_marker_keeps_the_data_beside_the_program(
    frozen_bundle: Bundle, tmp_path: Path
) -> None:
    stick = tmp_path / "USB" / "QuynhNhai"
    link_copy(frozen_bundle.folder, stick)
    (stick / "portable").write_bytes(b"")
    env = bare_env(tmp_path / "home")
    program = stick / frozen_bundle.cli.name
    done = run(program, ["init", "--commune", "03703", *SIGNER], env, tmp_path)
    assert done.returncode == 0, done.stderr
    assert (stick / "data" / "quynhnhai.sqlite3").is_file()
    assert not list((tmp_path / "home").rglob("quynhnhai.sqlite3"))

    (stick / "portable").unlink()  # an installed copy: the data goes to the user's folder
    done = run(program, ["check"], env, tmp_path)
    assert "chưa thiết lập" in done.stdout
    assert len(list((tmp_path / "home").rglob("quynhnhai.sqlite3"))) == 1
