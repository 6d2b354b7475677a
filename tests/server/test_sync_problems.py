"""What a sync leaves for people to decide: conflicting field edits, people two desks
registered offline, refusals; and the progress of a large pull. Real desk and HQ files,
HQ in process (the HTTP side is in test_sync_service and test_http)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select, update

from opdesk.core.errors import EditConflict
from opdesk.core.mutations.envelope import Envelope
from opdesk.core.mutations.log import MutationLog
from opdesk.core.rules.person import PersonFields
from opdesk.server.local import InProcessHQ
from opdesk.storage.engine import Database
from opdesk.storage.models import DeskState, PendingMutation, Person, SyncProblem
from opdesk.sync.engine import PullReply, PushReply, Transport, sync_once
from opdesk.sync.service import SyncService
from tests.server.conftest import TestDesk

MakeDesk = Callable[[Database, str], TestDesk]


def service_of(desk: TestDesk, transport: Transport | None = None) -> SyncService:
    """The desk's sync service, talking to the in-process HQ as if enrolled."""
    with desk.db.write() as session:
        session.execute(
            update(DeskState).values(server_url="http://hq.invalid", device_token="t" * 40)
        )
    link = transport or desk.hq
    return SyncService(desk.db, clock=desk.context.clock, transport=lambda _u, _t, _c: link)


def phone(db: Database, person_id: str) -> str | None:
    with db.read() as session:
        found = session.get(Person, person_id)
        assert found is not None
        return found.phone


