"""Mutations about visits: check in (a person or anonymous) and undo a check-in."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from opdesk.core.errors import DomainError, FieldError, ValidationFailed
from opdesk.core.mutations.base import ApplyContext, Mutation, register
from opdesk.core.mutations.envelope import Id
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.storage.models import Visit

CONTEXT = "errors"
TOPICS = ("casa", "lavoro", "famiglia", "risparmio", "altro")
NOTE_MAX = 4000
WaitFor = Literal["volunteer", "counsellor"]


def encode_topics(topics: tuple[str, ...] | list[str]) -> str:
    return ",".join(t for t in TOPICS if t in topics)


def decode_topics(text: str) -> tuple[str, ...]:
    return tuple(t for t in text.split(",") if t)


@register
class CheckIn(Mutation):
    name = "check_in"

    visit_id: Id
    person_id: Id | None
    site_id: Id
    visited_at: datetime
    topics: tuple[str, ...] = ()
    note: str | None = None
    wait_for: WaitFor | None = None  # joins the waiting queue to be seen by them

    def apply(self, ctx: ApplyContext) -> None:
        ctx.require_new(Visit, self.visit_id)
        errors = []
        unknown = [t for t in self.topics if t not in TOPICS]
        if unknown:
            errors.append(
                FieldError(
                    "topics",
                    QT_TRANSLATE_NOOP("errors", "Unknown topic: {topics}."),
                    {"topics": ", ".join(unknown)},
                )
            )
        note = (self.note or "").strip() or None
        if note and len(note) > NOTE_MAX:
            errors.append(
                FieldError(
                    "note",
                    QT_TRANSLATE_NOOP("errors", "The note is too long (at most {max} characters)."),
                    {"max": NOTE_MAX},
                )
            )
        if errors:
            raise ValidationFailed(errors)
        ctx.require_site(self.site_id)
        person_id = ctx.person_id(self.person_id) if self.person_id else None
        ctx.session.add(
            Visit(
                id=self.visit_id,
                person_id=person_id,
                site_id=self.site_id,
                visited_at=self.visited_at,
                topics=encode_topics(self.topics),
                note=note,
                recorded_by_id=ctx.actor_user_id,
                queue_state="waiting" if self.wait_for else None,
                waiting_for=self.wait_for,
            )
        )


@register
class UndoCheckIn(Mutation):
    """For a visit recorded by mistake: it leaves every list, and the log keeps it."""

    name = "undo_check_in"

    visit_id: Id
    undone_at: datetime

    def apply(self, ctx: ApplyContext) -> None:
        visit = ctx.load(Visit, self.visit_id)
        if visit is None:
            raise DomainError(QT_TRANSLATE_NOOP("errors", "This visit does not exist."))
        if visit.deleted:
            raise DomainError(QT_TRANSLATE_NOOP("errors", "This visit was already undone."))
        visit.deleted = True
        visit.undone_at = self.undone_at
