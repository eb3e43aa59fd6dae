"""What the monthly report reads, in plain SQL over one ``sqlite3`` connection.

The one implementation of the report's reading: the window reaches it through
:func:`services.report.prepare` (the connection under its read session), ``report
monthly`` and ``report range`` through a plain connection (:mod:`store.plain`), so a
command neither imports the ORM nor pydantic. The profile (as the unit printed in the
period), the campaign, the saved texts or the draft, the last revision exported, and the
figures: the period's activities (the live-rows index finds them by date), their topics and
their values, each read once and added up by form, village, team and topic. Every total is
a roll-up of those rows, so the tables of one report always add up. An activity with
several topics counts once under each topic; the topic table's total line counts each
activity once (the report says so).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Protocol

from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.campaign_choice import C, Terms, pick, venue_category_labels
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.periods import Period
from quynhnhai_desktop.domain.profile import (
    ProfileFields,
    UnitProfile,
    copies_to,
    not_set_up,
    records_activities,
    signature_line,
)
from quynhnhai_desktop.domain.report import (
    WHOLE_COMMUNE,
    Breakdown,
    Column,
    Issuer,
    Line,
    Narrative,
    ReportData,
    VenueLine,
    VenueSituation,
)
from quynhnhai_desktop.domain.report_text import draft_results
from quynhnhai_desktop.domain.unit_identity import Identity, in_force, in_order
from quynhnhai_desktop.store import month_sums
from quynhnhai_desktop.store.files import atomic_write_bytes

REPORT_DATE_GRACE_DAYS = 5  # the default date: a few days after the period closes

Counts = dict[str, int]


def _day(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value[:10])


# -- the profile, as the unit printed in a period ----------------------------------------

_PROFILE = (
    "mode, unit_code, unit_kind, unit_name, district_code, district_name, province_code, "
    "province_name, recipient, signer_name, signer_title, signature_line, copies_to, "
    "issuing_body"
)


def profile(conn: sqlite3.Connection) -> UnitProfile:
    """The profile, or the "not set up yet" error."""
    row = conn.execute(f"SELECT {_PROFILE} FROM profile WHERE id = 1").fetchone()
    if row is None:
        raise not_set_up()
    return UnitProfile(*row)


def unit_history(conn: sqlite3.Connection) -> list[Identity]:
    """Every identity of the installation, the oldest first (the current one last)."""
    rows = conn.execute(
        "SELECT unit_code, level, unit_kind, unit_name, parent_code, district_code, "
        "district_name, province_code, province_name, recipient, valid_from, valid_to "
        "FROM unit_history ORDER BY id"
    ).fetchall()
    return in_order(
        Identity(
            code=row[0],
            level=row[1],
            kind=row[2],
            name=row[3],
            parent_code=row[4],
            district_code=row[5],
            district_name=row[6],
            province_code=row[7],
            province_name=row[8],
            recipient=row[9],
            valid_from=_day(row[10]),
            valid_to=_day(row[11]),
        )
        for row in rows
    )


def printed_as(conn: sqlite3.Connection, current: UnitProfile, day: dt.date) -> UnitProfile:
    """*current* as it printed on *day*: itself in its own identity; the old unit's name,
    level, parents and recipient before a move (the code, the data's key, is the same)."""
    identity = in_force(unit_history(conn), current, day)
    if identity.valid_to is None:
        return current
    return dataclasses.replace(
        current,
        mode=identity.level,
        unit_code=identity.code,
        unit_kind=identity.kind,
        unit_name=identity.name,
        district_code=identity.district_code,
        district_name=identity.district_name,
        province_code=identity.province_code,
        province_name=identity.province_name,
        recipient=identity.recipient,
    )


def require_commune(profile: ProfileFields) -> None:
    if not records_activities(profile):
        raise UserError(
            "report",
            QT_TRANSLATE_NOOP("report", "The monthly report is made by a commune installation."),
        )


def issuer_from_profile(profile: ProfileFields, fingerprint: str = "") -> Issuer:
    """The header and signature lines of a commune report, from the set-up profile (and
    the fingerprint of the installation's signing key, printed at the foot of page 1)."""
    return Issuer(
        key_fingerprint=fingerprint,
        authority="ỦY BAN NHÂN DÂN",
        unit_kind=profile.unit_kind,
        unit_name=profile.unit_name,
        place=profile.unit_name,
        recipient=profile.recipient,
        signer_name=profile.signer_name,
        signer_title=tuple(line for line in profile.signer_title.split("\n") if line.strip()),
        copies_to=copies_to(profile),
        filed_as="",  # the last line of copies_to
        acting_line=signature_line(profile),
    )


# -- campaigns -----------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredCampaign:
    campaign_id: str
    version: int
    sha256: str
    source: bytes


def stored_campaigns(conn: sqlite3.Connection) -> list[StoredCampaign]:
    """The newest version of every stored campaign, by the day it starts (then its id)."""
    newest: dict[str, StoredCampaign] = {}
    for row in conn.execute(
        "SELECT campaign_id, version, source_sha256, source FROM campaign "
        "ORDER BY runs_from, campaign_id"
    ):
        found = StoredCampaign(row[0], row[1], row[2], bytes(row[3]))
        if found.campaign_id not in newest or found.version > newest[found.campaign_id].version:
            newest[found.campaign_id] = found
    return list(newest.values())


def scope(conn: sqlite3.Connection, campaign_id: str) -> str | None:
    """The campaign id to filter activities by, or None when the installation has only
    this campaign (every activity is in it: the queries stay as fast as before)."""
    ids = [row[0] for row in conn.execute("SELECT DISTINCT campaign_id FROM campaign")]
    return None if ids in ([], [campaign_id]) else campaign_id


# -- the figures -----------------------------------------------------------------------------


class _Tally:
    """Activities and indicator sums accumulated under one key."""

    __slots__ = ("activities", "values")

    def __init__(self) -> None:
        self.activities = 0
        self.values: Counts = defaultdict(int)

    def line(
        self, key: str, label: str, codes: Iterable[str], applies: tuple[str, ...] | None = None
    ) -> Line:
        return Line(key, label, self.activities, {c: self.values.get(c, 0) for c in codes}, applies)


def _in_period(
    commune_code: str, period: Period, campaign_id: str | None
) -> tuple[str, tuple[object, ...]]:
    where = (
        "activity.commune_code = ? AND activity.date >= ? AND activity.date <= ? "
        "AND activity.deleted_at IS NULL"
    )
    params: tuple[object, ...] = (commune_code, period.start.isoformat(), period.end.isoformat())
    if campaign_id is None:
        return where, params
    return f"{where} AND activity.campaign_id = ?", (*params, campaign_id)


def period_totals(
    conn: sqlite3.Connection, commune_code: str, period: Period, campaign_id: str | None = None
) -> tuple[int, Counts]:
    """The activity count and indicator sums of one period (the report's "previous" line),
    of one campaign's activities when *campaign_id* is given.

    A calendar month is read from the monthly sums the triggers keep (store/month_sums.py:
    one key range, ~1 ms, instead of joining the month's ~5,000 values, ~7 ms)."""
    month = _whole_month(period)
    if month is not None and _has_month_sums(conn):
        campaign = "" if campaign_id is None else " AND campaign_id = ?"
        found = dict(
            conn.execute(
                f"SELECT indicator_code, sum(total) FROM {month_sums.TABLE} "
                f"WHERE commune_code = ? AND month = ?{campaign} GROUP BY indicator_code",
                (commune_code, month)
                if campaign_id is None
                else (commune_code, month, campaign_id),
            ).fetchall()
        )
        count = int(found.pop(month_sums.COUNT, 0) or 0)
        return count, {code: int(total) for code, total in found.items() if total}
    where, params = _in_period(commune_code, period, campaign_id)
    (count,) = conn.execute(f"SELECT count(*) FROM activity WHERE {where}", params).fetchone()
    sums = conn.execute(
        "SELECT activity_value.indicator_code, sum(activity_value.value) FROM activity "
        "JOIN activity_value ON activity_value.activity_id = activity.id "
        f"WHERE {where} GROUP BY activity_value.indicator_code",
        params,
    ).fetchall()
    return count, {code: int(total) for code, total in sums}


def _whole_month(period: Period) -> str | None:
    """ "YYYY-MM" when *period* is exactly one calendar month, as the monthly sums key it."""
    start, end = period.start, period.end
    last = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return f"{start:%Y-%m}" if start.day == 1 and end == last else None


def _has_month_sums(conn: sqlite3.Connection) -> bool:
    query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return conn.execute(query, (month_sums.TABLE,)).fetchone() is not None


_KEYS = "activity.form_code, activity.village_id, activity.team_id"


def _named(conn: sqlite3.Connection, table: str, code: str) -> list[tuple[int, str, bool]]:
    """(id, name, active) of the commune's villages or teams, in their list order."""
    query = f"SELECT id, name, active FROM {table} WHERE commune_code = ? ORDER BY sort_key"
    return conn.execute(query, (code,)).fetchall()


def _lines_of(
    named: list[tuple[int, str, bool]], tallies: Mapping[Any, _Tally], codes: Iterable[str]
) -> list[Line]:
    """A line for each active name, and for an inactive one that has activities."""
    return [
        tallies[key].line(str(key), name, codes)
        for key, name, active in named
        if active or tallies.get(key)
    ]


def figures(
    conn: sqlite3.Connection,
    unit: ProfileFields,
    period: Period,
    catalog: Terms,
    campaign_id: str | None,
    made_at: dt.datetime | None = None,
) -> ReportData:
    """Every figure of *unit*'s commune for *period* in *catalog*'s terms (of *campaign_id*'s
    activities only, when given), with the previous period's totals."""
    code = unit.unit_code
    columns = tuple(Column(i.code, i.vi) for i in catalog.indicators)
    codes = [c.code for c in columns]
    where, params = _in_period(code, period, campaign_id)

    by_form: dict[str, _Tally] = defaultdict(_Tally)
    by_village: dict[int | None, _Tally] = defaultdict(_Tally)
    by_team: dict[int, _Tally] = defaultdict(_Tally)
    by_topic: dict[str, _Tally] = defaultdict(_Tally)
    total = _Tally()

    # Three reads of the period's rows (the live-rows index finds the activities by date;
    # their values and topics by activity id), added up here: the grouped sums in SQL
    # (by form × village × team, by topic, each with its values) cost twice as much.
    # Each activity's tallies, found once: its form's, village's, team's, the total, then
    # one per topic; each of its values is added to each of them.
    tallies_of: dict[int, list[_Tally]] = {}
    for activity, form, village, team in conn.execute(
        f"SELECT activity.id, {_KEYS} FROM activity WHERE {where}", params
    ):
        tallies_of[activity] = [by_form[form], by_village[village], by_team[team], total]
    for activity, topic in conn.execute(
        "SELECT activity_topic.activity_id, activity_topic.topic_code FROM activity "
        f"JOIN activity_topic ON activity_topic.activity_id = activity.id WHERE {where}",
        params,
    ):
        tallies_of[activity].append(by_topic[topic])
    for tallies in tallies_of.values():
        for tally in tallies:
            tally.activities += 1
    for activity, indicator, amount in conn.execute(
        "SELECT activity_value.activity_id, activity_value.indicator_code, "
        "activity_value.value FROM activity "
        f"JOIN activity_value ON activity_value.activity_id = activity.id WHERE {where}",
        params,
    ):
        for tally in tallies_of[activity]:
            tally.values[indicator] += amount

    total_line = total.line("", "Tổng cộng", codes)
    form_lines = [by_form[f.code].line(f.code, f.vi, codes, f.indicators) for f in catalog.forms]
    known_forms = {f.code for f in catalog.forms}
    form_lines += [  # activities recorded under a form a newer catalog dropped
        by_form[key].line(key, key, codes) for key in sorted(set(by_form) - known_forms)
    ]
    topic_lines = [by_topic[t.code].line(t.code, t.vi, codes) for t in catalog.topics]
    known_topics = {t.code for t in catalog.topics}
    topic_lines += [
        by_topic[key].line(key, key, codes) for key in sorted(set(by_topic) - known_topics)
    ]

    village_rows = _named(conn, "village", code)
    village_lines = _lines_of(village_rows, by_village, codes)
    whole = f"Toàn {unit.unit_kind.lower()}"
    village_lines.append(by_village[None].line(WHOLE_COMMUNE, whole, codes))
    team_lines = _lines_of(_named(conn, "team", code), by_team, codes)

    previous = period.previous()
    prev_count, prev_sums = period_totals(conn, code, previous, campaign_id)
    return ReportData(
        commune_code=code,
        unit_kind=unit.unit_kind,
        unit_name=unit.unit_name,
        catalog_id=catalog.id,
        catalog_title=catalog.title["vi"],
        catalog_source=catalog.source,
        period=period,
        previous_period=previous,
        columns=columns,
        totals=total_line,
        previous_totals=Line("", "Kỳ trước", prev_count, {c: prev_sums.get(c, 0) for c in codes}),
        by_form=Breakdown(tuple(form_lines), total_line),
        by_topic=Breakdown(tuple(topic_lines), total_line),
        by_village=Breakdown(tuple(village_lines), total_line),
        by_team=Breakdown(tuple(team_lines), total_line),
        venues=venue_situation(conn, code, period),
        villages_total=sum(1 for _id, _name, active in village_rows if active),
        made_at=made_at or clock.now(dt.UTC),
    )


def venue_situation(conn: sqlite3.Connection, commune_code: str, period: Period) -> VenueSituation:
    """The QR-code situation of the commune's active venues at the end of *period*.

    The register keeps each venue's registration date; a venue registered with no date
    counts as registered before any period. Posters are the running total printed.
    """
    rows = conn.execute(
        "SELECT category, registered, registered_on, qr_content, posters_printed FROM venue "
        "WHERE commune_code = ? AND status = 'active'",
        (commune_code,),
    ).fetchall()
    previous_end = period.previous().end
    tallies: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    previous_registered = 0
    for category, registered, registered_text, qr_content, posters in rows:
        registered_on = _day(registered_text)
        tally = tallies[category]
        registered_by_end = bool(registered) and (
            registered_on is None or registered_on <= period.end
        )
        tally[0] += 1
        tally[1] += registered_by_end
        tally[2] += (
            bool(registered) and registered_on is not None and period.contains(registered_on)
        )
        tally[3] += registered_by_end and bool(qr_content)
        tally[4] += posters
        previous_registered += bool(registered) and (
            registered_on is None or registered_on <= previous_end
        )
    labels = dict(venue_category_labels())
    order = [code for code, _label in venue_category_labels() if code in tallies]
    order += sorted(k for k in tallies if k not in labels)
    lines = tuple(VenueLine(k, labels.get(k, k), *tallies[k]) for k in order)
    total = VenueLine("", "Tổng cộng", *(sum(t[i] for t in tallies.values()) for i in range(5)))
    return VenueSituation(lines, total, previous_registered)


# -- the whole report --------------------------------------------------------------------------


def default_report_date(period: Period, today: dt.date | None = None) -> dt.date:
    """Today when the period has just closed; otherwise a few days after its end."""
    today = today or clock.today()
    latest = period.end + dt.timedelta(days=REPORT_DATE_GRACE_DAYS)
    return max(period.end, min(today, latest))


@dataclass(frozen=True)
class ReportParts(Generic[C]):
    """Everything one report prints, with the campaign as the caller reads campaigns."""

    data: ReportData
    narrative: Narrative
    issuer: Issuer
    results_drafted: bool  # the results text is the draft from the numbers, not yet edited
    exported_revision: int | None  # the latest report package exported for this period
    campaign: C


def read_report(
    conn: sqlite3.Connection,
    period: Period,
    *,
    campaign_of: Callable[[StoredCampaign], C],
    first: Callable[[], C],
    today: dt.date | None = None,
    fingerprint: str = "",
    campaign_id: str | None = None,
) -> ReportParts[C]:
    """The figures and the saved (or drafted) texts of *period* (call it inside one read
    transaction), for the campaign *campaign_id* (default: the only one running at the
    period's end); *campaign_of* reads a stored campaign, *first* is the shipped one."""
    # The unit as it was in the period: a commune moved across the 2025 reform prints
    # its earlier months under the old name and recipient (the code is the same).
    unit = printed_as(conn, profile(conn), period.start)
    require_commune(unit)
    known = [campaign_of(s) for s in stored_campaigns(conn)]
    campaign = pick(known, campaign_id, period.end, first)
    data = figures(conn, unit, period, campaign, scope(conn, campaign.id))
    start, end = period.start.isoformat(), period.end.isoformat()
    saved = conn.execute(
        "SELECT number, report_date, results, difficulties, proposals FROM report_text "
        "WHERE commune_code = ? AND campaign_id = ? AND period_start = ? AND period_end = ? "
        "AND period_rule = ? LIMIT 1",
        (unit.unit_code, campaign.id, start, end, period.rule),
    ).fetchone()
    last = conn.execute(
        "SELECT revision FROM report_submission WHERE commune_code = ? AND campaign_id = ? "
        "AND period_start = ? AND period_end = ? ORDER BY revision DESC LIMIT 1",
        (unit.unit_code, campaign.id, start, end),
    ).fetchone()
    revision = last[0] if last is not None else None
    issuer = issuer_from_profile(unit, fingerprint)
    if saved is None:
        narrative = Narrative("", default_report_date(period, today), draft_results(data), "", "")
        return ReportParts(data, narrative, issuer, True, revision, campaign)
    number, report_date, results, difficulties, proposals = saved
    narrative = Narrative(
        number=number,
        report_date=dt.date.fromisoformat(report_date),
        results=draft_results(data) if results is None else results,
        difficulties=difficulties,
        proposals=proposals,
    )
    return ReportParts(data, narrative, issuer, results is None, revision, campaign)


# -- the files ---------------------------------------------------------------------------------


class Printable(Protocol):
    @property
    def data(self) -> ReportData: ...
    @property
    def narrative(self) -> Narrative: ...
    @property
    def issuer(self) -> Issuer: ...


def pdf_bytes(report: Printable) -> bytes:
    from quynhnhai_desktop.output.report_pdf import build_report_pdf

    return build_report_pdf(report.data, report.narrative, report.issuer)


def write_pdf(report: Printable, path: Path) -> Path:
    """The printed report, written atomically (a pulled USB stick never holds half a file)."""
    atomic_write_bytes(Path(path), pdf_bytes(report))
    return Path(path)


def xlsx_bytes(report: Printable) -> bytes:
    from quynhnhai_desktop.output.report_xlsx import build_report_xlsx

    return build_report_xlsx(report.data, report.narrative, report.issuer)


def write_xlsx(report: Printable, path: Path) -> Path:
    atomic_write_bytes(Path(path), xlsx_bytes(report))
    return Path(path)
