"""The one hardened reader (and writer) of the signed zips that cross the USB stick: the
report package (.qnbc) and the campaign file (.qncampaign).

A file is hostile until proven sound. It is refused by its size before it is read (and
never more than the cap read, should it grow meanwhile); it is never extracted to disk;
it holds exactly the expected member names, each capped and never read past its cap
whatever the header claims, with a bounded compression ratio and no encryption; JSON
nested deeper than the format needs is refused by a scan of its bytes before any parser
sees it; the manifest is signed by the key it names (who that key belongs to is the
caller's question). Each format words its own refusals (:class:`Rules`).
"""

from __future__ import annotations

import io
import json
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.services.identity import Identity, verify

# A fixed timestamp inside the zip keeps the same content byte-identical on every export.
ZIP_TIME = (2020, 1, 1, 0, 0, 0)
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"


@dataclass(frozen=True)
class Rules:
    """What one format allows, and how it words a refusal (each a UserError to raise)."""

    caps: Mapping[str, int]  # member name → its largest size; exactly these members
    max_file_bytes: int
    max_ratio: int  # JSON compresses ~10-20x; a bomb compresses 1000x and more
    damaged: Callable[[], UserError]  # not a zip, unreadable, or not a regular file
    too_large: Callable[[], UserError]  # the whole file
    unusual: Callable[[str], UserError]  # a member too large or packed in an unusual way
    unexpected: Callable[[list[str], int], UserError]  # wrong names (odd ones, how many)


def read_path(path: Path, rules: Rules) -> bytes:
    """The bytes of the file at *path*, refused by its size before any is read. Raises
    OSError as reading does (the caller words it)."""
    path = Path(path)
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):  # a folder, a device or a pipe that would never end
        raise rules.damaged()
    if info.st_size > rules.max_file_bytes:
        raise rules.too_large()
    with path.open("rb") as handle:
        blob = handle.read(rules.max_file_bytes + 1)
    if len(blob) > rules.max_file_bytes:
        raise rules.too_large()
    return blob


def members(blob: bytes, rules: Rules) -> dict[str, bytes]:
    """Every member of the zip *blob*, checked against *rules*, read in memory."""
    if len(blob) > rules.max_file_bytes:
        raise rules.too_large()
    try:
        archive = zipfile.ZipFile(io.BytesIO(blob))
    except (zipfile.BadZipFile, ValueError, OSError, RuntimeError):
        raise rules.damaged() from None
    with archive:
        return _read_members(archive, rules)


def _read_members(archive: zipfile.ZipFile, rules: Rules) -> dict[str, bytes]:
    infos = archive.infolist()
    names = [info.filename for info in infos]
    expected = set(rules.caps)
    if len(infos) != len(expected) or set(names) != expected:
        unexpected = sorted(set(names) - expected) or sorted(expected - set(names))
        raise rules.unexpected(unexpected, len(infos))
    read: dict[str, bytes] = {}
    for info in infos:
        cap = rules.caps[info.filename]
        too_big = info.file_size > cap or (
            info.compress_size and info.file_size / info.compress_size > rules.max_ratio
        )
        if too_big or info.flag_bits & 0x1 or info.compress_type not in (0, 8):
            raise rules.unusual(info.filename)
        try:
            with archive.open(info) as stream:
                content = stream.read(cap + 1)  # never trust the header's size
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError):
            raise rules.damaged() from None
        if len(content) > cap:
            raise rules.unusual(info.filename)
        read[info.filename] = content
    return read


_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKETS = bytes(set(range(256)) - set(b"[]{}"))


def json_too_deep(raw: bytes, limit: int) -> bool:
    """*raw* (JSON) opens more than *limit* brackets at once: a cheap scan of the bytes,
    outside strings, that needs no parser and no recursion."""
    depth = 0
    for byte in _JSON_STRING.sub(b"", raw).translate(None, _NOT_BRACKETS):
        if byte in b"[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def signed_by_own_key(read: Mapping[str, bytes]) -> bool:
    """The manifest's own key (``public_key``) signed the manifest's bytes."""
    try:
        key = json.loads(read[MANIFEST])["public_key"]
    except (ValueError, KeyError, TypeError):
        return False
    return isinstance(key, str) and verify(key, read[SIGNATURE], read[MANIFEST])


def build(manifest: bytes, others: Iterable[tuple[str, bytes]], identity: Identity) -> bytes:
    """The zip of *manifest*, the *others* and the manifest's signature by *identity*,
    byte-identical for the same content."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in (
            (MANIFEST, manifest),
            *others,
            (SIGNATURE, identity.sign(manifest)),
        ):
            archive.writestr(zipfile.ZipInfo(name, ZIP_TIME), content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
