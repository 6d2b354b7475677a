"""Names in any script are found; an old name leaves no trace in the typo index."""

from __future__ import annotations

from sqlalchemy import select

from opdesk.core.rules.person import PersonFields
from opdesk.core.services.people import PeopleService
from opdesk.core.services.search import search_people
from opdesk.storage.engine import Database
from opdesk.storage.models import TokenVariant


def names_found(db: Database, query: str) -> list[str]:
    return [hit.person.display_name for hit in search_people(db, query)]


def test_cyrillic_arabic_and_chinese_names_are_found(db: Database, people: PeopleService) -> None:
    people.register_person(PersonFields(given_name="Олена", family_name="Коваленко"))
    people.register_person(PersonFields(given_name="محمد"))
    people.register_person(PersonFields(given_name="李明"))
    assert names_found(db, "коваленко") == ["Коваленко Олена"]
    assert names_found(db, "Олена") == ["Коваленко Олена"]
    assert names_found(db, "محمد") == ["محمد"]
    assert names_found(db, "李明") == ["李明"]


def test_a_renamed_persons_old_name_leaves_the_typo_index(
    db: Database, people: PeopleService
) -> None:
    person = people.register_person(PersonFields(given_name="Gino", family_name="Quarantotti"))
    with db.read() as session:
        assert session.scalar(select(TokenVariant.token).where(TokenVariant.token == "quarantotti"))
    people.update_person(person, {"family_name": "Bianchi"})
    with db.read() as session:
        left = session.scalars(
            select(TokenVariant.variant).where(TokenVariant.token == "quarantotti")
        ).all()
    assert left == []
    assert names_found(db, "bianchi gino") == ["Bianchi Gino"]


def test_a_word_still_used_by_someone_else_keeps_its_variants(
    db: Database, people: PeopleService
) -> None:
    first = people.register_person(PersonFields(given_name="Anna", family_name="Ferraresi"))
    people.register_person(PersonFields(given_name="Luca", family_name="Ferraresi"))
    people.update_person(first, {"family_name": "Rossi"})
    assert names_found(db, "ferarresi") == ["Ferraresi Luca"]
