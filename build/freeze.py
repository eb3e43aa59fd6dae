"""What goes into the frozen bundle and what stays out; shared by the specs and the tests.

installer.spec (the app) and build/hello/hello.spec (the hello-world baseline of the size
benchmark) both trim with :func:`trim`, so the two are compared like for like.

Trimming works on PyInstaller's collected binaries and data, not only on ``excludes``: the
PySide6 hooks collect every plugin of a Qt module, and plugins drag in libraries (the
virtual keyboard plugin alone brings Qt Quick and QML, ~17 MB). Rules drop the plugins,
libraries and translations the app does not use; then every library that only the dropped
files needed goes too, found from the binaries' own import tables; finally the build stops
if a kept binary still needs a dropped library (a rule that went too far).
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "quynhnhai_desktop"
MIGRATIONS = PACKAGE / "store" / "migrations"
RESOURCES = ROOT / "resources"

TocEntry = tuple[str, str, str]  # (name in the bundle, source path, typecode)

# Strip debug symbols from the collected binaries (Linux, macOS; Windows DLLs carry none).
# Several wheels and a pyenv-built Python ship unstripped: SQLAlchemy's compiled
# extensions shrink from 9.3 to 1.1 MB, libpython from 23 to 5.7 MB.
STRIP = sys.platform != "win32"
# Bytecode as with ``python -OO``: no docstrings, no asserts. The pure-Python modules are
# stored once in each of the two executables, and docstrings are a sixth of them (the app
# code never relies on an assert or a docstring; the frozen smoke test runs this build).
OPTIMIZE = 2

# Python packages never shipped. Most arrive only because the dev extra is installed in
# the same venv and a dependency mentions them in an optional corner.
EXCLUDES = [
    "tkinter",  # the standard library's other GUI toolkit
    "hypothesis",  # pydantic.v1's hypothesis plugin
    "mypy",  # pydantic.mypy, the type checker plugin
    "rich",  # pydantic's debug pretty-printer
    "pygments",  # mako's and rich's syntax highlighting
    "IPython",  # rich.jupyter
    "numpy",  # hypothesis.extra.numpy
    # Only `if __name__ == "__main__"` blocks of reportlab import doctest (and through it
    # pdb, readline, unittest, pydoc).
    "doctest",
    "pdb",
    "pydoc",
    "unittest",
    # Only ProcessPoolExecutor needs it (the app's background work runs in Qt threads);
    # shipping it would also start every run with PyInstaller's multiprocessing hook.
    "multiprocessing",
    "pytest",
    "_pytest",
    "setuptools",
    "pip",
    # Qt modules the app does not use (their plugins and libraries are trimmed below).
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebChannel",
    "PySide6.Qt3DCore",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtVirtualKeyboard",
    # Python bindings the PySide6 hooks add because a used module's Qt library links to
    # theirs (QtCharts → Qt6OpenGL): the library ships, the 9 MB binding is never imported.
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus",  # the same way, through the xcb platform's library (0.3 MB)
    # East Asian text codecs (0.9 MB): the app reads and writes UTF-8 only.
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    # Python modules that only unused corners of our dependencies import, always inside a
    # function, never on a path the app takes (none of them is ever imported by a run of
    # every CLI command and every GUI section; the frozen smoke test runs those). ~1.5 MB.
    "reportlab.graphics",  # charts and shapes; validators import it to check shapes only
    "charset_normalizer",  # reportlab's XMP metadata read from a file (0.4 MB of binaries)
    "pydantic.v1",  # only for a type that still has pydantic 1's __get_validators__
    "pydantic.mypy",  # the type checker plugin
    "sqlalchemy.dialects.mysql",  # the app opens SQLite only; Alembic names these dialects
    "sqlalchemy.dialects.mssql",  # ... for type checking and in functions for them
    "sqlalchemy.dialects.oracle",
    "xml.dom",  # reportlab.graphics' SVG renderer
    "_pydecimal",  # decimal's pure-Python fallback; the C _decimal ships
    # Network protocols that urllib and logging import lazily; the app works offline.
    "ftplib",
    "smtplib",
    "http.cookiejar",
    "netrc",
]

# Libraries the app may use that are only optional imports of its dependencies: shipped
# exactly when the app's own code imports them. (Whatever the app's code imports is never
# excluded, see excludes().)
OPTIONAL_IMPORTS = ("zxingcpp", "reportlab", "openpyxl", "qrcode")

# Stand-ins searched before site-packages: build/stubs/PIL replaces Pillow, which reportlab
# imports on loading but needs only for raster pictures (the app's PDFs have none): 6 MB.
STUBS = ROOT / "build" / "stubs"


# -- what goes in ----------------------------------------------------------------------


def data_files() -> list[tuple[str, str]]:
    """(source file, folder in the bundle) for every resource and migration script.

    Listed file by file so the manifest shows each one; the sources of generated files
    (.ts) and caches stay out. Alembic reads the migration scripts from disk at run time,
    so they travel as data next to the package's compiled modules.
    """
    files = []
    for source in sorted(RESOURCES.rglob("*")):
        if source.is_file() and source.suffix not in {".ts", ".pyc"}:
            dest = Path("resources") / source.relative_to(RESOURCES).parent
            files.append((str(source), dest.as_posix()))
    for source in sorted(MIGRATIONS.rglob("*.py")):
        if "__pycache__" not in source.parts:
            dest = source.relative_to(ROOT).parent
            files.append((str(source), dest.as_posix()))
    return files


def imports_of(sources: Iterable[Path]) -> set[str]:
    """Absolute module names imported by *sources*, including ``from x import module``."""
    found: set[str] = set()
    for source in sources:
        tree = ast.parse(source.read_text(encoding="utf-8"), str(source))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def migration_imports() -> list[str]:
    """What Alembic's env.py and the revisions import: PyInstaller never sees those files
    as code (they are data), so each module they name becomes a hidden import."""
    scripts = [p for p in MIGRATIONS.rglob("*.py") if "__pycache__" not in p.parts]
    return sorted(name for name in imports_of(scripts) if _is_module(name))


def optional_imports() -> list[str]:
    """The OPTIONAL_IMPORTS that the app's own code imports."""
    used = {name.split(".")[0] for name in imports_of(PACKAGE.rglob("*.py"))}
    return [name for name in OPTIONAL_IMPORTS if name in used]


