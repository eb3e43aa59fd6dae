"""activity log: content key for idempotent imports, live-rows index, search index

The live-rows index replaces ix_activity_commune_date: it serves every query that one did
(always with deleted_at IS NULL) and, without it, SQLite no longer picks the narrower index
and then reads 100,000 table rows to filter by team or village.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 07:01:07.704850
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.exc import OperationalError

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)

# A frozen copy of store/search.py's statements at this revision (migrations must not
# change when the app's code does).
FTS_STATEMENTS = (
    "CREATE VIRTUAL TABLE activity_fts USING fts5(search_text, content='activity', "
    "content_rowid='id', prefix='1', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER activity_fts_insert AFTER INSERT ON activity BEGIN "
    "INSERT INTO activity_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER activity_fts_delete AFTER DELETE ON activity BEGIN "
    "INSERT INTO activity_fts(activity_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER activity_fts_update AFTER UPDATE OF search_text ON activity BEGIN "
    "INSERT INTO activity_fts(activity_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO activity_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO activity_fts(activity_fts) VALUES ('rebuild')",
)


def _content_key(row: dict[str, object], topics: list[str], values: dict[str, int]) -> str:
    """services.activities.content_key as it is at this revision."""
    parts = [
        str(row["date"]),
        str(row["village_id"] or ""),
        str(row["team_id"]),
        str(row["form_code"]),
        ",".join(sorted(set(topics))),
        ",".join(f"{code}={value}" for code, value in sorted(values.items()) if value),
        " ".join(str(row["note"] or "").split()),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _fill_content_keys(bind: sa.Connection) -> None:
    topics: dict[int, list[str]] = defaultdict(list)
    for activity_id, code in bind.exec_driver_sql(
        "SELECT activity_id, topic_code FROM activity_topic"
    ):
        topics[activity_id].append(code)
    values: dict[int, dict[str, int]] = defaultdict(dict)
    for activity_id, code, value in bind.exec_driver_sql(
        "SELECT activity_id, indicator_code, value FROM activity_value"
    ):
        values[activity_id][code] = value
    rows = bind.exec_driver_sql(
        "SELECT id, date, village_id, team_id, form_code, note FROM activity"
    ).mappings()
    updates = [
        {"id": row["id"], "key": _content_key(dict(row), topics[row["id"]], values[row["id"]])}
        for row in rows
    ]
    if updates:
        bind.execute(sa.text("UPDATE activity SET content_key = :key WHERE id = :id"), updates)


def upgrade() -> None:
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "content_key",
                sqlmodel.sql.sqltypes.AutoString(length=64),
                nullable=False,
                server_default="",
            )
        )
        batch_op.drop_index("ix_activity_commune_date")
        batch_op.create_index("ix_activity_content", ["commune_code", "content_key"], unique=False)
        batch_op.create_index(
            "ix_activity_live",
            ["commune_code", "deleted_at", "date", "team_id", "village_id", "form_code"],
            unique=False,
        )
    bind = op.get_bind()
    _fill_content_keys(bind)
    if bind.dialect.name != "sqlite":
        return
    try:
        bind.exec_driver_sql(FTS_STATEMENTS[0])
    except OperationalError:  # this SQLite was built without FTS5: search scans instead
        log.warning("SQLite has no FTS5; the activity search will scan the table")
        return
    for statement in FTS_STATEMENTS[1:]:
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in ("activity_fts_insert", "activity_fts_delete", "activity_fts_update"):
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        bind.exec_driver_sql("DROP TABLE IF EXISTS activity_fts")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_index("ix_activity_live")
        batch_op.drop_index("ix_activity_content")
        batch_op.drop_column("content_key")
        batch_op.create_index("ix_activity_commune_date", ["commune_code", "date"], unique=False)
