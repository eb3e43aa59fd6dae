"""imported_report: a covering index for the completeness grid

Revision ID: 0018_i19c
Revises: 0017_i19
Create Date: 2026-12-02 16:20:00

The grid reads seven small columns of a year's reports. In the table they sit after the
~100 KB PDF and the JSON (``campaign_id``, ``withdrawn_at`` and ``withdrawn_reason`` were
added by later migrations, at the end of the row), so SQLite walked every row's overflow
chain to reach them: 401 ms for 2,400 packages. This index holds exactly those columns,
in the order the grid's query filters them (campaign, then the period's end): the grid
reads the index alone and never a page of a blob.
"""

from __future__ import annotations

from alembic import op

revision = "0018_i19c"
down_revision = "0017_i19"
branch_labels = None
depends_on = None

NAME = "ix_imported_grid"
COLUMNS = [
    "campaign_id",
    "period_end",
    "commune_code",
    "period_start",
    "revision",
    "created_at",
    "withdrawn_at",
    "withdrawn_reason",
]


def upgrade() -> None:
    op.create_index(NAME, "imported_report", COLUMNS, unique=False)


def downgrade() -> None:
    op.drop_index(NAME, table_name="imported_report")
