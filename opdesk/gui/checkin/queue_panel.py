"""The waiting queue: who waits, for whom, for how long; call and serve with one key."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from opdesk.core.clock import utc_now
from opdesk.core.services.views import QueueEntry
from opdesk.gui.format import local_time
from opdesk.gui.tables import Index, RowsModel, make_table

WAITING_FOR = {
    "volunteer": QT_TRANSLATE_NOOP("QueueModel", "volunteer"),
    "counsellor": QT_TRANSLATE_NOOP("QueueModel", "counsellor"),
}


class QueueModel(RowsModel[QueueEntry]):
    CONTEXT = "QueueModel"
    HEADERS = (
        str(QT_TRANSLATE_NOOP("QueueModel", "Name")),
        str(QT_TRANSLATE_NOOP("QueueModel", "For")),
        str(QT_TRANSLATE_NOOP("QueueModel", "Waiting")),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._now = utc_now()

    def set_items(self, items: Sequence[QueueEntry]) -> None:
        self._now = utc_now()
        super().set_items(items)

    def tick(self, now: datetime) -> None:
        """Waiting times move on: repaint them."""
        self._now = now
        if self.items:
            last = self.index(len(self.items) - 1, len(self.HEADERS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def cell(self, item: QueueEntry, column: int) -> str:
        if column == 0:
            name = item.person_name or self.tr("Anonymous visit")
            return self.tr("{name} (called)").format(name=name) if item.state == "called" else name
        if column == 1:
            return self.tr(str(WAITING_FOR.get(item.waiting_for, item.waiting_for)))
        minutes = max(int((self._now - item.since).total_seconds() // 60), 0)
        return self.tr("{minutes} min").format(minutes=minutes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is not None and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Arrived at {time}").format(time=local_time(item.since))
        if item is not None and role == Qt.ItemDataRole.FontRole and item.state == "called":
            font = QFont()
            font.setItalic(True)
            return font
        return super().data(index, role)


class QueuePanel(QWidget):
    """Signals:
    call_requested(object): the QueueEntry to call (F5).
    served_requested(object): the QueueEntry seen (F6).
    left_requested(object): the QueueEntry who went away (F8).
    """

    call_requested = Signal(object)
    served_requested = Signal(object)
    left_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("sectionTitle")
        self.model = QueueModel(self)
        self.table = make_table(self.model, self.tr("Waiting queue"), self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)  # the room is the name's: it is called out
        self.call = QPushButton(self.tr("Call (F5)"), self)
        self.served = QPushButton(self.tr("Seen (F6)"), self)
        self.left = QPushButton(self.tr("Gone (F8)"), self)
        buttons = QHBoxLayout()
        for button in (self.call, self.served, self.left):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.call.clicked.connect(lambda: self._emit(self.call_requested))
        self.served.clicked.connect(lambda: self._emit(self.served_requested))
        self.left.clicked.connect(lambda: self._emit(self.left_requested))
        self.timer = QTimer(self)
        self.timer.setInterval(30_000)
        self.timer.timeout.connect(lambda: self.model.tick(utc_now()))
        self.timer.start()
        self.set_entries([])

    def set_entries(self, entries: list[QueueEntry]) -> None:
        self.model.set_items(entries)
        self.title.setText(self.tr("Waiting: %n", "", len(entries)))
        for button in (self.call, self.served, self.left):
            button.setEnabled(bool(entries))
        if entries:
            self.table.selectRow(0)

    def selected(self) -> QueueEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row() if rows else 0)

    def _emit(self, signal: Any) -> None:
        entry = self.selected()
        if entry is not None:
            signal.emit(entry)
