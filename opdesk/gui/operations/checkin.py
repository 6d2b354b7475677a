"""Operations of the check-in screen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from opdesk.core.services.desk import Desk
from opdesk.core.services.search import SearchHit
from opdesk.core.services.views import VisitView
from opdesk.gui.operations.base import Op
from opdesk.gui.worker import DbWorker


def search_op(worker: DbWorker, desk: Desk, query: str, parent: QWidget) -> Op[list[SearchHit]]:
    return Op(worker, lambda: desk.search(query, limit=12), parent)


def check_in_op(
    worker: DbWorker,
    desk: Desk,
    parent: QWidget,
    *,
    person_id: str | None,
    topics: Sequence[str],
    note: str | None,
) -> Op[str]:
    return Op(
        worker, lambda: desk.visits.check_in(person_id, topics=tuple(topics), note=note), parent
    )


def undo_check_in_op(worker: DbWorker, desk: Desk, parent: QWidget, visit_id: str) -> Op[None]:
    return Op(worker, lambda: desk.visits.undo_check_in(visit_id), parent)


def todays_visits_op(worker: DbWorker, desk: Desk, parent: QWidget) -> Op[list[VisitView]]:
    return Op(worker, lambda: desk.visits.todays_visits(), parent)
