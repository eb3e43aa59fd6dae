"""A commune with many activities, made fast (Core bulk inserts, not the GUI or the ORM)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.services import activities, profile, reference
from quynhnhai_desktop.services.demo import VILLAGE_NAMES
from quynhnhai_desktop.store.database import open_database
from tests.conftest import MUONG_GIANG

COMMUNE = MUONG_GIANG.unit_code
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
    db.close()
    return paths
