"""A commune with many activities, made fast (Core bulk inserts, not the GUI or the ORM)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.services import activities, campaigns, profile, reference
from quynhnhai_desktop.services.demo import VILLAGE_NAMES
from quynhnhai_desktop.store.database import Database, open_database
from tests.conftest import MUONG_GIANG

COMMUNE = MUONG_GIANG.unit_code
SECOND_CAMPAIGN = Path(__file__).resolve().parents[1] / "data" / "digital-2026.json"
NOTES = ("", "", "", "Kết hợp họp bản", "Phát kèm tờ rơi", "Buổi tối", "Tại nhà văn hóa bản")


def make_commune(folder: Path, count: int, *, seed: int = 2021) -> AppPaths:
    """A data folder set up as Xã Mường Giàng with *count* activities over five years."""
    paths = AppPaths.resolve(folder).ensure()
    db = open_database(paths.database_url)
    profile.set_up(db, MUONG_GIANG)
    catalog = first_campaign()
    rng = random.Random(seed)
    with db.session() as session:
        villages = [reference.add_village(session, COMMUNE, n) for n in VILLAGE_NAMES]
        teams = reference.list_teams(session, COMMUNE)
    topics = [t.code for t in catalog.topics]
    drafts = []
    texts: dict[tuple[object, ...], str] = {}
    for _ in range(count):
        form = rng.choice(catalog.forms)
        village = rng.choice([*villages, None])
        team = rng.choice(teams)
        chosen = tuple(sorted(rng.sample(topics, rng.randint(1, 3))))
        note = rng.choice(NOTES)
        draft = activities.ActivityDraft(
            date=dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365)),
            team_id=team.id or 0,
            form_code=form.code,
            topics=chosen,
            values={code: rng.randint(0, 120) for code in form.indicators},
            village_id=village.id if village else None,
            note=note,
        )
        key = (draft.village_id, draft.team_id, draft.form_code, chosen, note)
        if key not in texts:
            texts[key] = activities.search_text(
                draft, catalog, village.name if village else "", team.name
            )
        drafts.append((draft, texts[key]))
    with db.session() as session:
        activities.record_many(session, COMMUNE, drafts)
    add_second_campaign(db, count // 20, rng)
    db.close()
    return paths


def add_second_campaign(db: Database, count: int, rng: random.Random | None = None) -> None:
    """A second campaign running since 2026 with *count* activities of its own: every
    query then filters by campaign (an installation with one campaign does not)."""
    rng = rng or random.Random(2026)
    with db.session() as session:
        digital = campaigns.store(session, SECOND_CAMPAIGN.read_bytes())
        teams = reference.list_teams(session, COMMUNE)
    drafts = []
    for _ in range(count):
        form = rng.choice(digital.forms)
        draft = activities.ActivityDraft(
            date=dt.date(2026, 1, 10) + dt.timedelta(days=rng.randrange(300)),
            team_id=rng.choice(teams).id or 0,
            form_code=form.code,
            topics=(rng.choice(digital.topics).code,),
            values={code: rng.randint(0, 40) for code in form.indicators},
        )
        drafts.append((draft, activities.search_text(draft, digital, "", "")))
    with db.session() as session:
        activities.record_many(session, COMMUNE, drafts, digital)
