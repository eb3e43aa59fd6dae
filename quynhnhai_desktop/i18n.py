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
_tables: list[QmCatalog] = []  # the same files read without Qt
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
_QM_HASHES = 0x42  # (hash of the source text, offset of its record), sorted by hash
_QM_MESSAGES = 0x69  # the section of message records (others: contexts, language)
_TAG_END, _TAG_TRANSLATION, _TAG_OBSOLETE1 = 1, 3, 5
_TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT = 6, 7, 8


def _elf_hash(text: bytes) -> int:
    """Qt's hash of a message's source text (and empty comment), as in QTranslator."""
    h = 0
    for byte in text:
        h = (h << 4) + byte
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


class QmCatalog:
    """One .qm file, looked up as QTranslator does: the source text's hash is found in the
    file's sorted hash table and only the records under that hash are read. A command makes
    a few dozen lookups; reading all 1,100 records of the app's file took ~10 ms."""

    def __init__(self, hashes: bytes, messages: bytes) -> None:
        self._hashes = hashes
        self._messages = messages
        self._found: dict[tuple[str, str], str | None] = {}

    def __len__(self) -> int:
        return len(self._hashes) // 8

    def get(self, key: tuple[str, str]) -> str | None:
        """The translation of (context, source text) without a disambiguation comment (the
        app never passes one), the first form of a plural message; None when there is none."""
        if key not in self._found:
            self._found[key] = self._look_up(*key)
        return self._found[key]

    def _look_up(self, context: str, source: str) -> str | None:
        wanted = _elf_hash(source.encode("utf-8"))
        hashes, low, high = self._hashes, 0, len(self) - 1
        while low <= high:  # the first entry with this hash
            middle = (low + high) // 2
            if struct.unpack_from(">I", hashes, middle * 8)[0] < wanted:
                low = middle + 1
            else:
                high = middle - 1
        expected = (context.encode("utf-8"), source.encode("utf-8"))
        for index in range(low, len(self)):
            found, offset = struct.unpack_from(">II", hashes, index * 8)
            if found != wanted:
                break
            record, translation = self._record(offset)
            if translation is None or record.get(_TAG_COMMENT):
                continue
            if (record.get(_TAG_CONTEXT, b""), record.get(_TAG_SOURCE, b"")) == expected:
                return translation
        return None

    def _record(self, pos: int) -> tuple[dict[int, bytes], str | None]:
        """The fields of the message record at *pos* and its (first) translation."""
        messages = self._messages
        record: dict[int, bytes] = {}
        translation: str | None = None
        while pos < len(messages):
            tag = messages[pos]
            pos += 1
            if tag == _TAG_END:
                break
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
        return record, translation


def read_qm(path: Path) -> QmCatalog:
    """The .qm file at *path*, ready for lookups (ValueError: not a .qm file)."""
    data = path.read_bytes()
    if not data.startswith(_QM_MAGIC):
        raise ValueError(f"not a .qm file: {path}")
    pos, sections = len(_QM_MAGIC), {}
    while pos + 5 <= len(data):
        tag, size = data[pos], struct.unpack_from(">I", data, pos + 1)[0]
        sections[tag] = data[pos + 5 : pos + 5 + size]
        pos += 5 + size
    hashes = sections.get(_QM_HASHES, b"")
    if len(hashes) % 8:
        raise ValueError(f"damaged .qm file: {path}")
    return QmCatalog(hashes, sections.get(_QM_MESSAGES, b""))
