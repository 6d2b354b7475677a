"""The new-person dialog on real widgets and a real SQLite desk, driven by keyboard."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from opdesk.app import open_desk
from opdesk.core.rules.person import PersonFields
from opdesk.core.rules.sites import site_id_for
from opdesk.core.services.desk import Desk
from opdesk.core.services.views import PersonSummary
from opdesk.gui.person.fields import split_search_text
from opdesk.gui.person.new_person import NewPersonDialog
from opdesk.gui.worker import DbWorker
from opdesk.paths import resolve_paths
from opdesk.storage.models import Consent, HouseholdLink, Person

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # 10:00 in Rome
CF = "RSSMRA85T10A562S"  # Rossi Mario, 10/12/1985, San Giuliano Terme


@pytest.fixture
def person_desk(tmp_path: Path) -> Iterator[Desk]:
    desk = open_desk(resolve_paths(tmp_path / "data").ensure())
    desk.choose_site(site_id_for("Rho"))
    ticks = itertools.count()
    desk.context.clock = lambda: NOW + timedelta(seconds=next(ticks))
    yield desk
    desk.close()


@pytest.fixture
def db_worker(qapp: QApplication, person_desk: Desk) -> Iterator[DbWorker]:
    worker = DbWorker()
    yield worker
    worker.wait()


def open_dialog(
    qtbot: QtBot, desk: Desk, worker: DbWorker, text: str = "", templates: Path | None = None
) -> NewPersonDialog:
    dialog = NewPersonDialog(desk, worker, None, text, templates_dir=templates)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def leave(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Focus ``widget``, type ``text`` and Tab out of it."""
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def error_of(dialog: NewPersonDialog, key: str) -> str:
    return dialog.form.blocks[key].error_text()


def give_consent(qtbot: QtBot, dialog: NewPersonDialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_F4)
    notice = dialog.consents.dialog
    assert notice is not None and notice.isVisible()
    notice.accept()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.consents.boxes["registration"].hasFocus()
    qtbot.keyClick(dialog.consents.boxes["registration"], Qt.Key.Key_Space)
    assert dialog.consents.boxes["registration"].isChecked()


def button_named(box: QMessageBox, text: str) -> QAbstractButton:
    return next(b for b in box.buttons() if b.text() == text)


def count(desk: Desk, model: type[object]) -> int:
    with desk.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_search_text_prefills_names_cf_or_phone() -> None:
    assert split_search_text("rossi mario") == {"family_name": "Rossi", "given_name": "Mario"}
    assert split_search_text("de luca anna") == {"family_name": "De Luca", "given_name": "Anna"}
    assert split_search_text("Amina") == {"family_name": "Amina", "given_name": ""}
    assert split_search_text(CF.lower()) == {"codice_fiscale": CF}
    assert split_search_text("333 123 4567") == {"phone": "333 123 4567"}
    assert split_search_text("  ") == {}


def test_fields_have_labels_mnemonics_and_accessible_names(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker
) -> None:
    dialog = open_dialog(qtbot, person_desk, db_worker, "rossi mario")
    assert dialog.form.family_name.text() == "Rossi"
    assert dialog.form.given_name.text() == "Mario"
    assert dialog.form.birth.text.hasFocus()  # both names are there: go on from the next
    mnemonics = []
    for block in dialog.form.blocks.values():
        assert block.label.buddy() is block.editor
        assert "&" in block.label.text()
        assert block.editor.accessibleName()
        mnemonics.append(block.label.text().split("&")[1][0].lower())
    for label in dialog.findChildren(QLabel):
        if label.buddy() is not None and label.isVisibleTo(dialog):
            assert label.buddy().accessibleName(), label.text()
    assert len(mnemonics) == len(set(mnemonics))


