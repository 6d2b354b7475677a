"""search index: name tokens, one-letter-deletion variants, trigram text, last seen

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from opdesk.storage import schema
from opdesk.storage.search_index import rebuild_all
from opdesk.storage.types import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_search",
        sa.Column("rowid", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("rowid", name=op.f("pk_person_search")),
        sa.UniqueConstraint("person_id", name=op.f("uq_person_search_person_id")),
    )
    op.create_table(
        "person_site_seen",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("last_seen_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("person_id", "site_id", name=op.f("pk_person_site_seen")),
    )
    op.create_index("ix_person_site_seen_recent", "person_site_seen", ["site_id", "last_seen_at"])
    op.create_table(
        "person_token",
        sa.Column("token", sa.String(length=120), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("token", "person_id", name=op.f("pk_person_token")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_person_token_person", "person_token", ["person_id"])
    op.create_table(
        "token_variant",
        sa.Column("variant", sa.String(length=120), nullable=False),
        sa.Column("token", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("variant", "token", name=op.f("pk_token_variant")),
        sqlite_with_rowid=False,
    )
    statements = (
        schema.SQLITE_FTS if op.get_bind().dialect.name == "sqlite" else schema.POSTGRES_TRGM
    )
    for statement in statements:
        op.execute(statement)
    rebuild_all(op.get_bind())


def downgrade() -> None:
    drops = (
        schema.SQLITE_FTS_DROP
        if op.get_bind().dialect.name == "sqlite"
        else schema.POSTGRES_TRGM_DROP
    )
    for statement in drops:
        op.execute(statement)
    op.drop_table("token_variant")
    op.drop_index("ix_person_token_person", table_name="person_token")
    op.drop_table("person_token")
    op.drop_index("ix_person_site_seen_recent", table_name="person_site_seen")
    op.drop_table("person_site_seen")
    op.drop_table("person_search")
