"""campaigns: the campaign table (file kept verbatim); every activity carries its campaign

Revision ID: 0011
Revises: 0008
Create Date: 2026-12-01 23:00:00

Every activity recorded before campaigns were data belongs to the 2021 COVID campaign
(letter 2158/UBND-VHTT), version 1, whose file shipped with the app is stored as it is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import sqlalchemy as sa
import sqlmodel
from alembic import op

from quynhnhai_desktop.config import resource

revision = "0011"
down_revision = "0008"
branch_labels = None
depends_on = None

FIRST = "covid-2021"


def upgrade() -> None:
    campaign = op.create_table(
        "campaign",
        sa.Column("campaign_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title_vi", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("runs_from", sa.Date(), nullable=False),
        sa.Column("runs_to", sa.Date(), nullable=True),
        sa.Column("source", sa.LargeBinary(), nullable=False),
        sa.Column("source_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("signed_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("added_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("campaign_id", "version"),
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "campaign_id",
                sqlmodel.sql.sqltypes.AutoString(length=64),
                server_default=FIRST,
                nullable=False,
            )
        )
        batch_op.add_column(
            sa.Column("campaign_version", sa.Integer(), server_default="1", nullable=False)
        )
    source = resource("catalogs", f"{FIRST}.json").read_bytes()
    data = json.loads(source)
    op.bulk_insert(
        campaign,
        [
            {
                "campaign_id": data["id"],
                "version": data["version"],
                "title_vi": data["title"]["vi"],
                "runs_from": dt.date.fromisoformat(data["runs_from"]),
                "runs_to": None,
                "source": source,
                "source_sha256": hashlib.sha256(source).hexdigest(),
                "signed_by": "",
                "added_at": dt.datetime.now(dt.UTC),
            }
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_column("campaign_version")
        batch_op.drop_column("campaign_id")
    op.drop_table("campaign")
