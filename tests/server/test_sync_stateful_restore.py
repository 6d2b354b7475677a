"""Two PCs whose desk files get backed up, restored and copied over each other, syncing
with HQ through a faulty link. Once both are back online and synced: both equal HQ,
every change is at HQ exactly once, and none is lost except those a restore or a copy
itself threw away (made after the backup, never sent).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import func, select

from opdesk.core.errors import DomainError
from opdesk.core.mutations.log import MutationLog, ensure_desk_state
from opdesk.core.rules.person import PersonFields
from opdesk.core.rules.sites import site_id_for
from opdesk.core.services.context import DeskContext
from opdesk.core.services.people import PeopleService
from opdesk.core.services.visits import VisitService
from opdesk.server.local import InProcessHQ
from opdesk.storage.backup import backup_sqlite
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.storage.models import HqMutation, Person
from opdesk.sync.engine import sync_once
from opdesk.sync.http import SyncError
from tests.conftest import FakeClock
from tests.server.test_push_pull import synced_rows
from tests.server.test_sync_stateful import FAULTS, FaultyLink

PCS = ("A", "B")


class Files(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="opdesk-files-"))
        self.clock = FakeClock()
        self.hq = open_database(self.folder / "hq.sqlite3")
        self.link = FaultyLink(InProcessHQ(self.hq, clock=self.clock, page=5))
        self.dbs: dict[str, Database] = {}
        self.backups: list[Path] = []
        self.made: set[str] = set()
        self.dbs["A"] = open_database(self.path("A"))
        ensure_desk_state(self.dbs["A"])
        copy = backup_sqlite(self.path("A"), self.folder / "backups", reason="A", keep=1000)
        shutil.copyfile(copy, self.path("B"))  # B starts as a copy of A: the same client id
        self.dbs["B"] = open_database(self.path("B"))

    def path(self, pc: str) -> Path:
        return self.folder / f"{pc}.sqlite3"

    def context(self, pc: str) -> DeskContext:
        return DeskContext(self.dbs[pc], site_id=site_id_for("Rho"), clock=self.clock)

    def remember(self, pc: str) -> None:
        self.made |= {e.mutation_id for e in MutationLog(self.dbs[pc]).pending()}

    @rule(pc=st.sampled_from(PCS), name=st.sampled_from(["Amina", "Sara", "Luca"]))
    def register(self, pc: str, name: str) -> None:
        PeopleService(self.context(pc)).register_person(PersonFields(given_name=name))
        self.remember(pc)

    @rule(pc=st.sampled_from(PCS), nth=st.integers(0, 5))
    def check_in(self, pc: str, nth: int) -> None:
        with self.dbs[pc].read() as session:
            people = list(session.scalars(select(Person.id).order_by(Person.id)))
        if not people:
            return
        try:
            VisitService(self.context(pc)).check_in(people[nth % len(people)], topics=["casa"])
        except DomainError:
            return
        self.remember(pc)

    @rule(pc=st.sampled_from(PCS), fault=st.sampled_from(FAULTS))
    def sync(self, pc: str, fault: str) -> None:
        self.link.fault = fault
        try:
            sync_once(self.dbs[pc], self.link)
        except SyncError:
            assert fault in ("lost push reply", "lost pull")
        finally:
            self.link.fault = "none"

    @rule(pc=st.sampled_from(PCS))
    def back_up(self, pc: str) -> None:
        self.backups.append(
            backup_sqlite(self.path(pc), self.folder / "backups", reason=pc, keep=1000)
        )

    @precondition(lambda self: bool(self.backups))
    @rule(pc=st.sampled_from(PCS), data=st.data())
    def restore_a_backup(self, pc: str, data: st.DataObject) -> None:
        """Any backup, even one taken on the other PC: a restore or a copy."""
        self.replace_file(pc, data.draw(st.sampled_from(self.backups)))

    def replace_file(self, pc: str, source: Path) -> None:
        before = {e.mutation_id for e in MutationLog(self.dbs[pc]).pending()}
        self.dbs[pc].dispose()
        for suffix in ("-wal", "-shm"):
            Path(f"{self.path(pc)}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(source, self.path(pc))
        self.dbs[pc] = open_database(self.path(pc))
        after = {e.mutation_id for e in MutationLog(self.dbs[pc]).pending()}
        with self.hq.read() as session:
            at_hq = set(session.scalars(select(HqMutation.mutation_id)))
        # Changes only the replaced file held, never sent: thrown away by whoever
        # replaced it, not by sync. Any other copy still holding them sends them.
        held = set()
        for other, db in self.dbs.items():
            if other != pc:
                held |= {e.mutation_id for e in MutationLog(db).pending()}
        self.made -= before - after - at_hq - held

    @invariant()
    def queues_are_runs(self) -> None:
        for db in self.dbs.values():
            seqs = [e.seq for e in MutationLog(db).pending()]
            assert seqs == list(range(seqs[0], seqs[0] + len(seqs))) if seqs else True

    @rule()
    def all_back_online(self) -> None:
        for _round in range(2):
            for pc in PCS:
                sync_once(self.dbs[pc], self.link)
        reference = synced_rows(self.hq)
        for db in self.dbs.values():
            assert MutationLog(db).pending() == []
            assert synced_rows(db) == reference
        with self.hq.read() as session:
            processed = list(session.scalars(select(HqMutation.mutation_id)))
            applied_twice = session.scalar(
                select(func.count()).select_from(HqMutation).where(HqMutation.status == "rejected")
            )
        assert self.made <= set(processed)  # every change made is at HQ...
        assert len(processed) == len(set(processed))  # ...once
        assert applied_twice == 0  # registrations and check-ins are never refused here

    def teardown(self) -> None:
        for db in self.dbs.values():
            db.dispose()
        self.hq.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)


Files.TestCase.settings = settings(settings.default, stateful_step_count=25, max_examples=40)
TestFiles = Files.TestCase
