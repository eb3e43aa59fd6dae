"""Spreadsheet files in and out: CSV (UTF-8 with or without BOM, comma or semicolon) and XLSX.

One reader and one writer for every import/export (activities, venues…). Readers return
the rows with their row numbers as the user sees them in Excel (header = row 1), so errors
can name the row. Headers are matched by code or by label, accents and case ignored.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.text import clean, fold
from quynhnhai_desktop.store.files import atomic_write_bytes, atomic_write_with

SUFFIXES = (".csv", ".xlsx")
MAX_ROWS = 200_000


@dataclass(frozen=True)
class Row:
    number: int  # as Excel shows it: the header is row 1, the first data row is row 2
    values: dict[str, str]  # column code → cleaned text ("" when empty)


@dataclass
class RowProblem:
    """One bad row: where, and a translatable reason."""

    row: int
    error: UserError


@dataclass
class Table:
    columns: list[str]  # column codes, in file order (unknown headers dropped)
    rows: list[Row] = field(default_factory=list)


class ImportRefused(UserError):
    """The file has bad rows: nothing was imported. ``problems`` lists every one."""

    def __init__(self, problems: list[RowProblem]) -> None:
        super().__init__(
            "tabular",
            QT_TRANSLATE_NOOP(
                "tabular",
                "{count} row(s) have errors; nothing was imported. Fix them and try again.",
            ),
            count=len({problem.row for problem in problems}),  # rows, not problems
        )
        self.problems = problems


@dataclass(frozen=True)
class ProblemGroup:
    """One distinct problem and every row that has it (600 rows naming one unknown team
    are one line, not 600)."""

    error: UserError
    rows: tuple[int, ...]

    @property
    def ranges(self) -> str:
        return row_ranges(self.rows)


def group_problems(problems: Iterable[RowProblem]) -> list[ProblemGroup]:
    """The distinct problems, in the order of the first row each appears on."""
    groups: dict[tuple[object, ...], tuple[UserError, list[int]]] = {}
    for problem in sorted(problems, key=lambda p: p.row):
        error = problem.error
        key = (
            error.context,
            error.template,
            tuple(sorted((k, str(v)) for k, v in error.params.items())),
        )
        groups.setdefault(key, (error, []))[1].append(problem.row)
    return [ProblemGroup(error, tuple(dict.fromkeys(rows))) for error, rows in groups.values()]


def row_ranges(rows: Iterable[int]) -> str:
    """Row numbers as a clerk reads them: "2–5, 9, 12–601"."""
    numbers = sorted(set(rows))
    spans: list[str] = []
    start = previous = None
    for number in [*numbers, None]:
        if number is not None and previous is not None and number == previous + 1:
            previous = number
            continue
        if start is not None:
            spans.append(str(start) if start == previous else f"{start}–{previous}")
        start = previous = number
    return ", ".join(spans)


def _error(template: str, **params: object) -> UserError:
    return UserError("tabular", template, **params)


def read_table(path: Path, headers: Mapping[str, str], *, required: Iterable[str] = ()) -> Table:
    """Read *path* and map its header cells to codes through *headers* (folded label → code).

    Raises UserError for an unreadable file, an unknown format or a missing required column.
    Columns whose header is not known are ignored.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise _error(
            QT_TRANSLATE_NOOP("tabular", "Choose a .csv or .xlsx file (got “{name}”)."),
            name=path.name,
        )
    try:
        raw_rows = _read_xlsx(path) if suffix == ".xlsx" else _read_csv(path)
    except (
        OSError,
        UnicodeDecodeError,
        csv.Error,
        ValueError,
        KeyError,
        zipfile.BadZipFile,
    ) as exc:
        raise _error(
            QT_TRANSLATE_NOOP("tabular", "Cannot read “{name}”: {reason}"),
            name=path.name,
            reason=str(exc),
        ) from exc
    if not raw_rows:
        raise _error(QT_TRANSLATE_NOOP("tabular", "The file “{name}” is empty."), name=path.name)
    folded = {fold(key): code for key, code in headers.items()}
    positions: dict[str, int] = {}
    for index, cell in enumerate(raw_rows[0]):
        code = folded.get(fold(clean(cell)))
        if code is not None and code not in positions:
            positions[code] = index
    missing = [code for code in required if code not in positions]
    if missing:
        raise _error(
            QT_TRANSLATE_NOOP("tabular", "The file has no column {columns}."),
            columns=", ".join(missing),
        )
    if len(raw_rows) > MAX_ROWS:
        raise _error(
            QT_TRANSLATE_NOOP("tabular", "The file has more than {max} rows; split it."),
            max=MAX_ROWS,
        )
    table = Table(columns=list(positions))
    for number, cells in enumerate(raw_rows[1:], start=2):
        values = {
            code: clean(cells[index]) if index < len(cells) else ""
            for code, index in positions.items()
        }
        if any(values.values()):  # blank lines in a spreadsheet are not rows
            table.rows.append(Row(number, values))
    return table


def _read_csv(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")  # with or without BOM
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def _read_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        rows: list[list[str]] = []
        for values in sheet.iter_rows(values_only=True):
            cells = []
            for value in values:
                if value is None:
                    cells.append("")
                elif isinstance(value, dt.datetime | dt.date):
                    day = value.date() if isinstance(value, dt.datetime) else value
                    cells.append(day.strftime("%d/%m/%Y"))
                elif isinstance(value, float) and value.is_integer():
                    cells.append(str(int(value)))
                else:
                    cells.append(str(value))
            rows.append(cells)
        return rows
    finally:
        workbook.close()


def write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write a header row and *rows* to .csv (UTF-8 with BOM, for Excel) or .xlsx, atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
        atomic_write_bytes(path, buffer.getvalue().encode("utf-8-sig"))
    elif suffix == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        workbook = Workbook(write_only=False)
        sheet = workbook.active
        assert sheet is not None
        sheet.append(list(header))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(list(row))
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, dt.date):  # openpyxl would show yyyy-mm-dd
                    cell.number_format = "DD/MM/YYYY"
        sheet.freeze_panes = "A2"
        atomic_write_with(path, workbook.save)
    else:
        raise _error(
            QT_TRANSLATE_NOOP("tabular", "Choose a .csv or .xlsx file (got “{name}”)."),
            name=path.name,
        )
