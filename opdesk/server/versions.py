"""Server versions: one counter row, updated under its lock.

Every push transaction takes the counter first, so transactions that change rows commit
in the order of their versions and a pull's cursor can never skip a row that committed
late (a plain sequence can hand out 7 before 6 commits).
"""

from __future__ import annotations

from sqlalchemy import Connection, update

from opdesk.core.clock import new_id
from opdesk.storage.models import MODEL_BY_TABLE, HqState, table_of
from opdesk.storage.rows import RowKey


def ensure_hq_state(conn: Connection) -> None:
    if conn.execute(table_of(HqState).select()).first() is None:
        conn.execute(table_of(HqState).insert().values(id=1, version=0, epoch=new_id()))


def take_version(conn: Connection) -> int:
    """The next version; the counter row stays locked until the transaction ends."""
    taken = conn.execute(
        update(HqState)
        .where(HqState.id == 1)
        .values(version=HqState.version + 1)
        .returning(HqState.version)
    ).scalar_one()
    return int(taken)


def stamp_rows(conn: Connection, keys: set[RowKey], version: int) -> None:
    """Give every row a mutation changed the version of that mutation."""
    for table_name, row_id in sorted(keys):
        table = table_of(MODEL_BY_TABLE[table_name])
        conn.execute(update(table).where(table.c.id == row_id).values(version=version))
