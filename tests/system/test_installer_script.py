"""The Inno Setup script and its Vietnamese messages, checked without Windows.

Inno Setup runs on Windows only, so these tests read build/installer.iss and
build/Vietnamese.isl as text: a per-user install that never asks for administrator
rights, Start-menu and desktop shortcuts, an uninstaller that leaves the data alone, and
Vietnamese messages that keep every placeholder of the English they replace.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quynhnhai_desktop.config import APP_AUTHOR, APP_NAME
from tests.support.frozen import ROOT

ISS = ROOT / "build" / "installer.iss"
ISL = ROOT / "build" / "Vietnamese.isl"
BOM = b"\xef\xbb\xbf"


def sections(path: Path) -> dict[str, list[str]]:
    """Lines of each [Section], without comments, blank lines and preprocessor lines."""
    found: dict[str, list[str]] = {"": []}
    current = ""
    for raw in path.read_text(encoding="utf-8-sig").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#", "//")):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match.group(1)
            found.setdefault(current, [])
        else:
            found[current].append(line)
    return found


def directives(lines: list[str]) -> dict[str, str]:
    return dict(line.split("=", 1) for line in lines if "=" in line)


def test_both_files_are_utf8_with_bom() -> None:
    """Inno reads non-ASCII text right only from UTF-8 (a BOM makes it sure on 6.0-6.2)."""
    for path in (ISS, ISL):
        data = path.read_bytes()
        assert data.startswith(BOM), path.name
        data.decode("utf-8")


def test_installs_per_user_without_administrator_rights() -> None:
    setup = directives(sections(ISS)["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # never offers "for all users"
    # {autopf} of a per-user install = %LOCALAPPDATA%\Programs (CI under Wine gives that
    # folder itself as /DDefaultDir, the one thing it changes from outside).
    assert setup["DefaultDirName"] == "{#DefaultDir}"
    assert '#define DefaultDir "{autopf}\\QuynhNhai"' in ISS.read_text(encoding="utf-8-sig")
    assert setup["LZMAUseSeparateProcess"] == "yes"  # the 32-bit ISCC never runs out of memory
    assert setup["ArchitecturesAllowed"] == "x64compatible"
    assert setup["MinVersion"] == "10.0.17763"  # Windows 10 1809, Qt 6's minimum


def test_start_menu_and_desktop_shortcuts_start_the_windowed_program() -> None:
    icons = sections(ISS)["Icons"]
    assert any(i.startswith('Name: "{autoprograms}\\') for i in icons)
    desktop = [i for i in icons if i.startswith('Name: "{autodesktop}\\')]
    assert len(desktop) == 1 and "Tasks: desktopicon" in desktop[0]
    assert all('Filename: "{app}\\{#AppExe}"' in i for i in icons)
    tasks = sections(ISS)["Tasks"]
    assert any('Name: "desktopicon"' in t and "unchecked" not in t for t in tasks)
    assert '#define AppExe "QuynhNhai.exe"' in ISS.read_text(encoding="utf-8-sig")


def test_takes_the_bundle_and_icon_the_build_writes() -> None:
    text = ISS.read_text(encoding="utf-8-sig")
    assert '#define BundleDir "..\\dist\\QuynhNhai"' in text  # build.py's default --dist
    assert "SetupIconFile=out\\QuynhNhai.ico" in text  # installer.spec writes build/out
    spec = (ROOT / "installer.spec").read_text(encoding="utf-8")
    assert 'ASSETS = ROOT / "build" / "out"' in spec
    assert 'NAME = "QuynhNhai"' in spec


def test_uninstall_keeps_the_data_and_says_where_it_is() -> None:
    found = sections(ISS)
    assert "UninstallDelete" not in found
    assert all("data" not in line.lower() for line in found.get("InstallDelete", []))
    text = ISS.read_text(encoding="utf-8-sig")
    # The folder named in the message is the one config.AppPaths uses on Windows.
    assert f'#define DataDir "{{localappdata}}\\{APP_AUTHOR}\\{APP_NAME}"' in text
    assert "CustomMessage('DataKept')" in text
    confirm = directives(sections(ISL)["Messages"])["ConfirmUninstall"]
    assert "không bị xóa" in confirm


def isl_pairs(section: str) -> list[tuple[str, str, str]]:
    """(name, English, Vietnamese) from the '; en:' comment above each message."""
    lines = ISL.read_text(encoding="utf-8-sig").splitlines()
    start = lines.index(f"[{section}]")
    pairs, english = [], None
    for line in lines[start + 1 :]:
        if line.startswith("["):
            break
        if line.startswith("; en: "):
            english = line[len("; en: ") :]
        elif "=" in line and not line.startswith(";"):
            name, vietnamese = line.split("=", 1)
            assert english is not None, f"{name} has no '; en:' line"
            pairs.append((name, english, vietnamese))
            english = None
    return pairs


PLACEHOLDER = re.compile(r"%\d|\[(?:name|name/ver|mb|gb)\]")  # (%n is only a line break)
SAME_IN_BOTH = {"ButtonOK", "UninstallDisplayNameMark", "UninstallDisplayNameMarks"}
SAME_IN_BOTH |= {"UninstallDisplayNameMark64Bit"}


@pytest.mark.parametrize("section", ["Messages", "CustomMessages"])
def test_vietnamese_keeps_placeholders_and_inno_punctuation(section: str) -> None:
    pairs = isl_pairs(section)
    assert len(pairs) > (100 if section == "Messages" else 4)
    for name, english, vietnamese in pairs:
        assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(vietnamese)), name
        assert ("&" in english) == (vietnamese.count("&") == 1), name
        if not english.endswith((".", "?", "!", ":")):
            assert not vietnamese.endswith("."), f"{name}: Inno adds the period itself"
        assert vietnamese.strip()
        assert (vietnamese == english) == (name in SAME_IN_BOTH), f"{name} is not translated"


def test_every_custom_message_the_script_uses_is_translated() -> None:
    text = ISS.read_text(encoding="utf-8-sig")
    used = set(re.findall(r"\{cm:(\w+)", text)) | set(re.findall(r"CustomMessage\('(\w+)'\)", text))
    defined = {name for name, _en, _vi in isl_pairs("CustomMessages")}
    assert used and used <= defined


def test_accelerators_do_not_clash_on_the_file_conflict_dialog() -> None:
    messages = {name: vi for name, _en, vi in isl_pairs("Messages")}
    for group in (
        ("FileExistsOverwriteExisting", "FileExistsKeepExisting", "FileExistsOverwriteOrKeepAll"),
        ("ButtonYes", "ButtonYesToAll", "ButtonNo", "ButtonNoToAll"),
    ):
        keys = [messages[name].split("&", 1)[1][0].lower() for name in group]
        assert len(set(keys)) == len(keys), group
