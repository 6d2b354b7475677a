"""Today's visits at this site, newest first, with undo for a mistake."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from opdesk.core.services.views import VisitView
from opdesk.gui.checkin.models import TodayVisitsModel
from opdesk.gui.tables import make_table


class TodayPanel(QWidget):
    """Signals:
    undo_requested(object): the VisitView to undo.
    """

    undo_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("sectionTitle")
        self.model = TodayVisitsModel(self)
        self.table = make_table(self.model, self.tr("Today's visits"), self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.undo = QPushButton(self.tr("Undo selected visit (Ctrl+Z)"), self)
        self.undo.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.undo)
        self.undo.clicked.connect(self.undo_selected)
        self.set_visits([])

    def set_visits(self, visits: list[VisitView]) -> None:
        self.model.set_items(visits)
        self.title.setText(self.tr("Today's visits: %n", "", len(visits)))
        self.undo.setEnabled(bool(visits))
        if visits:
            self.table.selectRow(0)

    def undo_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        visit = self.model.item(rows[0].row() if rows else 0)
        if visit is not None:
            self.undo_requested.emit(visit)
