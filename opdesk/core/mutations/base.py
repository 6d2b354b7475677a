"""What a mutation is, the registry of them, and the context one is applied in.

A mutation is a named domain action with plain arguments. It is deterministic: ids and
times are arguments, never made inside, so the desk and HQ reach the same rows from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, field_validator, model_validator
from pydantic import ValidationError as PydanticError
from sqlalchemy import Connection, event, select, text
from sqlalchemy.orm import Session

from opdesk.core.clock import ROME
from opdesk.core.errors import (
    DomainError,
    FieldError,
    IndexOnly,
    InvalidMutation,
    NotFound,
    ValidationFailed,
)
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.storage.models import Person, Site, Synced
from opdesk.storage.rows import KNOWN_SITES, TRACKER_KEY, ChangeTracker
from opdesk.storage.sizes import overlong

SCHEMA_VERSION = 1
# The times a change carries (when it was made): with their offset, and far enough from
# the ends of the calendar that converting them to UTC or to Rome's time cannot fail.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)

M = TypeVar("M", bound=Synced)


class Mutation(BaseModel):
    """Subclasses set ``name`` and implement ``apply``; their fields are the arguments."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: ClassVar[str]
    # Privileged mutations (merges, user changes, erasure) need a role HQ checks online.
    privileged: ClassVar[bool] = False

    @model_validator(mode="before")
    @classmethod
    def _without_control_characters(cls, data: Any) -> Any:
        """Text pasted from elsewhere can carry invisible control characters (a NUL byte
        that PostgreSQL refuses): they are dropped, line breaks and tabs kept."""
        return _clean(data)

    @field_validator("*", mode="after")
    @classmethod
    def _a_time_with_its_offset(cls, value: Any) -> Any:
        if isinstance(value, datetime):
            if value.utcoffset() is None:
                raise ValueError("a time without its UTC offset")
            if not EARLIEST <= value <= LATEST:
                raise ValueError("a time out of range")
        return value

    def apply(self, ctx: ApplyContext) -> None:
        raise NotImplementedError

    def args(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _CONTROL.sub("", value)
    if isinstance(value, dict):  # keys too: a refusal names unknown ones
        return {_clean(key): _clean(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_clean(item) for item in value)
    if isinstance(value, BaseModel):
        return value.model_copy(update=_clean(dict(value)))
    return value


@event.listens_for(Session, "before_flush")
def _texts_fit_their_columns(session: Session, _context: Any, _instances: Any) -> None:
    """Every change, at the desk and at HQ: a text longer than its column is refused
    with the field's name (a desk on SQLite would keep it, and HQ on PostgreSQL refuse
    it at every sync, holding up the changes behind it)."""
    too_long = overlong(session)
    if too_long:
        raise ValidationFailed(
            [
                FieldError(
                    key,
                    QT_TRANSLATE_NOOP("errors", "Too long: at most {max} characters."),
                    {"max": limit},
                )
                for key, limit in too_long
            ]
        )


REGISTRY: dict[str, type[Mutation]] = {}


def register(cls: type[Mutation]) -> type[Mutation]:
    if cls.name in REGISTRY:
        raise ValueError(f"mutation {cls.name} registered twice")
    REGISTRY[cls.name] = cls
    return cls


def parse_mutation(name: str, args: Any) -> Mutation:
    """A mutation from its name and JSON arguments; InvalidMutation for anything else."""
    cls = REGISTRY.get(name)
    if cls is None:
        raise InvalidMutation(name, "unknown name")
    if not isinstance(args, dict):
        raise InvalidMutation(name, "arguments are not an object")
    try:
        return cls.model_validate(args)
    except PydanticError as exc:
        fields = ", ".join(".".join(str(p) for p in err["loc"]) for err in exc.errors())
        raise InvalidMutation(name, f"bad arguments: {fields}") from None


@dataclass
class ApplyContext:
    """What a mutation may touch: one session inside one transaction, and who asked."""

    session: Session
    actor_user_id: str | None
    # False where the database's own unique keys are trusted to refuse a reused id (a
    # push at HQ applied optimistically, then again carefully if anything refuses): a
    # round trip saved per row made. The rule itself stays ``require_new``'s.
    check_new_ids: bool = True

    def load(self, model: type[M], row_id: str) -> M | None:
        """The row as it is now, held until the transaction ends where several writers
        run at once (HQ on PostgreSQL): the rule that checks it and the write that changes
        it see the same version of it. A plain read under READ COMMITTED saw the row as it
        was before another desk's push committed, and overwrote that push's change (two
        edits of one phone number: the first lost, and nobody told; two merges of one pair
        both ways: a loop). SQLite's writers already take turns."""
        if self.session.get_bind().dialect.name != "postgresql" or self._made_here(model, row_id):
            return self.session.get(model, row_id)
        if self.session.dirty:  # reloaded below: nothing of this mutation may be lost
            self.session.flush()
        return self.session.get(model, row_id, with_for_update=True, populate_existing=True)

    def _made_here(self, model: type[M], row_id: str) -> bool:
        """Made by this mutation (a registration's person, for its consents): no other
        transaction can see it, so there is nothing to wait for or read again. Written
        out, it is then found in the session (a round trip less per registration)."""
        tracker: ChangeTracker | None = self.session.info.get(TRACKER_KEY)
        key = (model.__tablename__, row_id)
        inserted = tracker is not None and key in tracker.before and tracker.before[key] is None
        if not inserted and not any(
            isinstance(o, model) and o.id == row_id for o in self.session.new
        ):
            return False
        self.session.flush()
        return True

    def get(self, model: type[M], row_id: str, what: str) -> M:
        row = self.load(model, row_id)
        if row is None or row.deleted:
            raise NotFound(what, row_id)
        return row

    def _core(self) -> Connection:
        """The connection, for checks that need no ORM object (a third of the cost on the
        check-in path); what the mutation added so far is flushed first, as autoflush would."""
        if self.session.new or self.session.dirty or self.session.deleted:
            self.session.flush()
        return self.session.connection()

    def exists(self, model: type[Synced], row_id: str) -> bool:
        found = self._core().execute(select(model.id).where(model.id == row_id)).first()
        return found is not None

    def require(self, model: type[Synced], row_id: str, what: str) -> None:
        """That the row exists and is not deleted, without loading it."""
        found = (
            self._core()
            .execute(select(model.id).where(model.id == row_id, model.deleted.is_(False)))
            .first()
        )
        if found is None:
            raise NotFound(what, row_id)

    def require_site(self, site_id: str) -> None:
        """That the site exists and is open: looked up once per transaction (a push at
        HQ applies a hundred check-ins at the same few sites), again after any write
        to a site or any rollback (``opdesk.storage.rows`` forgets what was seen)."""
        known: set[str] = self.session.info.setdefault(KNOWN_SITES, set())
        if site_id not in known:
            self.require(Site, site_id, QT_TRANSLATE_NOOP("errors", "site"))
            known.add(site_id)

    def person_id(self, person_id: str) -> str:
        """The id of the person, following merges, without loading the rows (hot path)."""
        seen: set[str] = set()
        current = person_id
        while True:
            query = select(Person.merged_into_id).where(
                Person.id == current, Person.deleted.is_(False)
            )
            row = self._core().execute(query).first()
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "person"), current)
            seen.add(current)
            if row.merged_into_id is None or row.merged_into_id in seen:
                return current
            current = row.merged_into_id

    def person(self, person_id: str) -> Person:
        """The person, following merges to the one that was kept."""
        person = self.get(Person, person_id, QT_TRANSLATE_NOOP("errors", "person"))
        seen = {person.id}
        while person.merged_into_id is not None:
            person = self.get(Person, person.merged_into_id, QT_TRANSLATE_NOOP("errors", "person"))
            if person.id in seen:  # pragma: no cover - merge_people refuses cycles
                raise DomainError(QT_TRANSLATE_NOOP("errors", "These people are merged in a loop."))
            seen.add(person.id)
        return person

    def guard(self, resource: str) -> None:
        """Before checking then changing a shared resource (a counsellor's hour): no other
        mutation guarding the same name runs meanwhile, until this one's transaction
        ends. HQ applies several desks' pushes at once on PostgreSQL, where this is an
        advisory lock; SQLite writers (a desk, a one-machine HQ) already take turns."""
        conn = self._core()
        if conn.dialect.name == "postgresql":
            conn.execute(
                text("SELECT pg_advisory_xact_lock(hashtextextended(:resource, 0))"),
                {"resource": resource},
            )

    def full_person(self, person_id: str) -> Person:
        """The person (following merges), whose full record must be here to change it."""
        person = self.person(person_id)
        if person.index_only:
            raise IndexOnly()
        return person

    def require_new(self, model: type[Synced], row_id: str) -> None:
        if self.check_new_ids and self.exists(model, row_id):
            raise DomainError(
                QT_TRANSLATE_NOOP("errors", "This record was already saved ({ident})."),
                ident=row_id,
            )


def rome_date(moment: datetime) -> Any:
    return moment.astimezone(ROME).date()
