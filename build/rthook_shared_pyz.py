"""Runtime hook: both executables import the app's Python modules from one shared archive.

PyInstaller embeds the compressed modules (the PYZ archive, 8.7 MB here) in each executable,
and cannot share one between executables (pyinstaller/pyinstaller#8424). So installer.spec
embeds only the few modules PyInstaller's own bootstrap imports before this hook runs
(ctypes, struct), ships the full archive once as _internal/python-modules.pyz, and this hook,
the first to run, points PyInstaller's importer at it. It relies on PyInstaller internals
(pyimod02_importers.pyz_archive), so pyproject pins PyInstaller exactly and the frozen smoke
test (tests/test_frozen.py) runs both executables.
"""

import os
import sys

import pyimod01_archive
import pyimod02_importers


def _use_shared_archive() -> None:
    if "ctypes" not in sys.modules:  # the bootstrap needed a module we did not embed
        raise RuntimeError("PyInstaller's bootstrap did not load ctypes from the embedded archive")
    path = os.path.join(sys._MEIPASS, "python-modules.pyz")
    pyimod02_importers.pyz_archive = pyimod01_archive.ZlibArchiveReader(path, check_pymagic=True)
    pyimod02_importers._pyz_tree = None
    # Finders made so far read the embedded archive: drop them, new ones read the shared one.
    for entry, finder in list(sys.path_importer_cache.items()):
        if isinstance(finder, pyimod02_importers.PyiFrozenFinder):
            del sys.path_importer_cache[entry]


_use_shared_archive()
del _use_shared_archive
