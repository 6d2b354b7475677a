"""HQ devices: enrollment codes and tokens, both stored hashed; revocation

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from opdesk.storage.types import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hq_device",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=True),
        sa.Column("token_hash", sa.String(length=64), nullable=True),
        sa.Column("enrollment_hash", sa.String(length=64), nullable=True),
        sa.Column("enrollment_expires_at", UTCDateTime(), nullable=True),
        sa.Column("enrolled_at", UTCDateTime(), nullable=True),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.Column("client_id", sa.String(length=36), nullable=True),
        sa.Column("last_sync_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_device")),
        sa.UniqueConstraint("enrollment_hash", name=op.f("uq_hq_device_enrollment_hash")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_hq_device_token_hash")),
    )


def downgrade() -> None:
    op.drop_table("hq_device")
