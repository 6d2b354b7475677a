"""Scopes: a desk holds its site's people whole, the rest of the network index minimal.

Each case of issue 4 (item 6): a record entering a scope comes whole although its rows
are older than the desk's cursor; a record leaving it goes only when nothing pending
touches it; checking in someone from the index works offline.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import select, text

from opdesk.core.errors import IndexOnly
from opdesk.core.rules.person import PersonFields
from opdesk.core.rules.sites import site_id_for
from opdesk.core.services.search import search_people
from opdesk.server.pull import pull_changes
from opdesk.server.scopes import Scope
from opdesk.storage.engine import Database
from opdesk.storage.models import Consent, HouseholdLink, Person, Visit
from opdesk.sync.divergence import check_divergence
from tests.server.conftest import TestDesk

MakeDesk = Callable[..., TestDesk]
AMINA = PersonFields(
    given_name="Amina",
    family_name="Ouali",
    birth_date=date(1984, 5, 2),
    phone="333 1234567",
    residence_comune="Rho",
)


def held(desk: TestDesk, person_id: str) -> Person | None:
    with desk.db.read() as session:
        person = session.get(Person, person_id)
        if person is not None:
            session.expunge(person)
        return person


def count(desk: TestDesk, model: type, **where: str) -> int:
    with desk.db.read() as session:
        query = select(model)
        for column, value in where.items():
            query = query.where(getattr(model, column) == value)
        return len(session.scalars(query).all())


def agrees_with_hq(desk: TestDesk) -> bool:
    """The divergence check, which compares what HQ says this scope holds, finds nothing."""
    result = check_divergence(desk.db, desk.hq)
    return result.conclusive and not result.diverged


def foreign_keys_hold(desk: TestDesk) -> bool:
    with desk.db.read() as session:
        return session.execute(text("PRAGMA foreign_key_check")).first() is None


@pytest.fixture
def hq_db(hq_on_both: Database) -> Database:
    """Scoped pulls query each database its own way (arrays of ids on PostgreSQL)."""
    return hq_on_both


@pytest.fixture
def rho(hq_db: Database, make_desk: MakeDesk) -> TestDesk:
    return make_desk(hq_db, "Rho", scoped=True)


@pytest.fixture
def lainate(hq_db: Database, make_desk: MakeDesk) -> TestDesk:
    return make_desk(hq_db, "Lainate", scoped=True)


def test_other_sites_get_a_minimal_record_of_those_who_consented_only(
    rho: TestDesk, lainate: TestDesk
) -> None:
    amina = rho.people.register_person(AMINA, consents=["network_index"], notice_version="2026-01")
    rita = rho.people.register_person(PersonFields(given_name="Rita", family_name="Ouali"))
    rho.visits.check_in(amina, topics=["casa"])
    rho.sync()
    lainate.sync()

    minimal = held(lainate, amina)
    assert minimal is not None and minimal.index_only
    assert (minimal.given_name, minimal.family_name) == ("Amina", "Ouali")
    assert (minimal.birth_year, minimal.residence_comune) == (1984, "Rho")
    assert minimal.birth_date is None and minimal.phone is None
    assert held(lainate, rita) is None
    assert count(lainate, Visit) == count(lainate, Consent) == 0
    assert [h.person.id for h in search_people(lainate.db, "ouali am")] == [amina]
    # Rho holds both whole.
    whole = held(rho, amina)
    assert whole is not None and not whole.index_only and whole.phone == "+393331234567"
    assert held(rho, rita) is not None and count(rho, Visit) == 1
    assert foreign_keys_hold(lainate) and foreign_keys_hold(rho)
    assert agrees_with_hq(lainate) and agrees_with_hq(rho)


def test_a_check_in_from_the_index_works_offline_and_brings_the_whole_record(
    rho: TestDesk, lainate: TestDesk
) -> None:
    amina = rho.people.register_person(
        AMINA, consents=["registration", "network_index"], notice_version="2026-01"
    )
    rho.sync()
    lainate.sync()
    cursor_before = lainate_cursor(lainate)

    # Offline at Lainate: found in the index and checked in; not editable yet.
    lainate.visits.check_in(amina, topics=["lavoro"])
    with pytest.raises(IndexOnly):
        lainate.people.update_person(amina, {"phone": "333 7654321"})

    lainate.sync()
    whole = held(lainate, amina)
    assert whole is not None and not whole.index_only
    assert whole.phone == "+393331234567" and whole.birth_date == date(1984, 5, 2)
    assert whole.version <= cursor_before  # entered the scope: sent although older
    assert count(lainate, Consent, person_id=amina) == 2
    assert count(lainate, Visit, person_id=amina) == 1
    lainate.people.update_person(amina, {"phone": "333 7654321"})  # now it can change
    lainate.sync()
    rho.sync()
    changed = held(rho, amina)
    assert changed is not None and changed.phone == "+393337654321"
    # Rho gets no visit of Lainate: its scope is its own site's visits.
    assert count(rho, Visit) == 0
    assert foreign_keys_hold(lainate)
    assert agrees_with_hq(lainate) and agrees_with_hq(rho)


def lainate_cursor(desk: TestDesk) -> int:
    with desk.db.read() as session:
        return int(session.execute(text("SELECT server_cursor FROM desk_state")).scalar_one())


def test_withdrawing_from_the_index_removes_the_minimal_record(
    rho: TestDesk, lainate: TestDesk
) -> None:
    amina = rho.people.register_person(AMINA, consents=["network_index"], notice_version="2026-01")
    rho.sync()
    lainate.sync()
    assert held(lainate, amina) is not None

    consent = rho.people.person_details(amina).consents[0]
    rho.people.withdraw_consent(consent.id)
    rho.sync()
    lainate.sync()
    assert held(lainate, amina) is None
    assert search_people(lainate.db, "ouali amina") == []
    assert held(rho, amina) is not None  # Rho keeps its own record
    assert agrees_with_hq(lainate)


def test_a_minimal_record_something_pending_needs_stays_until_it_is_sent(
    rho: TestDesk, lainate: TestDesk
) -> None:
    amina = rho.people.register_person(AMINA, consents=["network_index"], notice_version="2026-01")
    rho.sync()
    lainate.sync()
    lainate.visits.check_in(amina)  # offline, not yet sent
    consent = rho.people.person_details(amina).consents[0]
    rho.people.withdraw_consent(consent.id)
    rho.sync()

    reply = lainate.hq.pull(client_id(lainate), lainate_cursor(lainate))
    assert amina in reply.removed  # HQ says it leaves the index...
    from opdesk.core.mutations.replay import note_leaving, remove_leaving

    note_leaving(lainate.db, reply.removed)
    assert remove_leaving(lainate.db) == 0  # ...the check-in needs it
    assert held(lainate, amina) is not None

    lainate.sync()  # the check-in reaches HQ: Amina now belongs to Lainate, whole
    whole = held(lainate, amina)
    assert whole is not None and not whole.index_only
    assert count(lainate, Visit, person_id=amina) == 1


def test_a_minimal_record_merged_away_while_a_check_in_named_it_leaves_once_sent(
    rho: TestDesk, lainate: TestDesk
) -> None:
    """Lainate checks Ada in offline while Rho merges her into Adah: HQ applies the
    check-in to Adah, and says Ada leaves Lainate's index while the check-in still named
    her here. She stayed for good: nothing later named her again (a concurrent run with
    HQ on PostgreSQL found it; the daily check would have re-downloaded everything)."""
    ada = rho.people.register_person(AMINA, consents=["network_index"], notice_version="2026-01")
    adah = rho.people.register_person(
        PersonFields(given_name="Adah", family_name="Ouali"),
        consents=["network_index"],
        notice_version="2026-01",
    )
    rho.sync()
    lainate.sync()
    lainate.visits.check_in(ada)  # offline, not yet sent
    rho.people.merge_people(kept_id=adah, merged_id=ada)
    rho.sync()
    lainate.sync()
    assert held(lainate, ada) is None
    kept = held(lainate, adah)
    assert kept is not None and not kept.index_only  # the check-in made her Lainate's
    assert count(lainate, Visit, person_id=adah) == 1
    assert agrees_with_hq(lainate)


def client_id(desk: TestDesk) -> str:
    with desk.db.read() as session:
        return str(session.execute(text("SELECT client_id FROM desk_state")).scalar_one())


def test_people_named_by_records_in_scope_come_minimal_even_without_consent(
    rho: TestDesk, lainate: TestDesk
) -> None:
    mother = rho.people.register_person(AMINA, consents=["network_index"], notice_version="2026-01")
    rho.sync()
    lainate.sync()
    # At Lainate a child is registered with Amina (from the index) as guardian.
    child = lainate.people.register_person(
        PersonFields(given_name="Yasmine", family_name="Ouali", birth_date=date(2015, 1, 9)),
        guardian_id=mother,
        consents=["registration"],
        notice_version="2026-01",
    )
    lainate.sync()
    rho.sync()
    # Rho: the link names the child, so the child comes minimal (not in the index).
    minimal = held(rho, child)
    assert minimal is not None and minimal.index_only and minimal.birth_year == 2015
    assert count(rho, HouseholdLink, member_id=mother) == 1
    assert count(rho, Consent, person_id=child) == 0
    assert foreign_keys_hold(rho) and foreign_keys_hold(lainate)
    assert agrees_with_hq(rho) and agrees_with_hq(lainate)


def test_hq_and_unscoped_tools_see_everything(hq_db: Database, rho: TestDesk) -> None:
    rho.people.register_person(PersonFields(given_name="Rita", family_name="Ouali"))
    rho.sync()
    everything = pull_changes(hq_db, client_id="hq-tool", cursor=0)
    lainate_only = pull_changes(
        hq_db, client_id="x", cursor=0, scope=Scope.of_site(site_id_for("Lainate"))
    )
    assert any(r.table == "person" for r in everything.rows)
    assert not any(r.table == "person" for r in lainate_only.rows)


def test_a_scoped_page_gathers_ranges_of_versions_up_to_a_page_of_rows(
    hq_db: Database, rho: TestDesk, lainate: TestDesk
) -> None:
    """Most of HQ's rows belong to other sites: a page of a desk's scope spans several
    ranges of ``limit`` versions (at most RANGES), so it takes fewer trips; nothing of
    the scope is skipped and nothing outside it comes."""
    theirs = [lainate.people.register_person(PersonFields(given_name=f"L{i}")) for i in range(30)]
    lainate.sync()
    ours = [rho.people.register_person(PersonFields(given_name=f"R{i}")) for i in range(3)]
    rho.sync()
    scope, cursor, pages, people = Scope.of_site(site_id_for("Rho")), 0, 0, set()
    while True:
        page = pull_changes(hq_db, client_id="x", cursor=cursor, limit=4, scope=scope)
        people |= {r.id for r in page.rows if r.table == "person"}
        cursor, pages = page.cursor, pages + 1
        if not page.more:
            break
    assert people == set(ours) and not people & set(theirs)
    # 33 people and their consents in ranges of 4 versions: about 9 ranges, 2 pages
    assert pages <= 2


def test_a_record_in_two_ranges_of_one_page_goes_once_as_the_later_says(
    hq_db: Database, rho: TestDesk, lainate: TestDesk, make_desk: MakeDesk
) -> None:
    """Amina's row is in an early range of versions, her entering Lainate's scope in a
    later one of the same page: the page holds her once, whole; a new desk takes it in."""
    amina = rho.people.register_person(
        AMINA, consents=["registration", "network_index"], notice_version="2026-01"
    )
    for i in range(12):
        rho.people.register_person(PersonFields(given_name=f"R{i}"))
    rho.sync()
    lainate.sync()
    lainate.visits.check_in(amina, topics=["lavoro"])  # she enters Lainate's scope
    lainate.sync()
    scope, cursor = Scope.of_site(site_id_for("Lainate")), 0
    while True:
        page = pull_changes(hq_db, client_id="x", cursor=cursor, limit=5, scope=scope)
        keys = [(row.table, row.id) for row in page.rows]
        assert len(keys) == len(set(keys))
        assert amina not in page.removed
        cursor = page.cursor
        if not page.more:
            break
    fresh = make_desk(hq_db, "Lainate", scoped=True)
    fresh.sync()
    whole = held(fresh, amina)
    assert whole is not None and not whole.index_only
    assert count(fresh, Visit, person_id=amina) == 1 and foreign_keys_hold(fresh)
