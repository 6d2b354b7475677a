"""What the new-person and edit dialogs share: the form in a scroll area, Save and
Cancel, the keys, and the question before throwing away what was typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from opdesk.core.clock import ROME
from opdesk.core.errors import ValidationFailed
from opdesk.core.rules.person import PersonFields
from opdesk.core.services.desk import Desk
from opdesk.core.services.views import PersonDetails
from opdesk.gui.errors import error_text
from opdesk.gui.person.form import PersonForm
from opdesk.gui.person.sizing import fit_to_screen
from opdesk.gui.worker import DbWorker


def fields_of(details: PersonDetails) -> PersonFields:
    s = details.summary
    return PersonFields.model_validate(
        {
            "given_name": s.given_name,
            "family_name": s.family_name,
            "birth_date": s.birth_date,
            "birth_year": s.birth_year,
            "birth_place": details.birth_place,
            "sex": details.sex,
            "codice_fiscale": s.codice_fiscale,
            "cf_missing_reason": details.cf_missing_reason,
            "citizenship": details.citizenship,
            "residence_comune": s.residence_comune,
            "residence_address": details.residence_address,
            "homeless": details.homeless,
            "domicile_comune": details.domicile_comune,
            "domicile_address": details.domicile_address,
            "phone": s.phone,
        }
    )


class PersonDialog(QDialog):
    """Signals:
    person_ready(object): the PersonSummary saved (or chosen); the dialog then closes.
    """

    person_ready = Signal(object)

    def __init__(self, desk: Desk, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.worker = desk, worker
        self.busy = False
        self.discard_box: QMessageBox | None = None
        self.setMinimumSize(640, 420)
        self.form = PersonForm(self.today, self)
        self.body = QWidget(self)
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setSpacing(18)
        self.body_layout.addWidget(self.form)
        self.scroll_area = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        scroll.setStyleSheet(
            "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"
        )
        self.general_error = QLabel(self)
        self.general_error.setProperty("role", "fieldError")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"), self)
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"), self)
        self.save_button.setObjectName("primaryButton")
        self.save_button.setMinimumHeight(44)
        for button in (self.cancel_button, self.save_button):
            button.setAutoDefault(False)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.cancel_button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.save_button)
        self.main_layout = QVBoxLayout(self)
        self.main_layout.addWidget(scroll, 1)
        self.main_layout.addWidget(self.general_error)
        self.main_layout.addLayout(self.buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            self.shortcut(keys).activated.connect(self.save)
        self._initial: tuple[object, ...] = ()
        fit_to_screen(self, 150, 38)

    def shortcut(self, keys: str) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        return shortcut

    def today(self) -> date:
        return self.desk.context.clock().astimezone(ROME).date()

    def mark_clean(self) -> None:
        """What is in the form now counts as nothing typed yet."""
        self._initial = self.state()

    def state(self) -> tuple[object, ...]:
        return self.form.snapshot()

    def is_dirty(self) -> bool:
        return self.state() != self._initial

    def save(self) -> None:
        raise NotImplementedError

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.save_button.setDisabled(busy)

    def show_general_error(self, text: str | None) -> None:
        self.general_error.setText(text or "")
        self.general_error.setVisible(bool(text))

    def focus_first_error(self) -> None:
        editor = self.form.first_error_editor()
        if editor is not None:
            self.focus_on(editor)

    def focus_on(self, widget: QWidget) -> None:
        """Focus a field, scrolled into view, and say why the save did not happen."""
        self.show_general_error(self.tr("Some fields need attention: see the messages in red."))
        self.scroll_area.ensureWidgetVisible(widget)
        widget.setFocus()

    def save_failed(self, exc: BaseException) -> None:
        """A save the database refused: field errors go under their fields."""
        self.set_busy(False)
        if isinstance(exc, ValidationFailed):
            self.form.show_errors(exc.errors)
            self.focus_first_error()
        self.show_general_error(error_text(exc))

    def finish(self, person: object) -> None:
        self.set_busy(False)
        self.person_ready.emit(person)
        super().accept()

    def reject(self) -> None:
        if self.busy:
            return
        if not self.is_dirty():
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Close without saving?"),
            self.tr("What you typed will be lost."),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        discard = box.addButton(
            self.tr("Close without saving"), QMessageBox.ButtonRole.DestructiveRole
        )
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        discard.clicked.connect(self.discard)
        self.discard_box = box
        box.open()

    def discard(self) -> None:
        super().reject()
