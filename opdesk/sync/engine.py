"""One round of sync for a desk, over any transport that reaches HQ.

push the pending mutations -> pull every page of changes -> rewind, apply, drop what HQ
processed, replay the rest -> remember the cursor. An interrupted round is simply
repeated: pushing is idempotent and the cursor only moves after the rows are applied.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy import select, update

from opdesk.core.mutations.envelope import Envelope
from opdesk.core.mutations.log import MutationLog
from opdesk.core.mutations.replay import (
    ReplayReport,
    ServerRow,
    apply_server_page,
    finish_pull,
    remove_index_people,
)
from opdesk.storage.engine import Database
from opdesk.storage.models import DeskState, RowBefore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PushReply:
    last_processed: int
    rejected: dict[int, str]


@dataclass(frozen=True)
class PullReply:
    rows: tuple[ServerRow, ...]
    cursor: int
    more: bool
    epoch: str
    last_processed: int
    removed: tuple[str, ...] = ()  # people whose minimal record leaves this desk


class Transport(Protocol):
    def push(self, client_id: str, envelopes: list[Envelope]) -> PushReply: ...

    def pull(self, client_id: str, cursor: int) -> PullReply: ...


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    rejected: dict[int, str] = field(default_factory=dict)
    replay: ReplayReport | None = None
    sent: dict[int, Envelope] = field(default_factory=dict)
    created: dict[int, set[str]] = field(default_factory=dict)  # row ids each one made


def desk_identity(db: Database) -> tuple[str, int, str | None]:
    with db.read() as session:
        state = session.get(DeskState, 1)
        if state is None:
            raise RuntimeError("this database has no desk identity")
        return state.client_id, state.server_cursor, state.server_epoch


def _remember(db: Database, cursor: int, epoch: str | None) -> None:
    with db.write() as session:
        session.execute(
            update(DeskState)
            .where(DeskState.id == 1)
            .values(server_cursor=cursor, server_epoch=epoch)
        )


def rows_created(db: Database) -> dict[int, set[str]]:
    """For each pending mutation, the ids of the rows it created (their before-copy is
    "absent"): what later mutations may depend on."""
    made: dict[int, set[str]] = {}
    with db.read() as session:
        # "Absent" is stored as JSON null, not SQL NULL: compare in Python.
        for seq, row_id, data in session.execute(
            select(RowBefore.seq, RowBefore.row_id, RowBefore.data)
        ):
            if data is None:
                made.setdefault(seq, set()).add(row_id)
    return made


def sync_once(db: Database, transport: Transport) -> SyncReport:
    report = SyncReport()
    client_id, cursor, epoch = desk_identity(db)
    pending = MutationLog(db).pending()
    report.sent = {e.seq: e for e in pending}
    report.created = rows_created(db)
    pushed = transport.push(client_id, pending) if pending else None
    report.pushed = len(pending)
    while True:
        page = transport.pull(client_id, cursor)
        if epoch and page.epoch and page.epoch != epoch:
            # HQ was restored from a backup: its versions start over. Download it all
            # again (pending mutations stay queued) rather than skip rows silently.
            log.warning("HQ epoch changed: downloading everything again")
            epoch, cursor = page.epoch, 0
            continue
        epoch = page.epoch or epoch
        if page.rows:
            apply_server_page(db, page.rows)  # one short transaction per page
        if page.removed:
            remove_index_people(db, page.removed)
        report.pulled += len(page.rows)
        cursor = page.cursor
        _remember(db, cursor, epoch)  # an interrupted pull resumes from here
        if not page.more:
            break
    # What HQ processed comes from the pull (read after the push, in its snapshot).
    report.rejected = dict(pushed.rejected) if pushed else {}
    report.replay = finish_pull(
        db, acknowledged_through=page.last_processed, rejected=report.rejected
    )
    log.info("sync: %d pushed, %d rows pulled", report.pushed, report.pulled)
    return report
