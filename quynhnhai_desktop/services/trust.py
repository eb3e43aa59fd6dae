"""Which commune keys the district trusts: enrolment, key replacement, withdrawn reports.

A commune's key counts only once enrolled: the district compares the fingerprint the file
was signed with against the one the commune reads out (printed on page 1 of its report and
shown in its Settings) and confirms it. Until then the commune's packages wait, kept whole
and counted nowhere (:class:`HeldPackage`). One key is trusted for one unit only. Replacing
a commune's key (its computer was reinstalled) withdraws every report the old key signed;
the district can also withdraw one month's report by hand, with a reason. Withdrawn reports
stay for the record and are out of every count and total.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import defer
from sqlmodel import Session, col, select

from quynhnhai_desktop.domain.campaign import Campaign
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.text import clean, printable
from quynhnhai_desktop.domain.units import AdminUnit, UnitRegistry, default_units
from quynhnhai_desktop.services import campaigns, district
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import CommuneKey, HeldPackage, ImportedReport, utcnow

log = logging.getLogger(__name__)

MAX_REASON = 500
# The stored reason of a report withdrawn because its key was replaced: this, then the old
# key's fingerprint (worded by the front ends; see :func:`replaced_key`).
KEY_REPLACED = "key-replaced:"


@dataclass(frozen=True)
class KeyClaim:
    """What a file says about its signer, to show before the district confirms it."""

    commune: AdminUnit
    fingerprint: str
    public_key: str
    enrolled: str | None  # the fingerprint enrolled for the commune so far, if any
    blob: bytes
    path: Path


@dataclass(frozen=True)
class TrustResult:
    commune: AdminUnit
    fingerprint: str
    imported: list[district.ImportResult]  # the file itself, then any that waited
    old_fingerprint: str | None = None
    withdrawn: int = 0  # reports withdrawn because the old key signed them


@dataclass(frozen=True)
class Held:
    id: int
    commune: AdminUnit | None
    commune_code: str
    period_start: dt.date
    period_end: dt.date
    revision: int
    fingerprint: str
    file_name: str
    received_at: dt.datetime
    enrolled: str | None  # the commune's enrolled fingerprint, when another key was enrolled


def examine_file(db: Database, path: Path, units: UnitRegistry | None = None) -> KeyClaim:
    """Verify *path* completely and say which unit and key it claims (changes nothing)."""
    path = Path(path)
    return _examine(db, district.read_file(path), path, units or default_units())


def examine_held(db: Database, held_id: int, units: UnitRegistry | None = None) -> KeyClaim:
    with db.session() as session:
        held = session.get(HeldPackage, held_id)
        if held is None:
            raise UserError(
                "district",
                QT_TRANSLATE_NOOP(
                    "district", "That file is no longer waiting (it was enrolled or removed)."
                ),
            )
        blob, name = held.blob, held.file_name
    return _examine(db, blob, Path(name), units or default_units())


def _examine(db: Database, blob: bytes, path: Path, units: UnitRegistry) -> KeyClaim:
    verified = district.verify(blob)
    with db.session() as session:
        profile = district.require_upper_level(session)
        unit = district.check_sender(units, profile, verified)
        trusted = session.get(CommuneKey, unit.code)
    return KeyClaim(
        commune=unit,
        fingerprint=verified.fingerprint,
        public_key=verified.manifest.public_key,
        enrolled=trusted.fingerprint if trusted is not None else None,
        blob=blob,
        path=path,
    )


def check_enrol(db: Database, claim: KeyClaim) -> None:
    """Refuse now (before asking) what :func:`enrol` would refuse."""
    with db.session() as session:
        _check_enrol(session, claim)


def enrol(db: Database, claim: KeyClaim, units: UnitRegistry | None = None) -> TrustResult:
    """Trust the claim's key for its commune (fingerprint confirmed), then import the file
    and every file of the commune that waited for this key."""
    units = units or default_units()
    unit = claim.commune
    with db.session() as session:
        if _check_enrol(session, claim) is None:
            session.add(
                CommuneKey(
                    commune_code=unit.code,
                    public_key=claim.public_key,
                    fingerprint=claim.fingerprint,
                )
            )
    log.info("enrolled key %s for %s", claim.fingerprint, unit.code)
    return TrustResult(unit, claim.fingerprint, _import_with_waiting(db, claim, units))


def _check_enrol(session: Session, claim: KeyClaim) -> CommuneKey | None:
    unit = claim.commune
    district.require_upper_level(session)
    _refuse_other_owner(session, unit, claim)
    trusted = session.get(CommuneKey, unit.code)
    if trusted is not None and trusted.public_key != claim.public_key:
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district",
                "{commune} already has an enrolled key ({old}); this file is signed with "
                "{new}. If the commune's computer was reinstalled, confirm the new key by "
                "phone and use “Replace key”.",
            ),
            commune=unit.full_name,
            old=trusted.fingerprint,
            new=claim.fingerprint,
        )
    return trusted


def check_replace(db: Database, claim: KeyClaim) -> int:
    """Refuse now what :func:`replace_key` would refuse; else how many counted reports the
    old key signed (they will be withdrawn)."""
    with db.session() as session:
        return len(_signed_by_old(session, _check_replace(session, claim)))


def replace_key(db: Database, claim: KeyClaim, units: UnitRegistry | None = None) -> TrustResult:
    """Trust the claim's key for its commune instead of the enrolled one, withdraw every
    report the old key signed, then import the file and the files that waited for it."""
    units = units or default_units()
    unit = claim.commune
    with db.session() as session:
        trusted = _check_replace(session, claim)
        old = trusted.fingerprint
        withdrawn = _withdraw_rows(session, _signed_by_old(session, trusted), KEY_REPLACED + old)
        trusted.public_key = claim.public_key
        trusted.fingerprint = claim.fingerprint
        trusted.replaced_at = utcnow()
        session.add(trusted)
    log.info("replaced key of %s: %s -> %s (%d withdrawn)", unit.code, old, claim.fingerprint,
             withdrawn)  # fmt: skip
    imported = _import_with_waiting(db, claim, units)
    return TrustResult(unit, claim.fingerprint, imported, old, withdrawn)


def _signed_by_old(session: Session, trusted: CommuneKey) -> list[ImportedReport]:
    return list(
        session.exec(
            select(ImportedReport).where(
                ImportedReport.commune_code == trusted.commune_code,
                ImportedReport.key_fingerprint == trusted.fingerprint,
                col(ImportedReport.withdrawn_at).is_(None),
            )
        ).all()
    )


def _check_replace(session: Session, claim: KeyClaim) -> CommuneKey:
    unit = claim.commune
    district.require_upper_level(session)
    trusted = session.get(CommuneKey, unit.code)
    if trusted is None:
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district",
                "{commune} has no enrolled key yet, so there is nothing to replace. Enrol "
                "the key instead (after comparing its fingerprint {fingerprint} with the "
                "commune).",
            ),
            commune=unit.full_name,
            fingerprint=claim.fingerprint,
        )
    if trusted.public_key == claim.public_key:
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district",
                "This file is signed with the key already enrolled for {commune} "
                "({fingerprint}); nothing to replace. Import it as usual.",
            ),
            commune=unit.full_name,
            fingerprint=claim.fingerprint,
        )
    _refuse_other_owner(session, unit, claim)
    return trusted


def _refuse_other_owner(session: Session, unit: AdminUnit, claim: KeyClaim) -> None:
    owner = district.key_owner(session, claim.public_key)
    if owner is not None and owner.commune_code != unit.code:
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district",
                "The key {fingerprint} is already enrolled for commune {owner}. A key is "
                "trusted for one unit only: it cannot also be enrolled for {commune}.",
            ),
            fingerprint=claim.fingerprint,
            owner=owner.commune_code,
            commune=unit.full_name,
        )


def _import_with_waiting(
    db: Database, claim: KeyClaim, units: UnitRegistry
) -> list[district.ImportResult]:
    results = [_import(db, claim.blob, claim.path, units)]
    with db.session() as session:
        waiting = session.exec(
            select(HeldPackage.id, HeldPackage.blob, HeldPackage.file_name)
            .where(
                HeldPackage.commune_code == claim.commune.code,
                HeldPackage.public_key == claim.public_key,
            )
            .order_by(col(HeldPackage.period_end), col(HeldPackage.revision))
        ).all()
    for _id, blob, name in waiting:
        results.append(_import(db, blob, Path(name), units))
    return results


def _import(db: Database, blob: bytes, path: Path, units: UnitRegistry) -> district.ImportResult:
    try:
        return district.import_blob(db, blob, path, units)
    except UserError as error:
        return district.ImportResult(path, district.Outcome.REFUSED, error=error)


def held_packages(db: Database, units: UnitRegistry | None = None) -> list[Held]:
    """The files waiting for enrolment, oldest period first."""
    units = units or default_units()
    with db.session() as session:
        rows = session.exec(
            select(HeldPackage)
            .options(defer(HeldPackage.blob))  # type: ignore[arg-type]
            .order_by(col(HeldPackage.period_end), col(HeldPackage.commune_code))
        ).all()
        enrolled = {k.commune_code: k.fingerprint for k in session.exec(select(CommuneKey))}
    return [
        Held(
            id=row.id or 0,
            commune=units.get(row.commune_code, on=row.period_end),
            commune_code=row.commune_code,
            period_start=row.period_start,
            period_end=row.period_end,
            revision=row.revision,
            fingerprint=row.fingerprint,
            file_name=row.file_name,
            received_at=row.received_at,
            enrolled=enrolled.get(row.commune_code),
        )
        for row in rows
    ]


def discard_held(db: Database, held_id: int) -> None:
    """Remove a waiting file the district will not enrol (a forgery, a stranger's key)."""
    with db.session() as session:
        held = session.get(HeldPackage, held_id)
        if held is not None:
            log.info("discarded held %s (%s)", held.file_name, held.fingerprint)
            session.delete(held)


@dataclass(frozen=True)
class Withdrawn:
    commune: AdminUnit
    revisions: list[int]
    campaign: Campaign
    several: bool = False  # the installation has several campaigns (say which)


def withdraw(
    db: Database,
    unit_code: str,
    month: dt.date,
    reason: str,
    units: UnitRegistry | None = None,
    campaign_id: str | None = None,
) -> Withdrawn:
    """Take the unit's report(s) for *month* in the campaign *campaign_id* out of every total,
    keeping them for the record. Without a campaign: the only one running that month (else
    a UserError listing them); a report of another campaign is never touched."""
    units = units or default_units()
    reason = clean(printable(reason or ""))
    if not reason:
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP("district", "Say why the report is withdrawn (a short reason)."),
        )
    if len(reason) > MAX_REASON:
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district", "The reason is too long: at most {limit} characters, please."
            ),
            limit=MAX_REASON,
        )
    first = district.month_of(month)
    with db.session() as session:
        profile = district.require_upper_level(session)
        end_of_month = district._next_month(first) - dt.timedelta(days=1)
        campaign = campaigns.choose(session, campaign_id, end_of_month)
        expected = {u.code: u for u in district.expected_communes(units, profile.unit_code, first)}
        expected |= {
            u.code: u for u in district.expected_communes(units, profile.unit_code, end_of_month)
        }
        unit = expected.get(unit_code)
        if unit is None:
            raise UserError(
                "district",
                QT_TRANSLATE_NOOP(
                    "district", "Unit {code} does not report to {unit}. Check the code."
                ),
                code=printable(unit_code)[:16],
                unit=f"{profile.unit_kind} {profile.unit_name}",
            )
        rows = session.exec(
            select(ImportedReport).where(
                ImportedReport.commune_code == unit.code,
                ImportedReport.campaign_id == campaign.id,
                ImportedReport.period_end >= first,
                ImportedReport.period_end < district._next_month(first),
                col(ImportedReport.withdrawn_at).is_(None),
            )
        ).all()
        several = campaigns.scope(session, campaign) is not None
        if not rows and several:
            raise UserError(
                "district",
                QT_TRANSLATE_NOOP(
                    "district",
                    "{commune} has no counted report for {month} in the campaign “{title}”: "
                    "nothing was withdrawn.",
                ),
                commune=unit.full_name,
                month=f"{first:%m/%Y}",
                title=campaign.title["vi"],
            )
        if not rows:
            raise UserError(
                "district",
                QT_TRANSLATE_NOOP(
                    "district",
                    "{commune} has no counted report for {month}: nothing was withdrawn.",
                ),
                commune=unit.full_name,
                month=f"{first:%m/%Y}",
            )
        revisions = sorted(r.revision for r in rows)
        _withdraw_rows(session, list(rows), reason)
    log.info(
        "withdrew %s %s %s r%s: %s", unit_code, campaign.id, f"{first:%Y-%m}", revisions, reason
    )
    return Withdrawn(unit, revisions, campaign, several)


def _withdraw_rows(session: Session, rows: list[ImportedReport], reason: str) -> int:
    now = utcnow()
    for row in rows:
        row.withdrawn_at = now
        row.withdrawn_reason = reason[:MAX_REASON]
        session.add(row)
    return len(rows)


def replaced_key(reason: str) -> str | None:
    """The old key's fingerprint when *reason* records a key replacement (the front ends
    word it in the clerk's language), else None."""
    return reason[len(KEY_REPLACED) :] if reason.startswith(KEY_REPLACED) else None


def withdrawn_reports(db: Database, month: dt.date) -> list[tuple[str, int, str]]:
    """(commune code, revision, reason) of the month's withdrawn reports, for the record."""
    first = district.month_of(month)
    with db.session() as session:
        rows = session.exec(
            select(
                ImportedReport.commune_code,
                ImportedReport.revision,
                ImportedReport.withdrawn_reason,
            )
            .where(
                ImportedReport.period_end >= first,
                ImportedReport.period_end < district._next_month(first),
                col(ImportedReport.withdrawn_at).is_not(None),
            )
            .order_by(col(ImportedReport.commune_code), col(ImportedReport.revision))
        ).all()
    return [(code, revision, reason) for code, revision, reason in rows]
