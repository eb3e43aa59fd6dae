"""Setting up an installation: which unit it is, who signs, and the starting lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlmodel import Session

from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.profile import (  # noqa: F401 (named here by the screens)
    DEFAULT_COPIES,
    ProfileFields,
    UnitProfile,
    copies_to,
    not_set_up,
    records_activities,
    signature_line,
)
from quynhnhai_desktop.domain.text import clean, fold
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import Profile, utcnow

if TYPE_CHECKING:  # pydantic-based data files load only for the set-up, not at start-up
    from quynhnhai_desktop.domain.units import AdminUnit, UnitRegistry

Mode = Literal["commune", "district", "province"]

# Who receives the report, by the level that sends it (2021 arrangement: letter 2158 asks
# communes to report "về UBND huyện qua Phòng Văn hóa và Thông tin"). From 1/7/2025 there is
# no district: a commune reports to the province (the office names the body in Settings).
_RECIPIENT = {
    "commune": "UBND {district_kind_lower} {district_name} (qua Phòng Văn hóa và Thông tin)",
    "district": "Sở Thông tin và Truyền thông {province_kind_lower} {province_name}",
}
_RECIPIENT_2025 = "UBND {province_kind_lower} {province_name} (qua Sở Văn hóa, Thể thao và Du lịch)"
_RECIPIENT_PROVINCE = "Bộ Văn hóa, Thể thao và Du lịch"
REFORM_DAY = dt.date(2025, 7, 1)


@dataclass(frozen=True)
class SetupRequest:
    """What the wizard or `quynhnhai init` collects."""

    mode: Mode | None  # None: whatever level the unit has in the registry (`init --unit`)
    unit_code: str
    signer_name: str
    signer_title: str
    villages: tuple[str, ...] = ()  # the commune's villages, pasted in the set-up
    # The day the unit is looked up on (codes were reused in 2025). None with a mode: the
    # unit as it was in 2021 (what --commune/--district always meant); None without: today.
    on: dt.date | None = None


def consolidates(profile: ProfileFields) -> bool:
    """A level above the commune imports the packages of the units reporting to it."""
    return profile.mode != "commune"


def village_lines(text: str) -> tuple[str, ...]:
    """Villages pasted from a list or an Excel column: one a line (tabs and ";" split too),
    numbering and blank lines dropped, each name once."""
    import re

    names: dict[str, str] = {}
    for part in re.split(r"[\n\t;]", text.replace("\r", "")):
        name = clean(re.sub(r"^\s*\d+[.)]?\s+", "", part))  # "1. Bản Nà" → "Bản Nà"
        if name and not name.isdigit():
            names.setdefault(name.casefold(), name)
    return tuple(names.values())


class AlreadySetUp(UserError):
    """init on a database that already has a profile: refused, nothing touched."""


def get_profile(db: Database) -> UnitProfile | None:
    """The profile as plain data, or None before the set-up."""
    with db.read_session() as session:
        row = session.get(Profile, 1)
        return UnitProfile.of(row) if row is not None else None


def require(db: Database) -> UnitProfile:
    """The profile as plain data, or the "not set up yet" error of :func:`require_profile`."""
    with db.read_session() as session:
        return UnitProfile.of(require_profile(session))


def split_title(title: str) -> str:
    """Signer titles are typed on one line as "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"; store lines."""
    return "\n".join(clean(part) for part in clean(title).split("/") if clean(part)).upper()


def _unit(units: UnitRegistry, request: SetupRequest) -> AdminUnit:
    code = request.unit_code.strip()
    if request.mode is None:
        on = request.on or clock.today()
        unit = units.get(code, on)
        if unit is None:
            raise UserError(
                "setup",
                QT_TRANSLATE_NOOP(
                    "setup",
                    "No unit has the code {code} on {day} in the unit list.",
                ),
                code=code,
                day=f"{on:%d/%m/%Y}",
            )
        return unit
    wanted = "commune" if request.mode == "commune" else "district"
    if request.on is not None:
        unit = units.get(code, request.on)
    else:  # the alias flags keep naming the 2021 unit the code had
        dated = [u for u in units.units if u.code == code and u.level == wanted]
        unit = min(dated, key=lambda u: u.valid_from) if dated else None
    if unit is None or unit.level != wanted:
        if request.mode == "commune":
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


@dataclass(frozen=True)
class Chain:
    """The units above one on a day: its district (none for a 2025 commune) and province."""

    district: AdminUnit | None
    province: AdminUnit


def chain(units: UnitRegistry, unit: AdminUnit, day: dt.date) -> Chain:
    """Who *unit* reports to, read from the registry on *day*: refused without a province."""
    above = units.reports_to(unit.code, day)
    district = above if above is not None and above.level == "district" else None
    if unit.level == "district":
        district = unit
    province = above if above is not None and above.level == "province" else None
    if unit.level == "province":
        province = unit
    if district is not None and district.parent is not None:
        province = units.get(district.parent, day)
    if province is None:
        raise UserError(
            "setup",
            QT_TRANSLATE_NOOP("setup", "The unit list has no province above {code}."),
            code=unit.code,
        )
    return Chain(district, province)


def recipient_for(units: UnitRegistry, unit: AdminUnit, day: dt.date) -> str:
    """The usual "Kính gửi" of *unit*'s reports on *day*: a 2021 commune's district
    office, a district's (and from 1/7/2025 a commune's) province body, the ministry for
    a province."""
    above = chain(units, unit, day)
    if unit.level == "province":
        template = _RECIPIENT_PROVINCE
    elif above.district is not None or unit.level == "district":
        template = _RECIPIENT[unit.level]
    else:
        template = _RECIPIENT_2025
    return template.format(
        district_kind_lower=above.district.kind.lower() if above.district else "",
        district_name=above.district.name if above.district else "",
        province_kind_lower=above.province.kind.lower(),
        province_name=above.province.name,
    )


def set_up(
    db: Database,
    request: SetupRequest,
    units: UnitRegistry | None = None,
    *,
    keys_dir: Path | None = None,
) -> UnitProfile:
    """Write the profile and the default teams, in one transaction; refuse a second time.

    With *keys_dir*, the installation's signing key is made too (report packages).
    """
    from quynhnhai_desktop.domain.catalog import default_teams
    from quynhnhai_desktop.domain.units import default_units
    from quynhnhai_desktop.services import reference, unit_history

    units = units or default_units()
    unit = _unit(units, request)
    mode: Mode = unit.level
    day = (unit.valid_to or unit.valid_from) if request.on is None else request.on
    name, title = clean(request.signer_name), split_title(request.signer_title)
    if not name or not title:
        raise UserError(
            "setup",
            QT_TRANSLATE_NOOP("setup", "Enter the signer's name and title (e.g. PHÓ CHỦ TỊCH)."),
        )
    # Who the unit reports to is read from the registry on the unit's own dates.
    above = chain(units, unit, day)
    district, province = above.district, above.province
    recipient = recipient_for(units, unit, day)
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
            mode=mode,
            unit_code=unit.code,
            unit_kind=unit.kind,
            unit_name=unit.name,
            district_code=district.code if district else None,
            district_name=district.name if district else None,
            province_code=province.code,
            province_name=province.name,
            recipient=recipient,
            signer_name=name,
            signer_title=title,
        )
        session.add(profile)
        unit_history.record_setup(session, profile, unit.valid_from)
        if mode == "commune":
            for team in default_teams():
                reference.add_team(session, unit.code, team)
            seen: set[str] = set()
            for village in request.villages:
                if fold(village) not in seen:  # "Bản Nà" and "ban na": one village
                    seen.add(fold(village))
                    reference.add_village(session, unit.code, village)
        created = UnitProfile.of(profile)
    if keys_dir is not None:
        from quynhnhai_desktop.services import identity

        identity.load_or_create(keys_dir)
    return created


def default_recipient(profile: ProfileFields) -> str:
    """The recipient for the profile's level (what the set-up writes)."""
    if profile.mode == "province":
        return _RECIPIENT_PROVINCE
    if profile.mode == "commune" and profile.district_code is None:  # a 2025 commune
        return _RECIPIENT_2025.format(
            province_kind_lower="tỉnh", province_name=profile.province_name
        )
    if profile.mode == "commune":
        return _RECIPIENT["commune"].format(
            district_kind_lower="huyện", district_name=profile.district_name or ""
        )
    return _RECIPIENT["district"].format(
        province_kind_lower="tỉnh", province_name=profile.province_name
    )


