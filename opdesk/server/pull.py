"""Handing out changes: every synced row whose version is above the desk's cursor.

All of a page (the rows, the new cursor, the desk's last processed mutation) is read in
one snapshot. A page ends on a version boundary, so the rows of one mutation always
travel together; the desk applies them with rewind and replay.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, ColumnElement, Connection, Date, Table, and_, select

from opdesk.core.mutations.replay import ServerRow
from opdesk.storage.engine import Database, is_sqlite
from opdesk.storage.models import SYNCED_MODELS, HqClient, HqState, table_of
from opdesk.storage.rows import to_json_value
from opdesk.storage.types import UTCDateTime

PAGE = 1000


@dataclass(frozen=True)
class PullPage:
    rows: tuple[ServerRow, ...]
    cursor: int  # give it back next time
    more: bool  # another page is waiting
    epoch: str  # a different epoch means HQ was restored: download everything again
    last_processed: int  # the desk's mutations up to this number are done at HQ


def pull_changes(db: Database, *, client_id: str, cursor: int, limit: int = PAGE) -> PullPage:
    engine = db.engine
    options = {} if is_sqlite(engine) else {"isolation_level": "REPEATABLE READ"}
    with engine.connect().execution_options(**options) as conn, conn.begin():
        state = conn.execute(select(HqState.version, HqState.epoch)).first()
        if state is None:
            return PullPage((), cursor, False, "", 0)
        high, epoch = int(state.version), str(state.epoch)
        last = conn.execute(
            select(HqClient.last_seq).where(HqClient.client_id == client_id)
        ).scalar()
        rows, new_cursor = _page(conn, cursor, high, limit)
    return PullPage(tuple(rows), new_cursor, new_cursor < high, epoch, int(last or 0))


def _page(conn: Connection, cursor: int, high: int, limit: int) -> tuple[list[ServerRow], int]:
    if high <= cursor:
        return [], cursor
    horizon = _horizon(conn, cursor, high, limit)
    found: list[tuple[int, str, str, ServerRow]] = []
    for model in SYNCED_MODELS:
        table = table_of(model)
        batch = conn.execute(select(table).where(_above(table, cursor, horizon)))
        keys = list(batch.keys())
        dated = [key for key, column in zip(keys, table.columns, strict=True) if _dated(column)]
        for values in batch:
            data = dict(zip(keys, values, strict=True))
            for key in dated:  # only these need turning into JSON's text
                data[key] = to_json_value(data[key])
            row = ServerRow(table.name, str(data["id"]), data)
            found.append((int(data["version"]), table.name, row.id, row))
    found.sort(key=lambda found_row: found_row[:3])
    return [row for *_key, row in found], horizon


def _dated(column: Column[Any]) -> bool:
    return isinstance(column.type, UTCDateTime | Date)


def _above(table: Table, cursor: int, high: int) -> ColumnElement[bool]:
    return and_(table.c.version > cursor, table.c.version <= high)


def _horizon(conn: Connection, cursor: int, high: int, limit: int) -> int:
    """The highest version this page can end on: at most ``limit`` rows, never half a
    version (one version with more rows than that goes whole). Read from the version
    indexes only: the (limit+1)-th smallest version above the cursor, over all tables."""
    versions: list[int] = []
    for model in SYNCED_MODELS:
        table = table_of(model)
        versions += conn.execute(
            select(table.c.version)
            .where(_above(table, cursor, high))
            .order_by(table.c.version)
            .limit(limit + 1)
        ).scalars()
    if len(versions) <= limit:
        return high
    versions.sort()
    boundary = versions[limit]
    return boundary - 1 if versions[0] < boundary else boundary
