"""First run: which opcafè is this desk?"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)


class WelcomeDialog(QDialog):
    """Pick the site of this desk from the network's opcafè (Enter confirms), or ask
    for a demo database to try opdesk on (result ``DEMO``)."""

    DEMO = 2

    def __init__(self, sites: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to opdesk"))
        intro = QLabel(
            self.tr(
                "Welcome! Which opcafè is this desk? Choose it once: "
                "the visits recorded here will belong to it."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.sites = QListWidget(self)
        self.sites.setAccessibleName(self.tr("Sites"))
        for site_id, name in sites:
            item = QListWidgetItem(name, self.sites)
            item.setData(Qt.ItemDataRole.UserRole, site_id)
        self.sites.setCurrentRow(0)
        self.sites.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        self.demo = buttons.addButton(
            self.tr("Just trying: use invented people"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.demo.clicked.connect(lambda: self.done(self.DEMO))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.sites, 1)
        layout.addWidget(buttons)
        self.resize(520, 460)

    def chosen_site(self) -> str | None:
        item = self.sites.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))
