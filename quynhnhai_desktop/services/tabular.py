"""Spreadsheet files in and out: CSV and XLSX, for every import and export (activities, venues…).

Readers return the rows with their row numbers as the user sees them in Excel (header = row
1), so errors can name the row. Headers are matched by code or by label, accents and case
ignored. Files are hostile until read:

- **bounded**: a CSV is refused by its size before reading and read row by row; an XLSX is
  refused from its zip directory when it would unpack to more than :data:`MAX_UNPACKED`
  bytes, then read streaming (openpyxl ``read_only``); the data rows are counted as they
  arrive and reading stops at the first row past :data:`MAX_ROWS` (the header does not
  count, blank rows do not count);
- **safe XML**: openpyxl parses through defusedxml (a pinned dependency), so an entity bomb
  is refused;
- **encodings** of a CSV from Excel: UTF-8 with or without BOM, UTF-16 with its BOM (LE or
  BE, Excel's "Unicode text", tab-separated), and Windows-1258 (Excel's "CSV" on Vietnamese
  Windows: its tone marks are combining, every cell is normalised to NFC); anything else is
  refused with how to save as "CSV UTF-8";
- **at the door**: a cell with a control character is a bad row (domain.limits).

Writers are formula-safe (OWASP's CSV-injection rule): a text that starts with ``= + - @``,
a tab or a carriage return is written as text in XLSX (a string cell with Excel's quote
prefix, never a formula) and with a leading ``'`` in CSV; the readers drop that ``'`` again,
so an export re-imports to the same text.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import logging
import zipfile
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.limits import control_error, first_control, strip_controls
from quynhnhai_desktop.domain.text import TEXT_PREFIX, clean, csv_safe, fold, unquote
from quynhnhai_desktop.output.cells import safe_value, text_cell
from quynhnhai_desktop.store.files import atomic_write_with, atomic_writer

log = logging.getLogger(__name__)

SUFFIXES = (".csv", ".xlsx")
MAX_ROWS = 200_000  # data rows (the header is not one)
MAX_CSV_BYTES = 256 * 1024 * 1024
MAX_XLSX_BYTES = 64 * 1024 * 1024  # the file itself
MAX_UNPACKED = 256 * 1024 * 1024  # what its members unpack to, from the zip directory
MAX_XLSX_MEMBERS = 10_000
# openpyxl streams worksheets but holds the shared strings and the styles whole in memory.
MAX_SHARED_STRINGS = 32 * 1024 * 1024
MAX_OTHER_PART = 16 * 1024 * 1024  # styles, workbook, relationships…
MAX_COLUMNS = 64  # read from a worksheet; a table's columns are further left
EXCEL_MAX_ROW = 1_048_576  # a worksheet row number past Excel's last row is not read
_SNIFF_BYTES = 64 * 1024
_MAX_LINE = 1024 * 1024  # characters in one line of a CSV: no table has such lines

# Rows read so far (called every few thousand rows while a file is read): the window shows
# it and cancels by raising from it.
ReadProgress = Callable[[int], None]
_PROGRESS_EVERY = 2000
_CELLS_KEPT = 50_000  # distinct cell texts a read remembers cleaned


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
    problems: list[RowProblem] = field(default_factory=list)  # cells refused at the door


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


def _too_many_rows() -> UserError:
    return _error(
        QT_TRANSLATE_NOOP("tabular", "The file has more than {max} rows; split it."),
        max=f"{MAX_ROWS:,}".replace(",", "."),
    )


def _damaged(name: str) -> UserError:
    return _error(
        QT_TRANSLATE_NOOP(
            "tabular",
            "Cannot read “{name}”: it is damaged or not an Excel workbook. Open it in Excel, "
            "save it again as .xlsx, and try again.",
        ),
        name=name,
    )


def _not_utf8(name: str) -> UserError:
    return _error(
        QT_TRANSLATE_NOOP(
            "tabular",
            "Cannot read the letters of “{name}”. In Excel choose File › Save As, the type "
            "“CSV UTF-8 (Comma delimited) (*.csv)”, save, and import that file.",
        ),
        name=name,
    )


def read_table(
    path: Path,
    headers: Mapping[str, str],
    *,
    required: Iterable[str] = (),
    progress: ReadProgress | None = None,
) -> Table:
    """Read *path* and map its header cells to codes through *headers* (folded label → code).

    Raises UserError for an unreadable, too large or unknown file or a missing required
    column. Columns whose header is not known are ignored. A cell with a control character
    is listed in ``Table.problems`` (its row is left out), so the caller refuses the file
    naming every such row beside its own problems.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise _error(
            QT_TRANSLATE_NOOP("tabular", "Choose a .csv or .xlsx file (got “{name}”)."),
            name=path.name,
        )
    try:
        if suffix == ".xlsx":  # text cells are literal: no ' to remove
            return _table(path, _xlsx_rows(path), headers, required, progress, quoted=False)
        encoding = _csv_encoding(path)
        progress = _furthest(progress)
        count_first = _more_lines_than_the_cap(path)  # else the read counts the cap itself
        try:
            if count_first:
                _count_csv_rows(path, encoding)  # keeps nothing: refuse before building
            return _table(path, _csv_rows(path, encoding), headers, required, progress)
        except UnicodeDecodeError:
            if encoding != "utf-8":
                raise
            # Plain ASCII at first, then Windows-1258 letters: read again as such.
            if count_first:
                _count_csv_rows(path, "cp1258")
            return _table(path, _csv_rows(path, "cp1258"), headers, required, progress)
    except UnicodeError:
        raise _not_utf8(path.name) from None
    except csv.Error:
        raise _error(
            QT_TRANSLATE_NOOP(
                "tabular",
                "Cannot read “{name}”: it is not a CSV table. Save it from Excel as "
                "“CSV UTF-8 (Comma delimited) (*.csv)” and try again.",
            ),
            name=path.name,
        ) from None
    except OSError as exc:
        raise _error(
            QT_TRANSLATE_NOOP("tabular", "Cannot read “{name}”: {reason}"),
            name=path.name,
            reason=exc.strerror or type(exc).__name__,
        ) from exc


