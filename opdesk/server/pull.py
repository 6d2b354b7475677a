"""Handing out changes: every synced row whose version is above the desk's cursor.

All of a page (the rows, the new cursor, the desk's last processed mutation) is read in
one snapshot. A page ends on a version boundary, so the rows of one mutation always
travel together; the desk applies them with rewind and replay. A device receives only
its scope (``scopes``): what its sites hold in full, minimal records of the rest of the
network index, and people who entered its scope since its cursor, whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Connection,
    func,
    select,
    union_all,
)

from opdesk.core.mutations.pages import ServerTable
from opdesk.core.mutations.replay import ServerRow
from opdesk.server import scopes
from opdesk.server.scopes import EVERYTHING, Scope
from opdesk.server.snapshot import Position, above, json_rows, snapshot_page, snapshot_size
from opdesk.storage.engine import Database, is_sqlite
from opdesk.storage.models import SYNCED_MODELS, HqClient, HqState, table_of
from opdesk.storage.rows import to_json_value

PAGE = 1000
RANGES = 8  # ranges of versions a scoped page may gather
WIDEST = 4  # a range spans at most this many pages' worth of the network's rows


@dataclass(frozen=True)
class PullPage:
    rows: tuple[ServerRow, ...]
    cursor: int  # give it back next time
    more: bool  # another page is waiting
    epoch: str  # a different epoch means HQ was restored: download everything again
    last_processed: int  # the desk's mutations up to this number are done at HQ
    waiting: int | None = None  # rows from the cursor on, when asked and more than a page
    removed: tuple[str, ...] = ()  # people whose minimal record leaves the desk
    # Asked by a desk at cursor 0: where the snapshot's next page starts (None: it is
    # complete, and ``cursor`` is its version); its rows, table by table.
    snapshot: str | None = None
    tables: tuple[ServerTable, ...] = ()


def pull_changes(
    db: Database,
    *,
    client_id: str,
    cursor: int,
    limit: int = PAGE,
    count: bool = False,
    scope: Scope = EVERYTHING,
    snapshot: str | None = None,
) -> PullPage:
    """The changes after ``cursor``; from a desk at cursor 0 that asks for ``snapshot``
    (a token, or ``START``), its rows as a snapshot (``opdesk.server.snapshot``)."""
    engine = db.engine
    options = {} if is_sqlite(engine) else {"isolation_level": "REPEATABLE READ"}
    with engine.connect().execution_options(**options) as conn, conn.begin():
        state = conn.execute(select(HqState.version, HqState.epoch)).first()
        if state is None:
            return PullPage((), cursor, False, "", 0)
        high, epoch = int(state.version), str(state.epoch)
        last = int(
            conn.execute(select(HqClient.last_seq).where(HqClient.client_id == client_id)).scalar()
            or 0
        )
        if snapshot is not None and cursor == 0:
            return _snapshot_page(conn, scope, Position.of(snapshot, high), limit, count).with_(
                epoch, last, high
            )
        rows, new_cursor = _page(conn, cursor, high, limit, scope)
        removed: set[str] = set()
        if scope.sites is not None:
            spanned = limit  # rows of the network's the ranges so far went through
            rows, removed = _scoped(conn, scope, rows)
            # A scope keeps a part of each range of versions: ranges are added up to a
            # page's worth of rows, else a desk's first download takes 3 times the trips
            # (at most RANGES of them: a reply never waits long on rows of other sites).
            # Each spans as many of the network's rows as should give what the page
            # lacks, at the share the scope kept so far (fewer, larger ranges).
            for _more in range(RANGES - 1):
                if len(rows) >= limit or new_cursor >= high:
                    break
                span = (limit - len(rows)) * spanned // max(len(rows), 1)
                span = min(max(span, limit), WIDEST * limit)
                extra, new_cursor = _page(conn, new_cursor, high, span, scope, since=cursor)
                spanned += span
                rows, removed = _then(rows, removed, *_scoped(conn, scope, extra))
        more = new_cursor < high
        # Counted once, on the page asked (a large pull's second), for the progress bar.
        waiting = _waiting(conn, cursor, high, scope) if count and more else None
    return PullPage(tuple(rows), new_cursor, more, epoch, last, waiting, tuple(sorted(removed)))


@dataclass(frozen=True)
class _Snapshot:
    tables: list[ServerTable]
    following: Position | None
    version: int
    waiting: int | None

    def with_(self, epoch: str, last: int, high: int) -> PullPage:
        tables = tuple(self.tables)
        if self.following is not None:  # the cursor stays at 0 until it is complete
            token = self.following.token()
            return PullPage((), 0, True, epoch, last, self.waiting, snapshot=token, tables=tables)
        more = self.version < high
        return PullPage((), self.version, more, epoch, last, self.waiting, tables=tables)


def _snapshot_page(
    conn: Connection, scope: Scope, position: Position, limit: int, count: bool
) -> _Snapshot:
    tables, following = snapshot_page(conn, scope, position, limit)
    # Counted for the whole snapshot, from its start (its cursor is 0).
    waiting = snapshot_size(conn, scope, position.version) if count else None
    return _Snapshot(tables, following, position.version, waiting)


def _then(
    rows: list[ServerRow], removed: set[str], later: list[ServerRow], gone: set[str]
) -> tuple[list[ServerRow], set[str]]:
    """A page's rows and removals followed by those of a later range of versions: one
    row per record, the later one (a person sent minimal, then whole once they entered
    the scope); a minimal record sent, then removed, is only removed; and the reverse."""
    keys = {(row.table, row.id) for row in later}
    earlier = [
        row
        for row in rows
        if (row.table, row.id) not in keys and not (row.table == "person" and row.id in gone)
    ]
    sent = {row.id for row in later if row.table == "person"}
    return earlier + later, (removed - sent) | gone


def _waiting(conn: Connection, cursor: int, high: int, scope: Scope) -> int:
    total = 0
    for model in SYNCED_MODELS:
        table = table_of(model)
        query = select(func.count()).where(above(table, cursor, high))
        only = scopes.counted(scope, table.name)
        if only is not None:
            query = query.where(only)
        total += int(conn.execute(query).scalar() or 0)
    return total


def _page(
    conn: Connection, cursor: int, high: int, limit: int, scope: Scope, since: int | None = None
) -> tuple[list[ServerRow], int]:
    """The rows of versions (cursor, horizon], and the horizon. ``since``: the cursor the
    desk sent, when this range follows others in its page."""
    since = cursor if since is None else since
    if high <= cursor:
        return [], cursor
    horizon = _horizon(conn, cursor, high, limit)
    found: list[tuple[int, str, str, ServerRow]] = []
    for model in SYNCED_MODELS:
        table = table_of(model)
        query = select(table).where(above(table, cursor, horizon))
        only = scopes.row_filter(scope, table.name)
        if only is not None:
            query = query.where(only)
        for data in json_rows(conn, table, query):
            row = ServerRow(table.name, str(data["id"]), data)
            found.append((int(data["version"]), table.name, row.id, row))
    # People who entered the scope in these versions: their whole record, at that version.
    # Only the rows the desk had no chance to hold: those up to its cursor (the earlier
    # ranges of this page were sorted by today's membership, whole). None on a first
    # download: it would have sent again what the page already holds.
    if since > 0:
        for version, row in _entered(conn, scopes.entered(conn, scope, cursor, horizon), since):
            found.append((version, row.table, row.id, row))
    found.sort(key=lambda found_row: found_row[:3])
    return [row for *_key, row in found], horizon


def _horizon(conn: Connection, cursor: int, high: int, limit: int) -> int:
    """The highest version this page can end on: at most ``limit`` rows, never half a
    version (one version with more rows than that goes whole). Read from the version
    indexes only: the (limit+1)-th smallest version above the cursor, over all tables,
    found by the database (not thousands of versions fetched to find one)."""
    parts = [
        select(table.c.version)
        .where(above(table, cursor, high))
        .order_by(table.c.version)
        .limit(limit + 1)
        for table in map(table_of, SYNCED_MODELS)
    ]
    smallest = union_all(*(part.subquery().select() for part in parts)).cte("smallest")
    first, boundary = conn.execute(
        select(
            select(func.min(smallest.c.version)).scalar_subquery(),
            select(smallest.c.version)
            .order_by(smallest.c.version)
            .offset(limit)
            .limit(1)
            .scalar_subquery(),
        )
    ).one()
    if boundary is None:  # no more than ``limit`` rows: the page goes to the top
        return high
    return int(boundary) - 1 if first < boundary else int(boundary)


def _server_row(table_name: str, row: Any) -> ServerRow:
    data = {key: to_json_value(value) for key, value in row.items()}
    return ServerRow(table_name, str(row["id"]), data)


def _entered(
    conn: Connection, entries: list[tuple[int, str]], cursor: int
) -> list[tuple[int, ServerRow]]:
    """The whole records of people who entered the scope, at the version they did: the
    rows the desk was not sent (a newer one comes by its own version)."""
    when: dict[str, int] = {}
    for version, person_id in entries:
        when.setdefault(person_id, version)
    found: list[tuple[int, ServerRow]] = []
    for table_name, rows in scopes.whole_records(conn, list(when), through=cursor).items():
        for row in rows:
            owners = [row[c] for c in ("person_id", "member_id", "id") if row.get(c) in when]
            version = min(when[o] for o in owners)
            found.append((version, _server_row(table_name, row)))
    return found


def _scoped(
    conn: Connection, scope: Scope, rows: list[ServerRow]
) -> tuple[list[ServerRow], set[str]]:
    """Rows as a desk of this scope holds them: members whole, the others it holds (the
    network index, people members' records name) as a minimal record; people it holds
    no more, to remove."""
    people = {r.id for r in rows if r.table == "person"}
    people |= {str(r.data["person_id"]) for r in rows if r.table == "consent"}
    named = {p for r in rows for p in scopes.referenced_people(r.table, r.data)}
    members = scopes.members(conn, scope, people | named)
    indexed = scopes.held_minimal(conn, scope, (people | named) - members)
    kept: dict[tuple[str, str], ServerRow] = {}
    removed: set[str] = set()
    minimal: set[str] = set()
    for row in rows:
        if row.table == "person" and row.id not in members:
            if row.id in indexed:
                minimal.add(row.id)
            elif row.data["deleted"] or row.data["merged_into_id"]:
                removed.add(row.id)  # a minimal record this desk may hold leaves
            continue
        if row.table == "consent" and row.data["person_id"] not in members:
            person_id = str(row.data["person_id"])
            (minimal if person_id in indexed else removed).add(person_id)
            continue
        if row.table == "household_link" and not members.intersection(
            (row.data["person_id"], row.data["member_id"])
        ):
            continue  # a link between people of other sites
        kept[(row.table, row.id)] = row
    # Whom the members' rows name must be there too (a guardian registered elsewhere).
    named = {p for r in kept.values() for p in scopes.referenced_people(r.table, r.data)}
    minimal |= named - members
    removed -= minimal
    for row in scopes.people_rows(conn, minimal):
        data = {key: to_json_value(value) for key, value in row.items()}
        kept[("person", str(row["id"]))] = ServerRow("person", str(row["id"]), scopes.minimal(data))
    return list(kept.values()), removed
