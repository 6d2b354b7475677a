"""Mutations of the waiting queue: call the next visitor, then mark them seen or gone."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from opdesk.core.errors import DomainError
from opdesk.core.mutations.base import ApplyContext, Mutation, register
from opdesk.core.mutations.envelope import Id
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.storage.models import Visit


def _queued_visit(ctx: ApplyContext, visit_id: str) -> Visit:
    visit = ctx.get(Visit, visit_id, QT_TRANSLATE_NOOP("errors", "visit"))
    if visit.queue_state not in ("waiting", "called"):
        raise DomainError(QT_TRANSLATE_NOOP("errors", "This visitor is no longer waiting."))
    return visit


@register
class CallVisitor(Mutation):
    name = "call_visitor"

    visit_id: Id
    called_at: datetime

    def apply(self, ctx: ApplyContext) -> None:
        visit = _queued_visit(ctx, self.visit_id)
        visit.queue_state = "called"
        visit.called_at = self.called_at


@register
class FinishWaiting(Mutation):
    """The visitor was seen (``served``) or went away before (``left``)."""

    name = "finish_waiting"

    visit_id: Id
    finished_at: datetime
    outcome: Literal["served", "left"] = "served"

    def apply(self, ctx: ApplyContext) -> None:
        visit = _queued_visit(ctx, self.visit_id)
        visit.queue_state = self.outcome
        visit.served_at = self.finished_at
