"""The person page: details, visits, household, consents; edit, merge, undo a merge."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from opdesk.core.services.desk import Desk
from opdesk.core.services.views import ConsentView, PersonSummary
from opdesk.gui.person.details import DetailsPanel
from opdesk.gui.person.edit_person import EditPersonDialog
from opdesk.gui.person.labels import purpose_label
from opdesk.gui.person.merge import MergeDialog, person_text
from opdesk.gui.person.operations import (
    PageData,
    page_data_op,
    unmerge_op,
    withdraw_consent_op,
)
from opdesk.gui.person.tables import PersonTables
from opdesk.gui.worker import DbWorker


class PersonPage(QWidget):
    """Signals:
    check_in_requested(object): "Record a visit" for this PersonSummary.
    message(str): a short line for the status bar.
    data_changed(): the person was edited, merged, unmerged or a consent withdrawn.
    """

    check_in_requested = Signal(object)
    message = Signal(str)
    data_changed = Signal()

    def __init__(self, desk: Desk, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.worker = desk, worker
        self.person_id: str | None = None
        self.data: PageData | None = None
        self.dialog: EditPersonDialog | MergeDialog | None = None
        self.question: QMessageBox | None = None
        self.title = QLabel(self)
        self.title.setObjectName("visitTitle")
        self.title.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("&Edit (Ctrl+E)"), self)
        self.merge_button = QPushButton(self.tr("Mer&ge with another record…"), self)
        self.record_button = QPushButton(self.tr("Record a &visit"), self)
        self.record_button.setObjectName("primaryButton")
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        for button in (self.edit_button, self.merge_button, self.record_button):
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.merged_into = QLabel(self)
        self.merged_into.setWordWrap(True)
        self.open_kept = QPushButton(self.tr("&Open the kept record"), self)
        self.merged_note = QLabel(self)
        self.merged_note.setWordWrap(True)
        self.merged_choice = QComboBox(self)
        self.merged_choice.setAccessibleName(self.tr("Merged record to separate again"))
        self.merged_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.unmerge_button = QPushButton(self.tr("&Undo merge"), self)
        merge_row = QHBoxLayout()
        merge_row.addWidget(self.merged_into, 1)
        merge_row.addWidget(self.open_kept)
        merge_row.addWidget(self.merged_note, 1)
        merge_row.addWidget(self.merged_choice)
        merge_row.addWidget(self.unmerge_button)
        self.index_note = QLabel(
            self.tr(
                "Only this person's name, birth year and comune are here: the full record "
                "is kept at another opcafè. Record their visit: the full record arrives "
                "with the next synchronisation, and can be changed then."
            ),
            self,
        )
        self.index_note.setObjectName("notice")
        self.index_note.setWordWrap(True)
        self.index_note.hide()
        self.details = DetailsPanel(self)
        self.tables = PersonTables(self)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addWidget(self.index_note)
        layout.addWidget(self.details)
        layout.addLayout(merge_row)
        layout.addWidget(self.tables, 1)
        self._show_merge_row(None)

        self.record_button.clicked.connect(self.record_visit)
        self.edit_button.clicked.connect(self.edit)
        self.merge_button.clicked.connect(self.merge)
        self.unmerge_button.clicked.connect(self.unmerge_selected)
        self.open_kept.clicked.connect(self._open_kept)
        self.tables.withdraw_requested.connect(self.ask_withdraw)
        shortcut = QShortcut(QKeySequence("Ctrl+E"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.edit)

    def show_person(self, person_id: str) -> None:
        if person_id != self.person_id:
            self.data = None  # nothing acts on the previous person meanwhile
            for button in (self.record_button, self.edit_button, self.merge_button):
                button.setEnabled(False)
        self.person_id = person_id
        self.reload()

    def reload(self) -> None:
        person_id = self.person_id
        if person_id is None:
            return
        page_data_op(self.worker, self.desk, person_id, self).success(
            lambda data: self._fill(person_id, data)
        ).run()

    def _fill(self, person_id: str, data: PageData) -> None:
        if not isValid(self) or person_id != self.person_id:
            return
        self.data = data
        details = data.details
        self.title.setText(details.summary.display_name or "?")
        self.details.show_details(details)
        self.tables.show_data(data)
        live = details.merged_into_id is None
        self.record_button.setEnabled(live)
        for button in (self.edit_button, self.merge_button):
            button.setEnabled(live and not details.index_only)
        self.index_note.setVisible(details.index_only)
        self._show_merge_row(data)

    def _show_merge_row(self, data: PageData | None) -> None:
        into = data.merged_into if data else None
        merged = data.merged if data else ()
        self.merged_into.setVisible(into is not None)
        self.open_kept.setVisible(into is not None)
        if into is not None:
            self.merged_into.setText(
                self.tr("This record was merged into {name}.").format(name=into.display_name)
            )
        for widget in (self.merged_note, self.merged_choice, self.unmerge_button):
            widget.setVisible(bool(merged))
        self.merged_choice.clear()
        for person in merged:
            self.merged_choice.addItem(person_text(person), person.id)
        if merged:
            self.merged_note.setText(
                self.tr(
                    "Also shows %n merged record(s). A mistake? Separate them again:",
                    "",
                    len(merged),
                )
            )

    def summary(self) -> PersonSummary | None:
        return self.data.details.summary if self.data else None

    def record_visit(self) -> None:
        person = self.summary()
        if person is not None:
            self.check_in_requested.emit(person)

    def edit(self) -> EditPersonDialog | None:
        details = self.data.details if self.data else None
        if details is None or details.merged_into_id is not None or details.index_only:
            return None
        dialog = EditPersonDialog(self.desk, self.worker, details, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.person_ready.connect(self._edited)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _edited(self, person: PersonSummary) -> None:
        self.message.emit(self.tr("Changes saved: {name}.").format(name=person.display_name))
        self.data_changed.emit()
        self.reload()

    def merge(self) -> MergeDialog | None:
        person = self.summary()
        if person is None or not self.merge_button.isEnabled():
            return None
        dialog = MergeDialog(self.desk, self.worker, person, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merged.connect(self._merged)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _merged(self, _merged_id: str) -> None:
        self.message.emit(self.tr('Records merged. "Undo merge" on this page separates them.'))
        self.data_changed.emit()
        self.reload()

    def unmerge_selected(self) -> None:
        merged_id = self.merged_choice.currentData()
        if not merged_id:
            return
        name = self.merged_choice.currentText()

        def done(_none: None) -> None:
            self.message.emit(self.tr("Records separated again: {name}.").format(name=name))
            self.data_changed.emit()
            self.reload()

        unmerge_op(self.worker, self.desk, self, str(merged_id)).success(done).run()

    def _open_kept(self) -> None:
        if self.data and self.data.merged_into:
            self.show_person(self.data.merged_into.id)

    def ask_withdraw(self, consent: ConsentView) -> QMessageBox:
        """Ask before withdrawing (without blocking); Yes withdraws."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Withdraw consent"),
            self.tr(
                'Withdraw the consent "{purpose}"? This is recorded and cannot be '
                "undone: a new consent would be needed."
            ).format(purpose=purpose_label(consent.purpose)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.clicked.connect(lambda: self.withdraw(consent))
        self.question = box
        box.open()
        return box

    def withdraw(self, consent: ConsentView) -> None:
        def done(_none: None) -> None:
            self.message.emit(
                self.tr("Consent withdrawn: {purpose}.").format(
                    purpose=purpose_label(consent.purpose)
                )
            )
            self.data_changed.emit()
            self.reload()

        withdraw_consent_op(self.worker, self.desk, self, consent.id).success(done).run()
