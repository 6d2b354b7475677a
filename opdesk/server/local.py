"""HQ in the same process: the transport for a one-machine trial and for tests of the
sync rules, with the real push and pull code (the HTTP transport wraps the same calls)."""

from __future__ import annotations

from opdesk.core.clock import Clock, utc_now
from opdesk.core.errors import Reason
from opdesk.core.mutations.envelope import Envelope
from opdesk.server import push as hq_push
from opdesk.server.digest import digest_for_device
from opdesk.server.pull import pull_changes
from opdesk.server.scopes import EVERYTHING, Scope
from opdesk.server.versions import ensure_hq_state
from opdesk.storage.engine import Database
from opdesk.storage.rows import RowKey
from opdesk.sync.divergence import DigestReply
from opdesk.sync.engine import PullReply, PushReply
from opdesk.sync.identity import ClientIdReused


class InProcessHQ:
    def __init__(
        self,
        db: Database,
        *,
        clock: Clock = utc_now,
        page: int = 1000,
        scope: Scope = EVERYTHING,
    ) -> None:
        self.db = db
        self.clock = clock
        self.page = page
        self.scope = scope
        with db.write() as session:
            ensure_hq_state(session.connection())

    def push(self, client_id: str, envelopes: list[Envelope]) -> PushReply:
        try:
            outcome = hq_push.process_push(self.db, client_id, envelopes, now=self.clock())
        except hq_push.ClientIdReused:
            raise ClientIdReused(client_id) from None
        rejected = {
            r.seq: r.reason or Reason("") for r in outcome.results if r.status == "rejected"
        }
        return PushReply(outcome.last_processed, rejected, server_time=self.clock())

    def pull(
        self, client_id: str, cursor: int, *, count: bool = False, snapshot: str | None = None
    ) -> PullReply:
        page = pull_changes(
            self.db,
            client_id=client_id,
            cursor=cursor,
            limit=self.page,
            count=count,
            scope=self.scope,
            snapshot=snapshot,
        )
        return PullReply(
            page.rows,
            page.cursor,
            page.more,
            page.epoch,
            page.last_processed,
            waiting=page.waiting,
            removed=page.removed,
            server_time=self.clock(),
            snapshot=page.snapshot,
            tables=page.tables,
        )

    def digest(self, client_id: str, cursor: int, exclude: list[RowKey]) -> DigestReply:
        found = digest_for_device(self.db, scope=self.scope, cursor=cursor, exclude=exclude)
        return DigestReply(found.cursor, found.epoch, found.complete, found.tables, found.changed)
