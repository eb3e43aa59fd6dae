"""A campaign: one directive from above, as data.

A campaign is the catalog (forms, topics, indicators) plus everything the app used to
assume about the 2021 COVID outreach: the directive it implements (kind, number and symbol,
date, issuing body), its title, the dates it runs, which indicators are the activity list's
columns, the totals line's figures, the overview's key cards and the consolidated report's
columns, the plausibility limits of the entry dialog, and its reporting rule and deadline.

No module outside this one and :mod:`catalog` names an indicator code: they ask the
campaign. The shipped campaigns are files in ``resources/catalogs``; a campaign file made by
the upper level is read by the same model (``extra="forbid"``, every reference checked).
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from quynhnhai_desktop.config import resource
from quynhnhai_desktop.domain.campaign_choice import FIRST_CAMPAIGN
from quynhnhai_desktop.domain.catalog import _CODE, Catalog, Lang

SHIPPED = (FIRST_CAMPAIGN,)
DirectiveKind = Literal["cong_van", "ke_hoach", "chi_thi"]
DIRECTIVE_WORDS: dict[DirectiveKind, str] = {
    "cong_van": "Công văn",
    "ke_hoach": "Kế hoạch",
    "chi_thi": "Chỉ thị",
}


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=False)


class Directive(_Strict):
    """The letter or plan from above the campaign implements."""

    kind: DirectiveKind
    number: str = Field(min_length=1, max_length=20, pattern=r"^[0-9A-Za-z.-]+$")
    symbol: str = Field(min_length=1, max_length=40, pattern=r"^[^\x00-\x1f]+$")
    date: dt.date
    issuer: str = Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f]+$")

    def sentence(self) -> str:
        """``Công văn số 2158/UBND-VHTT ngày 31/8/2021 của UBND huyện Quỳnh Nhai``."""
        return (
            f"{DIRECTIVE_WORDS[self.kind]} số {self.number}/{self.symbol} ngày "
            f"{self.date.day}/{self.date.month}/{self.date.year} của {self.issuer}"
        )


class ListColumn(_Strict):
    """A column of the activity list: one indicator or the sum of a few."""

    code: str = Field(pattern=_CODE, max_length=40)
    vi: str = Field(min_length=1, max_length=40)
    en: str = Field(min_length=1, max_length=40)
    indicators: tuple[str, ...] = Field(min_length=1, max_length=20)
    width: int = Field(default=6, ge=3, le=30)  # in average character widths
    cli: bool = True  # also a column of ``activities list``
    heading: dict[Lang, str] | None = None  # the longer heading there (default: the label)

    def label(self, lang: Lang = "vi") -> str:
        return self.vi if lang == "vi" else self.en

    def long_label(self, lang: Lang = "vi") -> str:
        return self.heading.get(lang, self.label(lang)) if self.heading else self.label(lang)


class Plausibility(_Strict):
    """Counts that are allowed but worth a second look (never a refusal)."""

    maximum: dict[str, int] = Field(default_factory=dict)
    people: str | None = None  # the indicator of people reached
    households: str | None = None  # more households than people is suspicious
    per_person: tuple[str, ...] = ()  # things done for people: at most one each


class Overview(_Strict):
    """What the Overview screen shows first."""

    cards: tuple[str, ...] = Field(default=(), max_length=8)  # key indicator cards
    reach: str | None = None  # the trend's and the district card's "people reached"
    installs: tuple[str, ...] = ()  # summed as the trend's second line


class Reporting(_Strict):
    rule: Literal["calendar", "statistical"] = "calendar"
    deadline_day: int = Field(default=5, ge=1, le=28)  # days after the period's end


class Campaign(Catalog):
    """A catalog with its directive, dates and the figures each screen shows."""

    directive: Directive
    runs_from: dt.date
    runs_to: dt.date | None = None  # None: no end date
    list_columns: tuple[ListColumn, ...] = Field(default=(), max_length=12)
    totals: tuple[str, ...] = ()  # the totals line's figures, in order (empty: every one)
    consolidated: tuple[str, ...] = Field(default=(), max_length=8)  # the printed table
    overview: Overview = Overview()
    plausibility: Plausibility = Plausibility()
    reporting: Reporting = Reporting()

    @model_validator(mode="after")
    def _check_campaign(self) -> Campaign:
        known = set(self.indicator_codes())
        named: list[str] = [
            *(c for column in self.list_columns for c in column.indicators),
            *self.totals,
            *self.consolidated,
            *self.overview.cards,
            *self.overview.installs,
            *self.plausibility.maximum,
            *self.plausibility.per_person,
        ]
        for code in (self.overview.reach, self.plausibility.people, self.plausibility.households):
            if code is not None:
                named.append(code)
        unknown = sorted(set(named) - known)
        if unknown:
            raise ValueError(f"campaign {self.id} names unknown indicators {unknown}")
        columns = [c.code for c in self.list_columns]
        if len(columns) != len(set(columns)):
            raise ValueError(f"duplicate list column in campaign {self.id}")
        if self.runs_to is not None and self.runs_to < self.runs_from:
            raise ValueError(f"campaign {self.id} ends before it starts")
        return self

    def runs_on(self, day: dt.date) -> bool:
        return self.runs_from <= day and (self.runs_to is None or day <= self.runs_to)

    def totals_indicators(self) -> tuple[str, ...]:
        return self.totals or self.indicator_codes()

    def list_column(self, code: str) -> ListColumn:
        for column in self.list_columns:
            if column.code == code:
                return column
        raise KeyError(f"unknown list column {code!r}")

    def column_counts(self) -> dict[str, tuple[str, ...]]:
        """List column code -> the indicators it sums."""
        return {column.code: column.indicators for column in self.list_columns}


def parse_campaign(data: object) -> Campaign:
    """Validate decoded JSON; raises pydantic.ValidationError when it is wrong."""
    return Campaign.model_validate(data)


def load_campaign(path: Path) -> Campaign:
    return parse_campaign(json.loads(path.read_text(encoding="utf-8")))


def shipped_path(campaign_id: str) -> Path:
    if campaign_id not in SHIPPED:
        raise KeyError(f"unknown campaign {campaign_id!r}")
    return resource("catalogs", f"{campaign_id}.json")


@cache
def shipped_campaign(campaign_id: str = FIRST_CAMPAIGN) -> Campaign:
    """A campaign shipped with the app (the first is the 2021 COVID one of letter 2158)."""
    return load_campaign(shipped_path(campaign_id))


def first_campaign() -> Campaign:
    """The 2021 COVID campaign: the one every installation has."""
    return shipped_campaign(FIRST_CAMPAIGN)
