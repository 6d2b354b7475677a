"""The search field and its results: type, arrows, Enter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from opdesk.core.services.desk import Desk
from opdesk.core.services.search import SearchHit
from opdesk.core.services.views import PersonSummary
from opdesk.gui.checkin.models import SearchResultsModel
from opdesk.gui.operations.checkin import search_op
from opdesk.gui.worker import DbWorker

NAV_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class SearchPanel(QWidget):
    """Signals:
    query_changed(str): the text to search for (after a keystroke).
    person_chosen(object): Enter on a result; the PersonSummary.
    nobody_found(str): Enter when there is no result; the text typed.
    """

    query_changed = Signal(str)
    person_chosen = Signal(object)
    nobody_found = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, opens_page: bool = False) -> None:
        super().__init__(parent)
        self.opens_page = opens_page  # Enter opens the person's page, not a visit
        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(self.tr("Name, codice fiscale or phone…"))
        self.field.setAccessibleName(self.tr("Search people"))
        self.field.setClearButtonEnabled(True)
        self.model = SearchResultsModel(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setAccessibleName(self.tr("Search results"))
        # A long line (large text, a long comune) wraps at its words instead of running
        # off to the right: every result stays readable without scrolling sideways.
        self.results.setWordWrap(True)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setSpacing(2)  # a wrapped result stays visibly one
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hint = QLabel(self)
        self.hint.setObjectName("searchHint")
        self.hint.setWordWrap(True)
        label = QLabel(self.tr("&Who is here?"), self)
        label.setObjectName("sectionTitle")
        label.setBuddy(self.field)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)

        self.field.textChanged.connect(self._text_changed)
        self.field.installEventFilter(self)
        self.results.doubleClicked.connect(lambda index: self._choose(index.row()))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(0)
        self._debounce.timeout.connect(lambda: self.query_changed.emit(self.field.text()))
        self._searched = ""
        self._update_hint()

    def search_with(self, worker: DbWorker, desk: Desk) -> None:
        """Search ``desk`` on ``worker`` as the text changes; show the results here."""

        latest = {"text": ""}  # read on the worker thread: a newer text skips older ones

        def search(query: str) -> None:
            latest["text"] = query

            def show(hits: list[SearchHit] | None) -> None:
                if hits is not None:
                    self.show_hits(query, hits)

            def wanted() -> bool:
                return latest["text"] == query

            search_op(worker, desk, query, self, wanted).success(show).run()

        self.query_changed.connect(search)

    def focus_search(self, *, clear: bool = False) -> None:
        if clear:
            self.field.clear()
        self.field.setFocus()
        self.field.selectAll()

    def show_hits(self, query: str, hits: list[SearchHit]) -> None:
        """Results for ``query``; stale results (for an older text) are ignored."""
        if query != self.field.text():
            return
        self._searched = query
        self.model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        self._update_hint()

    def _text_changed(self, text: str) -> None:
        if not text.strip():
            self.model.set_hits([])
            self._searched = ""
            self._update_hint()
            return
        self._debounce.start()

    def _update_hint(self) -> None:
        text = self.field.text().strip()
        if not text:
            self.hint.setText(
                self.tr("Type a few letters of the name. Ctrl+N: new person · F2: anonymous visit")
            )
        elif self.model.rowCount() == 0 and self._searched == self.field.text():
            self.hint.setText(self.tr("Nobody found. Press Enter to register a new person."))
        elif self.opens_page:
            self.hint.setText(self.tr("↑↓ to choose, Enter to open the person's page."))
        else:
            self.hint.setText(self.tr("↑↓ to choose, Enter to check in. F3: the person's page."))

    def current_person(self) -> PersonSummary | None:
        return self.model.person(max(self.results.currentIndex().row(), 0))

    def _choose(self, row: int) -> None:
        person: PersonSummary | None = self.model.person(row)
        if person is not None:
            self.person_chosen.emit(person)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.field and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Undo) and not self.field.isUndoAvailable():
                # Nothing typed to undo: let Ctrl+Z reach the screen (undo a visit).
                event.ignore()
                return True
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in NAV_KEYS:
                self._move(key)
                return True
            if (
                key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self._enter()
                return True
        return super().eventFilter(watched, event)

    def _move(self, key: int) -> None:
        rows = self.model.rowCount()
        if rows == 0:
            return
        step = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -5,
            Qt.Key.Key_PageDown: 5,
        }[Qt.Key(key)]
        row = min(max(self.results.currentIndex().row() + step, 0), rows - 1)
        self.results.setCurrentIndex(self.model.index(row, 0))

    def _enter(self) -> None:
        text = self.field.text().strip()
        if not text:
            return
        if self._debounce.isActive() or self._searched != self.field.text():
            return  # the results on screen are not yet for this text
        if self.model.rowCount() == 0:
            self.nobody_found.emit(text)
        else:
            self._choose(max(self.results.currentIndex().row(), 0))
