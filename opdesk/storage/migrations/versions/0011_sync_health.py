"""sync health: failures, clock offset, divergence checks and re-downloads; failures at HQ

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from opdesk.storage.types import UTCDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "desk_sync_health",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("failing_since", UTCDateTime(), nullable=True),
        sa.Column("failures", sa.Integer(), server_default="0", nullable=False),
        sa.Column("clock_offset_s", sa.Integer(), nullable=True),
        sa.Column("last_check_at", UTCDateTime(), nullable=True),
        sa.Column("last_divergence", sa.Text(), nullable=True),
        sa.Column("redownloading", sa.Boolean(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desk_sync_health")),
    )
    op.create_table(
        "desk_resync_seen",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_desk_resync_seen")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("hq_device") as batch:
        batch.add_column(sa.Column("failing_since", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("failures", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("last_error", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("hq_device") as batch:
        batch.drop_column("last_error")
        batch.drop_column("failures")
        batch.drop_column("failing_since")
    op.drop_table("desk_resync_seen")
    op.drop_table("desk_sync_health")
