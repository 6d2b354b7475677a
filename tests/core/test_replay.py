"""Rewind and replay in the cases a desk meets: a pending edit that the server's row
overwrote, mutations HQ acknowledged or rejected, rows the server deleted."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from opdesk.core.errors import Reason
from opdesk.core.mutations.log import MutationLog
from opdesk.core.mutations.pages import apply_server_page
from opdesk.core.mutations.replay import ServerRow, rewind_and_replay
from opdesk.core.rules.person import PersonFields
from opdesk.core.services.people import PeopleService
from opdesk.core.services.visits import VisitService
from opdesk.storage.engine import Database
from opdesk.storage.models import Person, PersonSearch, PersonToken, Visit
from opdesk.storage.rows import read_row
from tests.conftest import FakeClock, Seeded, desk_on
from tests.core.scenario import ServerState, person_row, visit_row
from tests.storage.snapshot import befores, derived_state, pending_state, synced_state


@pytest.fixture
def server(seeded: Seeded) -> ServerState:
    state = ServerState(seeded)
    state.take_in(seeded.db)
    return state


@pytest.fixture
def desk_people(seeded: Seeded, clock: FakeClock) -> PeopleService:
    return PeopleService(desk_on(seeded, clock))


@pytest.fixture
def desk_visits(seeded: Seeded, clock: FakeClock) -> VisitService:
    return VisitService(desk_on(seeded, clock))


def row(db: Database, table: str, row_id: str) -> dict[str, object] | None:
    with db.read() as session:
        return read_row(session.connection(), table, row_id)


def test_a_pending_edit_the_server_overwrote_stays_queued_with_its_error(
    db: Database,
    server: ServerState,
    desk_people: PeopleService,
    desk_visits: VisitService,
) -> None:
    s1, s2, _s3 = server.people
    desk_people.update_person(s1, {"family_name": "Rossini"})  # seq 3, replaced "Rossi"
    visit = desk_visits.check_in(s2)  # seq 4
    # Meanwhile at HQ somebody else renamed the same person.
    server_copy = person_row(
        s1,
        30,
        server.rows[0].id,
        given_name="Mario",
        family_name="Russo",
        birth_date="1985-12-10",
        birth_year=1985,
    )

    report = rewind_and_replay(db, [ServerRow("person", s1, server_copy)])

    assert report.replayed == 1
    assert list(report.failed) == [3]
    assert "family_name" in report.failed[3]
    (edit, check_in) = MutationLog(db).pending()
    assert (edit.seq, check_in.seq) == (3, 4)
    errors = {r[0]: r[-1] for r in pending_state(db)}
    assert errors[3] is not None and "family_name" in errors[3]
    assert errors[4] is None
    # The server's row stands; the check-in is still there, with its before-copy.
    assert row(db, "person", s1) == server_copy
    assert row(db, "visit", visit) is not None
    assert {seq for seq, _t, _r in befores(db)} == {4}

    # Replaying again changes nothing and keeps the error.
    state = (synced_state(db), derived_state(db), pending_state(db), befores(db))
    again = rewind_and_replay(db)
    assert list(again.failed) == [3]
    assert (synced_state(db), derived_state(db), pending_state(db), befores(db)) == state

    # HQ rejects it as well: it leaves the queue, the check-in stays.
    done = rewind_and_replay(db, acknowledged_through=3, rejected={3: "edit conflict"})
    assert done.rejected == {3: Reason("edit conflict")}
    assert done.acknowledged == 0
    assert [e.seq for e in MutationLog(db).pending()] == [4]
    assert row(db, "person", s1) == server_copy


def test_acknowledged_mutations_leave_the_queue(
    db: Database, server: ServerState, desk_people: PeopleService, desk_visits: VisitService
) -> None:
    pid = desk_people.register_person(PersonFields(given_name="Ada", family_name="Neri"))  # 3
    visit = desk_visits.check_in(pid)  # 4
    desk_people.update_person(pid, {"family_name": "Neri Bassi"})  # 5
    registered = row(db, "person", pid)
    checked_in = row(db, "visit", visit)
    assert registered is not None and checked_in is not None
    assert registered["family_name"] == "Neri Bassi"

    # HQ processed 3 and 4: their rows come back with server versions.
    hq_person = {**registered, "family_name": "Neri", "version": 40}
    hq_visit = {**checked_in, "version": 41}
    report = rewind_and_replay(
        db,
        [ServerRow("person", pid, hq_person), ServerRow("visit", visit, hq_visit)],
        acknowledged_through=4,
    )

    assert (report.acknowledged, report.replayed, report.failed) == (2, 1, {})
    assert [e.seq for e in MutationLog(db).pending()] == [5]
    assert row(db, "person", pid) == {**hq_person, "family_name": "Neri Bassi"}
    assert row(db, "visit", visit) == hq_visit
    # The edit's before-copy is now the server's copy.
    assert befores(db) == {(5, "person", pid): hq_person}
    # Sequence numbers go on; none is used twice.
    desk_visits.check_in(None)
    assert [e.seq for e in MutationLog(db).pending()] == [5, 6]


def test_a_rejected_registration_disappears(
    db: Database, server: ServerState, desk_people: PeopleService, desk_visits: VisitService
) -> None:
    pid = desk_people.register_person(PersonFields(given_name="Ada", family_name="Zanetti"))
    visit = desk_visits.check_in(pid)  # 4: depends on the registration

    report = rewind_and_replay(db, acknowledged_through=3, rejected={3: "duplicate"})

    assert report.rejected == {3: Reason("duplicate")}
    assert row(db, "person", pid) is None
    assert row(db, "visit", visit) is None
    assert list(report.failed) == [4]
    (left,) = MutationLog(db).pending()
    assert left.seq == 4
    with db.read() as session:
        assert (
            session.scalars(select(PersonToken.token).where(PersonToken.person_id == pid)).all()
            == []
        )


def test_server_rows_update_the_search_index(db: Database, server: ServerState) -> None:
    s1, s2, _s3 = server.people
    site = server.rows[0].id
    gone = person_row(s2, 50, site, family_name="Ferrari", deleted=True)
    renamed = person_row(s1, 51, site, given_name="Mario", family_name="Rossetti")
    later = visit_row("v-later", 52, s1, site)
    later["visited_at"] = "2025-06-01T10:00:00+00:00"

    rewind_and_replay(
        db,
        [
            ServerRow("person", s2, gone),
            ServerRow("person", s1, renamed),
            ServerRow("visit", "v-later", later),
        ],
    )

    with db.read() as session:
        indexed = dict(session.execute(select(PersonSearch.person_id, PersonSearch.text)).all())
        assert s2 not in indexed
        assert indexed[s1] == "rossetti mario"
        assert (
            "rossi"
            not in session.scalars(
                select(PersonToken.token).where(PersonToken.person_id == s1)
            ).all()
        )
        visits = session.scalars(select(Visit.id).where(Visit.person_id == s1)).all()
        assert set(visits) == {server.visit, "v-later"}
        (seen,) = derived_state(db)["person_site_seen"]
        assert seen[0] == s1 and seen[2].isoformat() == "2025-06-01T10:00:00+00:00"
        assert session.get(Person, s2) is not None


def test_a_check_in_queued_while_a_page_is_written_goes_before_the_rest_of_it(
    db: Database, desk_visits: VisitService
) -> None:
    """A page is written in one transaction only while no other writer waits: the
    counter's check-ins, queued meanwhile, get in between its parts."""
    rows = [
        ServerRow("person", f"p-{i:05d}", person_row(f"p-{i:05d}", i + 1, None, given_name=f"N{i}"))
        for i in range(4000)
    ]
    written: list[int] = []  # people in the desk when each check-in committed
    started, stop = threading.Event(), threading.Event()

    def counter() -> None:
        started.set()
        while not stop.is_set():
            desk_visits.check_in(None, topics=["casa"])
            with db.read() as session:
                written.append(session.scalar(select(func.count()).select_from(Person)) or 0)

    thread = threading.Thread(target=counter)
    thread.start()
    started.wait()
    apply_server_page(db, rows)
    stop.set()
    thread.join()
    assert any(0 < count < 4000 for count in written), written
