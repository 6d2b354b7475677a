"""Three desks and HQ, with faults: lost replies, repeated requests, restarts, offline.

After every step the desks' own rules hold; once all are back online and synced, every
desk equals HQ, nothing was applied twice, and every change made at a desk was either
applied at HQ or refused with a reason: nothing is lost silently.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

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
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.storage.models import HqMutation, PendingMutation, Person, Visit
from opdesk.sync.engine import PullReply, PushReply, sync_once
from opdesk.sync.http import SyncError
from tests.conftest import FakeClock
from tests.server.test_push_pull import synced_rows

COMUNI = ("Rho", "Lainate", "Pero")
FAULTS = ("none", "lost push reply", "repeated push", "lost pull")
NAMES = st.sampled_from(["Amina", "Sara", "Luca", "Olena", "Mario", "Fatou", "Ion"])


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

    def pull(self, client_id: str, cursor: int, *, count: bool = False) -> PullReply:
        if self.fault == "lost pull":
            raise SyncError("ConnectError")
        return self.hq.pull(client_id, cursor, count=count)


class Desks(RuleBasedStateMachine):
    people = Bundle("people")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="opdesk-sync-"))
        self.clock = FakeClock()
        self.hq = open_database(self.folder / "hq.sqlite3")
        self.link = FaultyLink(InProcessHQ(self.hq, clock=self.clock, page=7))
        self.dbs: dict[str, Database] = {}
        self.made: set[str] = set()  # every mutation id a desk ever queued
        for comune in COMUNI:
            self.dbs[comune] = open_database(self.folder / f"{comune}.sqlite3")
            ensure_desk_state(self.dbs[comune])

    def context(self, comune: str) -> DeskContext:
        return DeskContext(self.dbs[comune], site_id=site_id_for(comune), clock=self.clock)

    def remember_queue(self, comune: str) -> None:
        self.made |= {e.mutation_id for e in MutationLog(self.dbs[comune]).pending()}

    @initialize(target=people, comune=st.sampled_from(COMUNI), name=NAMES)
    def first_person(self, comune: str, name: str) -> str:
        person = PeopleService(self.context(comune)).register_person(PersonFields(given_name=name))
        self.remember_queue(comune)
        return person

    @rule(target=people, comune=st.sampled_from(COMUNI), name=NAMES)
    def register(self, comune: str, name: str) -> str:
        person = PeopleService(self.context(comune)).register_person(PersonFields(given_name=name))
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
        self.link.fault = fault
        try:
            sync_once(self.dbs[comune], self.link)
        except SyncError:
            assert fault in ("lost push reply", "lost pull")
        finally:
            self.link.fault = "none"

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
        """Everybody syncs without faults until nothing moves: all equal HQ, nothing lost
        or doubled. Twice is enough, but for edits of one field at several desks: each
        desk's edit wins over HQ's value in turn (queued again over it), so each takes
        a round, and one more brings the last value to the others."""
        for _round in range(len(COMUNI) + 2):
            for comune in COMUNI:
                sync_once(self.dbs[comune], self.link)
        reference = synced_rows(self.hq)
        for db in self.dbs.values():
            assert MutationLog(db).pending() == []
            assert synced_rows(db) == reference
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
