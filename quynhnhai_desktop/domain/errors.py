"""Errors a user can act on, with messages that can be translated where they are shown.

The core never imports Qt, so it cannot translate; it marks its messages with
:func:`QT_TRANSLATE_NOOP` (which Qt's lupdate collects) and the CLI or GUI translates them
with :func:`quynhnhai_desktop.i18n.message`.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark *source* for translation in *context* without translating it here."""
    return source


class UserError(Exception):
    """Something the user can fix: bad input, a missing set-up, a refused file.

    *template* is an English source string marked with QT_TRANSLATE_NOOP in *context*;
    *params* fill its ``{name}`` fields after translation.
    """

    def __init__(self, context: str, template: str, **params: Any) -> None:
        self.context = context
        self.template = template
        self.params = params
        super().__init__(self.english())

    def english(self) -> str:
        return self.template.format(**self.params)