# The body that issues a consolidated report, by the level (letter 2158: the district's
# Phòng Văn hóa và Thông tin; since the 2025 reorganisation the province's Sở). Settings
# names another (Profile.issuing_body).
DEFAULT_ISSUING_BODY = {
    "district": "Phòng Văn hóa và Thông tin",
    "province": "Sở Văn hóa, Thể thao và Du lịch",
}


def issuing_body(profile: ProfileFields) -> str:
    """The office that issues the consolidated report: the profile's own, or the level's."""
    if profile.issuing_body:
        return profile.issuing_body
    return DEFAULT_ISSUING_BODY.get(profile.mode, DEFAULT_ISSUING_BODY["district"])


@dataclass(frozen=True)
class SignerChange:
    """What Settings or `quynhnhai profile set` changes; None leaves a field as it is."""

    signer_name: str | None = None
    signer_title: str | None = None  # lines separated by "/"
    signature_line: str | None = None  # "" for none
    recipient: str | None = None
    copies_to: str | None = None  # one item a line
    issuing_body: str | None = None  # the consolidated report's office; "" for the usual


MAX_COPIES = 12


def _copies(text: str) -> str:
    items = [clean(line).removeprefix("-").strip() for line in text.replace("\r", "").split("\n")]
    items = [item for item in items if item]
    if not items or len(items) > MAX_COPIES:
        raise UserError(
            "setup",
            QT_TRANSLATE_NOOP(
                "setup", 'Write between 1 and {most} recipients under "Nơi nhận", one a line.'
            ),
            most=MAX_COPIES,
        )
    return "\n".join(items)