def _furthest(progress: ReadProgress | None) -> ReadProgress | None:
    """*progress*, told only counts past the furthest told (a file read again is not
    heard going back)."""
    if progress is None:
        return None
    furthest = 0

    def told(count: int) -> None:
        nonlocal furthest
        if count > furthest:
            furthest = count
            progress(count)

    return told


def _table(
    path: Path,
    raw_rows: Generator[tuple[int, list[str]], None, None],
    headers: Mapping[str, str],
    required: Iterable[str],
    progress: ReadProgress | None,
    *,
    quoted: bool = True,
) -> Table:
    with contextlib.closing(raw_rows):  # a refusal half-way closes the file at once
        return _table_of(path, raw_rows, headers, required, progress, quoted)


def _table_of(
    path: Path,
    raw_rows: Generator[tuple[int, list[str]], None, None],
    headers: Mapping[str, str],
    required: Iterable[str],
    progress: ReadProgress | None,
    quoted: bool,
) -> Table:
    as_meant = unquote if quoted else str  # the header's cells
    first = next(raw_rows, None)
    if first is None:
        raise _error(QT_TRANSLATE_NOOP("tabular", "The file “{name}” is empty."), name=path.name)
    header = first[1]
    folded = {fold(key): code for key, code in headers.items()}
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        code = folded.get(fold(clean(as_meant(cell))))
        if code is not None and code not in positions:
            positions[code] = index
    missing = [code for code in required if code not in positions]
    if missing:
        raise _error(
            QT_TRANSLATE_NOOP("tabular", "The file has no column {columns}."),
            columns=", ".join(missing),
        )
    titles = {code: clean(header[index]) for code, index in positions.items()}
    table = Table(columns=list(positions))
    count = 0
    read = _Cells(quoted)
    columns = list(positions.items())
    needed = max(positions.values(), default=-1) + 1  # a row this wide has every cell
    for number, cells in raw_rows:
        if len(cells) >= needed:
            values = {code: read[cells[index]] for code, index in columns}
        else:
            width = len(cells)
            values = {code: read[cells[index]] if index < width else "" for code, index in columns}
        if not any(values.values()):  # blank lines in a spreadsheet are not rows
            continue
        count += 1
        if count > MAX_ROWS:
            raise _too_many_rows()
        if progress is not None and count % _PROGRESS_EVERY == 0:
            progress(count)
        if first_control("".join(values.values())):  # rare: then find the cell, for its title
            code, char = next(
                (code, char) for code, text in values.items() if (char := first_control(text))
            )
            table.problems.append(RowProblem(number, control_error(titles[code], char)))
            continue
        table.rows.append(Row(number, values))
    return table


