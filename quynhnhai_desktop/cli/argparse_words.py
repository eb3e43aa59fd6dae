"""argparse's own words — "usage:", "options", its error lines — in the user's language.

argparse asks :mod:`gettext` for every word it prints, through the module-level names
``_`` and ``ngettext``; we point those at our Qt Linguist catalogue, so ``--help`` and a
mistyped command read in Vietnamese like the rest of the command line. The messages are
listed here for lupdate (context ``argparse``); anything argparse says that is not listed
stays as it was.
"""

from __future__ import annotations

import argparse

from quynhnhai_desktop import i18n
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP

CONTEXT = "argparse"

# What a user can see: the help layout and the errors of a mistyped command. (argparse's
# other messages are for programmers who misuse it.)
MESSAGES = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
)


def _gettext(message: str) -> str:
    return i18n.translate(CONTEXT, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    return i18n.translate(CONTEXT, singular if count == 1 else plural)


def install() -> None:
    """From now on argparse speaks the language :func:`i18n.install` chose."""
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
