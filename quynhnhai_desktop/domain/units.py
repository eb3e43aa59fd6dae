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


class AdminUnit(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=r"^\d{2,5}$")
    level: Level
    kind: str  # "Tỉnh", "Huyện", "Xã", "Thị trấn"… as printed before the name
    name: str
    parent: str | None
    valid_from: dt.date
    valid_to: dt.date | None = None

    @property
    def full_name(self) -> str:
        """E.g. "Xã Mường Giàng"."""
        return f"{self.kind} {self.name}"

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


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
            if unit.parent is not None and not any(u.code == unit.parent for u in self.units):
                raise ValueError(f"unit {unit.code} has unknown parent {unit.parent}")
        return self

    def get(self, code: str, on: dt.date | None = None) -> AdminUnit | None:
        """The unit with *code* valid on *on*; without a date, the most recent one."""
        matches = [u for u in self.units if u.code == code and (on is None or u.valid_on(on))]
        return max(matches, key=lambda u: u.valid_from) if matches else None

    def children(self, code: str, on: dt.date | None = None) -> list[AdminUnit]:
        """Units directly under *code* (valid on *on* if given), in Vietnamese order."""
        found = [u for u in self.units if u.parent == code and (on is None or u.valid_on(on))]
        return sorted(found, key=lambda u: sort_key(u.name))

    def of_level(self, level: Level) -> list[AdminUnit]:
        return sorted((u for u in self.units if u.level == level), key=lambda u: sort_key(u.name))


def load_units(path: Path) -> UnitRegistry:
    return UnitRegistry.model_validate(json.loads(path.read_text(encoding="utf-8")))


@cache
def default_units() -> UnitRegistry:
    return load_units(resource("units", "son-la.json"))
