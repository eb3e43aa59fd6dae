"""Translation with Qt Linguist, for the GUI and the CLI alike.

Source strings are English; resources/translations holds the Vietnamese .ts (committed) and
.qm (compiled by build/gen.py). ``qt_vi`` covers Qt's own buttons and dialogs, for which Qt
ships no Vietnamese. Only QtCore is imported here, so the CLI stays light.
"""

from __future__ import annotations

import logging
from typing import Literal

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from quynhnhai_desktop.config import resource
from quynhnhai_desktop.domain.errors import UserError

log = logging.getLogger(__name__)

Lang = Literal["vi", "en"]
LANGUAGES: tuple[Lang, ...] = ("vi", "en")
DEFAULT_LANG: Lang = "vi"
CATALOG_FILES = ("qt", "quynhnhai")

_loaded: list[QTranslator] = []
_lang: Lang = DEFAULT_LANG


def install(lang: Lang) -> None:
    """Switch the language; callable again at run time (the GUI's language switch).

    Without an application instance (the CLI) the files are only loaded and :func:`tr`
    asks them directly; with one, they are installed so Qt's own widgets use them too.
    English is the source language: no file loads.
    """
    global _lang
    has_app = QCoreApplication.instance() is not None
    for translator in _loaded if has_app else ():
        QCoreApplication.removeTranslator(translator)
    _loaded.clear()
    _lang = lang
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
        if lang == "vi"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    if lang == "en":
        return
    for name in CATALOG_FILES:
        translator = QTranslator()
        path = resource("translations", f"{name}_{lang}.qm")
        if not translator.load(str(path)):
            log.error("translation file missing or unreadable: %s", path)
            continue
        _loaded.append(translator)
        if has_app:
            QCoreApplication.installTranslator(translator)


def current_lang() -> Lang:
    return _lang


def translate(context: str, text: str) -> str:
    """Translate *text* in *context*; fill ``{name}`` fields with ``.format()`` afterwards.

    Call it with two literal strings, ``i18n.translate("cli", "…")``: that is the form Qt's
    lupdate collects into the .ts file (it does not see calls with more arguments).
    """
    if QCoreApplication.instance() is not None:
        return QCoreApplication.translate(context, text)
    for translator in reversed(_loaded):  # the last loaded wins, as in Qt
        found = translator.translate(context, text)
        if found:
            return found
    return text


def message(error: UserError) -> str:
    """The user-facing text of a core error, in the current language."""
    return translate(error.context, error.template).format(**error.params)
