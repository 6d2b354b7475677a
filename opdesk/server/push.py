"""Applying a desk's pushed mutations at HQ: in order, each in its own transaction.

- already processed sequence numbers are skipped (a repeated push is harmless), and a
  mutation id seen before is never applied again (a restored desk resends old ones);
- a processed number sent with a mutation id HQ never saw means another database used
  this client id (a restored or copied desk file): the push is refused before anything
  is applied, and the desk takes a new client id (``opdesk.sync.identity``);
- a gap in the sequence stops the batch: the desk sends the missing ones first;
- a rule that says no (DomainError) is a permanent failure: recorded as rejected with
  its reason, and the queue moves on (a poison mutation never blocks a desk);
- anything else (the database went away) aborts the batch without advancing.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from opdesk.core.errors import DomainError, Reason
from opdesk.core.mutations import Mutation, parse_mutation
from opdesk.core.mutations.envelope import Envelope
from opdesk.core.mutations.log import apply_tracked
from opdesk.server.scopes import note_changes
from opdesk.server.versions import ensure_hq_state, stamp_rows, take_version
from opdesk.storage.engine import Database
from opdesk.storage.models import HqClient, HqMutation

log = logging.getLogger(__name__)

Status = Literal["applied", "rejected", "duplicate", "skipped"]


@dataclass(frozen=True)
class PushResult:
    seq: int
    status: Status
    reason: Reason | None = None  # why it was rejected


@dataclass(frozen=True)
class PushOutcome:
    last_processed: int  # the desk may drop every pending mutation up to this number
    results: tuple[PushResult, ...]
    stopped_at_gap: bool


def process_push(
    db: Database, client_id: str, envelopes: Sequence[Envelope], *, now: datetime
) -> PushOutcome:
    with db.write() as session:
        ensure_hq_state(session.connection())
    results: list[PushResult] = []
    gap = False
    last = 0
    for envelope in sorted(envelopes, key=lambda e: e.seq):
        if envelope.client_id != client_id:
            raise ValueError("an envelope of another client in this push")
        with db.write() as session:
            client = _client(session, client_id)  # locks: the client, then the counter
            last = client.last_seq
            if envelope.seq <= client.last_seq:
                results.append(_earlier(session, client_id, envelope))
                continue
            if envelope.seq != client.last_seq + 1:
                gap = True
                break
            version = take_version(session.connection())
            result = _apply_one(session, envelope, version, now)
            client.last_seq = envelope.seq
            client.last_push_at = now
            last = envelope.seq
        results.append(result)
    return PushOutcome(last, tuple(results), gap)


class ClientIdReused(Exception):
    """A number this client already used came with a mutation HQ never processed."""


def _earlier(session: Session, client_id: str, envelope: Envelope) -> PushResult:
    """What became of a mutation processed before (its reply may have been lost)."""
    row = session.execute(
        select(
            HqMutation.status, HqMutation.reason, HqMutation.reason_id, HqMutation.reason_params
        ).where(HqMutation.mutation_id == envelope.mutation_id)
    ).first()
    if row is None:
        log.warning("mutation #%d: this client id is used by another database", envelope.seq)
        raise ClientIdReused(client_id)
    if row.status != "rejected":
        return PushResult(envelope.seq, "skipped")
    return PushResult(envelope.seq, "rejected", _reason_of(row))


def _reason_of(row: Any) -> Reason:
    """A recorded refusal's reason: its message id and parameters, or older plain text."""
    return Reason(row.reason_id, row.reason_params) if row.reason_id else Reason(row.reason or "")


def _client(session: Session, client_id: str) -> HqClient:
    client = session.get(HqClient, client_id, with_for_update=True)
    if client is None:
        client = HqClient(client_id=client_id, last_seq=0)
        session.add(client)
        session.flush()
    return client


def _apply_one(session: Session, envelope: Envelope, version: int, now: datetime) -> PushResult:
    seen = session.execute(
        select(
            HqMutation.status, HqMutation.reason, HqMutation.reason_id, HqMutation.reason_params
        ).where(HqMutation.mutation_id == envelope.mutation_id)
    ).first()
    if seen is not None:
        log.warning("mutation #%d of a client was processed before: skipped", envelope.seq)
        if seen.status == "rejected":  # refused then: the desk must still be told why
            return PushResult(envelope.seq, "rejected", _reason_of(seen))
        return PushResult(envelope.seq, "duplicate", Reason(seen.status))
    status: Status = "applied"
    reason: Reason | None = None
    try:
        with session.begin_nested():
            mutation = parse_mutation(envelope.name, envelope.args)
            tracker = apply_tracked(session, mutation, envelope.actor_user_id)
            stamp_rows(session.connection(), set(tracker.before), version)
            note_changes(session.connection(), set(tracker.before), version)
    except DomainError as exc:
        status, reason = "rejected", exc.reason()
        log.info("mutation #%d %s rejected: %s", envelope.seq, envelope.name, type(exc).__name__)
    session.add(
        HqMutation(
            mutation_id=envelope.mutation_id,
            client_id=envelope.client_id,
            seq=envelope.seq,
            name=envelope.name,
            actor_user_id=envelope.actor_user_id,
            device_time=envelope.device_time,
            args=envelope.args,
            status=status,
            reason=reason.text() if reason else None,
            reason_id=reason.message if reason else None,
            reason_params=reason.params if reason else None,
            version=version if status == "applied" else None,
            processed_at=now,
        )
    )
    return PushResult(envelope.seq, status, reason)


def apply_at_hq(db: Database, mutation: Mutation, *, actor_user_id: str | None = None) -> int:
    """A change made at HQ itself (an admin command): applied and versioned like a
    desk's, so that it reaches the desks by the same pull. Returns its version."""
    with db.write() as session:
        ensure_hq_state(session.connection())
        version = take_version(session.connection())
        tracker = apply_tracked(session, mutation, actor_user_id)
        stamp_rows(session.connection(), set(tracker.before), version)
        note_changes(session.connection(), set(tracker.before), version)
    return version
