"""Problemi di sincronizzazione: what HQ refused and why, the fields another desk changed
too, the people perhaps registered twice; each with what can be done. Nothing is
dropped silently."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from opdesk.core.services.desk import Desk
from opdesk.gui.format import local_time, short_date
from opdesk.gui.operations.base import Op
from opdesk.gui.person.merge import MergeDialog
from opdesk.gui.problem_texts import ProblemWords
from opdesk.gui.tables import RowsModel, make_table
from opdesk.gui.worker import DbWorker
from opdesk.sync.service import ProblemView, SyncService


class ProblemsModel(RowsModel[ProblemView]):
    CONTEXT = "ProblemsModel"
    HEADERS = (
        str(QT_TRANSLATE_NOOP("ProblemsModel", "When")),
        str(QT_TRANSLATE_NOOP("ProblemsModel", "About")),
        str(QT_TRANSLATE_NOOP("ProblemsModel", "What happened")),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words = ProblemWords(self)

    def cell(self, item: ProblemView, column: int) -> str:
        if column == 0:
            return f"{short_date(item.created_at.date())} {local_time(item.created_at)}"
        if column == 1:
            about = self.words.about(item)
            count = item.dependents
            if item.kind == "rejected" and count:
                waiting = self.tr("%n later change(s) needed it and were refused too", "", count)
                return f"{about} ({waiting})"
            return about
        return self.words.what(item)


class ProblemsScreen(QWidget):
    """Signals:
    changed(): a problem was dealt with (seen, kept, restored, merged).
    """

    changed = Signal()

    def __init__(
        self, service: SyncService, desk: Desk, worker: DbWorker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service, self.desk, self.worker = service, desk, worker
        self.dialog: MergeDialog | None = None
        intro = QLabel(
            self.tr(
                "What the last syncs with HQ left for you to decide: changes HQ refused, "
                "details another desk changed too, people who may have been registered "
                "twice. Choose a problem, read it, then choose what to do."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.health = QLabel(self)  # sync failing for an hour: a problem too
        self.health.setObjectName("healthBanner")
        self.health.setWordWrap(True)
        self.health.setVisible(False)
        self.model = ProblemsModel(self)
        self.table = make_table(self.model, self.tr("Sync problems"), self)
        header = self.table.horizontalHeader()
        for column in (1, 2):  # long texts are cut here and read whole below the table
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName(self.tr("The chosen problem"))
        self.seen = QPushButton(self.tr("&Mark as seen"), self)
        self.keep = QPushButton(self.tr("&Keep this change"), self)
        self.restore = QPushButton(self.tr("&Restore the other value"), self)
        self.merge = QPushButton(self.tr("Mer&ge…"), self)
        self.different = QPushButton(self.tr("&Not the same person"), self)
        self.seen.clicked.connect(self.mark_seen)
        self.keep.clicked.connect(self.mark_seen)
        self.restore.clicked.connect(self.restore_other)
        self.merge.clicked.connect(self.open_merge)
        self.different.clicked.connect(self.mark_seen)
        buttons = QHBoxLayout()
        for button in self._actions():
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.health)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_actions())
        self._show_actions()
        self.reload()

    def _actions(self) -> tuple[QPushButton, ...]:
        return (self.seen, self.keep, self.restore, self.merge, self.different)

    def reload(self) -> None:
        def show(problems: list[ProblemView]) -> None:
            self.model.set_items(problems)
            if problems:
                self.table.selectRow(0)
            self._show_actions()

        Op(self.worker, self.service.problems, self).success(show).run()

    def show_health(self, warnings: list[str]) -> None:
        self.health.setText("\n".join(warnings))
        self.health.setVisible(bool(warnings))
        self._show_actions()

    def selected(self) -> ProblemView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row() if rows else 0)

    def _show_actions(self) -> None:
        problem = self.selected()
        kind = problem.kind if problem else None
        self.seen.setVisible(kind not in ("conflict", "duplicate"))
        self.seen.setEnabled(problem is not None)
        self.keep.setVisible(kind == "conflict")
        self.restore.setVisible(kind == "conflict")
        self.merge.setVisible(kind == "duplicate")
        self.different.setVisible(kind == "duplicate")
        self.merge.setEnabled(bool(problem and problem.person and problem.other))
        if problem is not None:
            self.detail.setText(self.model.words.explanation(problem))
        else:  # not "no problems" under a sync that stopped or fails: nothing in the list
            self.detail.setText("" if self.health.text() else self.tr("No problems."))

    def _then_reload(self, _none: object = None) -> None:
        self.reload()
        self.changed.emit()

    def mark_seen(self) -> None:
        """Seen; keep this desk's value; not the same person: all close the problem."""
        problem = self.selected()
        if problem is None:
            return
        Op(self.worker, lambda: self.service.dismiss_problem(problem.id), self).success(
            self._then_reload
        ).run()

    def restore_other(self) -> None:
        problem = self.selected()
        if problem is None or problem.kind != "conflict":
            return
        people = self.desk.people
        Op(self.worker, lambda: self.service.restore_other(problem.id, people), self).success(
            self._then_reload
        ).run()

    def open_merge(self) -> MergeDialog | None:
        """The merge flow, with the record registered elsewhere kept and this desk's one
        already chosen: the volunteer sees what moves and confirms (or cancels)."""
        problem = self.selected()
        if problem is None or problem.person is None or problem.other is None:
            return None
        kept, other = problem.other, problem.person
        dialog = MergeDialog(self.desk, self.worker, kept, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merged.connect(lambda _merged_id: self._merged())
        self.dialog = dialog
        dialog.open()
        dialog.pick(other)
        return dialog

    def _merged(self) -> None:
        Op(self.worker, self.service.settle_duplicates, self).success(self._then_reload).run()