def excludes() -> list[str]:
    """EXCLUDES, less any module the app's own code imports: that always ships."""
    used = imports_of(PACKAGE.rglob("*.py"))
    return [
        name
        for name in EXCLUDES
        if not any(module == name or module.startswith(f"{name}.") for module in used)
    ]


# -- the Windows version resource -------------------------------------------------------

VERSION_TEMPLATE = """# -*- coding: utf-8 -*-
# Windows version resource of {original}; generated by build/freeze.py from
# quynhnhai_desktop.__version__ into build/out (PyInstaller's text format, not committed).
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable('042A04B0', [
        StringStruct('CompanyName', {company!r}),
        StringStruct('FileDescription', {description!r}),
        StringStruct('FileVersion', {version!r}),
        StringStruct('InternalName', {internal!r}),
        StringStruct('LegalCopyright', {copyright!r}),
        StringStruct('OriginalFilename', {original!r}),
        StringStruct('ProductName', {product!r}),
        StringStruct('ProductVersion', {version!r})
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x042A, 1200])])
  ]
)
"""
COMPANY = "UBND huyện Quỳnh Nhai"
PRODUCT = "Quỳnh Nhai"


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' → (0, 1, 0, 0); '1.2.3.dev4' → (1, 2, 3, 0): Windows wants four integers."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:3]]
    return (*numbers, *[0] * (4 - len(numbers)))  # type: ignore[return-value]


def version_resource(version: str, *, exe_name: str, description: str) -> str:
    """The text of one executable's version resource (Vietnamese, Unicode code page)."""
    return VERSION_TEMPLATE.format(
        numbers=version_numbers(version),
        version=version,
        company=COMPANY,
        description=description,
        internal=Path(exe_name).stem,
        original=exe_name,
        product=PRODUCT,
        copyright=f"© {COMPANY} — MIT",
    )


