"""What a report holds: the aggregated figures, the texts, and who issues it.

Plain frozen dataclasses of numbers, strings and dates, so the PDF and XLSX renderers take
them without touching the database, and the district side (report packages) can serialise
them to JSON and back (:func:`to_jsonable` / :func:`report_from_jsonable`) and reuse the
same layout for its own report.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.periods import Period

WHOLE_COMMUNE = ""  # the key of the "whole commune" line (activities with no village)
BLANK_NUMBER = "\u00a0" * 8  # no-break spaces: room to write the number in by hand


@dataclass(frozen=True)
class Column:
    """An indicator column: catalog code and its Vietnamese label."""

    code: str
    label: str


@dataclass(frozen=True)
class Line:
    """One row of a breakdown: how many activities and the total of every indicator.

    ``values`` has an entry for every indicator column (0 included). ``applies`` lists the
    indicators that make sense on the line (a form records only some); None means all.
    """

    key: str
    label: str
    activities: int
    values: Mapping[str, int]
    applies: tuple[str, ...] | None = None

    def value(self, code: str) -> int:
        return self.values.get(code, 0)

    def shows(self, code: str) -> bool:
        return self.applies is None or code in self.applies


@dataclass(frozen=True)
class Breakdown:
    """Lines of one table and its total line (the distinct activities, counted once)."""

    lines: tuple[Line, ...]
    total: Line


@dataclass(frozen=True)
class VenueLine:
    """Venues of one category (or all of them): the QR-code situation at the period's end."""

    key: str
    label: str
    venues: int  # active venues
    registered: int  # registered on the national platform by the end of the period
    new: int  # of which registered during the period
    official_qr: int  # registered and the official QR content is on file
    posters: int  # QR posters printed so far

    @property
    def unregistered(self) -> int:
        return self.venues - self.registered

    def counts(self) -> tuple[int, ...]:
        """The venue table's numbers, in the order of :data:`VENUE_COUNT_TITLES` (the
        screen, the PDF and the workbook show the same columns)."""
        return (
            self.venues,
            self.registered,
            self.new,
            self.unregistered,
            self.official_qr,
            self.posters,
        )


# The printed papers' titles of VenueLine.counts(), in that order.
VENUE_COUNT_TITLES = (
    "Số địa điểm",
    "Đã đăng ký mã QR",
    "Trong đó: đăng ký trong kỳ",
    "Chưa đăng ký",
    "Có mã QR chính thức",
    "Áp phích mã QR đã in",
)


@dataclass(frozen=True)
class VenueSituation:
    lines: tuple[VenueLine, ...]
    total: VenueLine
    previous_registered: int  # registered by the end of the previous period


@dataclass(frozen=True)
class ReportData:
    """Every figure of one commune's report for one period, with its comparison period."""

    commune_code: str
    unit_kind: str  # "Xã"
    unit_name: str  # "Mường Giàng"
    catalog_id: str
    catalog_title: str  # what the campaign is about (the report's summary line)
    catalog_source: str  # the letter that asked for it
    period: Period
    previous_period: Period
    columns: tuple[Column, ...]
    totals: Line
    previous_totals: Line
    by_form: Breakdown
    by_topic: Breakdown
    by_village: Breakdown
    by_team: Breakdown
    venues: VenueSituation
    villages_total: int  # active villages of the commune
    made_at: dt.datetime = field(default_factory=lambda: clock.now(dt.UTC))

    def change(self, code: str | None = None) -> int:
        """This period minus the previous one, for an indicator or (None) the activity count."""
        if code is None:
            return self.totals.activities - self.previous_totals.activities
        return self.totals.value(code) - self.previous_totals.value(code)

    @property
    def villages_reached(self) -> int:
        return sum(1 for line in self.by_village.lines if line.key and line.activities)

    @property
    def teams_active(self) -> int:
        return sum(1 for line in self.by_team.lines if line.activities)


@dataclass(frozen=True)
class Narrative:
    """The texts of a report: number, date, and the three sections the letter asks for."""

    number: str  # "05"; "" leaves room for the registry to write it by hand
    report_date: dt.date
    results: str
    difficulties: str
    proposals: str
    symbol: str = "BC-UBND"

    @property
    def reference(self) -> str:
        """'Số: 05/BC-UBND' (blank number: spaces where the clerk writes it)."""
        return f"Số: {self.number or BLANK_NUMBER}/{self.symbol}"


