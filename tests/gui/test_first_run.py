"""First run: the desk asks which opcafè it is, then opens the check-in screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from opdesk.app import open_desk
from opdesk.core.services.desk import Desk
from opdesk.gui.main_window import MainWindow
from opdesk.gui.welcome import WelcomeDialog
from opdesk.gui.worker import DbWorker
from opdesk.paths import resolve_paths


@pytest.fixture
def fresh_desk(tmp_path: Path) -> Iterator[Desk]:
    desk = open_desk(resolve_paths(tmp_path / "fresh").ensure())
    yield desk
    desk.close()


def when_welcome_opens(action: str, qtbot: QtBot, rows_down: int = 0) -> None:
    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, WelcomeDialog):
            QTimer.singleShot(20, attempt)
            return
        assert dialog.sites.count() == 9
        if action == "demo":
            dialog.demo.click()
            return
        for _ in range(rows_down):
            qtbot.keyClick(dialog.sites, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.sites, Qt.Key.Key_Return)

    QTimer.singleShot(20, attempt)


def test_first_run_asks_for_the_site_by_keyboard(
    qtbot: QtBot, fresh_desk: Desk, worker: DbWorker
) -> None:
    window = MainWindow(worker)
    qtbot.addWidget(window)
    window.show()
    when_welcome_opens("pick", qtbot, rows_down=2)  # Arese, Cornaredo, Lainate
    window.attach(fresh_desk)
    qtbot.waitUntil(lambda: window.checkin is not None, timeout=10_000)
    assert fresh_desk.site_name() == "opcafè Lainate"
    qtbot.waitUntil(lambda: "Lainate" in window.status.site.text(), timeout=5000)
    worker.wait()


def test_first_run_can_ask_for_a_demo(qtbot: QtBot, fresh_desk: Desk, worker: DbWorker) -> None:
    window = MainWindow(worker)
    qtbot.addWidget(window)
    window.show()
    when_welcome_opens("demo", qtbot)
    with qtbot.waitSignal(window.demo_requested, timeout=10_000):
        window.attach(fresh_desk)
    assert fresh_desk.context.site_id is None
    worker.wait()
