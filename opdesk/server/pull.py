"""Handing out changes: every synced row whose version is above the desk's cursor.

All of a page (the rows, the new cursor, the desk's last processed mutation) is read in
one snapshot. A page ends on a version boundary, so the rows of one mutation always
travel together; the desk applies them with rewind and replay.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from opdesk.core.mutations.replay import ServerRow
from opdesk.storage.engine import Database, is_sqlite
from opdesk.storage.models import SYNCED_MODELS, HqClient, HqState, table_of
from opdesk.storage.rows import to_json_value

PAGE = 1000


@dataclass(frozen=True)
class PullPage:
    rows: tuple[ServerRow, ...]
    cursor: int  # give it back next time
    more: bool  # another page is waiting
    epoch: str  # a different epoch means HQ was restored: download everything again
    last_processed: int  # the desk's mutations up to this number are done at HQ
    waiting: int | None = None  # rows from the cursor on, when asked and more than a page


def pull_changes(
    db: Database, *, client_id: str, cursor: int, limit: int = PAGE, count: bool = False
) -> PullPage:
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
        more = new_cursor < high
        # Counted once, on the first page of a large pull, for the desk's progress bar.
        waiting = _waiting(conn, cursor, high) if count and more else None
    return PullPage(tuple(rows), new_cursor, more, epoch, int(last or 0), waiting)


def _waiting(conn: Connection, cursor: int, high: int) -> int:
    total = 0
    for model in SYNCED_MODELS:
        table = table_of(model)
        query = select(func.count()).where(table.c.version > cursor, table.c.version <= high)
        total += int(conn.execute(query).scalar() or 0)
    return total


def _page(conn: Connection, cursor: int, high: int, limit: int) -> tuple[list[ServerRow], int]:
    found: list[tuple[int, ServerRow]] = []
    if high <= cursor:
        return [], cursor
    horizon = high
    for model in SYNCED_MODELS:
        table = table_of(model)
        batch = conn.execute(
            select(table)
            .where(table.c.version > cursor, table.c.version <= high)
            .order_by(table.c.version, table.c.id)
            .limit(limit + 1)
        ).mappings()
        rows = list(batch)
        if len(rows) > limit:  # this table has more: only trust versions it fully gave
            horizon = min(horizon, int(rows[-1]["version"]) - 1)
        for row in rows:
            data = {key: to_json_value(value) for key, value in row.items()}
            found.append((int(row["version"]), ServerRow(table.name, str(row["id"]), data)))
    if horizon <= cursor:  # one version with more rows than a page: take it whole
        horizon = min(version for version, _row in found)
        found += _whole_version(conn, horizon, {row.id for _v, row in found})
    kept = sorted(
        ((v, r) for v, r in found if v <= horizon), key=lambda vr: (vr[0], vr[1].table, vr[1].id)
    )
    if len(kept) > limit:
        boundary = kept[limit - 1][0]
        below = [(v, r) for v, r in kept if v < boundary]
        kept = below or [(v, r) for v, r in kept if v <= boundary]
        horizon = kept[-1][0]
    return [r for _v, r in kept], horizon


def _whole_version(conn: Connection, version: int, have: set[str]) -> list[tuple[int, ServerRow]]:
    extra = []
    for model in SYNCED_MODELS:
        table = table_of(model)
        for row in conn.execute(select(table).where(table.c.version == version)).mappings():
            if str(row["id"]) not in have:
                data = {key: to_json_value(value) for key, value in row.items()}
                extra.append((version, ServerRow(table.name, str(row["id"]), data)))
    return extra
