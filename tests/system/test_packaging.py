"""What the build puts in the bundle, decided without building it (the quick half of the
packaging tests; test_frozen.py builds and runs the real bundle).

The trim rules run on PyInstaller-like file lists, in both the Linux and the Windows
layout of PySide6, with a made-up table of who links against whom.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtGui import QImage

from quynhnhai_desktop import __version__
from quynhnhai_desktop.gui import app_icon
from tests.support.frozen import ROOT, build_script

freeze = build_script("freeze")
assets = build_script("assets")

LINUX_QT = "PySide6/Qt/lib/"
LINUX_PLUGINS = "PySide6/Qt/plugins/"


def entry(name: str, kind: str = "BINARY") -> tuple[str, str, str]:
    return (name, f"/site-packages/{name}", kind)


def fake_imports(table: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    """An import table keyed by file name, like PyInstaller's reader answers for real files."""

    def imports(src: str) -> list[str]:
        return table.get(Path(src).name, [])

    return imports


@pytest.mark.parametrize(
    ("name", "dropped"),
    [
        # Linux layout
        (LINUX_QT + "libQt6Quick.so.6", True),
        (LINUX_QT + "libQt6QmlModels.so.6", True),
        (LINUX_QT + "libQt6VirtualKeyboard.so.6", True),
        (LINUX_QT + "libQt6Widgets.so.6", False),
        (LINUX_QT + "libQt6Pdf.so.6", False),
        (LINUX_QT + "libQt6PrintSupport.so.6", False),
        (LINUX_QT + "libQt6Charts.so.6", False),
        (LINUX_PLUGINS + "platforminputcontexts/libqtvirtualkeyboardplugin.so", True),
        (LINUX_PLUGINS + "platforminputcontexts/libibusplatforminputcontextplugin.so", False),
        (LINUX_PLUGINS + "imageformats/libqjpeg.so", True),
        (LINUX_PLUGINS + "imageformats/libqpdf.so", True),
        (LINUX_PLUGINS + "imageformats/libqico.so", False),
        (LINUX_PLUGINS + "imageformats/libqsvg.so", False),
        (LINUX_PLUGINS + "platforms/libqxcb.so", False),
        (LINUX_PLUGINS + "platforms/libqoffscreen.so", False),
        (LINUX_PLUGINS + "platforms/libqeglfs.so", True),
        (LINUX_PLUGINS + "platforms/libqwayland.so", True),
        (LINUX_PLUGINS + "wayland-shell-integration/libxdg-shell.so", True),
        (LINUX_PLUGINS + "printsupport/libcupsprintersupport.so", False),
        (LINUX_PLUGINS + "platformthemes/libqgtk3.so", True),
        (LINUX_PLUGINS + "tls/libqopensslbackend.so", True),
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/QtQuick.abi3.so", True),
        ("PySide6/QtPdf.abi3.so", False),
        ("resources/translations/qt_vi.qm", False),
        # Windows layout
        ("PySide6/Qt6Quick.dll", True),
        ("PySide6/Qt6WebEngineCore.dll", True),
        ("PySide6/Qt6Multimedia.dll", True),
        ("PySide6/Qt6Gui.dll", False),
        ("PySide6/Qt6PrintSupport.dll", False),
        ("PySide6/opengl32sw.dll", True),
        ("PySide6/plugins/platforms/qwindows.dll", False),
        ("PySide6/plugins/platforms/qdirect2d.dll", True),
        ("PySide6/plugins/imageformats/qgif.dll", True),
        ("PySide6/plugins/imageformats/qico.dll", False),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", False),
        ("PySide6/translations/qt_de.qm", True),
        ("PySide6/QtWidgets.pyd", False),
    ],
)
def test_rules_drop_what_the_app_does_not_use(name: str, dropped: bool) -> None:
    assert any(rule.matches(name) for rule in freeze.RULES) == dropped


