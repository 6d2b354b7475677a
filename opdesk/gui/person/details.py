"""The person's details as label and value pairs, in two columns."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget

from opdesk.core.services.views import PersonDetails
from opdesk.gui.format import birth_text
from opdesk.gui.person.fields import phone_display
from opdesk.gui.person.labels import cf_missing_label, sex_label
from opdesk.gui.person.models import when


class DetailsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        left, right = QFormLayout(), QFormLayout()
        rows = [
            (left, "birth", self.tr("Born")),
            (left, "sex", self.tr("Sex")),
            (left, "codice_fiscale", self.tr("Codice fiscale")),
            (left, "citizenship", self.tr("Citizenship")),
            (right, "residence", self.tr("Residence")),
            (right, "domicile", self.tr("Domicile")),
            (right, "phone", self.tr("Phone")),
            (right, "registered", self.tr("Registered on")),
        ]
        for form, key, label in rows:
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            form.addRow(label + ":", value)
            self.values[key] = value
        for form in (left, right):
            form.setHorizontalSpacing(14)
            form.setVerticalSpacing(6)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(32)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)

    def show_details(self, details: PersonDetails) -> None:
        s = details.summary
        born = ", ".join(p for p in (birth_text(s), details.birth_place or "") if p)
        if s.codice_fiscale:
            code = s.codice_fiscale
        elif details.cf_missing_reason:
            code = self.tr("not available: {reason}").format(
                reason=cf_missing_label(details.cf_missing_reason)
            )
        else:
            code = ""
        if details.homeless:
            residence = ", ".join(
                p for p in (self.tr("no fixed abode"), s.residence_comune or "") if p
            )
        else:
            residence = ", ".join(
                p for p in (details.residence_address or "", s.residence_comune or "") if p
            )
        domicile = ", ".join(
            p for p in (details.domicile_address or "", details.domicile_comune or "") if p
        )
        texts = {
            "birth": born,
            "sex": sex_label(details.sex),
            "codice_fiscale": code,
            "citizenship": details.citizenship or "",
            "residence": residence,
            "domicile": domicile,
            "phone": phone_display(s.phone),
            "registered": when(details.registered_at),
        }
        for key, text in texts.items():
            self.values[key].setText(text or "—")
