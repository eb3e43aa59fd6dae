"""The upper level (the district in 2021): import communes' packages, track who reported.

Who reports to whom is data: the expected communes are the units under this installation's
unit in the dated unit list, valid for the period — so the 2021 district and the post-2025
province both work without code changes.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from quynhnhai_desktop.domain.campaign import FIRST_CAMPAIGN
from quynhnhai_desktop.domain.district_report import Received
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.package import AnyManifest, Manifest, Payload, parse_payload
from quynhnhai_desktop.domain.periods import calendar_month, statistical_month
from quynhnhai_desktop.domain.text import clean, printable
from quynhnhai_desktop.domain.units import AdminUnit, UnitRegistry, default_units
from quynhnhai_desktop.services import package, settings
from quynhnhai_desktop.services.profile import consolidates, require_profile
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import (
    CampaignRecord,
    CommuneKey,
    HeldPackage,
    ImportedReport,
    Profile,
)

log = logging.getLogger(__name__)


class Outcome(enum.Enum):
    IMPORTED = "imported"
    REPLACED = "replaced"  # a higher revision now counts instead of an earlier one
    ALREADY = "already"  # the same file was imported before: nothing changed
    OLDER = "older"  # a lower revision than the one that counts: kept in the history
    HELD = "held"  # sound, but the commune's key is not enrolled yet: counted nowhere
    WITHDRAWN = "withdrawn"  # this very file was imported and later withdrawn
    REFUSED = "refused"


# What still needs the district's action: every outcome but these makes `package import` fail.
SETTLED = frozenset({Outcome.IMPORTED, Outcome.REPLACED, Outcome.ALREADY, Outcome.OLDER})


@dataclass(frozen=True)
class ImportResult:
    path: Path
    outcome: Outcome
    commune: str = ""  # the unit's name from the unit list (never the file's own text)
    revision: int = 0
    error: UserError | None = None
    commune_code: str = ""
    fingerprint: str = ""  # of the key that signed the file (HELD: the one to confirm)

    @property
    def file_name(self) -> str:
        """The file's name, safe to show (a name on a stick may hold control characters)."""
        return printable(self.path.name)


def expected_communes(units: UnitRegistry, upper_code: str, on: dt.date) -> list[AdminUnit]:
    """The units expected to report to *upper_code* on *on*: those that report to it
    directly (a 2021 district's communes; a province's districts in 2021, whose packages
    carry their communes' totals, and its communes from 1/7/2025)."""
    return units.reporting_to(upper_code, on)


def require_upper_level(session: Session) -> Profile:
    profile = require_profile(session)
    if not consolidates(profile):
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district", "Importing reports is for the district installation, not a commune."
            ),
        )
    return profile


_require_upper_level = require_upper_level


def import_files(
    db: Database, paths: Iterable[Path], units: UnitRegistry | None = None
) -> list[ImportResult]:
    """Import each file on its own (all-or-nothing per file); one bad file stops nothing."""
    units = units or default_units()
    results = []
    for path in _expand(paths):
        try:
            results.append(import_one(db, path, units))
        except UserError as error:
            log.info("refused %s: %s", path, error.english())
            results.append(ImportResult(path, Outcome.REFUSED, error=shown_safely(error)))
    return results


def shown_safely(error: UserError) -> UserError:
    """*error* with every text it quotes made printable: a refusal may quote the file's own
    words (member names, a field, a name), which must not reach a terminal raw."""
    error.params = {k: printable(v) if isinstance(v, str) else v for k, v in error.params.items()}
    return error


def verify(blob: bytes) -> package.VerifiedPackage:
    """:func:`package.read`, its refusals made safe to show."""
    try:
        return package.read(blob)
    except UserError as error:
        raise shown_safely(error) from None


