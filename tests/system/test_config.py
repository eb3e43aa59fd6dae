"""Where the data goes: --data-dir, the environment, portable mode, or the user's app-data.

Portable mode is for a PC where the clerk cannot install: the program folder is copied
(to a USB stick or D:\\) with an empty file named ``portable`` next to the executable, and
the data then lives in a ``data`` folder beside it. It applies to the frozen program only;
the frozen smoke test (test_frozen.py) checks it on the real bundle as well.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from quynhnhai_desktop import config
from quynhnhai_desktop.config import DATA_DIR_ENV, PORTABLE_MARKER, AppPaths


@pytest.fixture
def frozen_exe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend to run as QuynhNhai.exe in tmp/QuynhNhai (what PyInstaller sets)."""
    program = tmp_path / "QuynhNhai"
    program.mkdir()
    exe = program / "QuynhNhai.exe"
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.setattr(config, "default_data_dir", lambda: tmp_path / "appdata" / "QuynhNhai")
    return exe


def test_portable_marker_keeps_the_data_next_to_the_program(frozen_exe: Path) -> None:
    (frozen_exe.parent / PORTABLE_MARKER).write_bytes(b"")
    paths = AppPaths.resolve().ensure()
    assert paths.data_dir == frozen_exe.parent / "data"
    assert paths.database.parent == frozen_exe.parent / "data"
    assert (frozen_exe.parent / "data" / "logs").is_dir()


def test_without_the_marker_the_data_goes_to_app_data(frozen_exe: Path, tmp_path: Path) -> None:
    assert AppPaths.resolve().data_dir == tmp_path / "appdata" / "QuynhNhai"
    assert not (frozen_exe.parent / "data").exists()


def test_data_dir_option_and_environment_win_over_portable(
    frozen_exe: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (frozen_exe.parent / PORTABLE_MARKER).write_bytes(b"")
    assert AppPaths.resolve(tmp_path / "chosen").data_dir == tmp_path / "chosen"
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert AppPaths.resolve().data_dir == tmp_path / "from-env"


def test_a_marker_in_a_source_checkout_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Running from source, sys.executable is Python: a stray 'portable' file there is ignored."""
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    (tmp_path / PORTABLE_MARKER).write_bytes(b"")
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    assert AppPaths.resolve().data_dir == config.default_data_dir()


def test_frozen_resources_come_from_the_bundle(
    frozen_exe: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "QuynhNhai" / "_internal"
    (bundle / "resources" / "catalogs").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    # The function itself, past its cache: the cached answer serves the rest of the session.
    assert config.resources_dir.__wrapped__() == bundle / "resources"
