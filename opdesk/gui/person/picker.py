"""Finding an existing person by a few letters: for a guardian, or a merge."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget
from shiboken6 import isValid

from opdesk.core.services.desk import Desk
from opdesk.core.services.search import SearchHit
from opdesk.core.services.views import PersonSummary
from opdesk.gui.checkin.models import SearchResultsModel
from opdesk.gui.person.operations import find_people_op
from opdesk.gui.worker import DbWorker

DEBOUNCE_MS = 120


class PersonPicker(QWidget):
    """A search field and its results; Enter (or a double click) picks a person.

    Signals:
        picked(object): the PersonSummary chosen.
    """

    picked = Signal(object)

    def __init__(
        self, desk: Desk, worker: DbWorker, label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk, self.worker = desk, worker
        self.excluded: set[str] = set()
        self.label = QLabel(label, self)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("A few letters of the name…"))
        self.field.setClearButtonEnabled(True)
        self.label.setBuddy(self.field)
        self.model = SearchResultsModel(self)
        self.results = QListView(self)
        self.results.setModel(self.model)
        self.results.setAccessibleName(self.tr("People found"))
        self.results.setUniformItemSizes(True)
        self.results.setMaximumHeight(150)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.field)
        layout.addWidget(self.results)
        layout.addWidget(self.hint)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.installEventFilter(self)
        self.results.activated.connect(lambda index: self._pick(index.row()))
        self._searched = ""
        self.results.hide()
        self.hint.hide()
        self.setFocusProxy(self.field)

    def set_accessible_name(self, name: str) -> None:
        self.field.setAccessibleName(name)

    def searching(self) -> bool:
        return self._timer.isActive() or self._searched != self.field.text()

    def _search(self) -> None:
        query = self.field.text()
        if not query.strip():
            self._show(query, [])
            return
        find_people_op(self.worker, self.desk, query, self).success(
            lambda hits: self._show(query, hits)
        ).run()

    def _show(self, query: str, hits: list[SearchHit]) -> None:
        if not isValid(self) or query != self.field.text():
            return  # closed meanwhile, or an older text
        self._searched = query
        hits = [h for h in hits if h.person.id not in self.excluded]
        self.model.set_hits(hits)
        self.results.setVisible(bool(hits))
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
            self.hint.setText(self.tr("↑↓ to choose, Enter to pick."))
        elif query.strip():
            self.hint.setText(self.tr("Nobody found with these letters."))
        else:
            self.hint.clear()
        self.hint.setVisible(bool(self.hint.text()))

    def _pick(self, row: int) -> None:
        person: PersonSummary | None = self.model.person(row)
        if person is not None:
            self.picked.emit(person)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            rows = self.model.rowCount()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and rows:
                step = -1 if key == Qt.Key.Key_Up else 1
                row = min(max(self.results.currentIndex().row() + step, 0), rows - 1)
                self.results.setCurrentIndex(self.model.index(row, 0))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if rows and not self.searching():
                    self._pick(max(self.results.currentIndex().row(), 0))
                return True
        return super().eventFilter(watched, event)
