"""Checking people in, undoing a mistaken check-in, and today's visits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select

from opdesk.core.clock import rome_day_bounds
from opdesk.core.errors import DomainError
from opdesk.core.mutations.queue import CallVisitor, FinishWaiting
from opdesk.core.mutations.visits import CheckIn, UndoCheckIn, WaitFor, decode_topics
from opdesk.core.services.context import DeskContext
from opdesk.core.services.views import QueueEntry, VisitView
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.storage.models import Person, Visit


class VisitService:
    def __init__(self, desk: DeskContext) -> None:
        self.desk = desk

    def _site(self, site_id: str | None) -> str:
        chosen = site_id or self.desk.site_id
        if chosen is None:
            raise DomainError(
                QT_TRANSLATE_NOOP("errors", "This desk has no site yet: choose one first.")
            )
        return chosen

    def check_in(
        self,
        person_id: str | None,
        *,
        topics: Sequence[str] = (),
        note: str | None = None,
        site_id: str | None = None,
        wait_for: WaitFor | None = None,
    ) -> str:
        """Record a visit (``person_id`` None: anonymous); returns the visit id."""
        visit_id = self.desk.ids()
        self.desk.run(
            CheckIn(
                visit_id=visit_id,
                person_id=person_id,
                site_id=self._site(site_id),
                visited_at=self.desk.clock(),
                topics=tuple(topics),
                note=note,
                wait_for=wait_for,
            )
        )
        return visit_id

    def undo_check_in(self, visit_id: str) -> None:
        self.desk.run(UndoCheckIn(visit_id=visit_id, undone_at=self.desk.clock()))

    def call_visitor(self, visit_id: str) -> None:
        self.desk.run(CallVisitor(visit_id=visit_id, called_at=self.desk.clock()))

    def finish_waiting(self, visit_id: str, *, left: bool = False) -> None:
        outcome = "left" if left else "served"
        self.desk.run(
            FinishWaiting(visit_id=visit_id, finished_at=self.desk.clock(), outcome=outcome)
        )

    def _day_at_site(
        self, site_id: str | None, now: datetime | None, *conditions: Any
    ) -> list[tuple[Visit, str | None]]:
        """The day's visits at the site (Rome calendar day), with the visitor's name."""
        start, end = rome_day_bounds(now or self.desk.clock())
        with self.desk.db.read() as session:
            rows = session.execute(
                select(Visit, Person.given_name, Person.family_name)
                .outerjoin(Person, Person.id == Visit.person_id)
                .where(
                    Visit.site_id == self._site(site_id),
                    Visit.visited_at >= start,
                    Visit.visited_at < end,
                    Visit.deleted.is_(False),
                    *conditions,
                )
                .order_by(Visit.visited_at)
            ).all()
        return [(v, " ".join(n for n in (family, given) if n) or None) for v, given, family in rows]

    def waiting_queue(self, site_id: str | None = None) -> list[QueueEntry]:
        """Who is waiting (or called) at this site today, longest waiting first."""
        waiting = Visit.queue_state.in_(("waiting", "called"))
        return [
            QueueEntry(
                visit_id=v.id,
                person_id=v.person_id,
                person_name=name,
                waiting_for=v.waiting_for or "volunteer",
                state=v.queue_state or "waiting",
                since=v.visited_at,
                called_at=v.called_at,
            )
            for v, name in self._day_at_site(site_id, None, waiting)
        ]

    def todays_visits(
        self, site_id: str | None = None, *, now: datetime | None = None
    ) -> list[VisitView]:
        """The visits of the Rome calendar day at this site, newest first."""
        return [
            VisitView(
                id=v.id,
                person_id=v.person_id,
                person_name=name,
                site_id=v.site_id,
                visited_at=v.visited_at,
                topics=decode_topics(v.topics),
                note=v.note,
            )
            for v, name in reversed(self._day_at_site(site_id, now))
        ]
