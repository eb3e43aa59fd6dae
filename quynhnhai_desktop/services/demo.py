"""Realistic demo data for the set-up commune: villages, teams, activities, venues.

Deterministic for a given commune and period, so screenshots and tests are repeatable.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import zlib
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlmodel import Session, func, select

from quynhnhai_desktop.config import resource
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.campaign import Campaign, first_campaign
from quynhnhai_desktop.domain.catalog import venue_categories
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.text import fold, sort_key
from quynhnhai_desktop.services import activities, reference
from quynhnhai_desktop.services.profile import records_activities, require_profile
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import Activity, Profile, Team, Venue, Village

# Thai place-name words common in Quỳnh Nhai: nà (field), phiêng (flat land), huổi
# (stream), co (tree), bó (spring), pá (forest), hua (head)…
VILLAGE_NAMES = (
    "Bản Nà",
    "Bản Phiêng Nèn",
    "Bản Huổi Ngùa",
    "Bản Co Phường",
    "Bản Bó Ban",
    "Bản Hua Na",
    "Bản Púng Bánh",
    "Bản Lọng Mương",
    "Bản Pá Uôn",
    "Bản Kéo Ca",
    "Bản Có Nàng",
    "Bản Nong Giàng",
    "Bản Hé",
    "Bản Tom",
    "Bản Xe",
    "Bản Đán",
)
EXTRA_TEAMS = ("Đài truyền thanh xã",)
PEOPLE = (
    "Lò Văn Thành",
    "Quàng Thị Hoa",
    "Cà Văn Đôi",
    "Lường Thị Ên",
    "Tòng Văn Minh",
    "Vì Thị Lan",
    "Điêu Chính Tâm",
    "Lò Thị Xuân",
    "Quàng Văn Hặc",
    "Cầm Thị Hương",
)
VENUES = (
    ("market", "Chợ trung tâm xã"),
    ("market", "Chợ phiên bản {v}"),
    ("shop", "Tạp hóa {p}"),
    ("shop", "Cửa hàng vật tư nông nghiệp {p}"),
    ("shop", "Cửa hàng điện thoại {p}"),
    ("shop", "Tạp hóa {p}"),
    ("shop", "Cửa hàng xăng dầu"),
    ("restaurant", "Quán ăn {p}"),
    ("restaurant", "Quán cá lòng hồ {v}"),
    ("restaurant", "Quán phở {p}"),
    ("lodging", "Nhà nghỉ Lòng Hồ"),
    ("lodging", "Nhà nghỉ {p}"),
    ("lodging", "Homestay bản {v}"),
    ("school", "Trường Mầm non xã"),
    ("school", "Trường Tiểu học xã"),
    ("school", "Trường THCS xã"),
    ("school", "Điểm trường bản {v}"),
    ("health_station", "Trạm Y tế xã"),
    ("office", "Trụ sở UBND xã"),
    ("office", "Công an xã"),
    ("office", "Bưu điện văn hóa xã"),
    ("office", "Nhà văn hóa bản {v}"),
    ("office", "Nhà văn hóa bản {v}"),
    ("boat_landing", "Bến thuyền bản {v}"),
    ("boat_landing", "Bến phà lòng hồ"),
    ("boat_landing", "Bến thuyền bản {v}"),
    ("tourist_site", "Điểm du lịch lòng hồ thủy điện"),
    ("tourist_site", "Đảo nổi bản {v}"),
    ("worship", "Đền bản {v}"),
    ("other", "Sân bóng xã"),
    ("other", "Cơ sở xay xát {p}"),
    ("shop", "Tạp hóa {p}"),
)


@cache
def _demo_data(campaign_id: str) -> dict[str, Any]:
    """The campaign's demo figures: indicator ranges per form, form weights, topics."""
    path = resource("catalogs", f"{campaign_id}.demo.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


class HasData(UserError):
    """The commune already has entries: demo data is never mixed with real data."""


@dataclass(frozen=True)
class DemoSummary:
    villages: int
    teams: int
    activities: int
    venues: int
    first_day: dt.date
    last_day: dt.date


def _month_start(day: dt.date, back: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def _phone(rng: random.Random) -> str:
    return rng.choice(("097", "098", "086", "035", "036", "038", "091", "094")) + "".join(
        rng.choice("0123456789") for _ in range(7)
    )


def fill(db: Database, *, months: int = 6, until: dt.date | None = None) -> DemoSummary:
    """Add demo data for the set-up commune, ending with the month of *until* (today).

    Refuses when the commune already has activities or venues: demo data never mixes with
    real entries.
    """
    if months < 1 or months > 120:
        raise UserError("demo", QT_TRANSLATE_NOOP("demo", "Months must be between 1 and 120."))
    today = clock.today()
    until = min(until or today, today)
    catalog = first_campaign()
    with db.session() as session:
        profile = require_profile(session)
        if not records_activities(profile):
            raise UserError(
                "demo", QT_TRANSLATE_NOOP("demo", "Demo data is made for a commune installation.")
            )
        code = profile.unit_code
        has_data = (
            session.exec(
                select(func.count()).select_from(Activity).where(Activity.commune_code == code)
            ).one()
            + session.exec(
                select(func.count()).select_from(Venue).where(Venue.commune_code == code)
            ).one()
        )
        if has_data:
            raise HasData(
                "demo",
                QT_TRANSLATE_NOOP(
                    "demo", "This database already has activities or venues; no demo data added."
                ),
            )
        rng = random.Random(zlib.crc32(code.encode()))
        villages = _villages(session, code, rng)
        teams = _teams(session, code, villages)
        first_day = _month_start(until, months - 1)
        count = _activities(session, profile, catalog, rng, villages, teams, first_day, until)
        venues = _venues(session, profile, rng, villages, until)
        return DemoSummary(len(villages), len(teams), count, venues, first_day, until)


def _villages(session: Session, code: str, rng: random.Random) -> list[Village]:
    existing = reference.list_villages(session, code)
    if existing:
        return existing
    names = ["Bản Nà", *rng.sample(VILLAGE_NAMES[1:], 9)]
    return [reference.add_village(session, code, name) for name in names]


def _teams(session: Session, code: str, villages: list[Village]) -> list[Team]:
    for name in (*EXTRA_TEAMS, *(f"Tổ COVID cộng đồng {v.name.lower()}" for v in villages[:4])):
        if reference.find_team(session, code, name) is None:
            reference.add_team(session, code, name)
    return reference.list_teams(session, code)


def _activities(
    session: Session,
    profile: Profile,
    catalog: Campaign,
    rng: random.Random,
    villages: list[Village],
    teams: list[Team],
    first_day: dt.date,
    last_day: dt.date,
) -> int:
    demo = _demo_data(catalog.id)
    forms, weights = zip(*demo["form_weights"].items(), strict=True)
    topics_all = [t.code for t in catalog.topics]
    team_for_form = {"loudspeaker": [t for t in teams if "truyền thanh" in t.name]}
    span = (last_day - first_day).days + 1
    drafts: list[tuple[activities.ActivityDraft, str]] = []
    for _ in range(max(1, round(span / 30.4 * 55))):
        form = rng.choices(forms, weights)[0]
        team = rng.choice(team_for_form.get(form) or teams)
        village = None if form in ("loudspeaker", "news", "social_media") else rng.choice(villages)
        values = {k: rng.randint(lo, hi) for k, (lo, hi) in demo["ranges"][form].items()}
        people, households = catalog.plausibility.people, catalog.plausibility.households
        if households in values and people in values:
            values[households] = min(values[households], values[people])
        pool = demo["form_topics"].get(form, topics_all)
        draft = activities.ActivityDraft(
            date=first_day + dt.timedelta(days=rng.randrange(span)),
            team_id=team.id or 0,
            form_code=form,
            topics=tuple(rng.sample(pool, rng.randint(1, 3))),
            values=values,
            village_id=village.id if village else None,
            note=rng.choice(("", "", "", "Kết hợp họp bản", "Phát kèm tờ rơi", "Buổi tối")),
        )
        activities.validate(draft, catalog, today=last_day)
        text = activities.search_text(draft, catalog, village.name if village else "", team.name)
        drafts.append((draft, text))
    drafts.sort(key=lambda d: d[0].date)
    return len(activities.record_many(session, profile.unit_code, drafts, catalog))


def _venues(
    session: Session,
    profile: Profile,
    rng: random.Random,
    villages: list[Village],
    until: dt.date,
) -> int:
    code = profile.unit_code
    known = {c.code for c in venue_categories()}
    for number, (category, pattern) in enumerate(VENUES, start=1):
        assert category in known
        village = rng.choice(villages)
        person = rng.choice(PEOPLE)
        name = pattern.format(v=village.name.removeprefix("Bản "), p=person.split()[-1])
        registered = rng.random() < 0.7
        venue_code = f"{code}-{number:04d}"
        session.add(
            Venue(
                commune_code=code,
                code=venue_code,
                name=name,
                name_folded=fold(name),
                sort_key=sort_key(name),
                category=category,
                village_id=village.id,
                address=f"{village.name}, {profile.unit_kind.lower()} {profile.unit_name}",
                contact_name=person,
                phone=_phone(rng),
                registered=registered,
                registered_on=until - dt.timedelta(days=rng.randrange(20, 160))
                if registered
                else None,
                qr_content=(
                    f"https://qr.tokhaiyte.vn/c/{zlib.crc32(venue_code.encode()):08X}{number:04d}"
                    if registered and rng.random() < 0.8
                    else ""
                ),
            )
        )
    return len(VENUES)
