"""The history of the other communes merged into this 2025 commune (issue 18, item 4).

When Mường Giàng, Chiềng Bằng, Chiềng Khoang and Chiềng Ơn became Xã Quỳnh Nhai, the
installation that moved (Mường Giàng's, which kept the code) can take in the others'
reports from their signed packages. They are kept whole, shown under the old commune's
name with its dates, and never counted in the commune's own months: its reports read only
its own activities.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.text import printable
from quynhnhai_desktop.services import package, unit_history
from quynhnhai_desktop.services.profile import require_profile
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import Profile, TakenReport

if TYPE_CHECKING:
    from quynhnhai_desktop.domain.profile import UnitProfile
    from quynhnhai_desktop.domain.units import AdminUnit, UnitRegistry

_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Taken:
    """One report taken in (or already there), as the list shows it."""

    unit_label: str  # "03706 Xã Chiềng Bằng (đến 30/06/2025)"
    period_start: dt.date
    period_end: dt.date
    revision: int
    activities: int
    campaign_id: str

    @property
    def period_label(self) -> str:
        if (self.period_start.day, self.period_end.month) == (1, self.period_start.month):
            return f"{self.period_start:%m/%Y}"
        return f"{self.period_start:%d/%m/%Y}–{self.period_end:%d/%m/%Y}"


@dataclass(frozen=True)
class TakeResult:
    taken: list[Taken]  # newly kept
    already: list[Taken]  # the same file was taken in before


def _refuse(text: str, name: str, **values: object) -> UserError:
    return UserError("history", text, name=name, **values)


def _current_unit(units: UnitRegistry, profile: Profile) -> AdminUnit | None:
    here = f"{profile.unit_kind} {profile.unit_name}"
    found = [u for u in units.units if u.code == profile.unit_code and u.full_name == here]
    return max(found, key=lambda u: u.valid_from) if found else None


def check(
    session: Session, units: UnitRegistry, verified: package.VerifiedPackage, name: str
) -> AdminUnit:
    """The old commune that sent *verified*, if its history belongs to this installation:
    a commune merged into this one, not this installation's own earlier unit."""
    from quynhnhai_desktop.services import district

    profile = require_profile(session)
    manifest = verified.manifest
    here = _current_unit(units, profile)
    if here is None or profile.mode != "commune" or not here.merged_from:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "history",
                "{name}: only a commune formed by a merger takes in the history of the "
                "communes merged into it; nothing was taken.",
            ),
            name,
        )
    if manifest.unit_level != "commune":
        raise _refuse(
            QT_TRANSLATE_NOOP("history", "{name} is not a commune's report; nothing was taken."),
            name,
        )
    sender = units.get(manifest.commune_code, manifest.valid_on)
    claimed = manifest.claimed_name
    if sender is None or not (
        district.same_name(claimed, sender.full_name) or district.same_name(claimed, sender.name)
    ):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "history",
                "{name} is from “{claimed}” ({code}), which the unit list does not have on "
                "{day}; nothing was taken.",
            ),
            name,
            claimed=printable(claimed)[:128],
            code=printable(manifest.commune_code)[:16],
            day=f"{manifest.valid_on:%d/%m/%Y}",
        )
    with_dates = {(i.code, i.full_name) for i in unit_history.history(session)}
    if (sender.code, sender.full_name) in with_dates:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "history",
                "{name} is this installation's own report as {sender}: it is here already. "
                "Nothing was taken.",
            ),
            name,
            sender=sender.dated_label,
        )
    merged_into = units.successor(sender.code, sender.valid_to + _DAY) if sender.valid_to else None
    if merged_into != here:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "history",
                "{name} is from {sender}, which was not merged into {here}; its history "
                "belongs there. Nothing was taken.",
            ),
            name,
            sender=sender.dated_label,
            here=here.dated_label,
        )
    return sender


def _taken(row: TakenReport) -> Taken:
    from quynhnhai_desktop.domain.units import dated_label

    return Taken(
        unit_label=dated_label(row.unit_code, row.unit_name, None, row.unit_valid_to),
        period_start=row.period_start,
        period_end=row.period_end,
        revision=row.revision,
        activities=row.activities,
        campaign_id=row.campaign_id,
    )


def take(db: Database, paths: Iterable[Path], units: UnitRegistry | None = None) -> TakeResult:
    """Take in the packages at *paths*, all or none: one that is damaged, changed after it
    was signed, or from a commune not merged into this one refuses them all."""
    from quynhnhai_desktop.domain.package import ReportData
    from quynhnhai_desktop.domain.units import default_units
    from quynhnhai_desktop.services import district

    units = units or default_units()
    files = [Path(path) for path in paths]
    if not files:
        raise UserError(
            "history",
            QT_TRANSLATE_NOOP("history", "Choose the report files (.qnbc) to take in."),
        )
    read: list[tuple[str, bytes, package.VerifiedPackage]] = []
    for path in files:
        name = printable(Path(path).name)[:128]
        blob = district.read_file(path)
        read.append((name, blob, district.verify(blob)))  # damaged or changed: refused
    taken: list[Taken] = []
    already: list[Taken] = []
    with db.session() as session:
        for name, blob, verified in read:
            sender = check(session, units, verified, name)
            earlier = session.exec(
                select(TakenReport).where(TakenReport.package_sha256 == verified.sha256)
            ).first()
            if earlier is not None:
                already.append(_taken(earlier))
                continue
            manifest = verified.manifest
            data = verified.data
            row = TakenReport(
                unit_code=sender.code,
                unit_name=sender.full_name,
                unit_valid_to=sender.valid_to or manifest.period_end,
                campaign_id=manifest.campaign_id,
                period_start=manifest.period_start,
                period_end=manifest.period_end,
                period_rule=manifest.period_rule,
                revision=manifest.revision,
                activities=data.activities_count if isinstance(data, ReportData) else 0,
                package_sha256=verified.sha256,
                package=blob,
            )
            session.add(row)
            session.flush()  # a second revision of the same number is refused here
            taken.append(_taken(row))
    return TakeResult(taken, already)


def listing(session: Session) -> list[Taken]:
    """The reports taken in, the newest revision of each period: by old commune, then
    period."""
    rows = session.exec(
        select(TakenReport).order_by(
            col(TakenReport.unit_name),
            col(TakenReport.period_start),
            col(TakenReport.campaign_id),
            col(TakenReport.revision).desc(),
        )
    ).all()
    seen: set[tuple[str, dt.date, dt.date, dt.date, str]] = set()
    out: list[Taken] = []
    for row in rows:
        key = (row.unit_code, row.unit_valid_to, row.period_start, row.period_end, row.campaign_id)
        if key not in seen:
            seen.add(key)
            out.append(_taken(row))
    return out


def taken(db: Database) -> list[Taken]:
    """:func:`listing` in its own read transaction."""
    with db.read_session() as session:
        return listing(session)


def mergeable(db: Database, profile: UnitProfile, units: UnitRegistry | None = None) -> list[str]:
    """The names of the other communes merged into *profile*'s 2025 commune whose history
    it can take in (none for a district or province, or a unit the list does not know)."""
    from quynhnhai_desktop.domain.units import default_units

    if profile.mode != "commune":
        return []
    units = units or default_units()
    here = f"{profile.unit_kind} {profile.unit_name}"
    found = [u for u in units.units if u.code == profile.unit_code and u.full_name == here]
    if not found:
        return []
    unit = max(found, key=lambda u: u.valid_from)
    own = {i.code for i in unit_history.identities(db)}
    return [m.name for m in unit.merged_from if m.code not in own]
