"""Sync from the window: connect to a real HQ, F9, the status bar, the problems inbox."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from opdesk.app import open_desk
from opdesk.core.rules.sites import site_id_for
from opdesk.core.services.desk import Desk
from opdesk.gui.enroll_dialog import EnrollDialog
from opdesk.gui.main_window import MainWindow
from opdesk.gui.settings import DeskSettings, SettingsDialog
from opdesk.gui.worker import DbWorker
from opdesk.paths import resolve_paths
from opdesk.storage.models import SyncProblem
from opdesk.sync.service import SyncService
from tests.server.test_http import start_server


def test_unconfigured_desk_says_so(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: window.sync is not None and window.status.pending.text() != "", timeout=5000
    )
    assert window.status.connection.text() == "Not connected"
    assert "Connect to HQ" in window.status.connection.toolTip()
    qtbot.keyClick(window, Qt.Key.Key_F9)  # says how, rather than nothing
    qtbot.waitUntil(lambda: "Connect to HQ" in window.status.currentMessage(), timeout=5000)
    window.status.clearMessage()
    window.check_against_hq()  # the same, not a sync stopped by a refusal
    qtbot.waitUntil(lambda: "Connect to HQ" in window.status.currentMessage(), timeout=5000)
    assert window.sync is not None and window.sync.stopped is None
    assert not window.status.problems.isVisible()
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
    dialog.show()
    asked: list[tuple[str, str, object]] = []
    dialog.submitted.connect(lambda *values: asked.append(values))
    dialog.url.setText("hq")
    dialog._check()
    assert dialog.error.isVisibleTo(dialog) and "address" in dialog.error.text()
    dialog.url.setText("https://hq.example.org")
    dialog._check()
    assert "code" in dialog.error.text() and not asked
    dialog.code.setText("ABCD-2345")
    dialog._check()
    assert asked == [("https://hq.example.org", "ABCD-2345", None)]
    assert not dialog.code.isEnabled() and not dialog.browse.isEnabled()
    assert dialog.busy.isVisibleTo(dialog)
    dialog.reject()  # Esc while HQ is asked: its answer is still awaited
    assert dialog.isVisible() and not dialog.error.isVisible()
    dialog.failed("This enrollment code is not valid.")
    assert dialog.code.isEnabled() and dialog.code.hasSelectedText()
    assert dialog.error.text() == "This enrollment code is not valid."


def drive_dialog(qtbot: QtBot, steps: Callable[[EnrollDialog], None]) -> list[str]:
    """Run ``steps`` on the connect dialog once it is open (``exec`` waits meanwhile);
    what went wrong in them is returned, as an exception there would be lost."""
    failures: list[str] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, EnrollDialog)
            steps(dialog)
        except Exception as exc:  # reported by the test, and the dialog closed
            failures.append(repr(exc))
            if isinstance(dialog, QDialog):
                dialog.done(0)

    QTimer.singleShot(0, run)
    return failures


def test_a_refused_code_is_said_in_the_dialog_and_can_be_written_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    for server in start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}"):
        code = server.admin("enroll-device", "Rho 1", "--site", "Rho").split()[0]

        def steps(dialog: EnrollDialog, url: str = server.url, code: str = code) -> None:
            dialog.url.setText(url)
            dialog.code.setText("AAAA-BBBB")
            qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=10_000)
            assert dialog.error.text() == "This enrollment code is not valid."
            assert dialog.isVisible() and dialog.code.isEnabled()
            dialog.code.setText(code)
            qtbot.keyClick(dialog.code, Qt.Key.Key_Return)

        failures = drive_dialog(qtbot, steps)
        window.connect_to_hq()  # returns once the dialog is closed
        assert failures == []
        qtbot.waitUntil(lambda: window.status.connection.text() == "Online", timeout=10_000)
        assert window.status.currentMessage() in ("This desk is now connected to HQ.", "")
        window.sync.wait()  # type: ignore[union-attr]


def test_a_new_desk_enrolled_for_another_site_says_it_and_records_there(
    qtbot: QtBot, worker: DbWorker, tmp_path: Path
) -> None:
    desk = open_desk(resolve_paths(tmp_path / "new").ensure())
    desk.choose_site(site_id_for("Arese"))  # the first of the list, chosen in a hurry
    window = MainWindow(worker)
    qtbot.addWidget(window)
    window.show()
    window.attach(desk)
    qtbot.waitUntil(lambda: window.sync is not None and window.checkin is not None)
    try:
        for server in start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}"):
            code = server.admin("enroll-device", "Rho 1", "--site", "Rho").split()[0]

            def steps(dialog: EnrollDialog, url: str = server.url, code: str = code) -> None:
                dialog.url.setText(url)
                dialog.code.setText(code)
                qtbot.keyClick(dialog.code, Qt.Key.Key_Return)

            failures = drive_dialog(qtbot, steps)
            window.connect_to_hq()
            assert failures == []
            qtbot.waitUntil(lambda: window.status.site.text() == "Site: opcafè Rho", timeout=10_000)
            assert "now records its visits for opcafè Rho" in window.status.currentMessage()
            assert desk.visits.check_in(None, topics=["casa"])
            assert desk.visits.todays_visits()[0].site_id == site_id_for("Rho")
            assert window.sync is not None
            window.sync.wait()
    finally:
        worker.wait()
        desk.close()


def test_a_revoked_desk_says_sync_stopped_until_it_is_connected_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    assert window.sync is not None and window.problems is not None
    sync = window.sync
    for server in start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}"):
        code = server.admin("enroll-device", "Rho 1", "--site", "Rho").split()[0]
        with qtbot.waitSignal(sync.enrolled, timeout=10_000):
            sync.enroll(server.url, code, None)
        qtbot.waitUntil(lambda: window.status.connection.text() == "Online", timeout=10_000)
        server.admin("revoke-device", server.admin("devices").split()[0])

        sync_by_f9(qtbot, window)
        qtbot.waitUntil(lambda: window.status.connection.text() == "Sync stopped", timeout=10_000)
        assert "revoked at HQ" in window.status.connection.toolTip()
        assert window.status.problems.text() == "Problems: 1"  # a person must act
        assert window.problems.health.text().startswith("Sync stopped: This desk was revoked")

        code = server.admin("enroll-device", "Rho 1 again", "--site", "Rho").split()[0]
        with qtbot.waitSignal(sync.enrolled, timeout=10_000):
            sync.enroll(server.url, code, None)
        qtbot.waitUntil(lambda: window.status.connection.text() == "Online", timeout=10_000)
        assert not window.status.problems.isVisible() and not window.problems.health.text()
        sync.wait()


def says_online(window: MainWindow) -> Callable[[], bool]:
    return lambda: window.status.connection.text() == "Online"


def sync_by_f9(qtbot: QtBot, window: MainWindow) -> None:
    assert window.sync is not None
    with qtbot.waitSignal(window.sync.status_changed, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_F9)
    window.sync.wait()


def test_an_enrolled_desk_syncs_soon_after_it_starts(
    qtbot: QtBot, worker: DbWorker, desk: Desk, tmp_path: Path
) -> None:
    """It said "Offline" for the five minutes until its first sync, every morning."""
    for server in start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}"):
        code = server.admin("enroll-device", "Rho 1", "--site", "Rho").split()[0]
        SyncService(desk.db).enroll(server.url, code)  # yesterday
        window = MainWindow(worker)
        qtbot.addWidget(window)
        window.show()
        window.attach(desk)
        qtbot.waitUntil(says_online(window), timeout=15_000)
        assert window.status.pending.text().endswith(" 0")  # the fixture's people, sent
        assert window.sync is not None
        window.sync.wait()
        worker.wait()


def test_hqs_address_is_changed_in_the_settings_and_the_desk_stays_enrolled(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path
) -> None:
    unconnected = SettingsDialog(DeskSettings(), window, server_url=None)
    qtbot.addWidget(unconnected)
    assert not unconnected.server_url.isVisibleTo(unconnected)
    assert unconnected.chosen_server_url() is None
    assert window.sync is not None
    sync = window.sync
    for server in start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}"):
        code = server.admin("enroll-device", "Rho 1", "--site", "Rho").split()[0]
        with qtbot.waitSignal(sync.enrolled, timeout=10_000):
            sync.enroll(server.url, code, None)
        qtbot.waitUntil(says_online(window), timeout=10_000)

        dialog = SettingsDialog(DeskSettings(), window, server_url=window.hq_address())
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.server_url.text() == server.url
        dialog.server_url.setText("hq.sercop")  # no scheme
        dialog._check()
        assert dialog.error.isVisibleTo(dialog) and dialog.result() == 0
        moved = server.url.replace("127.0.0.1", "localhost")  # HQ's new name, same HQ
        dialog.server_url.setText(moved + "/")
        dialog._check()
        assert dialog.chosen_server_url() == moved

        desk.visits.check_in(None, topics=["casa"])
        with qtbot.waitSignal(sync.status_changed, timeout=10_000):
            sync.move_to(moved)
        qtbot.waitUntil(lambda url=moved: window.hq_address() == url, timeout=10_000)
        qtbot.waitUntil(lambda: window.status.pending.text().endswith(" 0"), timeout=10_000)
        assert window.status.connection.text() == "Online"
        sync.wait()