def test_a_conflicting_edit_wins_by_default_and_is_recorded(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
    person = rho.people.register_person(PersonFields(given_name="Amina", phone="333 111 2222"))
    to_rho, to_lainate = service_of(rho), service_of(lainate)
    to_rho.sync_now()
    to_lainate.sync_now()
    # Both change the phone offline; Rho reaches HQ first.
    rho.people.update_person(person, {"phone": "333 333 4444"})
    lainate.people.update_person(person, {"phone": "333 555 6666"})
    visit = lainate.visits.check_in(person, topics=["lavoro"])
    to_rho.sync_now()
    report = to_lainate.sync_now()
    # HQ refused Lainate's edit as a conflict; the desk queued it again over HQ's value,
    # and the second round of the same sync took it to HQ.
    assert [why.message for why in report.rejected.values()] == [EditConflict.MESSAGE]
    assert report.replay is not None and report.replay.requeued == 1
    assert MutationLog(lainate.db).pending() == []
    assert phone(lainate.db, person) == phone(hq_db, person) == "+393335556666"
    assert visit  # the check-in after the edit went through
    problems = to_lainate.problems()
    assert [(p.kind, p.name, p.detail) for p in problems] == [
        (
            "conflict",
            "update_person",
            {
                "person_id": person,
                "field": "phone",
                "mine": "+393335556666",  # as it is stored
                "theirs": "+393333334444",
            },
        )
    ]
    assert problems[0].person is not None and problems[0].person.given_name == "Amina"
    to_rho.sync_now()
    assert phone(rho.db, person) == "+393335556666"
    assert to_rho.problems() == []  # Rho had no edit waiting: nothing to decide there

    # "Ripristina l'altra": a new edit made here gives the field back Rho's value.
    to_lainate.restore_other(problems[0].id, lainate.people)
    assert to_lainate.problems() == []
    assert phone(lainate.db, person) == "+393333334444"
    to_lainate.sync_now()
    assert phone(hq_db, person) == "+393333334444"
    assert to_lainate.status().problems == 0


def test_keeping_this_desks_edit_just_closes_the_problem(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
    person = rho.people.register_person(PersonFields(given_name="Amina"))
    to_rho, to_lainate = service_of(rho), service_of(lainate)
    to_rho.sync_now()
    to_lainate.sync_now()
    rho.people.update_person(person, {"given_name": "Aminata", "residence_comune": "Rho"})
    lainate.people.update_person(person, {"given_name": "Amira", "phone": "333 555 6666"})
    to_rho.sync_now()
    to_lainate.sync_now()
    problems = to_lainate.problems()
    assert [p.detail["field"] for p in problems if p.detail] == ["given_name"]
    to_lainate.dismiss_problem(problems[0].id)
    to_rho.sync_now()
    for db in (hq_db, rho.db, lainate.db):
        with db.read() as session:
            row = session.get(Person, person)
            assert row is not None
            # Lainate's edit won, whole; Rho's other field stands.
            assert (row.given_name, row.phone, row.residence_comune) == (
                "Amira",
                "+393335556666",
                "Rho",
            )


def test_two_refused_edits_of_one_field_make_one_conflict_with_the_last_value(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
    person = rho.people.register_person(PersonFields(given_name="Amina"))
    rho.sync()
    lainate.sync()
    rho.people.update_person(person, {"birth_place": "Milano"})
    lainate.people.update_person(person, {"birth_place": "Rho"})
    lainate.people.update_person(person, {"birth_place": "Pero"})
    rho.sync()
    report = lainate.sync()
    assert len(report.rejected) == 2
    assert report.replay is not None
    assert [(c.mine, c.theirs) for c in report.replay.conflicts] == [("Pero", "Milano")]
    lainate.sync()
    with hq_db.read() as session:
        row = session.get(Person, person)
        assert row is not None and row.birth_place == "Pero"


class EditDuringPull:
    """HQ in process; while the first page arrives, the volunteer edits a person."""

    def __init__(self, hq: InProcessHQ, edit: Callable[[], None]) -> None:
        self.hq, self.edit, self.done = hq, edit, False

    def push(self, client_id: str, envelopes: list[Envelope]) -> PushReply:
        return self.hq.push(client_id, envelopes)

    def pull(
        self, client_id: str, cursor: int, *, count: bool = False, snapshot: str | None = None
    ) -> PullReply:
        if not self.done:
            self.done = True
            self.edit()
        return self.hq.pull(client_id, cursor, count=count, snapshot=snapshot)


def test_an_edit_made_during_the_pull_is_put_on_top_of_the_other_value(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
    person = rho.people.register_person(PersonFields(given_name="Amina", birth_place="Rho"))
    rho.sync()
    lainate.sync()
    rho.people.update_person(person, {"birth_place": "Milano"})
    rho.sync()
    link = EditDuringPull(
        lainate.hq, lambda: lainate.people.update_person(person, {"birth_place": "Pero"})
    )
    report = sync_once(lainate.db, link)
    assert report.rejected == {}  # it was never pushed
    assert report.replay is not None
    assert [(c.field, c.mine, c.theirs) for c in report.replay.conflicts] == [
        ("birth_place", "Pero", "Milano")
    ]
    with lainate.db.read() as session:
        pending = session.scalars(select(PendingMutation)).all()
        assert [p.args["replaced"] for p in pending] == [{"birth_place": "Milano"}]
        assert all(p.replay_error is None for p in pending)
        problem = session.scalars(select(SyncProblem)).one()
        assert problem.kind == "conflict"
    assert lainate.sync().rejected == {}  # HQ takes the rebased edit
    with hq_db.read() as session:
        row = session.get(Person, person)
        assert row is not None and row.birth_place == "Pero"


def test_people_two_desks_registered_offline_are_flagged_once(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
    to_rho, to_lainate = service_of(rho), service_of(lainate)
    known = rho.people.register_person(PersonFields(given_name="Luca", family_name="Bianchi"))
    to_rho.sync_now()
    to_lainate.sync_now()
    # Both register the same visitor while apart; Lainate also registers someone known
    # at Rho, after seeing them in its own search results: no surprise there.
    fields = PersonFields(given_name="Mario", family_name="Rossi", birth_date="1980-03-04")
    at_rho = rho.people.register_person(fields)
    at_lainate = lainate.people.register_person(fields)
    lainate.people.register_person(PersonFields(given_name="Luca", family_name="Bianchi"))
    to_rho.sync_now()
    to_lainate.sync_now()
    problems = to_lainate.problems()
    assert [(p.kind, p.detail) for p in problems] == [
        (
            "duplicate",
            {
                "person_id": at_lainate,
                "other_id": at_rho,
                "reasons": ["similar name and same birth date"],
            },
        )
    ]
    assert problems[0].other is not None and problems[0].other.family_name == "Rossi"
    assert known
    to_rho.sync_now()
    assert to_rho.problems() == []  # raised once, at the desk that met both

    # "Non è la stessa persona": remembered, not raised again by later syncs.
    to_lainate.dismiss_problem(problems[0].id)
    lainate.people.update_person(at_lainate, {"phone": "333 999 8888"})
    with lainate.db.write() as session:  # as if the check ran again from the start
        session.execute(update(DeskState).values(checked_cursor=0))
    to_lainate.sync_now()
    assert to_lainate.problems() == []


def test_a_merge_settles_the_suspected_duplicate(hq_db: Database, make_desk: MakeDesk) -> None:
    rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
    to_rho, to_lainate = service_of(rho), service_of(lainate)
    fields = PersonFields(given_name="Olena", family_name="Kovalenko", phone="333 123 4567")
    at_rho = rho.people.register_person(fields)
    at_lainate = lainate.people.register_person(fields)
    to_rho.sync_now()
    to_lainate.sync_now()
    (problem,) = to_lainate.problems()
    assert problem.detail is not None
    assert problem.detail["reasons"] == ["same phone number", "same name"]
    lainate.people.merge_people(kept_id=at_rho, merged_id=at_lainate)
    to_lainate.settle_duplicates()
    assert to_lainate.problems() == []
    to_lainate.sync_now()
    assert to_lainate.problems() == []


def test_a_large_pull_reports_its_progress_against_one_count(
    hq_db: Database, make_desk: MakeDesk, tmp_path: Path
) -> None:
    rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
    for i in range(45):
        rho.people.register_person(PersonFields(given_name=f"Persona{i:02d}"))
    rho.sync()
    counted: list[bool] = []

    class Counting(InProcessHQ):
        def pull(
            self, client_id: str, cursor: int, *, count: bool = False, snapshot: str | None = None
        ) -> PullReply:
            counted.append(count)
            return super().pull(client_id, cursor, count=count, snapshot=snapshot)

    seen: list[tuple[int, int | None]] = []
    report = sync_once(
        lainate.db,
        Counting(hq_db, page=10),
        progress=lambda done, total: seen.append((done, total)),
    )
    assert report.pulled == 45
    assert counted == [True] + [False] * (len(counted) - 1)  # counted on the first page only
    assert len(seen) == 5 and all(total == 45 for _done, total in seen)
    assert [done for done, _total in seen] == [10, 20, 30, 40, 45]
    # A small pull has nothing to count.
    rho.people.register_person(PersonFields(given_name="Ultima"))
    rho.sync()
    seen.clear()
    sync_once(lainate.db, Counting(hq_db, page=10), progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, None)]
