"""The person's visits, household and consents, one tab each."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from opdesk.gui.person.models import ConsentsModel, HouseholdModel, VisitsModel
from opdesk.gui.person.operations import PageData
from opdesk.gui.tables import make_table


class PersonTables(QTabWidget):
    """Signals:
    withdraw_requested(object): the ConsentView selected to withdraw.
    """

    withdraw_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visits_model = VisitsModel(self)
        self.household_model = HouseholdModel(self)
        self.consents_model = ConsentsModel(self)
        self.visits = make_table(self.visits_model, self.tr("Visits"), self)
        self.household = make_table(self.household_model, self.tr("Household"), self)
        consents_tab = QWidget(self)
        self.consents = make_table(self.consents_model, self.tr("Consents"), consents_tab)
        self.withdraw_button = QPushButton(self.tr("&Withdraw the selected consent"), consents_tab)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.withdraw_button)
        layout = QVBoxLayout(consents_tab)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.consents, 1)
        layout.addLayout(row)
        self.addTab(self.visits, "")
        self.addTab(self.household, "")
        self.addTab(consents_tab, "")
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.consents.selectionModel().selectionChanged.connect(self._update_withdraw)
        self._update_titles()

    def show_data(self, data: PageData) -> None:
        details = data.details
        self.visits_model.set_visits(details.visits, data.site_names)
        self.household_model.set_items(details.household)
        names = {m.person_id: m.name for m in details.household}
        self.consents_model.set_consents(details.consents, names)
        self._update_titles()
        self._update_withdraw()

    def _update_titles(self) -> None:
        self.setTabText(0, self.tr("Vi&sits (%n)", "", self.visits_model.rowCount()))
        self.setTabText(1, self.tr("&Household (%n)", "", self.household_model.rowCount()))
        self.setTabText(2, self.tr("&Consents (%n)", "", self.consents_model.rowCount()))

    def selected_consent_row(self) -> int:
        rows = self.consents.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_withdraw(self) -> None:
        consent = self.consents_model.item(self.selected_consent_row())
        self.withdraw_button.setEnabled(consent is not None and consent.withdrawn_at is None)

    def withdraw_selected(self) -> None:
        consent = self.consents_model.item(self.selected_consent_row())
        if consent is not None and consent.withdrawn_at is None:
            self.withdraw_requested.emit(consent)
