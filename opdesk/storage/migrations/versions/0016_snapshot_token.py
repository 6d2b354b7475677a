"""the desk keeps where its first download's snapshot stands, to resume it

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("desk_state") as batch:
        batch.add_column(sa.Column("snapshot_token", sa.String(60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("desk_state") as batch:
        batch.drop_column("snapshot_token")
