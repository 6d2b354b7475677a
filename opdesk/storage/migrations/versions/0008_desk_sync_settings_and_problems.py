"""the desk's way to HQ (address, token, CA file, epoch, last sync) and its problems inbox

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from opdesk.storage.types import UTCDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "desk_sync_problem",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("args", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desk_sync_problem")),
    )
    with op.batch_alter_table("desk_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("server_url", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("device_token", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("ca_file", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("server_epoch", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("last_sync_at", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("last_sync_error", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("desk_state", schema=None) as batch_op:
        batch_op.drop_column("last_sync_error")
        batch_op.drop_column("last_sync_at")
        batch_op.drop_column("server_epoch")
        batch_op.drop_column("ca_file")
        batch_op.drop_column("device_token")
        batch_op.drop_column("server_url")

    op.drop_table("desk_sync_problem")
