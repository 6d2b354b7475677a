"""Editing a person: the same form, filled in; only the fields that really changed are sent."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from opdesk.core.rules.person import EDITABLE_FIELDS
from opdesk.core.services.desk import Desk
from opdesk.core.services.views import PersonDetails, PersonSummary
from opdesk.gui.person.dialog import PersonDialog, fields_of
from opdesk.gui.person.operations import update_op
from opdesk.gui.worker import DbWorker


class EditPersonDialog(PersonDialog):
    """Signals: person_ready(object), as PersonDialog: the person after the edit."""

    def __init__(
        self, desk: Desk, worker: DbWorker, details: PersonDetails, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, worker, parent)
        self.details = details
        self.original = fields_of(details)
        name = details.summary.display_name
        self.setWindowTitle(self.tr("Edit: {name}").format(name=name))
        self.body_layout.addStretch(1)
        self.form.set_fields(self.original)
        self.mark_clean()
        self.form.edited.connect(lambda: self.show_general_error(None))
        self.form.family_name.setFocus()

    def changes(self) -> dict[str, Any] | None:
        """The fields that differ from the saved ones; None while something is wrong."""
        fields, errors = self.form.check()
        self.form.show_errors(errors)
        if fields is None:
            self.focus_first_error()
            return None
        return {
            name: getattr(fields, name)
            for name in EDITABLE_FIELDS
            if getattr(fields, name) != getattr(self.original, name)
        }

    def save(self) -> None:
        if self.busy:
            return
        changes = self.changes()
        if changes is None:
            return
        if not changes:
            self.finish(self.details.summary)
            return
        self.set_busy(True)
        update_op(self.worker, self.desk, self, self.details.summary.id, changes).success(
            self._saved
        ).failure(self.save_failed).run()

    def _saved(self, person: PersonSummary) -> None:
        if isValid(self):
            self.finish(person)
