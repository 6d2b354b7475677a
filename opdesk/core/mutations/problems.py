"""The desk's problems inbox, written in the same transaction as the pull that found them
(a refused change leaves the queue only with its problem recorded)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from opdesk.core.errors import Reason
from opdesk.core.mutations.conflicts import FieldConflict
from opdesk.core.mutations.envelope import Envelope
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.storage.models import SyncProblem

CONFLICT = QT_TRANSLATE_NOOP(
    "errors", "Another desk changed {field} too: this desk's value is kept for now."
)
REJECTED, CONFLICTED, DUPLICATE = "rejected", "conflict", "duplicate"


def mentioned_ids(args: object) -> set[str]:
    """Every string in a mutation's arguments: the ids it names among them."""
    if isinstance(args, str):
        return {args}
    if isinstance(args, dict):
        return set().union(*(mentioned_ids(v) for v in args.values())) if args else set()
    if isinstance(args, list | tuple):
        return set().union(*(mentioned_ids(v) for v in args)) if args else set()
    return set()


def record_rejections(
    session: Session,
    rejected: Mapping[int, Reason],
    sent: Mapping[int, Envelope],
    created: Mapping[int, set[str]],
    now: datetime,
) -> int:
    """One problem per refused change; a refused change that needed an earlier refused
    one (a check-in of a refused registration) counts as its dependent, not as another
    problem. ``created``: the ids of the rows each change made. Returns how many."""
    roots: dict[str, SyncProblem] = {}  # an id a refused change made -> its problem
    count = 0
    for seq, why in sorted(rejected.items()):
        envelope = sent.get(seq)
        args = envelope.args if envelope else {}
        root = next((roots[i] for i in mentioned_ids(args) if i in roots), None)
        if root is None:
            root = SyncProblem(
                kind=REJECTED,
                seq=seq,
                name=envelope.name if envelope else "?",
                args=args,
                reason=why.message,
                params=why.params,
                created_at=now,
                dependents=0,
            )
            session.add(root)
            count += 1
        else:
            root.dependents += 1
        for made in created.get(seq, ()):
            roots[made] = root
    return count


def record_conflicts(
    session: Session,
    conflicts: Iterable[FieldConflict],
    sent: Mapping[int, Envelope],
    now: datetime,
) -> int:
    """One open problem per person and field: a newer conflict on it updates that one."""
    count = 0
    for conflict in conflicts:
        subject = f"conflict:{conflict.person_id}:{conflict.field}"
        problem = session.scalars(
            select(SyncProblem).where(
                SyncProblem.subject == subject, SyncProblem.resolved_at.is_(None)
            )
        ).first()
        if problem is None:
            problem = SyncProblem(
                kind=CONFLICTED, subject=subject, reason=CONFLICT, dependents=0, name=""
            )
            session.add(problem)
            count += 1
        envelope = sent.get(conflict.seq)
        problem.seq = conflict.seq
        problem.name = envelope.name if envelope else "update_person"
        problem.args = envelope.args if envelope else {}
        problem.params = {"field": conflict.field}
        problem.detail = {
            "person_id": conflict.person_id,
            "field": conflict.field,
            "mine": conflict.mine,
            "theirs": conflict.theirs,
        }
        problem.created_at = now
    session.flush()
    return count