def _expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders contribute their report files (.qnbc in any case), by name."""
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            out += sorted(
                p for p in path.iterdir() if p.suffix.lower() == package.SUFFIX and p.is_file()
            )
        else:
            out.append(path)
    return out


def read_file(path: Path) -> bytes:
    try:
        return package.read_path(path)  # refused by its size before it is read
    except OSError as error:
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP("district", "Cannot read {name}: {reason}"),
            name=printable(Path(path).name),
            reason=error.strerror or str(error),
        ) from None


def import_one(db: Database, path: Path, units: UnitRegistry) -> ImportResult:
    return import_blob(db, read_file(path), path, units)


def import_blob(db: Database, blob: bytes, path: Path, units: UnitRegistry) -> ImportResult:
    """Verify and import one package's bytes; *path* names it (for the record and messages)."""
    verified = verify(blob)
    manifest = verified.manifest
    with db.session() as session:
        profile = require_upper_level(session)
        unit = check_sender(units, profile, verified)
        done = partial(
            ImportResult,
            path,
            commune=unit.name,
            revision=manifest.revision,
            commune_code=unit.code,
            fingerprint=verified.fingerprint,
        )
        earlier = session.exec(
            select(ImportedReport).where(ImportedReport.package_sha256 == verified.sha256)
        ).first()
        if earlier is not None:
            return done(Outcome.ALREADY if earlier.withdrawn_at is None else Outcome.WITHDRAWN)
        check_campaign(session, verified)
        if not _key_enrolled(session, unit, verified):
            _hold(session, verified, blob, path)
            return done(Outcome.HELD)
        current = current_revision(
            session,
            manifest.commune_code,
            manifest.period_start,
            manifest.period_end,
            manifest.campaign_id,
        )
        session.add(
            ImportedReport(
                package_sha256=verified.sha256,
                commune_code=manifest.commune_code,
                commune_name=unit.name,
                campaign_id=manifest.campaign_id,
                period_start=manifest.period_start,
                period_end=manifest.period_end,
                period_rule=manifest.period_rule,
                revision=manifest.revision,
                key_fingerprint=verified.fingerprint,
                created_at=manifest.created_at,
                file_name=printable(path.name)[:255],
                data_json=verified.data_json,
                pdf=verified.pdf,
            )
        )
        try:
            session.flush()
        except IntegrityError:
            raise UserError(
                "district",
                QT_TRANSLATE_NOOP(
                    "district",
                    "{commune} already sent a different file as revision {revision} for this "
                    "period. Ask the commune to export the report again (a new revision).",
                ),
                commune=unit.name,
                revision=manifest.revision,
            ) from None
        # An enrolled key's package no longer waits (it was held before the enrolment).
        for held in session.exec(
            select(HeldPackage).where(HeldPackage.package_sha256 == verified.sha256)
        ):
            session.delete(held)
    if current is None:
        outcome = Outcome.IMPORTED
    elif manifest.revision > current:
        outcome = Outcome.REPLACED
    else:
        outcome = Outcome.OLDER
    return done(outcome)


def check_sender(
    units: UnitRegistry, profile: Profile, verified: package.VerifiedPackage
) -> AdminUnit:
    """The unit the package is from, if it reports here on the package's date and the file
    names it as the unit list does on that date (codes were reused in 2025: a code alone
    names no place). Every refusal names the unit as the file has it, as the list has it
    on that date, and this installation's unit."""
    manifest = verified.manifest
    on = manifest.valid_on
    unit = _check_belongs(units, profile, manifest, on)
    here = f"{profile.unit_kind} {profile.unit_name}"
    claimed = printable(manifest.claimed_name)[:80]
    if isinstance(manifest, Manifest) and manifest.unit.level != unit.level:
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district",
                "The file describes “{claimed}” ({code}) at another level than the list of "
                "units, which has {name} for {day}. {unit} did not import it.",
            ),
            claimed=claimed,
            code=unit.code,
            name=unit.full_name,
            day=f"{on:%d/%m/%Y}",
            unit=here,
        )
    # Format 2 names the unit with its kind ("Xã Quỳnh Nhai"); format 1 without it.
    registered = unit.full_name if isinstance(manifest, Manifest) else unit.name
    if not same_name(manifest.claimed_name, registered):
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district",
                "The file says it is from “{claimed}” (unit {code}) for {day}, but on that "
                "day unit {code} is {name} in the list of units. {unit} did not import it; "
                "ask the sender to check its set-up.",
            ),
            claimed=claimed,
            code=unit.code,
            name=unit.full_name,
            day=f"{on:%d/%m/%Y}",
            unit=here,
        )
    if isinstance(manifest, Manifest) and manifest.unit.parent_code != profile.unit_code:
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district",
                "The file from {name} ({code}) is addressed to unit {parent}, but for {day} "
                "the list of units has it report to {unit}. It was not imported; ask the "
                "sender to check its set-up.",
            ),
            name=unit.full_name,
            code=unit.code,
            parent=manifest.unit.parent_code or "—",
            day=f"{on:%d/%m/%Y}",
            unit=here,
        )
    return unit


