"""Dates and counts as clerks write them: 15/09/2021, 15/9/21, 2021-09-15; 1.234 people.

One parser for the entry dialog, the spreadsheet import and the command line, so a date or
a count that one of them accepts, all of them accept.
"""

from __future__ import annotations

import datetime as dt
import re

_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_COMPACT = re.compile(r"^(\d{2})(\d{2})(\d{4})$")  # 15092021, as typed on a number pad
# A count: plain digits, or digits grouped by thousands with "." (Vietnamese), "," or a space.
_COUNT = re.compile(r"^\d+$|^\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*$")


def parse_date(text: str) -> dt.date | None:
    """A date from dd/mm/yyyy (also d/m/yy, dd.mm.yyyy, dd-mm-yyyy, ddmmyyyy) or yyyy-mm-dd.

    Returns None when *text* is not a date (the caller words the message for its context).
    Two-digit years are 20yy: the app records activities from 2020 on.
    """
    text = text.strip()
    if match := _ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DMY.match(text) or _COMPACT.match(text):
        day, month, year = (int(part) for part in match.groups())
        if year < 100:
            year += 2000
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def format_date(day: dt.date) -> str:
    """dd/mm/yyyy, the administrative format."""
    return day.strftime("%d/%m/%Y")


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a calendar month."""
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def parse_count(text: str) -> int | None:
    """A non-negative whole number as typed or exported: "25", "1.234", "1 234"; "" is 0.

    Returns None for anything else ("-3", "2,5", "abc"), so the caller can say so.
    """
    text = text.strip()
    if not text:
        return 0
    if not _COUNT.match(text):
        return None
    return int(re.sub(r"[.,\s]", "", text))
