"""Alembic environment: always handed a live connection by store.migrate, never a URL.

No fileConfig() here: it would reconfigure logging and silence the app's own loggers.
"""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from quynhnhai_desktop.store import models  # noqa: F401 - registers the tables
from quynhnhai_desktop.store.month_sums import TABLE as SUMS_TABLE
from quynhnhai_desktop.store.search import FTS_TABLE
from quynhnhai_desktop.store.sort_keys import COLUMNS_TABLE, PARTS_TABLE
from quynhnhai_desktop.store.sort_keys import TABLE as KEYS_TABLE
from quynhnhai_desktop.store.topic_keys import TABLE as TOPIC_KEYS_TABLE


def _include_name(name: str | None, type_: str, _parents: object) -> bool:
    """The FTS5 search index (store/search.py), the month sums (store/month_sums.py) and the
    sort keys (store/sort_keys.py, store/topic_keys.py) are made by SQL, not by a model:
    skip them."""
    derived = (FTS_TABLE, SUMS_TABLE, KEYS_TABLE, COLUMNS_TABLE, PARTS_TABLE, TOPIC_KEYS_TABLE)
    if type_ == "index" and name is not None and name.startswith(f"ix_{PARTS_TABLE}"):
        return False
    return not (type_ == "table" and name is not None and name.startswith(derived))


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    include_name=_include_name,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
