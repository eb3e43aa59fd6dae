"""Saves activities one by one through the real service until it is killed (the crash test).

    python -m tests.crash_worker URL            # a "zygote": forks one saver per "go SEED" line
    python -m tests.crash_worker URL SEED       # a single saver (where there is no fork)

A saver prints ``ready`` once the database is open, then ``saved <id>`` after each commit
returns: exactly what a clerk sees as "saved". The zygote imports everything first and
forks, so fifty rounds do not pay fifty interpreter start-ups; it prints ``child <pid>``
and, when the saver is gone, ``dead <pid>``.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys

from sqlmodel import select

from quynhnhai_desktop.domain.catalog import default_catalog
from quynhnhai_desktop.services import activities
from quynhnhai_desktop.store.database import open_database
from quynhnhai_desktop.store.models import Profile, Team, Village


def save_until_killed(url: str, seed: int) -> None:
    rng = random.Random(seed)
    catalog = default_catalog()
    db = open_database(url, check=False)
    with db.session() as session:
        profile = session.get(Profile, 1)
        assert profile is not None
        teams = list(session.exec(select(Team)))
        villages = list(session.exec(select(Village)))
    print("ready", flush=True)
    number = 0
    while True:
        team, village = rng.choice(teams), rng.choice(villages)
        draft = activities.ActivityDraft(
            date=dt.date(2021, 9, 1) + dt.timedelta(days=rng.randrange(90)),
            team_id=team.id or 0,
            form_code="direct",
            topics=("bluezone", "vaccination_benefit"),
            values={"sessions": 1, "people": rng.randint(20, 90), "households": 10},
            village_id=village.id,
            note=f"lần {seed} – hoạt động {number}",
        )
        activities.validate(draft, catalog, today=dt.date(2021, 12, 31))
        text = activities.search_text(draft, catalog, village.name, team.name)
        with db.session() as session:
            [new_id] = activities.record_many(session, profile.unit_code, [(draft, text)])
        print(f"saved {new_id}", flush=True)  # after the commit returned
        number += 1


def zygote(url: str) -> None:
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command != "go":
            break
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                save_until_killed(url, int(arg))
            finally:
                os._exit(1)
        print(f"child {pid}", flush=True)
        os.waitpid(pid, 0)
        print(f"dead {pid}", flush=True)


if __name__ == "__main__":
    if len(sys.argv) == 3:
        save_until_killed(sys.argv[1], int(sys.argv[2]))
    else:
        zygote(sys.argv[1])
