"""minimal records HQ said leave the desk, kept while something there still needs them

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "desk_index_leaving",
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_desk_index_leaving")),
    )


def downgrade() -> None:
    op.drop_table("desk_index_leaving")
