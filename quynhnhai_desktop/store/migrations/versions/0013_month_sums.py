"""month sums: activity_month_sum kept by triggers, for the totals line (store/month_sums.py)

Revision ID: 0013
Revises: 0012_i17
Create Date: 2026-12-02 02:00:00
"""

from __future__ import annotations

from alembic import op

from quynhnhai_desktop.store import month_sums

revision = "0013"
down_revision = "0012_i17"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in month_sums.CREATE_STATEMENTS:
        op.execute(statement)
    op.execute(month_sums.FILL)


def downgrade() -> None:
    for trigger in month_sums.TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute(f"DROP TABLE IF EXISTS {month_sums.TABLE}")
