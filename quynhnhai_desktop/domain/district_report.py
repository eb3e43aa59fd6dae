"""The district's consolidated report: the communes' latest data summed, nothing else.

:func:`consolidate` is a pure function from what the district holds (each commune's
report package data as it travelled, the revision that counts) to the same
:class:`~domain.report.ReportData` the commune report uses, so both PDFs and both workbooks
render from the same dataclasses. In it the "by village" slot holds one line per commune
that reported, and the venue lines are communes instead of venue categories. Labels and
"which indicators a form records" come from the catalog; a key the catalog does not know is
kept under the label the commune sent, so no number is ever dropped.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain import package as wire
from quynhnhai_desktop.domain.campaign import Campaign
from quynhnhai_desktop.domain.catalog import Catalog
from quynhnhai_desktop.domain.periods import Period
from quynhnhai_desktop.domain.report import (
    Breakdown,
    Column,
    Line,
    ReportData,
    VenueLine,
    VenueSituation,
)
from quynhnhai_desktop.domain.text import fold, sort_key

# The commune × indicators table of the printed report shows the campaign's
# ``consolidated`` indicators with the activity count (seven number columns fit A4 portrait
# with the commune's name; every indicator is in the Excel copy).
KEY_COLUMNS = 6
TOTAL_LABEL = "Tổng cộng"


@dataclass(frozen=True)
class Received:
    """What counts for one commune and period at the district: its highest revision."""

    revision: int
    sent_at: dt.datetime  # when the commune made the package (manifest created_at, UTC)
    data: wire.Payload  # a district's per-commune totals, when a province received it
    package_sha256: str = ""  # of the file it came from


@dataclass(frozen=True)
class CommuneReport:
    """One expected commune in the consolidated report: whether it reported, and its texts."""

    code: str
    name: str  # "Xã Mường Giàng"
    revision: int | None = None  # None: nothing received for the period
    sent_at: dt.datetime | None = None
    number: str = ""  # the commune's own report number ("05" of 05/BC-UBND)
    issued_on: dt.date | None = None
    difficulties: str = ""
    proposals: str = ""
    other_period: Period | None = None  # not reported, but sent the month under another rule

    @property
    def reported(self) -> bool:
        return self.revision is not None


@dataclass(frozen=True)
class DistrictReport:
    """The summed figures (``data``) and, for every expected commune, what it sent."""

    data: ReportData
    communes: tuple[CommuneReport, ...]
    previous_reported: int  # communes whose report makes the previous period's totals
    key_columns: tuple[Column, ...] = field(default=())
    # What the units that report are called in the text: "xã", or "huyện" at a 2021
    # province (its districts send their consolidated reports).
    member: str = "xã"

    @property
    def member_title(self) -> str:
        """The word as a column's heading: "Xã", "Huyện"."""
        return self.member[:1].upper() + self.member[1:]

    @property
    def reported(self) -> tuple[CommuneReport, ...]:
        return tuple(c for c in self.communes if c.reported)

    @property
    def missing(self) -> tuple[CommuneReport, ...]:
        return tuple(c for c in self.communes if not c.reported)


class _Sum:
    __slots__ = ("activities", "label", "values")

    def __init__(self, label: str) -> None:
        self.label = label
        self.activities = 0
        self.values: dict[str, int] = defaultdict(int)

    def add(self, activities: int, values: Mapping[str, int]) -> None:
        self.activities += activities
        for code, value in values.items():
            self.values[code] += value

    def line(
        self,
        key: str,
        codes: Sequence[str],
        applies: tuple[str, ...] | None = None,
        label: str | None = None,
    ) -> Line:
        values = {c: self.values.get(c, 0) for c in codes}
        return Line(key, label or self.label, self.activities, values, applies)


def _sum_groups(groups: Iterable[wire.GroupTotals]) -> dict[str, _Sum]:
    """Lines of the same key summed (the first label seen is kept)."""
    sums: dict[str, _Sum] = {}
    for group in groups:
        sums.setdefault(group.key, _Sum(group.label)).add(group.activities, group.values)
    return sums


def _columns(catalog: Catalog, data: Iterable[wire.Payload]) -> tuple[Column, ...]:
    """The catalog's indicators, then any other indicator code a commune sent."""
    columns = [Column(i.code, i.vi) for i in catalog.indicators]
    known = {c.code for c in columns}
    extra = sorted({code for d in data for code in d.totals if code not in known})
    return (*columns, *(Column(code, code) for code in extra))


def _catalog_lines(
    sums: Mapping[str, _Sum],
    items: Sequence[tuple[str, str, tuple[str, ...] | None]],
    codes: Sequence[str],
) -> tuple[Line, ...]:
    """A line per catalog item (code, label, applies) in catalog order, then unknown keys."""
    lines = [
        sums.get(code, _Sum(label)).line(code, codes, applies, label)
        for code, label, applies in items
    ]
    known = {code for code, _label, _applies in items}
    lines += [s.line(key, codes) for key, s in sums.items() if key not in known]
    return tuple(lines)


