"""HQ on PostgreSQL: the same push, rules and pull as on SQLite."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import delete, event, select, text, update
from sqlalchemy.exc import OperationalError

from opdesk.core.clock import new_id
from opdesk.core.errors import ValidationFailed
from opdesk.core.mutations.base import ApplyContext, parse_mutation
from opdesk.core.mutations.directory import CreateUser
from opdesk.core.mutations.envelope import Envelope
from opdesk.core.mutations.log import MutationLog, apply_tracked
from opdesk.core.mutations.people import InitialConsent, RegisterPerson
from opdesk.core.rules.person import PersonFields
from opdesk.core.rules.sites import site_id_for
from opdesk.core.services.search import search_people
from opdesk.server.devices import DeviceRefused, authenticate, create_enrollment, digest, enroll
from opdesk.server.push import PushResult, process_push
from opdesk.server.scopes import Scope, members, note_changes
from opdesk.server.versions import ensure_hq_state, stamp_rows, take_version
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.storage.models import HqClient, HqDevice, HqState, Person
from opdesk.sync.engine import sync_once
from tests.conftest import START
from tests.server.conftest import TestDesk
from tests.server.test_http import enrolled, start_server
from tests.server.test_push_pull import synced_rows

pytestmark = pytest.mark.postgres


def test_two_desks_converge_through_a_postgresql_hq(
    pg_hq: Database, make_desk: Callable[[Database, str], TestDesk]
) -> None:
    rho, lainate = make_desk(pg_hq, "Rho"), make_desk(pg_hq, "Lainate")
    person = rho.people.register_person(
        PersonFields(given_name="Niccolò", family_name="D'Angelo", phone="333 123 4567"),
        consents=("registration",),
        notice_version="2026-11",
    )
    rho.visits.check_in(person, topics=["casa", "lavoro"], note="prima volta")
    rho.sync()
    lainate.sync()
    lainate.people.update_person(person, {"phone": "333 765 4321"})
    lainate.sync()
    rho.sync()
    assert MutationLog(rho.db).pending() == MutationLog(lainate.db).pending() == []
    assert [h.person.id for h in search_people(lainate.db, "dangelo")] == [person]
    assert [h.person.id for h in search_people(pg_hq, "d angelo niccolo")] == [person]
    hq_rows = synced_rows(pg_hq)
    assert synced_rows(rho.db) == synced_rows(lainate.db)
    assert {t: len(r) for t, r in hq_rows.items()} == {
        t: len(r) for t, r in synced_rows(rho.db).items()
    }


@pytest.mark.parametrize("workers", [1, 2])
def test_a_real_server_on_postgresql(
    pg_url: str, tmp_path: Path, make_desk: Callable[[Database, str], TestDesk], workers: int
) -> None:
    """Also as several server processes (``serve --workers``): any of them serves a desk."""
    hq = open_database(pg_url)
    try:
        for server in start_server(tmp_path / "hq", pg_url, workers=workers):
            rho = make_desk(hq, "Rho")
            transport = enrolled(server, rho, "Rho 1")
            try:
                people = []
                for name in ("Olena", "Taras", "Mariia"):  # a sync each: several requests
                    people.append(rho.people.register_person(PersonFields(given_name=name)))
                    sync_once(rho.db, transport)
                assert MutationLog(rho.db).pending() == []
                assert [h.person.id for h in search_people(hq, "olena")] == people[:1]
                with rho.db.read() as session:
                    assert set(session.scalars(select(Person.id))) >= set(people)
            finally:
                transport.close()
    finally:
        hq.dispose()


def test_workers_need_postgresql(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "opdesk.server.cli", "--data-dir", str(tmp_path),
         "serve", "--workers", "2"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "--workers needs PostgreSQL" in result.stderr


def test_a_guarded_check_waits_for_the_other_desks_transaction(pg_hq: Database) -> None:
    """Pushes of several desks are applied at once on PostgreSQL: a rule that checks then
    changes a shared resource guards it, and the second one waits for the first."""
    order: list[str] = []
    first_holds = threading.Event()
    with pg_hq.write() as first:
        ApplyContext(session=first, actor_user_id=None).guard("counsellor:1:2026-11-26T10")
        order.append("first guarded")

        def second() -> None:
            with pg_hq.write() as session:
                first_holds.set()
                ApplyContext(session=session, actor_user_id=None).guard(
                    "counsellor:1:2026-11-26T10"
                )
                order.append("second guarded")

        waiting = threading.Thread(target=second)
        waiting.start()
        first_holds.wait(5)
        time.sleep(0.3)  # the second would be through by now if it did not wait
        order.append("first commits")
    waiting.join(5)
    assert order == ["first guarded", "first commits", "second guarded"]


def _pushed_while_another_holds(hq: Database, held: Envelope, pushed: Envelope) -> PushResult:
    """``pushed`` by its desk while ``held`` (another desk's change) is applied in a push
    transaction not yet committed (versioned, its scopes noted): the moment two desks
    sync at once."""
    outcome: list[PushResult] = []
    with hq.write() as first:
        changed = set(apply_tracked(first, parse_mutation(held.name, held.args), None).before)
        version = take_version(first.connection())
        stamp_rows(first.connection(), changed, version)
        note_changes(first.connection(), [(changed, version)])
        second = threading.Thread(
            target=lambda: outcome.extend(
                process_push(hq, pushed.client_id, [pushed], now=START).results
            )
        )
        second.start()
        _until_a_lock_is_waited_for(hq)
    second.join(10)
    (result,) = outcome
    return result


def _until_a_lock_is_waited_for(hq: Database) -> None:
    """Until another transaction waits on a row lock (10 s at most: it may never)."""
    with hq.engine.connect() as watcher:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not watcher.scalar(
            text(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
        ):
            time.sleep(0.02)


def test_two_desks_editing_a_field_at_once_is_a_conflict_not_a_lost_edit(
    pg_hq: Database, make_desk: Callable[[Database, str], TestDesk]
) -> None:
    """Under READ COMMITTED the second edit read the phone number before the first
    committed, found no conflict and overwrote it: Rho's edit lost, and nobody told."""
    rho, lainate = make_desk(pg_hq, "Rho"), make_desk(pg_hq, "Lainate")
    ada = rho.people.register_person(PersonFields(given_name="Ada", phone="333 000 0000"))
    rho.sync()
    lainate.sync()
    rho.people.update_person(ada, {"phone": "333 111 1111"})
    lainate.people.update_person(ada, {"phone": "333 222 2222"})
    (rho_edit,) = MutationLog(rho.db).pending()
    (lainate_edit,) = MutationLog(lainate.db).pending()
    result = _pushed_while_another_holds(pg_hq, rho_edit, lainate_edit)
    assert result.status == "rejected"
    assert result.reason is not None and result.reason.params == {"fields": "phone"}
    with pg_hq.read() as session:
        assert session.get(Person, ada).phone == "+393331111111"  # type: ignore[union-attr]


def test_two_desks_merging_the_same_pair_both_ways_at_once_make_no_loop(
    pg_hq: Database, make_desk: Callable[[Database, str], TestDesk]
) -> None:
    """Each merge read the other person as not merged: Ada into Adah and Adah into Ada,
    a loop that made every later change naming either of them fail."""
    rho, lainate = make_desk(pg_hq, "Rho"), make_desk(pg_hq, "Lainate")
    ada = rho.people.register_person(PersonFields(given_name="Ada", family_name="Rossi"))
    adah = lainate.people.register_person(PersonFields(given_name="Adah", family_name="Rossi"))
    rho.sync()
    lainate.sync()
    rho.sync()
    rho.people.merge_people(kept_id=ada, merged_id=adah)
    lainate.people.merge_people(kept_id=adah, merged_id=ada)
    (rho_merge,) = MutationLog(rho.db).pending()
    (lainate_merge,) = MutationLog(lainate.db).pending()
    result = _pushed_while_another_holds(pg_hq, rho_merge, lainate_merge)
    assert result.status == "rejected" and result.reason is not None
    assert result.reason.message == "These two are already one person: they were merged before."
    with pg_hq.read() as session:
        merged = {p.id: p.merged_into_id for p in session.scalars(select(Person))}
    assert merged == {ada: None, adah: ada}


def test_a_code_used_by_two_desks_at_once_enrolls_one(pg_hq: Database) -> None:
    """The second read the code as unused before the first committed, and overwrote the
    first desk's token: two desks told they were enrolled, one of them with a dead token."""
    code = create_enrollment(pg_hq, name="Rho 1", site_id=None, now=START)
    outcome: list[object] = []

    def second() -> None:
        try:
            outcome.append(enroll(pg_hq, code, now=START))
        except DeviceRefused as exc:
            outcome.append(exc)

    with pg_hq.write() as first:  # another desk enrolling with this code, not yet committed
        first.execute(
            update(HqDevice)
            .where(HqDevice.enrollment_hash == digest(code))
            .values(enrollment_hash=None, token_hash=digest("first desk's token"))
        )
        waiting = threading.Thread(target=second)
        waiting.start()
        _until_a_lock_is_waited_for(pg_hq)
    waiting.join(10)
    assert isinstance(outcome[0], DeviceRefused)
    assert authenticate(pg_hq, "first desk's token").name == "Rho 1"


def test_two_pushes_locking_two_people_in_turn_end_in_a_retry_not_an_error(
    pg_hq: Database,
    make_desk: Callable[[Database, str], TestDesk],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Rho's change holds Ada and wants Bea; Lainate's push holds Bea and wants Ada: a
    deadlock, which PostgreSQL ends by failing one of them. A push that loses is run
    again (its desk is not answered 500), and each edit ends applied or refused."""
    rho, lainate = make_desk(pg_hq, "Rho"), make_desk(pg_hq, "Lainate")
    ada = rho.people.register_person(PersonFields(given_name="Ada", phone="333 000 0000"))
    bea = rho.people.register_person(PersonFields(given_name="Bea", phone="333 000 0000"))
    rho.sync()
    lainate.sync()
    for person, digit in ((ada, "1"), (bea, "1")):
        rho.people.update_person(person, {"phone": f"333 {digit * 3} 0000"})
    for person, digit in ((bea, "2"), (ada, "2")):  # the other order
        lainate.people.update_person(person, {"phone": f"333 {digit * 3} 0000"})
    rho_ada, rho_bea = MutationLog(rho.db).pending()
    lainate_edits = MutationLog(lainate.db).pending()
    outcome: list[PushResult] = []
    pushing = threading.Thread(
        target=lambda: outcome.extend(
            process_push(pg_hq, lainate_edits[0].client_id, lainate_edits, now=START).results
        )
    )
    try:
        with pg_hq.write() as first:
            apply_tracked(first, parse_mutation(rho_ada.name, rho_ada.args), None)
            pushing.start()
            _until_a_lock_is_waited_for(pg_hq)  # Lainate's push holds Bea, waits for Ada
            apply_tracked(first, parse_mutation(rho_bea.name, rho_bea.args), None)
        lost = "the push"
    except OperationalError:  # PostgreSQL chose Rho's change to fail
        lost = "Rho's change"
    pushing.join(20)
    assert lost == "Rho's change" or "lost a deadlock: running it again" in caplog.text
    assert [r.status in ("applied", "rejected") for r in outcome] == [True, True]
    with pg_hq.read() as session:
        phones = {p.id: p.phone for p in session.scalars(select(Person))}
    for edit, result in zip(lainate_edits, outcome, strict=True):
        mine = "+39333" + edit.args["changes"]["phone"].replace(" ", "")[3:]
        assert (phones[edit.args["person_id"]] == mine) == (result.status == "applied")


def test_two_server_processes_starting_on_a_new_database_make_one_counter(
    pg_hq: Database,
) -> None:
    """``serve --workers 2`` on a new database: each process makes HQ's counter row if it
    is missing, and the second to try failed on the first's (a worker that never started)."""
    failed: list[Exception] = []

    def second() -> None:
        try:
            with pg_hq.write() as session:
                ensure_hq_state(session.connection())
        except Exception as exc:
            failed.append(exc)

    with pg_hq.write() as first:
        first.execute(delete(HqState))
        ensure_hq_state(first.connection())
        starting = threading.Thread(target=second)
        starting.start()
        _until_a_lock_is_waited_for(pg_hq)
    starting.join(10)
    assert failed == []
    with pg_hq.read() as session:
        assert len(session.scalars(select(HqState)).all()) == 1


def test_a_desk_pushing_twice_at_once_for_the_first_time_is_answered_twice(
    pg_hq: Database, make_desk: Callable[[Database, str], TestDesk]
) -> None:
    """Its first push was still running at HQ when the desk, tired of waiting, sent it
    again: both made HQ's record of the desk, and the second failed (a 500)."""
    rho = make_desk(pg_hq, "Rho")
    rho.people.register_person(PersonFields(given_name="Ada"))
    (register,) = MutationLog(rho.db).pending()
    outcome: list[PushResult] = []
    failed: list[Exception] = []

    def again() -> None:
        try:
            outcome.extend(process_push(pg_hq, register.client_id, [register], now=START).results)
        except Exception as exc:
            failed.append(exc)

    with pg_hq.write() as first:  # the first push, applying
        first.add(HqClient(client_id=register.client_id, last_seq=0))
        first.flush()
        second = threading.Thread(target=again)
        second.start()
        _until_a_lock_is_waited_for(pg_hq)
    second.join(10)
    assert failed == []
    assert [r.status for r in outcome] == ["applied"]


def test_a_check_in_of_someone_being_merged_away_brings_the_kept_one_to_the_site(
    pg_hq: Database, make_desk: Callable[[Database, str], TestDesk]
) -> None:
    """Pero checks Ada in while Rho merges Ada into Adah: the check-in read Ada as not
    merged (Rho's push had not committed) and made her a member of Pero, after Rho's push
    had handed Ada's sites on to Adah. Adah, the person Pero's visit now shows under,
    stayed a minimal record there: not editable, her details missing."""
    rho, pero = make_desk(pg_hq, "Rho"), make_desk(pg_hq, "Pero")
    index = {"consents": ["network_index"], "notice_version": "2026-11"}
    ada = rho.people.register_person(PersonFields(given_name="Ada"), **index)  # type: ignore[arg-type]
    adah = rho.people.register_person(PersonFields(given_name="Adah"), **index)  # type: ignore[arg-type]
    rho.sync()
    pero.sync()
    pero.visits.check_in(ada, topics=["casa"])
    rho.people.merge_people(kept_id=adah, merged_id=ada)
    (merge,) = MutationLog(rho.db).pending()
    (check_in,) = MutationLog(pero.db).pending()
    assert _pushed_while_another_holds(pg_hq, merge, check_in).status == "applied"
    with pg_hq.read() as session:
        pero_site = Scope.of_site(site_id_for("Pero"))
        assert members(session.connection(), pero_site, {ada, adah}) == {ada, adah}
    pero.sync()
    with pero.db.read() as session:
        kept = session.get(Person, adah)
        assert kept is not None and not kept.index_only


def test_hq_plans_its_queries_without_parallel_workers(pg_hq: Database) -> None:
    """A parallel plan for one of a pull's small queries started two worker processes
    for 0.2 ms of work: 25 ms of PostgreSQL's CPU a pull, half of it with 50 desks."""
    with pg_hq.engine.connect() as conn:
        setting = conn.execute(text("SHOW max_parallel_workers_per_gather")).scalar()
    assert setting == "0"


def test_one_username_given_twice_at_once_is_refused_by_its_rule(pg_hq: Database) -> None:
    """Two admins creating "mario" at once: the second checked while the first was not
    yet committed, then hit the unique index ("could not store"), not the rule's words."""
    refused: list[BaseException] = []
    with pg_hq.write() as first:
        apply_tracked(first, _new_user("mario"), None)

        def second() -> None:
            try:
                with pg_hq.write() as session:
                    apply_tracked(session, _new_user(" Mario"), None)
            except BaseException as exc:  # what the test looks at
                refused.append(exc)

        waiting = threading.Thread(target=second)
        waiting.start()
        _until_a_lock_is_waited_for(pg_hq)
    waiting.join(10)
    (error,) = refused
    assert isinstance(error, ValidationFailed)
    username = error.for_field("username")
    assert username is not None
    assert username.message == "This username is empty or already taken."


def _new_user(username: str) -> CreateUser:
    return CreateUser(user_id=new_id(), username=username, display_name="M", role="volunteer")


def test_a_registration_locks_nothing_it_made_itself(pg_hq: Database) -> None:
    """Its consents find the new person in the session: no other transaction can see the
    row, so a SELECT ... FOR UPDATE of it (one per registration at HQ) waits for nothing."""
    locked: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if "FOR UPDATE" in statement:
            locked.append(statement)

    registration = RegisterPerson(
        person_id=new_id(),
        registered_at=START,
        site_id=None,
        fields=PersonFields(given_name="Ada", family_name="Rossi", birth_year=1980),
        consents=(InitialConsent(consent_id=new_id(), purpose="registration"),),
        notice_version="2026-11",
    )
    event.listen(pg_hq.engine, "before_cursor_execute", note)
    try:
        with pg_hq.write() as session:
            changed = apply_tracked(session, registration, None).before
    finally:
        event.remove(pg_hq.engine, "before_cursor_execute", note)
    assert {table for table, _id in changed} == {"person", "consent"}
    assert locked == []
