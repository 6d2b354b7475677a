"""Editing and merging people: edits carry the values they replaced, merges redirect
and show everything under the kept person, and an unmerge puts things back."""

from __future__ import annotations

from datetime import date

import pytest

from opdesk.core.errors import DomainError, EditConflict, NotFound
from opdesk.core.mutations.people import UpdatePerson
from opdesk.core.rules.person import PersonFields
from opdesk.core.services.context import DeskContext
from opdesk.core.services.people import PeopleService
from opdesk.core.services.visits import VisitService
from opdesk.storage.engine import Database
from opdesk.storage.models import Person, Visit

NOTICE = "2025-1"


@pytest.fixture
def mario(people: PeopleService) -> str:
    return people.register_person(
        PersonFields(
            given_name="Mario",
            family_name="Rossi",
            birth_date=date(1985, 12, 10),
            phone="333 123 4567",
            residence_comune="Rho",
        )
    )


def person(db: Database, person_id: str) -> Person:
    with db.read() as session:
        found = session.get(Person, person_id)
        assert found is not None
        return found


# --- updates ------------------------------------------------------------------------


def test_the_service_sends_only_the_fields_that_change(
    desk: DeskContext, people: PeopleService, mario: str
) -> None:
    people.update_person(
        mario,
        {
            "given_name": "Mario",
            "family_name": "Rossini",
            "birth_date": date(1985, 12, 10),
            "residence_comune": "Rho",
            "phone": "+393331234567",
        },
    )
    envelope = desk.log.pending()[-1]
    assert envelope.name == "update_person"
    assert envelope.args["changes"] == {"family_name": "Rossini"}
    assert envelope.args["replaced"] == {"family_name": "Rossi"}


def test_an_update_that_changes_nothing_is_not_sent(
    desk: DeskContext, people: PeopleService, mario: str
) -> None:
    count = len(desk.log.pending())
    people.update_person(mario, {"family_name": "Rossi", "birth_date": date(1985, 12, 10)})
    assert len(desk.log.pending()) == count


def test_dates_travel_as_iso_text(desk: DeskContext, people: PeopleService, mario: str) -> None:
    people.update_person(mario, {"birth_date": date(1985, 12, 11)})
    envelope = desk.log.pending()[-1]
    assert envelope.args["changes"] == {"birth_date": "1985-12-11"}
    assert envelope.args["replaced"] == {"birth_date": "1985-12-10"}


def test_an_update_is_normalised_like_a_registration(
    db: Database, people: PeopleService, mario: str
) -> None:
    people.update_person(mario, {"phone": "02 1234 5678", "residence_comune": "pregnana MILANESE"})
    changed = person(db, mario)
    assert (changed.phone, changed.phone_national) == ("+390212345678", "0212345678")
    assert changed.residence_comune == "Pregnana Milanese"


def test_a_birth_date_can_be_corrected_to_another_year(
    db: Database, people: PeopleService, mario: str
) -> None:
    people.update_person(mario, {"birth_date": date(1958, 12, 10)})
    changed = person(db, mario)
    assert (changed.birth_date, changed.birth_year) == (date(1958, 12, 10), 1958)


def test_a_birth_date_can_replace_a_birth_year(db: Database, people: PeopleService) -> None:
    pid = people.register_person(PersonFields(family_name="Neri", birth_year=1970))
    people.update_person(pid, {"birth_date": date(1971, 1, 5)})
    assert (person(db, pid).birth_date, person(db, pid).birth_year) == (date(1971, 1, 5), 1971)


def test_a_stale_replaced_value_is_an_edit_conflict(
    db: Database, desk: DeskContext, people: PeopleService, mario: str
) -> None:
    # Two editors saw "Rossi"; the first one's change lands.
    people.update_person(mario, {"family_name": "Rossini"})
    with pytest.raises(EditConflict) as raised:
        desk.run(
            UpdatePerson(
                person_id=mario,
                edited_at=desk.clock(),
                changes={"family_name": "Russo", "given_name": "Marco"},
                replaced={"family_name": "Rossi", "given_name": "Mario"},
            )
        )
    assert raised.value.fields == ["family_name"]
    assert "family_name" in raised.value.text()
    assert (person(db, mario).family_name, person(db, mario).given_name) == ("Rossini", "Mario")


def test_the_same_edit_twice_is_no_conflict(
    db: Database, desk: DeskContext, people: PeopleService, mario: str
) -> None:
    edit = dict(changes={"family_name": "Rossini"}, replaced={"family_name": "Rossi"})
    desk.run(UpdatePerson(person_id=mario, edited_at=desk.clock(), **edit))
    desk.run(UpdatePerson(person_id=mario, edited_at=desk.clock(), **edit))
    assert person(db, mario).family_name == "Rossini"


