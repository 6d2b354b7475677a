"""Where the fields of the person form sit: the person on the left in pairs, where they
live on the right, each block aligned to the top so that an error pushes only its column."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout

if TYPE_CHECKING:
    from opdesk.gui.person.form import PersonForm


def lay_out(form: PersonForm) -> None:
    b = form.blocks
    about = QLabel(QCoreApplication.translate("PersonForm", "The person"), form)
    lives = QLabel(QCoreApplication.translate("PersonForm", "Where they live"), form)
    for title in (about, lives):
        title.setObjectName("sectionTitle")
    left = QGridLayout()
    left.setHorizontalSpacing(20)
    left.setVerticalSpacing(10)
    left.addWidget(about, 0, 0, 1, 2)
    pairs = [
        (b["family_name"], b["given_name"]),
        (b["birth"], b["sex"]),
        (b["birth_place"], b["citizenship"]),
        (b["codice_fiscale"], b["cf_missing"]),
        (b["phone"], None),
    ]
    for row, (first, second) in enumerate(pairs, start=1):
        left.addWidget(first, row, 0, Qt.AlignmentFlag.AlignTop)
        if second is not None:
            left.addWidget(second, row, 1, Qt.AlignmentFlag.AlignTop)
    left.setColumnStretch(0, 1)
    left.setColumnStretch(1, 1)
    left.setRowStretch(len(pairs) + 1, 1)
    right = QVBoxLayout()
    right.setSpacing(10)
    for widget in (
        lives,
        b["residence_comune"],
        b["residence_address"],
        form.homeless,
        b["domicile_comune"],
        b["domicile_address"],
        form.domicile_hint,
    ):
        right.addWidget(widget)
    right.addStretch(1)
    columns = QHBoxLayout(form)
    columns.setContentsMargins(0, 0, 0, 0)
    columns.setSpacing(28)
    columns.addLayout(left, 2)
    columns.addLayout(right, 1)
