"""Saves activities one by one through the real service until it is killed (the crash test).

    python -m tests.support.crash_worker URL        # a "zygote": forks one saver per "go SEED" line
    python -m tests.support.crash_worker URL SEED   # a single saver (where there is no fork)
    python -m tests.support.crash_worker export DATA_DIR USB [SEED]   # the exporter, the same way

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
from collections.abc import Callable

from sqlmodel import select

from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.services import activities
from quynhnhai_desktop.store.database import open_database
from quynhnhai_desktop.store.models import Profile, Team, Village


def save_until_killed(url: str, seed: int) -> None:
    rng = random.Random(seed)
    catalog = first_campaign()
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


def _die_at_step(moment: int) -> None:
    """SIGKILL this process at a durable step: *moment* 2k-1 just after the k-th, 2k before it.

    The durable steps of an export: every fsync (files and folders), every rename, every
    commit. Killing at a random one of them, rather than after a random delay, lands the
    crash inside the export's few critical moments whatever the machine's speed.
    """
    import signal

    from sqlalchemy.orm import Session

    count = {"n": 0}
    step, before = (moment + 1) // 2, moment % 2 == 0

    def durable(real: Callable[..., object]) -> Callable[..., object]:
        def step_then(*args: object, **kwargs: object) -> object:
            count["n"] += 1
            mine = count["n"]
            if mine == step and before:
                os.kill(os.getpid(), signal.SIGKILL)
            result = real(*args, **kwargs)
            if mine == step:
                os.kill(os.getpid(), signal.SIGKILL)
            return result

        return step_then

    os.fsync = durable(os.fsync)  # type: ignore[assignment]
    os.replace = durable(os.replace)  # type: ignore[assignment]  # Path.replace calls it
    Session.commit = durable(Session.commit)  # type: ignore[assignment, method-assign]


def export_until_killed(data_dir: str, usb: str, seed: int) -> None:
    """Export September again and again, changing an activity before every other export."""
    from pathlib import Path

    from quynhnhai_desktop.config import AppPaths
    from quynhnhai_desktop.domain.periods import month_period
    from quynhnhai_desktop.services import package_export

    rng = random.Random(seed)
    paths = AppPaths.resolve(data_dir)
    catalog = first_campaign()
    db = open_database(paths.database_url, check=False)
    with db.session() as session:
        profile = session.get(Profile, 1)
        assert profile is not None
        team = next(iter(session.exec(select(Team))))
    september = month_period(2021, 9, "calendar")
    print("ready", flush=True)
    _die_at_step(rng.randint(1, 40))
    for number in range(40):  # far more than the 20 steps it may take to die
        if number % 2 == 0:
            draft = activities.ActivityDraft(
                date=dt.date(2021, 9, 1) + dt.timedelta(days=rng.randrange(30)),
                team_id=team.id or 0,
                form_code="direct",
                topics=("bluezone",),
                values={"sessions": 1, "people": rng.randint(20, 90)},
                village_id=None,
                note=f"lần {seed} – xuất {number}",
            )
            text = activities.search_text(draft, catalog, None, team.name)
            with db.session() as session:
                activities.record_many(session, profile.unit_code, [(draft, text)])
        result = package_export.export(db, paths, september, Path(usb))
        print(f"exported {result.revision} {result.path.name}", flush=True)
    print("gave up: never killed", flush=True)


def zygote(work: Callable[[int], None]) -> None:
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command != "go":
            break
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                work(int(arg))
            finally:
                os._exit(1)
        print(f"child {pid}", flush=True)
        os.waitpid(pid, 0)
        print(f"dead {pid}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "export":
        data_dir, usb = sys.argv[2], sys.argv[3]
        if len(sys.argv) == 5:
            export_until_killed(data_dir, usb, int(sys.argv[4]))
        else:
            from quynhnhai_desktop.services import package_export  # noqa: F401  (before forking)

            zygote(lambda seed: export_until_killed(data_dir, usb, seed))
    elif len(sys.argv) == 3:
        save_until_killed(sys.argv[1], int(sys.argv[2]))
    else:
        url = sys.argv[1]
        zygote(lambda seed: save_until_killed(url, seed))
