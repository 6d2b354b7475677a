"""Qt models of the person page: visits, consents, household links."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
)

from opdesk.core.clock import ROME
from opdesk.core.services.views import ConsentView, HouseholdMember, VisitView
from opdesk.gui.format import topic_label
from opdesk.gui.person.labels import CONTEXT, purpose_label, relation_label
from opdesk.gui.tables import RowsModel


def when(moment: datetime | None, *, with_time: bool = False) -> str:
    if moment is None:
        return ""
    return moment.astimezone(ROME).strftime("%d/%m/%Y %H:%M" if with_time else "%d/%m/%Y")


class VisitsModel(RowsModel[VisitView]):
    CONTEXT = CONTEXT
    HEADERS = (
        str(QT_TRANSLATE_NOOP("person", "When")),
        str(QT_TRANSLATE_NOOP("person", "Where")),
        str(QT_TRANSLATE_NOOP("person", "Topics")),
        str(QT_TRANSLATE_NOOP("person", "Note")),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.site_names: dict[str, str] = {}

    def set_visits(self, visits: Sequence[VisitView], site_names: dict[str, str]) -> None:
        self.site_names = dict(site_names)
        self.set_items(visits)

    def cell(self, item: VisitView, column: int) -> str:
        if column == 0:
            return when(item.visited_at, with_time=True)
        if column == 1:
            return self.site_names.get(item.site_id, "—")
        if column == 2:
            return ", ".join(topic_label(t) for t in item.topics)
        if column == 3:
            return " ".join((item.note or "").split())
        return ""


class ConsentsModel(RowsModel[ConsentView]):
    CONTEXT = CONTEXT
    HEADERS = (
        str(QT_TRANSLATE_NOOP("person", "Purpose")),
        str(QT_TRANSLATE_NOOP("person", "Given on")),
        str(QT_TRANSLATE_NOOP("person", "Notice version")),
        str(QT_TRANSLATE_NOOP("person", "Given by")),
        str(QT_TRANSLATE_NOOP("person", "Withdrawn on")),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {}

    def set_consents(self, consents: Sequence[ConsentView], names: dict[str, str]) -> None:
        """``names``: who may have given a consent for the person (their household)."""
        self.names = dict(names)
        self.set_items(consents)

    def cell(self, item: ConsentView, column: int) -> str:
        if column == 0:
            return purpose_label(item.purpose)
        if column == 1:
            return when(item.given_at)
        if column == 2:
            return item.notice_version
        if column == 3:
            if item.given_by_id is None:
                return QCoreApplication.translate("person", "the person")
            return self.names.get(item.given_by_id, "?")
        if column == 4:
            return when(item.withdrawn_at)
        return ""


class HouseholdModel(RowsModel[HouseholdMember]):
    CONTEXT = CONTEXT
    HEADERS = (
        str(QT_TRANSLATE_NOOP("person", "Name")),
        str(QT_TRANSLATE_NOOP("person", "Relation")),
    )

    def cell(self, item: HouseholdMember, column: int) -> str:
        if column == 0:
            return item.name
        if column == 1:
            return relation_label(item.relation, item.direction)
        return ""
