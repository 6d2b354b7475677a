"""waiting queue: a visit can wait to be seen, be called and be served

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from opdesk.storage.types import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visit") as batch:
        batch.add_column(sa.Column("queue_state", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("waiting_for", sa.String(length=12), nullable=True))
        batch.add_column(sa.Column("called_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("served_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("visit") as batch:
        batch.drop_column("served_at")
        batch.drop_column("called_at")
        batch.drop_column("waiting_for")
        batch.drop_column("queue_state")
