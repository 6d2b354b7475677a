"""Accoglienza: the screen a volunteer lives in all day."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from opdesk.core.mutations.visits import WaitFor
from opdesk.core.services.desk import Desk
from opdesk.core.services.views import PersonSummary, QueueEntry, VisitView
from opdesk.gui.checkin.queue_panel import QueuePanel
from opdesk.gui.checkin.search_panel import SearchPanel
from opdesk.gui.checkin.today_panel import TodayPanel
from opdesk.gui.checkin.visit_panel import VisitPanel
from opdesk.gui.format import local_time
from opdesk.gui.keys import screen_shortcut
from opdesk.gui.operations.checkin import (
    call_visitor_op,
    check_in_op,
    finish_waiting_op,
    todays_visits_op,
    undo_check_in_op,
    waiting_queue_op,
)
from opdesk.gui.worker import DbWorker

FEEDBACK_MS = 10_000


class CheckInScreen(QWidget):
    """Signals:
    message(str): what just happened, shown above the search for a few seconds.
    data_changed(): visits changed (pending count, other screens).
    new_person_requested(str): open the registration form with this text.
    person_page_requested(object): open the page of this PersonSummary (F3).
    """

    message = Signal(str)
    data_changed = Signal()
    new_person_requested = Signal(str)
    person_page_requested = Signal(object)

    def __init__(self, desk: Desk, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.worker = desk, worker
        self.search = SearchPanel(self)
        self.visit = VisitPanel(self)
        self.today = TodayPanel(self)
        self.queue = QueuePanel(self)
        self.left = QStackedWidget(self)
        self.left.addWidget(self.search)
        self.left.addWidget(self.visit)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("feedback")
        self.feedback.setWordWrap(True)
        self.feedback.hide()
        self._feedback_timer = QTimer(self)
        self._feedback_timer.setSingleShot(True)
        self._feedback_timer.setInterval(FEEDBACK_MS)
        self._feedback_timer.timeout.connect(self.feedback.hide)
        self.message.connect(self._show_feedback)
        left = QVBoxLayout()
        left.addWidget(self.feedback)
        left.addWidget(self.left, 1)
        right = QVBoxLayout()
        right.addWidget(self.queue, 1)
        right.addWidget(self.today, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

        self.search.search_with(worker, desk)
        self.search.person_chosen.connect(self.start_visit)
        self.search.nobody_found.connect(self.new_person_requested.emit)
        self.visit.record_requested.connect(self._record)
        self.visit.cancelled.connect(self.back_to_search)
        self.today.undo_requested.connect(self._confirm_undo)
        self.queue.call_requested.connect(self._call)
        self.queue.served_requested.connect(lambda entry: self._finish(entry, left=False))
        self.queue.left_requested.connect(lambda entry: self._finish(entry, left=True))
        screen_shortcut(self, "F5", self.queue.call.click)
        screen_shortcut(self, "F6", self.queue.served.click)
        screen_shortcut(self, "F8", self.queue.left.click)
        screen_shortcut(self, "F2", lambda: self.start_visit(None))
        screen_shortcut(self, "F3", self._open_page)
        screen_shortcut(
            self, "Ctrl+N", lambda: self.new_person_requested.emit(self.search.field.text())
        )
        screen_shortcut(self, "Ctrl+Z", self.today.undo_selected)
        screen_shortcut(self, "Ctrl+F", lambda: self.back_to_search(clear=False))
        self.refresh_today()

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        if self.left.currentWidget() is self.search:
            self.search.focus_search()

    def _open_page(self) -> None:
        if self.left.currentWidget() is self.visit:
            person = self.visit.person
        else:
            person = self.search.current_person()
        if person is not None:
            self.person_page_requested.emit(person)

    def has_unsaved_visit(self) -> bool:
        """A visit panel with topics or a note that was not recorded."""
        if self.left.currentWidget() is not self.visit:
            return False
        return bool(self.visit.selected_topics() or self.visit.note.toPlainText().strip())

    def _show_feedback(self, text: str) -> None:
        self.feedback.setText(text)
        self.feedback.show()
        self._feedback_timer.start()

    def back_to_search(self, *, clear: bool = True) -> None:
        self.left.setCurrentWidget(self.search)
        self.search.focus_search(clear=clear)

    def start_visit(self, person: PersonSummary | None) -> None:
        waiting = None
        if person is not None:
            waiting = next((e for e in self.queue.model.items if e.person_id == person.id), None)
        self.left.setCurrentWidget(self.visit)
        self.visit.start(person, waiting.since if waiting else None)

    def refresh_today(self) -> None:
        todays_visits_op(self.worker, self.desk, self).success(self.today.set_visits).run()
        waiting_queue_op(self.worker, self.desk, self).success(self.queue.set_entries).run()

    def _call(self, entry: QueueEntry) -> None:
        name = entry.person_name or self.tr("Anonymous visit")

        def done(_none: None) -> None:
            self.message.emit(self.tr("Called: {name}.").format(name=name))
            self.refresh_today()

        call_visitor_op(self.worker, self.desk, self, entry.visit_id).success(done).run()

    def _finish(self, entry: QueueEntry, *, left: bool) -> None:
        def done(_none: None) -> None:
            self.refresh_today()
            self.data_changed.emit()

        finish_waiting_op(self.worker, self.desk, self, entry.visit_id, left=left).success(
            done
        ).run()

    def _record(
        self, person_id: str | None, topics: list[str], note: str, wait_for: WaitFor | None
    ) -> None:
        name = self.visit.person.display_name if self.visit.person else self.tr("Anonymous visit")

        def done(_visit_id: str) -> None:
            self.message.emit(
                self.tr("Visit recorded: {name}. Ctrl+Z undoes it.").format(name=name)
            )
            self.back_to_search()
            self.refresh_today()
            self.data_changed.emit()

        check_in_op(
            self.worker,
            self.desk,
            self,
            person_id=person_id,
            topics=topics,
            note=note or None,
            wait_for=wait_for,
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
