"""Persone: find a person and open their page (details, household, consents, visits)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QStackedWidget, QVBoxLayout, QWidget

from opdesk.core.services.desk import Desk
from opdesk.core.services.views import PersonSummary
from opdesk.gui.checkin.search_panel import SearchPanel
from opdesk.gui.keys import screen_shortcut
from opdesk.gui.person.new_person import NewPersonDialog
from opdesk.gui.person.page import PersonPage
from opdesk.gui.worker import DbWorker


class PeopleScreen(QWidget):
    """Signals:
    check_in_requested(object): record a visit for this PersonSummary.
    data_changed(): a person was registered, edited or merged.
    """

    check_in_requested = Signal(object)
    data_changed = Signal()

    def __init__(
        self,
        desk: Desk,
        worker: DbWorker,
        templates_dir: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk, self.worker, self.templates_dir = desk, worker, templates_dir
        self.search = SearchPanel(self, opens_page=True)
        self.page = PersonPage(desk, worker, self)
        self.back = QPushButton(self.tr("← Back to the search (Esc)"), self)
        page_box = QWidget(self)
        page_layout = QVBoxLayout(page_box)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        page_layout.addWidget(self.page, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.search)
        self.stack.addWidget(page_box)
        self.page_box = page_box
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self.search.search_with(worker, desk)
        self.search.person_chosen.connect(lambda person: self.open_person(person.id))
        self.search.nobody_found.connect(self.new_person)
        self.back.clicked.connect(self.back_to_search)
        self.page.check_in_requested.connect(self.check_in_requested.emit)
        self.page.data_changed.connect(self.data_changed.emit)
        screen_shortcut(self, "Escape", self.back_to_search)
        screen_shortcut(self, "Ctrl+N", lambda: self.new_person(""))

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        if self.stack.currentWidget() is self.search:
            self.search.focus_search()

    def open_person(self, person_id: str) -> None:
        self.page.show_person(person_id)
        self.stack.setCurrentWidget(self.page_box)
        self.page.setFocus()

    def back_to_search(self) -> None:
        self.stack.setCurrentWidget(self.search)
        self.search.focus_search()

    def new_person(self, text: str) -> NewPersonDialog:
        dialog = new_person_dialog(self.desk, self.worker, self, text, self.templates_dir)

        def ready(person: PersonSummary) -> None:
            self.data_changed.emit()
            self.open_person(person.id)

        dialog.person_ready.connect(ready)
        return dialog


def new_person_dialog(
    desk: Desk, worker: DbWorker, parent: QWidget, text: str, templates_dir: Path | None
) -> NewPersonDialog:
    """Open the registration form (window-modal, not blocking the event loop)."""
    dialog = NewPersonDialog(desk, worker, parent, initial_text=text, templates_dir=templates_dir)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
