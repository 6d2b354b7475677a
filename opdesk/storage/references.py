"""References that point nowhere, among rows written with foreign keys off (a pull's
pages: a row may arrive before the one it names, in a later page)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Table, and_, exists, func, select

from opdesk.storage.bulk import chunks
from opdesk.storage.engine import Database, is_sqlite
from opdesk.storage.models import Base


def dangling_references(db: Database) -> int:
    """How many references of the rows written unchecked since the last look point to
    no row (SQLite only: PostgreSQL enforces them in every transaction). Only those
    rows: a sync that took in a few hundred rows checked a 100,000-person desk whole, a
    tenth of a second each time; after a first download, the whole file."""
    unchecked = db.take_unchecked()
    if unchecked == {} or not is_sqlite(db.engine):
        return 0
    with db.engine.connect() as conn:
        if unchecked is None:
            return len(conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall())
        tables = Base.metadata.tables  # a page naming a table unknown here wrote nothing
        return sum(
            _dangling(conn, tables[name], sorted(ids))
            for name, ids in unchecked.items()
            if name in tables
        )


def _dangling(conn: Connection, table: Table, ids: Sequence[str]) -> int:
    found = 0
    for constraint in table.foreign_key_constraints:
        target = constraint.referred_table.alias()  # a person may name another person
        pairs = [(key.parent, target.c[key.column.name]) for key in constraint.elements]
        named = and_(*(column.is_not(None) for column, _ in pairs))
        there = exists().where(and_(*(column == referred for column, referred in pairs)))
        query = select(func.count()).select_from(table).where(named, ~there)
        for chunk in chunks(ids):
            found += conn.execute(query.where(table.c.id.in_(chunk))).scalar_one()
    return found
