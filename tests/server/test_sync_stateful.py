"""Three desks and HQ, with faults: lost replies, repeated requests, restarts, offline.

After every step the desks' own rules hold; once all are back online and synced, every
desk equals HQ, nothing was applied twice, and every change made at a desk was either
applied at HQ or refused with a reason: nothing is lost silently.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    multiple,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select

from opdesk.core.errors import DomainError
from opdesk.core.mutations.envelope import Envelope
from opdesk.core.mutations.log import MutationLog, ensure_desk_state
from opdesk.core.rules.person import PersonFields
from opdesk.core.rules.sites import site_id_for
from opdesk.core.services.context import DeskContext
from opdesk.core.services.people import PeopleService
from opdesk.core.services.visits import VisitService
from opdesk.server.local import InProcessHQ
from opdesk.server.scopes import Scope
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.storage.models import HqMutation, PendingMutation, Person, Visit
from opdesk.sync.divergence import check_divergence
from opdesk.sync.engine import PullReply, PushReply, sync_once
from opdesk.sync.http import SyncError
from tests.conftest import FakeClock, copy_database, drop_database
from tests.server.test_push_pull import synced_rows

COMUNI = ("Rho", "Lainate", "Pero")
FAULTS = ("none", "lost push reply", "repeated push", "lost pull")
NAMES = st.sampled_from(["Amina", "Sara", "Luca", "Olena", "Mario", "Fatou", "Ion"])


def scope_of(hq: dict[str, list[dict[str, Any]]], site: str) -> dict[str, list[dict[str, Any]]]:
    """What a desk of ``site`` must hold of HQ's rows, worked out on its own (the oracle):
    its members whole (registered or came here, or merged into one who did), their
    consents and links, its visits; minimal records of the network index and of the
    people its rows name; reference data whole."""
    people = {p["id"]: p for p in hq["person"]}
    members = {p["id"] for p in hq["person"] if p["registered_site_id"] == site}
    members |= {v["person_id"] for v in hq["visit"] if v["site_id"] == site and v["person_id"]}
    while True:
        kept = {people[m]["merged_into_id"] for m in members} - {None}
        if kept <= members:
            break
        members |= kept
    consents = [c for c in hq["consent"] if c["person_id"] in members]
    links = [k for k in hq["household_link"] if {k["person_id"], k["member_id"]} & members]
    named = {c["given_by_id"] for c in consents} | {k["person_id"] for k in links}
    named |= {k["member_id"] for k in links}
    indexed = {
        c["person_id"]
        for c in hq["consent"]
        if c["purpose"] == "network_index" and c["withdrawn_at"] is None and not c["deleted"]
    }
    indexed = {
        p for p in indexed if not people[p]["deleted"] and people[p]["merged_into_id"] is None
    }
    minimal = ((named - {None}) | indexed) - members
    rows = {table: list(found) for table, found in hq.items()}
    rows["person"] = [people[p] for p in sorted(members)]
    rows["person"] += [minimal_record(people[p]) for p in sorted(minimal)]
    rows["person"].sort(key=lambda p: p["id"])
    rows["consent"], rows["household_link"] = consents, links
    rows["visit"] = [v for v in hq["visit"] if v["site_id"] == site]
    return rows


def minimal_record(person: dict[str, Any]) -> dict[str, Any]:
    kept = ("id", "version", "deleted", "given_name", "family_name", "registered_at")
    born = person["birth_date"]
    return (
        {name: None for name in person}
        | {name: person[name] for name in kept}
        | {
            "registered_site_id": person["registered_site_id"],
            "birth_year": person["birth_year"] or (born.year if born else None),
            "residence_comune": person["residence_comune"] or person["domicile_comune"],
            "homeless": False,
            "index_only": True,
        }
    )


class FaultyLink:
    """The real HQ in process, with the network's ways of failing."""

    def __init__(self, hq: InProcessHQ) -> None:
        self.hq = hq
        self.fault = "none"

    def push(self, client_id: str, envelopes: list[Envelope]) -> PushReply:
        reply = self.hq.push(client_id, envelopes)
        if self.fault == "repeated push":
            reply = self.hq.push(client_id, envelopes)
        if self.fault == "lost push reply":
            raise SyncError("ReadTimeout")
        return reply

    def pull(
        self, client_id: str, cursor: int, *, count: bool = False, snapshot: str | None = None
    ) -> PullReply:
        if self.fault == "lost pull":
            raise SyncError("ConnectError")
        return self.hq.pull(client_id, cursor, count=count, snapshot=snapshot)


