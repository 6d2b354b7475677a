"""the desk's trigram index written with each batch of names, not by a trigger per row

A trigger made FTS5 take each new name alone: a fifth of a first download's writing.
The search index code now adds a batch's names to ``person_fts`` in one statement
(``opdesk.storage.search_index``); the triggers for deletes and updates stay.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from alembic import op

from opdesk.storage import schema

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS person_search_ai")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(schema.SQLITE_FTS_INSERT_TRIGGER)
