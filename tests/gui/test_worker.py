"""The database worker: results come back on the GUI thread, in order, many times over.

Also guards against PySide6 6.12.0, which corrupts reference counts when a signal is
emitted from a worker thread (pyproject pins PySide6 below it)."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from opdesk.gui.worker import DbWorker


def test_thousands_of_results_arrive_in_order_on_the_gui_thread(
    qtbot: QtBot, qapp: QApplication
) -> None:
    worker = DbWorker()
    gui_thread = threading.get_ident()
    seen: list[int] = []
    threads: set[int] = set()

    def deliver(value: object) -> None:
        threads.add(threading.get_ident())
        assert isinstance(value, list)
        seen.append(value[1])

    for i in range(5000):
        worker.submit(lambda i=i: [None, i, True], deliver, lambda exc: None)
    qtbot.waitUntil(lambda: len(seen) == 5000, timeout=20_000)
    assert seen == list(range(5000))
    assert threads == {gui_thread}
    worker.wait()


def test_a_failure_reaches_the_failure_callback(qtbot: QtBot, qapp: QApplication) -> None:
    worker = DbWorker()
    failures: list[BaseException] = []

    def boom() -> None:
        raise ValueError("nope")

    worker.submit(boom, lambda value: None, failures.append)
    qtbot.waitUntil(lambda: len(failures) == 1, timeout=5000)
    assert isinstance(failures[0], ValueError)
    worker.wait()