class Desks(RuleBasedStateMachine):
    people = Bundle("people")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="opdesk-sync-"))
        self.clock = FakeClock()
        self.hq = self.open_hq()
        self.links = {
            comune: FaultyLink(
                InProcessHQ(
                    self.hq, clock=self.clock, page=7, scope=Scope.of_site(site_id_for(comune))
                )
            )
            for comune in COMUNI
        }
        self.dbs: dict[str, Database] = {}
        self.made: set[str] = set()  # every mutation id a desk ever queued
        for comune in COMUNI:
            self.dbs[comune] = open_database(self.folder / f"{comune}.sqlite3")
            ensure_desk_state(self.dbs[comune])

    def open_hq(self) -> Database:
        return open_database(self.folder / "hq.sqlite3")

    def context(self, comune: str) -> DeskContext:
        return DeskContext(self.dbs[comune], site_id=site_id_for(comune), clock=self.clock)

    def remember_queue(self, comune: str) -> None:
        self.made |= {e.mutation_id for e in MutationLog(self.dbs[comune]).pending()}

    @initialize(target=people, comune=st.sampled_from(COMUNI), name=NAMES, index=st.booleans())
    def first_person(self, comune: str, name: str, index: bool) -> str:
        return self.register(comune, name, index)

    @rule(target=people, comune=st.sampled_from(COMUNI), name=NAMES, index=st.booleans())
    def register(self, comune: str, name: str, index: bool) -> str:
        """``index``: the person consents to the network index (other desks find them)."""
        person = PeopleService(self.context(comune)).register_person(
            PersonFields(given_name=name),
            consents=["network_index"] if index else [],
            notice_version="2026-11" if index else None,
        )
        self.remember_queue(comune)
        return person

    @rule(comune=st.sampled_from(COMUNI), person=people, topic=st.sampled_from(["casa", "lavoro"]))
    def check_in(self, comune: str, person: str, topic: str) -> None:
        try:  # the person may not have reached this desk yet: refused, nothing queued
            VisitService(self.context(comune)).check_in(person, topics=[topic])
        except DomainError:
            return
        self.remember_queue(comune)

    @rule(comune=st.sampled_from(COMUNI), person=people, digit=st.integers(0, 9))
    def edit_phone(self, comune: str, person: str, digit: int) -> None:
        try:
            PeopleService(self.context(comune)).update_person(
                person, {"phone": f"333 123 456{digit}"}
            )
        except DomainError:
            return
        self.remember_queue(comune)

    @rule(target=people, comune=st.sampled_from(COMUNI), kept=people, merged=consumes(people))
    def merge(self, comune: str, kept: str, merged: str) -> multiple[str]:
        try:
            PeopleService(self.context(comune)).merge_people(kept_id=kept, merged_id=merged)
        except DomainError:
            return multiple(merged)
        self.remember_queue(comune)
        return multiple()

    @rule(comune=st.sampled_from(COMUNI), fault=st.sampled_from(FAULTS))
    def sync(self, comune: str, fault: str) -> None:
        link = self.links[comune]
        link.fault = fault
        try:
            sync_once(self.dbs[comune], link)
        except SyncError:
            assert fault in ("lost push reply", "lost pull")
        finally:
            link.fault = "none"

    @rule(comune=st.sampled_from(COMUNI))
    def restart(self, comune: str) -> None:
        """The desk's PC is switched off and on between two steps."""
        path = self.folder / f"{comune}.sqlite3"
        self.dbs[comune].dispose()
        self.dbs[comune] = open_database(path)

    @invariant()
    def each_desk_is_consistent(self) -> None:
        for db in self.dbs.values():
            with db.read() as session:
                query = select(PendingMutation.seq).order_by(PendingMutation.seq)
                seqs = list(session.scalars(query))
                if seqs:  # the queue is a run of consecutive numbers
                    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))
                orphans = session.scalar(
                    select(func.count())
                    .select_from(Visit)
                    .outerjoin(Person, Person.id == Visit.person_id)
                    .where(Visit.person_id.is_not(None), Person.id.is_(None))
                )
                assert orphans == 0

    @precondition(lambda self: True)
    @rule()
    def all_back_online(self) -> None:
        """Everybody syncs without faults until nothing moves: each desk equals HQ for its
        scope, nothing lost or doubled. Twice is enough, but for edits of one field at
        several desks: each desk's edit wins over HQ's value in turn (queued again over
        it), so each takes a round, and one more brings the last value to the others."""
        for _round in range(len(COMUNI) + 2):
            for comune in COMUNI:
                sync_once(self.dbs[comune], self.links[comune])
        reference = synced_rows(self.hq)
        for comune, db in self.dbs.items():
            assert MutationLog(db).pending() == []
            assert synced_rows(db) == scope_of(reference, site_id_for(comune))
            check = check_divergence(db, self.links[comune].hq)  # HQ's view of the scope
            assert check.conclusive and not check.diverged, check.describe()
        with self.hq.read() as session:
            processed = set(session.scalars(select(HqMutation.mutation_id)))
            rejected_without_reason = session.scalar(
                select(func.count())
                .select_from(HqMutation)
                .where(HqMutation.status == "rejected", HqMutation.reason.is_(None))
            )
        assert self.made <= processed  # every change applied or refused, none lost
        assert rejected_without_reason == 0

    def teardown(self) -> None:
        for db in self.dbs.values():
            db.dispose()
        self.hq.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)


Desks.TestCase.settings = settings(settings.default, stateful_step_count=20)
TestDesks = Desks.TestCase


class DesksWithPostgres(Desks):
    """The same desks and faults, HQ on PostgreSQL (its own snapshots, arrays of ids,
    row locks): each run on a fresh copy of a migrated database (``template``)."""

    template: ClassVar[str] = ""

    def open_hq(self) -> Database:
        self.hq_url = copy_database(self.template)
        return Database.open(self.hq_url)

    def teardown(self) -> None:
        super().teardown()
        drop_database(self.hq_url)


@pytest.mark.postgres
def test_desks_with_a_postgresql_hq(pg_url: str) -> None:
    open_database(pg_url).dispose()  # migrated once; each run copies it
    DesksWithPostgres.template = pg_url
    run_state_machine_as_test(
        DesksWithPostgres,
        settings=settings(
            settings.default,
            stateful_step_count=20,
            max_examples=max(5, settings.default.max_examples // 3),
        ),
    )
