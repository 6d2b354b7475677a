"""HQ bookkeeping: the version counter and epoch, the clients, every processed mutation

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from opdesk.storage.types import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hq_client",
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_push_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("client_id", name=op.f("pk_hq_client")),
    )
    op.create_table(
        "hq_mutation",
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("actor_user_id", sa.String(length=36), nullable=True),
        sa.Column("device_time", UTCDateTime(), nullable=False),
        sa.Column("args", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("processed_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("mutation_id", name=op.f("pk_hq_mutation")),
        sa.UniqueConstraint("client_id", "seq", name=op.f("uq_hq_mutation_client_id")),
    )
    op.create_table(
        "hq_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("epoch", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_state")),
    )


def downgrade() -> None:
    op.drop_table("hq_state")
    op.drop_table("hq_mutation")
    op.drop_table("hq_client")
