"""One round of sync for a desk, over any transport that reaches HQ.

push the pending mutations -> pull every page of changes -> rewind, apply, drop what HQ
processed, replay the rest -> remember the cursor. An interrupted round is simply
repeated: pushing is idempotent and the cursor only moves after the rows are applied.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy import update

from opdesk.core.errors import Reason
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
from opdesk.storage.models import DeskState

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PushReply:
    last_processed: int
    rejected: dict[int, Reason]


@dataclass(frozen=True)
class PullReply:
    rows: tuple[ServerRow, ...]
    cursor: int
    more: bool
    epoch: str
    last_processed: int
    waiting: int | None = None  # rows from the cursor on, if asked and HQ said
    removed: tuple[str, ...] = ()  # people whose minimal record leaves this desk


class Transport(Protocol):
    def push(self, client_id: str, envelopes: list[Envelope]) -> PushReply: ...

    def pull(self, client_id: str, cursor: int, *, count: bool = False) -> PullReply: ...


# (rows received so far, rows HQ said were waiting or None): after each page of a pull
Progress = Callable[[int, int | None], None]


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    rejected: dict[int, Reason] = field(default_factory=dict)
    replay: ReplayReport | None = None


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


def sync_once(
    db: Database, transport: Transport, *, progress: Progress | None = None
) -> SyncReport:
    report = SyncReport()
    client_id, cursor, epoch = desk_identity(db)
    pending = MutationLog(db).pending()
    pushed = transport.push(client_id, pending) if pending else None
    report.pushed = len(pending)
    waiting: int | None = None
    first = True
    while True:
        page = transport.pull(client_id, cursor, count=first)
        first = False
        if epoch and page.epoch and page.epoch != epoch:
            # HQ was restored from a backup: its versions start over. Download it all
            # again (pending mutations stay queued) rather than skip rows silently.
            log.warning("HQ epoch changed: downloading everything again")
            epoch, cursor, first = page.epoch, 0, True
            continue
        epoch = page.epoch or epoch
        if page.rows:
            apply_server_page(db, page.rows)  # one short transaction per page
        if page.removed:
            remove_index_people(db, page.removed)
        report.pulled += len(page.rows)
        cursor = page.cursor
        _remember(db, cursor, epoch)  # an interrupted pull resumes from here
        waiting = page.waiting if page.waiting is not None else waiting
        if progress is not None:
            progress(report.pulled, waiting)
        if not page.more:
            break
    # What HQ processed comes from the pull (read after the push, in its snapshot).
    report.rejected = dict(pushed.rejected) if pushed else {}
    report.replay = finish_pull(
        db, acknowledged_through=page.last_processed, rejected=report.rejected
    )
    log.info("sync: %d pushed, %d rows pulled", report.pushed, report.pulled)
    return report
