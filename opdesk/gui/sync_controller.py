"""Sync in the background: its own thread, every few minutes and on demand.

The network never blocks the window nor the database worker's queue; the result comes
back by signal as plain data (the status to show).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from opdesk.gui.worker import Dispatcher, Task
from opdesk.sync.divergence import CheckResult
from opdesk.sync.http import SyncError
from opdesk.sync.service import Enrollment, SyncService, SyncStatus, failure_detail

log = logging.getLogger(__name__)
DEFAULT_INTERVAL_MIN = 5
FIRST_SYNC_MS = 3000  # after start-up: the counter's first paint and searches go first


class SyncController(QObject):
    """Signals:
    status_changed(object): a SyncStatus, after start-up and after every attempt.
    synced(): a sync brought or sent changes: screens may reload.
    failed(str): HQ could not be reached or refused (its words).
    enrolled(object): the desk is now enrolled (an Enrollment: its site, maybe HQ's).
    enroll_failed(str): HQ refused the code, or could not be reached (its words).
    not_connected(): a sync or check asked for by hand found the desk not connected to
        HQ yet.
    progress(object): during a pull, (rows received, rows HQ said were waiting or None);
        None when the sync is over.
    checked(object): a CheckResult, after a check against HQ asked for by hand.
    """

    status_changed = Signal(object)
    synced = Signal()
    failed = Signal(str)
    enrolled = Signal(object)
    enroll_failed = Signal(str)
    not_connected = Signal()
    progress = Signal(object)
    checked = Signal(object)

    def __init__(self, service: SyncService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.dispatcher = Dispatcher(self)
        self.running = False
        self.online = False
        # Why sync stopped until a person acts (revoked, opdesk too old, a certificate
        # not trusted): a message id; None once a sync works again.
        self.stopped: str | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        self.set_interval(DEFAULT_INTERVAL_MIN)

    def set_interval(self, minutes: int) -> None:
        self.timer.start(max(minutes, 1) * 60_000)

    def soon(self, ms: int = FIRST_SYNC_MS) -> None:
        """A first sync shortly after start-up: the night's changes of other desks come
        in, and the status bar says how things are, not "offline" for minutes."""
        QTimer.singleShot(ms, self, self.sync_now)

    def _run(self, fn: object, ok: object, fail: object) -> None:
        self.pool.start(Task(fn, self.dispatcher, ok, fail))  # type: ignore[arg-type]

    def refresh_status(self) -> None:
        self._run(self.service.status, self.status_changed.emit, self._log_failure)

    def sync_now(self, *, asked: bool = False) -> None:
        """``asked``: by a person (F9), who is told if the desk is not connected yet."""
        if self.running:
            return
        self.running = True

        def attempt() -> SyncStatus:
            if self.service.status().configured:
                # Emitted from the sync thread: Qt queues it to the window's thread.
                self.service.sync_now(
                    progress=lambda done, total: self.progress.emit((done, total))
                )
            return self.service.status()

        def done(status: SyncStatus) -> None:
            self._done(status)
            if asked and not status.configured:
                self.not_connected.emit()

        self._run(attempt, done, self._failed)

    def check_now(self) -> None:
        """Sync, then compare this desk's copy with HQ's (downloading again if they
        differ)."""
        if self.running:
            return
        self.running = True

        def attempt() -> tuple[CheckResult | None, SyncStatus]:
            status = self.service.status()
            if not status.configured:  # nothing to compare with: say how
                return None, status
            return self.service.check_now(), self.service.status()

        def done(outcome: tuple[CheckResult | None, SyncStatus]) -> None:
            checked, status = outcome
            self._done(status)
            if checked is None:
                self.not_connected.emit()
            else:
                self.checked.emit(checked)

        self._run(attempt, done, self._failed)

    def enroll(self, server_url: str, code: str, ca_file: Path | None) -> None:
        """Answered by ``enrolled`` or ``enroll_failed``: a refused code is not a failed
        sync (a desk enrolled before stays as it was, online)."""

        def attempt() -> Enrollment:
            return self.service.enroll(server_url, code, ca_file=ca_file)

        def done(enrollment: Enrollment) -> None:
            self.enrolled.emit(enrollment)
            self.sync_now()

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, SyncError):
                log.error("enrollment failed", exc_info=exc)
            self.enroll_failed.emit(failure_detail(exc))

        self._run(attempt, done, failed)

    def move_to(self, server_url: str) -> None:
        """HQ moved to this address: keep it, then sync (a wrong one says why there)."""
        self._run(
            lambda: self.service.move_to(server_url), lambda _none: self.sync_now(), self._failed
        )

    def _done(self, status: SyncStatus) -> None:
        self.running = False
        if status.configured:
            self.stopped = None
        self.progress.emit(None)
        self.online = status.configured
        self.status_changed.emit(status)
        if status.configured:
            self.synced.emit()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.progress.emit(None)
        self.online = False
        if not isinstance(exc, SyncError):
            log.error("sync failed", exc_info=exc)
        elif not exc.temporary:
            self.stopped = exc.detail
        self.failed.emit(failure_detail(exc))
        self.refresh_status()

    def _log_failure(self, exc: BaseException) -> None:
        log.error("sync status unavailable", exc_info=exc)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
