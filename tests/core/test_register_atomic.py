"""Registration and the consents given with it are one change: all or nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from opdesk.core.errors import ValidationFailed
from opdesk.core.rules.person import PersonFields
from opdesk.core.services.people import PeopleService
from opdesk.storage.engine import Database
from opdesk.storage.models import Consent, PendingMutation, Person


def count(db: Database, model: type) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_person_and_consents_are_one_logged_change(db: Database, people: PeopleService) -> None:
    person_id = people.register_person(
        PersonFields(given_name="Amina"),
        consents=("registration", "contact"),
        notice_version="2026-11",
    )
    with db.read() as session:
        purposes = session.scalars(select(Consent.purpose).where(Consent.person_id == person_id))
        assert sorted(purposes) == ["contact", "registration"]
        names = session.scalars(select(PendingMutation.name).order_by(PendingMutation.seq)).all()
    assert names[-1] == "register_person"
    assert "record_consent" not in names


def test_a_refused_consent_saves_no_person(db: Database, people: PeopleService) -> None:
    before = (count(db, Person), count(db, Consent), count(db, PendingMutation))
    with pytest.raises(ValidationFailed) as refused:
        people.register_person(
            PersonFields(given_name="Amina"), consents=("registration",), notice_version=" "
        )
    assert refused.value.for_field("notice_version") is not None
    assert (count(db, Person), count(db, Consent), count(db, PendingMutation)) == before


def test_a_minor_consents_through_the_guardian(db: Database, people: PeopleService) -> None:
    parent = people.register_person(PersonFields(given_name="Fatima", family_name="Ouali"))
    child = people.register_person(
        PersonFields(given_name="Sara", family_name="Ouali", birth_year=2019),
        guardian_id=parent,
        consents=("registration",),
        notice_version="2026-11",
    )
    with db.read() as session:
        consent = session.scalars(select(Consent).where(Consent.person_id == child)).one()
    assert consent.given_by_id == parent
