"""Who the installation was, and when: crossing the 2025 reform.

A 2021 commune still in use after 1/7/2025 is *moved* to the commune its unit was merged
into (``AdminUnit.merged_from`` in the unit list). Its earlier months keep reporting under
the old name, code and recipient, its new months under the new ones: every report asks
:func:`printed_as` for the identity valid for its period. The data (activities, villages,
report numbers) stays keyed by the unit code, which the moving installation keeps: every
2025 commune of the list carries the code of one of the communes it was formed from, and
that commune's installation is the one that moves (the others hand over their history).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.profile import UnitProfile
from quynhnhai_desktop.domain.unit_identity import (
    Identity,
    current_identity,
    in_force,
    in_order,
)
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import Profile, ReportSubmission, UnitHistory, utcnow

if TYPE_CHECKING:
    from quynhnhai_desktop.domain.units import AdminUnit, UnitRegistry

_DAY = dt.timedelta(days=1)


def label(identity: Identity, units: UnitRegistry | None = None) -> str:
    """The code with its dates as the unit list has them (a 2021 commune not yet moved
    still shows "đến 30/06/2025"); the history's own dates for a unit the list lacks."""
    from quynhnhai_desktop.domain.units import default_units

    units = units or default_units()
    for unit in units.units:
        same = unit.code == identity.code and unit.full_name == identity.full_name
        if same and (identity.valid_to is None or unit.valid_on(identity.valid_to)):
            return unit.dated_label
    return identity.dated_label


def _identity(row: UnitHistory) -> Identity:
    return Identity(
        code=row.unit_code,
        level=row.level,
        kind=row.unit_kind,
        name=row.unit_name,
        parent_code=row.parent_code,
        district_code=row.district_code,
        district_name=row.district_name,
        province_code=row.province_code,
        province_name=row.province_name,
        recipient=row.recipient,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
    )


def record_setup(session: Session, profile: Profile, valid_from: dt.date | None) -> None:
    """The first row of the history, written with the profile at set-up."""
    session.add(_row(current_identity(profile, valid_from)))


def _row(identity: Identity) -> UnitHistory:
    return UnitHistory(
        unit_code=identity.code,
        level=identity.level,
        unit_kind=identity.kind,
        unit_name=identity.name,
        parent_code=identity.parent_code,
        district_code=identity.district_code,
        district_name=identity.district_name,
        province_code=identity.province_code,
        province_name=identity.province_name,
        recipient=identity.recipient,
        valid_from=identity.valid_from,
        valid_to=identity.valid_to,
    )


def history(session: Session) -> list[Identity]:
    """Every identity of the installation, the oldest first (the current one last)."""
    rows = session.exec(select(UnitHistory).order_by(col(UnitHistory.id))).all()
    return in_order([_identity(row) for row in rows])


def identities(db: Database) -> list[Identity]:
    """:func:`history` in its own read transaction."""
    with db.read_session() as session:
        return history(session)


def identity_on(session: Session, profile: Profile, day: dt.date) -> Identity:
    """Who the installation was on *day* (the current identity when no row says otherwise)."""
    return in_force(history(session), profile, day)


def printed_as(session: Session, profile: Profile, day: dt.date) -> Profile:
    """*profile* as it printed on *day*: the same row when *day* falls in the current
    identity (so Settings' edits apply), else a detached copy with the old unit's name,
    level, parents and recipient (the code, the data's key, is the same)."""
    identity = identity_on(session, profile, day)
    if identity.valid_to is None:
        return profile
    copy = Profile.model_validate(profile.model_dump())
    copy.mode = identity.level
    copy.unit_code = identity.code
    copy.unit_kind = identity.kind
    copy.unit_name = identity.name
    copy.district_code = identity.district_code
    copy.district_name = identity.district_name
    copy.province_code = identity.province_code
    copy.province_name = identity.province_name
    copy.recipient = identity.recipient
    return copy


@dataclass(frozen=True)
class MovePlan:
    """What :func:`move` would do: from which unit to which, on which day, and the new
    recipient of the reports."""

    old: AdminUnit
    new: AdminUnit
    on: dt.date
    recipient: str


def _refuse(text: str, **values: object) -> UserError:
    return UserError("setup", text, **values)


