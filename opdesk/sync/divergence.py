"""Does this desk hold what HQ says it should? Per-table counts and hashes, compared.

Which rows are compared (the same rule on both sides):
- the rows in the desk's scope whose HQ version is at most the desk's cursor;
- minus the rows any pending change touches (their before-copies' keys, which include
  rows a pending change created): the desk shows them with its own changes on top,
  and HQ may not have them yet, so neither side counts them;
- minus the rows HQ changed since the cursor (HQ lists them): the desk's copies are
  older and its next pull brings them.
Everything else must be identical: same ids, versions and deletion flags.

The check is run right after a sync, when the cursor is fresh and few changes are
pending. It is inconclusive (and simply tried again later) when the desk changed under
it, when HQ changed too much since the cursor, or when the epoch differs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from opdesk.storage.engine import Database
from opdesk.storage.models import DeskState, RowBefore
from opdesk.storage.rows import RowKey
from opdesk.sync.digest import TableDigest, differences, digest_rows
from opdesk.sync.protocol import MAX_EXCLUDED

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DigestReply:
    cursor: int
    epoch: str
    complete: bool
    tables: dict[str, TableDigest]
    changed: tuple[RowKey, ...]


@runtime_checkable
class DigestTransport(Protocol):
    def digest(self, client_id: str, cursor: int, exclude: list[RowKey]) -> DigestReply: ...


@dataclass(frozen=True)
class CheckResult:
    conclusive: bool
    differences: dict[str, tuple[TableDigest, TableDigest]]

    @property
    def diverged(self) -> bool:
        return self.conclusive and bool(self.differences)

    def describe(self) -> str:
        """For the log and the record (not shown to volunteers): what differs."""
        return "; ".join(
            f"{name}: {here.count} rows here, {there.count} at HQ"
            + ("" if here.count != there.count else " (different rows)")
            for name, (here, there) in self.differences.items()
        )


INCONCLUSIVE = CheckResult(False, {})


def touched_keys(session: Session) -> set[RowKey]:
    rows = session.execute(select(RowBefore.table_name, RowBefore.row_id).distinct())
    return {(table, row_id) for table, row_id in rows}


def _where_am_i(session: Session) -> tuple[str, int, str | None]:
    state = session.get(DeskState, 1)
    if state is None:
        raise RuntimeError("this database has no desk identity")
    return state.client_id, state.server_cursor, state.server_epoch


def check_divergence(db: Database, transport: DigestTransport) -> CheckResult:
    with db.read() as session:
        client_id, cursor, epoch = _where_am_i(session)
        exclude = touched_keys(session)
    if len(exclude) > MAX_EXCLUDED:
        return INCONCLUSIVE
    reply = transport.digest(client_id, cursor, sorted(exclude))
    if not reply.complete or reply.cursor != cursor or (epoch and reply.epoch != epoch):
        log.info("divergence check inconclusive: HQ moved on or the epoch differs")
        return INCONCLUSIVE
    with db.read() as session:  # one snapshot: the rows and what is pending now
        if _where_am_i(session)[1] != cursor or not touched_keys(session) <= exclude:
            log.info("divergence check inconclusive: this desk changed meanwhile")
            return INCONCLUSIVE
        here = digest_rows(
            session.connection(),
            where=lambda _table: true(),
            exclude=exclude | set(reply.changed),
        )
    result = CheckResult(True, differences(here, reply.tables))
    if result.differences:
        log.warning("this desk differs from HQ: %s", result.describe())
    return result
