"""The check-in flow driven by keyboard on real widgets and a real database."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from opdesk.core.services.desk import Desk
from opdesk.gui.checkin.screen import CheckInScreen
from opdesk.gui.main_window import MainWindow
from opdesk.gui.worker import DbWorker
from opdesk.storage.models import Person


def answer_when_asked(button: QMessageBox.StandardButton) -> None:
    """Click ``button`` on the next message box, once it is open (it runs its own loop)."""

    def attempt() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
        else:
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(20, attempt)


def screen_of(window: MainWindow) -> CheckInScreen:
    assert window.checkin is not None
    return window.checkin


def type_and_wait(qtbot: QtBot, screen: CheckInScreen, text: str) -> None:
    field = screen.search.field
    field.clear()
    qtbot.keyClicks(field, text)
    qtbot.waitUntil(lambda: screen.search._searched == field.text(), timeout=5000)


def test_search_field_has_focus_and_results_follow_typing(qtbot: QtBot, window: MainWindow) -> None:
    screen = screen_of(window)
    qtbot.waitUntil(lambda: screen.search.field.hasFocus())
    type_and_wait(qtbot, screen, "ross")
    names = [
        screen.search.model.person(r).display_name for r in range(screen.search.model.rowCount())
    ]
    assert names[:2] == ["Rossi Mario", "Rossini Maria"]


def test_keyboard_check_in_with_topics_and_note(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    screen = screen_of(window)
    type_and_wait(qtbot, screen, "rossini")
    qtbot.keyClick(screen.search.field, Qt.Key.Key_Return)
    assert screen.left.currentWidget() is screen.visit
    assert screen.visit.title.text() == "Rossini Maria"
    qtbot.keyClick(screen.visit, Qt.Key.Key_1)
    qtbot.keyClick(screen.visit, Qt.Key.Key_4)
    qtbot.keyClicks(screen.visit.note, "3 figli")  # digits in the note stay in the note
    assert screen.visit.selected_topics() == ["casa", "risparmio"]
    qtbot.keyClick(screen.visit.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.today.model.rowCount() == 1, timeout=5000)
    visit = screen.today.model.item(0)
    assert visit is not None
    assert visit.person_name == "Rossini Maria"
    assert visit.topics == ("casa", "risparmio")
    assert visit.note == "3 figli"
    assert screen.left.currentWidget() is screen.search
    assert screen.search.field.text() == ""
    assert screen.feedback.isVisible()


def test_arrows_pick_the_second_result(qtbot: QtBot, window: MainWindow) -> None:
    screen = screen_of(window)
    type_and_wait(qtbot, screen, "ross")
    qtbot.keyClick(screen.search.field, Qt.Key.Key_Down)
    qtbot.keyClick(screen.search.field, Qt.Key.Key_Return)
    assert screen.visit.title.text() == "Rossini Maria"
    qtbot.keyClick(screen.visit, Qt.Key.Key_Escape)
    assert screen.left.currentWidget() is screen.search


def test_anonymous_visit_is_one_key_away(qtbot: QtBot, window: MainWindow) -> None:
    screen = screen_of(window)
    qtbot.keyClick(screen.search.field, Qt.Key.Key_F2)
    assert screen.visit.person is None
    qtbot.keyClick(screen.visit, Qt.Key.Key_5)
    qtbot.keyClick(screen.visit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.today.model.rowCount() == 1, timeout=5000)
    visit = screen.today.model.item(0)
    assert visit is not None and visit.person_id is None and visit.topics == ("altro",)


def test_undo_a_visit_recorded_by_mistake(qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    screen = screen_of(window)
    desk.visits.check_in(None, topics=["lavoro"])
    screen.refresh_today()
    qtbot.waitUntil(lambda: screen.today.model.rowCount() == 1, timeout=5000)

    answer_when_asked(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(screen.search.field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.today.model.rowCount() == 0, timeout=5000)
    assert desk.visits.todays_visits() == []


def test_waiting_queue_call_and_serve(qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    screen = screen_of(window)
    type_and_wait(qtbot, screen, "ferrari")
    qtbot.keyClick(screen.search.field, Qt.Key.Key_Return)
    qtbot.keyClick(screen.visit, Qt.Key.Key_V)
    assert screen.visit.wait_for() == "volunteer"
    qtbot.keyClick(screen.visit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.queue.model.rowCount() == 1, timeout=5000)
    qtbot.keyClick(screen.search.field, Qt.Key.Key_F5)
    qtbot.waitUntil(
        lambda: (e := screen.queue.model.item(0)) is not None and e.state == "called", timeout=5000
    )
    qtbot.keyClick(screen.search.field, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: screen.queue.model.rowCount() == 0, timeout=5000)
    assert screen.today.model.rowCount() == 1


def test_someone_already_waiting_is_said_before_a_second_visit(
    qtbot: QtBot, window: MainWindow
) -> None:
    screen = screen_of(window)
    type_and_wait(qtbot, screen, "ferrari")
    qtbot.keyClick(screen.search.field, Qt.Key.Key_Return)
    assert not screen.visit.notice.isVisibleTo(screen)
    qtbot.keyClick(screen.visit, Qt.Key.Key_V)
    qtbot.keyClick(screen.visit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.queue.model.rowCount() == 1, timeout=5000)

    type_and_wait(qtbot, screen, "ferrari")  # the same person, a minute later
    qtbot.keyClick(screen.search.field, Qt.Key.Key_Return)
    assert screen.visit.notice.isVisibleTo(screen)
    assert screen.visit.notice.text().startswith("Already waiting, since ")
    qtbot.keyClick(screen.visit, Qt.Key.Key_Escape)
    type_and_wait(qtbot, screen, "rossini")  # someone else: nothing to say
    qtbot.keyClick(screen.search.field, Qt.Key.Key_Return)
    assert not screen.visit.notice.isVisibleTo(screen)


def test_enter_with_no_result_asks_for_a_new_person(qtbot: QtBot, window: MainWindow) -> None:
    screen = screen_of(window)
    type_and_wait(qtbot, screen, "zzyzx")
    assert screen.search.model.rowCount() == 0
    with qtbot.waitSignal(screen.new_person_requested, timeout=2000) as blocker:
        qtbot.keyClick(screen.search.field, Qt.Key.Key_Return)
    assert blocker.args == ["zzyzx"]


def test_models_pass_the_model_tester(
    qtbot: QtBot, window: MainWindow, desk: Desk, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    screen = screen_of(window)
    desk.visits.check_in(None, topics=["casa"], wait_for="counsellor")
    screen.refresh_today()
    type_and_wait(qtbot, screen, "ro")
    qtbot.waitUntil(lambda: screen.queue.model.rowCount() == 1, timeout=5000)
    qtmodeltester.check(screen.search.model)
    qtmodeltester.check(screen.today.model)
    qtmodeltester.check(screen.queue.model)


def test_status_bar_shows_site_and_pending_changes(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: "Rho" in window.status.site.text(), timeout=5000)
    # Counted by sync's status, which joins once its modules are loaded.
    qtbot.waitUntil(lambda: window.status.pending.text().endswith("5"), timeout=5000)


def test_closing_with_a_visit_being_written_asks_first(qtbot: QtBot, window: MainWindow) -> None:
    screen = screen_of(window)
    type_and_wait(qtbot, screen, "ferrari")
    qtbot.keyClick(screen.search.field, Qt.Key.Key_Return)
    qtbot.keyClick(screen.visit, Qt.Key.Key_2)
    answer_when_asked(QMessageBox.StandardButton.No)
    assert not window.close()
    assert window.isVisible()
    answer_when_asked(QMessageBox.StandardButton.Yes)
    assert window.close()


def test_typing_faster_than_the_database_searches_only_the_latest_text(
    qtbot: QtBot, window: MainWindow, desk: Desk, worker: DbWorker
) -> None:
    screen = screen_of(window)
    searched: list[str] = []
    real_search = desk.search

    def counted(query: str, **options: Any) -> Any:
        searched.append(query)
        return real_search(query, **options)

    desk.search = counted  # type: ignore[method-assign]
    busy = threading.Event()
    worker.submit(lambda: busy.wait(5), lambda _v: None, lambda _e: None)  # a long task
    for letter in "rossi":  # a key at a time: each one's search is queued behind it
        qtbot.keyClick(screen.search.field, letter)
        qtbot.wait(20)
    busy.set()
    qtbot.waitUntil(lambda: screen.search._searched == "rossi", timeout=5000)
    assert searched == ["rossi"]
    assert screen.search.model.person(0).display_name == "Rossi Mario"


def test_a_result_from_the_network_index_says_its_record_is_elsewhere(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    with desk.db.write() as session:  # as HQ sends a person of another opcafè
        session.execute(
            update(Person).where(Person.family_name == "Rossini").values(index_only=True)
        )
    screen = screen_of(window)
    type_and_wait(qtbot, screen, "ross")
    model = screen.search.model
    lines = {  # as shown: a long line wraps only between its parts
        model.person(row).display_name: model.data(model.index(row)).replace("\u00a0", " ")
        for row in range(model.rowCount())
    }
    assert lines["Rossini Maria"].endswith("·  record elsewhere")
    shown = [model.data(model.index(row)) for row in range(model.rowCount())]
    assert any(line.endswith("·  record\u00a0elsewhere") for line in shown)
    assert "elsewhere" not in lines["Rossi Mario"]
