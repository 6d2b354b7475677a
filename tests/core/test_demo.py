"""Demo data: deterministic for a seed, and every row as the mutations would have made it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from codicefiscale import codicefiscale
from sqlalchemy import select

from opdesk.core.demo import DemoSummary, generate_demo
from opdesk.core.mutations.base import rome_date
from opdesk.core.mutations.consent import PURPOSES, REPRESENTATIVES
from opdesk.core.mutations.visits import TOPICS, decode_topics, encode_topics
from opdesk.core.rules.comuni import RHODENSE
from opdesk.core.rules.person import EDITABLE_FIELDS, PersonFields, is_minor, normalize_person
from opdesk.core.services.search import search_people
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.storage.models import (
    Consent,
    DeskState,
    HouseholdLink,
    Person,
    PersonToken,
    Site,
    Synced,
    User,
    Visit,
)
from opdesk.storage.rows import row_data

TODAY = date(2025, 6, 16)
PEOPLE = 500
MakeDb = Callable[[str], Database]


def demo(make: MakeDb, name: str = "demo", **options: Any) -> tuple[Database, DemoSummary]:
    db = make(name)
    settings: dict[str, Any] = {"people": PEOPLE, "seed": 7, "today": TODAY} | options
    return db, generate_demo(db, **settings)


def rows(db: Database, model: type[Synced]) -> list[Any]:
    with db.read() as session:
        return list(session.scalars(select(model).order_by(model.id)))


def dump(db: Database) -> dict[str, list[dict[str, Any]]]:
    models = (Site, User, Person, HouseholdLink, Consent, Visit)
    return {m.__tablename__: [row_data(r) for r in rows(db, m)] for m in models}


@pytest.fixture
def new_db(tmp_path: Path) -> Iterator[MakeDb]:
    """Makes empty, freshly migrated databases in tmp_path (disposed at the end)."""
    made: list[Database] = []

    def make(name: str) -> Database:
        made.append(open_database(tmp_path / f"{name}.sqlite3"))
        return made[-1]

    try:
        yield make
    finally:
        for db in made:
            db.dispose()


@pytest.fixture
def made(new_db: MakeDb) -> tuple[Database, DemoSummary]:
    return demo(new_db)


def test_same_seed_same_data_other_seed_other_data(new_db: MakeDb) -> None:
    first, summary = demo(new_db, "first")
    again, same = demo(new_db, "again")
    other, _ = demo(new_db, "other", seed=8)
    assert summary == same
    assert dump(first) == dump(again)
    assert dump(first)["person"] != dump(other)["person"]


def test_counts_add_up(made: tuple[Database, DemoSummary]) -> None:
    db, summary = made
    people = rows(db, Person)
    assert summary.people == PEOPLE == sum(1 for p in people if p.merged_into_id is None)
    assert summary.merged == len(people) - PEOPLE >= 1
    assert summary.sites == 9 and summary.users == len(rows(db, User))
    assert summary.visits == len(rows(db, Visit)) > PEOPLE
    assert summary.consents == len(rows(db, Consent))
    assert 0 < summary.anonymous_visits < summary.visits // 5


def test_every_person_passes_the_rules_unchanged(made: tuple[Database, DemoSummary]) -> None:
    db, _ = made
    for person in rows(db, Person):
        fields = PersonFields(**{name: getattr(person, name) for name in EDITABLE_FIELDS})
        cleaned, national = normalize_person(fields, on=rome_date(person.registered_at))
        assert cleaned == fields
        assert national == person.phone_national
        if person.codice_fiscale:
            assert codicefiscale.is_valid(person.codice_fiscale)
        assert person.version == 1 and not person.deleted


def test_the_mix_is_believable(made: tuple[Database, DemoSummary]) -> None:
    db, _ = made
    people = [p for p in rows(db, Person) if p.merged_into_id is None]
    names = [f"{p.family_name or ''} {p.given_name or ''}" for p in people]
    assert any(not name.isascii() for name in names)  # Niccolò, Şahin, García
    assert any("'" in name for name in names)  # D'Angelo, Dell'Acqua
    assert any(p.family_name and " " in p.family_name for p in people)  # De Luca
    assert any(not (p.given_name and p.family_name) for p in people) or len(people) < 500
    assert any(p.homeless and p.residence_address is None for p in people)
    assert sum(p.residence_comune in RHODENSE for p in people) > len(people) / 2
    share = sum(bool(p.codice_fiscale) for p in people) / len(people)
    assert 0.4 < share < 0.95
    phones = [p for p in people if p.phone]
    assert phones and all(p.phone == "+39" + p.phone_national for p in phones)
    assert any(p.birth_year and not p.birth_date for p in people)
    assert len({p.citizenship for p in people}) > 5


def test_visits_reference_people_sites_and_users(made: tuple[Database, DemoSummary]) -> None:
    db, _ = made
    people = {p.id for p in rows(db, Person)}
    sites = {s.id for s in rows(db, Site)}
    users = {u.id for u in rows(db, User)}
    visits = rows(db, Visit)
    assert any(v.person_id is None for v in visits)
    seen_sites: dict[str, set[str]] = {}
    for visit in visits:
        assert visit.person_id is None or visit.person_id in people
        assert visit.site_id in sites and visit.recorded_by_id in users
        assert visit.topics == encode_topics(list(decode_topics(visit.topics)))
        assert set(decode_topics(visit.topics)) <= set(TOPICS)
        assert rome_date(visit.visited_at) < TODAY
        if visit.person_id:
            seen_sites.setdefault(visit.person_id, set()).add(visit.site_id)
    assert any(len(s) > 1 for s in seen_sites.values())
    assert sum(len(s) == 1 for s in seen_sites.values()) > len(seen_sites) / 2


def test_minors_have_a_guardian_who_gave_their_consents(
    made: tuple[Database, DemoSummary],
) -> None:
    db, summary = made
    links = rows(db, HouseholdLink)
    representatives = {
        (link.person_id, link.member_id) for link in links if link.relation in REPRESENTATIVES
    }
    guardians = {link.person_id for link in links if link.relation == "guardian"}
    consents = rows(db, Consent)
    minors = 0
    for person in rows(db, Person):
        if not is_minor(person.birth_date, person.birth_year, on=rome_date(person.registered_at)):
            continue
        minors += 1
        assert person.id in guardians
        for consent in (c for c in consents if c.person_id == person.id):
            assert (person.id, consent.given_by_id) in representatives
    assert minors >= summary.minors > 0
    assert {c.purpose for c in consents} == set(PURPOSES)
    assert any(link.relation == "partner" for link in links)


def test_the_desk_is_at_the_chosen_site(new_db: MakeDb) -> None:
    db, _ = demo(new_db, people=20, desk_site_comune="pogliano milanese")
    with db.read() as session:
        state = session.get(DeskState, 1)
        assert state is not None and state.site_id is not None
        site = session.get(Site, state.site_id)
        assert site is not None and site.comune == "Pogliano Milanese"


def test_demo_people_are_indexed_and_found(made: tuple[Database, DemoSummary]) -> None:
    db, _ = made
    people = rows(db, Person)
    with db.read() as session:
        indexed = set(session.scalars(select(PersonToken.person_id).distinct()))
    assert indexed == {p.id for p in people if p.merged_into_id is None}
    someone = next(p for p in people if p.merged_into_id is None and p.family_name)
    query = f"{someone.family_name} {someone.given_name or ''}"
    assert someone.id in [h.person.id for h in search_people(db, query, limit=50)]


def test_only_an_empty_database_gets_demo_data(new_db: MakeDb) -> None:
    db, _ = demo(new_db, people=10)
    with pytest.raises(ValueError, match="empty"):
        generate_demo(db, people=10)
    with pytest.raises(ValueError, match="comuni"):
        generate_demo(new_db("elsewhere"), people=10, desk_site_comune="Milano")
