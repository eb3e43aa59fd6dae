"""A database as the previous release left it: one schema revision behind, full of data.

    python build/wine/old_database.py OUT.sqlite3

For the upgrade test of the installed program (build/wine/installed.sh): made the way
tests/store/test_upgrades.py makes its fixtures (demo data at head, copied into a database
migrated to exactly the revision before head), so the installed program must migrate it.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.services import demo, profile
from quynhnhai_desktop.store.database import open_database
from tests.conftest import MUONG_GIANG
from tests.store.test_upgrades import build_at, fill_from, history


def main(out: Path) -> None:
    previous = history()[-2]
    with tempfile.TemporaryDirectory() as tmp:
        paths = AppPaths(Path(tmp)).ensure()
        db = open_database(paths.database_url)
        profile.set_up(db, MUONG_GIANG)
        demo.fill(db, months=3, until=dt.date(2021, 9, 30))
        db.close()
        out.unlink(missing_ok=True)
        build_at(previous, out)
        fill_from(paths.database, out)
    print(f"{out}: schema {previous}, the demo data of Xã Mường Giàng")


if __name__ == "__main__":
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]  # a pipe: cp1252
    main(Path(sys.argv[1]))
