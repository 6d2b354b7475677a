"""The person page on real widgets and a real SQLite desk: details, visits, household,
consents, edit, merge with its preview, and undoing the merge."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from opdesk.app import open_desk
from opdesk.core.rules.person import PersonFields
from opdesk.core.rules.sites import site_id_for
from opdesk.core.services.desk import Desk
from opdesk.gui.person.models import ConsentsModel, HouseholdModel, VisitsModel
from opdesk.gui.person.page import PersonPage
from opdesk.gui.worker import DbWorker
from opdesk.paths import resolve_paths
from opdesk.storage.models import PendingMutation, Person

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Family:
    mario: str
    luca: str
    twin: str  # Mario registered a second time


@pytest.fixture
def person_desk(tmp_path: Path) -> Iterator[Desk]:
    desk = open_desk(resolve_paths(tmp_path / "data").ensure())
    desk.choose_site(site_id_for("Rho"))
    ticks = itertools.count()
    desk.context.clock = lambda: NOW + timedelta(minutes=next(ticks))
    yield desk
    desk.close()


@pytest.fixture
def family(person_desk: Desk) -> Family:
    people = person_desk.people
    mario = people.register_person(
        PersonFields(
            family_name="Rossi",
            given_name="Mario",
            birth_date=date(1985, 12, 10),
            residence_comune="Rho",
            phone="333 123 4567",
        ),
        consents=("registration", "contact"),
        notice_version="2026-11",
    )
    luca = people.register_person(
        PersonFields(family_name="Rossi", given_name="Luca", birth_year=2015),
        guardian_id=mario,
        consents=("registration",),
        notice_version="2026-11",
    )
    twin = people.register_person(
        PersonFields(family_name="Rossi", given_name="Mario", birth_year=1985),
        consents=("registration",),
        notice_version="2026-10",
    )
    person_desk.visits.check_in(mario, topics=("casa", "lavoro"), note="Cerca una stanza")
    person_desk.visits.check_in(twin, topics=("famiglia",))
    person_desk.visits.check_in(twin, topics=())
    return Family(mario, luca, twin)


@pytest.fixture
def db_worker(qapp: QApplication, person_desk: Desk) -> Iterator[DbWorker]:
    worker = DbWorker()
    yield worker
    worker.wait()


def open_page(qtbot: QtBot, desk: Desk, worker: DbWorker, person_id: str) -> PersonPage:
    page = PersonPage(desk, worker)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.show_person(person_id)
    qtbot.waitUntil(lambda: page.data is not None, timeout=5000)
    return page


def column(model: QAbstractItemModel, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_the_page_shows_details_visits_household_and_consents(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker, family: Family
) -> None:
    page = open_page(qtbot, person_desk, db_worker, family.mario)
    assert page.title.text() == "Rossi Mario"
    assert page.details.values["birth"].text() == "10/12/1985"
    assert page.details.values["phone"].text() == "333 123 4567"
    tables = page.tables
    assert column(tables.visits_model, 1) == ["opcafè Rho"]
    assert column(tables.visits_model, 2) == ["Housing, Work"]
    assert column(tables.visits_model, 3) == ["Cerca una stanza"]
    assert column(tables.visits_model, 0)[0].startswith("25/11/2026 10:")  # Rome time
    assert column(tables.household_model, 0) == ["Rossi Luca"]
    assert column(tables.household_model, 1) == ["In their care (minor)"]
    assert column(tables.consents_model, 0) == ["Registration", "Contact by phone"]
    assert column(tables.consents_model, 2) == ["2026-11", "2026-11"]
    assert tables.tabText(0) == "Vi&sits (1)"
    assert not page.unmerge_button.isVisible()

    page.show_person(family.luca)
    qtbot.waitUntil(lambda: page.title.text() == "Rossi Luca", timeout=5000)
    assert column(tables.household_model, 1) == ["Parent or guardian"]
    assert column(tables.consents_model, 3) == ["Rossi Mario"]  # given by the guardian


def test_every_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, person_desk: Desk, db_worker: DbWorker, family: Family
) -> None:
    page = open_page(qtbot, person_desk, db_worker, family.mario)
    models: list[VisitsModel | HouseholdModel | ConsentsModel] = [
        page.tables.visits_model,
        page.tables.household_model,
        page.tables.consents_model,
    ]
    for model in models:
        assert model.rowCount() > 0
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    empty = VisitsModel()
    qtmodeltester.check(empty)  # type: ignore[attr-defined]


def test_record_a_visit_asks_for_a_check_in(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker, family: Family
) -> None:
    page = open_page(qtbot, person_desk, db_worker, family.mario)
    with qtbot.waitSignal(page.check_in_requested) as asked:
        page.record_button.click()
    assert asked.args[0].id == family.mario


def test_edit_sends_only_the_changed_fields(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker, family: Family
) -> None:
    page = open_page(qtbot, person_desk, db_worker, family.mario)
    qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    form = dialog.form  # type: ignore[union-attr]
    assert form.birth.text.text() == "10/12/1985"
    assert form.phone.text() == "333 123 4567"
    qtbot.waitUntil(dialog.isActiveWindow)
    form.birth_place.setFocus()
    qtbot.keyClicks(form.birth_place, "Bari")
    with qtbot.waitSignal(page.message, timeout=5000) as said:
        qtbot.keyClick(form.birth_place, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert said.args[0] == "Changes saved: Rossi Mario."
    qtbot.waitUntil(lambda: "Bari" in page.details.values["birth"].text(), timeout=5000)
    with person_desk.db.read() as session:
        last = session.scalars(select(PendingMutation).order_by(PendingMutation.seq.desc())).first()
        assert last is not None and last.name == "update_person"
        assert last.args["changes"] == {"birth_place": "Bari"}


def test_merge_shows_what_moves_and_can_be_undone(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker, family: Family
) -> None:
    page = open_page(qtbot, person_desk, db_worker, family.mario)
    dialog = page.merge()
    assert dialog is not None
    picker = dialog.picker
    qtbot.keyClicks(picker.field, "rossi mario")
    qtbot.waitUntil(lambda: not picker.searching(), timeout=5000)
    rows = [picker.model.person(r) for r in range(picker.model.rowCount())]
    assert [p.id for p in rows if p is not None] == [family.twin]  # never the kept one
    qtbot.keyClick(picker.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    assert "2 visit(s), 1 consent(s) and 0 household link(s) will move to Rossi Mario" in (
        dialog.summary.text()
    )
    assert dialog.merge_button.hasFocus()
    with qtbot.waitSignal(page.data_changed, timeout=5000):
        qtbot.keyClick(dialog.merge_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.tables.visits_model.rowCount() == 3, timeout=5000)
    assert page.tables.consents_model.rowCount() == 3
    assert page.unmerge_button.isVisible()
    assert page.merged_choice.currentData() == family.twin
    page.activateWindow()  # the offscreen platform does not give it back by itself
    qtbot.waitUntil(page.isActiveWindow)

    with qtbot.waitSignal(page.message, timeout=5000) as said:
        qtbot.keyClick(page, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert said.args[0].startswith("Records separated again: Rossi Mario")
    qtbot.waitUntil(lambda: page.tables.visits_model.rowCount() == 1, timeout=5000)
    assert not page.unmerge_button.isVisible()


def test_the_merged_away_record_points_to_the_kept_one(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker, family: Family
) -> None:
    person_desk.people.merge_people(kept_id=family.mario, merged_id=family.twin)
    page = open_page(qtbot, person_desk, db_worker, family.twin)
    assert page.merged_into.text() == "This record was merged into Rossi Mario."
    assert not page.edit_button.isEnabled() and not page.merge_button.isEnabled()
    page.open_kept.click()
    qtbot.waitUntil(lambda: page.data is not None, timeout=5000)
    assert page.data is not None and page.data.details.summary.id == family.mario
    assert page.edit_button.isEnabled()


def test_withdrawing_a_consent_asks_then_records_the_date(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker, family: Family
) -> None:
    page = open_page(qtbot, person_desk, db_worker, family.mario)
    tables = page.tables
    tables.setCurrentIndex(2)
    assert not tables.withdraw_button.isEnabled()
    tables.consents.selectRow(1)
    assert tables.withdraw_button.isEnabled()
    tables.withdraw_button.click()
    box = page.question
    assert box is not None and box.isVisible()
    assert "Contact by phone" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: column(tables.consents_model, 4)[1] != "", timeout=5000)
    assert column(tables.consents_model, 4) == ["", "25/11/2026"]
    tables.consents.selectRow(1)
    assert not tables.withdraw_button.isEnabled()  # already withdrawn


def test_a_record_from_the_network_index_can_be_checked_in_but_not_changed(
    qtbot: QtBot, person_desk: Desk, db_worker: DbWorker, family: Family
) -> None:
    with person_desk.db.write() as session:  # as HQ sends a person of another opcafè
        session.execute(update(Person).where(Person.id == family.mario).values(index_only=True))
    page = open_page(qtbot, person_desk, db_worker, family.mario)
    assert page.index_note.isVisible()
    assert page.record_button.isEnabled()
    assert not page.edit_button.isEnabled() and not page.merge_button.isEnabled()
    assert page.edit() is None
    with qtbot.waitSignal(page.check_in_requested):
        qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
