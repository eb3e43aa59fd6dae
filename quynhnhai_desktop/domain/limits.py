"""The limits every value meets wherever it enters or leaves: one definition of each.

What the entry dialog, the spreadsheet importers, the report package's schema and the
exporters accept is the same, so nothing accepted at the door can later block an export or a
report (a count the package refuses, a control character openpyxl cannot write, a date the
district report cannot place in a day).

- **Counts**: whole numbers from 0 to :data:`MAX_COUNT` in one activity; sums of a report's
  activities up to :data:`MAX_TOTAL` (a report holds at most :data:`MAX_ACTIVITIES` rows).
- **Text**: no control characters (C0 except tab and line breaks, DEL, C1). They are
  *refused*, not silently removed: the message names the field (or the row and column), so
  the clerk knows which text to retype. Tab and line breaks are blanks; one-line fields
  collapse them when the text is cleaned (:func:`domain.text.clean`), as they do the
  controls Python counts as blanks (VT, FF, U+001C–U+001F, U+0085): those are cleaned, not
  refused.
- **Dates and moments**: days from :data:`FIRST_DAY` to :data:`LAST_DAY`; moments (when a
  file was made) carry a time zone and fall in the same range.
"""

from __future__ import annotations

import datetime as dt
import re

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError

MAX_COUNT = 10_000_000
MAX_ACTIVITIES = 50_000
MAX_TOTAL = MAX_COUNT * MAX_ACTIVITIES

FIRST_DAY = dt.date(2020, 1, 1)
LAST_DAY = dt.date(2099, 12, 31)
FIRST_MOMENT = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
LAST_MOMENT = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)

# C0 controls other than tab, line feed and carriage return; DEL; the C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def count_ok(value: int) -> bool:
    """*value* is a count one activity may hold."""
    return 0 <= value <= MAX_COUNT


def first_control(text: str) -> str | None:
    """The first control character of *text* (as ``U+0007``), or None when it has none."""
    found = _CONTROL.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def strip_controls(text: str) -> str:
    """*text* without control characters: what a writer does with data stored before the
    limits existed (an older database), never what the door does."""
    return _CONTROL.sub("", text)


def day_ok(day: dt.date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def moment_ok(moment: dt.datetime) -> bool:
    """A moment with a time zone, between FIRST_MOMENT and LAST_MOMENT."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return False
    return FIRST_MOMENT <= moment < LAST_MOMENT


def count_error(value: int) -> UserError:
    """A count past MAX_COUNT. Short, and naming the value rather than the field: the
    dialog shows it beside the field, an import beside the row's number."""
    return UserError(
        "limits",
        QT_TRANSLATE_NOOP("limits", "{value} is too large: at most {max} in one activity."),
        value=value,
        max=f"{MAX_COUNT:,}".replace(",", "."),
    )


def control_error(label: str, char: str) -> UserError:
    """The text of *label* holds an invisible control character (often pasted)."""
    return UserError(
        "limits",
        QT_TRANSLATE_NOOP(
            "limits",
            "“{field}” contains an invisible control character ({char}), perhaps copied from "
            "another program. Delete the text and type it again.",
        ),
        field=label,
        char=char,
    )
