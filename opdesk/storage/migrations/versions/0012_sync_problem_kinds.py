"""conflicts and suspected duplicates among the sync problems; reasons as message ids

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("desk_sync_problem") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(length=20), server_default="rejected", nullable=False)
        )
        batch.add_column(sa.Column("params", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("detail", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("subject", sa.String(length=120), nullable=True))
        batch.create_index("ix_desk_sync_problem_subject", ["subject"])
    with op.batch_alter_table("desk_state") as batch:
        batch.add_column(
            sa.Column("checked_cursor", sa.Integer(), server_default="0", nullable=False)
        )
    # What an existing desk holds was there before: only what comes next is compared.
    op.execute("UPDATE desk_state SET checked_cursor = server_cursor")
    with op.batch_alter_table("hq_mutation") as batch:
        batch.add_column(sa.Column("reason_id", sa.Text(), nullable=True))
        batch.add_column(sa.Column("reason_params", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("hq_mutation") as batch:
        batch.drop_column("reason_params")
        batch.drop_column("reason_id")
    with op.batch_alter_table("desk_state") as batch:
        batch.drop_column("checked_cursor")
    with op.batch_alter_table("desk_sync_problem") as batch:
        batch.drop_index("ix_desk_sync_problem_subject")
        batch.drop_column("subject")
        batch.drop_column("detail")
        batch.drop_column("params")
        batch.drop_column("kind")
