"""activity_topic_key: the list's topics column keyset-paged

Revision ID: 0021_topic_keys
Revises: 0020_sort_keys
Create Date: 2026-12-07 14:30:00

Sorted by its topics, the list computed a rank for every live row and sorted them all:
~2 s at a million activities for its first 200 rows, and as much again for every next
chunk. One key per topic of each live activity (or one for an activity without a topic)
is kept by triggers in ``activity_topic_key`` (store/topic_keys.py), made here.
"""

from __future__ import annotations

from alembic import op

from quynhnhai_desktop.store import topic_keys

revision = "0021_topic_keys"
down_revision = "0020_sort_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in topic_keys.CREATE_STATEMENTS:
        op.execute(statement)
    topic_keys.rebuild(op.get_bind())


def downgrade() -> None:
    for trigger in topic_keys.TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute(f"DROP TABLE IF EXISTS {topic_keys.TABLE}")
