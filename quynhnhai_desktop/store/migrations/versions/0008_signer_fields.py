"""signer fields: the signature line and "Nơi nhận" of the profile; who signed each export

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 21:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("signature_line", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True)
        )
        batch_op.add_column(
            sa.Column("copies_to", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True)
        )
    with op.batch_alter_table("report_submission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("issuer_json", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("report_submission", schema=None) as batch_op:
        batch_op.drop_column("issuer_json")
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.drop_column("copies_to")
        batch_op.drop_column("signature_line")
