"""Export a commune's activities in a process of its own and print its peak memory.

``python -m tests.benchmarks.export_probe DATA_FOLDER OUT.csv [all|week]``: *all* exports
every activity of the first campaign; *week* only the first week of 2020 (the same code
path with a handful of rows: the floor, what an export costs whatever its size). Prints
``rows peak-rss-kb``.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.services import activity_io
from quynhnhai_desktop.services.activity_queries import ActivityFilter
from quynhnhai_desktop.store.database import open_database
from tests.benchmarks.activity_data import COMMUNE


def peak_kb() -> int:
    """This process's resident peak (VmHWM). Not getrusage's ru_maxrss: Linux carries it over
    from the parent across fork and exec, and the parent (pytest) may have read a 1.4 GB
    database just before: every probe then printed the parent's 1,700 MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        return int(next(line.split()[1] for line in status if line.startswith("VmHWM:")))


def main(folder: str, out: str, which: str) -> None:
    db = open_database(AppPaths.resolve(Path(folder)).database_url)
    week = ActivityFilter(COMMUNE, start=dt.date(2020, 1, 1), end=dt.date(2020, 1, 7))
    every = ActivityFilter(COMMUNE)
    chosen = week if which == "week" else every
    rows = activity_io.export_file(db, Path(out), chosen, campaign_id=first_campaign().id)
    db.close()
    print(rows, peak_kb())


if __name__ == "__main__":
    main(*sys.argv[1:4])
