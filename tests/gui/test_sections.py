"""The sections together: register from the check-in search, open a person's page,
record a visit from it; and every widget readable at 150% in Italian."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from opdesk.core.services.desk import Desk
from opdesk.gui.main_window import MainWindow
from opdesk.gui.person.new_person import NewPersonDialog
from tests.gui.clipping import clipped_texts


def open_form(qtbot: QtBot) -> NewPersonDialog:
    found: list[NewPersonDialog] = []

    def opened() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, NewPersonDialog)]
        return bool(found) and found[0].isVisible()

    qtbot.waitUntil(opened, timeout=5000)
    dialog = found[0]
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    return dialog


def test_enter_on_nobody_registers_then_opens_the_visit(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    screen = window.checkin
    assert screen is not None
    qtbot.keyClicks(screen.search.field, "okafor chidi")
    qtbot.waitUntil(lambda: screen.search._searched == "okafor chidi", timeout=5000)
    qtbot.keyClick(screen.search.field, Qt.Key.Key_Return)
    dialog = open_form(qtbot)
    assert dialog.form.family_name.text() == "Okafor"
    assert dialog.form.given_name.text() == "Chidi"
    qtbot.keyClick(dialog, Qt.Key.Key_F4)
    assert dialog.consents.dialog is not None
    dialog.consents.dialog.accept()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    qtbot.keyClick(dialog.consents.boxes["registration"], Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.person_ready, timeout=5000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.left.currentWidget() is screen.visit, timeout=5000)
    assert screen.visit.title.text() == "Okafor Chidi"


def test_f3_opens_the_page_and_the_page_records_a_visit(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    screen = window.checkin
    people = window.people
    assert screen is not None and people is not None
    qtbot.keyClicks(screen.search.field, "ferrari")
    qtbot.waitUntil(lambda: screen.search.model.rowCount() == 1, timeout=5000)
    qtbot.keyClick(screen.search.field, Qt.Key.Key_F3)
    assert window.stack.currentWidget() is people
    qtbot.waitUntil(lambda: "Ferrari" in people.page.title.text(), timeout=5000)
    people.page.record_button.click()
    assert window.stack.currentWidget() is screen
    assert screen.visit.title.text() == "Ferrari Giulia"


def test_people_section_search_opens_a_page_and_esc_goes_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    people = window.people
    assert people is not None
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is people
    qtbot.keyClicks(people.search.field, "d'angelo")
    qtbot.waitUntil(lambda: people.search.model.rowCount() == 1, timeout=5000)
    qtbot.keyClick(people.search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "D'Angelo" in people.page.title.text(), timeout=5000)
    qtbot.keyClick(people.page, Qt.Key.Key_Escape)
    assert people.stack.currentWidget() is people.search


def test_people_section_and_forms_are_not_clipped_at_150(
    qtbot: QtBot, italian_150: None, window: MainWindow
) -> None:
    window.resize(1366, 768)
    window.build_screens()
    people = window.people
    assert people is not None
    window.nav.setCurrentIndex(1)
    qtbot.keyClicks(people.search.field, "rossi")
    qtbot.waitUntil(lambda: people.search.model.rowCount() > 0, timeout=5000)
    problems = [f"search: {p}" for p in clipped_texts(window)]
    qtbot.keyClick(people.search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Rossi" in people.page.title.text(), timeout=5000)
    qtbot.wait(50)
    problems += [f"page: {p}" for p in clipped_texts(window)]
    dialog = people.new_person("")
    qtbot.waitExposed(dialog)
    problems += [f"new person: {p}" for p in clipped_texts(dialog)]
    dialog.mark_clean()
    dialog.close()
    assert problems == [], "\n".join(problems)
    assert window.width() <= 1366


def test_small_dialogs_are_not_clipped_at_150(qtbot: QtBot, italian_150: None) -> None:
    from opdesk.core.rules.sites import NETWORK_SITES
    from opdesk.gui.enroll_dialog import EnrollDialog
    from opdesk.gui.settings import DeskSettings, SettingsDialog
    from opdesk.gui.welcome import WelcomeDialog

    dialogs = [
        SettingsDialog(DeskSettings()),
        WelcomeDialog([(site_id, name) for site_id, name, _comune in NETWORK_SITES]),
        EnrollDialog(None),
    ]
    problems = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        problems += [f"{type(dialog).__name__}: {p}" for p in clipped_texts(dialog)]
        if isinstance(dialog, EnrollDialog):  # a mistake explained under the fields
            dialog.url.setText("hq")
            qtbot.keyClick(dialog, Qt.Key.Key_Return)
            qtbot.waitUntil(dialog.error.isVisible)
            problems += [f"EnrollDialog, error: {p}" for p in clipped_texts(dialog)]
        dialog.close()
    assert problems == [], "\n".join(problems)