def check_campaign(session: Session, verified: package.VerifiedPackage) -> None:
    """The package is for a campaign this installation knows (any version of it): a report
    for a campaign the district never had is refused, by the campaign's name."""
    manifest = verified.manifest
    known = session.exec(
        select(CampaignRecord.campaign_id).where(CampaignRecord.campaign_id == manifest.campaign_id)
    ).first()
    if known is None:
        title = manifest.campaign.title if manifest.campaign is not None else ""
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district",
                "This report is for the campaign “{title}” ({id}), which this installation "
                "does not know. It was not imported; import the campaign's file first.",
            ),
            title=printable(title)[:120],
            id=manifest.campaign_id,
        )


def same_name(claimed: str, registered: str) -> bool:
    """The file's commune name is the unit list's (NFC, blanks and case aside)."""
    return printable(claimed) == claimed and (
        clean(claimed).casefold() == clean(registered).casefold()
    )


def _check_belongs(
    units: UnitRegistry, profile: Profile, manifest: AnyManifest, on: dt.date
) -> AdminUnit:
    # Only the units that report here directly on the report's date (a 2021 district's
    # communes; a province's districts in 2021 and its communes from 1/7/2025).
    code = manifest.commune_code
    expected = {u.code: u for u in units.reporting_to(profile.unit_code, on)}
    sender = units.get(code, on)
    here = f"{profile.unit_kind} {profile.unit_name}"
    claimed = printable(manifest.claimed_name)[:80]
    if code not in expected and sender is not None:
        above = units.reports_to(code, on)
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district",
                "This report names itself “{claimed}”: it is from {sender} ({code}), which "
                "on {day} reports to {above}, not to {unit}. It was not imported.",
            ),
            claimed=claimed,
            sender=sender.full_name,
            code=code,
            day=f"{on:%d/%m/%Y}",
            above=above.full_name if above is not None else "—",
            unit=here,
        )
    if code not in expected:
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district",
                "This report says it is from “{claimed}” ({code}), but the list of units "
                "has no unit {code} on {day}: it does not report to {unit}. It was not "
                "imported.",
            ),
            claimed=claimed,
            code=code,
            day=f"{on:%d/%m/%Y}",
            unit=here,
        )
    return expected[code]


def _key_enrolled(session: Session, unit: AdminUnit, verified: package.VerifiedPackage) -> bool:
    """True when the file's key is the one enrolled for its unit; False when the unit has
    none yet (the file waits); refused when the key belongs to another unit or differs."""
    public_key = verified.manifest.public_key
    owner = key_owner(session, public_key)
    if owner is not None and owner.commune_code != unit.code:
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district",
                "This file claims to be from {commune} ({code}), but it is signed with the key "
                "enrolled for commune {owner} ({fingerprint}). A key is trusted for one unit "
                "only: do not accept this file.",
            ),
            commune=unit.full_name,
            code=unit.code,
            owner=owner.commune_code,
            fingerprint=owner.fingerprint,
        )
    trusted = session.get(CommuneKey, unit.code)
    if trusted is None:
        return False
    if trusted.public_key != public_key:
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district",
                "The report from {commune} is signed with a different key ({new}) than the "
                "one enrolled ({old}). If the commune's computer was reinstalled, "
                "confirm the new key by phone and use “Replace key”; otherwise do not "
                "accept this file.",
            ),
            commune=unit.full_name,
            new=verified.fingerprint,
            old=trusted.fingerprint,
        )
    return True


def key_owner(session: Session, public_key: str) -> CommuneKey | None:
    return session.exec(select(CommuneKey).where(CommuneKey.public_key == public_key)).first()


def _hold(session: Session, verified: package.VerifiedPackage, blob: bytes, path: Path) -> None:
    """Keep the file until its key is enrolled (the same file twice is kept once)."""
    if session.exec(
        select(HeldPackage.id).where(HeldPackage.package_sha256 == verified.sha256)
    ).first():
        return
    manifest = verified.manifest
    session.add(
        HeldPackage(
            package_sha256=verified.sha256,
            commune_code=manifest.commune_code,
            period_start=manifest.period_start,
            period_end=manifest.period_end,
            revision=manifest.revision,
            public_key=manifest.public_key,
            fingerprint=verified.fingerprint,
            file_name=printable(path.name)[:255],
            blob=blob,
        )
    )


