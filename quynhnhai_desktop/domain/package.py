"""What crosses the USB stick: the report package's manifest and data, strictly validated.

A package is untrusted input at the district. These pydantic models forbid unknown fields,
accept only the declared types (strict mode), bound every list and number, and check that
the tables add up, so a file that passes is one the district can sum without surprises.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    TypeAdapter,
    model_validator,
)

from quynhnhai_desktop.domain import limits
from quynhnhai_desktop.domain.campaign import FIRST_CAMPAIGN

FORMAT = "quynhnhai-report"
FORMAT_VERSION = 2  # what the writer writes; the reader reads every one of READABLE
READABLE = (1, 2)
MANIFEST, DATA, PDF, SIGNATURE = "manifest.json", "data.json", "report.pdf", "manifest.sig"
MEMBERS = (MANIFEST, DATA, PDF, SIGNATURE)
HASHED_MEMBERS = (DATA, PDF)


def _no_controls(text: str) -> str:
    char = limits.first_control(text)
    if char is not None:
        raise ValueError(f"control character {char} in text")
    return text


def _sane_day(day: dt.date) -> dt.date:
    if not limits.day_ok(day):
        raise ValueError(f"date outside {limits.FIRST_DAY} to {limits.LAST_DAY}")
    return day


def _sane_moment(moment: dt.datetime) -> dt.datetime:
    if not limits.moment_ok(moment):
        raise ValueError(f"moment outside {limits.FIRST_MOMENT} to {limits.LAST_MOMENT}")
    return moment


Code = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,31}$")]
UnitCode = Annotated[str, StringConstraints(pattern=r"^\d{2,5}$")]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
NoControls = AfterValidator(_no_controls)
Name = Annotated[str, StringConstraints(min_length=1, max_length=256), NoControls]
Text = Annotated[str, StringConstraints(max_length=20_000), NoControls]
Day = Annotated[dt.date, AfterValidator(_sane_day)]
Moment = Annotated[AwareDatetime, AfterValidator(_sane_moment)]
Count = Annotated[int, Field(ge=0, le=limits.MAX_COUNT)]  # one activity's count
Total = Annotated[int, Field(ge=0, le=limits.MAX_TOTAL)]  # a sum of the report's activities
Counts = dict[Code, Count]
Totals = dict[Code, Total]

_STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)


class CampaignRef(BaseModel):
    """The campaign a report is for: its id, the version the commune had, its title."""

    model_config = _STRICT

    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,63}$")]
    version: Annotated[int, Field(ge=1, le=10_000)]
    title: Name


class ManifestV1(BaseModel):
    """Format 1, signed by the commune's key; names the data and the PDF by their SHA-256.

    Only a commune wrote format 1, naming itself by code and name and its district by code.
    ``campaign`` names the campaign the report is for; a package made before campaigns
    travelled has none and is for the 2021 campaign (:attr:`campaign_id`)."""

    model_config = _STRICT

    format: Literal["quynhnhai-report"]
    format_version: Literal[1]
    app_version: Annotated[str, StringConstraints(max_length=32), NoControls]
    commune_code: UnitCode
    commune_name: Name
    district_code: UnitCode
    period_start: Day
    period_end: Day
    period_rule: Literal["calendar", "statistical", "custom"]
    revision: Annotated[int, Field(ge=1, le=999)]
    created_at: Moment
    members: dict[Literal["data.json", "report.pdf"], Sha256]
    public_key: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]
    campaign: CampaignRef | None = None

    @property
    def campaign_id(self) -> str:
        return self.campaign.id if self.campaign is not None else FIRST_CAMPAIGN

    @property
    def unit_level(self) -> Level:
        return "commune"

    @property
    def valid_on(self) -> dt.date:
        """The day the sender is looked up on in the unit list (format 1: the period's end)."""
        return self.period_end

    @property
    def claimed_name(self) -> str:
        """The sender's name as the file gives it (format 1: without its kind, "Mường Giàng")."""
        return self.commune_name

    @model_validator(mode="after")
    def _check(self) -> ManifestV1:
        _check_period(self.period_start, self.period_end, self.members)
        return self


def _check_period(start: dt.date, end: dt.date, members: Iterable[str]) -> None:
    if end < start:
        raise ValueError("period ends before it starts")
    if (end - start).days > 366:
        raise ValueError("period longer than a year")
    if set(members) != set(HASHED_MEMBERS):
        raise ValueError("manifest must name data.json and report.pdf")


Level = Literal["commune", "district", "province"]


class UnitRef(BaseModel):
    """The unit that sends a format-2 package, as its unit record is on ``valid_on`` (the
    report period's first day): codes were reused in 2025, so a code names a place only
    with its date. ``name`` is printed with its kind ("Xã Quỳnh Nhai")."""

    model_config = _STRICT

    code: UnitCode
    level: Level
    name: Name
    parent_code: UnitCode | None
    valid_on: Day


class Manifest(BaseModel):
    """Format 2, signed by the sending unit's key (a commune, or a district that sends its
    consolidated report): the unit with its date, the campaign, the data and the PDF by
    their SHA-256. A commune's data is :class:`ReportData` (the activity rows behind the
    totals), a district's :class:`ConsolidatedData` (the per-commune totals)."""

    model_config = _STRICT

    format: Literal["quynhnhai-report"]
    format_version: Literal[2]
    app_version: Annotated[str, StringConstraints(max_length=32), NoControls]
    unit: UnitRef
    campaign: CampaignRef
    period_start: Day
    period_end: Day
    period_rule: Literal["calendar", "statistical", "custom"]
    revision: Annotated[int, Field(ge=1, le=999)]
    created_at: Moment
    members: dict[Literal["data.json", "report.pdf"], Sha256]
    public_key: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]

    @property
    def campaign_id(self) -> str:
        return self.campaign.id

    @property
    def commune_code(self) -> str:
        """The sending unit's code (a commune's or a district's: the column's old name)."""
        return self.unit.code

    @property
    def unit_level(self) -> Level:
        return self.unit.level

    @property
    def valid_on(self) -> dt.date:
        return self.unit.valid_on

    @property
    def claimed_name(self) -> str:
        return self.unit.name

    @model_validator(mode="after")
    def _check(self) -> Manifest:
        _check_period(self.period_start, self.period_end, self.members)
        if not self.period_start <= self.unit.valid_on <= self.period_end:
            raise ValueError("the unit's date is not in the report's period")
        return self


