"""Background work: one serialized thread for the database, results back by signal.

Only plain frozen data crosses threads; callbacks always run on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


class Task(QRunnable):
    """Runs ``fn`` on a pool thread; its result or exception goes back by the dispatcher."""

    def __init__(
        self, fn: Callable[[], Any], dispatcher: Dispatcher, ok: Callback, fail: Callback
    ) -> None:
        super().__init__()
        self.fn, self.dispatcher, self.ok, self.fail = fn, dispatcher, ok, fail

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # every failure goes back to the GUI, typed or not
            self.dispatcher.ready.emit(self.fail, exc)
        else:
            self.dispatcher.ready.emit(self.ok, result)


class Dispatcher(QObject):
    """Lives on the GUI thread; a queued signal brings each result here.

    Signals:
        ready(callback, value): a task finished; ``callback(value)`` runs on this thread.
    """

    ready = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ready.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, callback: Callback, value: Any) -> None:
        callback(value)


class DbWorker(QObject):
    """Runs database tasks one at a time, in order, off the GUI thread.

    Signals:
        busy_changed(bool): whether tasks are waiting or running.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.aside = QThreadPool(self)
        self.aside.setMaxThreadCount(1)
        self.dispatcher = Dispatcher(self)
        self.pending = 0

    def submit(self, fn: Callable[[], Any], ok: Callback, fail: Callback) -> None:
        self.pending += 1
        if self.pending == 1:
            self.busy_changed.emit(True)

        def done(callback: Callback) -> Callback:
            def finish(value: Any) -> None:
                self.pending -= 1
                if self.pending == 0:
                    self.busy_changed.emit(False)
                callback(value)

            return finish

        self.pool.start(Task(fn, self.dispatcher, done(ok), done(fail)))

    def submit_aside(self, fn: Callable[[], Any], ok: Callback, fail: Callback) -> None:
        """For a wait that must not hold up the queue (e.g. the integrity verdict)."""
        self.aside.start(Task(fn, self.dispatcher, ok, fail))

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs) and self.aside.waitForDone(msecs)
