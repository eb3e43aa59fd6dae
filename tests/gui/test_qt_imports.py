"""The cheap "does this module use PySide6?" gives the answers PySide6's own check gives."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from quynhnhai_desktop import qt_imports


@pytest.fixture
def feature() -> types.ModuleType:
    import PySide6.QtCore  # noqa: F401  (the hook exists once PySide6 is imported)

    return sys.modules["shibokensupport.feature"]


def test_the_cheap_check_answers_as_pyside6_does(feature: types.ModuleType) -> None:
    assert qt_imports.lighten_pyside_import_hook()
    cheap = feature._mod_uses_pyside
    original = cheap.__wrapped__  # PySide6's own check
    import json

    import quynhnhai_desktop.domain.text
    import quynhnhai_desktop.gui.main_window
    import quynhnhai_desktop.i18n

    modules = [
        quynhnhai_desktop.gui.main_window,  # imports PySide6
        quynhnhai_desktop.i18n,  # imports PySide6
        quynhnhai_desktop.domain.text,  # pure Python
        json,  # standard library, a package
        sys,  # built in: no file
        sys.modules["PySide6.QtCore"],  # compiled
    ]
    answers = [cheap(module) for module in modules]
    assert answers == [original(module) for module in modules]
    assert answers == [True, True, False, False, False, False]


def test_it_installs_once_and_says_no_for_a_file_it_cannot_read(
    feature: types.ModuleType, tmp_path: Path
) -> None:
    assert qt_imports.lighten_pyside_import_hook()
    installed = feature._mod_uses_pyside
    assert qt_imports.lighten_pyside_import_hook()
    assert feature._mod_uses_pyside is installed  # not wrapped twice
    frozen = types.ModuleType("frozen_like")
    frozen.__file__ = str(tmp_path / "missing" / "module.py")  # as in the frozen bundle
    assert installed(frozen) is False
    assert installed.__wrapped__(frozen) is False  # PySide6 answers the same


def test_without_pyside6_hook_nothing_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "shibokensupport.feature", raising=False)
    assert qt_imports.lighten_pyside_import_hook() is False
