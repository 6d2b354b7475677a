"""Registering a new person, after a look for people who may be the same."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QWidget
from shiboken6 import isValid

from opdesk.core.rules.person import PersonFields
from opdesk.core.services.desk import Desk
from opdesk.core.services.duplicates import DuplicateCandidate
from opdesk.core.services.views import PersonSummary
from opdesk.gui.person.consents import ConsentsBox
from opdesk.gui.person.dialog import PersonDialog
from opdesk.gui.person.duplicates import DuplicatesPanel
from opdesk.gui.person.guardian import GuardianBox
from opdesk.gui.person.operations import duplicates_op, register_op
from opdesk.gui.worker import DbWorker


class NewPersonDialog(PersonDialog):
    """Signals: person_ready(object), as PersonDialog: the new person, or the existing
    one chosen among the likely duplicates."""

    def __init__(
        self,
        desk: Desk,
        worker: DbWorker,
        parent: QWidget | None = None,
        initial_text: str = "",
        templates_dir: Path | None = None,
    ) -> None:
        super().__init__(desk, worker, parent)
        self.setWindowTitle(self.tr("New person"))
        self.checked_for: PersonFields | None = None
        self.consents = ConsentsBox(templates_dir, self.body)
        self.guardian = GuardianBox(desk, worker, self.body)
        self.guardian.hide()
        extra = QGridLayout()
        extra.setHorizontalSpacing(28)
        extra.addWidget(self.consents, 0, 0, Qt.AlignmentFlag.AlignTop)
        extra.addWidget(self.guardian, 0, 1, Qt.AlignmentFlag.AlignTop)
        extra.setColumnStretch(0, 1)
        extra.setColumnStretch(1, 1)
        self.body_layout.addLayout(extra)
        self.body_layout.addStretch(1)
        self.duplicates = DuplicatesPanel(self)
        self.main_layout.insertWidget(1, self.duplicates)
        self.form.prefill(initial_text)
        self.mark_clean()

        self.form.minor_changed.connect(self._minor_changed)
        self.form.edited.connect(self._edited)
        self.guardian.changed.connect(self._edited)
        self.duplicates.use_existing.connect(self.finish)
        self.duplicates.register_anyway.connect(self.register)
        self.shortcut("F4").activated.connect(self.consents.show_notice)
        form = self.form
        empty = [e for e in (form.family_name, form.given_name, form.birth.text) if not e.text()]
        (empty[0] if empty else form.family_name).setFocus()

    def state(self) -> tuple[object, ...]:
        guardian = self.guardian.guardian.id if self.guardian.guardian else None
        return (*super().state(), guardian, tuple(self.consents.purposes()))

    def _minor_changed(self, minor: bool) -> None:
        self.guardian.setVisible(minor)
        self.consents.set_minor(minor)

    def _edited(self) -> None:
        """Anything typed after the look for duplicates asks for a new look."""
        if self.checked_for is not None or self.duplicates.isVisible():
            self.checked_for = None
            self.duplicates.clear()
        self.show_general_error(None)

    def check(self) -> PersonFields | None:
        """The fields when everything is in order; else every problem shown."""
        fields, errors = self.form.check()
        self.form.show_errors(errors)
        ok = fields is not None
        if self.form.minor and self.guardian.guardian is None:
            self.guardian.set_error(
                self.tr("This person is a minor: choose their parent or guardian.")
            )
            ok = False
        if "registration" not in self.consents.purposes():
            self.consents.set_error(
                self.tr(
                    "Show the privacy notice and tick the consent to registration: "
                    "without it the person cannot be registered."
                )
            )
            ok = False
        if not ok:
            self.focus_first_error()
        return fields if ok else None

    def focus_first_error(self) -> None:
        if self.form.first_error_editor() is not None:
            super().focus_first_error()
        elif self.guardian.error.isVisibleTo(self) and self.guardian.guardian is None:
            self.focus_on(self.guardian.picker.field)
        elif self.consents.error.isVisibleTo(self):
            if self.consents.notice is None:
                self.focus_on(self.consents.show_button)
            else:
                self.focus_on(self.consents.boxes["registration"])

    def save(self) -> None:
        if self.busy:
            return
        fields = self.check()
        if fields is None:
            return
        if self.checked_for == fields:
            self.register()
            return
        self.set_busy(True)
        duplicates_op(self.worker, self.desk, fields, self).success(
            lambda found: self._looked(fields, found)
        ).failure(self.save_failed).run()

    def _looked(self, fields: PersonFields, found: list[DuplicateCandidate]) -> None:
        if not isValid(self):
            return
        self.set_busy(False)
        self.checked_for = fields
        if found:
            self.duplicates.set_candidates(found)
        else:
            self.register()

    def register(self) -> None:
        fields = self.check()
        if fields is None or self.busy:
            return
        self.set_busy(True)
        guardian = self.guardian.guardian if self.form.minor else None
        register_op(
            self.worker,
            self.desk,
            self,
            fields=fields,
            guardian_id=guardian.id if guardian else None,
            consents=self.consents.purposes(),
            notice_version=self.consents.version(),
        ).success(self._registered).failure(self.save_failed).run()

    def _registered(self, person: PersonSummary) -> None:
        if isValid(self):
            self.finish(person)
