"""After a pull: people this desk registered who look like someone another desk registered
while they were apart (HQ accepts both registrations and never refuses one). Each pair
becomes a problem to merge or to dismiss; a dismissed pair is not raised again.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from pydantic import ValidationError
from sqlalchemy import or_, select

from opdesk.core.mutations.people import current_fields
from opdesk.core.mutations.problems import DUPLICATE
from opdesk.core.rules.person import PersonFields
from opdesk.core.services.duplicates import find_duplicates
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.storage.engine import Database
from opdesk.storage.models import Person, SyncProblem

log = logging.getLogger(__name__)

LOOKS_LIKE = QT_TRANSLATE_NOOP(
    "errors", "This person may have been registered at another desk too: {reasons}."
)


def pair_subject(one: str, other: str) -> str:
    return "duplicate:" + ":".join(sorted((one, other)))


def flag_duplicates(db: Database, registered: Sequence[str], *, since: int, now: datetime) -> int:
    """``registered``: this desk's registrations HQ has just taken. A look-alike counts
    when its row came from HQ after the server cursor ``since`` (it was not at this desk
    when the volunteer registered, so nobody was warned). Returns how many were raised."""
    ours = set(registered)
    found: list[tuple[str, str, tuple[str, ...]]] = []
    for person_id in registered:
        with db.read() as session:
            person = session.get(Person, person_id)
            if person is None or person.deleted or person.merged_into_id is not None:
                continue
            try:
                fields = PersonFields.model_validate(current_fields(person))
            except ValidationError:
                continue
        candidates = [
            c for c in find_duplicates(db, fields, exclude_id=person_id) if c.person.id not in ours
        ]
        if not candidates:
            continue
        with db.read() as session:
            arrived = set(
                session.scalars(
                    select(Person.id).where(
                        Person.id.in_([c.person.id for c in candidates]), Person.version > since
                    )
                )
            )
        found += [(person_id, c.person.id, c.reasons) for c in candidates if c.person.id in arrived]
    if not found:
        return 0
    raised = 0
    with db.write() as session:
        for person_id, other_id, reasons in found:
            subject = pair_subject(person_id, other_id)
            if session.scalar(select(SyncProblem.id).where(SyncProblem.subject == subject)):
                continue  # raised before, maybe dismissed: once is enough
            session.add(
                SyncProblem(
                    kind=DUPLICATE,
                    seq=0,
                    name="register_person",
                    args={"person_id": person_id},
                    reason=LOOKS_LIKE,
                    params={"reasons": ", ".join(reasons)},
                    detail={"person_id": person_id, "other_id": other_id, "reasons": reasons},
                    subject=subject,
                    created_at=now,
                    dependents=0,
                )
            )
            session.flush()
            raised += 1
    log.info("%d people this desk registered may be registered elsewhere too", raised)
    return raised


def settle_duplicates(db: Database, *, now: datetime) -> int:
    """Close the suspected duplicates already merged (here or at another desk)."""
    is_open = (SyncProblem.kind == DUPLICATE, SyncProblem.resolved_at.is_(None))
    with db.read() as session:  # most syncs have none: no write for them
        if session.scalar(select(SyncProblem.id).where(*is_open).limit(1)) is None:
            return 0
    with db.write() as session:
        open_ones = session.scalars(select(SyncProblem).where(*is_open)).all()
        ids = {i for p in open_ones for i in (p.detail or {}).values() if isinstance(i, str)}
        gone = set(
            session.scalars(
                select(Person.id).where(
                    Person.id.in_(ids),
                    or_(Person.merged_into_id.is_not(None), Person.deleted.is_(True)),
                )
            )
        )
        settled = 0
        for problem in open_ones:
            detail = problem.detail or {}
            if {detail.get("person_id"), detail.get("other_id")} & gone:
                problem.resolved_at = now
                settled += 1
        return settled
