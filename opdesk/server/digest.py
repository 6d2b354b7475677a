"""The divergence check at HQ: counts and hashes of what a desk should hold.

The desk sends its cursor and the rows its pending changes touch; HQ answers, in one
snapshot, the digest of the rows in the desk's scope with a version up to the cursor,
leaving out the touched rows, and the ids of the rows changed since the cursor (the
desk leaves those out too: its copies are older, and its next pull brings them). What
is left is exactly what both sides must hold identically.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Table, and_, select

from opdesk.server.scopes import Scope, entered_people, holds
from opdesk.storage.engine import Database, is_sqlite
from opdesk.storage.models import HqState
from opdesk.storage.rows import RowKey
from opdesk.sync.digest import TableDigest, digest_rows, synced_tables

MAX_CHANGED = 5000  # more rows changed since the cursor: the desk is behind, check later


@dataclass(frozen=True)
class HqDigest:
    cursor: int
    epoch: str
    complete: bool  # False: not computed (cursor ahead of HQ, or too much changed since)
    tables: dict[str, TableDigest]
    changed: tuple[RowKey, ...]


def digest_for_device(
    db: Database, *, scope: Scope, cursor: int, exclude: Collection[RowKey]
) -> HqDigest:
    engine = db.engine
    options = {} if is_sqlite(engine) else {"isolation_level": "REPEATABLE READ"}
    with engine.connect().execution_options(**options) as conn, conn.begin():
        state = conn.execute(select(HqState.version, HqState.epoch)).first()
        if state is None or cursor > int(state.version):
            return HqDigest(cursor, str(state.epoch) if state else "", False, {}, ())
        changed: list[RowKey] = []
        for table in synced_tables():
            found = conn.execute(
                select(table.c.id)
                .where(holds(scope, table.name), table.c.version > cursor)
                .limit(MAX_CHANGED + 1 - len(changed))
            ).scalars()
            changed += [(table.name, str(row_id)) for row_id in found]
            if len(changed) > MAX_CHANGED:
                return HqDigest(cursor, str(state.epoch), False, {}, ())
        # People whose place in the scope changed since (entered it, or their index
        # consent changed) have older rows the desk's next pull sorts out: left out too.
        changed += [("person", p) for p in entered_people(conn, scope, cursor)]

        def held(table: Table) -> ColumnElement[bool]:
            return and_(holds(scope, table.name), table.c.version <= cursor)

        tables = digest_rows(conn, where=held, exclude=exclude)
    return HqDigest(cursor, str(state.epoch), True, tables, tuple(changed))
