"""Make PySide6's per-import hook cheap (every module imported after PySide6 pays it).

PySide6 replaces ``__import__`` to support ``from __feature__ import snake_case``; after each
new module it asks "does this module use PySide6?" with ``inspect.getsource(module)``
(PYSIDE-2029). That goes through ``inspect.unwrap`` (whose ``hasattr`` wakes lazy module
attributes: pydantic imports a dozen modules to answer it), ``linecache`` and a decode —
~40 ms over the ~350 modules the window imports after its first paint, about a tenth of
the time to the data. The answer only depends on the words "PySide6" in the file, so we
read the file's bytes instead. A ``.py`` path that cannot be read has no source for PySide6
either (the frozen bundle keeps modules in an archive, not as files): the answer is no,
without the original's detour. Modules without a ``.py`` path (built-in, compiled) keep the
original check. (Zip-imported sources, which the app does not use, would read as no.)
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

_MARK = "_quynhnhai_fast"


def lighten_pyside_import_hook() -> bool:
    """Install the cheap check once PySide6 is imported; False when this PySide6 has no hook
    (another version: nothing is changed)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if getattr(original, _MARK, False):
        return True
    feature._mod_uses_pyside = _cheap_check(original)  # type: ignore[attr-defined]
    return True


def _cheap_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                return b"PySide6" in Path(path).read_bytes()
            except OSError:
                return False  # no source to read: PySide6's own check says no as well
        return original(module)

    setattr(uses_pyside, _MARK, True)
    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    return uses_pyside
