"""Who the installation was on a day: its identities with their dates, as plain data.

The history's rows are read by :mod:`services.unit_history` (the window) and by the plain
SQL of :mod:`services.report_read` (a command); which one a day falls in is decided here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from quynhnhai_desktop.domain.profile import ProfileFields


@dataclass(frozen=True)
class Identity:
    """One identity of the installation with its dates (``valid_to`` None: the current)."""

    code: str
    level: str
    kind: str
    name: str
    parent_code: str | None
    district_code: str | None
    district_name: str | None
    province_code: str
    province_name: str
    recipient: str
    valid_from: dt.date | None
    valid_to: dt.date | None

    @property
    def full_name(self) -> str:
        return f"{self.kind} {self.name}"

    @property
    def dated_label(self) -> str:
        """ "03703 Xã Mường Giàng (đến 30/06/2025)": the code with its dates."""
        from quynhnhai_desktop.domain.units import dated_label  # pydantic: not on a report

        return dated_label(self.code, self.full_name, self.valid_from, self.valid_to)

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


def current_identity(profile: ProfileFields, valid_from: dt.date | None = None) -> Identity:
    """The profile as an identity (what the history's open row holds)."""
    return Identity(
        code=profile.unit_code,
        level=profile.mode,
        kind=profile.unit_kind,
        name=profile.unit_name,
        parent_code=None
        if profile.mode == "province"
        else (profile.district_code or profile.province_code),
        district_code=profile.district_code,
        district_name=profile.district_name,
        province_code=profile.province_code,
        province_name=profile.province_name,
        recipient=profile.recipient,
        valid_from=valid_from,
        valid_to=None,
    )


def in_order(identities: Iterable[Identity]) -> list[Identity]:
    """The oldest first, the current one (no end date) last."""
    return sorted(identities, key=lambda i: (i.valid_to is None, i.valid_from or dt.date.min))


def in_force(history: Iterable[Identity], profile: ProfileFields, day: dt.date) -> Identity:
    """Who the installation was on *day* (the current identity when no row says otherwise)."""
    for identity in history:
        if identity.valid_to is not None and identity.valid_on(day):
            return identity
    return current_identity(profile)
