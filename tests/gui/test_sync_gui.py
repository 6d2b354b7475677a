"""Sync from the window: connect to a real HQ, F9, the status bar, the problems inbox."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from opdesk.core.services.desk import Desk
from opdesk.gui.enroll_dialog import EnrollDialog
from opdesk.gui.main_window import MainWindow
from opdesk.storage.models import SyncProblem
from tests.server.test_http import start_server


def test_unconfigured_desk_says_so(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: window.sync is not None and window.status.pending.text() != "", timeout=5000
    )
    assert window.status.connection.text() == "Offline"
    assert "not configured" in window.status.connection.toolTip()
    assert not window.status.problems.isVisible()


def test_connect_to_hq_then_f9_sends_the_changes(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path
) -> None:
    for server in start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}"):
        code = server.admin("enroll-device", "Rho 1", "--site", "Rho").split()[0]
        assert window.sync is not None
        with qtbot.waitSignal(window.sync.enrolled, timeout=10_000):
            window.sync.enroll(server.url, code, None)
        qtbot.waitUntil(lambda: window.status.connection.text() == "Online", timeout=10_000)
        desk.visits.check_in(None, topics=["casa"])
        qtbot.keyClick(window, Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: window.status.pending.text().endswith(" 0"), timeout=10_000)
        assert window.status.last_sync.text() != "Synced: never"
        window.sync.wait()


def test_a_problem_is_listed_and_marked_as_seen(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    with desk.db.write() as session:
        session.add(
            SyncProblem(
                seq=3,
                name="update_person",
                args={},
                reason="Somebody else changed these fields meanwhile: phone.",
                created_at=datetime(2026, 11, 25, 9, 0, tzinfo=UTC),
            )
        )
    assert window.problems is not None and window.sync is not None
    window.problems.reload()
    window.sync.refresh_status()
    qtbot.waitUntil(lambda: window.problems.model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: window.status.problems.text() == "Problems: 1", timeout=5000)
    assert (
        window.problems.model.data(window.problems.model.index(0, 1))
        == "change of a person's details"
    )
    window.problems.seen.click()
    qtbot.waitUntil(lambda: window.problems.model.rowCount() == 0, timeout=5000)
    qtbot.waitUntil(lambda: not window.status.problems.isVisible(), timeout=5000)


def test_the_connect_dialog_checks_what_is_written(qtbot: QtBot) -> None:
    dialog = EnrollDialog(None)
    qtbot.addWidget(dialog)
    dialog.url.setText("hq")
    dialog._check()
    assert dialog.error.isVisibleTo(dialog) and "address" in dialog.error.text()
    dialog.url.setText("https://hq.example.org")
    dialog._check()
    assert "code" in dialog.error.text()
    dialog.code.setText("ABCD-2345")
    dialog._check()
    assert dialog.result() == EnrollDialog.DialogCode.Accepted
    assert dialog.values() == ("https://hq.example.org", "ABCD-2345", None)
