"""The main window: shown at once, filled when the database is open."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from opdesk.core.services.desk import Desk
from opdesk.gui.checkin.screen import CheckInScreen
from opdesk.gui.errors import error_text
from opdesk.gui.operations.base import Op
from opdesk.gui.status import DeskStatusBar
from opdesk.gui.worker import DbWorker

log = logging.getLogger(__name__)
MESSAGE_MS = 8000


class MainWindow(QMainWindow):
    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.desk: Desk | None = None
        self.checkin: CheckInScreen | None = None
        self.setWindowTitle(self.tr("opdesk · opcafè front desk"))
        self.resize(1366, 768)
        self.stack = QStackedWidget(self)
        self.loading = QLabel(self.tr("Opening the database…"), self)
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)
        self.setCentralWidget(self.stack)
        self.status = DeskStatusBar(self)
        self.setStatusBar(self.status)

    def attach(self, desk: Desk) -> None:
        """The database is open: build the screens on it."""
        self.desk = desk
        self.checkin = CheckInScreen(desk, self.worker, self)
        self.checkin.message.connect(lambda text: self.status.showMessage(text, MESSAGE_MS))
        self.checkin.data_changed.connect(self.refresh_status)
        self.stack.addWidget(self.checkin)
        self.stack.setCurrentWidget(self.checkin)
        self.checkin.search.focus_search()
        self.refresh_status()

    def refresh_status(self) -> None:
        desk = self.desk
        if desk is None:
            return

        def show(result: tuple[str | None, int]) -> None:
            site, pending = result
            self.status.set_site(site)
            self.status.set_pending(pending)

        Op(self.worker, lambda: (desk.site_name(), desk.log.pending_count()), self).success(
            show
        ).run()

    def show_fatal(self, exc: BaseException) -> None:
        """The database could not be opened: say why, touch nothing."""
        self.loading.setText(error_text(exc))
        self.loading.setWordWrap(True)
        QMessageBox.critical(self, self.tr("opdesk cannot start"), error_text(exc))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.worker.wait()
        super().closeEvent(event)
