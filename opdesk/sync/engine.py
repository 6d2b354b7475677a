"""One round of sync for a desk, over any transport that reaches HQ.

push the pending mutations -> pull every page of changes -> rewind, apply, drop what HQ
processed, replay the rest -> remember the cursor. An interrupted round is simply
repeated: pushing is idempotent and the cursor only moves after the rows are applied.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from sqlalchemy import select, update

from opdesk.core.errors import Reason
from opdesk.core.mutations.envelope import Envelope
from opdesk.core.mutations.log import MutationLog
from opdesk.core.mutations.pages import ServerTable, apply_server_page
from opdesk.core.mutations.replay import (
    ReplayReport,
    ServerRow,
    any_leaving,
    finish_pull,
    note_leaving,
    remove_leaving,
)
from opdesk.storage.engine import Database
from opdesk.storage.models import DeskState
from opdesk.storage.rows import RowKey
from opdesk.sync.identity import ClientIdReused, claimed_through, take_new_client_id
from opdesk.sync.protocol import START
from opdesk.sync.redownload import begin_redownload, finish_redownload, note_seen, redownloading

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PushReply:
    last_processed: int
    rejected: dict[int, Reason]
    server_time: datetime | None = None  # HQ's clock: shown if far off, never used


@dataclass(frozen=True)
class PullReply:
    rows: tuple[ServerRow, ...]
    cursor: int
    more: bool
    epoch: str
    last_processed: int
    # Rows from this page's cursor on, when counted: on the page asked with ``count``
    # or (a transport that counts while the desk writes) on the next one.
    waiting: int | None = None
    removed: tuple[str, ...] = ()  # people whose minimal record leaves this desk
    server_time: datetime | None = None  # HQ's clock: shown if far off, never used
    # A snapshot asked for: the token of its next page; None once it is complete (or
    # from an HQ that hands out changes by version only).
    snapshot: str | None = None
    tables: tuple[ServerTable, ...] = ()  # a snapshot's rows, table by table

    def size(self) -> int:
        return len(self.rows) + sum(len(table.rows) for table in self.tables)

    def row_keys(self) -> list[RowKey]:
        return [(row.table, row.id) for row in self.rows] + [
            key for table in self.tables for key in table.row_keys()
        ]


class Transport(Protocol):
    def push(self, client_id: str, envelopes: list[Envelope]) -> PushReply: ...

    def pull(
        self, client_id: str, cursor: int, *, count: bool = False, snapshot: str | None = None
    ) -> PullReply: ...


# (rows received so far, rows HQ said were waiting or None): after each page of a pull
Progress = Callable[[int, int | None], None]


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    rejected: dict[int, Reason] = field(default_factory=dict)
    replay: ReplayReport | None = None
    removed: dict[str, int] = field(default_factory=dict)  # rows a re-download dropped
    # This database turned out to share its client id with another copy: the round
    # under the old id (its refusals are numbered as then), before a new id was taken.
    earlier: SyncReport | None = None


def desk_identity(db: Database) -> tuple[str, int, str | None]:
    with db.read() as session:
        state = session.get(DeskState, 1)
        if state is None:
            raise RuntimeError("this database has no desk identity")
        return state.client_id, state.server_cursor, state.server_epoch


def _remember(db: Database, cursor: int, epoch: str | None, snapshot: str | None) -> None:
    # Not flushed to disk on its own (a wait for the disk per page): a power cut may
    # lose it, with the pages after it, never without them (WAL keeps their order);
    # those pages are then simply downloaded again.
    with db.write_unsynced() as session:
        session.execute(
            update(DeskState)
            .where(DeskState.id == 1)
            .values(server_cursor=cursor, server_epoch=epoch, snapshot_token=snapshot)
        )


def _snapshot_asked(db: Database, cursor: int) -> str | None:
    """At cursor 0, the desk's rows are asked as HQ's snapshot: from where an earlier
    download stopped, or from its start."""
    if cursor != 0:
        return None
    with db.read() as session:
        return session.scalar(select(DeskState.snapshot_token)) or START


def sync_once(
    db: Database, transport: Transport, *, progress: Progress | None = None, retry: bool = True
) -> SyncReport:
    report = SyncReport()
    client_id, cursor, epoch = desk_identity(db)
    full = redownloading(db)
    pending = MutationLog(db).pending()
    claimed = claimed_through(db)  # after the list: no change sent is numbered above it
    try:
        pushed = transport.push(client_id, pending) if pending else None
    except ClientIdReused:
        if not retry:
            raise
        take_new_client_id(db)
        return sync_once(db, transport, progress=progress, retry=False)
    report.pushed = len(pending)
    waiting: int | None = None
    first = True
    snapshot = _snapshot_asked(db, cursor)
    leaving = any_leaving(db)  # minimal records that leave once nothing here needs them
    while True:
        page = transport.pull(client_id, cursor, count=first, snapshot=snapshot)
        first = False
        if epoch and page.epoch and page.epoch != epoch:
            # HQ was restored from a backup: its versions start over. Download it all
            # again (pending mutations stay queued) rather than skip rows silently.
            log.warning("HQ epoch changed: downloading everything again")
            begin_redownload(db)
            epoch, cursor, full, first, snapshot = page.epoch, 0, True, True, START
            continue
        epoch = page.epoch or epoch
        if page.rows or page.tables:  # giving way to the counter's check-ins
            apply_server_page(db, page.rows, page.tables)
            if full:
                note_seen(db, page.row_keys())
        if page.removed or leaving:
            arrived = [row.id for row in page.rows if row.table == "person"] if leaving else []
            note_leaving(db, page.removed, arrived)
            leaving = leaving or bool(page.removed)
        report.pulled += page.size()
        if page.waiting is not None:  # counted from this page's cursor on
            waiting = report.pulled - page.size() + page.waiting
            if snapshot is not None:  # a snapshot's: from its start
                waiting = page.waiting
        cursor, snapshot = page.cursor, page.snapshot
        _remember(db, cursor, epoch, snapshot)  # an interrupted pull resumes from here
        if progress is not None:
            progress(report.pulled, waiting)
        if not page.more:
            break
    # What HQ processed comes from the pull (read after the push, in its snapshot).
    report.rejected = dict(pushed.rejected) if pushed else {}
    reused = max(page.last_processed, pushed.last_processed if pushed else 0) > claimed
    # A reused client id: HQ's number counts the other copy's changes too; only what
    # this push handed over is known to be done.
    done = min(pushed.last_processed, claimed) if pushed else 0
    report.replay = finish_pull(
        db, acknowledged_through=done if reused else page.last_processed, rejected=report.rejected
    )
    if full:  # after the queue is settled: what pending changes still touch stays
        report.removed = finish_redownload(db)
    if leaving:  # after the queue is settled too: what was sent no longer needs them
        remove_leaving(db)
    log.info("sync: %d pushed, %d rows pulled", report.pushed, report.pulled)
    # HQ lacks numbers this desk counts as done (HQ restored from a backup): the queue
    # would stop at the gap for ever. A new client id numbers it from 1 again.
    behind = pushed is not None and pushed.last_processed < pending[0].seq - 1
    if (reused or behind) and retry:
        take_new_client_id(db)
        again = sync_once(db, transport, progress=progress, retry=False)
        again.earlier = report
        return again
    return report