def test_errors_show_under_the_field_left(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker
) -> None:
    dialog = open_dialog(qtbot, person_desk, db_worker)
    form = dialog.form
    leave(qtbot, form.codice_fiscale, CF[:-1] + "X")
    assert "last character" in error_of(dialog, "codice_fiscale")
    assert error_of(dialog, "family_name") == ""  # not visited: nothing said yet
    leave(qtbot, form.birth.text, "31/02/2000")
    assert "does not exist" in error_of(dialog, "birth")
    form.birth.text.clear()
    leave(qtbot, form.birth.text, "01/03/2027")
    assert "future" in error_of(dialog, "birth")
    form.codice_fiscale.clear()
    leave(qtbot, form.codice_fiscale, "")
    assert error_of(dialog, "codice_fiscale") == ""  # fixed: the message goes away
    leave(qtbot, form.phone, "12")
    assert "phone number" in error_of(dialog, "phone")
    assert form.phone.accessibleDescription() == error_of(dialog, "phone")


def test_no_name_is_said_once_both_names_are_left_empty(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker
) -> None:
    dialog = open_dialog(qtbot, person_desk, db_worker)
    leave(qtbot, dialog.form.family_name, "")
    assert error_of(dialog, "family_name") == ""  # the given name may follow
    assert dialog.form.given_name.hasFocus()
    qtbot.keyClick(dialog.form.given_name, Qt.Key.Key_Tab)
    assert "at least one name" in error_of(dialog, "family_name")
    give_consent(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.form.family_name.hasFocus()  # back to the first field to fix
    db_worker.wait()
    assert count(person_desk, Person) == 0


def test_enter_moves_to_the_next_field(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker
) -> None:
    dialog = open_dialog(qtbot, person_desk, db_worker)
    qtbot.keyClicks(dialog.form.family_name, "Rossi")
    qtbot.keyClick(dialog.form.family_name, Qt.Key.Key_Return)
    assert dialog.form.given_name.hasFocus()
    assert dialog.isVisible()


def test_single_name_registration_saves_with_the_notice_version(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker
) -> None:
    dialog = open_dialog(qtbot, person_desk, db_worker)
    qtbot.keyClick(dialog.form.family_name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.form.given_name, "Amina")
    qtbot.keyClick(dialog.form.given_name, Qt.Key.Key_Tab)
    assert error_of(dialog, "family_name") == ""
    assert not dialog.consents.boxes["registration"].isEnabled()  # not before the notice
    give_consent(qtbot, dialog)
    assert "2026-11" in dialog.consents.status.text()
    with qtbot.waitSignal(dialog.person_ready, timeout=5000) as ready:
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    person = ready.args[0]
    assert isinstance(person, PersonSummary)
    assert (person.given_name, person.family_name) == ("Amina", None)
    assert not dialog.isVisible()
    with person_desk.db.read() as session:
        consent = session.scalars(select(Consent)).one()
        assert (consent.person_id, consent.purpose) == (person.id, "registration")
        assert consent.notice_version == "2026-11"


def test_registration_consent_is_required(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker
) -> None:
    dialog = open_dialog(qtbot, person_desk, db_worker, "Amina")
    dialog.save()
    assert "consent to registration" in dialog.consents.error.text()
    assert dialog.consents.show_button.hasFocus()
    db_worker.wait()
    assert count(person_desk, Person) == 0


def test_a_likely_duplicate_is_offered_and_one_key_uses_it(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker
) -> None:
    existing = person_desk.people.register_person(
        PersonFields(family_name="Rossi", given_name="Mario", codice_fiscale=CF)
    )
    dialog = open_dialog(qtbot, person_desk, db_worker, CF)
    assert dialog.form.codice_fiscale.text() == CF
    qtbot.keyClicks(dialog.form.family_name, "Rosi")
    give_consent(qtbot, dialog)
    dialog.save()
    qtbot.waitUntil(dialog.duplicates.isVisible, timeout=5000)
    assert "same codice fiscale" in dialog.duplicates.buttons[0].text()
    assert "10/12/1985" not in dialog.duplicates.buttons[0].text()  # none was registered
    with qtbot.waitSignal(dialog.person_ready, timeout=5000) as ready:
        qtbot.keyClick(dialog, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert ready.args[0].id == existing
    assert count(person_desk, Person) == 1


def test_another_person_despite_the_warning(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker
) -> None:
    person_desk.people.register_person(
        PersonFields(family_name="Rossi", given_name="Mario", birth_date=date(1985, 12, 10))
    )
    dialog = open_dialog(qtbot, person_desk, db_worker, "Rossi Mario")
    leave(qtbot, dialog.form.birth.text, "10/12/1985")
    give_consent(qtbot, dialog)
    dialog.save()
    qtbot.waitUntil(dialog.duplicates.isVisible, timeout=5000)
    assert "similar name and same birth date" in dialog.duplicates.buttons[0].text()
    with qtbot.waitSignal(dialog.person_ready, timeout=5000) as ready:
        qtbot.keyClick(dialog, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)
    assert ready.args[0].birth_date == date(1985, 12, 10)
    assert count(person_desk, Person) == 2  # flagged, never refused


def test_a_change_after_the_warning_asks_again(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker
) -> None:
    person_desk.people.register_person(PersonFields(family_name="Rossi", codice_fiscale=CF))
    dialog = open_dialog(qtbot, person_desk, db_worker, CF)
    qtbot.keyClicks(dialog.form.family_name, "Rossi")
    give_consent(qtbot, dialog)
    dialog.save()
    qtbot.waitUntil(dialog.duplicates.isVisible, timeout=5000)
    qtbot.keyClicks(dialog.form.phone, "3")
    assert not dialog.duplicates.isVisible()


def test_a_minor_needs_a_guardian_who_also_gives_the_consent(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker
) -> None:
    mother = person_desk.people.register_person(
        PersonFields(family_name="Bianchi", given_name="Anna", birth_year=1990)
    )
    dialog = open_dialog(qtbot, person_desk, db_worker, "Bianchi Luca")
    assert not dialog.guardian.isVisible()
    leave(qtbot, dialog.form.birth.text, "2015")
    assert dialog.form.birth.only_year.isChecked()  # a year alone is understood
    assert dialog.guardian.isVisible()
    give_consent(qtbot, dialog)
    dialog.save()
    assert "minor" in dialog.guardian.error.text()
    picker = dialog.guardian.picker
    assert picker.field.hasFocus()
    qtbot.keyClicks(picker.field, "bianchi anna")
    qtbot.waitUntil(lambda: picker.model.rowCount() > 0 and not picker.searching(), timeout=5000)
    qtbot.keyClick(picker.field, Qt.Key.Key_Return)
    assert dialog.guardian.guardian is not None and dialog.guardian.guardian.id == mother
    assert "Bianchi Anna" in dialog.guardian.chosen.text()
    with qtbot.waitSignal(dialog.person_ready, timeout=5000) as ready:
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    child = ready.args[0].id
    with person_desk.db.read() as session:
        link = session.scalars(select(HouseholdLink)).one()
        assert (link.person_id, link.member_id, link.relation) == (child, mother, "guardian")
        consent = session.scalars(select(Consent)).one()
        assert consent.given_by_id == mother


def test_closing_with_something_typed_asks_first(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker
) -> None:
    dialog = open_dialog(qtbot, person_desk, db_worker, "rossi")
    qtbot.keyClick(dialog.form.given_name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()  # only the search text: nothing typed here yet

    dialog = open_dialog(qtbot, person_desk, db_worker, "rossi")
    qtbot.keyClicks(dialog.form.given_name, "Mario")
    qtbot.keyClick(dialog.form.given_name, Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Close without saving?"
    button_named(box, "Keep editing").click()
    assert dialog.isVisible() and dialog.form.given_name.text() == "Mario"
    dialog.reject()
    assert dialog.discard_box is not None and dialog.discard_box is not box
    button_named(dialog.discard_box, "Close without saving").click()
    assert not dialog.isVisible()
    db_worker.wait()
    assert count(person_desk, Person) == 0


def test_a_birth_place_too_long_is_said_under_it_and_nothing_is_saved(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker
) -> None:
    """The length HQ's database holds, checked at the desk: not refused at every sync."""
    dialog = open_dialog(qtbot, person_desk, db_worker)
    qtbot.keyClicks(dialog.form.given_name, "Amina")
    dialog.form.birth_place.setText("Casablanca, " * 10 + "M")  # 121 characters, pasted
    give_consent(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: error_of(dialog, "birth_place") != "", timeout=5000)
    assert error_of(dialog, "birth_place") == "Too long: at most 120 characters."
    assert dialog.isVisible() and count(person_desk, Person) == 0
