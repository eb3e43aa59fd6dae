"""report campaigns: monthly reports, their numbers, revisions and imports are per campaign

Revision ID: 0012_i17
Revises: 0011
Create Date: 2026-12-02 01:50:00

Every report the commune saved or exported, and every package the district imported,
before reports were per campaign belongs to the 2021 COVID campaign.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0012_i17"
down_revision = "0011"
branch_labels = None
depends_on = None

FIRST = "covid-2021"


def _campaign_column() -> sa.Column[str]:
    return sa.Column(
        "campaign_id",
        sqlmodel.sql.sqltypes.AutoString(length=64),
        server_default=FIRST,
        nullable=False,
    )


def upgrade() -> None:
    with op.batch_alter_table("report_submission", schema=None) as batch_op:
        batch_op.add_column(_campaign_column())
        batch_op.drop_constraint("uq_submission_revision", type_="unique")
        batch_op.create_unique_constraint(
            "uq_submission_revision",
            ["commune_code", "campaign_id", "period_start", "period_end", "revision"],
        )
    with op.batch_alter_table("report_text", schema=None) as batch_op:
        batch_op.add_column(_campaign_column())
        batch_op.drop_constraint("uq_report_text", type_="unique")
        batch_op.create_unique_constraint(
            "uq_report_text",
            ["commune_code", "campaign_id", "period_start", "period_end", "period_rule"],
        )
    op.drop_index("uq_imported_live_revision", table_name="imported_report")
    with op.batch_alter_table("imported_report", schema=None) as batch_op:
        batch_op.add_column(_campaign_column())
    op.create_index(
        "uq_imported_live_revision",
        "imported_report",
        ["commune_code", "campaign_id", "period_start", "period_end", "revision"],
        unique=True,
        sqlite_where=sa.text("withdrawn_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("uq_imported_live_revision", table_name="imported_report")
    with op.batch_alter_table("imported_report", schema=None) as batch_op:
        batch_op.drop_column("campaign_id")
    op.create_index(
        "uq_imported_live_revision",
        "imported_report",
        ["commune_code", "period_start", "period_end", "revision"],
        unique=True,
        sqlite_where=sa.text("withdrawn_at IS NULL"),
    )
    with op.batch_alter_table("report_text", schema=None) as batch_op:
        batch_op.drop_constraint("uq_report_text", type_="unique")
        batch_op.create_unique_constraint(
            "uq_report_text", ["commune_code", "period_start", "period_end", "period_rule"]
        )
        batch_op.drop_column("campaign_id")
    with op.batch_alter_table("report_submission", schema=None) as batch_op:
        batch_op.drop_constraint("uq_submission_revision", type_="unique")
        batch_op.create_unique_constraint(
            "uq_submission_revision", ["commune_code", "period_start", "period_end", "revision"]
        )
        batch_op.drop_column("campaign_id")
