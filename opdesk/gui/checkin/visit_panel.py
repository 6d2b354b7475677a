"""The check-in panel: who, topics as big toggles (keys 1-5), a note, Ctrl+Enter."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from opdesk.core.mutations.visits import TOPICS, WaitFor
from opdesk.core.services.views import PersonSummary
from opdesk.gui.format import birth_text, local_time, topic_label


class VisitPanel(QWidget):
    """Signals:
    record_requested(object, list, str, object): person id (None: anonymous), topics,
        note, whom they wait for ("volunteer", "counsellor" or None).
    cancelled(): the volunteer went back to the search.
    """

    record_requested = Signal(object, list, str, object)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person: PersonSummary | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel(self)
        self.title.setObjectName("visitTitle")
        self.title.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.notice = QLabel(self)  # someone already in the queue: a second visit?
        self.notice.setObjectName("visitNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.topic_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for number, topic in enumerate(TOPICS, start=1):
            button = QPushButton(f"&{number}  {topic_label(topic)}", self)
            button.setCheckable(True)
            button.setObjectName("topicButton")
            button.setAccessibleName(topic_label(topic))
            button.setMinimumHeight(48)
            grid.addWidget(button, (number - 1) // 3, (number - 1) % 3)
            self.topic_buttons[topic] = button
        self.wait_group = QButtonGroup(self)
        self.wait_buttons: dict[WaitFor | None, QPushButton] = {
            None: QPushButton(self.tr("Not waiting"), self),
            "volunteer": QPushButton(self.tr("&Volunteer (V)"), self),
            "counsellor": QPushButton(self.tr("C&ounsellor (O)"), self),
        }
        waits = QHBoxLayout()
        waits.addWidget(QLabel(self.tr("Waits for:"), self))
        for button in self.wait_buttons.values():
            button.setCheckable(True)
            button.setObjectName("topicButton")
            self.wait_group.addButton(button)
            waits.addWidget(button)
        note_label = QLabel(self.tr("&Note (optional)"), self)
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        note_label.setBuddy(self.note)
        self.record = QPushButton(self.tr("Record visit (Ctrl+Enter)"), self)
        self.record.setObjectName("primaryButton")
        self.record.setMinimumHeight(48)
        self.cancel = QPushButton(self.tr("Back (Esc)"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.record)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.notice)
        layout.addLayout(grid)
        layout.addLayout(waits)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.record.clicked.connect(self._record)
        self.cancel.clicked.connect(self.cancelled.emit)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._record)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancelled.emit)

    def start(self, person: PersonSummary | None, waiting_since: datetime | None = None) -> None:
        """Open the panel for a person, or for an anonymous visit (None); ``waiting_since``:
        they are in the queue already (checked in twice by mistake, most often)."""
        self.person = person
        if waiting_since is not None:
            self.notice.setText(
                self.tr(
                    "Already waiting, since {time}: record another visit only if they came back."
                ).format(time=local_time(waiting_since))
            )
        self.notice.setVisible(waiting_since is not None)
        for button in self.topic_buttons.values():
            button.setChecked(False)
        self.wait_buttons[None].setChecked(True)
        self.note.clear()
        if person is None:
            self.title.setText(self.tr("Anonymous visit"))
            self.details.setText(self.tr("Nobody's name is recorded: only the topics."))
        else:
            self.title.setText(person.display_name)
            parts = [birth_text(person), person.residence_comune or ""]
            self.details.setText("  ·  ".join(p for p in parts if p))
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Digits toggle topics, V and O choose the queue: unless the note takes the key."""
        text = event.text().lower()
        if text in {"1", "2", "3", "4", "5"}:
            list(self.topic_buttons.values())[int(text) - 1].toggle()
        elif text in {"v", "o"}:
            wanted: WaitFor = "volunteer" if text == "v" else "counsellor"
            button = self.wait_buttons[wanted]
            (self.wait_buttons[None] if button.isChecked() else button).setChecked(True)
        else:
            super().keyPressEvent(event)

    def wait_for(self) -> WaitFor | None:
        return next((k for k, b in self.wait_buttons.items() if b.isChecked()), None)

    def selected_topics(self) -> list[str]:
        return [t for t, b in self.topic_buttons.items() if b.isChecked()]

    def _record(self) -> None:
        person_id = self.person.id if self.person else None
        self.record_requested.emit(
            person_id, self.selected_topics(), self.note.toPlainText(), self.wait_for()
        )
