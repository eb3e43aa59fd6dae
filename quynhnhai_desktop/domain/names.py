"""Names as a clerk writes them, matched to the lists: categories, forms, topics, indicators,
villages and teams.

"cửa hàng" is the category "Cửa hàng, tạp hóa"; "hop dan" is the form "Họp dân, hội
nghị"; "Pá Uôn" is the village "Bản Pá Uôn". :func:`find` tries, in order, and stops at
the first step that finds something:

1. the whole name: the code, the Vietnamese or the English label;
2. a part of a label, as the label separates them ("Cửa hàng, tạp hóa" has the parts
   "Cửa hàng" and "tạp hóa");
3. whole words inside a label ("Bluezone" in "Ứng dụng Bluezone").

Accents and case never matter (:func:`domain.text.fold`). When a step finds two or more
entries, the name is ambiguous: :class:`Found` lists the candidates and nothing is chosen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from quynhnhai_desktop.domain.text import clean, fold, nfc

T = TypeVar("T")
_PARTS = re.compile(r"[,;/()]|\s-\s")


@dataclass(frozen=True)
class Found(Generic[T]):
    """The entry a name stands for; or, when it is ambiguous, the entries it could be."""

    item: T | None
    candidates: tuple[T, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return self.item is None and len(self.candidates) > 1


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", fold(text)))


def _parts(label: str) -> list[str]:
    return [fold(part) for part in _PARTS.split(nfc(label)) if fold(part)]


def _contains(words: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    n = len(wanted)
    return any(words[i : i + n] == wanted for i in range(len(words) - n + 1))


def find(items: Iterable[T], names: Callable[[T], Sequence[str]], text: str) -> Found[T]:
    """The entry of *items* that *text* names; *names* gives an entry's code and labels."""
    wanted = fold(nfc(text).strip())
    if not wanted:
        return Found(None)
    entries = [(item, [n for n in names(item) if n]) for item in items]
    whole = [item for item, labels in entries if wanted in (fold(n) for n in labels)]
    if whole:
        return _one(whole)
    parts = [item for item, labels in entries if any(wanted in _parts(n) for n in labels)]
    if parts:
        return _one(parts)
    wanted_words = _words(wanted)
    if wanted_words:
        inside = [
            item
            for item, labels in entries
            if any(_contains(_words(n), wanted_words) for n in labels)
        ]
        if inside:
            return _one(inside)
    return Found(None)


def _one(found: list[T]) -> Found[T]:
    unique = list({id(item): item for item in found}.values())  # matched twice: still one
    return Found(unique[0]) if len(unique) == 1 else Found(None, tuple(unique))


def choices(labels: Iterable[str]) -> str:
    """Labels for a message, quoted and separated by "; " (labels hold commas themselves)."""
    return "; ".join(f"“{label}”" for label in labels)


def proper_case(name: str) -> str:
    """A name typed all in lower case, as names are written: "bản pá uôn" → "Bản Pá Uôn".

    A name with any capital letter is the clerk's own spelling and stays as it is.
    """
    cleaned = clean(name)
    if cleaned != cleaned.lower():
        return cleaned
    return " ".join(word[:1].upper() + word[1:] for word in cleaned.split(" "))