def test_trim_drops_the_libraries_only_dropped_plugins_needed() -> None:
    binaries = [
        entry(LINUX_QT + "libQt6Core.so.6"),
        entry(LINUX_QT + "libQt6Gui.so.6"),
        entry(LINUX_QT + "libQt6Quick.so.6"),
        entry(LINUX_QT + "libQt6Pdf.so.6"),
        entry("libgtk-like.so.0"),
        entry("PySide6/QtGui.abi3.so", "EXTENSION"),
        entry(LINUX_PLUGINS + "platforminputcontexts/libqtvirtualkeyboardplugin.so"),
        entry(LINUX_PLUGINS + "imageformats/libqpdf.so"),
        entry(LINUX_PLUGINS + "platformthemes/libqgtk3.so"),
        entry(LINUX_PLUGINS + "platforms/libqxcb.so"),
    ]
    datas = [
        entry("resources/fonts/LiberationSerif-Regular.ttf", "DATA"),
        entry("PySide6/Qt/translations/qtbase_vi.qm", "DATA"),
        ("libQt6Pdf.so.6", LINUX_QT + "libQt6Pdf.so.6", "SYMLINK"),
        ("libQt6Core.so.6", LINUX_QT + "libQt6Core.so.6", "SYMLINK"),
    ]
    imports = fake_imports(
        {
            "QtGui.abi3.so": ["libQt6Gui.so.6", "libQt6Core.so.6"],
            "libQt6Gui.so.6": ["libQt6Core.so.6"],
            "libqtvirtualkeyboardplugin.so": ["libQt6Quick.so.6", "libQt6Gui.so.6"],
            "libqpdf.so": ["libQt6Pdf.so.6", "libQt6Gui.so.6"],
            "libqgtk3.so": ["libgtk-like.so.0", "libQt6Gui.so.6"],
            "libqxcb.so": ["libQt6Gui.so.6", "libxcb.so.1"],  # a system library: not bundled
        }
    )
    trimmed = freeze.trim(binaries, datas, imports=imports)
    kept = {name for name, _src, _kind in trimmed.binaries}
    assert kept == {
        LINUX_QT + "libQt6Core.so.6",
        LINUX_QT + "libQt6Gui.so.6",
        "PySide6/QtGui.abi3.so",
        LINUX_PLUGINS + "platforms/libqxcb.so",
    }
    why = dict(trimmed.removed)
    assert why[LINUX_QT + "libQt6Pdf.so.6"] == "libraries only the dropped files needed"
    assert why["libgtk-like.so.0"] == "libraries only the dropped files needed"
    assert why["libQt6Pdf.so.6"] == "links to dropped libraries"
    assert [d[0] for d in trimmed.datas] == [
        "resources/fonts/LiberationSerif-Regular.ttf",
        "libQt6Core.so.6",
    ]
    assert "libraries only the dropped files needed" in trimmed.summary()


def test_a_library_the_app_links_against_stays_even_if_a_dropped_plugin_used_it() -> None:
    """QtPdf: the image-format plugin goes, the library stays while the app uses QtPdf."""
    binaries = [
        entry(LINUX_QT + "libQt6Pdf.so.6"),
        entry("PySide6/QtPdf.abi3.so", "EXTENSION"),
        entry(LINUX_PLUGINS + "imageformats/libqpdf.so"),
    ]
    imports = fake_imports({"QtPdf.abi3.so": ["libQt6Pdf.so.6"], "libqpdf.so": ["libQt6Pdf.so.6"]})
    trimmed = freeze.trim(binaries, [], imports=imports)
    assert {b[0] for b in trimmed.binaries} == {
        LINUX_QT + "libQt6Pdf.so.6",
        "PySide6/QtPdf.abi3.so",
    }


def test_a_rule_that_drops_a_needed_library_stops_the_build() -> None:
    binaries = [entry("PySide6/QtWidgets.pyd", "EXTENSION"), entry("PySide6/Qt6Quick.dll")]
    imports = fake_imports({"QtWidgets.pyd": ["Qt6Quick.dll"]})
    with pytest.raises(SystemExit, match=r"(?i)qt6quick\.dll"):
        freeze.trim(binaries, [], imports=imports)


def test_a_host_library_leaves_the_bundle_with_what_only_it_needed() -> None:
    """libcups: the print plugin stays and loads the PC's own CUPS client; the TLS stack
    only the bundled libcups needed goes with it, a library Qt also needs stays."""
    binaries = [
        entry(LINUX_PLUGINS + "printsupport/libcupsprintersupport.so"),
        entry(LINUX_QT + "libQt6PrintSupport.so.6"),
        entry("libcups.so.2"),
        entry("libgnutls.so.30"),
        entry("libnettle.so.8"),
        entry("libdbus-1.so.3"),
        entry(LINUX_QT + "libQt6DBus.so.6"),
    ]
    imports = fake_imports(
        {
            "libcupsprintersupport.so": ["libcups.so.2", "libQt6PrintSupport.so.6"],
            "libcups.so.2": ["libgnutls.so.30", "libdbus-1.so.3"],
            "libgnutls.so.30": ["libnettle.so.8"],
            "libQt6PrintSupport.so.6": ["libQt6DBus.so.6"],
            "libQt6DBus.so.6": ["libdbus-1.so.3"],
        }
    )
    trimmed = freeze.trim(binaries, [], imports=imports)
    assert {b[0] for b in trimmed.binaries} == {
        LINUX_PLUGINS + "printsupport/libcupsprintersupport.so",
        LINUX_QT + "libQt6PrintSupport.so.6",
        "libdbus-1.so.3",
        LINUX_QT + "libQt6DBus.so.6",
    }
    why = dict(trimmed.removed)
    assert "CUPS" in why["libcups.so.2"]
    assert (
        why["libgnutls.so.30"] == why["libnettle.so.8"] == "libraries only the dropped files needed"
    )
    # The same library under a drop rule would stop the build: the plugin needs it.
    with pytest.raises(SystemExit, match="libcups"):
        freeze.trim(
            binaries, [], rules=[freeze.Rule(r"^libcups\.so", "x")], host=[], imports=imports
        )


