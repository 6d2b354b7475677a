"""A pull's pages are written with foreign keys off (a row may come before the one it
names); afterwards the references of the rows written are checked."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from opdesk.core.rules.person import PersonFields
from opdesk.core.services.people import PeopleService
from opdesk.core.services.visits import VisitService
from opdesk.storage import engine
from opdesk.storage.engine import Database
from opdesk.storage.models import Person, Visit, table_of
from opdesk.storage.references import dangling_references


def copy_row(db: Database, model: Any, row_id: str, **changes: Any) -> None:
    """A copy of a row under a new id, written as a page's rows are: unchecked."""
    table = table_of(model)
    with db.read() as session:
        values = dict(session.execute(select(table).where(table.c.id == row_id)).one()._mapping)
    values.update(changes)
    with db.write_unsynced(unchecked=[(table.name, values["id"])]) as session:
        session.execute(table.insert().values(values))


def test_the_rows_written_unchecked_are_checked_once(
    db: Database, people: PeopleService, visits: VisitService
) -> None:
    amina = people.register_person(PersonFields(given_name="Amina", family_name="Ouali"))
    visit = visits.check_in(amina, topics=["casa"])
    copy_row(db, Visit, visit, id="visit-of-nobody", person_id="nobody")
    copy_row(db, Person, amina, id="merged-into-nobody", merged_into_id="nobody")
    copy_row(db, Visit, visit, id="a-good-visit")
    with db.write_unsynced(unchecked=[("referral", "x")]):  # a table this desk lacks
        pass
    assert dangling_references(db) == 2
    assert dangling_references(db) == 0  # nothing written unchecked since


def test_a_first_download_is_checked_whole(
    db: Database, people: PeopleService, visits: VisitService, monkeypatch: pytest.MonkeyPatch
) -> None:
    amina = people.register_person(PersonFields(given_name="Amina"))
    visit = visits.check_in(amina, topics=["casa"])
    copy_row(db, Visit, visit, id="visit-of-nobody", person_id="nobody")
    assert dangling_references(db) == 1
    with db.write_unsynced(unchecked=()) as session:  # not noted: only the whole check sees it
        session.execute(table_of(Visit).update().values(person_id="gone").where(
            table_of(Visit).c.id == visit))  # fmt: skip
    copy_row(db, Visit, visit, id="a-good-visit", person_id=amina)
    assert dangling_references(db) == 0
    db.check_whole_file_later()  # as a snapshot's page asks
    assert dangling_references(db) == 2
    assert dangling_references(db) == 0
    monkeypatch.setattr(engine, "CHECKED_BY_ID", 0)  # too many ids to keep
    copy_row(db, Visit, visit, id="another-good-visit", person_id=amina)
    assert dangling_references(db) == 2
