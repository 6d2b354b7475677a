"""The desk's sync service against a real server: enroll, sync, problems, a restored HQ."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from opdesk.core.rules.person import PersonFields
from opdesk.storage.engine import Database
from opdesk.storage.errors import DiskFull
from opdesk.storage.migrate import full_integrity_check
from opdesk.storage.models import HqState, Person
from opdesk.sync.http import SyncError
from opdesk.sync.service import SyncService
from tests.conftest import full_disk
from tests.server.conftest import TestDesk
from tests.server.test_http import Server, start_server

MakeDesk = Callable[[Database, str], TestDesk]


def enrolled_service(server: Server, desk: TestDesk) -> SyncService:
    service = SyncService(desk.db, clock=desk.context.clock)
    code = server.admin("enroll-device", "desk", "--site", "Rho").split()[0]
    service.enroll(server.url + "/", code)
    return service


def test_enroll_then_sync_shows_in_the_status(
    tmp_path: Path, hq_db: Database, make_desk: MakeDesk
) -> None:
    for server in start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}"):
        rho = make_desk(hq_db, "Rho")
        service = SyncService(rho.db)
        assert not service.status().configured
        with pytest.raises(SyncError):
            service.sync_now()
        service = enrolled_service(server, rho)
        rho.people.register_person(PersonFields(given_name="Amina"))
        assert service.status().pending == 1
        service.sync_now()
        status = service.status()
        assert status.configured and status.pending == 0 and status.last_sync_at is not None
        assert status.last_error is None and status.problems == 0


def test_a_refusal_becomes_a_problem_to_see_and_dismiss(
    tmp_path: Path, hq_db: Database, make_desk: MakeDesk
) -> None:
    for server in start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}"):
        rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
        to_rho, to_lainate = enrolled_service(server, rho), enrolled_service(server, lainate)
        person = rho.people.register_person(PersonFields(given_name="Amina"))
        to_rho.sync_now()
        to_lainate.sync_now()
        lainate.people.update_person(person, {"given_name": "Amira"})
        with Database.open(tmp_path / "hq.sqlite3").engine.begin() as conn:
            conn.exec_driver_sql("UPDATE person SET deleted = 1 WHERE id = ?", (person,))
        to_lainate.sync_now()
        problems = to_lainate.problems()
        # The reason travels as the message and its parameters, to be translated here.
        assert [(p.kind, p.name, p.reason, p.params) for p in problems] == [
            (
                "rejected",
                "update_person",
                "No {what} with id {ident}.",
                {"what": "person", "ident": person},
            )
        ]
        assert to_lainate.status().problems == 1
        to_lainate.dismiss_problem(problems[0].id)
        assert to_lainate.status().problems == 0


def test_a_restored_hq_makes_the_desk_download_everything_again(
    tmp_path: Path, make_desk: MakeDesk
) -> None:
    url = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    for server in start_server(tmp_path / "hq", url):
        hq = Database.open(tmp_path / "hq.sqlite3")
        try:
            rho = make_desk(hq, "Rho")
            service = enrolled_service(server, rho)
            for name in ("Amina", "Sara", "Luca"):
                rho.people.register_person(PersonFields(given_name=name))
            service.sync_now()
            with rho.db.write() as session:  # the desk lost rows it had been sent
                session.execute(update(Person).values(version=0))
            with hq.write() as session:  # HQ restored: a new epoch
                session.execute(update(HqState).values(epoch="restored"))
            service.sync_now()
            with rho.db.read() as session:
                assert (
                    session.scalar(
                        select(func.count()).select_from(Person).where(Person.version > 0)
                    )
                    == 3
                )
        finally:
            hq.dispose()


def test_changes_that_needed_a_refused_one_make_one_problem(
    tmp_path: Path, hq_db: Database, make_desk: MakeDesk
) -> None:
    for server in start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}"):
        rho = make_desk(hq_db, "Rho")
        service = enrolled_service(server, rho)
        parent = rho.people.register_person(PersonFields(given_name="Fatima"))
        service.sync_now()
        child = rho.people.register_person(
            PersonFields(given_name="Sara", birth_year=2020), guardian_id=parent
        )
        rho.visits.check_in(child, topics=["famiglia"])
        rho.visits.check_in(child, topics=["casa"])
        server.admin("create-user", "giulia", "Giulia")  # HQ moves on meanwhile
        with Database.open(tmp_path / "hq.sqlite3").engine.begin() as conn:
            # At HQ the guardian was erased: the child's registration will be refused.
            conn.exec_driver_sql("UPDATE person SET deleted = 1 WHERE id = ?", (parent,))
        service.sync_now()
        problems = service.problems()
        assert [(p.name, p.dependents) for p in problems] == [("register_person", 2)]
        with rho.db.read() as session:
            assert session.get(Person, child) is None  # nothing of it is left half-done
        assert service.status().pending == 0


def test_over_http_a_conflicting_edit_wins_and_the_other_value_can_come_back(
    tmp_path: Path, hq_db: Database, make_desk: MakeDesk
) -> None:
    for server in start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}"):
        rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
        to_rho, to_lainate = enrolled_service(server, rho), enrolled_service(server, lainate)
        person = rho.people.register_person(PersonFields(given_name="Amina"))
        to_rho.sync_now()
        to_lainate.sync_now()
        rho.people.update_person(person, {"given_name": "Aminata"})
        lainate.people.update_person(person, {"given_name": "Amira"})
        to_rho.sync_now()
        report = to_lainate.sync_now()
        # HQ said why in words the desk recognises: the edit is queued again and wins.
        assert report.replay is not None and report.replay.requeued == 1
        (problem,) = to_lainate.problems()
        assert (problem.kind, problem.detail) == (
            "conflict",
            {"person_id": person, "field": "given_name", "mine": "Amira", "theirs": "Aminata"},
        )
        assert to_lainate.status().pending == 0
        with hq_db.read() as session:
            assert session.get(Person, person).given_name == "Amira"  # type: ignore[union-attr]
        to_lainate.restore_other(problem.id, lainate.people)
        to_lainate.sync_now()
        to_rho.sync_now()
        for db in (hq_db, rho.db, lainate.db):
            with db.read() as session:
                assert session.get(Person, person).given_name == "Aminata"  # type: ignore[union-attr]
        assert to_lainate.status().problems == 0


def test_a_full_disk_during_a_pull_says_so_and_loses_nothing(
    tmp_path: Path, hq_db: Database, make_desk: MakeDesk
) -> None:
    """The pull stops on the first page that does not fit; the desk's change stays queued
    (HQ has it: sent again, skipped there), and with space again the sync completes."""
    for server in start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}"):
        other = make_desk(hq_db, "Rho")
        for n in range(300):
            other.people.register_person(PersonFields(given_name=f"Nome{n}", family_name="Rossi"))
        other.sync()
        rho = make_desk(hq_db, "Rho")
        enrolled_service(server, rho)  # its address and token, kept in its database
        amina = rho.people.register_person(PersonFields(given_name="Amina"))
        path = rho.db.path
        assert path is not None
        rho.db.dispose()

        full = full_disk(path, spare_pages=8)
        on_full = SyncService(full, clock=rho.context.clock)
        with pytest.raises(DiskFull):
            on_full.sync_now()
        status = on_full.status()
        assert status.last_error == DiskFull.message and status.pending == 1
        full.dispose()
        with hq_db.read() as session:  # pushed before the pull stopped
            assert session.get(Person, amina) is not None

        again = Database.open(path)
        try:
            report = SyncService(again, clock=rho.context.clock).sync_now()
            assert not report.rejected
            with again.read() as session:
                people = session.scalar(select(func.count()).select_from(Person))
                assert session.get(Person, amina) is not None
            assert people == 301
            assert SyncService(again).status().pending == 0
            assert full_integrity_check(again.engine) == ["ok"]
        finally:
            again.dispose()
