"""Desks and HQ: mutations pushed once, applied by the same rules, pulled by version."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from opdesk.core.errors import DomainError
from opdesk.core.mutations.base import ApplyContext
from opdesk.core.mutations.envelope import Envelope
from opdesk.core.mutations.log import MutationLog
from opdesk.core.mutations.visits import CheckIn
from opdesk.core.rules.person import PersonFields
from opdesk.core.services.search import search_people
from opdesk.server import push as push_module
from opdesk.server.local import InProcessHQ
from opdesk.server.pull import pull_changes
from opdesk.server.push import process_push
from opdesk.storage.engine import Database
from opdesk.storage.models import SYNCED_MODELS, HqMutation, Person, Visit
from opdesk.sync.engine import PullReply, PushReply, sync_once
from tests.conftest import START
from tests.server.conftest import TestDesk

MakeDesk = Callable[[Database, str], TestDesk]


def synced_rows(db: Database) -> dict[str, list[dict[str, object]]]:
    """Every synced row, by table, as HQ and a full desk must agree on them."""
    with db.read() as session:  # by id as Python orders text: as on SQLite, whatever collation
        return {
            model.__tablename__: sorted(
                (dict(row._mapping) for row in session.execute(select(model.__table__))),
                key=lambda row: str(row["id"]),
            )
            for model in SYNCED_MODELS
        }


def test_a_registration_and_check_in_reach_hq_and_another_desk(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
    person = rho.people.register_person(PersonFields(given_name="Amina", family_name="Ouali"))
    rho.visits.check_in(person, topics=["casa"])
    report = rho.sync()
    assert report.pushed == 2 and report.rejected == {}
    assert MutationLog(rho.db).pending() == []
    with rho.db.read() as session:
        assert session.get(Person, person).version > 0  # the server's version came back
    lainate.sync()
    assert [h.person.id for h in search_people(lainate.db, "ouali")] == [person]
    assert synced_rows(lainate.db) == synced_rows(hq_db) == synced_rows(rho.db)


def test_pushing_twice_applies_once(hq_db: Database, make_desk: MakeDesk) -> None:
    rho = make_desk(hq_db, "Rho")
    rho.people.register_person(PersonFields(given_name="Amina"))
    pending = MutationLog(rho.db).pending()
    client = pending[0].client_id
    first = process_push(hq_db, client, pending, now=START)
    again = process_push(hq_db, client, pending, now=START)
    assert [r.status for r in first.results] == ["applied"]
    assert [r.status for r in again.results] == ["skipped"]
    with hq_db.read() as session:
        assert session.scalar(select(func.count()).select_from(HqMutation)) == 1
        assert session.scalar(select(func.count()).select_from(Person)) == 1


def test_a_gap_stops_the_batch(hq_db: Database, make_desk: MakeDesk) -> None:
    rho = make_desk(hq_db, "Rho")
    rho.people.register_person(PersonFields(given_name="Amina"))
    rho.people.register_person(PersonFields(given_name="Sara"))
    pending = MutationLog(rho.db).pending()
    outcome = process_push(hq_db, pending[0].client_id, pending[1:], now=START)
    assert outcome.stopped_at_gap and outcome.last_processed == 0
    with hq_db.read() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 0


def test_a_refused_change_is_rejected_and_the_queue_moves_on(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
    person = rho.people.register_person(PersonFields(given_name="Amina"))
    other = rho.people.register_person(PersonFields(given_name="Sara"))
    rho.sync()
    lainate.sync()
    lainate.people.update_person(other, {"given_name": "Sarah"})
    visit = lainate.visits.check_in(person, topics=["lavoro"])
    with hq_db.write() as session:  # erased at HQ meanwhile: Lainate's edit is refused
        session.get(Person, other).deleted = True
    report = lainate.sync()
    assert list(report.rejected) == [1]  # Lainate's edit, its first mutation
    assert report.rejected[1].message == "No {what} with id {ident}."
    assert report.rejected[1].params == {"what": "person", "ident": other}
    assert MutationLog(lainate.db).pending() == []
    with lainate.db.read() as session:
        assert session.get(Person, other).given_name == "Sara"  # HQ's value stands
        assert session.get(Visit, visit) is not None  # the check-in after it applied
    with hq_db.read() as session:
        statuses = session.scalars(select(HqMutation.status).order_by(HqMutation.seq)).all()
    assert sorted(statuses) == ["applied", "applied", "applied", "rejected"]


def test_a_lost_reply_is_not_a_lost_rejection(hq_db: Database, make_desk: MakeDesk) -> None:
    rho = make_desk(hq_db, "Rho")
    person = rho.people.register_person(PersonFields(given_name="Amina"))
    rho.sync()
    rho.people.update_person(person, {"given_name": "Aminata"})
    pending = MutationLog(rho.db).pending()
    with hq_db.write() as session:  # someone at HQ changed the name meanwhile
        session.get(Person, person).given_name = "Amira"
    process_push(hq_db, pending[0].client_id, pending, now=START)  # the reply is lost
    report = rho.sync()  # pushes again: HQ remembers what it decided
    assert list(report.rejected) == [pending[0].seq]


def test_pages_end_on_a_version_boundary(hq_db: Database, make_desk: MakeDesk) -> None:
    rho = make_desk(hq_db, "Rho")
    for name in ("Amina", "Sara", "Luca", "Anna", "Marco", "Ivan", "Olga"):
        rho.people.register_person(
            PersonFields(given_name=name), consents=("registration",), notice_version="v1"
        )
    rho.sync()
    client = MutationLog(rho.db).pending() or None
    assert client is None
    cursor, seen, pages = 0, [], 0
    while True:
        page = pull_changes(hq_db, client_id="other", cursor=cursor, limit=3)
        versions = {row.data["version"] for row in page.rows}
        seen += [(row.table, row.id) for row in page.rows]
        pages += 1
        assert all(v > cursor for v in versions)
        cursor = page.cursor
        if not page.more:
            break
    assert pages > 3
    assert len(seen) == len(set(seen)) == 14  # 7 people and 7 consents, each once


class LockProbe:
    """HQ in process; before each page, proves the desk holds no write lock."""

    def __init__(self, hq: InProcessHQ, desk_path: str) -> None:
        self.hq, self.desk_path, self.free_between_pages = hq, desk_path, []

    def push(self, client_id: str, envelopes: list[Envelope]) -> PushReply:
        return self.hq.push(client_id, envelopes)

    def pull(
        self, client_id: str, cursor: int, *, count: bool = False, snapshot: str | None = None
    ) -> PullReply:
        other = sqlite3.connect(self.desk_path, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # fails at once if the desk held the lock
            other.execute("ROLLBACK")
            self.free_between_pages.append(True)
        finally:
            other.close()
        return self.hq.pull(client_id, cursor, count=count, snapshot=snapshot)


def test_a_large_pull_leaves_the_write_lock_free_between_pages(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
    for i in range(60):
        rho.people.register_person(PersonFields(given_name=f"Persona{i:02d}"))
    rho.sync()
    lainate.visits.check_in(None, topics=["casa"])  # pending while the pages arrive
    probe = LockProbe(InProcessHQ(hq_db, page=10), str(lainate.db.path))
    report = sync_once(lainate.db, probe)
    assert len(probe.free_between_pages) >= 6  # at least six pages, each with the lock free
    assert report.pulled == 61  # the 60 people, and the desk's own visit back from HQ
    assert synced_rows(lainate.db)["person"] == synced_rows(hq_db)["person"]
    assert MutationLog(lainate.db).pending() == []


class CounterDuringPull:
    """HQ in process; while the pages arrive, the counter checks someone in."""

    def __init__(self, hq: InProcessHQ, desk: TestDesk, person: str) -> None:
        self.hq, self.desk, self.person, self.visits = hq, desk, person, []

    def push(self, client_id: str, envelopes: list[Envelope]) -> PushReply:
        return self.hq.push(client_id, envelopes)

    def pull(
        self, client_id: str, cursor: int, *, count: bool = False, snapshot: str | None = None
    ) -> PullReply:
        if cursor:  # between two pages
            self.visits.append(self.desk.visits.check_in(self.person, topics=["casa"]))
        return self.hq.pull(client_id, cursor, count=count, snapshot=snapshot)


def test_check_ins_during_a_pull_survive_it_and_reach_hq_next_time(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
    first = rho.people.register_person(PersonFields(given_name="Amina"))
    rho.sync()
    lainate.sync()
    for i in range(40):  # what Lainate has not seen yet: several pages of it
        rho.people.register_person(PersonFields(given_name=f"Persona{i:02d}"))
    for i in range(5):
        rho.people.update_person(first, {"birth_place": f"Comune {i}"})
    rho.sync()
    counter = CounterDuringPull(InProcessHQ(hq_db, page=5), lainate, first)
    sync_once(lainate.db, counter)
    assert len(counter.visits) >= 3
    with lainate.db.read() as session:
        assert all(session.get(Visit, v) is not None for v in counter.visits)
        assert session.get(Person, first).birth_place == "Comune 4"
    assert len(MutationLog(lainate.db).pending()) == len(counter.visits)
    lainate.sync()
    rho.sync()
    assert MutationLog(lainate.db).pending() == []
    assert synced_rows(lainate.db) == synced_rows(hq_db) == synced_rows(rho.db)


def test_a_refused_mutation_resent_under_a_new_number_is_answered_not_stored_twice(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    """Found by schemathesis: the same mutation id at a later number used to be written
    a second time into HQ's log (a unique key: HQ answered 500)."""
    rho = make_desk(hq_db, "Rho")
    rho.people.register_person(PersonFields(given_name="Amina"))
    (sent,) = MutationLog(rho.db).pending()
    refused = sent.model_copy(update={"name": "no_such_change"})
    first = process_push(hq_db, refused.client_id, [refused], now=START)
    again = process_push(
        hq_db, refused.client_id, [refused.model_copy(update={"seq": 2})], now=START
    )
    assert [r.status for r in first.results] == ["rejected"]
    assert [r.status for r in again.results] == ["rejected"]
    assert first.results[0].reason == again.results[0].reason
    with hq_db.read() as session:
        assert session.scalar(select(func.count()).select_from(HqMutation)) == 1


