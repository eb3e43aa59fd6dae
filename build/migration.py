"""Write a new Alembic revision from the difference between models.py and the migrations.

    python build/migration.py "add report submissions"

Then read the generated file, set store/migrate.HEAD to its revision, and run the tests.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from quynhnhai_desktop.store import migrate
from quynhnhai_desktop.store.engine import make_engine


def main(message: str) -> None:
    revisions = sorted(p.name.split("_")[0] for p in migrate.MIGRATIONS_DIR.glob("versions/*.py"))
    next_id = f"{int(revisions[-1]) + 1:04d}" if revisions else "0001"
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'schema.sqlite3'}")
        migrate.upgrade(engine)
        config = migrate.alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.revision(config, message=message, autogenerate=True, rev_id=next_id)
        engine.dispose()
    print(f"now set HEAD = {next_id!r} in quynhnhai_desktop/store/migrate.py and run ruff format")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
