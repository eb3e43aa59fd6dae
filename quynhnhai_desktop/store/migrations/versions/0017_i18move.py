"""unit history: who the installation was, and when (crossing the 2025 reform)

An installation set up as a 2021 commune that is moved to the commune its unit was merged
into keeps reporting its earlier months under the old name, code and recipient. Each row
is one identity with its dates; the row with no end is the one the profile shows. An
existing database gets one row, from its profile, valid from the start.

The reports of the other communes merged into the same 2025 commune, taken in from their
signed packages, are kept whole in ``taken_report`` (shown under their old names, never
counted in the commune's own months).

The profile also gets the issuing body of the consolidated report (None: the level's
usual office), which replaces the fixed list in the code.

Revision ID: 0017_i18move
Revises: 0016
Create Date: 2026-12-02 10:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0017_i18move"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unit_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_code", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("level", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("unit_kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("unit_name", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("parent_code", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
        sa.Column("district_name", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
        sa.Column("province_code", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("province_name", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("recipient", sqlmodel.sql.sqltypes.AutoString(length=256), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.CheckConstraint(
            "valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to",
            name="dates_in_order",
        ),
    )
    op.execute(
        "INSERT INTO unit_history (unit_code, level, unit_kind, unit_name, parent_code, "
        "district_code, district_name, province_code, province_name, recipient, valid_from, "
        "valid_to, created_at) "
        "SELECT unit_code, mode, unit_kind, unit_name, "
        "CASE WHEN mode = 'province' THEN NULL ELSE COALESCE(district_code, province_code) END, "
        "district_code, district_name, province_code, province_name, recipient, NULL, NULL, "
        "created_at FROM profile WHERE id = 1"
    )
    op.create_table(
        "taken_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_code", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("unit_name", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("unit_valid_to", sa.Date(), nullable=False),
        sa.Column("campaign_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("period_rule", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("activities", sa.Integer(), nullable=False),
        sa.Column("package_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("package", sa.LargeBinary(), nullable=False),
        sa.Column("taken_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("package_sha256", name="uq_taken_package"),
        sa.UniqueConstraint(
            "unit_code",
            "unit_valid_to",
            "campaign_id",
            "period_start",
            "period_end",
            "revision",
            name="uq_taken_revision",
        ),
    )
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("issuing_body", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.drop_column("issuing_body")
    op.drop_table("taken_report")
    op.drop_table("unit_history")
