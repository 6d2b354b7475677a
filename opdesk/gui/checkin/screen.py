"""Accoglienza: the screen a volunteer lives in all day."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QStackedWidget, QWidget

from opdesk.core.services.desk import Desk
from opdesk.core.services.search import SearchHit
from opdesk.core.services.views import PersonSummary, VisitView
from opdesk.gui.checkin.search_panel import SearchPanel
from opdesk.gui.checkin.today_panel import TodayPanel
from opdesk.gui.checkin.visit_panel import VisitPanel
from opdesk.gui.format import local_time
from opdesk.gui.operations.checkin import (
    check_in_op,
    search_op,
    todays_visits_op,
    undo_check_in_op,
)
from opdesk.gui.worker import DbWorker


class CheckInScreen(QWidget):
    """Signals:
    message(str): a short line for the status bar.
    data_changed(): visits changed (pending count, other screens).
    new_person_requested(str): open the registration form with this text.
    """

    message = Signal(str)
    data_changed = Signal()
    new_person_requested = Signal(str)

    def __init__(self, desk: Desk, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.worker = desk, worker
        self.search = SearchPanel(self)
        self.visit = VisitPanel(self)
        self.today = TodayPanel(self)
        self.left = QStackedWidget(self)
        self.left.addWidget(self.search)
        self.left.addWidget(self.visit)
        layout = QHBoxLayout(self)
        layout.addWidget(self.left, 3)
        layout.addWidget(self.today, 2)

        self.search.query_changed.connect(self._search)
        self.search.person_chosen.connect(self.start_visit)
        self.search.nobody_found.connect(self.new_person_requested.emit)
        self.visit.record_requested.connect(self._record)
        self.visit.cancelled.connect(self.back_to_search)
        self.today.undo_requested.connect(self._confirm_undo)
        self._shortcut("F2", lambda: self.start_visit(None))
        self._shortcut("Ctrl+Z", self.today.undo_selected)
        self._shortcut("Ctrl+F", lambda: self.back_to_search(clear=False))
        self.refresh_today()

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        if self.left.currentWidget() is self.search:
            self.search.focus_search()

    def back_to_search(self, *, clear: bool = True) -> None:
        self.left.setCurrentWidget(self.search)
        self.search.focus_search(clear=clear)

    def start_visit(self, person: PersonSummary | None) -> None:
        self.left.setCurrentWidget(self.visit)
        self.visit.start(person)

    def refresh_today(self) -> None:
        todays_visits_op(self.worker, self.desk, self).success(self.today.set_visits).run()

    def _search(self, query: str) -> None:
        def show(hits: list[SearchHit]) -> None:
            self.search.show_hits(query, hits)

        search_op(self.worker, self.desk, query, self).success(show).run()

    def _record(self, person_id: str | None, topics: list[str], note: str) -> None:
        name = self.visit.person.display_name if self.visit.person else self.tr("Anonymous visit")

        def done(_visit_id: str) -> None:
            self.message.emit(
                self.tr("Visit recorded: {name}. Ctrl+Z undoes it.").format(name=name)
            )
            self.back_to_search()
            self.refresh_today()
            self.data_changed.emit()

        check_in_op(
            self.worker, self.desk, self, person_id=person_id, topics=topics, note=note or None
        ).success(done).run()

    def _confirm_undo(self, visit: VisitView) -> None:
        name = visit.person_name or self.tr("Anonymous visit")
        answer = QMessageBox.question(
            self,
            self.tr("Undo visit"),
            self.tr("Undo the visit of {name} at {time}? It leaves today's list.").format(
                name=name, time=local_time(visit.visited_at)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(_none: None) -> None:
            self.message.emit(self.tr("Visit undone: {name}.").format(name=name))
            self.refresh_today()
            self.data_changed.emit()

        undo_check_in_op(self.worker, self.desk, self, visit.id).success(done).run()