class _Cells(dict[str, str]):
    """A cell as read (``cells[text]``): cleaned, and without the ``'`` an export put before
    ``=…`` when *quoted* (CSV). Each distinct text is cleaned once: a table repeats its
    names, labels, dates and counts in thousands of rows (empty cells, most of a table,
    cost nothing); past _CELLS_KEPT distinct texts (notes) the others are cleaned each time."""

    def __init__(self, quoted: bool) -> None:
        super().__init__({"": ""})
        self._quoted = quoted

    def __missing__(self, text: str) -> str:
        read = text
        if self._quoted and text.startswith(TEXT_PREFIX):
            read = unquote(text)
        read = clean(read)
        if len(self) < _CELLS_KEPT:
            self[text] = read
        return read


# -- CSV --------------------------------------------------------------------------------


def _csv_encoding(path: Path) -> str:
    """The file's encoding from its BOM, else UTF-8 if its start decodes so, else cp1258."""
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise _error(
            QT_TRANSLATE_NOOP(
                "tabular", "The file “{name}” is too large ({size} MB, at most {max} MB); split it."
            ),
            name=path.name,
            size=size // (1024 * 1024),
            max=MAX_CSV_BYTES // (1024 * 1024),
        )
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=len(head) < _SNIFF_BYTES)
    except UnicodeDecodeError:
        return "cp1258"
    return "utf-8"


def _csv_rows(path: Path, encoding: str) -> Generator[tuple[int, list[str]], None, None]:
    """The rows of a CSV, one at a time (never the whole file in memory)."""
    with path.open("r", encoding=encoding, newline="", errors="strict") as handle:
        first_line = handle.readline(_SNIFF_BYTES)
        delimiter = max((",", ";", "\t"), key=first_line.count)
        handle.seek(0)  # the codec skips a BOM again
        yield from enumerate(csv.reader(_lines(handle), delimiter=delimiter), start=1)


def _lines(handle: TextIO) -> Iterator[str]:
    """The file's lines, none longer than _MAX_LINE (a file without line breaks would
    otherwise be read whole as one line)."""
    while line := handle.readline(_MAX_LINE):
        if len(line) == _MAX_LINE and not line.endswith(("\n", "\r")):
            raise csv.Error("line too long")
        yield line


def _more_lines_than_the_cap(path: Path) -> bool:
    """True when the file has more lines than the cap allows rows (a quoted cell may hold
    line breaks, so it may still be within it). Only such a file is counted before it is
    read: read in one pass, the rows up to the cap are kept before the refusal (247 MB for
    a million-row file), counted first nothing is. The newlines are counted in C."""
    lines = 0
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            lines += block.count(b"\n")
            if lines > MAX_ROWS + 1:  # the header and MAX_ROWS rows
                return True
    return False


def _count_csv_rows(path: Path, encoding: str) -> None:
    """Refuse a CSV with more than MAX_ROWS data rows, reading no further than the first
    row past the cap and keeping none of them."""
    count = -1  # the header is not a data row
    rows = _csv_rows(path, encoding)
    with contextlib.closing(rows):
        for _number, cells in rows:
            if any(cell.strip() for cell in cells):
                count += 1
                if count > MAX_ROWS:
                    raise _too_many_rows()


# -- XLSX -------------------------------------------------------------------------------


def _xlsx_rows(path: Path) -> Generator[tuple[int, list[str]], None, None]:
    """The first worksheet's rows as text, streaming, after the zip directory was checked."""
    _check_xlsx_size(path)
    import openpyxl

    if not openpyxl.DEFUSEDXML:  # defusedxml missing from the installation, or turned off
        log.error("openpyxl would parse %s without defusedxml: refused", path.name)
        raise _error(
            QT_TRANSLATE_NOOP(
                "tabular",
                "This installation cannot read Excel files safely (a part is missing). "
                "Install the app again, or import the table saved as “CSV UTF-8”.",
            )
        )
    try:
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises anything on a malformed workbook
        raise _xlsx_failure(path, exc) from None
    try:
        if not workbook.worksheets:
            raise _error(
                QT_TRANSLATE_NOOP(
                    "tabular",
                    "The workbook “{name}” has no worksheet: put the table on the first sheet.",
                ),
                name=path.name,
            )
        sheet = workbook.worksheets[0]
        try:
            # Bounded whatever the sheet declares: never past Excel's last row, never wider
            # than MAX_COLUMNS (openpyxl pads every row to the sheet's stated width and
            # fills the rows a sheet skips). Blank rows are skipped here, cheaply.
            rows = sheet.iter_rows(max_row=EXCEL_MAX_ROW, max_col=MAX_COLUMNS, values_only=True)
            for number, values in enumerate(rows, start=1):
                if any(value is not None for value in values):
                    yield number, [_xlsx_text(value) for value in values]
        except UserError:
            raise
        except Exception as exc:  # a damaged or hostile sheet part, met while streaming
            raise _xlsx_failure(path, exc) from None
    finally:
        workbook.close()


