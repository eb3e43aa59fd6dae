"""Make PySide6's per-import hook cheap (every module imported after PySide6 pays it).

PySide6 replaces ``__import__`` to support ``from __feature__ import snake_case``; after each
new module it asks "does this module use PySide6?" with ``inspect.getsource(module)``
(PYSIDE-2029). That goes through ``inspect.unwrap`` (whose ``hasattr`` wakes lazy module
attributes: pydantic imports a dozen modules to answer it), ``linecache`` and a decode —
~40 ms over the ~350 modules the window imports after its first paint, about a tenth of
the time to the data. The answer only depends on the words "PySide6" in the file, so we
read the file's bytes instead. Modules without a readable ``.py`` file (built-in, compiled,
frozen, zipped) keep the original check, so every answer stays the same.
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
                pass  # frozen or zipped: the original asks the module's loader
        return original(module)

    setattr(uses_pyside, _MARK, True)
    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    return uses_pyside