def current_revision(
    session: Session,
    commune_code: str,
    start: dt.date,
    end: dt.date,
    campaign_id: str = FIRST_CAMPAIGN,
) -> int | None:
    return session.exec(
        select(ImportedReport.revision)
        .where(
            ImportedReport.commune_code == commune_code,
            ImportedReport.campaign_id == campaign_id,
            ImportedReport.period_start == start,
            ImportedReport.period_end == end,
            col(ImportedReport.withdrawn_at).is_(None),
        )
        .order_by(col(ImportedReport.revision).desc())
    ).first()


def latest_data(
    db: Database, start: dt.date, end: dt.date, campaign_id: str = FIRST_CAMPAIGN
) -> dict[str, Payload]:
    """The data that counts for each commune for a period: its highest live revision."""
    return {code: got.data for code, got in latest_reports(db, start, end, campaign_id).items()}


def latest_reports(
    db: Database, start: dt.date, end: dt.date, campaign_id: str = FIRST_CAMPAIGN
) -> dict[str, Received]:
    """For each commune that reported the period in the campaign *campaign_id*: the highest
    revision, when it was made."""
    with db.session() as session:
        rows = session.execute(
            sa_select(
                col(ImportedReport.commune_code),
                col(ImportedReport.revision),
                col(ImportedReport.created_at),
                col(ImportedReport.data_json),
                col(ImportedReport.package_sha256),
            )
            .where(
                col(ImportedReport.campaign_id) == campaign_id,
                col(ImportedReport.period_start) == start,
                col(ImportedReport.period_end) == end,
                col(ImportedReport.withdrawn_at).is_(None),
            )
            .order_by(col(ImportedReport.revision))
        ).all()
        latest = {code: (revision, made, raw, sha) for code, revision, made, raw, sha in rows}
    return {  # higher revisions came last and won
        code: Received(revision, made, parse_payload(raw), sha)
        for code, (revision, made, raw, sha) in latest.items()
    }


# -- completeness ("reporting rate") -------------------------------------------------------


