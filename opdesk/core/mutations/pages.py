"""Taking in the pages of a large pull without keeping the counter waiting.

A page comes as rows (changes by version, each with its values by name) or, for a new
desk's first download, as tables (HQ's snapshot: the column names once, then values).

A row no pending mutation touched is written as HQ sent it. For a row one did, HQ's copy
replaces the before-copy instead: the pending change stays visible, and the rewind at
the end of the pull (``rewind_and_replay``) puts it on top of HQ's row. References may
point to rows of a later page, so they are checked at the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, select, tuple_, update
from sqlalchemy.orm import Session

from opdesk.core.mutations.replay import ServerRow
from opdesk.storage.bulk import chunks
from opdesk.storage.engine import Database
from opdesk.storage.models import RowBefore
from opdesk.storage.rows import DerivedRefresh, RowData, RowKey, write_rows, write_values

# A page is written in parts sized to take about this long, all in one transaction
# unless another writer queues meanwhile: then the transaction ends after the current
# part, and the counter's check-in (which must commit in under 200 ms) goes next.
# Hundreds of small transactions made a first download a third slower.
WRITE_BUDGET = 0.05  # seconds
FIRST_WRITE, MIN_WRITE, MAX_WRITE = 250, 50, 5000  # rows per part
HOLD_AT_MOST = 2.0  # seconds a page's transaction lasts even if nobody waits


@dataclass(frozen=True)
class ServerTable:
    """Rows of one table as HQ sends a snapshot: the column names once, then each row's
    values in their order (half the bytes of rows by name, and no dict per row)."""

    table: str
    columns: tuple[str, ...]
    rows: Sequence[Sequence[Any]]

    def row_keys(self) -> list[RowKey]:
        at = self.columns.index("id")
        return [(self.table, str(values[at])) for values in self.rows]


# A part of a page: writes its rows [start, stop) in the session.
Part = tuple[int, Callable[[Session, int, int], None]]


def apply_server_page(
    db: Database, rows: Sequence[ServerRow], tables: Sequence[ServerTable] = ()
) -> None:
    """Write a page in parts (see ``WRITE_BUDGET``) under the pending changes."""
    parts: list[Part] = []
    if rows:
        parts.append((len(rows), lambda session, a, b: _apply_rows(session, rows[a:b])))
    for table in tables:
        if table.rows:
            parts.append((len(table.rows), _table_part(table)))
    keys = [(row.table, row.id) for row in rows]
    if tables:  # a snapshot's page, of a first download perhaps resumed after a restart
        db.check_whole_file_later()
    # Sized anew for each table: a row of people (with their search index) takes many
    # times a row of sites, whose size would hold the lock for half a second.
    index, start, size = 0, 0, FIRST_WRITE
    while index < len(parts):
        with db.write_unsynced(unchecked=keys) as session:
            keys = []  # noted once
            opened = time.perf_counter()
            while index < len(parts):
                count, write = parts[index]
                stop = min(start + size, count)
                began = time.perf_counter()
                write(session, start, stop)
                done = time.perf_counter()
                written, start = stop - start, stop
                size = int(written * WRITE_BUDGET / max(done - began, 0.001))
                size = max(MIN_WRITE, min(MAX_WRITE, size))
                if start >= count:
                    index, start, size = index + 1, 0, FIRST_WRITE
                if db.writer_waiting() or done - opened > HOLD_AT_MOST:
                    break


def _table_part(table: ServerTable) -> Callable[[Session, int, int], None]:
    def write(session: Session, start: int, stop: int) -> None:
        _apply_values(session, table, table.rows[start:stop])

    return write


def _apply_rows(session: Session, rows: Sequence[ServerRow]) -> None:
    refresh = DerivedRefresh()
    conn = session.connection()
    earliest = _earliest_befores(conn, [(row.table, row.id) for row in rows])
    by_table: dict[str, list[tuple[str, RowData]]] = {}
    kept: dict[RowKey, RowData] = {}
    for row in rows:
        if (row.table, row.id) in earliest:
            kept[(row.table, row.id)] = dict(row.data)
        else:
            by_table.setdefault(row.table, []).append((row.id, row.data))
    _keep_in_befores(conn, earliest, kept)
    for table_name, table_rows in by_table.items():
        write_rows(conn, table_name, table_rows, refresh)
    refresh.apply(conn)


def _apply_values(session: Session, table: ServerTable, rows: Sequence[Sequence[Any]]) -> None:
    refresh = DerivedRefresh()
    at = table.columns.index("id")
    conn = session.connection()
    keys = [(table.table, str(values[at])) for values in rows]
    earliest = _earliest_befores(conn, keys)
    if earliest:
        kept = {
            key: dict(zip(table.columns, values, strict=True))
            for key, values in zip(keys, rows, strict=True)
            if key in earliest
        }
        _keep_in_befores(conn, earliest, kept)
        rows = [values for key, values in zip(keys, rows, strict=True) if key not in earliest]
    write_values(conn, table.table, table.columns, rows, refresh)
    refresh.apply(conn)


def _earliest_befores(conn: Connection, keys: list[RowKey]) -> dict[RowKey, int]:
    """The first pending mutation (its number) that touched each of these rows that any
    touched. Their copies' data is not read: it is about to be replaced."""
    earliest: dict[RowKey, int] = {}
    if conn.execute(select(RowBefore.seq).limit(1)).first() is None:
        return earliest  # nothing pending: the usual case of a first download
    for chunk in chunks(sorted(set(keys)), 400):
        befores = conn.execute(
            select(RowBefore.table_name, RowBefore.row_id, RowBefore.seq)
            .where(tuple_(RowBefore.table_name, RowBefore.row_id).in_(chunk))
            .order_by(RowBefore.seq)
        )
        for table_name, row_id, seq in befores:
            earliest.setdefault((table_name, row_id), seq)
    return earliest


_KEEP = (
    update(RowBefore)
    .where(
        RowBefore.seq == bindparam("b_seq"),
        RowBefore.table_name == bindparam("b_table"),
        RowBefore.row_id == bindparam("b_row"),
    )
    .values(data=bindparam("b_data"))
)


def _keep_in_befores(
    conn: Connection, earliest: dict[RowKey, int], rows: dict[RowKey, RowData]
) -> None:
    """HQ's rows for rows a pending mutation touched go into that mutation's before-copy:
    the row is rewound to them at the end of the pull, and the mutation replayed on top."""
    if rows:
        conn.execute(
            _KEEP,
            [
                {"b_seq": earliest[key], "b_table": key[0], "b_row": key[1], "b_data": data}
                for key, data in rows.items()
            ],
        )
