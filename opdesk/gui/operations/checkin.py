"""Operations of the check-in screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QWidget

from opdesk.core.mutations.visits import WaitFor
from opdesk.core.services.desk import Desk
from opdesk.core.services.search import SearchHit
from opdesk.core.services.views import QueueEntry, VisitView
from opdesk.gui.operations.base import Op
from opdesk.gui.worker import DbWorker


def search_op(
    worker: DbWorker,
    desk: Desk,
    query: str,
    parent: QWidget,
    wanted: Callable[[], bool] = lambda: True,
) -> Op[list[SearchHit] | None]:
    """The search, unless it is no longer ``wanted`` when its turn comes (None): typing
    fast queues a search per key, and only the latest text is worth the database."""

    def search() -> list[SearchHit] | None:
        return desk.search(query, limit=12) if wanted() else None

    return Op(worker, search, parent)


def check_in_op(
    worker: DbWorker,
    desk: Desk,
    parent: QWidget,
    *,
    person_id: str | None,
    topics: Sequence[str],
    note: str | None,
    wait_for: WaitFor | None = None,
) -> Op[str]:
    def record() -> str:
        return desk.visits.check_in(person_id, topics=tuple(topics), note=note, wait_for=wait_for)

    return Op(worker, record, parent)


def undo_check_in_op(worker: DbWorker, desk: Desk, parent: QWidget, visit_id: str) -> Op[None]:
    return Op(worker, lambda: desk.visits.undo_check_in(visit_id), parent)


def todays_visits_op(worker: DbWorker, desk: Desk, parent: QWidget) -> Op[list[VisitView]]:
    return Op(worker, lambda: desk.visits.todays_visits(), parent)


def waiting_queue_op(worker: DbWorker, desk: Desk, parent: QWidget) -> Op[list[QueueEntry]]:
    return Op(worker, lambda: desk.visits.waiting_queue(), parent)


def call_visitor_op(worker: DbWorker, desk: Desk, parent: QWidget, visit_id: str) -> Op[None]:
    return Op(worker, lambda: desk.visits.call_visitor(visit_id), parent)


def finish_waiting_op(
    worker: DbWorker, desk: Desk, parent: QWidget, visit_id: str, *, left: bool
) -> Op[None]:
    return Op(worker, lambda: desk.visits.finish_waiting(visit_id, left=left), parent)