# -- what stays out --------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """Drop bundle files whose path (lower case, '/' separators) matches *pattern*."""

    pattern: str
    why: str
    keep: str | None = None  # ... unless it also matches this

    def matches(self, name: str) -> bool:
        path = name.replace("\\", "/").lower()
        if not re.search(self.pattern, path):
            return False
        return self.keep is None or not re.search(self.keep, path)


QT_UNUSED = r"quick|qml|virtualkeyboard|webengine|webchannel|webview|3d|multimedia|spatialaudio"
PLUGIN_DIRS_UNUSED = (
    "egldeviceintegrations|generic|networkinformation|tls|qmltooling|sqldrivers|multimedia"
    "|position|sensors|texttospeech|webview|renderers|scenegraph|designer|virtualkeyboard"
    "|wayland-[a-z-]+|geometryloaders|sceneparsers|renderplugins"
)
RULES = (
    Rule(
        rf"(^|/)(lib)?qt6({QT_UNUSED})[^/]*$",
        "Qt libraries of modules the app does not use (Quick/QML, WebEngine, 3D, Multimedia)",
    ),
    Rule(rf"(^|/)pyside6/qt({QT_UNUSED})[^/]*$", "their Python bindings"),
    Rule(rf"/plugins/({PLUGIN_DIRS_UNUSED})/", "plugins for hardware, network, QML or Wayland"),
    Rule(
        r"/plugins/platforminputcontexts/[^/]*virtualkeyboard",
        "the virtual keyboard (it needs Qt Quick); IBus and compose stay for typing Vietnamese",
    ),
    Rule(
        r"/plugins/imageformats/",
        "image formats the app never reads (PNG is built into Qt)",
        keep=r"/(lib)?q(ico|svg)\.",
    ),
    Rule(
        r"/plugins/platforms/",
        "embedded-device platforms (framebuffer, EGLFS, VNC, Vulkan display, Wayland)",
        keep=r"/(lib)?q(windows|xcb|offscreen|minimal|cocoa)\.",
    ),
    Rule(r"/plugins/platformthemes/[^/]*gtk3", "the GTK 3 theme (pulls in GTK, cairo, pango)"),
    Rule(
        r"(^|/)pyside6/(qt/)?translations/",
        "Qt's own translations: the app ships resources/translations/qt_vi.qm",
    ),
    Rule(r"(^|/)pyside6/(qt/)?qml/", "QML modules"),
    Rule(r"(^|/)opengl32sw\.dll$", "software OpenGL for Qt Quick; widgets paint without it"),
)

# The hello world as issue 8 defines its baseline: PyInstaller's defaults, trimmed only of
# the virtual keyboard (and the Qt Quick/QML it drags in), the image-format plugins and
# Qt's translations. The size benchmark reports the app against it too, next to the
# strict baseline (the hello world trimmed, stripped and optimised exactly like the app).
ISSUE_RULES = (
    Rule(
        r"/plugins/platforminputcontexts/[^/]*virtualkeyboard",
        "the virtual keyboard (it needs Qt Quick)",
    ),
    Rule(r"/plugins/imageformats/", "image-format plugins"),
    Rule(r"(^|/)pyside6/(qt/)?translations/", "Qt's translations"),
)

# Libraries the PC itself provides, like the C library: left out even though kept files
# link against them (they load from the system). Linux only: Qt prints through the PC's own
# CUPS, and a PC that can print has CUPS's client library (libcups2); the bundled copy
# would bring its own TLS stack (GnuTLS, nettle, GMP, p11-kit, libunistring: ~7 MB) to talk
# to the local print server. Windows prints through its spooler, a system DLL that is
# never bundled either.
HOST_LIBRARIES = (
    Rule(
        r"(^|/)libcups\.so[.0-9]*$",
        "CUPS's client library: printing uses the PC's own CUPS (libcups2)",
    ),
)


