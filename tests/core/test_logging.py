"""The log file names ids and counts, never personal data, even at DEBUG."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from opdesk.core.errors import DomainError
from opdesk.core.mutations.replay import rewind_and_replay
from opdesk.core.rules.person import PersonFields
from opdesk.core.services.duplicates import find_duplicates
from opdesk.core.services.people import PeopleService
from opdesk.core.services.visits import VisitService
from opdesk.logs import setup_logging
from opdesk.storage.migrate import open_database
from opdesk.storage.models import Person
from tests.conftest import FakeClock, desk_on, seed_desk

SECRETS = {
    "given": "Zebedeo",
    "family": "Quarantottiwski",
    "cf": "RSSMRA85T10A562S",
    "phone": "3337654321",
    "phone_typed": "333 765 4321",
    "note": "sfrattato-dal-padrone",
    "guardian": "Filomenaccia",
    "address": "Via Segretissima 7",
}


@pytest.fixture
def debug_log(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    log_file = setup_logging(tmp_path / "logs", level=logging.DEBUG)
    try:
        yield log_file
    finally:
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)


def test_no_personal_data_reaches_the_log(debug_log: Path, tmp_path: Path) -> None:
    clock = FakeClock()
    seeded = seed_desk(tmp_path / "desk.sqlite3", clock)
    try:
        desk = desk_on(seeded, clock)
        people, visits = PeopleService(desk), VisitService(desk)
        guardian = people.register_person(
            PersonFields(given_name=SECRETS["guardian"], family_name=SECRETS["family"])
        )
        fields = PersonFields(
            given_name=SECRETS["given"],
            family_name=SECRETS["family"],
            codice_fiscale=SECRETS["cf"],
            phone=SECRETS["phone_typed"],
            residence_address=SECRETS["address"],
        )
        pid = people.register_person(fields, consents=["registration"], notice_version="v1")
        child = people.register_person(
            PersonFields(given_name=SECRETS["given"], birth_year=2016), guardian_id=guardian
        )
        visits.check_in(pid, topics=["casa"], note=SECRETS["note"])
        visits.check_in(child, note=SECRETS["note"])
        people.update_person(pid, {"family_name": SECRETS["family"] + "i"})
        assert find_duplicates(seeded.db, fields)
        refusals: list[Callable[[], object]] = [
            lambda: people.register_person(PersonFields(given_name=SECRETS["given"], phone="12")),
            lambda: people.register_person(
                PersonFields(family_name=SECRETS["family"], codice_fiscale=SECRETS["cf"][:-1] + "X")
            ),
            lambda: visits.check_in(pid, topics=["svago"], note=SECRETS["note"]),
        ]
        for refused in refusals:
            with pytest.raises(DomainError):
                refused()
        rewind_and_replay(seeded.db)
        # A bug: the database refuses a write. The GUI logs it with its traceback.
        with pytest.raises(IntegrityError) as raised, seeded.db.write() as session:
            session.add(
                Person(
                    id=pid,
                    given_name=SECRETS["given"],
                    family_name=SECRETS["family"],
                    codice_fiscale=SECRETS["cf"],
                    registered_at=clock(),
                )
            )
        logging.getLogger("opdesk.gui.errors").error("unexpected error", exc_info=raised.value)
    finally:
        seeded.db.dispose()
    # A migration with a backup logs too.
    reopened = open_database(tmp_path / "desk.sqlite3", backup_dir=tmp_path / "backups")
    reopened.dispose()

    for handler in logging.getLogger().handlers:
        handler.flush()
    text = debug_log.read_text(encoding="utf-8")
    assert "mutation register_person #" in text  # the log is written, with ids and counts
    assert "IntegrityError" in text and "UNIQUE constraint failed: person.id" in text
    leaked = [name for name, value in SECRETS.items() if value.lower() in text.lower()]
    assert leaked == []
