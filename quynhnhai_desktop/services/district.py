"""The upper level (the district in 2021): import communes' packages, track who reported.

Who reports to whom is data: the expected communes are the units under this installation's
unit in the dated unit list, valid for the period — so the 2021 district and the post-2025
province both work without code changes.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from quynhnhai_desktop.domain.district_report import Received
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.package import ReportData
from quynhnhai_desktop.domain.units import AdminUnit, UnitRegistry, default_units
from quynhnhai_desktop.services import package, settings
from quynhnhai_desktop.services.profile import require_profile
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import CommuneKey, ImportedReport, Profile, utcnow

log = logging.getLogger(__name__)


class Outcome(enum.Enum):
    IMPORTED = "imported"
    REPLACED = "replaced"  # a higher revision now counts instead of an earlier one
    ALREADY = "already"  # the same file was imported before: nothing changed
    OLDER = "older"  # a lower revision than the one that counts: kept in the history
    REFUSED = "refused"


@dataclass(frozen=True)
class ImportResult:
    path: Path
    outcome: Outcome
    commune: str = ""
    revision: int = 0
    error: UserError | None = None


def expected_communes(units: UnitRegistry, upper_code: str, on: dt.date) -> list[AdminUnit]:
    """Every commune under *upper_code* (directly or through districts) valid on *on*."""
    found: list[AdminUnit] = []
    for child in units.children(upper_code, on=on):
        if child.level == "commune":
            found.append(child)
        else:
            found += expected_communes(units, child.code, on)
    return found


def _require_upper_level(session: Session) -> Profile:
    profile = require_profile(session)
    if profile.mode != "district":
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district", "Importing reports is for the district installation, not a commune."
            ),
        )
    return profile


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
            results.append(ImportResult(path, Outcome.REFUSED, error=error))
    return results


def _expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders contribute their .qnbc files, in name order."""
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        out += sorted(path.glob(f"*{package.SUFFIX}")) if path.is_dir() else [path]
    return out


def import_one(db: Database, path: Path, units: UnitRegistry) -> ImportResult:
    try:
        blob = path.read_bytes()
    except OSError as error:
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP("district", "Cannot read {name}: {reason}"),
            name=path.name,
            reason=error.strerror or str(error),
        ) from None
    verified = package.read(blob)
    manifest = verified.manifest
    with db.session() as session:
        profile = _require_upper_level(session)
        _check_belongs(units, profile, manifest.commune_code, manifest.period_end)
        if session.exec(
            select(ImportedReport.id).where(ImportedReport.package_sha256 == verified.sha256)
        ).first():
            return ImportResult(path, Outcome.ALREADY, manifest.commune_name, manifest.revision)
        _check_key(session, manifest.commune_code, manifest.commune_name, verified)
        current = current_revision(
            session, manifest.commune_code, manifest.period_start, manifest.period_end
        )
        session.add(
            ImportedReport(
                package_sha256=verified.sha256,
                commune_code=manifest.commune_code,
                commune_name=manifest.commune_name,
                period_start=manifest.period_start,
                period_end=manifest.period_end,
                period_rule=manifest.period_rule,
                revision=manifest.revision,
                key_fingerprint=verified.fingerprint,
                created_at=manifest.created_at,
                file_name=path.name[:255],
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
                commune=manifest.commune_name,
                revision=manifest.revision,
            ) from None
    if current is None:
        outcome = Outcome.IMPORTED
    elif manifest.revision > current:
        outcome = Outcome.REPLACED
    else:
        outcome = Outcome.OLDER
    return ImportResult(path, outcome, manifest.commune_name, manifest.revision)


def _check_belongs(units: UnitRegistry, profile: Profile, commune_code: str, on: dt.date) -> None:
    expected = {u.code for u in expected_communes(units, profile.unit_code, on)}
    if commune_code not in expected:
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district",
                "This report is from commune {code}, which does not report to {unit}. "
                "It was not imported.",
            ),
            code=commune_code,
            unit=f"{profile.unit_kind} {profile.unit_name}",
        )


def _check_key(
    session: Session, commune_code: str, commune_name: str, verified: package.VerifiedPackage
) -> None:
    """Trust the first key seen for a commune; refuse a different one later."""
    trusted = session.get(CommuneKey, commune_code)
    if trusted is None:
        session.add(
            CommuneKey(
                commune_code=commune_code,
                public_key=verified.manifest.public_key,
                fingerprint=verified.fingerprint,
            )
        )
        return
    if trusted.public_key != verified.manifest.public_key:
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district",
                "The report from {commune} is signed with a different key ({new}) than the "
                "one trusted so far ({old}). If the commune's computer was reinstalled, "
                "confirm the new key by phone and use “Replace key”; otherwise do not "
                "accept this file.",
            ),
            commune=commune_name,
            new=verified.fingerprint,
            old=trusted.fingerprint,
        )


