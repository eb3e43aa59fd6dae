"""A known stretch of activities for report tests, and the sums worked out without the app.

August to October 2021 in Xã Mường Giàng, with activities on every period boundary, some
deleted, and a neighbouring commune's activities in the same days: the report must count
exactly the live ones of its own commune inside the period.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import update

from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.domain.periods import Period
from quynhnhai_desktop.domain.text import sort_key
from quynhnhai_desktop.services import activities, reference
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import Activity, Venue, utcnow

OWN = "03703"
NEIGHBOUR = "03706"
FIRST_DAY = dt.date(2021, 8, 1)
LAST_DAY = dt.date(2021, 10, 31)
# Every boundary of the calendar and statistical months of September gets activities.
BOUNDARIES = (
    dt.date(2021, 8, 14),
    dt.date(2021, 8, 15),
    dt.date(2021, 8, 31),
    dt.date(2021, 9, 1),
    dt.date(2021, 9, 14),
    dt.date(2021, 9, 15),
    dt.date(2021, 9, 30),
    dt.date(2021, 10, 1),
)


@dataclass(frozen=True)
class Recorded:
    draft: activities.ActivityDraft
    commune: str
    deleted: bool


def _draft(
    rng: random.Random, day: dt.date, team_id: int, village_id: int | None
) -> activities.ActivityDraft:
    catalog = first_campaign()
    form = rng.choice(catalog.forms)
    values = {code: rng.randint(0, 60) for code in form.indicators}
    topics = tuple(rng.sample([t.code for t in catalog.topics], rng.randint(1, 3)))
    return activities.ActivityDraft(
        date=day,
        team_id=team_id,
        form_code=form.code,
        topics=topics,
        values=values,
        village_id=village_id,
        note="",
    )


def build_months(
    db: Database, *, villages: int = 4, per_day: float = 1.5, seed: int = 7
) -> list[Recorded]:
    """Activities from August to October 2021; returns what was recorded, for the sums."""
    rng = random.Random(seed)
    recorded: list[Recorded] = []
    with db.session() as session:
        own_villages = [
            reference.add_village(session, OWN, f"Bản Thử {n:02d}").id
            for n in range(1, villages + 1)
        ]
        own_teams = [t.id for t in reference.list_teams(session, OWN)]
        other_team = reference.add_team(session, NEIGHBOUR, "Đoàn Thanh niên xã").id
        other_village = reference.add_village(session, NEIGHBOUR, "Bản Chiềng").id
        days = [FIRST_DAY + dt.timedelta(d) for d in range((LAST_DAY - FIRST_DAY).days + 1)]
        plan: list[tuple[dt.date, str]] = []
        for day in days:
            count = int(per_day) + (rng.random() < per_day % 1)
            plan += [(day, OWN)] * count
        plan += [(day, OWN) for day in BOUNDARIES for _ in range(2)]
        plan += [(day, NEIGHBOUR) for day in BOUNDARIES]
        batches: dict[str, list[tuple[activities.ActivityDraft, str]]] = defaultdict(list)
        for day, commune in plan:
            if commune == OWN:
                village = rng.choice([*own_villages, None])
                draft = _draft(rng, day, rng.choice(own_teams) or 0, village)
            else:
                draft = _draft(rng, day, other_team or 0, other_village)
            batches[commune].append((draft, ""))
        ids: dict[str, list[int]] = {
            commune: activities.record_many(session, commune, batch)
            for commune, batch in batches.items()
        }
        deleted_ids = set(rng.sample(ids[OWN], len(ids[OWN]) // 10))
        on_first = [i for i, (d, _) in zip(ids[OWN], batches[OWN], strict=True) if d.date.day == 1]
        deleted_ids.add(on_first[0])  # a deleted one on a boundary day too
        session.execute(
            update(Activity).where(Activity.id.in_(deleted_ids)).values(deleted_at=utcnow())  # type: ignore[union-attr]
        )
        for commune, batch in batches.items():
            for activity_id, (draft, _text) in zip(ids[commune], batch, strict=True):
                recorded.append(Recorded(draft, commune, activity_id in deleted_ids))
    return recorded


def expected_totals(recorded: list[Recorded], period: Period) -> dict[str, Counter[str]]:
    """Sums worked out in plain Python from what was recorded: by form, topic, village, team.

    Keys of each Counter: ``"<key>|#"`` for the activity count, ``"<key>|<indicator>"`` for
    sums; ``"*"`` is the whole period (distinct activities).
    """
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for item in recorded:
        draft = item.draft
        if item.commune != OWN or item.deleted or not period.contains(draft.date):
            continue
        groups = {
            "form": [draft.form_code],
            "topic": list(dict.fromkeys(draft.topics)),
            "village": [str(draft.village_id) if draft.village_id else ""],
            "team": [str(draft.team_id)],
            "total": ["*"],
        }
        for kind, keys in groups.items():
            for key in keys:
                out[kind][f"{key}|#"] += 1
                for code, value in draft.values.items():
                    out[kind][f"{key}|{code}"] += value
    return out


def sql_totals(database_file: str, period: Period, group: str) -> Counter[str]:
    """The same sums straight from the file with hand-written SQL (no app code)."""
    key = {
        "form": "a.form_code",
        "village": "COALESCE(CAST(a.village_id AS TEXT), '')",
        "team": "CAST(a.team_id AS TEXT)",
        "topic": "t.topic_code",
        "total": "'*'",
    }[group]
    join = "JOIN activity_topic t ON t.activity_id = a.id" if group == "topic" else ""
    where = "a.commune_code = ? AND a.date BETWEEN ? AND ? AND a.deleted_at IS NULL"
    params = (OWN, period.start.isoformat(), period.end.isoformat())
    out: Counter[str] = Counter()
    with sqlite3.connect(database_file) as conn:
        for k, count in conn.execute(
            f"SELECT {key}, COUNT(*) FROM activity a {join} WHERE {where} GROUP BY 1", params
        ):
            out[f"{k}|#"] += count
        for k, code, total in conn.execute(
            f"SELECT {key}, v.indicator_code, SUM(v.value) FROM activity a {join} "
            f"JOIN activity_value v ON v.activity_id = a.id WHERE {where} GROUP BY 1, 2",
            params,
        ):
            out[f"{k}|{code}"] += total
    return out


def add_venues(db: Database) -> None:
    """A few venues of each QR situation (registered before, during and after September)."""
    rows = [
        ("market", True, dt.date(2021, 7, 1), "https://qr.tokhaiyte.vn/c/1", 2),
        ("market", True, dt.date(2021, 9, 10), "", 1),
        ("school", True, dt.date(2021, 10, 2), "x", 0),
        ("school", False, None, "", 0),
        ("boat_landing", True, dt.date(2021, 9, 3), "y", 3),
        ("health_station", False, None, "", 1),
    ]
    with db.session() as session:
        for n, (category, registered, on, qr, posters) in enumerate(rows, start=1):
            session.add(
                Venue(
                    commune_code=OWN,
                    code=f"{OWN}-{n:04d}",
                    name=f"Địa điểm {n}",
                    name_folded=f"dia diem {n}",
                    sort_key=sort_key(f"Địa điểm {n}"),
                    category=category,
                    registered=registered,
                    registered_on=on,
                    qr_content=qr,
                    posters_printed=posters,
                )
            )
