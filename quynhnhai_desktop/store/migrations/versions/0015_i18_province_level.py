"""province level: a profile may be a province installation (it consolidates too)

Revision ID: 0015_i18
Revises: 0014_i17gui
Create Date: 2026-12-02 02:15:00

The mode column stays (the capabilities are derived from it and the unit list); only the
check of its values grows a third level.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_i18"
down_revision = "0014_i17gui"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.drop_constraint("mode_known", type_="check")
        batch_op.create_check_constraint(
            "mode_known", sa.text("mode IN ('commune', 'district', 'province')")
        )


def downgrade() -> None:
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.drop_constraint("mode_known", type_="check")
        batch_op.create_check_constraint("mode_known", sa.text("mode IN ('commune', 'district')"))
