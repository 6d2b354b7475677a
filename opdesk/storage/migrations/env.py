"""Alembic environment: always run from opdesk.storage.migrate with a live connection."""

from __future__ import annotations

from alembic import context

from opdesk.storage.models import Base
from opdesk.storage.schema import include_object

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_object=include_object,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
