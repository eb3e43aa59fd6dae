"""live-rows index: the campaign too, so one campaign's list is answered from the index

Revision ID: 0014_i17gui
Revises: 0013
Create Date: 2026-12-02 02:10:00

With a second campaign the list filters by campaign; ix_activity_live did not hold the
campaign, so every row of the commune was read from the table to check it (100,000 rows:
the list's ids and totals ~2.5x slower). The campaign is the index's last column: the list
of every campaign reads it as before.
"""

from __future__ import annotations

from alembic import op

revision = "0014_i17gui"
down_revision = "0013"
branch_labels = None
depends_on = None

BEFORE = ["commune_code", "deleted_at", "date", "team_id", "village_id", "form_code"]


def upgrade() -> None:
    op.drop_index("ix_activity_live", table_name="activity")
    op.create_index("ix_activity_live", "activity", [*BEFORE, "campaign_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_activity_live", table_name="activity")
    op.create_index("ix_activity_live", "activity", BEFORE, unique=False)
