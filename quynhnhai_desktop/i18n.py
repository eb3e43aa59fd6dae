"""Translation with Qt Linguist, for the GUI and the CLI alike.

Source strings are English; resources/translations holds the Vietnamese .ts (committed) and
.qm (compiled by build/gen.py). ``qt_vi`` covers Qt's own buttons and dialogs, for which Qt
ships no Vietnamese. With a Qt application (the window) the .qm files are installed into
Qt, so Qt's own widgets use them too; without one (the CLI) they are read here, in plain
Python, and Qt is never imported: a command does not pay for loading Qt (start-up time).
"""

from __future__ import annotations

import logging
import struct
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from quynhnhai_desktop.config import resource
from quynhnhai_desktop.domain.errors import UserError

if TYPE_CHECKING:
    from PySide6.QtCore import QLocale

log = logging.getLogger(__name__)

Lang = Literal["vi", "en"]
LANGUAGES: tuple[Lang, ...] = ("vi", "en")
DEFAULT_LANG: Lang = "vi"
CATALOG_FILES = ("qt", "quynhnhai")

_installed: list[Any] = []  # QTranslators installed into the running Qt application
_tables: list[dict[tuple[str, str], str]] = []  # the same files read without Qt
_lang: Lang = DEFAULT_LANG


def _qt_core() -> Any:
    """PySide6.QtCore when something has imported it already, else None (never imports it)."""
    return sys.modules.get("PySide6.QtCore")


def _has_app() -> bool:
    core = _qt_core()
    return core is not None and core.QCoreApplication.instance() is not None


def install(lang: Lang) -> None:
    """Switch the language; callable again at run time (the GUI's language switch).

    With an application instance the files are installed into Qt; without one (the CLI)
    they are read into tables that :func:`translate` looks in. English is the source
    language: no file loads.
    """
    global _lang
    core = _qt_core()
    has_app = _has_app()
    for translator in _installed if has_app else ():
        core.QCoreApplication.removeTranslator(translator)
    _installed.clear()
    _tables.clear()
    _lang = lang
    if core is not None:  # Qt formats numbers and dates in the chosen language
        core.QLocale.setDefault(qt_locale())
    if lang == "en":
        return
    for name in CATALOG_FILES:
        path = resource("translations", f"{name}_{lang}.qm")
        if has_app:
            translator = core.QTranslator()
            if not translator.load(str(path)):
                log.error("translation file missing or unreadable: %s", path)
                continue
            _installed.append(translator)
            core.QCoreApplication.installTranslator(translator)
            continue
        try:
            _tables.append(read_qm(path))
        except (OSError, ValueError):
            log.exception("translation file missing or unreadable: %s", path)


def current_lang() -> Lang:
    return _lang


def qt_locale() -> QLocale:
    """Qt's locale for the current language (Vietnamese or British English)."""
    from PySide6.QtCore import QLocale

    if _lang == "vi":
        return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def translate(context: str, text: str) -> str:
    """Translate *text* in *context*; fill ``{name}`` fields with ``.format()`` afterwards.

    Call it with two literal strings, ``i18n.translate("cli", "…")``: that is the form Qt's
    lupdate collects into the .ts file (it does not see calls with more arguments).
    """
    if _has_app():
        return str(_qt_core().QCoreApplication.translate(context, text))
    for table in reversed(_tables):  # the last loaded wins, as in Qt
        found = table.get((context, text))
        if found:
            return found
    return text


def message(error: UserError) -> str:
    """The user-facing text of a core error, in the current language."""
    return translate(error.context, error.template).format(**error.params)


# -- the .qm format, as far as QTranslator reads it for translate(context, text) --------------

_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_QM_MESSAGES = 0x69  # the section of message records (others: hashes, contexts, language)
_TAG_END, _TAG_TRANSLATION, _TAG_OBSOLETE1 = 1, 3, 5
_TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT = 6, 7, 8


def read_qm(path: Path) -> dict[tuple[str, str], str]:
    """(context, source text) → translation, for the messages without a disambiguation
    comment (the app never passes one); the first form of a plural message."""
    data = path.read_bytes()
    if not data.startswith(_QM_MAGIC):
        raise ValueError(f"not a .qm file: {path}")
    pos, messages = len(_QM_MAGIC), b""
    while pos + 5 <= len(data):
        tag, size = data[pos], struct.unpack_from(">I", data, pos + 1)[0]
        if tag == _QM_MESSAGES:
            messages = data[pos + 5 : pos + 5 + size]
        pos += 5 + size
    table: dict[tuple[str, str], str] = {}
    record: dict[int, bytes] = {}
    translation: str | None = None
    pos = 0
    while pos < len(messages):
        tag = messages[pos]
        pos += 1
        if tag == _TAG_END:
            if translation is not None and not record.get(_TAG_COMMENT):
                context = record.get(_TAG_CONTEXT, b"").decode("utf-8")
                source = record.get(_TAG_SOURCE, b"").decode("utf-8")
                table.setdefault((context, source), translation)
            record, translation = {}, None
            continue
        if tag == _TAG_OBSOLETE1:
            pos += 4
            continue
        size = struct.unpack_from(">I", messages, pos)[0]
        pos += 4
        if size == 0xFFFFFFFF:  # a null string
            continue
        value = messages[pos : pos + size]
        pos += size
        if tag == _TAG_TRANSLATION:
            if translation is None:
                translation = value.decode("utf-16-be")
        else:
            record[tag] = value
    return table