def plan_move(
    session: Session, code: str, on: dt.date, units: UnitRegistry | None = None
) -> MovePlan:
    """Check a move of the installation to the unit *code* from *on*; nothing is written.

    Refused: a unit that is not the one this installation's unit was merged into, a date
    other than the day the old unit ended, a second move, a move that would change the
    code (the installation keeping the code moves), and a move over months already exported.
    """
    from quynhnhai_desktop.domain.units import default_units
    from quynhnhai_desktop.services import profile as profile_service

    units = units or default_units()
    profile = profile_service.require_profile(session)
    code = code.strip()
    here = f"{profile.unit_kind} {profile.unit_name}"
    now = units.get(profile.unit_code, on)
    if now is not None and now.full_name == here and now.valid_to is None:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "setup",
                "This installation is already {unit} on {day}; nothing was changed.",
            ),
            unit=now.dated_label,
            day=f"{on:%d/%m/%Y}",
        )
    old = units.get(profile.unit_code, on - _DAY)
    if old is None or old.full_name != here or old.valid_to != on - _DAY:
        ends = [
            u
            for u in units.units
            if u.code == profile.unit_code and u.full_name == here and u.valid_to is not None
        ]
        if not ends:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "setup",
                    "{unit} was not merged into another unit in the unit list; nothing was "
                    "changed.",
                ),
                unit=f"{profile.unit_code} {here}",
            )
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "setup",
                "{unit} ended on {last}: the move is on {first}, not on {day}. Nothing was "
                "changed.",
            ),
            unit=ends[0].dated_label,
            last=f"{ends[0].valid_to:%d/%m/%Y}",
            first=f"{ends[0].valid_to + _DAY:%d/%m/%Y}" if ends[0].valid_to else "",
            day=f"{on:%d/%m/%Y}",
        )
    successor = units.successor(old.code, on)
    target = units.get(code, on)
    if successor is None or (successor.code == old.code and successor.full_name == here):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "setup",
                "{unit} was not merged into another unit in the unit list; nothing was changed.",
            ),
            unit=old.dated_label,
        )
    if target is None or target != successor:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "setup",
                "{unit} was merged into {successor}, not into {target}. Nothing was changed.",
            ),
            unit=old.dated_label,
            successor=successor.dated_label,
            target=target.dated_label if target is not None else code,
        )
    if successor.code != old.code:
        keeper = next((m.name for m in successor.merged_from if m.code == successor.code), "")
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "setup",
                "{successor} keeps the code of {keeper}: that installation moves to it. "
                "Send this one's report packages there to take in its history. Nothing was "
                "changed.",
            ),
            successor=successor.dated_label,
            keeper=keeper,
        )
    exported = session.exec(
        select(col(ReportSubmission.period_start))
        .where(ReportSubmission.commune_code == profile.unit_code)
        .where(col(ReportSubmission.period_start) >= on)
        .order_by(col(ReportSubmission.period_start))
    ).first()
    if exported is not None:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "setup",
                "A report from {day} on was already exported as {unit}; the move cannot "
                "change it. Nothing was changed.",
            ),
            day=f"{exported:%d/%m/%Y}",
            unit=old.dated_label,
        )
    recipient = profile_service.recipient_for(units, successor, on)
    return MovePlan(old=old, new=successor, on=on, recipient=recipient)


def check_move(db: Database, code: str, on: dt.date, units: UnitRegistry | None = None) -> MovePlan:
    """:func:`plan_move` in its own read transaction (what a move would do; nothing is
    written)."""
    with db.read_session() as session:
        return plan_move(session, code, on, units)


def pending_move(
    db: Database, profile: UnitProfile, units: UnitRegistry | None = None
) -> MovePlan | None:
    """The move *profile*'s unit has before it (its unit ended and was merged into another
    that keeps its code), or None: nothing to move, or a move refused (already moved, months
    exported since)."""
    from quynhnhai_desktop.domain.units import default_units

    units = units or default_units()
    here = f"{profile.unit_kind} {profile.unit_name}"
    mine = [u for u in units.units if u.code == profile.unit_code and u.full_name == here]
    ended = [u.valid_to for u in mine if u.valid_to is not None]
    if not ended:
        return None
    day = ended[0] + _DAY
    successor = units.successor(profile.unit_code, day)
    if successor is None:
        return None
    try:
        return check_move(db, successor.code, day, units)
    except UserError:
        return None


def move(
    db: Database, code: str, on: dt.date, units: UnitRegistry | None = None
) -> tuple[MovePlan, UnitProfile]:
    """Move the installation to the unit *code* from *on* (see :func:`plan_move`), in one
    transaction: the old identity is closed the day before, the new one opened, the
    profile shows the new unit and its recipient."""
    from quynhnhai_desktop.domain.units import default_units
    from quynhnhai_desktop.services import profile as profile_service

    units = units or default_units()
    with db.session() as session:
        plan = plan_move(session, code, on, units)
        profile = profile_service.require_profile(session)
        old_rows = session.exec(
            select(UnitHistory).where(col(UnitHistory.valid_to).is_(None))
        ).all()
        if not old_rows:  # a database older than the history: its row now
            record_setup(session, profile, None)
            session.flush()
            old_rows = session.exec(
                select(UnitHistory).where(col(UnitHistory.valid_to).is_(None))
            ).all()
        for row in old_rows:
            row.valid_to = on - _DAY
            row.recipient = profile.recipient  # what its reports were addressed to
            session.add(row)
        chain = profile_service.chain(units, plan.new, on)
        profile.mode = plan.new.level
        profile.unit_code = plan.new.code
        profile.unit_kind = plan.new.kind
        profile.unit_name = plan.new.name
        profile.district_code = chain.district.code if chain.district else None
        profile.district_name = chain.district.name if chain.district else None
        profile.province_code = chain.province.code
        profile.province_name = chain.province.name
        profile.recipient = plan.recipient
        profile.updated_at = utcnow()
        session.add(profile)
        record_setup(session, profile, on)
        session.flush()
        session.refresh(profile)
        moved = UnitProfile.of(profile)
    return plan, moved
