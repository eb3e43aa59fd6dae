"""Which campaign a report is for, and what a report reads of it, without pydantic.

:func:`pick` is the one rule (the campaign named, else the only one running); it works on
the validated :class:`campaign.Campaign` (the window, every other service) and on
:class:`ReportCatalog`, the few fields a report prints read straight from a campaign file
that was validated when it was stored. A command that only makes a report (``report
monthly``) so never imports pydantic (~0.1 s of a 0.3 s process).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol, TypeVar

from quynhnhai_desktop.config import resource
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError

FIRST_CAMPAIGN = "covid-2021"


class Named(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def vi(self) -> str: ...


class FormLike(Named, Protocol):
    @property
    def indicators(self) -> tuple[str, ...]: ...


class Terms(Protocol):
    """What a report's figures read of a catalog (the models and :class:`ReportCatalog`)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> Mapping[Any, str]: ...
    @property
    def source(self) -> str: ...
    @property
    def indicators(self) -> Sequence[Named]: ...
    @property
    def forms(self) -> Sequence[FormLike]: ...
    @property
    def topics(self) -> Sequence[Named]: ...


class CatalogLike(Terms, Protocol):
    """A campaign as :func:`pick` chooses among them."""

    def runs_on(self, day: dt.date) -> bool: ...


C = TypeVar("C", bound=CatalogLike)


@dataclass(frozen=True)
class Item:
    code: str
    vi: str
    indicators: tuple[str, ...] = ()  # of a form
    phrase: str = ""  # of an indicator


@dataclass(frozen=True)
class ReportCatalog:
    """A stored (so already validated) campaign file, read for a report: the same values
    as :class:`campaign.Campaign` has in these fields (a test compares them)."""

    id: str
    title: Mapping[str, str]
    source: str
    runs_from: dt.date
    runs_to: dt.date | None
    indicators: tuple[Item, ...]
    forms: tuple[Item, ...]
    topics: tuple[Item, ...]

    def runs_on(self, day: dt.date) -> bool:
        return self.runs_from <= day and (self.runs_to is None or day <= self.runs_to)

    @classmethod
    def read(cls, source: bytes) -> ReportCatalog:
        data = json.loads(source.decode("utf-8"))

        def items(kind: str) -> tuple[Item, ...]:
            return tuple(
                Item(i["code"], i["vi"], tuple(i.get("indicators", ())), i.get("phrase", ""))
                for i in data[kind]
            )

        runs_to = data.get("runs_to")
        return cls(
            id=data["id"],
            title=dict(data["title"]),
            source=data["source"],
            runs_from=dt.date.fromisoformat(data["runs_from"]),
            runs_to=dt.date.fromisoformat(runs_to) if runs_to else None,
            indicators=items("indicators"),
            forms=items("forms"),
            topics=items("topics"),
        )


@cache
def first_report_catalog() -> ReportCatalog:
    """The shipped 2021 campaign (what a database without stored campaigns reports on)."""
    return ReportCatalog.read(resource("catalogs", f"{FIRST_CAMPAIGN}.json").read_bytes())


def names(campaigns: Sequence[CatalogLike]) -> str:
    """The campaigns as an error message lists them: "id (title); …"."""
    return "; ".join(f"{c.id} ({c.title['vi']})" for c in campaigns) or "—"


def pick(known: Sequence[C], campaign_id: str | None, day: dt.date, first: Callable[[], C]) -> C:
    """The campaign *campaign_id* of *known* (newest versions), or the only one running on
    *day*; *first* (the 2021 campaign) when none is stored."""
    if campaign_id:
        for campaign in known:
            if campaign.id == campaign_id:
                return campaign
        raise UserError(
            "campaigns",
            QT_TRANSLATE_NOOP(
                "campaigns", "There is no campaign “{id}”. Known campaigns: {known}."
            ),
            id=campaign_id,
            known=names(known),
        )
    now = [c for c in known if c.runs_on(day)]
    if len(now) == 1:
        return now[0]
    if not now:
        if len(known) == 1:
            return known[0]
        if not known:
            return first()
        now = list(known)
    raise UserError(
        "campaigns",
        QT_TRANSLATE_NOOP(
            "campaigns",
            "Several campaigns are running: say which with --campaign ID. Campaigns: {known}.",
        ),
        known=names(now),
    )


@cache
def venue_category_labels() -> tuple[tuple[str, str], ...]:
    """(code, Vietnamese label) of the venue categories, in the register's order (the file
    :func:`catalog.venue_categories` validates)."""
    data = json.loads(resource("catalogs", "venue-categories.json").read_bytes())
    return tuple((item["code"], item["vi"]) for item in data["categories"])
