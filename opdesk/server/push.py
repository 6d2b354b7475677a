"""Applying a desk's pushed mutations at HQ: in order, each in a savepoint of its own,
up to ``BATCH`` of them in one transaction with the client's last processed number (one
commit, so one flush to disk, for many: a commit each made a push of 1,000 take seconds).

- already processed sequence numbers are skipped (a repeated push is harmless), and a
  mutation id seen before is never applied again (a restored desk resends old ones);
- a processed number sent with a mutation id HQ never saw means another database used
  this client id (a restored or copied desk file): the push is refused before anything
  is applied, and the desk takes a new client id (``opdesk.sync.identity``);
- a gap in the sequence stops the batch: the desk sends the missing ones first;
- a rule that says no (DomainError) is a permanent failure: recorded as rejected with
  its reason, and the queue moves on (a poison mutation never blocks a desk); so is a
  change the database itself refuses (a value too long for its column, a time out of
  range, a row HQ does not have: ``_unstorable``), which no retry would ever store;
- anything else (the database went away) aborts the batch without advancing: nothing
  of it is kept, and the desk sends it again.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import insert, select
from sqlalchemy.exc import DataError, IntegrityError, OperationalError, StatementError
from sqlalchemy.orm import Session

from opdesk.core.errors import DomainError, NotStorable, Reason
from opdesk.core.mutations import Mutation, parse_mutation
from opdesk.core.mutations.envelope import Envelope
from opdesk.core.mutations.log import apply_tracked
from opdesk.server.scopes import changed_rows, note_changes
from opdesk.server.versions import ensure_hq_state, stamp_rows, stamp_versions, take_version
from opdesk.storage.bulk import insert_ignoring_duplicates
from opdesk.storage.engine import Database
from opdesk.storage.models import HqClient, HqMutation, table_of
from opdesk.storage.rows import RowKey, derived_refresh_deferred

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


class ClientIdReused(Exception):
    """A number this client already used came with a mutation HQ never processed."""


# Mutations per transaction at most: one commit (one disk flush) and one update of
# the search tables for them all. 250 rather than 100: a tenth less time for a push
# of 1,000; a refusal (rare) applies its batch a second time, carefully.
BATCH = 250
RETRIES = 3  # a batch that lost a deadlock to another desk's is simply run again


def process_push(
    db: Database, client_id: str, envelopes: Sequence[Envelope], *, now: datetime
) -> PushOutcome:
    ordered = sorted(envelopes, key=lambda e: e.seq)
    if any(envelope.client_id != client_id for envelope in ordered):
        raise ValueError("an envelope of another client in this push")
    results: list[PushResult] = []
    last, gap = 0, False
    for start in range(0, len(ordered), BATCH):
        batch = ordered[start : start + BATCH]
        done, last, gap = _push_batch_retried(db, client_id, batch, now)
        results += done
        if gap:
            break
    return PushOutcome(last, tuple(results), gap)


def _push_batch_retried(
    db: Database, client_id: str, batch: Sequence[Envelope], now: datetime
) -> tuple[list[PushResult], int, bool]:
    """``_push_batch``, applied again carefully if a rule refused one of its mutations,
    and again if it lost a deadlock to another desk's (up to ``RETRIES`` times)."""
    careful, races = False, 0
    while True:
        try:
            return _push_batch(db, client_id, batch, now, careful=careful)
        except _Refused:  # once more, each mutation in a savepoint of its own
            careful = True
        except OperationalError as exc:
            races += 1
            if races == RETRIES or not _lost_a_race(exc):
                raise
            log.warning("a push batch lost a deadlock: running it again")


def _lost_a_race(exc: OperationalError) -> bool:
    return getattr(exc.orig, "sqlstate", None) in ("40P01", "40001")  # deadlock, serialization


class _Refused(Exception):
    """A rule refused a mutation of a batch applied without savepoints."""


