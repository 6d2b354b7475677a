"""Every screen at 150% text on a 1366x768 counter screen: nothing clipped, all Italian."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from opdesk.core.rules.person import PersonFields
from opdesk.core.services.desk import Desk
from opdesk.gui.enroll_dialog import EnrollDialog
from opdesk.gui.main_window import MainWindow
from opdesk.gui.settings import DeskSettings, SettingsDialog
from opdesk.gui.sync_health import sync_error_text
from opdesk.server.devices import OTHER_SITE
from tests.gui.clipping import clipped_texts


def walk_screens(qtbot: QtBot, window: MainWindow) -> Iterator[str]:
    screen = window.checkin
    assert screen is not None
    yield "search"
    qtbot.keyClicks(screen.search.field, "ross")
    qtbot.waitUntil(lambda: screen.search.model.rowCount() > 0, timeout=5000)
    yield "results"
    qtbot.keyClick(screen.search.field, Qt.Key.Key_Return)
    yield "visit panel"
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5):
        qtbot.keyClick(screen.visit, key)
    qtbot.keyClick(screen.visit, Qt.Key.Key_V)
    yield "visit panel, all chosen"
    qtbot.keyClick(screen.visit, Qt.Key.Key_O)
    yield "visit panel, counsellor"
    qtbot.keyClick(screen.visit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.queue.model.rowCount() == 1, timeout=5000)
    yield "queue and today"
    qtbot.keyClicks(screen.search.field, "ross")
    qtbot.waitUntil(lambda: screen.search.model.rowCount() > 0, timeout=5000)
    qtbot.keyClick(screen.search.field, Qt.Key.Key_Return)
    assert screen.visit.notice.isVisibleTo(screen)
    yield "visit panel, already waiting"


def test_nothing_is_clipped_at_150_percent(
    qtbot: QtBot, italian_150: None, window: MainWindow
) -> None:
    window.resize(1366, 768)
    window.build_screens()
    problems = []
    for name in walk_screens(qtbot, window):
        qtbot.wait(50)
        problems += [f"{name}: {p}" for p in clipped_texts(window)]
    assert problems == [], "\n".join(problems)
    assert window.width() <= 1366


def test_italian_is_the_language_of_every_label(
    qtbot: QtBot, italian_150: None, window: MainWindow
) -> None:
    window.build_screens()
    screen = window.checkin
    assert screen is not None
    assert screen.search.field.placeholderText().startswith("Nome")
    assert screen.queue.call.text().startswith("Chiama")
    assert "Sede" in window.status.site.text() or "sede" in window.status.site.text()


def test_the_waiting_queue_shows_a_long_name_whole_at_150_percent(
    qtbot: QtBot, italian_150: None, window: MainWindow, desk: Desk
) -> None:
    """The name is what the volunteer calls out: "La Rosa Ferdina…" cannot be called. The
    time waited took half the spare width, the name the other half."""
    window.resize(1366, 768)
    window.build_screens()
    long = PersonFields(given_name="Maria Antonietta", family_name="Della Valle")
    desk.visits.check_in(desk.people.register_person(long), topics=["casa"], wait_for="volunteer")
    screen = window.checkin
    assert screen is not None
    screen.refresh_today()
    qtbot.waitUntil(lambda: screen.queue.model.rowCount() == 1, timeout=5000)
    qtbot.wait(50)
    name = str(screen.queue.model.index(0, 0).data())
    assert name == "Della Valle Maria Antonietta"
    needed = screen.queue.table.fontMetrics().horizontalAdvance(name) + 8
    assert needed <= screen.queue.table.horizontalHeader().sectionSize(0)


def test_the_connect_and_settings_dialogs_read_whole_at_150_percent(
    qtbot: QtBot, italian_150: None, window: MainWindow
) -> None:
    connect = EnrollDialog("https://hq.example.org", window)
    qtbot.addWidget(connect)
    connect.show()
    connect.code.setText("ABCD-2345")
    connect._check()  # asking HQ
    problems = [f"asking: {p}" for p in clipped_texts(connect)]
    connect.failed(sync_error_text(OTHER_SITE))  # the longest refusal
    qtbot.wait(50)
    problems += [f"refused: {p}" for p in clipped_texts(connect)]
    assert connect.error.text().startswith("Questo codice è per una postazione")
    settings = SettingsDialog(DeskSettings(), window, server_url="https://hq.example.org")
    qtbot.addWidget(settings)
    settings.show()
    settings.server_url.setText("hq")
    settings._check()
    qtbot.wait(50)
    problems += [f"settings: {p}" for p in clipped_texts(settings)]
    assert problems == [], "\n".join(problems)