class Status(enum.Enum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    REVISED = "revised"  # received, and replaced since by a later revision
    WITHDRAWN = "withdrawn"  # received, then withdrawn by the district: counts as missing
    NOT_A_UNIT = "not_a_unit"  # the unit did not exist that month (a commune of 1/7/2025)


COUNTED = frozenset({Status.ON_TIME, Status.LATE, Status.REVISED})


@dataclass(frozen=True)
class Cell:
    commune: AdminUnit
    month: dt.date  # first day of the month the period ends in
    status: Status
    revision: int = 0
    received: dt.datetime | None = None
    held: int = 0  # files waiting for the commune's key to be enrolled (counted nowhere)
    reason: str = ""  # why the district withdrew it (WITHDRAWN)


def month_of(day: dt.date) -> dt.date:
    return day.replace(day=1)


def whole_month(start: dt.date, end: dt.date) -> bool:
    """A calendar or statistical month (what "the month's report" is), not any other range."""
    months = (calendar_month(end.year, end.month), statistical_month(end.year, end.month))
    return any((p.start, p.end) == (start, end) for p in months)


# Letter 2158/UBND-VHTT is dated 31/8/2021: the communes report from September 2021, so the
# months before are not "missing" (a report imported for an earlier month still shows).
CAMPAIGN_FIRST_MONTH = dt.date(2021, 9, 1)


def reported_months(db: Database) -> tuple[dt.date | None, dt.date | None]:
    """The first and the latest month any commune's imported report covers (None: none)."""
    with db.read_session() as session:
        first, last = session.execute(
            select(func.min(ImportedReport.period_end), func.max(ImportedReport.period_end))
        ).one()
    return (month_of(first) if first else None, month_of(last) if last else None)


def grid_months(year: int, today: dt.date, first_reported: dt.date | None) -> list[dt.date]:
    """The months of *year* the grid shows: from the campaign's first month (or an earlier
    month someone reported) to this month."""
    start = CAMPAIGN_FIRST_MONTH
    if first_reported is not None and first_reported < start:
        start = first_reported
    months = [dt.date(year, m, 1) for m in range(1, 13)]
    shown = [m for m in months if start <= m <= today]
    return shown or [max(dt.date(year, 1, 1), min(start, dt.date(year, 12, 1)))]


def completeness(
    db: Database,
    months: list[dt.date],
    units: UnitRegistry | None = None,
    campaign_id: str = FIRST_CAMPAIGN,
) -> list[list[Cell]]:
    """A communes × months grid for the months given (each as its first day), of the
    reports for the campaign *campaign_id*.

    Only a whole month's report counts for the month; withdrawn reports show as such and
    files waiting for enrolment are noted, neither counting as received.
    """
    units = units or default_units()
    with db.session() as session:
        profile = require_upper_level(session)
        deadline_days = settings.deadline_days(session)
        first, last = min(months), max(months)
        # Grouped in SQL by (commune, period) over the index ix_imported_grid (never a page
        # of the PDF or JSON): per group only the rows a cell shows, the first and the
        # newest live revision and the newest withdrawn one (SQLite gives a min()/max()
        # query's other columns from that row). Linear in the reports, not cells × reports.
        by_cell: dict[tuple[str, dt.date], list[_Row]] = defaultdict(list)
        months_of: dict[tuple[dt.date, dt.date], dt.date | None] = {}
        for r in _representatives(session, campaign_id, first, _next_month(last)):
            period = (r.period_start, r.period_end)
            if period not in months_of:  # a few dozen distinct periods among the rows
                months_of[period] = month_of(r.period_end) if whole_month(*period) else None
            if (month := months_of[period]) is not None:
                by_cell[(r.commune_code, month)].append(r)
        held = Counter(
            (code, month_of(end))
            for code, start, end in session.exec(
                select(
                    col(HeldPackage.commune_code),
                    col(HeldPackage.period_start),
                    col(HeldPackage.period_end),
                )
            ).all()
            if whole_month(start, end)
        )
        communes = expected_communes(units, profile.unit_code, last)
        grid = []
        for commune in communes:
            line = []
            for month in months:
                mine = by_cell.get((commune.code, month), [])
                if commune.valid_from > _next_month(month) - dt.timedelta(days=1):
                    line.append(Cell(commune, month, Status.NOT_A_UNIT))
                    continue
                cell = _cell(commune, month, mine, deadline_days)
                line.append(replace(cell, held=held[(commune.code, month)]))
            grid.append(line)
    return grid


def _representatives(
    session: Session, campaign_id: str, first: dt.date, before: dt.date
) -> list[_Row]:
    """Per (commune, period) ending in [first, before): the live report of the lowest
    revision, and the live and the withdrawn reports of the highest (as _Row columns)."""
    report = ImportedReport
    group = (col(report.commune_code), col(report.period_start), col(report.period_end))
    where = (
        col(report.campaign_id) == campaign_id,
        col(report.period_end) >= first,
        col(report.period_end) < before,
    )

    def shown(revision: Any) -> Any:
        return sa_select(
            *group,
            revision,
            col(report.created_at),
            col(report.withdrawn_at),
            col(report.withdrawn_reason),
        ).where(*where)

    live = col(report.withdrawn_at).is_(None)
    lowest = shown(func.min(col(report.revision))).where(live).group_by(*group)
    highest = shown(func.max(col(report.revision))).group_by(*group, live)
    connection = session.connection()
    return [_Row(*row) for query in (lowest, highest) for row in connection.execute(query)]


class _Row(NamedTuple):
    """The columns of an imported report that its grid cell shows."""

    commune_code: str
    period_start: dt.date
    period_end: dt.date
    revision: int
    created_at: dt.datetime
    withdrawn_at: dt.datetime | None
    withdrawn_reason: str


def _cell(commune: AdminUnit, month: dt.date, reports: list[_Row], deadline_days: int) -> Cell:
    live = [r for r in reports if r.withdrawn_at is None]
    if not live:
        if reports:
            gone = max(reports, key=lambda r: r.revision)
            return Cell(
                commune,
                month,
                Status.WITHDRAWN,
                gone.revision,
                gone.created_at,
                reason=gone.withdrawn_reason,
            )
        return Cell(commune, month, Status.MISSING)
    first = min(live, key=lambda r: r.revision)
    newest = max(live, key=lambda r: r.revision)
    deadline = first.period_end + dt.timedelta(days=deadline_days)
    sent_on = first.created_at.date()
    if newest.revision > first.revision or newest.revision > 1:
        status = Status.REVISED
    else:
        status = Status.ON_TIME if sent_on <= deadline else Status.LATE
    return Cell(commune, month, status, newest.revision, newest.created_at)


def missing(
    db: Database,
    month: dt.date,
    units: UnitRegistry | None = None,
    campaign_id: str = FIRST_CAMPAIGN,
) -> list[AdminUnit]:
    """The communes whose report for *month* does not count (none, or withdrawn)."""
    grid = completeness(db, [month_of(month)], units, campaign_id)
    return [line[0].commune for line in grid if line[0].status not in COUNTED]


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
