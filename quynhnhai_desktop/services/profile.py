"""Setting up an installation: which unit it is, who signs, and the starting lists."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlmodel import Session

from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.text import clean
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import Profile

if TYPE_CHECKING:  # pydantic-based data files load only for the set-up, not at start-up
    from quynhnhai_desktop.domain.units import AdminUnit, UnitRegistry

Mode = Literal["commune", "district"]

# Who receives the report, by the level that sends it (2021 arrangement).
_RECIPIENT = {
    "commune": "Phòng Văn hóa và Thông tin {district_kind_lower} {district_name}",
    "district": "Sở Thông tin và Truyền thông {province_kind_lower} {province_name}",
}


@dataclass(frozen=True)
class SetupRequest:
    """What the wizard or `quynhnhai init` collects."""

    mode: Mode
    unit_code: str
    signer_name: str
    signer_title: str


class AlreadySetUp(UserError):
    """init on a database that already has a profile: refused, nothing touched."""


def get_profile(db: Database) -> Profile | None:
    with db.session() as session:
        return session.get(Profile, 1)


def split_title(title: str) -> str:
    """Signer titles are typed on one line as "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"; store lines."""
    return "\n".join(clean(part) for part in clean(title).split("/") if clean(part)).upper()


def _unit(units: UnitRegistry, mode: Mode, code: str) -> AdminUnit:
    unit = units.get(code)
    wanted = "commune" if mode == "commune" else "district"
    if unit is None or unit.level != wanted:
        if mode == "commune":
            raise UserError(
                "setup",
                QT_TRANSLATE_NOOP(
                    "setup", "Unknown commune code {code}. Choose one of: {choices}."
                ),
                code=code,
                choices=", ".join(f"{u.code} {u.name}" for u in units.of_level("commune")),
            )
        raise UserError(
            "setup",
            QT_TRANSLATE_NOOP("setup", "Unknown district code {code}. Choose one of: {choices}."),
            code=code,
            choices=", ".join(f"{u.code} {u.name}" for u in units.of_level("district")),
        )
    return unit


def set_up(
    db: Database,
    request: SetupRequest,
    units: UnitRegistry | None = None,
    *,
    keys_dir: Path | None = None,
) -> Profile:
    """Write the profile and the default teams, in one transaction; refuse a second time.

    With *keys_dir*, the installation's signing key is made too (report packages).
    """
    from quynhnhai_desktop.domain.campaign import FIRST_CAMPAIGN
    from quynhnhai_desktop.domain.catalog import default_teams
    from quynhnhai_desktop.domain.units import default_units
    from quynhnhai_desktop.services import reference

    units = units or default_units()
    unit = _unit(units, request.mode, request.unit_code.strip())
    name, title = clean(request.signer_name), split_title(request.signer_title)
    if not name or not title:
        raise UserError(
            "setup",
            QT_TRANSLATE_NOOP("setup", "Enter the signer's name and title (e.g. PHÓ CHỦ TỊCH)."),
        )
    district = units.get(unit.parent) if request.mode == "commune" and unit.parent else unit
    assert district is not None
    province = units.get(district.parent) if district.parent else None
    if province is None:
        raise UserError(
            "setup",
            QT_TRANSLATE_NOOP("setup", "The unit list has no province above {code}."),
            code=unit.code,
        )
    recipient = _RECIPIENT[request.mode].format(
        district_kind_lower=district.kind.lower(),
        district_name=district.name,
        province_kind_lower=province.kind.lower(),
        province_name=province.name,
    )
    with db.session() as session:
        if session.get(Profile, 1) is not None:
            raise AlreadySetUp(
                "setup",
                QT_TRANSLATE_NOOP(
                    "setup",
                    "This installation is already set up; nothing was changed. "
                    "Change the signer in Settings.",
                ),
            )
        profile = Profile(
            mode=request.mode,
            unit_code=unit.code,
            unit_kind=unit.kind,
            unit_name=unit.name,
            district_code=district.code,
            district_name=district.name,
            province_code=province.code,
            province_name=province.name,
            recipient=recipient,
            signer_name=name,
            signer_title=title,
            catalog_id=FIRST_CAMPAIGN,
        )
        session.add(profile)
        if request.mode == "commune":
            for team in default_teams():
                reference.add_team(session, unit.code, team)
    if keys_dir is not None:
        from quynhnhai_desktop.services import identity

        identity.load_or_create(keys_dir)
    return profile


def require_profile(session: Session) -> Profile:
    """The profile, or a clear error telling the user to run the set-up first."""
    profile = session.get(Profile, 1)
    if profile is None:
        raise UserError(
            "setup",
            QT_TRANSLATE_NOOP(
                "setup",
                "The app is not set up yet. Open it and follow the set-up, or run "
                "'quynhnhai init --commune CODE --signer-name NAME --signer-title TITLE'.",
            ),
        )
    return profile
