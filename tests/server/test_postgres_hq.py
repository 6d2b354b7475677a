"""HQ on PostgreSQL: the same push, rules and pull as on SQLite."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from opdesk.core.mutations.base import ApplyContext
from opdesk.core.mutations.log import MutationLog
from opdesk.core.rules.person import PersonFields
from opdesk.core.services.search import search_people
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.storage.models import Person
from opdesk.sync.engine import sync_once
from tests.server.conftest import TestDesk
from tests.server.test_http import enrolled, start_server
from tests.server.test_push_pull import synced_rows

pytestmark = pytest.mark.postgres


def test_two_desks_converge_through_a_postgresql_hq(
    pg_url: str, make_desk: Callable[[Database, str], TestDesk]
) -> None:
    hq = open_database(pg_url)
    try:
        rho, lainate = make_desk(hq, "Rho"), make_desk(hq, "Lainate")
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
        assert [h.person.id for h in search_people(hq, "d angelo niccolo")] == [person]
        hq_rows = synced_rows(hq)
        assert synced_rows(rho.db) == synced_rows(lainate.db)
        assert {t: len(r) for t, r in hq_rows.items()} == {
            t: len(r) for t, r in synced_rows(rho.db).items()
        }
    finally:
        hq.dispose()


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


def test_a_guarded_check_waits_for_the_other_desks_transaction(pg_url: str) -> None:
    """Pushes of several desks are applied at once on PostgreSQL: a rule that checks then
    changes a shared resource guards it, and the second one waits for the first."""
    hq = open_database(pg_url)
    order: list[str] = []
    first_holds = threading.Event()
    try:
        with hq.write() as first:
            ApplyContext(session=first, actor_user_id=None).guard("counsellor:1:2026-11-26T10")
            order.append("first guarded")

            def second() -> None:
                with hq.write() as session:
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
    finally:
        hq.dispose()
