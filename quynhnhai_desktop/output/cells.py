"""Spreadsheet cells that hold text stay text: the one formula-safe rule for every XLSX.

openpyxl turns any string that starts with ``=`` into a live formula, and Excel evaluates
a cell starting with ``+ - @`` (or a tab or carriage return) typed in again. Imported text
(a note, a commune's proposals) is written as a string cell with Excel's quote prefix, so it
prints and re-imports exactly as it was (OWASP's CSV-injection rule, done the XLSX way).
"""

from __future__ import annotations

from typing import Any

from quynhnhai_desktop.domain.limits import strip_controls
from quynhnhai_desktop.domain.text import formula_like


def text_cell(cell: Any) -> Any:
    """Make an openpyxl cell holding a string a plain text cell, never a formula.

    Control characters (only in data stored before the limits existed) are dropped:
    openpyxl cannot write them.
    """
    if isinstance(cell.value, str) or cell.data_type == "f":
        text = strip_controls(str(cell.value))
        if text != cell.value:
            cell.value = text
        cell.data_type = "s"
        if formula_like(text):
            cell.quotePrefix = True
    return cell


def safe_value(value: object) -> object:
    """*value* as it may be handed to openpyxl (a string without control characters)."""
    return strip_controls(value) if isinstance(value, str) else value
