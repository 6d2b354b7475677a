"""Qt models of the check-in screen: search results and today's visits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from opdesk.core.clock import utc_now
from opdesk.core.services.search import SearchHit
from opdesk.core.services.views import PersonSummary, VisitView
from opdesk.gui.format import local_time, person_line, topic_label, wrapped_person_line
from opdesk.gui.tables import RowsModel

Index = QModelIndex | QPersistentModelIndex
PersonRole = Qt.ItemDataRole.UserRole + 1


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._now = utc_now()

    def set_hits(self, hits: Sequence[SearchHit], now: datetime | None = None) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._now = now or utc_now()
        self.endResetModel()

    def person(self, row: int) -> PersonSummary | None:
        return self._hits[row].person if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        person = self._hits[index.row()].person
        if role == Qt.ItemDataRole.DisplayRole:
            return wrapped_person_line(person, self._now)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return person_line(person, self._now)
        if role == PersonRole:
            return person
        return None


class TodayVisitsModel(RowsModel[VisitView]):
    CONTEXT = "TodayVisitsModel"
    HEADERS = (
        str(QT_TRANSLATE_NOOP("TodayVisitsModel", "Time")),
        str(QT_TRANSLATE_NOOP("TodayVisitsModel", "Name")),
        str(QT_TRANSLATE_NOOP("TodayVisitsModel", "Topics")),
    )

    def cell(self, item: VisitView, column: int) -> str:
        if column == 0:
            return local_time(item.visited_at)
        if column == 1:
            return item.person_name or self.tr("Anonymous visit")
        return ", ".join(topic_label(t) for t in item.topics)