@dataclass
class Trimmed:
    binaries: list[TocEntry]
    datas: list[TocEntry]
    removed: list[tuple[str, str]] = field(default_factory=list)  # (name, why)

    def summary(self) -> str:
        by_reason: dict[str, list[str]] = {}
        for name, why in self.removed:
            by_reason.setdefault(why, []).append(name)
        lines = [f"trimmed {len(self.removed)} files from the bundle:"]
        for why, names in by_reason.items():
            lines.append(f"  {len(names):4d}  {why}")
        return "\n".join(lines)


Imports = Callable[[str], Iterable[str]]  # a binary's source path → names of libraries it needs


def _key(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.lower() if sys.platform in ("win32", "darwin") else base


def pyinstaller_imports(src: str) -> list[str]:
    """The libraries *src* itself links against (not theirs in turn).

    Linux: the ELF file's NEEDED entries, read with objdump (binutils, which PyInstaller
    needs on Linux anyway); PyInstaller's own reader there is ldd, which lists the whole
    tree and would make a library needed by the bundled libcups look needed by the print
    plugin. Elsewhere PyInstaller's reader (pefile, macholib) gives the direct ones.
    """
    if sys.platform.startswith("linux"):
        dump = subprocess.run(
            ["objdump", "-p", src], capture_output=True, text=True, check=True
        ).stdout
        return re.findall(r"^\s*NEEDED\s+(\S+)", dump, re.MULTILINE)
    from PyInstaller.depend.bindepend import get_imports

    return [name for name, _path in get_imports(src)]


def trim(
    binaries: list[TocEntry],
    datas: list[TocEntry],
    *,
    rules: Iterable[Rule] = RULES,
    host: Iterable[Rule] = HOST_LIBRARIES,
    imports: Imports = pyinstaller_imports,
) -> Trimmed:
    """Drop what *rules* and *host* match, then the libraries nothing kept needs any more.

    Kept files may need a *host* library (it loads from the system), never a *rules* one.
    """
    rules, host = list(rules), list(host)
    result = Trimmed([], [])

    def rule_for(name: str) -> Rule | None:
        return next((rule for rule in rules if rule.matches(name)), None)

    dropped: list[TocEntry] = []
    from_host: set[str] = set()
    for entry in binaries:
        rule = rule_for(entry[0])
        if rule is None and (rule := next((r for r in host if r.matches(entry[0])), None)):
            from_host.add(_key(entry[0]))
        if rule is None:
            result.binaries.append(entry)
        else:
            dropped.append(entry)
            result.removed.append((entry[0], rule.why))

    libraries = {_key(entry[0]): entry for entry in result.binaries}

    def closure(starts: Iterable[TocEntry]) -> set[str]:
        seen: set[str] = set()
        todo = [entry[1] for entry in starts]
        while todo:
            for name in imports(todo.pop()):
                key = _key(name)
                if key not in seen:
                    seen.add(key)
                    if key in libraries:
                        todo.append(libraries[key][1])
        return seen

    candidates = (closure(dropped) & libraries.keys()) - {_key(e[0]) for e in dropped}
    roots = [entry for entry in result.binaries if _key(entry[0]) not in candidates]
    needed = closure(roots) | {_key(entry[0]) for entry in roots}
    still_needed = needed & ({_key(entry[0]) for entry in dropped} - from_host)
    if still_needed:
        raise SystemExit(
            "trim rules drop libraries that kept binaries need: " + ", ".join(sorted(still_needed))
        )
    orphans = candidates - needed
    if orphans:
        result.binaries = [e for e in result.binaries if _key(e[0]) not in orphans]
        result.removed += [
            (libraries[key][0], "libraries only the dropped files needed") for key in orphans
        ]

    gone = {name for name, _why in result.removed}
    for entry in datas:
        name, target, typecode = entry
        if typecode == "SYMLINK" and target in gone:
            result.removed.append((name, "links to dropped libraries"))
            continue
        rule = rule_for(name)
        if rule is None:
            result.datas.append(entry)
        else:
            result.removed.append((name, rule.why))
    return result


def bundle_files(folder: Path) -> list[tuple[str, int]]:
    """(relative path, size in bytes) of every file in a built bundle, links not followed."""
    found = []
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath, name)
            size = 0 if path.is_symlink() else path.stat().st_size
            found.append((path.relative_to(folder).as_posix(), size))
    return sorted(found)
