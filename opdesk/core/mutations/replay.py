"""Rewind and replay: how the desk takes in the server's rows without losing its own.

1. rewind: every row a pending mutation touched goes back to its copy from before the
   first of them (a row they created is removed);
2. the server's rows are written as they are;
3. mutations the server has processed leave the queue (acknowledged or rejected);
4. the rest are applied again, in order, on top of the server's state. One that no
   longer applies stays queued, marked with why: HQ will most likely reject it too.
All in one write transaction, so a reader sees either the old state or the new one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, delete, select
from sqlalchemy.orm import Session

from opdesk.core.clock import utc_now
from opdesk.core.errors import DomainError, Reason
from opdesk.core.mutations.base import parse_mutation
from opdesk.core.mutations.conflicts import FieldConflict, rebase_edit, requeue_refused_edits
from opdesk.core.mutations.envelope import Envelope
from opdesk.core.mutations.log import PENDING, apply_tracked, envelope_of, save_befores
from opdesk.core.mutations.problems import record_conflicts, record_rejections
from opdesk.storage.bulk import chunks, insert_ignoring_duplicates
from opdesk.storage.engine import Database, is_sqlite
from opdesk.storage.models import (
    Consent,
    HouseholdLink,
    IndexLeaving,
    PendingMutation,
    Person,
    PersonSiteSeen,
    RowBefore,
    Visit,
    table_of,
)
from opdesk.storage.references import dangling_references
from opdesk.storage.rows import (
    DerivedRefresh,
    RowData,
    RowKey,
    live_versions,
    read_row,
    restore_rows,
    write_row,
)
from opdesk.storage.search_index import refresh_people

log = logging.getLogger(__name__)

BEFORES = table_of(RowBefore)


@dataclass(frozen=True)
class ServerRow:
    """A row as HQ holds it (``data`` includes ``version`` and ``deleted``)."""

    table: str
    id: str
    data: RowData


@dataclass
class ReplayReport:
    rewound: int = 0
    server_rows: int = 0
    acknowledged: int = 0
    rejected: dict[int, Reason] = field(default_factory=dict)
    replayed: int = 0
    failed: dict[int, str] = field(default_factory=dict)
    conflicts: list[FieldConflict] = field(default_factory=list)
    requeued: int = 0  # refused edits queued again over HQ's values
    problems: int = 0  # new problems recorded
    registered: list[str] = field(default_factory=list)  # people this desk registered, now at HQ


def as_reasons(rejected: Mapping[int, Reason | str] | None) -> dict[int, Reason]:
    return {
        seq: why if isinstance(why, Reason) else Reason(why)
        for seq, why in (rejected or {}).items()
    }


def rewind(session: Session, refresh: DerivedRefresh) -> int:
    """Put back every row the pending mutations touched; forget the before-copies."""
    conn = session.connection()
    first: dict[tuple[str, str], RowData | None] = {}
    for row in session.scalars(select(RowBefore).order_by(RowBefore.seq)):
        first.setdefault((row.table_name, row.row_id), row.data)
    if is_sqlite(conn.engine):
        # Rows come back in no particular order; check the references at commit.
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    for (table, row_id), data in first.items():
        refresh.note(table, read_row(conn, table, row_id))
        write_row(conn, table, row_id, data)
        refresh.note(table, data)
    conn.execute(delete(RowBefore))
    return len(first)


def write_server_rows(session: Session, rows: Iterable[ServerRow], refresh: DerivedRefresh) -> int:
    conn = session.connection()
    count = 0
    for row in rows:
        refresh.note(row.table, read_row(conn, row.table, row.id))
        write_row(conn, row.table, row.id, row.data)
        refresh.note(row.table, row.data)
        count += 1
    return count


def replay_pending(
    session: Session, report: ReplayReport, *, only: set[int] | None = None, rebase: bool = False
) -> None:
    """Apply the pending mutations again (all, or ``only`` these), in order. With
    ``rebase``, an edit of a field another desk changed meanwhile is put on top of that
    value (it wins) and the conflict goes in ``report.conflicts``."""
    pending = session.scalars(select(PendingMutation).order_by(PendingMutation.seq)).all()
    for row in pending:
        if only is not None and row.seq not in only:
            continue
        envelope = envelope_of(row)
        found: list[FieldConflict] = []
        try:
            with session.begin_nested():
                mutation = original = parse_mutation(envelope.name, envelope.args)
                if rebase:
                    mutation, found = rebase_edit(session, row.seq, mutation)
                tracker = apply_tracked(session, mutation, envelope.actor_user_id)
        except DomainError as exc:
            row.replay_error = exc.text()
            report.failed[row.seq] = exc.text()
            log.warning("pending mutation #%d no longer applies: %s", row.seq, type(exc).__name__)
            continue
        row.replay_error = None
        if rebase and mutation is not original:  # not pushed yet: HQ takes the rebased one
            row.args = mutation.args()
            report.conflicts += found
        save_befores(session, row.seq, tracker)
        report.replayed += 1
    session.flush()


def rewind_and_replay(
    db: Database,
    server_rows: Iterable[ServerRow] = (),
    *,
    acknowledged_through: int = 0,
    rejected: Mapping[int, Reason | str] | None = None,
) -> ReplayReport:
    """Take in server rows under the pending mutations. ``acknowledged_through`` is the
    last sequence number HQ has processed; ``rejected`` maps the ones it refused to why."""
    report = ReplayReport()
    refresh = DerivedRefresh()
    with db.write() as session:
        report.rewound = rewind(session, refresh)
        report.server_rows = write_server_rows(session, server_rows, refresh)
        report.rejected = as_reasons(rejected)
        done = session.scalars(
            select(PendingMutation).where(
                (PendingMutation.seq <= acknowledged_through)
                | PendingMutation.seq.in_(list(report.rejected))
            )
        ).all()
        for row in done:
            session.delete(row)
        report.acknowledged = sum(1 for row in done if row.seq not in report.rejected)
        session.flush()
        session.expire_all()
        refresh.apply(session.connection())
        replay_pending(session, report)
    return report


def finish_pull(
    db: Database,
    *,
    acknowledged_through: int,
    rejected: Mapping[int, Reason | str] | None = None,
    now: datetime | None = None,
) -> ReplayReport:
    """After the last page: drop what HQ processed and put the other pending changes back
    on top of HQ's rows, rewinding and replaying only the changes that need it.

    A row is stale when its before-copy was replaced by HQ's during the pull (its version
    differs from the live row's). The changes to redo are those HQ processed and those
    touching a stale row, closed over the rows they share; the others already stand on
    HQ's rows and are left alone (the counter's check-ins made during a long pull).

    The refusals and the conflicting edits become problems in the same transaction.
    """
    report = ReplayReport(rejected=as_reasons(rejected))
    refresh = DerivedRefresh()
    with db.write() as session:
        conn = session.connection()
        # Read as rows, not objects: after a day offline there are thousands of each.
        pending = {row.seq: row for row in session.execute(select(PENDING))}
        sent = {seq: envelope_of(row) for seq, row in pending.items()}
        done = {seq for seq in pending if seq <= acknowledged_through or seq in report.rejected}
        keys_of: dict[int, set[tuple[str, str]]] = {}
        earliest: dict[tuple[str, str], Row[Any]] = {}
        created: dict[int, set[str]] = {}  # the rows each change made: what later ones need
        for copy in session.execute(select(BEFORES).order_by(BEFORES.c.seq)):
            key = (copy.table_name, copy.row_id)
            keys_of.setdefault(copy.seq, set()).add(key)
            earliest.setdefault(key, copy)
            if copy.data is None:  # "absent" is JSON null: compared in Python
                created.setdefault(copy.seq, set()).add(copy.row_id)
        live = live_versions(conn, [key for key, copy in earliest.items() if copy.data])
        stale = {key for key, copy in earliest.items() if _stale(live, key, copy.data)}
        redo = set(done) | {seq for seq, keys in keys_of.items() if keys & stale}
        redo |= {seq for seq, row in pending.items() if row.replay_error}  # try again
        keys = stale.union(*(keys_of.get(seq, set()) for seq in redo))
        while True:
            more = {seq for seq, own in keys_of.items() if own & keys} - redo
            if not more:
                break
            redo |= more
            keys = keys.union(*(keys_of[seq] for seq in more))
        if is_sqlite(conn.engine):
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        restore_rows(conn, {key: earliest[key].data for key in keys}, refresh)
        report.rewound = len(keys)
        if redo:
            conn.execute(delete(RowBefore).where(RowBefore.seq.in_(sorted(redo))))
        finished = sorted(done)  # their before-copies go with them (ON DELETE CASCADE)
        for start in range(0, len(finished), 500):
            chunk = finished[start : start + 500]
            conn.execute(delete(PendingMutation).where(PendingMutation.seq.in_(chunk)))
        report.acknowledged = sum(1 for seq in done if seq not in report.rejected)
        report.registered = [
            str(sent[seq].args.get("person_id"))
            for seq in sorted(done - set(report.rejected))
            if sent[seq].name == "register_person"
        ]
        session.flush()
        session.expire_all()
        refresh.apply(conn)
        replay_pending(session, report, only=redo - done, rebase=True)
        _record(session, report, sent, created, done, now or utc_now())
    problems = dangling_references(db)
    if problems:
        log.error("%d references point nowhere after a pull", problems)
    return report


def _record(
    session: Session,
    report: ReplayReport,
    sent: dict[int, Envelope],
    created: dict[int, set[str]],
    done: set[int],
    now: datetime,
) -> None:
    refused = {seq: (sent[seq], why) for seq, why in report.rejected.items() if seq in sent}
    later = [envelope for seq, envelope in sorted(sent.items()) if seq not in done]
    handled, conflicts = requeue_refused_edits(session, refused, later)
    report.requeued = len(handled)
    report.conflicts += conflicts
    still = {seq: why for seq, why in report.rejected.items() if seq not in handled}
    report.problems = record_rejections(session, still, sent, created, now)
    report.problems += record_conflicts(session, report.conflicts, sent, now)


def _stale(live: Mapping[RowKey, int], key: RowKey, before: RowData | None) -> bool:
    if before is None:
        return False  # created by a pending change and not (yet) sent back by HQ
    return live.get(key) != before.get("version")  # a row gone has no live version


def any_leaving(db: Database) -> bool:
    with db.read() as session:
        return session.scalar(select(IndexLeaving.person_id).limit(1)) is not None


def note_leaving(db: Database, removed: Sequence[str], arrived: Sequence[str] = ()) -> None:
    """What a page of HQ's says of the people this desk holds as minimal records:
    ``removed`` leave it (``remove_leaving``, once nothing here needs them); ``arrived``
    were sent again (in its scope after all, whatever an earlier page said). Kept with
    the page's rows, as its cursor is (``write_unsynced``)."""
    with db.write_unsynced() as session:
        conn = session.connection()
        for chunk in chunks(list(arrived)):
            conn.execute(delete(IndexLeaving).where(IndexLeaving.person_id.in_(chunk)))
        insert_ignoring_duplicates(
            conn, table_of(IndexLeaving), [{"person_id": p} for p in sorted(set(removed))]
        )