def _push_batch(
    db: Database, client_id: str, batch: Sequence[Envelope], now: datetime, *, careful: bool
) -> tuple[list[PushResult], int, bool]:
    """Some mutations in one transaction, with the client's last processed number; each
    is applied or rejected whole. Refusals are rare: the batch is first applied without
    a savepoint per mutation (two round trips each, a third of a push's time); if a rule
    says no, it is rolled back and applied again ``careful``ly, a savepoint each."""
    results: list[PushResult] = []
    done: list[tuple[Envelope, PushResult, set[RowKey]]] = []
    handled: dict[int, tuple[str, PushResult]] = {}  # by seq: not yet in HQ's record
    gap = False
    with db.write() as session:
        ensure_hq_state(session.connection())
        client = _client(session, client_id)  # locked: one push of a desk at a time
        seen = _seen(session, [e.mutation_id for e in batch])
        recorded = set(seen)  # processed before: answered from HQ's record, not added again
        last = client.last_seq
        with derived_refresh_deferred(session):
            for envelope in batch:
                if envelope.seq <= last:
                    results.append(_earlier(session, envelope, handled.get(envelope.seq)))
                    continue
                if envelope.seq != last + 1:
                    gap = True
                    break
                result, keys = _apply_one(session, envelope, seen, careful)
                handled[envelope.seq] = (envelope.mutation_id, result)
                # As if each had a session of its own: what one changed with plain SQL
                # is read again by the next, never taken from a stale object.
                session.expire_all()
                last = envelope.seq
                results.append(result)
                if envelope.mutation_id not in recorded:
                    done.append((envelope, result, keys))
                    recorded.add(envelope.mutation_id)
        if last != client.last_seq:
            client.last_seq, client.last_push_at = last, now
        if done:
            _record(session, done, now)
        return results, last, gap


def _seen(session: Session, mutation_ids: list[str]) -> dict[str, PushResult]:
    """What became of the mutations HQ processed before, by id (a restored desk resends)."""
    rows = session.execute(
        select(
            HqMutation.mutation_id,
            HqMutation.seq,
            HqMutation.status,
            HqMutation.reason,
            HqMutation.reason_id,
            HqMutation.reason_params,
        ).where(HqMutation.mutation_id.in_(mutation_ids))
    )
    return {
        row.mutation_id: PushResult(
            row.seq, "rejected" if row.status == "rejected" else "duplicate", _reason_of(row)
        )
        for row in rows
    }


def _earlier(
    session: Session, envelope: Envelope, in_batch: tuple[str, PushResult] | None
) -> PushResult:
    """What became of a mutation processed before (its reply may have been lost), or
    earlier in this batch (sent twice in one push), which HQ's record does not hold yet."""
    if in_batch is not None and in_batch[0] == envelope.mutation_id:
        earlier = in_batch[1]
        return earlier if earlier.status == "rejected" else PushResult(envelope.seq, "skipped")
    row = session.execute(
        select(
            HqMutation.status, HqMutation.reason, HqMutation.reason_id, HqMutation.reason_params
        ).where(HqMutation.mutation_id == envelope.mutation_id)
    ).first()
    if row is None:
        log.warning("mutation #%d: this client id is used by another database", envelope.seq)
        raise ClientIdReused(envelope.client_id)
    if row.status != "rejected":
        return PushResult(envelope.seq, "skipped")
    return PushResult(envelope.seq, "rejected", _reason_of(row))


def _reason_of(row: Any) -> Reason:
    """A recorded refusal's reason: its message id and parameters, or older plain text."""
    return Reason(row.reason_id, row.reason_params) if row.reason_id else Reason(row.reason or "")


def _client(session: Session, client_id: str) -> HqClient:
    client = session.get(HqClient, client_id, with_for_update=True)
    if client is None:  # its first push; maybe twice at once (a reply waited for too long)
        insert_ignoring_duplicates(
            session.connection(), table_of(HqClient), [{"client_id": client_id, "last_seq": 0}]
        )
        client = session.get(HqClient, client_id, with_for_update=True)
        assert client is not None
    return client


