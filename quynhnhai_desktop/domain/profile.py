"""This installation's unit and signer as the screens and reports read them: plain data.

The database row lives in the store; a service hands the GUI a :class:`UnitProfile` (a
frozen copy), and the helpers that only read a profile take :class:`ProfileFields`, which
both the row and the copy satisfy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError


class ProfileFields(Protocol):
    """What a profile says, read-only (the store's row and :class:`UnitProfile` alike)."""

    @property
    def mode(self) -> str: ...
    @property
    def unit_code(self) -> str: ...
    @property
    def unit_kind(self) -> str: ...
    @property
    def unit_name(self) -> str: ...
    @property
    def district_code(self) -> str | None: ...
    @property
    def district_name(self) -> str | None: ...
    @property
    def province_code(self) -> str: ...
    @property
    def province_name(self) -> str: ...
    @property
    def recipient(self) -> str: ...
    @property
    def signer_name(self) -> str: ...
    @property
    def signer_title(self) -> str: ...
    @property
    def signature_line(self) -> str | None: ...
    @property
    def copies_to(self) -> str | None: ...
    @property
    def issuing_body(self) -> str | None: ...


@dataclass(frozen=True)
class UnitProfile:
    """A copy of the profile, detached from any database session."""

    mode: str
    unit_code: str
    unit_kind: str
    unit_name: str
    district_code: str | None
    district_name: str | None
    province_code: str
    province_name: str
    recipient: str
    signer_name: str
    signer_title: str
    signature_line: str | None
    copies_to: str | None
    issuing_body: str | None

    @classmethod
    def of(cls, profile: ProfileFields) -> UnitProfile:
        return cls(
            mode=profile.mode,
            unit_code=profile.unit_code,
            unit_kind=profile.unit_kind,
            unit_name=profile.unit_name,
            district_code=profile.district_code,
            district_name=profile.district_name,
            province_code=profile.province_code,
            province_name=profile.province_name,
            recipient=profile.recipient,
            signer_name=profile.signer_name,
            signer_title=profile.signer_title,
            signature_line=profile.signature_line,
            copies_to=profile.copies_to,
            issuing_body=profile.issuing_body,
        )


def records_activities(profile: ProfileFields) -> bool:
    """A commune records its own activities (activities, venues, its monthly report)."""
    return profile.mode == "commune"


DEFAULT_COPIES = {
    "commune": ("Như trên;", "Chủ tịch, các PCT UBND xã;", "Lưu: VT, VHXH."),
    "district": ("Như trên;", "UBND các xã;", "Lưu: VT."),
    "province": ("Như trên;", "UBND các xã, phường;", "Lưu: VT."),
}


def signature_line(profile: ProfileFields) -> str:
    """The line above the signer's title: the profile's own, or the unit's usual one."""
    if profile.signature_line is not None:
        return profile.signature_line
    return "TM. ỦY BAN NHÂN DÂN" if profile.mode == "commune" else ""


def copies_to(profile: ProfileFields) -> tuple[str, ...]:
    """The "Nơi nhận" items, the filing line ("Lưu: …") last."""
    if profile.copies_to is not None:
        return tuple(line for line in profile.copies_to.split("\n") if line.strip())
    return DEFAULT_COPIES.get(profile.mode, DEFAULT_COPIES["district"])


def not_set_up() -> UserError:
    """What every use of the profile says before the set-up."""
    return UserError(
        "setup",
        QT_TRANSLATE_NOOP(
            "setup",
            "The app is not set up yet. Open it and follow the set-up, or run "
            "'quynhnhai init --commune CODE --signer-name NAME --signer-title TITLE'.",
        ),
    )
