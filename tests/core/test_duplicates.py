"""Is this person perhaps already registered? Each candidate comes with its reasons;
a duplicate is flagged, never refused."""

from __future__ import annotations

from datetime import date

import pytest

from opdesk.core.rules.person import PersonFields
from opdesk.core.services.duplicates import (
    NAME_AND_BIRTH,
    NAME_AND_YEAR,
    SAME_CF,
    SAME_NAME,
    SAME_PHONE,
    find_duplicates,
)
from opdesk.core.services.people import PeopleService
from opdesk.storage.engine import Database

MARIO_CF = "RSSMRA85T10A562S"


@pytest.fixture
def mario(people: PeopleService) -> str:
    return people.register_person(
        PersonFields(
            given_name="Mario",
            family_name="Rossi",
            birth_date=date(1985, 12, 10),
            codice_fiscale=MARIO_CF,
            phone="333 123 4567",
        )
    )


@pytest.fixture
def others(people: PeopleService) -> list[str]:
    return [
        people.register_person(PersonFields(given_name="Giulia", family_name="Ferrari")),
        people.register_person(
            PersonFields(given_name="Mario", family_name="Bianchi", birth_date=date(1985, 12, 10))
        ),
        people.register_person(
            PersonFields(given_name="Maria", family_name="Rossi", birth_date=date(1990, 1, 1))
        ),
    ]


def reasons(db: Database, fields: PersonFields) -> dict[str, tuple[str, ...]]:
    return {c.person.id: c.reasons for c in find_duplicates(db, fields)}


def test_same_codice_fiscale(db: Database, mario: str, others: list[str]) -> None:
    found = reasons(db, PersonFields(family_name="Verdi", codice_fiscale="rssmra85t10a562s"))
    assert found == {mario: (SAME_CF,)}


def test_same_phone_in_any_format(db: Database, mario: str, others: list[str]) -> None:
    found = reasons(db, PersonFields(family_name="Verdi", phone="+39 333-123-4567"))
    assert found == {mario: (SAME_PHONE,)}


@pytest.mark.parametrize(
    "given, family", [("Mario", "Rossi"), ("Mario", "Rosi"), ("mário", "ROSSI"), ("Rossi", "Mario")]
)
def test_similar_name_and_same_birth_date(
    db: Database, mario: str, others: list[str], given: str, family: str
) -> None:
    found = reasons(
        db, PersonFields(given_name=given, family_name=family, birth_date=date(1985, 12, 10))
    )
    assert found == {mario: (NAME_AND_BIRTH,)}


def test_a_different_birth_date_is_no_match(db: Database, mario: str, others: list[str]) -> None:
    found = reasons(
        db, PersonFields(given_name="Mario", family_name="Rossi", birth_date=date(1985, 12, 11))
    )
    assert found == {}


def test_similar_name_and_same_birth_year(db: Database, mario: str, others: list[str]) -> None:
    found = reasons(db, PersonFields(given_name="Mario", family_name="Rossi", birth_year=1985))
    assert found == {mario: (NAME_AND_YEAR,)}


def test_the_same_name_alone(db: Database, mario: str, others: list[str]) -> None:
    assert reasons(db, PersonFields(given_name="Giulia", family_name="Ferrari")) == {
        others[0]: (SAME_NAME,)
    }


def test_every_reason_is_listed_strongest_first(
    db: Database, people: PeopleService, mario: str, others: list[str]
) -> None:
    phone_only = people.register_person(PersonFields(family_name="Verdi", phone="333 123 4567"))
    candidates = find_duplicates(
        db,
        PersonFields(
            given_name="Mario",
            family_name="Rossi",
            birth_date=date(1985, 12, 10),
            codice_fiscale=MARIO_CF,
            phone="3331234567",
        ),
    )
    assert [(c.person.id, set(c.reasons)) for c in candidates] == [
        (mario, {SAME_CF, SAME_PHONE, NAME_AND_BIRTH}),
        (phone_only, {SAME_PHONE}),
    ]
    assert candidates[0].person.display_name == "Rossi Mario"


def test_a_duplicate_is_flagged_never_refused(
    db: Database, people: PeopleService, mario: str
) -> None:
    fields = PersonFields(
        given_name="Mario",
        family_name="Rossi",
        birth_date=date(1985, 12, 10),
        codice_fiscale=MARIO_CF,
        phone="333 123 4567",
    )
    assert [c.person.id for c in find_duplicates(db, fields)] == [mario]
    second = people.register_person(fields)
    assert {c.person.id for c in find_duplicates(db, fields)} == {mario, second}
    assert [c.person.id for c in find_duplicates(db, fields, exclude_id=second)] == [mario]


def test_merged_away_people_are_not_candidates(
    db: Database, people: PeopleService, mario: str
) -> None:
    copy = people.register_person(PersonFields(family_name="Rossi", codice_fiscale=MARIO_CF))
    people.merge_people(kept_id=mario, merged_id=copy)
    assert reasons(db, PersonFields(family_name="X", codice_fiscale=MARIO_CF)) == {
        mario: (SAME_CF,)
    }


def test_an_invalid_phone_finds_nothing_and_does_not_fail(db: Database, mario: str) -> None:
    assert reasons(db, PersonFields(family_name="Verdi", phone="12")) == {}
