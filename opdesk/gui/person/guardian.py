"""For a minor: the parent or guardian, an existing person picked by name."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from opdesk.core.services.desk import Desk
from opdesk.core.services.views import PersonSummary
from opdesk.gui.format import birth_text
from opdesk.gui.person.picker import PersonPicker
from opdesk.gui.worker import DbWorker


class GuardianBox(QWidget):
    """Signals:
    changed(): a guardian was chosen or cleared.
    """

    changed = Signal()

    def __init__(self, desk: Desk, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guardian: PersonSummary | None = None
        title = QLabel(self.tr("Under 18: parent or guardian"), self)
        title.setObjectName("sectionTitle")
        note = QLabel(
            self.tr(
                "Required for a minor. The parent or guardian must already be registered: "
                "find them by name."
            ),
            self,
        )
        note.setWordWrap(True)
        self.picker = PersonPicker(desk, worker, self.tr("Parent or g&uardian"), self)
        self.picker.set_accessible_name(self.tr("Search the parent or guardian"))
        self.chosen = QLabel(self)
        self.chosen.setWordWrap(True)
        self.change = QPushButton(self.tr("Change"), self)
        self.change.setAccessibleName(self.tr("Choose another parent or guardian"))
        chosen_row = QHBoxLayout()
        chosen_row.addWidget(self.chosen, 1)
        chosen_row.addWidget(self.change)
        self.error = QLabel(self)
        self.error.setProperty("role", "fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.picker)
        layout.addLayout(chosen_row)
        layout.addWidget(self.error)
        self.picker.picked.connect(self.choose)
        self.change.clicked.connect(lambda: self.choose(None))
        self._update()

    def choose(self, person: PersonSummary | None) -> None:
        self.guardian = person
        self._update()
        self.set_error(None)
        if person is None:
            self.picker.setFocus()
        else:
            self.change.setFocus()
        self.changed.emit()

    def _update(self) -> None:
        person = self.guardian
        self.picker.setVisible(person is None)
        self.chosen.setVisible(person is not None)
        self.change.setVisible(person is not None)
        if person is not None:
            parts = [person.display_name, birth_text(person), person.residence_comune or ""]
            self.chosen.setText(
                self.tr("Parent or guardian: {person}").format(
                    person="  ·  ".join(p for p in parts if p)
                )
            )

    def set_error(self, text: str | None) -> None:
        self.error.setText(text or "")
        self.error.setVisible(bool(text))