def remove_leaving(db: Database) -> int:
    """Minimal records HQ no longer gives this desk (the person withdrew from the network
    index, was merged away or deleted) leave it: unless a pending change touched them or
    something here still refers to them, such as a check-in not yet sent; they leave at
    a later sync, once that is settled (HQ does not say it twice: a check-in it applied
    to the person kept by a merge names them no more). Returns how many left."""
    gone: list[str] = []
    settled: list[str] = []
    with db.write() as session:
        conn = session.connection()
        for person_id in conn.scalars(select(IndexLeaving.person_id)).all():
            index_only = conn.execute(
                select(Person.index_only).where(Person.id == person_id)
            ).scalar()
            if not index_only:  # not here, or here whole: not a minimal record to remove
                settled.append(person_id)
            elif not _still_needed(conn, person_id):
                gone.append(person_id)
                settled.append(person_id)
        if gone:
            conn.execute(delete(PersonSiteSeen).where(PersonSiteSeen.person_id.in_(gone)))
            conn.execute(delete(Person).where(Person.id.in_(gone)))
            refresh_people(conn, gone)
        for chunk in chunks(settled):
            conn.execute(delete(IndexLeaving).where(IndexLeaving.person_id.in_(chunk)))
    return len(gone)


def _still_needed(conn: Connection, person_id: str) -> bool:
    refs = [
        select(RowBefore.seq).where(RowBefore.row_id == person_id),
        select(Visit.id).where(Visit.person_id == person_id),
        select(Consent.id).where(
            (Consent.person_id == person_id) | (Consent.given_by_id == person_id)
        ),
        select(HouseholdLink.id).where(
            (HouseholdLink.person_id == person_id) | (HouseholdLink.member_id == person_id)
        ),
        select(Person.id).where(Person.merged_into_id == person_id),
    ]
    return any(conn.execute(ref.limit(1)).first() is not None for ref in refs)
