"""A desk database whose client id another database used too.

A desk restored from a backup, or a file copied to a second PC, goes on numbering its
changes from where the copy stood, while HQ already processed some of those numbers from
the other copy. Two signs give it away:

- HQ has processed more of this client's sequence than this database ever claimed
  (HQ's last processed number > ``next_seq - 1``);
- HQ refuses a push because a number it processed was a different mutation.

The opposite, HQ lacking numbers this desk counts as done (HQ restored from a backup),
would stop the queue at the gap for ever; it gets the same remedy.

The remedy is a new client id for this database. Its pending changes are renumbered
under it, keeping their mutation ids, and pushed again: HQ deduplicates on mutation id,
so a change that did reach HQ under the old id is not applied twice, and nothing is lost.
"""

from __future__ import annotations

import logging

from sqlalchemy import select, update

from opdesk.core.clock import IdFactory, new_id
from opdesk.storage.engine import Database, is_sqlite
from opdesk.storage.models import DeskState, PendingMutation, RowBefore

log = logging.getLogger(__name__)


class ClientIdReused(Exception):
    """HQ refused a push: numbers of this client id were used by another database."""


def claimed_through(db: Database) -> int:
    """The highest sequence number this database ever gave a change."""
    with db.read() as session:
        next_seq = session.scalar(select(DeskState.next_seq).where(DeskState.id == 1))
    return int(next_seq or 1) - 1


def take_new_client_id(db: Database, *, ids: IdFactory = new_id) -> str:
    """Give this database a new client id; renumber its pending changes 1, 2, ..."""
    new = ids()
    with db.write() as session:
        conn = session.connection()
        old = conn.execute(select(DeskState.client_id).where(DeskState.id == 1)).scalar_one()
        seqs = list(
            conn.execute(select(PendingMutation.seq).order_by(PendingMutation.seq)).scalars()
        )
        if is_sqlite(conn.engine):
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        # The i-th smallest number is >= i, so renumbering in ascending order never
        # lands on a number still in use.
        for number, seq in enumerate(seqs, start=1):
            if seq != number:
                conn.execute(update(RowBefore).where(RowBefore.seq == seq).values(seq=number))
                conn.execute(
                    update(PendingMutation).where(PendingMutation.seq == seq).values(seq=number)
                )
        last = len(seqs)
        conn.execute(update(PendingMutation).values(client_id=new))
        conn.execute(
            update(DeskState).where(DeskState.id == 1).values(client_id=new, next_seq=last + 1)
        )
    log.warning(
        "this database's client id %s was used by another copy: now %s, %d changes renumbered",
        old,
        new,
        last,
    )
    return new
