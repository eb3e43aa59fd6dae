"""This installation's unit and signer as the screens and reports read them: plain data.

The database row lives in the store; a service hands the GUI a :class:`UnitProfile` (a
frozen copy), and the helpers that only read a profile take :class:`ProfileFields`, which
both the row and the copy satisfy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


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
