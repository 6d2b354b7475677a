"""an index on every synced table's version: a pull reads the rows above a cursor

Revision ID: 0014
Revises: 0012
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0012"
branch_labels = None
depends_on = None

TABLES = ("site", "device", "app_user", "person", "household_link", "consent", "visit")


def upgrade() -> None:
    for table in TABLES:
        op.create_index(op.f(f"ix_{table}_version"), table, ["version"])


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(op.f(f"ix_{table}_version"), table_name=table)