class _Recorder:
    """Stands in for PyInstaller's version-resource classes: keeps what it was given."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.args, self.kwargs = args, kwargs


def test_version_resource_carries_the_package_version() -> None:
    text = freeze.version_resource(__version__, exe_name="QuynhNhai.exe", description="Quỳnh Nhai")
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct")
    namespace = {name: _Recorder for name in (*names, "VarFileInfo", "VarStruct")}
    info = eval(text, namespace)  # what PyInstaller does with the file, with stand-ins
    numbers = freeze.version_numbers(__version__)
    assert info.kwargs["ffi"].kwargs["filevers"] == numbers
    assert info.kwargs["ffi"].kwargs["prodvers"] == numbers
    table = info.kwargs["kids"][0].args[0][0]
    assert table.args[0] == "042A04B0"  # Vietnamese, Unicode
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    assert strings["ProductVersion"] == strings["FileVersion"] == __version__
    assert strings["OriginalFilename"] == "QuynhNhai.exe"
    assert strings["CompanyName"] == "UBND huyện Quỳnh Nhai"
    assert text.startswith("# -*- coding: utf-8 -*-")


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2.3.dev4", (1, 2, 3, 0)),
        ("2.0", (2, 0, 0, 0)),
        ("3", (3, 0, 0, 0)),
    ],
)
def test_windows_version_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert freeze.version_numbers(version) == numbers


def test_data_files_are_resources_and_migrations_without_sources() -> None:
    files = freeze.data_files()
    dests = {(Path(src).name, dest) for src, dest in files}
    assert ("qt_vi.qm", "resources/translations") in dests
    assert ("LiberationSerif-Bold.ttf", "resources/fonts") in dests
    assert ("LICENSE-OFL.txt", "resources/fonts") in dests
    assert ("son-la.json", "resources/units") in dests
    assert ("env.py", "quynhnhai_desktop/store/migrations") in dests
    assert ("0001_initial_schema.py", "quynhnhai_desktop/store/migrations/versions") in dests
    assert not [src for src, _dest in files if src.endswith((".ts", ".pyc", ".mako"))]
    assert all(Path(src).is_file() for src, _dest in files)


def test_migration_scripts_imports_become_hidden_imports() -> None:
    hidden = freeze.migration_imports()
    assert {"alembic", "alembic.context", "alembic.op", "sqlmodel"} <= set(hidden)
    assert "quynhnhai_desktop.store.models" in hidden


def test_optional_libraries_follow_the_app_code() -> None:
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "quynhnhai_desktop").rglob("*.py")
    )
    used = freeze.optional_imports()
    for name in freeze.OPTIONAL_IMPORTS:
        assert (name in used) == (f"import {name}" in source or f"from {name}" in source), name


def test_a_module_the_app_imports_is_never_excluded(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "PySide6.QtOpenGL" in freeze.excludes()  # nothing in the app imports it today
    real = freeze.imports_of
    monkeypatch.setattr(
        freeze, "imports_of", lambda sources: real(sources) | {"PySide6.QtOpenGL.QOpenGLWindow"}
    )
    assert "PySide6.QtOpenGL" not in freeze.excludes()
    assert "PySide6.QtQuick" in freeze.excludes()


def _rgba(image: QImage) -> bytes:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    width = image.width() * 4
    bits = bytes(image.constBits())
    return b"".join(
        bits[y * image.bytesPerLine() : y * image.bytesPerLine() + width]
        for y in range(image.height())
    )


def test_icon_file_holds_every_size_as_drawn(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ico, png = assets.write_icons(tmp_path)
    with Image.open(ico) as image:
        assert image.info["sizes"] == {(s, s) for s in assets.ICO_SIZES}
        for size in assets.ICO_SIZES:
            image.size = (size, size)
            image.load()
            assert image.convert("RGBA").tobytes() == _rgba(app_icon.render(size)), size
    with Image.open(png) as image:
        assert image.size == (256, 256)


def test_window_icon_has_a_drawing_for_each_size(qapp) -> None:  # type: ignore[no-untyped-def]
    from quynhnhai_desktop import app

    app._set_window_icon()  # what the app does once its data shows
    icon = qapp.windowIcon()
    assert {s.width() for s in icon.availableSizes()} == set(app_icon.SIZES)
    small = app_icon.render(16)
    assert small.pixelColor(0, 0).alpha() == 0  # rounded corner: transparent
    assert small.pixelColor(8, 8).alpha() == 255
