"""Alembic environment: always handed a live connection by store.migrate, never a URL.

No fileConfig() here: it would reconfigure logging and silence the app's own loggers.
"""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from quynhnhai_desktop.store import models  # noqa: F401 - registers the tables

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
