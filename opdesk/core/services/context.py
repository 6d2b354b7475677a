"""What every service needs, passed in from the composition root (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field

from opdesk.core.clock import Clock, IdFactory, new_id, utc_now
from opdesk.core.mutations.base import Mutation
from opdesk.core.mutations.envelope import Envelope
from opdesk.core.mutations.log import MutationLog
from opdesk.storage.engine import Database


@dataclass
class DeskContext:
    db: Database
    site_id: str | None = None
    actor_user_id: str | None = None
    clock: Clock = utc_now
    ids: IdFactory = new_id
    log: MutationLog = field(init=False)

    def __post_init__(self) -> None:
        self.log = MutationLog(self.db, clock=self.clock, ids=self.ids)

    def run(self, mutation: Mutation) -> Envelope:
        return self.log.run(mutation, actor_user_id=self.actor_user_id)
