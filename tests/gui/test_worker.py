"""The database worker: results come back on the GUI thread, in order, many times over.

Also guards against PySide6 6.12.0, which corrupts reference counts when a signal is
emitted from a worker thread (pyproject pins PySide6 below it)."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from opdesk.gui.operations.base import Op
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


def test_an_answer_for_a_screen_gone_meanwhile_is_dropped(
    qtbot: QtBot, qapp: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    """The language changed (screens rebuilt) while a screen's work ran."""
    worker = DbWorker()
    release = threading.Event()
    answered: list[object] = []

    def slow(value: object) -> object:
        release.wait(5)
        if isinstance(value, Exception):
            raise value
        return value

    for value in ("rows", ValueError("disk")):
        screen = QWidget()
        Op(worker, lambda value=value: slow(value), screen).success(answered.append).failure(
            answered.append
        ).run()
        shiboken6.delete(screen)
        release.set()
        worker.wait()
        qapp.processEvents()
        release.clear()
    assert answered == []
    assert "ValueError, after its screen was closed" in caplog.text
    alive = QWidget()
    Op(worker, lambda: "rows", alive).success(answered.append).run()
    qtbot.waitUntil(lambda: answered == ["rows"], timeout=5000)