AnyManifest = ManifestV1 | Manifest


class GroupTotals(BaseModel):
    """One line of a report table: a form, a topic, a village or a team."""

    model_config = _STRICT

    key: Annotated[str, StringConstraints(min_length=1, max_length=256), NoControls]
    label: Name
    activities: Count
    values: Totals


class VenueSummary(BaseModel):
    model_config = _STRICT

    total: Count
    active: Count
    registered: Count
    with_official_qr: Count
    registered_in_period: Count
    posters_printed: Count


class Narrative(BaseModel):
    model_config = _STRICT

    number: Annotated[str, StringConstraints(max_length=64), NoControls]
    issued_on: Day
    results: Text
    difficulties: Text
    proposals: Text


class ActivityRow(BaseModel):
    """One activity behind the totals (what the district can drill into)."""

    model_config = _STRICT

    uuid: Annotated[str, StringConstraints(pattern=r"^[0-9a-f-]{36}$")]
    date: Day
    village: Annotated[str, StringConstraints(max_length=128), NoControls] | None
    team: Name
    form: Code
    topics: Annotated[list[Code], Field(min_length=1, max_length=32)]
    values: Counts
    note: Annotated[str, StringConstraints(max_length=2000), NoControls]


class ReportData(BaseModel):
    """data.json: the aggregates of one commune and period, and the rows behind them."""

    model_config = _STRICT

    catalog_id: Annotated[str, StringConstraints(max_length=64), NoControls]
    activities_count: Count
    totals: Totals
    by_form: Annotated[list[GroupTotals], Field(max_length=64)]
    by_topic: Annotated[list[GroupTotals], Field(max_length=64)]
    by_village: Annotated[list[GroupTotals], Field(max_length=1000)]
    by_team: Annotated[list[GroupTotals], Field(max_length=1000)]
    venues: VenueSummary
    narrative: Narrative
    activities: Annotated[list[ActivityRow], Field(max_length=limits.MAX_ACTIVITIES)]

    @model_validator(mode="after")
    def _adds_up(self) -> ReportData:
        """The totals must be the sum of the rows, and each table must sum to the totals."""
        if self.activities_count != len(self.activities):
            raise ValueError("activities_count does not match the rows")
        if _sum(row.values for row in self.activities) != _nonzero(self.totals):
            raise ValueError("totals are not the sum of the activities")
        for name in ("by_form", "by_village", "by_team"):
            table: list[GroupTotals] = getattr(self, name)
            if _sum(line.values for line in table) != _nonzero(self.totals):
                raise ValueError(f"{name} does not add up to the totals")
            if sum(line.activities for line in table) != self.activities_count:
                raise ValueError(f"{name} does not count every activity once")
        return self


