"""Server versions: one counter row, updated under its lock.

Every push transaction takes the counter first, so transactions that change rows commit
in the order of their versions and a pull's cursor can never skip a row that committed
late (a plain sequence can hand out 7 before 6 commits).
"""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, update

from opdesk.core.clock import new_id
from opdesk.storage.bulk import insert_ignoring_duplicates
from opdesk.storage.models import MODEL_BY_TABLE, HqState, table_of
from opdesk.storage.rows import RowKey


def ensure_hq_state(conn: Connection) -> None:
    """The counter row, made if missing; by one of several server processes starting on
    a new database at once (the others' inserts are no-ops, not errors)."""
    if conn.execute(table_of(HqState).select()).first() is None:
        insert_ignoring_duplicates(
            conn, table_of(HqState), [{"id": 1, "version": 0, "epoch": new_id()}]
        )


def take_version(conn: Connection, count: int = 1) -> int:
    """The next version, or the last of the next ``count``; the counter row stays locked
    until the transaction ends."""
    taken = conn.execute(
        update(HqState)
        .where(HqState.id == 1)
        .values(version=HqState.version + count)
        .returning(HqState.version)
    ).scalar_one()
    return int(taken)


def stamp_rows(conn: Connection, keys: set[RowKey], version: int) -> None:
    """Give every row a mutation changed the version of that mutation."""
    stamp_versions(conn, dict.fromkeys(keys, version))


def stamp_versions(conn: Connection, versions: dict[RowKey, int]) -> None:
    """Give each row its version: one batched statement per table."""
    by_table: dict[str, list[dict[str, object]]] = {}
    for (table_name, row_id), version in sorted(versions.items()):
        by_table.setdefault(table_name, []).append({"row": row_id, "v": version})
    for table_name, rows in by_table.items():
        table = table_of(MODEL_BY_TABLE[table_name])
        statement = update(table).where(table.c.id == bindparam("row"))
        conn.execute(statement.values(version=bindparam("v")), rows)
