"""A desk file restored from a backup, or copied to a second PC: a new client id, every
change at HQ exactly once, nothing lost."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from opdesk.core.mutations.envelope import Envelope
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
from opdesk.storage.models import DeskState, HqMutation, HqState, Person, Visit
from opdesk.sync.engine import PullReply, PushReply, sync_once
from opdesk.sync.service import SyncService
from tests.conftest import FakeClock
from tests.server.conftest import TestDesk
from tests.server.test_http import Server, start_server
from tests.server.test_push_pull import synced_rows

MakeDesk = Callable[[Database, str], TestDesk]


class Desks:
    """Desk files opened from paths (a restored or copied file is a new one)."""

    def __init__(self, hq: Database, clock: FakeClock) -> None:
        self.hq, self.clock = hq, clock
        self.opened: list[Database] = []
        self.made: set[str] = set()  # every mutation id a desk queued

    def open(self, path: Path, comune: str = "Rho") -> TestDesk:
        db = open_database(path)
        self.opened.append(db)
        ensure_desk_state(db)  # a new file gets an identity; a copy keeps its own
        context = DeskContext(db, site_id=site_id_for(comune), clock=self.clock)
        return TestDesk(
            db,
            context,
            PeopleService(context),
            VisitService(context),
            InProcessHQ(self.hq, clock=self.clock),
        )

    def note(self, desk: TestDesk) -> None:
        self.made |= {e.mutation_id for e in MutationLog(desk.db).pending()}

    def restore(self, desk: TestDesk, backup: Path) -> TestDesk:
        path = desk.db.path
        assert path is not None
        desk.db.dispose()
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(backup, path)
        return self.open(path)


@pytest.fixture
def desks(hq_db: Database, clock: FakeClock) -> Iterator[Desks]:
    made = Desks(hq_db, clock)
    yield made
    for db in made.opened:
        db.dispose()


def client_id(db: Database) -> str:
    with db.read() as session:
        return session.scalars(select(DeskState.client_id)).one()


def assert_all_at_hq_once(hq: Database, made: set[str], *desks: TestDesk) -> None:
    with hq.read() as session:
        processed = list(session.scalars(select(HqMutation.mutation_id)))
        statuses = set(session.scalars(select(HqMutation.status)))
    assert sorted(processed) == sorted(made)  # each exactly once, none missing
    assert statuses == {"applied"}
    for desk in desks:
        assert MutationLog(desk.db).pending() == []
        assert synced_rows(desk.db) == synced_rows(hq)


def count(db: Database, model: type[Person] | type[Visit]) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_restored_backup_gets_a_new_client_id_and_loses_nothing(
    tmp_path: Path, desks: Desks, hq_db: Database
) -> None:
    rho = desks.open(tmp_path / "rho.sqlite3")
    amina = rho.people.register_person(PersonFields(given_name="Amina"))
    desks.note(rho)
    rho.sync()
    assert rho.db.path is not None
    backup = backup_sqlite(rho.db.path, tmp_path / "backups", reason="test")
    rho.visits.check_in(amina, topics=["casa"])  # after the backup: reaches HQ
    rho.people.register_person(PersonFields(given_name="Sara"))
    desks.note(rho)
    rho.sync()
    before = client_id(rho.db)

    restored = desks.restore(rho, backup)
    restored.people.register_person(PersonFields(given_name="Luca"))
    restored.visits.check_in(amina, topics=["lavoro"])  # numbered as the ones HQ has
    desks.note(restored)
    report = restored.sync()

    assert client_id(restored.db) != before
    assert report.earlier is not None or report.pushed == 2
    assert_all_at_hq_once(hq_db, desks.made, restored)
    assert count(hq_db, Visit) == 2 and count(hq_db, Person) == 3


def test_changes_pending_in_the_backup_reach_hq_once(
    tmp_path: Path, desks: Desks, hq_db: Database
) -> None:
    rho = desks.open(tmp_path / "rho.sqlite3")
    rho.people.register_person(PersonFields(given_name="Amina"))
    desks.note(rho)
    assert rho.db.path is not None
    backup = backup_sqlite(rho.db.path, tmp_path / "backups", reason="test")  # 1 pending
    rho.people.register_person(PersonFields(given_name="Sara"))
    desks.note(rho)
    rho.sync()  # both reach HQ

    restored = desks.restore(rho, backup)  # Amina pending again, with her mutation id
    restored.people.register_person(PersonFields(given_name="Luca"))
    desks.note(restored)
    restored.sync()

    assert_all_at_hq_once(hq_db, desks.made, restored)
    assert count(hq_db, Person) == 3


def test_a_restored_desk_with_nothing_pending_is_told_by_the_pull(
    tmp_path: Path, desks: Desks, hq_db: Database
) -> None:
    rho = desks.open(tmp_path / "rho.sqlite3")
    rho.people.register_person(PersonFields(given_name="Amina"))
    desks.note(rho)
    rho.sync()
    assert rho.db.path is not None
    backup = backup_sqlite(rho.db.path, tmp_path / "backups", reason="test")
    rho.people.register_person(PersonFields(given_name="Sara"))
    desks.note(rho)
    rho.sync()
    before = client_id(rho.db)

    restored = desks.restore(rho, backup)
    assert restored.sync().pushed == 0
    assert client_id(restored.db) != before  # its next change cannot clash
    restored.people.register_person(PersonFields(given_name="Luca"))
    desks.note(restored)
    restored.sync()
    assert_all_at_hq_once(hq_db, desks.made, restored)


class DuringPull:
    """The real in-process HQ; the counter makes a change while the pull is on."""

    def __init__(self, hq: InProcessHQ, change: Callable[[], None]) -> None:
        self.hq, self.change = hq, change

    def push(self, client_id: str, envelopes: list[Envelope]) -> PushReply:
        return self.hq.push(client_id, envelopes)

    def pull(
        self, client_id: str, cursor: int, *, count: bool = False, snapshot: str | None = None
    ) -> PullReply:
        self.change()
        return self.hq.pull(client_id, cursor, count=count, snapshot=snapshot)


def test_a_check_in_during_the_pull_of_a_restored_desk_is_not_taken_as_done(
    tmp_path: Path, desks: Desks, hq_db: Database
) -> None:
    rho = desks.open(tmp_path / "rho.sqlite3")
    amina = rho.people.register_person(PersonFields(given_name="Amina"))
    desks.note(rho)
    rho.sync()
    assert rho.db.path is not None
    backup = backup_sqlite(rho.db.path, tmp_path / "backups", reason="test")
    for name in ("Sara", "Luca", "Ion"):
        rho.people.register_person(PersonFields(given_name=name))
    desks.note(rho)
    rho.sync()  # HQ has processed numbers 2..4 of this client

    restored = desks.restore(rho, backup)
    made: list[str] = []

    def check_in() -> None:
        if not made:  # numbered 2: a number HQ processed as another change
            restored.visits.check_in(amina, topics=["casa"])
            made.append("done")
            desks.note(restored)

    sync_once(restored.db, DuringPull(restored.hq, check_in))
    restored.sync()
    assert count(hq_db, Visit) == 1
    assert_all_at_hq_once(hq_db, desks.made, restored)


@pytest.mark.parametrize("first", ["original", "copy"])
def test_a_file_copied_to_a_second_pc_ends_the_same_way(
    tmp_path: Path, desks: Desks, hq_db: Database, first: str
) -> None:
    original = desks.open(tmp_path / "rho.sqlite3")
    amina = original.people.register_person(PersonFields(given_name="Amina"))
    original.people.register_person(PersonFields(given_name="Pending at the copy"))
    desks.note(original)
    original.sync()
    original.people.register_person(PersonFields(given_name="Fatou"))  # in both files
    desks.note(original)
    assert original.db.path is not None
    copied = backup_sqlite(original.db.path, tmp_path / "other-pc", reason="copy")
    copy = desks.open(copied)
    assert client_id(copy.db) == client_id(original.db)

    original.visits.check_in(amina, topics=["casa"])
    original.people.register_person(PersonFields(given_name="Sara"))
    copy.visits.check_in(amina, topics=["lavoro"])
    copy.people.register_person(PersonFields(given_name="Luca"))
    copy.people.register_person(PersonFields(given_name="Ion"))
    desks.note(original)
    desks.note(copy)
    order = [original, copy] if first == "original" else [copy, original]
    for desk in order + order:
        desk.sync()

    assert client_id(copy.db) != client_id(original.db)
    assert_all_at_hq_once(hq_db, desks.made, original, copy)
    assert count(hq_db, Visit) == 2 and count(hq_db, Person) == 6


def enrolled(server: Server, db: Database, clock: FakeClock) -> SyncService:
    service = SyncService(db, clock=clock)
    code = server.admin("enroll-device", "Rho 1", "--site", "Rho").split()[0]
    service.enroll(server.url, code)
    return service


def test_a_copied_file_over_http_is_refused_then_renumbered(
    tmp_path: Path, desks: Desks, clock: FakeClock
) -> None:
    url = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    hq = open_database(tmp_path / "hq.sqlite3")
    desks.opened.append(hq)
    for server in start_server(tmp_path / "hq", url):
        original = desks.open(tmp_path / "rho.sqlite3")
        service = enrolled(server, original.db, clock)
        amina = original.people.register_person(PersonFields(given_name="Amina"))
        desks.note(original)
        service.sync_now()
        assert original.db.path is not None
        copy = desks.open(backup_sqlite(original.db.path, tmp_path / "pc2", reason="copy"))
        original.visits.check_in(amina, topics=["casa"])
        copy.visits.check_in(amina, topics=["lavoro"])  # the same number, another change
        desks.note(original)
        desks.note(copy)
        service.sync_now()
        SyncService(copy.db, clock=clock).sync_now()  # HQ says 409: a new client id
        service.sync_now()
        assert client_id(copy.db) != client_id(original.db)
        assert_all_at_hq_once(hq, desks.made, original, copy)


def test_a_desk_ahead_of_a_restored_hq_is_not_stuck_at_the_gap(
    tmp_path: Path, desks: Desks, hq_db: Database
) -> None:
    rho = desks.open(tmp_path / "rho.sqlite3")
    assert hq_db.path is not None
    for name in ("Amina", "Sara"):
        rho.people.register_person(PersonFields(given_name=name))
    desks.note(rho)
    rho.sync()
    hq_backup = backup_sqlite(hq_db.path, tmp_path / "hq-backups", reason="test")
    rho.people.register_person(PersonFields(given_name="Luca"))  # lost with HQ's restore
    rho.sync()
    hq_db.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{hq_db.path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(hq_backup, hq_db.path)
    with hq_db.write() as session:  # a restored HQ starts a new epoch
        session.execute(update(HqState).values(epoch="restored"))

    rho.people.register_person(PersonFields(given_name="Ion"))  # numbered 4: HQ expects 3
    desks.note(rho)
    rho.sync()
    assert MutationLog(rho.db).pending() == []
    with hq_db.read() as session:
        names = set(session.scalars(select(Person.given_name)))
    assert names == {"Amina", "Sara", "Ion"}
