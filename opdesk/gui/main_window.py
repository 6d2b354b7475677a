"""The main window: shown at once, filled when the database is open."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from opdesk.core.clock import ROME, utc_now
from opdesk.gui.errors import error_text
from opdesk.gui.operations.base import Op
from opdesk.gui.status import DeskStatusBar
from opdesk.gui.sync_health import health_warnings, sync_error_text
from opdesk.gui.welcome import WelcomeDialog
from opdesk.gui.worker import DbWorker

if TYPE_CHECKING:
    from opdesk.core.services.desk import Desk
    from opdesk.core.services.views import PersonSummary
    from opdesk.gui.checkin.screen import CheckInScreen
    from opdesk.gui.people_screen import PeopleScreen
    from opdesk.gui.problems_screen import ProblemsScreen
    from opdesk.gui.sync_controller import SyncController
    from opdesk.sync.divergence import CheckResult
    from opdesk.sync.service import Enrollment, SyncStatus

log = logging.getLogger(__name__)


def load_sync_stack() -> None:
    """Run by the database worker: what sync and its screen import, off the GUI thread."""
    import opdesk.gui.problems_screen
    import opdesk.gui.sync_controller
    import opdesk.sync.service  # noqa: F401


class MainWindow(QMainWindow):
    """Signals:
    settings_requested(): the volunteer asked for the settings (Ctrl+,).
    screens_ready(): the screens are built on an open database.
    first_painted(): the window is on screen (once).
    demo_requested(): on first run, the volunteer wants to try on invented people.
    """

    settings_requested = Signal()
    screens_ready = Signal()
    first_painted = Signal()
    demo_requested = Signal()

    def __init__(
        self,
        worker: DbWorker,
        parent: QWidget | None = None,
        *,
        templates_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.templates_dir = templates_dir  # the agency's own informativa, if any
        self.people: PeopleScreen | None = None
        self.sync: SyncController | None = None
        self._sync_status: SyncStatus | None = None  # the last shown
        self.sync_minutes: int | None = None  # the setting; None: the controller's default
        self.problems: ProblemsScreen | None = None
        self._painted = False
        self.section_keys: list[QAction] = []  # Ctrl+1, Ctrl+2, ...: made again on rebuild
        self.desk: Desk | None = None
        self.checkin: CheckInScreen | None = None
        self.resize(1366, 768)
        self.nav = QTabBar(self)
        self.nav.setObjectName("sections")
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.nav.hide()
        self.stack = QStackedWidget(self)
        self.loading = QLabel(self)
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading.setWordWrap(True)
        self.stack.addWidget(self.loading)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = DeskStatusBar(self)
        self.setStatusBar(self.status)
        self.nav.currentChanged.connect(self.stack.setCurrentIndex)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language: after start-up and after a language change."""
        self.setWindowTitle(self.tr("opdesk · opcafè front desk"))
        self.nav.setAccessibleName(self.tr("Sections"))
        self.loading.setText(self.tr("Opening the database…"))
        self.menuBar().clear()
        self._menus()
        self.status.retranslate()
        self.build_screens()

    def _menus(self) -> None:
        desk_menu = self.menuBar().addMenu(self.tr("&Desk"))
        settings = QAction(self.tr("&Settings…"), self)
        settings.setShortcut(QKeySequence("Ctrl+,"))
        settings.triggered.connect(self.settings_requested.emit)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        desk_menu.addAction(settings)
        desk_menu.addSeparator()
        desk_menu.addAction(quit_action)
        sync_now = QAction(self.tr("S&ync now"), self)
        sync_now.setShortcut(QKeySequence("F9"))
        sync_now.triggered.connect(self.sync_now)
        connect = QAction(self.tr("&Connect to HQ…"), self)
        connect.triggered.connect(self.connect_to_hq)
        check = QAction(self.tr("C&heck against HQ"), self)
        check.setStatusTip(self.tr("Compare this desk's copy with HQ's"))
        check.triggered.connect(self.check_against_hq)
        desk_menu.insertAction(settings, sync_now)
        desk_menu.insertAction(settings, check)
        desk_menu.insertAction(settings, connect)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        keys = QAction(self.tr("&Keyboard shortcuts"), self)
        keys.setShortcut(QKeySequence("F1"))
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)

    def add_section(self, title: str, widget: QWidget, shortcut: str) -> None:
        self.stack.addWidget(widget)
        self.nav.addTab(f"{title}  ({shortcut})")
        action = QAction(self)
        action.setShortcut(QKeySequence(shortcut))
        row = self.nav.count() - 1
        action.triggered.connect(lambda: self.nav.setCurrentIndex(row))
        self.addAction(action)
        self.section_keys.append(action)

    def attach(self, desk: Desk) -> None:
        """The database is open: ask for the site on first run, then build the screens;
        sync joins once its modules are loaded (by the worker, after the screens: the
        counter is ready a quarter of a second sooner)."""
        self.desk = desk
        self.watch_integrity(desk)
        if self.sync is not None:  # another desk's (the demo opened): stop it now
            self.sync.timer.stop()
            self.sync = None
            self._sync_status = None
            self.problems = None

        def screens_then_sync() -> None:
            self.build_screens()
            self.worker.submit(load_sync_stack, lambda _none: self.join_sync(desk), self.show_fatal)

        if desk.context.site_id is not None:
            screens_then_sync()
            return

        def welcome(sites: list[tuple[str, str]]) -> None:
            dialog = WelcomeDialog(sites, self)
            answer = dialog.exec()
            if answer == WelcomeDialog.DEMO:
                self.demo_requested.emit()
                return
            chosen = dialog.chosen_site() if answer else None
            if chosen is None:
                screens_then_sync()
                return
            Op(self.worker, lambda: desk.choose_site(chosen), self).success(
                lambda _none: screens_then_sync()
            ).run()

        Op(self.worker, desk.sites, self).success(welcome).run()

    def join_sync(self, desk: Desk) -> None:
        """The sync stack is loaded: start it, and add its problems screen."""
        if self.desk is not desk:  # another desk was opened meanwhile
            return
        self.start_sync(desk)
        if self.checkin is not None and self.problems is None:
            self.add_problems_section(desk)
            self.nav.setVisible(self.nav.count() > 1)

    def add_problems_section(self, desk: Desk) -> None:
        from opdesk.gui.problems_screen import ProblemsScreen

        assert self.sync is not None
        self.problems = ProblemsScreen(self.sync.service, desk, self.worker, self)
        self.problems.changed.connect(self.sync.refresh_status)
        self.add_section(self.tr("Sync problems"), self.problems, "Ctrl+3")

    def start_sync(self, desk: Desk) -> None:
        from opdesk.gui.sync_controller import SyncController
        from opdesk.sync.service import SyncService

        if self.sync is not None:
            self.sync.timer.stop()
        self.sync = SyncController(SyncService(desk.db, clock=desk.context.clock), self)
        if self.sync_minutes is not None:
            self.sync.set_interval(self.sync_minutes)
        self.sync.status_changed.connect(self.show_sync_status)
        self.sync.synced.connect(self.refresh_after_sync)
        self.sync.failed.connect(self.sync_failed)
        self.sync.enrolled.connect(self.show_enrollment)
        self.sync.not_connected.connect(
            lambda: self.status.showMessage(self.status.connection.toolTip(), 10_000)
        )
        self.sync.progress.connect(self.status.set_progress)
        self.sync.checked.connect(self.show_check)
        self.sync.refresh_status()
        self.sync.soon()

    def sync_now(self) -> None:
        if self.sync is not None:
            self.sync.sync_now(asked=True)

    def check_against_hq(self) -> None:
        if self.sync is not None:
            self.sync.check_now()

    def show_check(self, result: CheckResult) -> None:
        if not result.conclusive:
            text = self.tr("The check could not be completed now: it will be tried again.")
        elif result.diverged:
            text = self.tr("This desk's copy differed from HQ's: it was downloaded again.")
        else:
            text = self.tr("This desk's copy matches HQ's.")
        self.status.showMessage(text, 10_000)

    def connect_to_hq(self) -> None:
        from opdesk.gui.enroll_dialog import EnrollDialog

        if self.sync is None:
            return
        sync = self.sync
        dialog = EnrollDialog(self.hq_address(), self)
        dialog.submitted.connect(sync.enroll)
        sync.enrolled.connect(dialog.accept)
        sync.enroll_failed.connect(lambda detail: dialog.failed(sync_error_text(detail)))
        try:
            dialog.exec()
        finally:
            sync.enrolled.disconnect(dialog.accept)
            sync.enroll_failed.disconnect()

    def hq_address(self) -> str | None:
        """HQ's address, if this desk is connected to HQ (as last shown)."""
        status = self._sync_status
        return status.server_url if status is not None and status.configured else None

    def show_enrollment(self, enrollment: Enrollment) -> None:
        desk = self.desk
        if desk is None:
            return
        if not enrollment.site_changed:
            self.status.showMessage(self.tr("This desk is now connected to HQ."), 10_000)
            return

        def said(name: str | None) -> None:
            self.status.showMessage(
                self.tr("Connected to HQ: this desk now records its visits for {site}.").format(
                    site=name or self.tr("the opcafè HQ enrolled it for")
                ),
                15_000,
            )
            self.refresh_status()

        def moved() -> str | None:
            desk.reload_site()
            return desk.site_name()

        Op(self.worker, moved, self).success(said).run()

    def show_sync_status(self, status: SyncStatus) -> None:
        self._sync_status = status
        online = self.sync is not None and self.sync.online and status.last_error is None
        when = status.last_sync_at
        last = when.astimezone(ROME).strftime("%d/%m %H:%M") if when else None
        error = sync_error_text(status.last_error) if status.last_error else None
        stopped = self.sync.stopped if self.sync is not None else None
        self.status.set_sync(
            online=online,
            configured=status.configured,
            last_sync=last,
            error=error,
            stopped=stopped is not None,
        )
        self.status.set_pending(status.pending)
        now = self.sync.service.clock() if self.sync is not None else utc_now()
        warnings = health_warnings(status, now)
        self.status.set_health(warnings)
        problems = status.problems
        # Said in full where problems are read, and counted as one: a person must act.
        if stopped is not None and status.failing_since is None:
            warnings.insert(0, self.tr("Sync stopped: {why}").format(why=sync_error_text(stopped)))
            problems += 1
        self.status.set_problems(problems)
        if self.problems is not None:
            self.problems.show_health(warnings)

    def refresh_after_sync(self) -> None:
        if self.checkin is not None:
            self.checkin.refresh_today()
        if self.problems is not None:
            self.problems.reload()

    def sync_failed(self, detail: str) -> None:
        if self.sync is not None and self.sync.stopped == detail:  # said in full there
            text = self.tr("Sync stopped: the reason is in Sync problems (Ctrl+3).")
        else:
            text = self.tr("Sync failed: {detail}").format(detail=sync_error_text(detail))
        self.status.showMessage(text, 10_000)

    def watch_integrity(self, desk: Desk) -> None:
        """The file's integrity check runs behind the opened window: report damage."""

        def verdict(problem: Exception | None) -> None:
            if problem is not None:
                self.show_fatal(problem)

        self.worker.submit_aside(desk.db.integrity_problem, verdict, self.show_fatal)

    def build_screens(self) -> None:
        """(Re)build every screen, e.g. after the language changed."""
        desk = self.desk
        if desk is None:
            return
        from opdesk.gui.checkin.screen import CheckInScreen
        from opdesk.gui.people_screen import PeopleScreen, new_person_dialog

        for index in reversed(range(self.stack.count())):
            old = self.stack.widget(index)
            if old is not None and old is not self.loading:
                self.stack.removeWidget(old)
                old.deleteLater()
        while self.nav.count():
            self.nav.removeTab(0)
        for action in self.section_keys:  # else a rebuilt window's Ctrl+3 is ambiguous
            self.removeAction(action)
            action.deleteLater()
        self.section_keys.clear()
        self.stack.removeWidget(self.loading)
        self.checkin = CheckInScreen(desk, self.worker, self)
        self.checkin.data_changed.connect(self.refresh_status)
        self.people = PeopleScreen(desk, self.worker, self.templates_dir, self)
        self.people.data_changed.connect(self.refresh_status)
        self.people.check_in_requested.connect(self.check_in)
        checkin = self.checkin

        def register(text: str) -> None:
            dialog = new_person_dialog(desk, self.worker, self, text, self.templates_dir)
            dialog.person_ready.connect(self.check_in)
            dialog.person_ready.connect(lambda _person: self.refresh_status())

        checkin.new_person_requested.connect(register)
        checkin.person_page_requested.connect(self.open_person_page)
        self.add_section(self.tr("Welcome desk"), self.checkin, "Ctrl+1")
        self.add_section(self.tr("People"), self.people, "Ctrl+2")
        if self.sync is not None:  # a rebuild: sync joined the first time (``join_sync``)
            self.add_problems_section(desk)
        self.nav.setVisible(self.nav.count() > 1)
        self.nav.setCurrentIndex(0)
        self.checkin.search.focus_search()
        self.refresh_status()
        self.screens_ready.emit()

    def open_person_page(self, person: PersonSummary) -> None:
        if self.people is None:
            return
        self.nav.setCurrentIndex(1)
        self.people.open_person(person.id)

    def check_in(self, person: PersonSummary) -> None:
        """Go to the welcome desk with the visit panel open for ``person``."""
        if self.checkin is None:
            return
        self.nav.setCurrentIndex(0)
        self.checkin.start_visit(person)

    def refresh_status(self) -> None:
        desk = self.desk
        if desk is None:
            return

        if self.sync is not None:
            self.sync.refresh_status()  # changes to send, problems, last sync
        Op(self.worker, desk.site_name, self).success(self.status.set_site).run()

    def show_fatal(self, exc: BaseException) -> None:
        """The database cannot be used: say why, touch nothing."""
        self.loading.setText(error_text(exc))
        if self.stack.indexOf(self.loading) < 0:
            self.stack.addWidget(self.loading)
        self.stack.setCurrentWidget(self.loading)
        self.nav.hide()
        QMessageBox.critical(self, self.tr("opdesk cannot start"), error_text(exc))

    def show_shortcuts(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Keyboard shortcuts"),
            self.tr(
                "Type a name: results follow.\n"
                "↑ ↓ and Enter: choose the person.\n"
                "1-5: topics · V / O: waits for a volunteer / a counsellor.\n"
                "Ctrl+Enter: record the visit · Esc: back.\n"
                "F2: anonymous visit · Ctrl+N: new person.\n"
                "F5: call · F6: seen · F8: gone (waiting queue).\n"
                "Ctrl+Z: undo the selected visit of today.\n"
                "Ctrl+, : settings · F1: this help."
            ),
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.checkin is not None and self.checkin.has_unsaved_visit():
            answer = QMessageBox.question(
                self,
                self.tr("Close opdesk?"),
                self.tr("A visit is being written and is not recorded yet. Close anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if self.sync is not None:
            self.sync.timer.stop()
            self.sync.wait()
        self.worker.wait()
        super().closeEvent(event)