def _totals_line(data: Iterable[wire.Payload], codes: Sequence[str], label: str) -> Line:
    total = _Sum(label)
    for d in data:
        total.add(d.activities_count, d.totals)
    return total.line("", codes)


def _venues(
    communes: Sequence[tuple[str, str]], received: Mapping[str, Received]
) -> VenueSituation:
    lines = []
    for code, name in communes:
        if code not in received:
            continue
        v = received[code].data.venues
        lines.append(
            VenueLine(
                code,
                name,
                v.active,
                v.registered,
                v.registered_in_period,
                v.with_official_qr,
                v.posters_printed,
            )
        )
    fields = ("venues", "registered", "new", "official_qr", "posters")
    total = VenueLine("", TOTAL_LABEL, *(sum(getattr(x, f) for x in lines) for f in fields))
    # Registered by the end of the previous period: those registered before this one began
    # (monthly periods follow each other, so the previous one ends the day before).
    return VenueSituation(tuple(lines), total, total.registered - total.new)


def consolidate(
    *,
    unit_code: str,
    unit_kind: str,
    unit_name: str,
    communes: Sequence[tuple[str, str]],
    received: Mapping[str, Received],
    previous: Mapping[str, wire.Payload],
    period: Period,
    catalog: Catalog,
    other_periods: Mapping[str, Period] | None = None,
    made_at: dt.datetime | None = None,
    member: str = "xã",
) -> DistrictReport:
    """Sum the communes' latest data for *period*; list who reported and who did not.

    *communes* are the expected communes as (code, full name), in the order the report lists
    them; a commune that sent data but is not expected is added at the end (its numbers
    count). *previous* holds the previous period's latest data, for the comparison table.
    """
    expected = list(communes)
    known = {code for code, _name in expected}
    expected += [(code, code) for code in sorted(received) if code not in known]
    datas = [received[code].data for code, _name in expected if code in received]
    columns = _columns(catalog, [*datas, *previous.values()])
    codes = [c.code for c in columns]
    totals = _totals_line(datas, codes, TOTAL_LABEL)

    forms = _sum_groups(g for d in datas for g in d.by_form)
    topics = _sum_groups(g for d in datas for g in d.by_topic)
    form_items = [(f.code, f.vi, f.indicators) for f in catalog.forms]
    topic_items = [(t.code, t.vi, None) for t in catalog.topics]

    by_commune = tuple(
        Line(
            code,
            name,
            received[code].data.activities_count,
            {c: received[code].data.totals.get(c, 0) for c in codes},
        )
        for code, name in expected
        if code in received
    )
    team_names: dict[str, _Sum] = {}
    for d in datas:
        for group in d.by_team:
            team_names.setdefault(fold(group.label), _Sum(group.label)).add(
                group.activities, group.values
            )
    team_lines = tuple(
        s.line(key, codes)
        for key, s in sorted(team_names.items(), key=lambda item: sort_key(item[1].label))
    )

    data = ReportData(
        commune_code=unit_code,
        unit_kind=unit_kind,
        unit_name=unit_name,
        catalog_id=catalog.id,
        catalog_title=catalog.title["vi"],
        catalog_source=catalog.source,
        period=period,
        previous_period=period.previous(),
        columns=columns,
        totals=totals,
        previous_totals=_totals_line(previous.values(), codes, "Kỳ trước"),
        by_form=Breakdown(_catalog_lines(forms, form_items, codes), totals),
        by_topic=Breakdown(_catalog_lines(topics, topic_items, codes), totals),
        by_village=Breakdown(by_commune, totals),
        by_team=Breakdown(team_lines, totals),
        venues=_venues(expected, received),
        villages_total=len(communes),
        made_at=made_at or clock.now(dt.UTC),
    )
    others = other_periods or {}
    statuses = []
    for code, name in expected:
        got = received.get(code)
        if got is None:
            statuses.append(CommuneReport(code, name, other_period=others.get(code)))
            continue
        text = got.data.narrative
        statuses.append(
            CommuneReport(
                code,
                name,
                got.revision,
                got.sent_at,
                text.number,
                text.issued_on,
                text.difficulties.strip(),
                text.proposals.strip(),
            )
        )
    wanted = catalog.consolidated if isinstance(catalog, Campaign) else ()
    key_columns = tuple(c for c in columns if c.code in wanted)
    if not key_columns:  # a campaign that names none: its first indicators
        key_columns = columns[:KEY_COLUMNS]
    return DistrictReport(data, tuple(statuses), len(previous), key_columns, member)
