"""The desk's mutation log: run a mutation now and queue it for HQ, in one transaction."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Row, func, select, update
from sqlalchemy.orm import Session

from opdesk.core.clock import Clock, IdFactory, new_id, utc_now
from opdesk.core.mutations.base import SCHEMA_VERSION, ApplyContext, Mutation
from opdesk.core.mutations.envelope import Envelope
from opdesk.core.permissions import KnownActiveUsers, Permissions
from opdesk.storage.engine import Database
from opdesk.storage.models import DeskState, PendingMutation, RowBefore, table_of
from opdesk.storage.rows import ChangeTracker, capture_changes, start_tracking, stop_tracking

log = logging.getLogger(__name__)


def desk_state(session: Session) -> DeskState:
    state = session.get(DeskState, 1)
    if state is None:
        raise RuntimeError("this database has no desk identity: call ensure_desk_state first")
    return state


def ensure_desk_state(db: Database, *, client_id: str | None = None) -> DeskState:
    """Give a new database its client id (a copied or restored one gets a new one later)."""
    with db.read() as session:
        state = session.get(DeskState, 1)
        if state is not None:
            return state
    with db.write() as session:
        state = session.get(DeskState, 1)
        if state is None:
            state = DeskState(id=1, client_id=client_id or new_id(), next_seq=1, server_cursor=0)
            session.add(state)
        return state


def claim_seq(session: Session) -> tuple[str, int]:
    """This desk's client id and the next sequence number, taken in one statement."""
    claimed = (
        session.connection()
        .execute(
            update(DeskState)
            .where(DeskState.id == 1)
            .values(next_seq=DeskState.next_seq + 1)
            .returning(DeskState.client_id, DeskState.next_seq)
        )
        .first()
    )
    if claimed is None:
        raise RuntimeError("this database has no desk identity: call ensure_desk_state first")
    return claimed.client_id, claimed.next_seq - 1


def apply_tracked(
    session: Session,
    mutation: Mutation,
    actor_user_id: str | None,
    *,
    flush: bool = True,
    check_new_ids: bool = True,
) -> ChangeTracker:
    """Apply a mutation and return the before-copy of every synced row it changed.
    Without ``flush`` its rows stay pending in the session, to be written together with
    the log entry (one flush instead of two on the desk's hot path)."""
    tracker = start_tracking(session)
    try:
        ctx = ApplyContext(session, actor_user_id, check_new_ids=check_new_ids)
        mutation.apply(ctx)
        if flush:
            session.flush()
        else:
            capture_changes(session, tracker)
    finally:
        stop_tracking(session)
    return tracker


def append_pending(session: Session, envelope: Envelope, tracker: ChangeTracker) -> PendingMutation:
    pending = PendingMutation(
        seq=envelope.seq,
        mutation_id=envelope.mutation_id,
        client_id=envelope.client_id,
        name=envelope.name,
        schema_version=envelope.schema_version,
        actor_user_id=envelope.actor_user_id,
        device_time=envelope.device_time,
        args=envelope.args,
    )
    session.add(pending)
    save_befores(session, envelope.seq, tracker)
    return pending


def save_befores(session: Session, seq: int, tracker: ChangeTracker) -> None:
    session.add_all(
        RowBefore(seq=seq, table_name=table, row_id=row_id, data=data)
        for (table, row_id), data in tracker.before.items()
    )


class MutationLog:
    """Runs mutations on the desk: permission, effect, before-copies, queue; all or none."""

    def __init__(
        self,
        db: Database,
        *,
        clock: Clock = utc_now,
        ids: IdFactory = new_id,
        permissions: Permissions | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.ids = ids
        self.permissions: Permissions = permissions or KnownActiveUsers()

    def run(self, mutation: Mutation, *, actor_user_id: str | None) -> Envelope:
        with self.db.write() as session:
            self.permissions.check(session, actor_user_id, mutation)
            tracker = apply_tracked(session, mutation, actor_user_id, flush=False)
            client_id, seq = claim_seq(session)
            envelope = Envelope(
                mutation_id=self.ids(),
                client_id=client_id,
                seq=seq,
                name=mutation.name,
                schema_version=SCHEMA_VERSION,
                actor_user_id=actor_user_id,
                device_time=self.clock(),
                args=mutation.args(),
            )
            append_pending(session, envelope, tracker)
        log.info(
            "mutation %s #%d applied (%d rows)", envelope.name, envelope.seq, len(tracker.before)
        )
        return envelope

    def pending(self) -> list[Envelope]:
        with self.db.read() as session:
            # As rows, not objects: a thousand changes queued offline load in a third
            # of the time.
            rows = session.execute(select(PENDING).order_by(PENDING.c.seq))
            return [envelope_of(row) for row in rows]

    def pending_count(self) -> int:
        with self.db.read() as session:
            return session.scalar(select(func.count()).select_from(PendingMutation)) or 0


PENDING = table_of(PendingMutation)


def envelope_of(row: PendingMutation | Row[Any]) -> Envelope:
    return Envelope(
        mutation_id=row.mutation_id,
        client_id=row.client_id,
        seq=row.seq,
        name=row.name,
        schema_version=row.schema_version,
        actor_user_id=row.actor_user_id,
        device_time=row.device_time,
        args=row.args,
    )


def desk_site_id(db: Database) -> str | None:
    with db.read() as session:
        state = session.get(DeskState, 1)
        return state.site_id if state else None
