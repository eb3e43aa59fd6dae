"""Hostile files for the hostile-input suite and the refusal benchmark: spreadsheets that
are too long, too big unpacked or carry an XML bomb, text in Excel's Vietnamese encodings,
and report packages that are huge, deeply nested or signed with impossible dates.

Each builder writes one file and returns its path; big ones are cheap to make (the 1 GiB
sheet is compressed as it is written, the 2 GB package is a sparse file).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quynhnhai_desktop.domain.package import DATA, MANIFEST, SIGNATURE, Payload
from quynhnhai_desktop.services.identity import Identity
from tests.support.package_helpers import make_package

ACTIVITY_HEADER = "date,village,team,form,topics,sessions,people,note"
GOOD_ROW = "15/09/2021,Bản Nà,Đoàn Thanh niên,direct,bluezone,2,120,Họp bản"
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_SHEET_TAIL = b"</sheetData></worksheet>"


def activity_csv(path: Path, *rows: str, header: str = ACTIVITY_HEADER) -> Path:
    path.write_text("\r\n".join([header, *rows]) + "\r\n", encoding="utf-8")
    return path


def cp1258(text: str) -> bytes:
    """*text* as Excel's "CSV" on Vietnamese Windows saves it: Windows-1258, whose letters
    with a tone are a base letter (â, ơ…) followed by a combining tone mark."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        try:
            out.append(char.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append((base + "".join(c for c in parts if c in _TONES)).encode("cp1258"))
    return b"".join(out)


def many_rows_csv(path: Path, rows: int) -> Path:
    """A CSV of *rows* good activity rows (written in blocks, never whole in memory)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(ACTIVITY_HEADER + "\r\n")
        block = (GOOD_ROW + "\r\n") * 10_000
        for _ in range(rows // 10_000):
            handle.write(block)
        handle.write((GOOD_ROW + "\r\n") * (rows % 10_000))
    return path


def _workbook_bytes() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(ACTIVITY_HEADER.split(","))
    sheet.append(GOOD_ROW.split(","))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewritten_xlsx(
    path: Path,
    changes: dict[str, Callable[[bytes], bytes]] | None = None,
    *,
    write_sheet: Callable[[zipfile.ZipFile], None] | None = None,
) -> Path:
    """A sound workbook of one activity, with some of its parts rewritten."""
    changes = changes or {}
    with (
        zipfile.ZipFile(io.BytesIO(_workbook_bytes())) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if write_sheet is not None and info.filename == "xl/worksheets/sheet1.xml":
                write_sheet(target)
                continue
            content = source.read(info)
            if info.filename in changes:
                content = changes[info.filename](content)
            target.writestr(info.filename, content)
    return path


def xml_bomb_xlsx(path: Path) -> Path:
    """The first sheet declares "billion laughs" entities."""
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [' + "".join(levels) + "]>"
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        "</sheetData></worksheet>"
    ).encode()
    return rewritten_xlsx(path, {"xl/worksheets/sheet1.xml": lambda _old: bomb})


def no_worksheet_xlsx(path: Path) -> Path:
    return rewritten_xlsx(
        path, {"xl/workbook.xml": lambda old: re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", old)}
    )


def unpacking_xlsx(path: Path, unpacked: int = 1 << 30) -> Path:
    """A small workbook whose sheet unpacks to *unpacked* bytes (blanks between tags)."""

    def write_sheet(target: zipfile.ZipFile) -> None:
        with target.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(_SHEET_HEAD)
            chunk = b" " * (1 << 20)
            left = unpacked - len(_SHEET_HEAD) - len(_SHEET_TAIL)
            while left > 0:
                sheet.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
            sheet.write(_SHEET_TAIL)

    return rewritten_xlsx(path, write_sheet=write_sheet)


def sparse_file(path: Path, size: int = 2 * 1000**3) -> Path:
    """A file of *size* bytes that takes no room on disk (as `truncate -s` makes it)."""
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def _members(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def signed_package(
    identity: Identity,
    *,
    manifest: Callable[[dict[str, object]], object] | None = None,
    data: Callable[[dict[str, object]], object] | None = None,
    raw_manifest: bytes | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
    payload: Payload | None = None,
    **sound: Any,
) -> bytes:
    """A sound package (``make_package(identity, data=payload, **sound)``), changed after it
    was built and signed again by *identity* (so only the schema, not the signature, can
    refuse it)."""
    members = _members(make_package(identity, data=payload, **sound)[1])
    if data is not None:
        parsed = json.loads(members[DATA])
        data(parsed)
        members[DATA] = json.dumps(parsed).encode()
    parsed_manifest = json.loads(members[MANIFEST])
    parsed_manifest["members"][DATA] = hashlib.sha256(members[DATA]).hexdigest()  # type: ignore[index]
    if manifest is not None:
        manifest(parsed_manifest)
    members[MANIFEST] = raw_manifest or json.dumps(parsed_manifest).encode()
    members[SIGNATURE] = identity.sign(members[MANIFEST])
    return _zip(members, compression)


def deeply_nested_package(identity: Identity, depth: int = 8000) -> bytes:
    """A package whose (signed) manifest is *depth* nested brackets, stored (not deflated:
    brackets compress so well that the ratio cap would refuse them first)."""
    return signed_package(
        identity, raw_manifest=b"[" * depth + b"]" * depth, compression=zipfile.ZIP_STORED
    )


def sheet_xml_xlsx(path: Path, rows_xml: str, dimension: str = "A1:H2") -> Path:
    """A workbook whose first sheet is *rows_xml* (``<row>`` elements), inline strings."""
    sheet = (
        _SHEET_HEAD.replace(b"<sheetData>", f'<dimension ref="{dimension}"/><sheetData>'.encode())
        + rows_xml.encode()
        + _SHEET_TAIL
    )
    return rewritten_xlsx(path, {"xl/worksheets/sheet1.xml": lambda _old: sheet})


def inline_row(number: int, values: list[str], first_column: int = 1) -> str:
    from openpyxl.utils import get_column_letter

    cells = "".join(
        f'<c r="{get_column_letter(first_column + i)}{number}" t="inlineStr">'
        f"<is><t>{value}</t></is></c>"
        for i, value in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'
