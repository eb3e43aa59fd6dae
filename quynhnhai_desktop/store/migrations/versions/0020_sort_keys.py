"""activity_sort_key: the list's count columns keyset-paged; an index of the notes

Revision ID: 0020_sort_keys
Revises: 0019_fts_prefixes
Create Date: 2026-12-03 14:10:00

Sorted by a count column (sessions, people, installs…) or by the note, the list computed
a key for every live row and sorted them all: 2-3 s at a million activities for its first
200 rows, and as much again for every next chunk (OFFSET). The count columns' keys are kept
by triggers in ``activity_sort_key`` (store/sort_keys.py), made here for the list columns
of the stored campaigns; the notes get an index of the live rows by note, then date and the
list's filters, which SQLite keeps itself.
"""

from __future__ import annotations

from alembic import op

from quynhnhai_desktop.store import sort_keys

revision = "0020_sort_keys"
down_revision = "0019_fts_prefixes"
branch_labels = None
depends_on = None

NOTE_INDEX = "ix_activity_by_note"
FILTERED = ["campaign_id", "village_id", "team_id", "form_code"]  # what the list filters on


def upgrade() -> None:
    for statement in sort_keys.CREATE_STATEMENTS:
        op.execute(statement)
    sort_keys.sync_columns(op.get_bind())
    op.create_index(
        NOTE_INDEX,
        "activity",
        ["commune_code", "deleted_at", "note", "date", *FILTERED],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(NOTE_INDEX, table_name="activity")
    for trigger in sort_keys.TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for table in (sort_keys.TABLE, sort_keys.PARTS_TABLE, sort_keys.COLUMNS_TABLE):
        op.execute(f"DROP TABLE IF EXISTS {table}")
