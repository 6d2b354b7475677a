"""Before saving: people who may be the same, one key to use one of them instead."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from opdesk.core.services.duplicates import DuplicateCandidate
from opdesk.core.services.views import PersonSummary
from opdesk.gui.format import birth_text

MAX_SHOWN = 3


def candidate_text(candidate: DuplicateCandidate) -> str:
    person: PersonSummary = candidate.person
    parts = [person.display_name or "?", birth_text(person), person.residence_comune or ""]
    reasons = ", ".join(QCoreApplication.translate("duplicates", r) for r in candidate.reasons)
    return "  ·  ".join(p for p in parts if p) + f"  —  {reasons}"


class DuplicatesPanel(QFrame):
    """Signals:
    use_existing(object): the PersonSummary to use instead of registering.
    register_anyway(): it is somebody else: register the new person.
    """

    use_existing = Signal(object)
    register_anyway = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#duplicatesPanel { background: #fff4d6; border: 2px solid #b07d00;"
            " border-radius: 4px; }"
        )
        self.candidates: list[DuplicateCandidate] = []
        self.title = QLabel(self.tr("Perhaps already registered:"), self)
        self.title.setObjectName("sectionTitle")
        self.hint = QLabel(
            self.tr("Alt+1…3 uses that person instead; Alt+0 registers a new person."), self
        )
        self.hint.setWordWrap(True)
        self.buttons: list[QPushButton] = []
        self.anyway = QPushButton(self.tr("&0  It's another person: register"), self)
        self.anyway.setAutoDefault(True)
        self.anyway.setStyleSheet("text-align: left;")
        self.anyway.clicked.connect(self.register_anyway.emit)
        self.list_layout = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.list_layout)
        layout.addWidget(self.anyway)
        layout.addWidget(self.hint)
        self.hide()

    def set_candidates(self, candidates: list[DuplicateCandidate]) -> None:
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        self.candidates = candidates[:MAX_SHOWN]
        for number, candidate in enumerate(self.candidates, start=1):
            text = f"&{number}  " + candidate_text(candidate).replace("&", "&&")
            button = QPushButton(text, self)
            button.setStyleSheet("text-align: left;")
            button.setAutoDefault(True)
            button.setAccessibleName(
                self.tr("Use {person} instead").format(person=candidate.person.display_name)
            )
            button.clicked.connect(
                lambda _checked=False, person=candidate.person: self.use_existing.emit(person)
            )
            self.list_layout.addWidget(button)
            self.buttons.append(button)
        self.setVisible(bool(self.candidates))
        if self.buttons:
            self.buttons[0].setFocus()

    def choose(self, number: int) -> None:
        """What Alt+number does: 0 registers anyway, 1..3 use that person."""
        if number == 0:
            self.anyway.click()
        elif 0 < number <= len(self.buttons):
            self.buttons[number - 1].click()

    def clear(self) -> None:
        self.set_candidates([])