def _apply_one(
    session: Session, envelope: Envelope, seen: dict[str, PushResult], careful: bool
) -> tuple[PushResult, set[RowKey]]:
    before = seen.get(envelope.mutation_id)
    if before is not None:
        log.warning("mutation #%d of a client was processed before: skipped", envelope.seq)
        if before.status == "rejected":  # refused then: the desk must still be told why
            return PushResult(envelope.seq, "rejected", before.reason), set()
        return PushResult(envelope.seq, "duplicate"), set()
    keys: set[RowKey] = set()
    try:
        mutation = parse_mutation(envelope.name, envelope.args)  # refused before any write
        if careful:
            try:
                with session.begin_nested():
                    keys = set(apply_tracked(session, mutation, envelope.actor_user_id).before)
            except StatementError as exc:
                if not _unstorable(exc):
                    raise
                log.warning("mutation #%d %s not storable: %s", envelope.seq, envelope.name,
                            type(exc.orig).__name__)  # fmt: skip
                raise NotStorable() from exc
        else:
            try:
                tracker = apply_tracked(
                    session, mutation, envelope.actor_user_id, check_new_ids=False
                )
            # It may have written part of itself; or it reused an id, which only the
            # careful run's check turns into a reason.
            except (DomainError, StatementError) as exc:
                if isinstance(exc, StatementError) and not _unstorable(exc):
                    raise
                raise _Refused() from exc
            keys = set(tracker.before)
        result = PushResult(envelope.seq, "applied")
    except DomainError as exc:
        result = PushResult(envelope.seq, "rejected", exc.reason())
        log.info("mutation #%d %s rejected: %s", envelope.seq, envelope.name, type(exc).__name__)
    seen[envelope.mutation_id] = result
    return result, keys


def _unstorable(exc: StatementError) -> bool:
    """The database refused the values themselves (not a lost connection or a deadlock,
    which another try may get past): a row it does not have, a value that does not fit."""
    if isinstance(exc, IntegrityError | DataError):
        return True
    return type(exc) is StatementError and isinstance(exc.orig, ValueError | OverflowError)


def _record(
    session: Session, done: list[tuple[Envelope, PushResult, set[RowKey]]], now: datetime
) -> None:
    """Version the rows the applied mutations changed, keep the scopes they change, and
    remember every mutation.

    The versions are taken last, just before the commit: the counter row stays locked
    (other desks' pushes wait for it) only for the stamping, not for the applying. All
    that needs no version is written, read and made ready before it: every round trip
    of the locked part is one that all other pushes wait through (4-6 ms each with 50
    desks at once, the thread waiting for a core between them)."""
    session.flush()  # the client's last processed number
    conn = session.connection()
    record = [_recorded(envelope, result, now) for envelope, result, _keys in done]
    applied = [(envelope, keys) for envelope, result, keys in done if result.status == "applied"]
    if applied:
        changed = changed_rows(conn, [keys for _envelope, keys in applied])
        versions = {envelope.mutation_id: offset for offset, (envelope, _k) in enumerate(applied)}
        # A row two of them changed takes the later one's version.
        stamps = {key: offset for offset, (_e, keys) in enumerate(applied) for key in keys}
        first = take_version(conn, len(applied)) - len(applied) + 1
        stamp_versions(conn, {key: first + offset for key, offset in stamps.items()})
        note_changes(
            conn, [(keys, first + versions[e.mutation_id]) for e, keys in applied], changed
        )
        for row in record:
            if (offset := versions.get(str(row["mutation_id"]))) is not None:
                row["version"] = first + offset
    conn.execute(insert(table_of(HqMutation)), record)


def _recorded(envelope: Envelope, result: PushResult, now: datetime) -> dict[str, object]:
    reason = result.reason
    return {
        "mutation_id": envelope.mutation_id,
        "client_id": envelope.client_id,
        "seq": envelope.seq,
        "name": envelope.name,
        "actor_user_id": envelope.actor_user_id,
        "device_time": envelope.device_time,
        "args": envelope.args,
        "status": result.status,
        "reason": reason.text() if reason else None,
        "reason_id": reason.message if reason else None,
        "reason_params": reason.params if reason else None,
        "version": None,
        "processed_at": now,
    }


def apply_at_hq(db: Database, mutation: Mutation, *, actor_user_id: str | None = None) -> int:
    """A change made at HQ itself (an admin command): applied and versioned like a
    desk's, so that it reaches the desks by the same pull. Returns its version."""
    with db.write() as session:
        ensure_hq_state(session.connection())
        tracker = apply_tracked(session, mutation, actor_user_id)
        version = take_version(session.connection())
        stamp_rows(session.connection(), set(tracker.before), version)
        note_changes(session.connection(), [(set(tracker.before), version)])
    return version