@dataclass(frozen=True)
class Issuer:
    """Who issues and signs the document (from the profile), as printed on it.

    A commune's People's Committee prints "ỦY BAN NHÂN DÂN / XÃ MƯỜNG GIÀNG" and signs
    "TM." the collective body. A specialised office of the district prints its managing
    body above its own name ("UBND HUYỆN QUỲNH NHAI / PHÒNG VĂN HÓA VÀ THÔNG TIN") and its
    head signs in person (Decree 30/2020/NĐ-CP, Appendix I): ``parent_body`` and
    ``collective=False`` say so.
    """

    authority: str  # "ỦY BAN NHÂN DÂN"; an office: "PHÒNG VĂN HÓA VÀ THÔNG TIN"
    unit_kind: str  # "Xã"
    unit_name: str  # "Mường Giàng"
    place: str  # the place name of the date line: "Mường Giàng"
    recipient: str  # "Phòng Văn hóa và Thông tin huyện Quỳnh Nhai"
    signer_name: str
    signer_title: tuple[str, ...]  # ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    copies_to: tuple[str, ...] = ("Như trên;", "Chủ tịch, các PCT UBND xã;")
    filed_as: str = "Lưu: VT, VHXH."
    parent_body: str = ""  # the managing body printed above an office: "UBND HUYỆN QUỲNH NHAI"
    collective: bool = True  # a collective body: the signer signs "TM." it
    also_to: tuple[str, ...] = ()  # further recipients after ``recipient``
    # The fingerprint of the key that signs the report file, printed small at the foot of
    # page 1 so the clerk can read it out when the district enrols the key ("" : none).
    key_fingerprint: str = ""
    acting_line: str | None = None  # the profile's own line above the title ("" for none)

    @property
    def unit_line(self) -> str:
        return f"{self.unit_kind} {self.unit_name}".upper()

    @property
    def header_lines(self) -> tuple[tuple[str, bool], ...]:
        """The issuing body's lines of the header, each with whether it is bold."""
        if self.parent_body:
            return ((self.parent_body, False), (self.authority, True))
        return ((self.authority, True), (self.unit_line, True))

    @property
    def recipients(self) -> tuple[str, ...]:
        return (self.recipient, *self.also_to)

    @property
    def acting_for(self) -> str:
        """'TM. ỦY BAN NHÂN DÂN': the collective body the signer signs for ('' for an office)."""
        if self.acting_line is not None:
            return self.acting_line
        return f"TM. {self.authority}" if self.collective else ""


# -- JSON ----------------------------------------------------------------------------------


def to_jsonable(value: Any) -> Any:
    """Dataclasses, tuples, mappings and dates as JSON-ready dicts, lists and ISO strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _line(data: Mapping[str, Any]) -> Line:
    applies = data.get("applies")
    return Line(
        key=data["key"],
        label=data["label"],
        activities=int(data["activities"]),
        values={k: int(v) for k, v in data["values"].items()},
        applies=tuple(applies) if applies is not None else None,
    )


def _breakdown(data: Mapping[str, Any]) -> Breakdown:
    return Breakdown(tuple(_line(x) for x in data["lines"]), _line(data["total"]))


def _period(data: Mapping[str, Any]) -> Period:
    return Period(
        dt.date.fromisoformat(data["start"]),
        dt.date.fromisoformat(data["end"]),
        data["rule"],
        data.get("year"),
        data.get("month"),
    )


def report_from_jsonable(data: Mapping[str, Any]) -> ReportData:
    """The inverse of :func:`to_jsonable` for :class:`ReportData`."""
    venues = data["venues"]
    return ReportData(
        commune_code=data["commune_code"],
        unit_kind=data["unit_kind"],
        unit_name=data["unit_name"],
        catalog_id=data["catalog_id"],
        catalog_title=data["catalog_title"],
        catalog_source=data["catalog_source"],
        period=_period(data["period"]),
        previous_period=_period(data["previous_period"]),
        columns=tuple(Column(**c) for c in data["columns"]),
        totals=_line(data["totals"]),
        previous_totals=_line(data["previous_totals"]),
        by_form=_breakdown(data["by_form"]),
        by_topic=_breakdown(data["by_topic"]),
        by_village=_breakdown(data["by_village"]),
        by_team=_breakdown(data["by_team"]),
        venues=VenueSituation(
            tuple(VenueLine(**v) for v in venues["lines"]),
            VenueLine(**venues["total"]),
            int(venues["previous_registered"]),
        ),
        villages_total=int(data["villages_total"]),
        made_at=dt.datetime.fromisoformat(data["made_at"]),
    )