class UnitTotals(BaseModel):
    """One commune inside a district's consolidated package: its totals as they were counted
    at the district, and the package (revision and SHA-256 of the file) they came from."""

    model_config = _STRICT

    code: UnitCode
    name: Name
    revision: Annotated[int, Field(ge=1, le=999)]
    package_sha256: Sha256
    activities_count: Count
    totals: Totals
    by_form: Annotated[list[GroupTotals], Field(max_length=64)]
    by_topic: Annotated[list[GroupTotals], Field(max_length=64)]
    by_team: Annotated[list[GroupTotals], Field(max_length=1000)]
    venues: VenueSummary

    @model_validator(mode="after")
    def _adds_up(self) -> UnitTotals:
        for name in ("by_form", "by_team"):
            table: list[GroupTotals] = getattr(self, name)
            if _sum(line.values for line in table) != _nonzero(self.totals):
                raise ValueError(f"{self.code}: {name} does not add up to the totals")
            if sum(line.activities for line in table) != self.activities_count:
                raise ValueError(f"{self.code}: {name} does not count every activity once")
        return self


class ConsolidatedData(BaseModel):
    """data.json of a district's package: one entry per commune that reported, nothing summed
    twice. The district's own figures are the sums of the entries (the properties below, the
    same names as :class:`ReportData`'s, so the province consolidates either kind)."""

    model_config = _STRICT

    catalog_id: Annotated[str, StringConstraints(max_length=64), NoControls]
    units: Annotated[list[UnitTotals], Field(max_length=1000)]
    narrative: Narrative

    @model_validator(mode="after")
    def _each_once(self) -> ConsolidatedData:
        if len({unit.code for unit in self.units}) != len(self.units):
            raise ValueError("a commune is listed twice")
        if any(value > limits.MAX_TOTAL for value in self.totals.values()):
            raise ValueError("the communes' totals add up past the limit")
        _built = (self.by_form, self.by_topic, self.by_team, self.venues)  # sums in bounds
        return self

    @property
    def activities_count(self) -> int:
        return sum(unit.activities_count for unit in self.units)

    @property
    def totals(self) -> dict[str, int]:
        return _sum(unit.totals for unit in self.units)

    @property
    def by_form(self) -> list[GroupTotals]:
        return _merge(g for unit in self.units for g in unit.by_form)

    @property
    def by_topic(self) -> list[GroupTotals]:
        return _merge(g for unit in self.units for g in unit.by_topic)

    @property
    def by_team(self) -> list[GroupTotals]:
        return _merge(g for unit in self.units for g in unit.by_team)

    @property
    def venues(self) -> VenueSummary:
        fields = VenueSummary.model_fields
        return VenueSummary(
            **{f: sum(getattr(unit.venues, f) for unit in self.units) for f in fields}
        )


Payload = ReportData | ConsolidatedData


def parse_payload(raw: str | bytes) -> Payload:
    """Stored data.json of either kind (a district's holds "units", a commune's never does:
    both forbid unknown fields)."""
    return _PAYLOAD.validate_json(raw)


def _kind(value: object) -> str:
    has_units = "units" in value if isinstance(value, dict) else hasattr(value, "units")
    return "consolidated" if has_units else "activities"


_PAYLOAD: TypeAdapter[Payload] = TypeAdapter(
    Annotated[
        Annotated[ReportData, Tag("activities")] | Annotated[ConsolidatedData, Tag("consolidated")],
        Discriminator(_kind),
    ]
)


def _merge(groups: Iterable[GroupTotals]) -> list[GroupTotals]:
    """Lines of the same key summed, in the order first seen (the first label is kept)."""
    merged: dict[str, tuple[str, int, dict[str, int]]] = {}
    for group in groups:
        label, activities, values = merged.get(group.key, (group.label, 0, {}))
        for code, value in group.values.items():
            values[code] = values.get(code, 0) + value
        merged[group.key] = (label, activities + group.activities, values)
    return [
        GroupTotals(key=key, label=label, activities=activities, values=values)
        for key, (label, activities, values) in merged.items()
    ]


def _nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {code: value for code, value in counts.items() if value}


def _sum(many: object) -> dict[str, int]:
    total: dict[str, int] = {}
    for counts in many:  # type: ignore[attr-defined]
        for code, value in counts.items():
            total[code] = total.get(code, 0) + value
    return _nonzero(total)
