"""the nine opcafè of the Rhodense, with the same ids everywhere

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Written out rather than imported: a migration must not change when the code does.
SITES = [
    ("cd8c7b24-972c-530d-9668-47452a224142", "opcafè Arese", "Arese"),
    ("a73d8cff-4643-5923-85fa-e4aea44f1b5a", "opcafè Cornaredo", "Cornaredo"),
    ("0fef4d5f-96eb-557b-8c0a-b7e71d38db54", "opcafè Lainate", "Lainate"),
    ("f09286e9-87b1-5bf4-adc8-b68e4421a9b7", "opcafè Pero", "Pero"),
    ("99d29d6d-ec27-555a-9198-2160c71feade", "opcafè Pogliano Milanese", "Pogliano Milanese"),
    ("7ddd9332-ad79-591e-bd84-f17b07096cb9", "opcafè Pregnana Milanese", "Pregnana Milanese"),
    ("a51a1842-84d0-5de1-8389-995c2b7c7974", "opcafè Rho", "Rho"),
    ("9afb69f7-a0df-5df4-8e4f-287231bf65c8", "opcafè Settimo Milanese", "Settimo Milanese"),
    ("b1e05623-c3d5-54e1-aad6-e10d1cb18a8e", "opcafè Vanzago", "Vanzago"),
]


def upgrade() -> None:
    site = sa.table(
        "site",
        sa.column("id", sa.String),
        sa.column("name", sa.String),
        sa.column("comune", sa.String),
        sa.column("version", sa.Integer),
        sa.column("deleted", sa.Boolean),
    )
    conn = op.get_bind()
    existing = {row[0] for row in conn.execute(sa.select(site.c.id))}
    rows = [
        {"id": i, "name": n, "comune": c, "version": 0, "deleted": False}
        for i, n, c in SITES
        if i not in existing
    ]
    if rows:
        op.bulk_insert(site, rows)


def downgrade() -> None:
    pass
