"""one problem for a refused change and the changes that needed it

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("desk_sync_problem") as batch:
        batch.add_column(sa.Column("dependents", sa.Integer(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("desk_sync_problem") as batch:
        batch.drop_column("dependents")
