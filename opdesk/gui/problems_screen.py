"""Problemi di sincronizzazione: what HQ refused, and why; nothing is dropped silently."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from opdesk.gui.errors import tr_error
from opdesk.gui.format import local_time, short_date
from opdesk.gui.operations.base import Op
from opdesk.gui.tables import RowsModel, make_table
from opdesk.gui.worker import DbWorker
from opdesk.sync.service import ProblemView, SyncService

CHANGE_NAMES = {
    "register_person": QT_TRANSLATE_NOOP("ProblemsModel", "registration"),
    "update_person": QT_TRANSLATE_NOOP("ProblemsModel", "change of a person's details"),
    "check_in": QT_TRANSLATE_NOOP("ProblemsModel", "visit"),
    "undo_check_in": QT_TRANSLATE_NOOP("ProblemsModel", "undone visit"),
    "merge_people": QT_TRANSLATE_NOOP("ProblemsModel", "merge of two records"),
    "record_consent": QT_TRANSLATE_NOOP("ProblemsModel", "consent"),
}


class ProblemsModel(RowsModel[ProblemView]):
    CONTEXT = "ProblemsModel"
    HEADERS = (
        str(QT_TRANSLATE_NOOP("ProblemsModel", "When")),
        str(QT_TRANSLATE_NOOP("ProblemsModel", "Change")),
        str(QT_TRANSLATE_NOOP("ProblemsModel", "Why HQ refused it")),
    )

    def cell(self, item: ProblemView, column: int) -> str:
        if column == 0:
            return f"{short_date(item.created_at.date())} {local_time(item.created_at)}"
        if column == 1:
            change = self.tr(str(CHANGE_NAMES.get(item.name, item.name)))
            if item.dependents:
                waiting = self.tr(
                    "%n later change(s) needed it and were refused too", "", item.dependents
                )
                return f"{change} ({waiting})"
            return change
        return tr_error("errors", item.reason, {})


class ProblemsScreen(QWidget):
    """Signals:
    changed(): a problem was marked as seen.
    """

    changed = Signal()

    def __init__(
        self, service: SyncService, worker: DbWorker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service, self.worker = service, worker
        intro = QLabel(
            self.tr(
                "Changes made at this desk that HQ refused. They are not applied anywhere: "
                "read why, do again what is still needed, then mark the problem as seen."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.health = QLabel(self)  # sync failing for an hour: a problem too
        self.health.setObjectName("sync_health")
        self.health.setWordWrap(True)
        self.health.setVisible(False)
        self.model = ProblemsModel(self)
        self.table = make_table(self.model, self.tr("Sync problems"), self)
        self.seen = QPushButton(self.tr("&Mark as seen"), self)
        self.seen.clicked.connect(self.mark_seen)
        layout = QVBoxLayout(self)
        layout.addWidget(self.health)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.seen)
        self.reload()

    def reload(self) -> None:
        def show(problems: list[ProblemView]) -> None:
            self.model.set_items(problems)
            self.seen.setEnabled(bool(problems))
            if problems:
                self.table.selectRow(0)

        Op(self.worker, self.service.problems, self).success(show).run()

    def show_health(self, warnings: list[str]) -> None:
        self.health.setText("\n".join(warnings))
        self.health.setVisible(bool(warnings))

    def mark_seen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        problem = self.model.item(rows[0].row() if rows else 0)
        if problem is None:
            return

        def done(_none: None) -> None:
            self.reload()
            self.changed.emit()

        Op(self.worker, lambda: self.service.dismiss_problem(problem.id), self).success(done).run()
