"""Search as you type, on a real SQLite file: every kind of query a volunteer types finds
the person, the ranking puts the best match first, and no statement walks a whole table."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event, select

from opdesk.core.clock import new_id
from opdesk.core.mutations.directory import CreateSite
from opdesk.core.mutations.log import ensure_desk_state
from opdesk.core.rules.person import PersonFields
from opdesk.core.services.context import DeskContext
from opdesk.core.services.duplicates import find_duplicates
from opdesk.core.services.people import PeopleService
from opdesk.core.services.search import search_people
from opdesk.core.services.visits import VisitService
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.storage.models import Site
from opdesk.storage.search_index import rebuild_all
from tests.conftest import FakeClock

NICCOLO_PHONE = "333 123 4567"
DE_LUCA_CF = "RSSMRA85T10A562S"

PEOPLE: dict[str, dict[str, Any]] = {
    "niccolo": dict(
        given_name="Niccolò",
        family_name="D'Angelo",
        birth_date=date(1980, 3, 4),
        phone=NICCOLO_PHONE,
    ),
    "de_luca": dict(given_name="Mario", family_name="De Luca", codice_fiscale=DE_LUCA_CF),
    "anna_maria": dict(given_name="Anna-Maria", family_name="Dell'Acqua"),
    "zoe": dict(given_name="Zoë", family_name="Şahin"),
    "rossi": dict(given_name="Mario", family_name="Rossi"),
    "ferrari": dict(given_name="Giulia", family_name="Ferrari"),
    "ferraris": dict(given_name="Giulia", family_name="Ferraris"),
    "ferrara": dict(given_name="Giulia", family_name="Ferrara"),
    "buonferrari": dict(given_name="Giulia", family_name="Buonferrari"),
    "cipollone": dict(given_name="Simone", family_name="Cipollone"),
    "kovalenko": dict(given_name="Olena", family_name="Kovalenko"),
    "diop": dict(given_name="Fatou", family_name="Diop"),
    "only_given": dict(given_name="Kwame"),
    "only_family": dict(family_name="Wickramasinghe"),
    "mamani": dict(given_name="Rosa", family_name="Quispe Mamani"),
    "quispe_twice": dict(given_name="Rosa", family_name="Quispe Quispe"),
}


@pytest.fixture
def registered(people: PeopleService) -> dict[str, str]:
    return {key: people.register_person(PersonFields(**fields)) for key, fields in PEOPLE.items()}


def found(db: Database, query: str, site_id: str | None = None) -> list[str]:
    return [hit.person.id for hit in search_people(db, query, site_id=site_id)]


def in_top3(db: Database, query: str, person_id: str, site_id: str | None = None) -> bool:
    return person_id in found(db, query, site_id)[:3]


@pytest.mark.parametrize(
    ("kind", "query", "who"),
    [
        ("prefix", "ferrar giulia", "ferrari"),
        ("prefix", "kov ol", "kovalenko"),
        ("prefix", "wickr", "only_family"),
        ("prefix", "kwa", "only_given"),
        ("midstring", "pollon simone", "cipollone"),
        ("midstring", "amani rosa", "mamani"),
        ("midstring", "ramasing", "only_family"),
        ("accent", "nicolo", "niccolo"),
        ("accent", "niccolo dangelo", "niccolo"),
        ("accent", "sahin zoe", "zoe"),
        ("apostrophe", "dangelo", "niccolo"),
        ("apostrophe", "d angelo", "niccolo"),
        ("apostrophe", "d'angelo niccolò", "niccolo"),
        ("apostrophe", "deluca", "de_luca"),
        ("apostrophe", "de luca mario", "de_luca"),
        ("apostrophe", "dellacqua anna", "anna_maria"),
        ("apostrophe", "dell acqua anna maria", "anna_maria"),
        ("apostrophe", "annamaria", "anna_maria"),
        ("wordorder", "mario rossi", "rossi"),
        ("wordorder", "fatou diop", "diop"),
        ("wordorder", "rosa mamani quispe", "mamani"),
        ("dropped", "kovalnko olena", "kovalenko"),
        ("dropped", "cipolone", "cipollone"),
        ("extra", "kovalenkko", "kovalenko"),
        ("extra", "cipolloner simone", "cipollone"),
        ("doubled", "diopp fatou", "diop"),
        ("swapped", "kovaelnko", "kovalenko"),
        ("swapped", "cipollnoe simone", "cipollone"),
        ("swapped", "quipse quispe rosa", "quispe_twice"),
        ("cf", "RSSMRA", "de_luca"),
        ("cf", "rssmra85t10", "de_luca"),
        ("cf", DE_LUCA_CF, "de_luca"),
        ("phone", "+39 333 123 4567", "niccolo"),
        ("phone", "333-1234567", "niccolo"),
        ("phone", "0039 3331234567", "niccolo"),
        ("phone", "3331234", "niccolo"),
    ],
)
def test_each_kind_of_query_finds_the_person(
    db: Database, registered: dict[str, str], kind: str, query: str, who: str
) -> None:
    assert in_top3(db, query, registered[who]), (kind, query)


def test_exact_words_rank_above_prefixes_above_typos_above_mid_word(
    db: Database, registered: dict[str, str]
) -> None:
    order = found(db, "ferrari giulia")
    expected = [registered[k] for k in ("ferrari", "ferraris", "ferrara", "buonferrari")]
    assert [p for p in order if p in expected] == expected


def test_the_exact_match_comes_first_and_scores_highest(
    db: Database, registered: dict[str, str]
) -> None:
    hits = search_people(db, "rossi mario")
    assert hits[0].person.id == registered["rossi"]
    assert hits[0].score == max(h.score for h in hits)
    assert hits[0].person.display_name == "Rossi Mario"


def test_short_prefixes_put_the_most_recent_visitor_here_first(
    desk: DeskContext, people: PeopleService, clock: FakeClock
) -> None:
    names = ["Garbagnati", "Galli", "Gatti", "Gamba", "Garofalo"]
    ids = {n: people.register_person(PersonFields(family_name=n, given_name="Luca")) for n in names}
    visits = VisitService(desk)
    with desk.db.read() as session:
        elsewhere = session.scalar(select(Site.id).where(Site.comune == "Lainate"))
    for name in ("Gatti", "Galli", "Gamba"):  # Gamba is the most recent here
        clock.advance(timedelta(minutes=5))
        visits.check_in(ids[name])
    clock.advance(timedelta(minutes=5))
    visits.check_in(ids["Garofalo"], site_id=elsewhere)  # later, but at another site
    for query in ("g", "ga"):
        order = found(desk.db, query, desk.site_id)
        assert order[:3] == [ids["Gamba"], ids["Galli"], ids["Gatti"]], query
        assert set(order[3:5]) == {ids["Garbagnati"], ids["Garofalo"]}


def test_ties_go_to_the_most_recent_visitor_here(
    desk: DeskContext, people: PeopleService, clock: FakeClock
) -> None:
    fields = PersonFields(given_name="Maria", family_name="Esposito")
    twins = [people.register_person(fields) for _ in range(3)]
    visits = VisitService(desk)
    for person_id in (twins[2], twins[0]):
        clock.advance(timedelta(hours=1))
        visits.check_in(person_id)
    assert found(desk.db, "esposito maria", desk.site_id) == [twins[0], twins[2], twins[1]]
    assert found(desk.db, "esposito", desk.site_id) == [twins[0], twins[2], twins[1]]


def test_two_word_prefixes_read_as_surname_first(db: Database, people: PeopleService) -> None:
    rossetti = people.register_person(PersonFields(family_name="Rossetti", given_name="Marta"))
    marini = people.register_person(PersonFields(family_name="Marini", given_name="Rosa"))
    assert found(db, "ros mar")[:2] == [rossetti, marini]
    assert found(db, "mar ros")[:2] == [marini, rossetti]


def test_someone_seen_here_lately_beats_a_closer_name(
    desk: DeskContext, people: PeopleService, clock: FakeClock
) -> None:
    gatti = people.register_person(PersonFields(family_name="Gatti", given_name="Luca"))
    garbagnati = people.register_person(PersonFields(family_name="Garbagnati", given_name="Luca"))
    assert found(desk.db, "ga lu", desk.site_id)[:2] == [gatti, garbagnati]
    VisitService(desk).check_in(garbagnati)
    clock.advance(timedelta(days=1))
    assert found(desk.db, "ga lu", desk.site_id)[:2] == [garbagnati, gatti]


def test_merged_away_people_are_not_found(
    db: Database, people: PeopleService, registered: dict[str, str]
) -> None:
    twin = people.register_person(PersonFields(**PEOPLE["rossi"]))
    assert twin in found(db, "rossi mario")
    people.merge_people(kept_id=registered["rossi"], merged_id=twin)
    for query in ("rossi mario", "ross", "ro", "r", "mario rosi", "oss mario"):
        hits = found(db, query)
        assert twin not in hits, query
        assert registered["rossi"] in hits, query
    people.unmerge_people(twin)
    assert twin in found(db, "rossi mario")


def test_nothing_to_search_finds_nobody(db: Database, registered: dict[str, str]) -> None:
    for query in ("", "   ", "'", "-", "+39", "12", "zzzz qqqq"):
        assert found(db, query) == [], query


def test_duplicate_check_still_finds_near_names(
    db: Database, registered: dict[str, str], people: PeopleService
) -> None:
    fields = PersonFields(given_name="Nicolo", family_name="Dangelo", birth_date=date(1980, 3, 4))
    candidates = find_duplicates(db, fields)
    assert registered["niccolo"] in [c.person.id for c in candidates]


# --- no statement of a search walks a whole table ------------------------------------

SCANNED = re.compile(r"^SCAN (\w+)")
WATCHED = ("person", "person_token", "person_site_seen", "person_search", "token_variant")
KEYWORDS = {
    "WHERE",
    "ON",
    "JOIN",
    "LEFT",
    "INNER",
    "CROSS",
    "INDEXED",
    "NOT",
    "GROUP",
    "ORDER",
    "LIMIT",
}


def aliases(statement: str) -> dict[str, str]:
    """Every name a watched table goes by in the statement (itself, or its alias)."""
    names = {t: t for t in WATCHED}
    for table, alias in re.findall(r"\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?", statement):
        if table in WATCHED and alias and alias.upper() not in KEYWORDS:
            names[alias] = table
    return names


@pytest.fixture
def statements(db: Database) -> Iterator[list[tuple[str, Any]]]:
    captured: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            captured.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        yield captured
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)


QUERIES = (
    "g", "ga", "fer", "ferrari", "ferrari giulia", "ferarri giulia", "giulia ferrari",
    "polon simone", "nicolo", "d angelo", "de luca mario", "RSSMRA85", "333 123",
    "+39 333 123 4567", "rossi m", "m r", "kovalenko olena fatou", "ramasing",
)  # fmt: skip


def test_no_search_statement_scans_a_whole_table(
    db: Database, desk: DeskContext, registered: dict[str, str], statements: list[tuple[str, Any]]
) -> None:
    for query in QUERIES:
        search_people(db, query, site_id=desk.site_id)
        search_people(db, query)
    assert statements
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        for statement, parameters in statements:
            names = aliases(statement)
            plan = cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
            for row in plan:
                scanned = SCANNED.match(row[-1])
                assert not (scanned and scanned.group(1) in names), (row[-1], statement)
    finally:
        raw.close()


@pytest.mark.postgres
def test_the_same_search_on_postgresql(pg_url: str) -> None:
    db = open_database(pg_url)
    try:
        ensure_desk_state(db)
        desk = DeskContext(db)
        desk.run(CreateSite(site_id=new_id(), site_name="opcafè Rho", comune="Rho"))
        people = PeopleService(desk)
        ids = {key: people.register_person(PersonFields(**PEOPLE[key])) for key in PEOPLE}
        for query, who in (
            ("nicolo", "niccolo"),
            ("d angelo", "niccolo"),
            ("deluca", "de_luca"),
            ("kovalnko olena", "kovalenko"),
            ("pollon simone", "cipollone"),
            ("RSSMRA85", "de_luca"),
            ("0039 3331234567", "niccolo"),
            ("kov", "kovalenko"),
        ):
            assert in_top3(db, query, ids[who]), query
    finally:
        db.dispose()


def trigram_index_sound(db: Database) -> bool:
    """FTS5's own check: its index holds exactly the rows of ``person_search``."""
    with db.write() as session:
        conn = session.connection()
        try:
            conn.exec_driver_sql(
                "INSERT INTO person_fts(person_fts, rank) VALUES ('integrity-check', 1)"
            )
        except Exception:
            return False
    return True


def test_the_trigram_index_holds_every_name_after_each_kind_of_write(
    db: Database, people: PeopleService
) -> None:
    """New names reach the trigram index in one statement per batch (no trigger):
    registrations, renames, merges and a rebuild all leave it matching its names."""
    amina = people.register_person(PersonFields(given_name="Amina", family_name="Ouali"))
    twin = people.register_person(PersonFields(given_name="Amina", family_name="Oualy"))
    assert trigram_index_sound(db)
    people.update_person(amina, {"family_name": "Benali"})
    people.merge_people(kept_id=amina, merged_id=twin)
    assert trigram_index_sound(db)
    assert [h.person.id for h in search_people(db, "enal")] == [amina]  # mid-word
    with db.write() as session:
        rebuild_all(session.connection())
    assert trigram_index_sound(db)
    assert [h.person.id for h in search_people(db, "enal")] == [amina]
    with db.write() as session:  # a name written past the index code is caught
        session.connection().exec_driver_sql(
            "INSERT INTO person_search (person_id, text) VALUES ('nobody', 'zanardelli')"
        )
    assert not trigram_index_sound(db)
