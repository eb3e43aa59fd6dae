"""profile: drop the columns written at set-up and never read (province_code, catalog_id)

The province is named by ``province_name`` (the recipient line); the campaign a report uses
is chosen per period (``services.campaigns``), not by the profile.

Revision ID: 0015
Revises: 0014_i17gui
Create Date: 2026-12-02 02:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0015"
down_revision = "0014_i17gui"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.drop_column("catalog_id")
        batch_op.drop_column("province_code")


def downgrade() -> None:
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "province_code",
                sqlmodel.sql.sqltypes.AutoString(length=8),
                nullable=False,
                server_default="",
            )
        )
        batch_op.add_column(
            sa.Column(
                "catalog_id",
                sqlmodel.sql.sqltypes.AutoString(length=64),
                nullable=False,
                server_default="",
            )
        )
