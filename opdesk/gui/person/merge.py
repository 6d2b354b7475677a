"""Merging two records of the same person into one, undoably."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from opdesk.core.services.desk import Desk
from opdesk.core.services.views import PersonSummary
from opdesk.gui.errors import error_text
from opdesk.gui.format import birth_text
from opdesk.gui.person.operations import MergePreview, merge_op, merge_preview_op
from opdesk.gui.person.picker import PersonPicker
from opdesk.gui.person.sizing import fit_to_screen
from opdesk.gui.worker import DbWorker


def person_text(person: PersonSummary) -> str:
    parts = [person.display_name or "?", birth_text(person), person.residence_comune or ""]
    return "  ·  ".join(p for p in parts if p)


class MergeDialog(QDialog):
    """Pick the other record, see what moves, confirm.

    Signals:
        merged(str): the id of the record merged into the kept person.
    """

    merged = Signal(str)

    def __init__(
        self, desk: Desk, worker: DbWorker, kept: PersonSummary, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk, self.worker, self.kept = desk, worker, kept
        self.preview: MergePreview | None = None
        self.setWindowTitle(self.tr("Merge two records"))
        intro = QLabel(
            self.tr(
                "If {name} was registered twice, find the other record: its visits, consents "
                "and household links move here. The merge can be undone from the person's page."
            ).format(name=kept.display_name),
            self,
        )
        intro.setWordWrap(True)
        self.picker = PersonPicker(desk, worker, self.tr("&Find the other record"), self)
        self.picker.set_accessible_name(self.tr("Search the other record"))
        self.picker.excluded.add(kept.id)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("mergePreview")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setStyleSheet(
            "QLabel#mergePreview { background: #fff4d6; border: 2px solid #b07d00;"
            " border-radius: 4px; padding: 8px; }"
        )
        self.summary.hide()
        self.error = QLabel(self)
        self.error.setProperty("role", "fieldError")
        self.error.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"), self)
        self.merge_button = QPushButton(self.tr("&Merge"), self)
        self.merge_button.setObjectName("primaryButton")
        self.merge_button.setEnabled(False)
        for button in (self.cancel_button, self.merge_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.picker.picked.connect(self.pick)
        self.cancel_button.clicked.connect(self.reject)
        self.merge_button.clicked.connect(self.confirm)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            confirm = QShortcut(QKeySequence(keys), self)
            confirm.setContext(Qt.ShortcutContext.WindowShortcut)
            confirm.activated.connect(self.confirm)
        fit_to_screen(self, 80, 24)
        self.picker.setFocus()

    def pick(self, other: PersonSummary) -> None:
        self.preview = None
        self.merge_button.setEnabled(False)
        self.error.clear()
        merge_preview_op(self.worker, self.desk, other.id, self).success(self._show).failure(
            self._failed
        ).run()

    def _show(self, preview: MergePreview) -> None:
        if not isValid(self):
            return
        self.preview = preview
        moves = self.tr("{visits}, {consents} and {links} will move to {name}.").format(
            visits=self.tr("%n visit(s)", "", preview.visits),
            consents=self.tr("%n consent(s)", "", preview.consents),
            links=self.tr("%n household link(s)", "", preview.links),
            name=self.kept.display_name,
        )
        other = self.tr("Other record: {other}").format(other=person_text(preview.other))
        confirm = self.tr("Press Merge (Ctrl+Enter) to confirm.")
        self.summary.setText(f"{escape(other)}<br><b>{escape(moves)}</b><br>{escape(confirm)}")
        self.summary.show()
        self.merge_button.setEnabled(True)
        self.merge_button.setFocus()

    def confirm(self) -> None:
        preview = self.preview
        if preview is None or not self.merge_button.isEnabled():
            return
        self.merge_button.setEnabled(False)
        merged_id = preview.other.id
        merge_op(self.worker, self.desk, self, kept_id=self.kept.id, merged_id=merged_id).success(
            lambda _none: self._done(merged_id)
        ).failure(self._failed).run()

    def _done(self, merged_id: str) -> None:
        if isValid(self):
            self.merged.emit(merged_id)
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isValid(self):
            self.error.setText(error_text(exc))
            self.merge_button.setEnabled(self.preview is not None)
