"""Conflicting field edits: another desk changed a field that this desk's edit changes too.

An edit carries the values it replaced. When HQ's row no longer holds one of them (and
does not already hold the new value), another desk changed that field meanwhile. The
desk's edit wins by default: it is put on top of HQ's value (``replaced`` rewritten to
it) and stays queued, and a conflict records both values so that a person can keep the
edit or restore the other value. Nothing is dropped silently.

Two ways to meet one, both at the end of a pull:
- the edit is still pending (made during the pull): it is rebased where it is replayed;
- HQ already refused it as an edit conflict (it was pushed before the pull brought the
  other desk's value): it is queued again, rebased, as a new change of this desk.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from opdesk.core.clock import new_id
from opdesk.core.errors import DomainError, EditConflict, Reason
from opdesk.core.mutations.base import SCHEMA_VERSION, ApplyContext, Mutation
from opdesk.core.mutations.envelope import Envelope
from opdesk.core.mutations.log import append_pending, apply_tracked, claim_seq
from opdesk.core.mutations.people import UpdatePerson, current_fields
from opdesk.storage.models import Person
from opdesk.storage.rows import to_json_value

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FieldConflict:
    seq: int  # the desk's change that wins by default
    person_id: str
    field: str
    mine: Any  # the desk's value (JSON)
    theirs: Any  # the value another desk wrote, now HQ's (JSON)


def rebase_edit(
    session: Session, seq: int, mutation: Mutation
) -> tuple[Mutation, list[FieldConflict]]:
    """``mutation`` put on top of the row as it is now, and the fields it overrides."""
    if not isinstance(mutation, UpdatePerson):
        return mutation, []
    return _rebase(session, seq, mutation)


def _rebase(
    session: Session, seq: int, mutation: UpdatePerson
) -> tuple[UpdatePerson, list[FieldConflict]]:
    person = ApplyContext(session=session, actor_user_id=None).person(mutation.person_id)
    fields = current_fields(person)
    current = {k: to_json_value(v) for k, v in fields.items()}
    try:  # the desk's values as they will be stored ("333 1234567" -> "+393331234567")
        wanted, _national = mutation.result(fields)
        mine_stored = {k: to_json_value(v) for k, v in wanted.model_dump().items()}
    except DomainError:
        mine_stored = dict(mutation.changes)
    replaced = dict(mutation.replaced)
    found = []
    for name, mine in mutation.changes.items():
        theirs = current.get(name)
        if theirs in (replaced.get(name), mine):
            continue
        replaced[name] = theirs
        stored = mine_stored.get(name, mine)
        if stored != theirs:  # both wrote the same value: no conflict to decide
            found.append(FieldConflict(seq, person.id, name, stored, theirs))
    if replaced == mutation.replaced:
        return mutation, []
    return mutation.model_copy(update={"replaced": replaced}), found


def requeue_refused_edits(
    session: Session, refused: dict[int, tuple[Envelope, Reason]], later: list[Envelope]
) -> tuple[set[int], list[FieldConflict]]:
    """Queue again, rebased on HQ's row, the edits HQ refused as edit conflicts. Returns
    the seqs taken care of (no rejection problem for them) and the conflicts.

    A field a later change of this desk sets again is left to that change."""
    handled: set[int] = set()
    conflicts: list[FieldConflict] = []
    edits = [
        (seq, envelope)
        for seq, (envelope, why) in sorted(refused.items())
        if envelope.name == UpdatePerson.name and why.message == EditConflict.MESSAGE
    ]
    following = later + [envelope for _seq, envelope in edits]
    for seq, envelope in edits:
        try:
            with session.begin_nested():
                edit = UpdatePerson.model_validate(envelope.args)
                ctx = ApplyContext(session=session, actor_user_id=envelope.actor_user_id)
                person_id = ctx.person_id(edit.person_id)
                again = _set_later(session, person_id, seq, following)
                changes = {k: v for k, v in edit.changes.items() if k not in again}
                edit = edit.model_copy(
                    update={
                        "changes": changes,
                        "replaced": {k: edit.replaced.get(k) for k in changes},
                    }
                )
                rebased, found = _rebase(session, seq, edit)
                if _changes_anything(rebased, ctx.person(person_id)):
                    _queue(session, rebased, envelope)
        except (DomainError, ValidationError) as exc:
            log.warning("a refused edit cannot be queued again: %s", type(exc).__name__)
            continue  # it stays a rejection problem
        handled.add(seq)
        conflicts += found
    return handled, conflicts


def _changes_anything(edit: UpdatePerson, person: Person) -> bool:
    current = current_fields(person)
    try:
        wanted, _national = edit.result(current)
    except DomainError:
        return True  # let applying it say why not
    after = wanted.model_dump()
    return any(to_json_value(after.get(k)) != to_json_value(current.get(k)) for k in edit.changes)


def _set_later(session: Session, person_id: str, seq: int, following: list[Envelope]) -> set[str]:
    """Fields of ``person_id`` that this desk's changes after ``seq`` set again."""
    fields: set[str] = set()
    ctx = ApplyContext(session=session, actor_user_id=None)
    for envelope in following:
        if envelope.seq <= seq or envelope.name != UpdatePerson.name:
            continue
        target = envelope.args.get("person_id")
        try:
            same = isinstance(target, str) and ctx.person_id(target) == person_id
        except DomainError:
            same = False
        if same:
            fields |= set(envelope.args.get("changes", {}))
    return fields


def _queue(session: Session, edit: UpdatePerson, refused: Envelope) -> None:
    tracker = apply_tracked(session, edit, refused.actor_user_id)
    client_id, seq = claim_seq(session)
    envelope = Envelope(
        mutation_id=new_id(),
        client_id=client_id,
        seq=seq,
        name=edit.name,
        schema_version=SCHEMA_VERSION,
        actor_user_id=refused.actor_user_id,
        device_time=refused.device_time,
        args=edit.args(),
    )
    append_pending(session, envelope, tracker)
    session.flush()
    log.info("refused edit #%d queued again as #%d, over HQ's values", refused.seq, seq)
