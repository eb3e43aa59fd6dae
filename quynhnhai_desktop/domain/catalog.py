"""The outreach catalog: forms, topics and indicators, loaded from a data file.

A campaign (:mod:`campaign`) is a catalog with its directive, dates and figures; a later
campaign is a new file, not new code. Codes are stable: they are the CSV
column and cell codes and the keys in report packages.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache, cached_property
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from quynhnhai_desktop.config import resource
from quynhnhai_desktop.domain.names import Found, find
from quynhnhai_desktop.domain.text import nfc

Lang = Literal["vi", "en"]
_CODE = r"^[a-z][a-z0-9_]*$"


class _Item(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=_CODE)
    vi: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def label(self, lang: Lang = "vi") -> str:
        return self.vi if lang == "vi" else self.en


class _Retirable(_Item):
    # Retired by a later version of the campaign: no longer offered for new entries, still
    # read wherever it was used (old activities, old reports). Its code never goes away.
    retired: bool = False


class Indicator(_Retirable):
    """A count recorded on an activity (non-negative integer)."""

    # How the count reads in the report's prose, "{n}" for the number ("thời lượng {n} phút");
    # empty: "label: N".
    phrase: str = ""


class Topic(_Retirable):
    """What an activity talked about; an activity has one or more."""


class Form(_Retirable):
    """How the outreach was done; names the indicators it asks for."""

    indicators: tuple[str, ...] = Field(min_length=1)


class VenueCategory(_Item):
    """Kind of public venue (chợ, trường học, bến thuyền…)."""


class Catalog(BaseModel):
    """One campaign's vocabulary, validated so that every reference resolves."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    version: int = Field(ge=1)
    title: dict[Lang, str]
    source: str
    indicators: tuple[Indicator, ...] = Field(min_length=1)
    forms: tuple[Form, ...] = Field(min_length=1)
    topics: tuple[Topic, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_references(self) -> Catalog:
        for kind, items in (
            ("indicator", self.indicators),
            ("form", self.forms),
            ("topic", self.topics),
        ):
            codes = [item.code for item in items]
            if len(codes) != len(set(codes)):
                raise ValueError(f"duplicate {kind} code in catalog {self.id}")
        known = {i.code for i in self.indicators}
        for form in self.forms:
            unknown = set(form.indicators) - known
            if unknown:
                raise ValueError(f"form {form.code} names unknown indicators {sorted(unknown)}")
        return self

    def form(self, code: str) -> Form:
        return _by_code(self._codes["form"], code, "form")  # type: ignore[return-value]

    def topic(self, code: str) -> Topic:
        return _by_code(self._codes["topic"], code, "topic")  # type: ignore[return-value]

    def indicator(self, code: str) -> Indicator:
        return _by_code(self._codes["indicator"], code, "indicator")  # type: ignore[return-value]

    @cached_property
    def _codes(self) -> dict[str, dict[str, _Item]]:
        # Codes are unique (checked above): an import looks up each row's form and topics.
        kinds = {"form": self.forms, "topic": self.topics, "indicator": self.indicators}
        return {kind: {item.code: item for item in items} for kind, items in kinds.items()}

    def find_form(self, text: str) -> Form | None:
        """A form by its code or by its label in either language, accents and case ignored."""
        return self.found_form(text).item

    def find_topic(self, text: str) -> Topic | None:
        return self.found_topic(text).item

    def find_indicator(self, text: str) -> Indicator | None:
        return self._found("indicators", text).item  # type: ignore[return-value]

    def found_form(self, text: str) -> Found[Form]:
        """What :func:`lookup` finds among the forms (the candidates of an ambiguous name)."""
        return self._found("forms", text)  # type: ignore[return-value]

    def found_topic(self, text: str) -> Found[Topic]:
        return self._found("topics", text)  # type: ignore[return-value]

    @cached_property
    def _lookups(self) -> dict[tuple[str, str], Found[_Item]]:
        return {}

    def _found(self, kind: Literal["forms", "topics", "indicators"], text: str) -> Found[_Item]:
        # The catalog is frozen, so a name always finds the same entry: an import of 10,000
        # rows names a few dozen distinct forms and topics, and matching each cell against
        # every label anew took most of its time (100,000 lookups, 28 s under profile).
        key = (kind, text)
        found = self._lookups.get(key)
        if found is None:
            found = self._lookups[key] = lookup(getattr(self, kind), text)
        return found

    def plain_codes(
        self, kind: Literal["topics", "indicators"], among: Iterable[str] | None = None
    ) -> frozenset[str]:
        """The codes of *kind* (those in *among*, when given) that name their own entry:
        for them ``find_topic`` or ``find_indicator`` is that entry, with no look-up (a
        code that is also another entry's label is left out: its look-up decides)."""
        key = (kind, None if among is None else tuple(among))
        found = self._plain.get(key)
        if found is None:
            codes = (item.code for item in getattr(self, kind))
            wanted = None if among is None else set(among)
            found = self._plain[key] = frozenset(
                code
                for code in codes
                if (wanted is None or code in wanted)
                and self._found(kind, code).item is self._codes[kind[:-1]][code]
            )
        return found

    @cached_property
    def _plain(self) -> dict[tuple[str, tuple[str, ...] | None], frozenset[str]]:
        return {}

    def indicator_codes(self) -> tuple[str, ...]:
        return self._indicator_codes

    @cached_property
    def _indicator_codes(self) -> tuple[str, ...]:
        return tuple(i.code for i in self.indicators)

    def offered_forms(self, keep: str | None = None) -> tuple[Form, ...]:
        """The forms a new entry offers (not retired), and *keep* (an old entry's own)."""
        return tuple(f for f in self.forms if not f.retired or f.code == keep)

    def offered_topics(self, keep: Iterable[str] = ()) -> tuple[Topic, ...]:
        """The topics a new entry offers (not retired), and those in *keep*."""
        kept = set(keep)
        return tuple(t for t in self.topics if not t.retired or t.code in kept)

    def asked(self, form: Form, keep: Iterable[str] = ()) -> tuple[str, ...]:
        """The indicators *form* asks a new entry for (retired ones left out, unless in
        *keep*: an old entry's own counts stay editable)."""
        kept = set(keep)
        retired = {i.code for i in self.indicators if i.retired}
        return tuple(c for c in form.indicators if c not in retired or c in kept)

    def codes(self) -> dict[str, set[str]]:
        """Every code, by kind ("forms", "topics", "indicators")."""
        return {
            "forms": {f.code for f in self.forms},
            "topics": {t.code for t in self.topics},
            "indicators": set(self.indicator_codes()),
        }


T = TypeVar("T", bound=_Item)


def _by_code(items: dict[str, _Item], code: str, kind: str) -> _Item:
    found = items.get(code)
    if found is None:
        raise KeyError(f"unknown {kind} code {code!r}")
    return found


def _names(item: _Item) -> tuple[str, str, str]:
    return (item.code, item.vi, item.en)


def lookup(items: tuple[T, ...], text: str) -> Found[T]:
    """The entry *text* names: its code, a label or a part of one (see domain.names);
    an ambiguous name gives the candidates."""
    return find(items, _names, text)


def load_catalog(path: Path) -> Catalog:
    """Read and validate a catalog file; raises pydantic.ValidationError when it is wrong.

    A file with a directive is a campaign (:class:`campaign.Campaign`, a Catalog)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict) and "directive" in data:
        from quynhnhai_desktop.domain.campaign import Campaign  # it builds on this module

        return Campaign.model_validate(data)
    return Catalog.model_validate(data)


@cache
def default_teams() -> tuple[str, ...]:
    """Team names a new commune starts with (editable afterwards)."""
    data = json.loads(resource("catalogs", "default-teams.json").read_text(encoding="utf-8"))
    return tuple(nfc(name) for name in data["teams"])


@cache
def venue_categories() -> tuple[VenueCategory, ...]:
    """Venue categories, in the order the register offers them."""
    data = json.loads(resource("catalogs", "venue-categories.json").read_text(encoding="utf-8"))
    return tuple(VenueCategory.model_validate(item) for item in data["categories"])
