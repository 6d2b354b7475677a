"""Who may be registered and how their details are cleaned up: every bad input gives
ValidationFailed naming the field, with an English message a volunteer can act on."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from opdesk.core.errors import DomainError, ValidationFailed
from opdesk.core.mutations.consent import RecordConsent
from opdesk.core.mutations.people import RegisterPerson
from opdesk.core.rules.comuni import RHODENSE, canonical_comune
from opdesk.core.rules.person import EDITABLE_FIELDS, PersonFields, parse_birth_date
from opdesk.core.rules.phone import normalize_phone
from opdesk.core.services.people import PeopleService
from opdesk.storage.engine import Database
from opdesk.storage.models import Consent, HouseholdLink, Person
from tests.conftest import START

MARIO_CF = "RSSMRA85T10A562S"  # Mario Rossi, male, born 10/12/1985 in San Giuliano Terme
MARIO = dict(
    given_name="Mario",
    family_name="Rossi",
    codice_fiscale=MARIO_CF,
    birth_date=date(1985, 12, 10),
    sex="M",
    birth_place="San Giuliano Terme",
)
# Every name a field error may carry: a field a volunteer fills in, or an argument of
# the mutation that the form maps to a control.
REAL_FIELDS = (
    set(EDITABLE_FIELDS) | set(RegisterPerson.model_fields) | set(RecordConsent.model_fields)
)


def stored(db: Database, person_id: str) -> Person:
    with db.read() as session:
        person = session.get(Person, person_id)
        assert person is not None
        return person


def refused(people: PeopleService, **fields: Any) -> ValidationFailed:
    with pytest.raises(ValidationFailed) as raised:
        people.register_person(PersonFields(**fields))
    return raised.value


def assert_explains(error: ValidationFailed, field: str) -> None:
    """The error names ``field``, and every message is plain English about a real field."""
    assert error.for_field(field) is not None, error.errors
    assert field in error.text()
    for item in error.errors:
        assert item.field in REAL_FIELDS
        message = item.text()
        assert message.strip() and message.isascii() and message[0].isupper()
        assert "{" not in message


# --- names --------------------------------------------------------------------------


@pytest.mark.parametrize("given, family", [(None, None), ("", "  "), ("\t", None)])
def test_no_name_at_all_is_refused(people: PeopleService, given: Any, family: Any) -> None:
    assert_explains(refused(people, given_name=given, family_name=family), "family_name")


@pytest.mark.parametrize(
    "fields", [dict(given_name="Ahmed"), dict(family_name="Okafor")], ids=["given", "family"]
)
def test_a_single_name_is_enough(
    people: PeopleService, db: Database, fields: dict[str, str]
) -> None:
    person = stored(db, people.register_person(PersonFields(**fields)))
    assert (person.given_name, person.family_name) == (
        fields.get("given_name"),
        fields.get("family_name"),
    )


def test_names_are_trimmed(people: PeopleService, db: Database) -> None:
    person = stored(
        db, people.register_person(PersonFields(given_name="  Anna   Maria ", family_name="Bo "))
    )
    assert (person.given_name, person.family_name) == ("Anna Maria", "Bo")


def test_a_name_too_long_is_refused(people: PeopleService) -> None:
    assert_explains(refused(people, given_name="A" * 121), "given_name")


# --- codice fiscale -----------------------------------------------------------------


def test_a_valid_codice_fiscale_is_accepted(people: PeopleService, db: Database) -> None:
    person = stored(
        db,
        people.register_person(PersonFields(**{**MARIO, "codice_fiscale": " rssmra85t10a562s "})),
    )
    assert person.codice_fiscale == MARIO_CF
    assert (person.birth_date, person.birth_year, person.sex) == (date(1985, 12, 10), 1985, "M")


def test_a_codice_fiscale_alone_is_accepted(people: PeopleService, db: Database) -> None:
    pid = people.register_person(PersonFields(family_name="Rossi", codice_fiscale=MARIO_CF))
    assert stored(db, pid).codice_fiscale == MARIO_CF


def test_a_given_codice_fiscale_clears_the_reason_it_was_missing(
    people: PeopleService, db: Database
) -> None:
    pid = people.register_person(
        PersonFields(family_name="Rossi", codice_fiscale=MARIO_CF, cf_missing_reason="unknown")
    )
    assert stored(db, pid).cf_missing_reason is None


@pytest.mark.parametrize(
    "code",
    ["RSSMRA85T10A562", "RSSMRA85T10A562SS", "12345678901234567", "RSSMRA85T10A5-2S", "RSS"],
)
def test_a_malformed_codice_fiscale_is_refused(people: PeopleService, code: str) -> None:
    error = refused(people, family_name="Rossi", codice_fiscale=code)
    assert_explains(error, "codice_fiscale")
    assert "16 letters and digits" in error.errors[0].text()


def test_a_wrong_check_character_is_refused(people: PeopleService) -> None:
    error = refused(people, family_name="Rossi", codice_fiscale="RSSMRA85T10A562T")
    assert_explains(error, "codice_fiscale")
    assert "last character" in error.errors[0].text()


def test_a_codice_fiscale_of_an_impossible_date_is_refused(people: PeopleService) -> None:
    # 30 February, with its check character right: not a typo in the last character.
    error = refused(people, family_name="Rossi", codice_fiscale="RSSMRA85B30H264J")
    assert_explains(error, "codice_fiscale")
    assert "cannot exist" in error.errors[0].text()


@pytest.mark.parametrize(
    "change, says",
    [
        (dict(birth_date=date(1985, 12, 11)), "10/12/1985"),
        (dict(sex="F"), "sex"),
        (dict(birth_place="Rho"), "San Giuliano Terme"),
    ],
    ids=["birth-date", "sex", "birth-place"],
)
def test_a_codice_fiscale_that_disagrees_is_refused(
    people: PeopleService, change: dict[str, Any], says: str
) -> None:
    error = refused(people, **{**MARIO, **change})
    assert_explains(error, "codice_fiscale")
    assert len(error.errors) == 1
    assert says in error.errors[0].text()


def test_the_birth_place_is_compared_without_case_or_accents(
    people: PeopleService, db: Database
) -> None:
    pid = people.register_person(PersonFields(**{**MARIO, "birth_place": "san giuliano terme"}))
    assert stored(db, pid).birth_place == "san giuliano terme"


# --- birth date ---------------------------------------------------------------------


def test_a_birth_date_in_the_future_is_refused(people: PeopleService) -> None:
    tomorrow = date(START.year, START.month, START.day + 1)
    assert_explains(refused(people, family_name="Rossi", birth_date=tomorrow), "birth_date")


def test_a_birth_year_in_the_future_is_refused(people: PeopleService) -> None:
    assert_explains(refused(people, family_name="Rossi", birth_year=START.year + 1), "birth_year")


@pytest.mark.parametrize(
    "fields, field",
    [
        (dict(birth_date=date(START.year - 121, 1, 1)), "birth_date"),
        (dict(birth_year=START.year - 121), "birth_year"),
    ],
)
def test_absurdly_old_is_refused(people: PeopleService, fields: dict[str, Any], field: str) -> None:
    error = refused(people, family_name="Rossi", **fields)
    assert_explains(error, field)
    assert "120 years" in error.errors[0].text()


def test_exactly_120_years_old_is_accepted(people: PeopleService) -> None:
    people.register_person(PersonFields(family_name="Rossi", birth_year=START.year - 120))


def test_a_birth_year_alone_is_accepted(people: PeopleService, db: Database) -> None:
    person = stored(db, people.register_person(PersonFields(family_name="Rossi", birth_year=1970)))
    assert (person.birth_date, person.birth_year) == (None, 1970)


def test_a_birth_year_that_disagrees_with_the_date_is_refused(people: PeopleService) -> None:
    error = refused(people, family_name="Rossi", birth_date=date(1970, 5, 1), birth_year=1971)
    assert_explains(error, "birth_year")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("31/01/1980", date(1980, 1, 31)),
        (" 1.2.1980 ", date(1980, 2, 1)),
        ("1980-02-29", date(1980, 2, 29)),
        ("29-02-2000", date(2000, 2, 29)),
    ],
)
def test_birth_dates_are_read_the_italian_way_or_iso(text: str, expected: date) -> None:
    assert parse_birth_date(text) == expected


@pytest.mark.parametrize(
    "text", ["31/02/2000", "2000-13-01", "abc", "", "29/02/1900", "1/1/80", "00/01/2000"]
)
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(ValidationFailed) as raised:
        parse_birth_date(text)
    assert_explains(raised.value, "birth_date")
    assert "dd/mm/yyyy" in raised.value.errors[0].text()


# --- phone --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, e164",
    [
        ("333 123 4567", "+393331234567"),
        ("+39 333-123-4567", "+393331234567"),
        ("0039 333 1234567", "+393331234567"),
        ("02 1234 5678", "+390212345678"),
        ("+41 44 668 18 00", "+41446681800"),
    ],
)
def test_phones_are_stored_in_e164_with_italy_by_default(
    people: PeopleService, db: Database, text: str, e164: str
) -> None:
    person = stored(db, people.register_person(PersonFields(family_name="Rossi", phone=text)))
    assert person.phone == e164
    assert normalize_phone(text) == (e164, e164.removeprefix("+39").removeprefix("+41"))


@pytest.mark.parametrize("text", ["12", "abc", "333", "+39 000 000 0000", "333 123 4567 8910"])
def test_an_invalid_phone_is_refused(people: PeopleService, text: str) -> None:
    error = refused(people, family_name="Rossi", phone=text)
    assert_explains(error, "phone")
    assert "333 123 4567" in error.errors[0].text()


def test_every_wrong_field_is_reported_at_once(people: PeopleService) -> None:
    error = refused(people, given_name=None, family_name=None, phone="12", codice_fiscale="XYZ")
    assert {e.field for e in error.errors} == {"family_name", "phone", "codice_fiscale"}
    assert_explains(error, "phone")


# --- residence ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("rho", "Rho"),
        ("POGLIANO milanese", "Pogliano Milanese"),
        ("  settimo   MILANESE ", "Settimo Milanese"),
        ("Milano", "Milano"),
        ("  Bollate ", "Bollate"),
        ("", None),
    ],
)
def test_the_residence_comune_is_spelled_properly(
    people: PeopleService, db: Database, typed: str, kept: str | None
) -> None:
    pid = people.register_person(PersonFields(family_name="Rossi", residence_comune=typed))
    assert stored(db, pid).residence_comune == kept


def test_the_nine_comuni_are_canonical() -> None:
    assert len(RHODENSE) == 9
    for name in RHODENSE:
        assert canonical_comune(name.upper()) == name
        assert canonical_comune(name.lower()) == name


def test_senza_fissa_dimora_is_valid(people: PeopleService, db: Database) -> None:
    pid = people.register_person(
        PersonFields(family_name="Rossi", homeless=True, domicile_comune="pero")
    )
    person = stored(db, pid)
    assert person.homeless is True
    assert person.residence_address is None
    assert person.domicile_comune == "Pero"


def test_a_blank_residence_address_is_no_address(people: PeopleService, db: Database) -> None:
    pid = people.register_person(
        PersonFields(family_name="Rossi", homeless=True, residence_address="   ")
    )
    assert stored(db, pid).residence_address is None


def test_senza_fissa_dimora_has_no_residence_address(people: PeopleService) -> None:
    error = refused(people, family_name="Rossi", homeless=True, residence_address="Via Roma 1")
    assert_explains(error, "residence_address")


# --- minors -------------------------------------------------------------------------

MINOR_BIRTH = date(2012, 5, 1)


def test_a_minor_needs_a_guardian(people: PeopleService, db: Database) -> None:
    error = refused(people, given_name="Luca", family_name="Bianchi", birth_date=MINOR_BIRTH)
    assert_explains(error, "guardian")
    with db.read() as session:
        assert session.scalars(select(Person.id).where(Person.given_name == "Luca")).all() == []


def test_a_minor_by_birth_year_needs_a_guardian(people: PeopleService) -> None:
    error = refused(people, family_name="Bianchi", birth_year=START.year - 10)
    assert_explains(error, "guardian")


def test_a_minor_with_a_guardian_is_linked_to_them(people: PeopleService, db: Database) -> None:
    mother = people.register_person(PersonFields(given_name="Sara", family_name="Bianchi"))
    child = people.register_person(
        PersonFields(given_name="Luca", family_name="Bianchi", birth_date=MINOR_BIRTH),
        guardian_id=mother,
        consents=["registration"],
        notice_version="2025-1",
    )
    with db.read() as session:
        links = session.scalars(select(HouseholdLink)).all()
        assert [(k.person_id, k.member_id, k.relation) for k in links] == [
            (child, mother, "guardian")
        ]
        (consent,) = session.scalars(select(Consent)).all()
        assert (consent.person_id, consent.given_by_id) == (child, mother)
    details = people.person_details(child)
    assert [(m.person_id, m.relation, m.direction) for m in details.household] == [
        (mother, "guardian", "of_person")
    ]


def test_an_unknown_guardian_is_refused(people: PeopleService) -> None:
    with pytest.raises(DomainError, match="No person"):
        people.register_person(
            PersonFields(family_name="Bianchi", birth_date=MINOR_BIRTH), guardian_id="missing"
        )


def test_a_minors_consent_is_given_by_the_linked_guardian(
    people: PeopleService,
) -> None:
    mother = people.register_person(PersonFields(given_name="Sara", family_name="Bianchi"))
    stranger = people.register_person(PersonFields(given_name="Ugo", family_name="Neri"))
    child = people.register_person(
        PersonFields(given_name="Luca", family_name="Bianchi", birth_date=MINOR_BIRTH),
        guardian_id=mother,
    )
    with pytest.raises(ValidationFailed) as alone:
        people.record_consent(child, "registration", notice_version="2025-1")
    assert_explains(alone.value, "given_by_id")
    with pytest.raises(ValidationFailed) as other:
        people.record_consent(child, "contact", notice_version="2025-1", given_by_id=stranger)
    assert_explains(other.value, "given_by_id")
    people.record_consent(child, "contact", notice_version="2025-1", given_by_id=mother)


def test_consents_without_a_notice_version_register_nobody(
    people: PeopleService, db: Database
) -> None:
    with pytest.raises(ValidationFailed) as raised:
        people.register_person(PersonFields(family_name="Verdi"), consents=["registration"])
    assert_explains(raised.value, "notice_version")
    with db.read() as session:
        assert session.scalars(select(Person.id)).all() == []