def update_signer(db: Database, change: SignerChange) -> UnitProfile:
    """Change who signs and to whom reports go; the next report (and revision) uses it.

    Reports already exported keep what they were signed with (their package holds the PDF).
    """
    with db.session() as session:
        profile = require_profile(session)
        if change.signer_name is not None:
            name = clean(change.signer_name)
            if not name:
                raise UserError(
                    "setup", QT_TRANSLATE_NOOP("setup", "Enter the name of the person who signs.")
                )
            profile.signer_name = name
        if change.signer_title is not None:
            title = split_title(change.signer_title)
            if not title:
                raise UserError(
                    "setup",
                    QT_TRANSLATE_NOOP("setup", "Enter the signer's title (e.g. PHÓ CHỦ TỊCH)."),
                )
            profile.signer_title = title
        if change.signature_line is not None:
            profile.signature_line = clean(change.signature_line).upper()
        if change.recipient is not None:
            recipient = clean(change.recipient).rstrip(".")
            if not recipient:
                raise UserError(
                    "setup",
                    QT_TRANSLATE_NOOP(
                        "setup", 'Enter who receives the reports (after "Kính gửi").'
                    ),
                )
            profile.recipient = recipient
        if change.copies_to is not None:
            profile.copies_to = _copies(change.copies_to)
        if change.issuing_body is not None:
            profile.issuing_body = clean(change.issuing_body).rstrip(".") or None
            if profile.issuing_body is not None and len(profile.issuing_body) > 128:
                raise UserError(
                    "setup",
                    QT_TRANSLATE_NOOP("setup", "That is too long: at most {most} characters."),
                    most=128,
                )
        for field, most in (("signer_name", 128), ("signer_title", 128), ("recipient", 256)):
            if len(getattr(profile, field)) > most:
                raise UserError(
                    "setup",
                    QT_TRANSLATE_NOOP("setup", "That is too long: at most {most} characters."),
                    most=most,
                )
        if profile.copies_to is not None and len(profile.copies_to) > 1000:
            raise UserError(
                "setup",
                QT_TRANSLATE_NOOP("setup", "That is too long: at most {most} characters."),
                most=1000,
            )
        profile.updated_at = utcnow()
        session.add(profile)
        session.flush()
        session.refresh(profile)
        return UnitProfile.of(profile)


def require_profile(session: Session) -> Profile:
    """The profile, or a clear error telling the user to run the set-up first."""
    profile = session.get(Profile, 1)
    if profile is None:
        raise not_set_up()
    return profile