def replace_key(db: Database, path: Path) -> tuple[str, str]:
    """Trust the key that signed *path* for its commune from now on (after a reinstall).

    Returns (commune name, new fingerprint). The file must still be a sound package.
    """
    verified = package.read(Path(path).read_bytes())
    manifest = verified.manifest
    with db.session() as session:
        _require_upper_level(session)
        trusted = session.get(CommuneKey, manifest.commune_code)
        if trusted is None:
            trusted = CommuneKey(commune_code=manifest.commune_code, public_key="", fingerprint="")
        trusted.public_key = manifest.public_key
        trusted.fingerprint = verified.fingerprint
        trusted.replaced_at = utcnow()
        session.add(trusted)
    return manifest.commune_name, verified.fingerprint


def current_revision(
    session: Session, commune_code: str, start: dt.date, end: dt.date
) -> int | None:
    return session.exec(
        select(ImportedReport.revision)
        .where(
            ImportedReport.commune_code == commune_code,
            ImportedReport.period_start == start,
            ImportedReport.period_end == end,
        )
        .order_by(col(ImportedReport.revision).desc())
    ).first()


def latest_data(db: Database, start: dt.date, end: dt.date) -> dict[str, ReportData]:
    """The data that counts for each commune for a period: its highest revision."""
    return {code: got.data for code, got in latest_reports(db, start, end).items()}


def latest_reports(db: Database, start: dt.date, end: dt.date) -> dict[str, Received]:
    """For each commune that reported the period: the highest revision, when it was made."""
    with db.session() as session:
        rows = session.exec(
            select(
                ImportedReport.commune_code,
                ImportedReport.revision,
                ImportedReport.created_at,
                ImportedReport.data_json,
            )
            .where(ImportedReport.period_start == start, ImportedReport.period_end == end)
            .order_by(col(ImportedReport.revision))
        ).all()
        latest = {code: (revision, made, raw) for code, revision, made, raw in rows}
    return {  # higher revisions came last and won
        code: Received(revision, made, ReportData.model_validate_json(raw))
        for code, (revision, made, raw) in latest.items()
    }


# -- completeness ("reporting rate") -------------------------------------------------------


class Status(enum.Enum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    REVISED = "revised"  # received, and replaced since by a later revision


@dataclass(frozen=True)
class Cell:
    commune: AdminUnit
    month: dt.date  # first day of the month the period ends in
    status: Status
    revision: int = 0
    received: dt.datetime | None = None


def month_of(day: dt.date) -> dt.date:
    return day.replace(day=1)


# Letter 2158/UBND-VHTT is dated 31/8/2021: the communes report from September 2021, so the
# months before are not "missing" (a report imported for an earlier month still shows).
CAMPAIGN_FIRST_MONTH = dt.date(2021, 9, 1)


def reported_months(db: Database) -> tuple[dt.date | None, dt.date | None]:
    """The first and the latest month any commune's imported report covers (None: none)."""
    with db.session() as session:
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
    db: Database, months: list[dt.date], units: UnitRegistry | None = None
) -> list[list[Cell]]:
    """A communes × months grid for the months given (each as its first day)."""
    units = units or default_units()
    with db.session() as session:
        profile = _require_upper_level(session)
        deadline_days = settings.deadline_days(session)
        first, last = min(months), max(months)
        rows = session.exec(
            select(ImportedReport).where(
                ImportedReport.period_end >= first,
                ImportedReport.period_end < _next_month(last),
            )
        ).all()
        communes = expected_communes(units, profile.unit_code, last)
        grid = []
        for commune in communes:
            line = []
            for month in months:
                mine = [
                    r
                    for r in rows
                    if r.commune_code == commune.code and month_of(r.period_end) == month
                ]
                line.append(_cell(commune, month, mine, deadline_days))
            grid.append(line)
    return grid


def _cell(
    commune: AdminUnit, month: dt.date, reports: list[ImportedReport], deadline_days: int
) -> Cell:
    if not reports:
        return Cell(commune, month, Status.MISSING)
    first = min(reports, key=lambda r: r.revision)
    newest = max(reports, key=lambda r: r.revision)
    deadline = first.period_end + dt.timedelta(days=deadline_days)
    sent_on = first.created_at.date()
    if newest.revision > first.revision or newest.revision > 1:
        status = Status.REVISED
    else:
        status = Status.ON_TIME if sent_on <= deadline else Status.LATE
    return Cell(commune, month, status, newest.revision, newest.created_at)


def missing(db: Database, month: dt.date, units: UnitRegistry | None = None) -> list[AdminUnit]:
    """The communes that have sent nothing for *month* yet."""
    grid = completeness(db, [month_of(month)], units)
    return [line[0].commune for line in grid if line[0].status is Status.MISSING]


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
