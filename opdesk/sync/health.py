"""How the desk's sync is faring: failures over time, HQ's clock, divergence checks.

- Failures: a sync that fails (HQ unreachable, HQ busy, anything) leaves the queue as it
  was; the first of a run of failures is remembered, and once they have gone on for an
  hour the desk shows it as a problem. The next sync that works clears it.
- Clock: HQ stamps its replies with its time; the difference with this computer's clock
  is kept for display only (nothing is ever ordered by a device's clock).
- Divergence check: due once a day, after a sync (see ``opdesk.sync.divergence``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from opdesk.core.clock import Clock
from opdesk.core.mutations.envelope import Envelope
from opdesk.storage.engine import Database
from opdesk.storage.models import DeskSyncHealth
from opdesk.sync.divergence import CheckResult
from opdesk.sync.engine import PullReply, PushReply, Transport
from opdesk.sync.redownload import health_row

FAILING_AFTER = timedelta(hours=1)
CLOCK_TOLERANCE = timedelta(minutes=5)
CHECK_EVERY = timedelta(days=1)


@dataclass(frozen=True)
class SyncHealth:
    failing_since: datetime | None = None
    failures: int = 0
    clock_offset: timedelta | None = None  # HQ's clock minus this computer's
    last_check_at: datetime | None = None
    last_divergence: str | None = None

    def failing(self, now: datetime) -> datetime | None:
        """Since when sync has been failing, once that has gone on for an hour."""
        if self.failing_since is None or self.failures < 2:
            return None
        return self.failing_since if now - self.failing_since >= FAILING_AFTER else None

    def clock_off(self) -> timedelta | None:
        """HQ's clock minus this one, when they differ by more than five minutes."""
        if self.clock_offset is None or abs(self.clock_offset) <= CLOCK_TOLERANCE:
            return None
        return self.clock_offset

    def check_due(self, now: datetime) -> bool:
        return self.last_check_at is None or now - self.last_check_at >= CHECK_EVERY


def read_health(db: Database) -> SyncHealth:
    with db.read() as session:
        row = session.get(DeskSyncHealth, 1)
        if row is None:
            return SyncHealth()
        offset = None if row.clock_offset_s is None else timedelta(seconds=row.clock_offset_s)
        return SyncHealth(
            row.failing_since, row.failures, offset, row.last_check_at, row.last_divergence
        )


def record_failure(db: Database, now: datetime) -> None:
    with db.write() as session:
        row = health_row(session)
        if row.failing_since is None:
            row.failing_since = now
        row.failures += 1


def record_success(db: Database, clock_offset: timedelta | None) -> None:
    with db.write() as session:
        row = health_row(session)
        row.failing_since = None
        row.failures = 0
        if clock_offset is not None:
            row.clock_offset_s = round(clock_offset.total_seconds())


def record_check(db: Database, now: datetime, result: CheckResult) -> None:
    """A conclusive check is remembered (the next is due a day later); a divergence is
    written down with what differed."""
    if not result.conclusive:
        return
    with db.write() as session:
        row = health_row(session)
        row.last_check_at = now
        if result.diverged:
            row.last_divergence = f"{now.isoformat(timespec='seconds')} {result.describe()}"


class ClockWatch:
    """A transport that notes, on each reply, HQ's clock against this computer's (taken
    halfway through the request, so the network's delay hardly counts)."""

    def __init__(self, inner: Transport, clock: Clock) -> None:
        self.inner = inner
        self.clock = clock
        self.offset: timedelta | None = None

    def _note(self, server_time: datetime | None, sent: datetime, received: datetime) -> None:
        if server_time is not None:
            self.offset = server_time - (sent + (received - sent) / 2)

    def push(self, client_id: str, envelopes: list[Envelope]) -> PushReply:
        sent = self.clock()
        reply = self.inner.push(client_id, envelopes)
        self._note(reply.server_time, sent, self.clock())
        return reply

    def pull(
        self, client_id: str, cursor: int, *, count: bool = False, snapshot: str | None = None
    ) -> PullReply:
        sent = self.clock()
        reply = self.inner.pull(client_id, cursor, count=count, snapshot=snapshot)
        self._note(reply.server_time, sent, self.clock())
        return reply
