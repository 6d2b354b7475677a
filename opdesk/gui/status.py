"""The status bar: site, sync state, last sync, changes waiting to be sent."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget


class DeskStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site = QLabel(self)
        self.connection = QLabel(self)
        self.last_sync = QLabel(self)
        self.pending = QLabel(self)
        for label in (self.site, self.connection, self.last_sync, self.pending):
            label.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(label)
        self.site.setAccessibleName(self.tr("Site"))
        self.connection.setAccessibleName(self.tr("Connection to HQ"))
        self.pending.setAccessibleName(self.tr("Changes waiting"))
        self.set_site(None)
        self.set_sync(online=False, configured=False, last_sync=None)
        self.set_pending(0)

    def set_site(self, name: str | None) -> None:
        self.site.setText(
            self.tr("Site: {name}").format(name=name) if name else self.tr("No site chosen")
        )

    def set_sync(self, *, online: bool, configured: bool, last_sync: str | None) -> None:
        if not configured:
            self.connection.setText(self.tr("Offline: HQ not configured"))
        else:
            self.connection.setText(self.tr("Online") if online else self.tr("Offline"))
        self.last_sync.setText(
            self.tr("Last sync: {when}").format(when=last_sync)
            if last_sync
            else self.tr("Last sync: never")
        )

    def set_pending(self, count: int) -> None:
        self.pending.setText(self.tr("Changes to send: %n", "", count))
