"""Vietnamese text rules: NFC storage, accent-insensitive folding, Vietnamese collation.

Everything typed, pasted or imported goes through :func:`clean` before it is stored, so the
same name typed on two keyboards (Unikey in NFC, some phones in NFD) is one name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining marks that make a different *letter* in the Vietnamese alphabet (ă â ê ô ơ ư)
# as opposed to the five tone marks, which only sort after the letters.
_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
# Tones in dictionary order: ngang (none), huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

# The Vietnamese alphabet, with the Latin letters it lacks (f j w z) in their Latin places.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}


# A spreadsheet takes a cell that starts so for a formula (OWASP's CSV-injection list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_PREFIX = "'"  # what a CSV export puts before such a text, and an import removes


def formula_like(text: str) -> bool:
    """Excel (or LibreOffice) would take *text* for a formula if written as it is."""
    return text.startswith(FORMULA_STARTS)


def csv_safe(text: str) -> str:
    """*text* as a CSV cell: a formula-like text gets the ``'`` prefix, and so does one that
    already looks prefixed (``'=…``), so that :func:`unquote` gives back exactly *text*."""
    return TEXT_PREFIX + text if formula_like(text.lstrip(TEXT_PREFIX)) else text


def unquote(text: str) -> str:
    """A CSV cell as the user meant it: the ``'`` an export put before ``=…`` goes again."""
    quoted = text.startswith(TEXT_PREFIX) and formula_like(text.lstrip(TEXT_PREFIX))
    return text[1:] if quoted else text


def nfc(text: str) -> str:
    """Return *text* in Unicode NFC, the one form we store and print."""
    return unicodedata.normalize("NFC", text)


def clean(text: str | None) -> str:
    """Normalise user input: NFC, no leading/trailing blanks, inner runs of blanks collapsed."""
    if not text:
        return ""
    return " ".join(nfc(text).split())


# Terminal escape sequences (CSI "ESC [ … letter", OSC "ESC ] … BEL/ST", and two-character
# ones): removed whole, so no "[31m" debris is left when the ESC itself goes.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")


def printable(text: str) -> str:
    """*text* safe to show: NFC, without terminal escapes, control or format characters
    (bidi overrides, zero-width marks) or line separators; for anything read from a file."""
    text = " ".join(_ESCAPES.sub("", text).split("\n")).replace("\t", " ").replace("\r", " ")
    kept = (ch for ch in nfc(text) if unicodedata.category(ch)[0] != "C")
    return "".join(ch for ch in kept if unicodedata.category(ch) not in ("Zl", "Zp"))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold case and accents for search: "Mường Giàng" → "muong giang", "Đình" → "dinh".

    Unicode decomposition leaves đ/Đ alone (it is a letter, not d plus a mark), so it is
    mapped by hand.
    """
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def _letters(text: str) -> list[tuple[str, int, bool]]:
    """Split *text* into (letter, tone, is_upper) with Vietnamese letters kept whole."""
    out: list[tuple[str, int, bool]] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if not out:
                continue
            base, tone, upper = out[-1]
            if ch in _TONE_RANK:
                out[-1] = (base, _TONE_RANK[ch], upper)
            elif ch in (_BREVE, _CIRCUMFLEX, _HORN):
                out[-1] = (unicodedata.normalize("NFC", base + ch), tone, upper)
            continue
        lower = ch.lower()
        out.append((lower, 0, lower != ch))
    return out


@lru_cache(maxsize=65536)
def sort_key(text: str) -> bytes:
    """A byte string that sorts Vietnamese the way a Vietnamese dictionary does.

    Letters first (a ă â b c d đ e ê …, so "Đào" comes after "Dũng"), then tones (ngang,
    huyền, hỏi, ngã, sắc, nặng), then case. Characters outside the alphabet (digits, spaces,
    punctuation) sort by code point before the letters, spaces first, so "Bản Nà" sorts
    before "Bản Nàng". Being bytes, the key also sorts correctly inside SQLite as a BLOB
    column, which is how the lists sort names without calling back into Python.
    """
    letters = _letters(text)
    primary = b"".join(
        (
            1000 + _LETTER_RANK[letter] if letter in _LETTER_RANK else min(ord(letter[0]), 999)
        ).to_bytes(2, "big")
        for letter, _tone, _upper in letters
    )
    secondary = bytes(tone + 1 for _letter, tone, _upper in letters)
    tertiary = bytes(1 + upper for _letter, _tone, upper in letters)
    # A zero byte ends each level: it is lower than any value above, so "An" < "Anh".
    return primary + b"\0\0" + secondary + b"\0" + tertiary


def sorted_vi(items: list[str]) -> list[str]:
    """Sort strings by Vietnamese collation."""
    return sorted(items, key=sort_key)
