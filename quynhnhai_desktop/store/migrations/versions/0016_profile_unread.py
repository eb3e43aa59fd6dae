"""profile: drop the column written at set-up and never read (catalog_id)

The campaign a report uses is chosen per period (``services.campaigns``), not by the
profile. (``province_code`` stays: a province installation's packages carry it.)

Revision ID: 0016
Revises: 0015_i18
Create Date: 2026-12-02 02:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0016"
down_revision = "0015_i18"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.drop_column("catalog_id")


def downgrade() -> None:
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "catalog_id",
                sqlmodel.sql.sqltypes.AutoString(length=64),
                nullable=False,
                server_default="",
            )
        )
