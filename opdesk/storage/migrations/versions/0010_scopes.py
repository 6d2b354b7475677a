"""scopes: which people each site's desks hold in full, and the network index

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("index_only", sa.Boolean(), server_default="0", nullable=False))
    op.create_table(
        "hq_scope_member",
        sa.Column("site_id", sa.String(36), primary_key=True),
        sa.Column("person_id", sa.String(36), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_index("ix_hq_scope_member_version", "hq_scope_member", ["site_id", "version"])
    op.create_index("ix_hq_scope_member_person", "hq_scope_member", ["person_id"])
    # Who consented for a person: what a scope follows to a guardian held elsewhere.
    op.create_index("ix_consent_given_by_id", "consent", ["given_by_id"])
    # An HQ with data: its people belong to the sites where they registered or came.
    conn = op.get_bind()
    if conn.execute(sa.text("SELECT count(*) FROM hq_state")).scalar():
        conn.execute(
            sa.text(
                "INSERT INTO hq_scope_member (site_id, person_id, version) "
                "SELECT site_id, person_id, min(version) FROM ("
                " SELECT registered_site_id AS site_id, id AS person_id, version FROM person"
                " WHERE registered_site_id IS NOT NULL"
                " UNION ALL SELECT site_id, person_id, version FROM visit"
                " WHERE person_id IS NOT NULL) AS s GROUP BY site_id, person_id"
            )
        )


def downgrade() -> None:
    op.drop_index("ix_consent_given_by_id", "consent")
    op.drop_table("hq_scope_member")
    with op.batch_alter_table("person") as batch:
        batch.drop_column("index_only")
