"""Administrative units (province, district, commune) with the dates they are valid.

GSO codes were reused after the 2025 reorganisation, so a code alone does not name a place:
each unit record carries ``valid_from``/``valid_to``, and lookups take a date.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from quynhnhai_desktop.config import resource
from quynhnhai_desktop.domain.text import sort_key

Level = Literal["province", "district", "commune"]


class MergedFrom(BaseModel):
    """One of the earlier units a unit was formed from (its code and name on the day before)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=r"^\d{2,5}$")
    name: str  # as printed, kind included: "Xã Chiềng Ơn"
    whole: bool = True  # False: only part of its area went into the new unit


class AdminUnit(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=r"^\d{2,5}$")
    level: Level
    kind: str  # "Tỉnh", "Huyện", "Xã", "Thị trấn"… as printed before the name
    name: str
    parent: str | None
    valid_from: dt.date
    valid_to: dt.date | None = None
    merged_from: tuple[MergedFrom, ...] = ()

    @property
    def full_name(self) -> str:
        """E.g. "Xã Mường Giàng"."""
        return f"{self.kind} {self.name}"

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    @property
    def records_activities(self) -> bool:
        """A commune records its own activities; the levels above only consolidate."""
        return self.level == "commune"

    @property
    def dated_label(self) -> str:
        """The code with its validity, since codes were reused: "03703 Xã Mường Giàng
        (đến 30/06/2025)"."""
        return dated_label(self.code, self.full_name, self.valid_from, self.valid_to)


def dated_label(
    code: str, full_name: str, valid_from: dt.date | None, valid_to: dt.date | None
) -> str:
    """ "03703 Xã Mường Giàng (đến 30/06/2025)", "03703 Xã Quỳnh Nhai (từ 01/07/2025)": a
    code is shown with its dates wherever it is shown (codes were reused in 2025)."""
    if valid_to is not None:
        return f"{code} {full_name} (đến {valid_to:%d/%m/%Y})"
    if valid_from is not None and valid_from > dt.date(1900, 1, 1):
        return f"{code} {full_name} (từ {valid_from:%d/%m/%Y})"
    return f"{code} {full_name}"


class UnitRegistry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    note: str = ""
    units: tuple[AdminUnit, ...]

    @model_validator(mode="after")
    def _check(self) -> UnitRegistry:
        for unit in self.units:
            if unit.valid_to is not None and unit.valid_to < unit.valid_from:
                raise ValueError(f"unit {unit.code} ends before it starts")
            if unit.parent is not None and not any(
                u.code == unit.parent and u.valid_on(unit.valid_from) for u in self.units
            ):
                raise ValueError(f"unit {unit.code} has unknown parent {unit.parent}")
        for i, unit in enumerate(self.units):  # a code names one unit on any one day
            for other in self.units[i + 1 :]:
                if other.code == unit.code and _overlap(unit, other):
                    raise ValueError(f"unit {unit.code} is listed twice for the same dates")
        return self

    def get(self, code: str, on: dt.date | None = None) -> AdminUnit | None:
        """The unit with *code* valid on *on*; without a date, the most recent one."""
        matches = [u for u in self.units if u.code == code and (on is None or u.valid_on(on))]
        return max(matches, key=lambda u: u.valid_from) if matches else None

    def children(self, code: str, on: dt.date | None = None) -> list[AdminUnit]:
        """Units directly under *code* (valid on *on* if given), in Vietnamese order."""
        found = [u for u in self.units if u.parent == code and (on is None or u.valid_on(on))]
        return sorted(found, key=lambda u: sort_key(u.name))

    def of_level(self, level: Level, on: dt.date | None = None) -> list[AdminUnit]:
        found = (u for u in self.units if u.level == level and (on is None or u.valid_on(on)))
        return sorted(found, key=lambda u: sort_key(u.name))

    def valid_on(self, on: dt.date) -> list[AdminUnit]:
        """Every unit that exists on *on*, provinces first, then districts, then communes."""
        order = {"province": 0, "district": 1, "commune": 2}
        found = (u for u in self.units if u.valid_on(on))
        return sorted(found, key=lambda u: (order[u.level], sort_key(u.name)))

    def reports_to(self, code: str, on: dt.date) -> AdminUnit | None:
        """Who the unit *code* (as it is on *on*) reports to on that day: its parent then."""
        unit = self.get(code, on)
        if unit is None or unit.parent is None:
            return None
        return self.get(unit.parent, on)

    def reporting_to(self, code: str, on: dt.date) -> list[AdminUnit]:
        """The units that report directly to *code* on *on* (a 2021 district's communes,
        a province's districts in 2021 or its communes from 1/7/2025)."""
        return self.children(code, on)

    def consolidates(self, code: str, on: dt.date) -> bool:
        return bool(self.reporting_to(code, on))

    def successor(self, code: str, on: dt.date) -> AdminUnit | None:
        """The unit valid on *on* that the earlier unit *code* is now part of (its
        ``merged_from`` names the code), or the same unit if it did not change."""
        for unit in self.units:
            if unit.valid_on(on) and any(m.code == code for m in unit.merged_from):
                return unit
        return self.get(code, on)


def _overlap(a: AdminUnit, b: AdminUnit) -> bool:
    end_a, end_b = a.valid_to or dt.date.max, b.valid_to or dt.date.max
    return a.valid_from <= end_b and b.valid_from <= end_a


def load_units(path: Path) -> UnitRegistry:
    return UnitRegistry.model_validate(json.loads(path.read_text(encoding="utf-8")))


@cache
def default_units() -> UnitRegistry:
    return load_units(resource("units", "son-la.json"))
