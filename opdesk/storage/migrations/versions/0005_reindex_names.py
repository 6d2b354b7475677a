"""rebuild the search index: names now fold letters of every script

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

from opdesk.storage.search_index import rebuild_all

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    rebuild_all(op.get_bind())


def downgrade() -> None:
    rebuild_all(op.get_bind())
