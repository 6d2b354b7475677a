"""HQ on PostgreSQL: the same push, rules and pull as on SQLite."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from opdesk.core.mutations.base import ApplyContext
from opdesk.core.mutations.log import MutationLog
from opdesk.core.rules.person import PersonFields
from opdesk.core.services.search import search_people
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
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


def test_a_real_server_on_postgresql(
    pg_url: str, tmp_path: Path, make_desk: Callable[[Database, str], TestDesk]
) -> None:
    hq = open_database(pg_url)
    try:
        for server in start_server(tmp_path / "hq", pg_url):
            rho = make_desk(hq, "Rho")
            transport = enrolled(server, rho, "Rho 1")
            try:
                person = rho.people.register_person(PersonFields(given_name="Olena"))
                sync_once(rho.db, transport)
                assert MutationLog(rho.db).pending() == []
                assert [h.person.id for h in search_people(hq, "olena")] == [person]
            finally:
                transport.close()
    finally:
        hq.dispose()


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