def _xlsx_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        return day.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _check_xlsx_size(path: Path) -> None:
    """Refuse from the zip directory alone: too big a file, too many or too big members."""
    too_large = _error(
        QT_TRANSLATE_NOOP(
            "tabular",
            "The workbook “{name}” is too large to import (at most {max} MB unpacked); split "
            "it into smaller files.",
        ),
        name=path.name,
        max=MAX_UNPACKED // (1024 * 1024),
    )
    if path.stat().st_size > MAX_XLSX_BYTES:
        raise too_large
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise _damaged(path.name) from None
    if len(infos) > MAX_XLSX_MEMBERS or sum(info.file_size for info in infos) > MAX_UNPACKED:
        raise too_large
    for info in infos:
        name = info.filename.lower()
        if name.startswith("xl/worksheets/"):
            continue  # streamed: only the total counts
        cap = MAX_SHARED_STRINGS if name.endswith("sharedstrings.xml") else MAX_OTHER_PART
        if info.file_size > cap:
            raise too_large


def _xlsx_failure(path: Path, exc: Exception) -> UserError:
    if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile):
        return _error(
            QT_TRANSLATE_NOOP("tabular", "Cannot read “{name}”: {reason}"),
            name=path.name,
            reason=exc.strerror or type(exc).__name__,
        )
    causes: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and len(causes) < 10:  # openpyxl wraps the parser's error
        causes.append(cause)
        cause = cause.__cause__ or cause.__context__
    if any(type(c).__module__.startswith("defusedxml") for c in causes):
        log.warning("refused %s: %r", path.name, exc)
        return _error(
            QT_TRANSLATE_NOOP(
                "tabular",
                "The workbook “{name}” holds XML that this app does not read (entity "
                "declarations). Open it in Excel, save it again as .xlsx, and try again.",
            ),
            name=path.name,
        )
    log.warning("cannot read %s", path.name, exc_info=exc)
    return _damaged(path.name)


# -- writing ----------------------------------------------------------------------------


def csv_cell(value: object) -> object:
    """A value as written to CSV: a formula-like text gets the ``'`` prefix."""
    return csv_safe(strip_controls(value)) if isinstance(value, str) else value


def write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write a header row and *rows* to .csv (UTF-8 with BOM, for Excel) or .xlsx, atomically.

    The rows stream into the file (openpyxl's write-only mode): memory stays flat however
    many there are. Returns how many rows were written."""
    path = Path(path)
    suffix = path.suffix.lower()
    written = 0
    if suffix == ".csv":
        with atomic_writer(path) as handle:
            text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow([csv_cell(value) for value in header])
            for row in rows:
                writer.writerow([csv_cell(value) for value in row])
                written += 1
            text.flush()
            text.detach()  # the atomic writer closes the file itself
        return written
    elif suffix == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)

        def cell(value: object, *, font: Font | None = None) -> WriteOnlyCell:
            made = WriteOnlyCell(sheet, value=safe_value(value))
            if font is not None:
                made.font = font
            if isinstance(made.value, dt.date):  # openpyxl would show yyyy-mm-dd
                made.number_format = "DD/MM/YYYY"
            text_cell(made)
            return made

        sheet.append([cell(value, font=bold) for value in header])
        for row in rows:
            sheet.append([cell(value) for value in row])
            written += 1
        atomic_write_with(path, workbook.save)
        return written
    else:
        raise _error(
            QT_TRANSLATE_NOOP("tabular", "Choose a .csv or .xlsx file (got “{name}”)."),
            name=path.name,
        )