def test_a_push_of_several_batches_versions_each_change_on_its_own(
    hq_db: Database, make_desk: MakeDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(push_module, "BATCH", 3)  # seven changes: three transactions
    rho = make_desk(hq_db, "Rho")
    people = [rho.people.register_person(PersonFields(given_name=f"P{i}")) for i in range(6)]
    rho.visits.check_in(people[-1], topics=["casa"])  # needs the registration before it
    pending = MutationLog(rho.db).pending()
    pending[4] = pending[4].model_copy(update={"args": {"nonsense": True}})
    outcome = process_push(hq_db, pending[0].client_id, pending, now=START)
    assert [r.status for r in outcome.results] == ["applied"] * 4 + ["rejected"] + ["applied"] * 2
    assert outcome.last_processed == 7 and not outcome.stopped_at_gap
    with hq_db.read() as session:
        versions = dict(session.execute(select(HqMutation.seq, HqMutation.version)).all())
        person_versions = dict(session.execute(select(Person.id, Person.version)).all())
    assert versions[5] is None
    applied = [versions[seq] for seq in (1, 2, 3, 4, 6, 7)]
    assert applied == sorted(set(applied))  # one version each, in order
    assert [person_versions[p] for p in people[:4]] == applied[:4]
    assert people[4] not in person_versions and person_versions[people[5]] == applied[4]


def test_a_change_refused_after_writing_leaves_nothing_and_the_batch_goes_on(
    hq_db: Database, make_desk: MakeDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch is applied without a savepoint per change; one refused halfway (its visit
    already added) makes HQ apply the batch again with savepoints: the refused change
    leaves nothing, the others are applied once."""
    rho = make_desk(hq_db, "Rho")
    person = rho.people.register_person(PersonFields(given_name="Ada"))
    visits = [rho.visits.check_in(person, topics=["casa"], note=f"n{i}") for i in range(3)]
    pending = MutationLog(rho.db).pending()
    original = CheckIn.apply

    def refuse_the_second(self: CheckIn, ctx: ApplyContext) -> None:
        original(self, ctx)
        if self.note == "n1":
            ctx.session.flush()  # written, then refused
            raise DomainError("Refused after writing.")

    monkeypatch.setattr(CheckIn, "apply", refuse_the_second)
    outcome = process_push(hq_db, pending[0].client_id, pending, now=START)
    assert [r.status for r in outcome.results] == ["applied", "applied", "rejected", "applied"]
    with hq_db.read() as session:
        at_hq = set(session.scalars(select(Visit.id)))
        recorded = session.scalar(select(func.count()).select_from(HqMutation))
    assert at_hq == {visits[0], visits[2]}
    assert recorded == 4