def test_updating_an_unknown_person_is_not_found(people: PeopleService) -> None:
    with pytest.raises(NotFound):
        people.update_person("nobody", {"family_name": "X"})


# --- merges -------------------------------------------------------------------------


@pytest.fixture
def twin(people: PeopleService, visits: VisitService) -> str:
    twin = people.register_person(
        PersonFields(given_name="Mario", family_name="Rosi", birth_date=date(1985, 12, 10))
    )
    visits.check_in(twin, topics=["lavoro"])
    people.record_consent(twin, "contact", notice_version=NOTICE)
    return twin


def test_a_merged_person_shows_under_the_kept_one(
    db: Database, people: PeopleService, visits: VisitService, mario: str, twin: str
) -> None:
    own_visit = visits.check_in(mario, topics=["casa"])
    people.merge_people(kept_id=mario, merged_id=twin)

    details = people.person_details(mario)
    assert details.merged_ids == (twin,)
    assert {v.person_id for v in details.visits} == {mario, twin}
    assert own_visit in {v.id for v in details.visits}
    assert [c.purpose for c in details.consents] == ["contact"]
    assert people.person_details(twin).merged_into_id == mario


def test_a_check_in_naming_the_merged_person_lands_on_the_kept_one(
    db: Database, people: PeopleService, visits: VisitService, mario: str, twin: str
) -> None:
    people.merge_people(kept_id=mario, merged_id=twin)
    visit_id = visits.check_in(twin)
    with db.read() as session:
        visit = session.get(Visit, visit_id)
        assert visit is not None
        assert visit.person_id == mario
    consent_id = people.record_consent(twin, "registration", notice_version=NOTICE)
    assert consent_id in {c.id for c in people.person_details(mario).consents}


def test_merges_follow_chains(people: PeopleService, mario: str, twin: str) -> None:
    third = people.register_person(PersonFields(given_name="M.", family_name="Rossi"))
    people.merge_people(kept_id=mario, merged_id=twin)
    people.merge_people(kept_id=twin, merged_id=third)  # twin is merged: lands on mario
    assert people.person_details(third).merged_into_id == mario
    assert set(people.person_details(mario).merged_ids) == {twin, third}


def test_unmerge_restores(
    db: Database, people: PeopleService, visits: VisitService, mario: str, twin: str
) -> None:
    before = people.person_details(twin)
    people.merge_people(kept_id=mario, merged_id=twin)
    people.unmerge_people(twin)
    after = people.person_details(twin)
    assert after == before
    assert people.person_details(mario).merged_ids == ()
    assert {v.person_id for v in people.person_details(mario).visits} <= {mario}


@pytest.mark.parametrize("which", ["oneself", "twice", "back", "unmerge-unmerged"])
def test_bad_merges_are_refused(people: PeopleService, mario: str, twin: str, which: str) -> None:
    if which == "oneself":
        with pytest.raises(DomainError, match="themselves"):
            people.merge_people(kept_id=mario, merged_id=mario)
        return
    if which == "unmerge-unmerged":
        with pytest.raises(DomainError, match="not merged"):
            people.unmerge_people(twin)
        return
    people.merge_people(kept_id=mario, merged_id=twin)
    if which == "twice":
        with pytest.raises(DomainError, match="already merged"):
            people.merge_people(kept_id=mario, merged_id=twin)
    else:  # the kept one into the merged one: would make a loop
        with pytest.raises(DomainError, match="already one person"):
            people.merge_people(kept_id=twin, merged_id=mario)


# --- household ----------------------------------------------------------------------


def test_household_links_show_from_both_sides(people: PeopleService, mario: str) -> None:
    anna = people.register_person(PersonFields(given_name="Anna", family_name="Rossi"))
    link = people.link_household(mario, anna, "partner")
    (of_mario,) = people.person_details(mario).household
    (of_anna,) = people.person_details(anna).household
    assert (of_mario.link_id, of_mario.person_id, of_mario.direction) == (link, anna, "of_person")
    assert (of_anna.link_id, of_anna.person_id, of_anna.direction) == (link, mario, "of_member")
    assert of_mario.name == "Rossi Anna"


def test_details_of_an_unknown_person_are_not_found(people: PeopleService) -> None:
    with pytest.raises(NotFound):
        people.person_details("nobody")
