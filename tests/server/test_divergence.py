"""The divergence check: a desk in step with HQ matches it, one that is not is found out
and downloaded again, keeping its pending changes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from opdesk.core.clock import new_id
from opdesk.core.mutations.envelope import Envelope
from opdesk.core.mutations.log import MutationLog
from opdesk.core.rules.person import PersonFields
from opdesk.core.services.search import search_people
from opdesk.server.local import InProcessHQ
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.storage.models import DeskSyncHealth, Person, Visit
from opdesk.storage.rows import read_row, write_row
from opdesk.sync.divergence import check_divergence
from opdesk.sync.engine import PullReply, PushReply, Transport, sync_once
from opdesk.sync.http import SyncError
from opdesk.sync.redownload import begin_redownload, redownloading
from opdesk.sync.service import SyncService
from tests.conftest import FakeClock
from tests.server.conftest import TestDesk
from tests.server.test_http import start_server
from tests.server.test_push_pull import synced_rows

MakeDesk = Callable[[Database, str], TestDesk]


def in_process(hq: InProcessHQ) -> Callable[[str, str, Path | None], Transport]:
    return lambda _url, _token, _ca: hq


def service_for(desk: TestDesk, clock: FakeClock) -> SyncService:
    service = SyncService(desk.db, clock=clock, transport=in_process(desk.hq))
    service._set_state(server_url="http://hq.invalid", device_token="in-process")
    return service


def damage(db: Database) -> tuple[str, str, str]:
    """What a bad restore, a bug or a hand edit might leave: a visit lost, a person HQ
    never had, and a person whose copy is stale. Returns their ids."""
    with db.write() as session:
        conn = session.connection()
        visit = session.scalars(select(Visit.id)).first()
        person = session.scalars(select(Person.id).order_by(Person.id)).first()
        assert visit is not None and person is not None
        conn.execute(delete(Visit).where(Visit.id == visit))
        extra = new_id()
        data = read_row(conn, "person", person)
        assert data is not None
        write_row(conn, "person", extra, {**data, "id": extra, "given_name": "Ghost"})
        conn.execute(update(Person).where(Person.id == person).values(given_name="Old", version=1))
    return visit, extra, person


def fill(desk: TestDesk) -> list[str]:
    people = [
        desk.people.register_person(PersonFields(given_name=name, family_name="Rossi"))
        for name in ("Amina", "Sara", "Luca")
    ]
    for person in people:
        desk.visits.check_in(person, topics=["casa"])
    return people


def test_a_desk_in_step_matches_with_pending_changes_and_hq_moving_on(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
    people = fill(rho)
    rho.sync()
    lainate.sync()
    assert check_divergence(rho.db, rho.hq).differences == {}
    rho.people.update_person(people[0], {"phone": "333 123 4567"})  # pending here
    rho.people.register_person(PersonFields(given_name="Ion"))
    lainate.people.update_person(people[1], {"phone": "333 765 4321"})  # HQ moves on
    lainate.visits.check_in(people[2], topics=["lavoro"])
    lainate.sync()
    result = check_divergence(rho.db, rho.hq)
    assert result.conclusive and not result.diverged


def test_a_damaged_copy_is_found_and_downloaded_again_keeping_pending_changes(
    hq_db: Database, make_desk: MakeDesk, clock: FakeClock
) -> None:
    rho = make_desk(hq_db, "Rho")
    fill(rho)
    service = service_for(rho, clock)
    service.sync_now()
    visit, extra, stale = damage(rho.db)
    rho.people.register_person(PersonFields(given_name="Olena"))  # pending: left out
    found = check_divergence(rho.db, rho.hq)
    assert found.diverged and set(found.differences) == {"person", "visit"}
    assert "visit: 2 rows here, 3 at HQ" in found.describe()

    assert service.check_now().diverged
    with rho.db.read() as session:
        assert session.get(Visit, visit) is not None
        assert session.get(Person, extra) is None
        assert session.get(Person, stale).given_name == "Amina"  # type: ignore[union-attr]
        health = session.get(DeskSyncHealth, 1)
        assert health is not None and "person" in (health.last_divergence or "")
    assert [h.person.id for h in search_people(rho.db, "ghost")] == []
    assert not check_divergence(rho.db, rho.hq).diverged
    assert synced_rows(rho.db) == synced_rows(hq_db)


def test_the_check_runs_after_a_sync_once_a_day(
    hq_db: Database, make_desk: MakeDesk, clock: FakeClock
) -> None:
    rho = make_desk(hq_db, "Rho")
    fill(rho)
    service = service_for(rho, clock)
    service.sync_now()  # the first check, on a fresh copy
    visit, _extra, _stale = damage(rho.db)
    service.sync_now()
    with rho.db.read() as session:
        assert session.get(Visit, visit) is None  # not checked again the same day
    clock.advance(timedelta(days=1))
    service.sync_now()
    assert synced_rows(rho.db) == synced_rows(hq_db)


class Cut:
    """The real in-process HQ; the line drops after a number of pulled pages."""

    def __init__(
        self, hq: InProcessHQ, pages: int, during: Callable[[], None] | None = None
    ) -> None:
        self.hq, self.pages, self.during = hq, pages, during

    def push(self, client_id: str, envelopes: list[Envelope]) -> PushReply:
        return self.hq.push(client_id, envelopes)

    def pull(
        self, client_id: str, cursor: int, *, count: bool = False, snapshot: str | None = None
    ) -> PullReply:
        if self.pages == 0:
            raise SyncError("ReadTimeout")
        self.pages -= 1
        if self.during is not None:
            self.during()
            self.during = None
        return self.hq.pull(client_id, cursor, count=count, snapshot=snapshot)


def test_an_interrupted_redownload_resumes_keeps_changes_and_removes_what_hq_lacks(
    hq_db: Database, make_desk: MakeDesk, clock: FakeClock
) -> None:
    rho = make_desk(hq_db, "Rho")
    people = fill(rho)
    rho.sync()
    _visit, extra, _stale = damage(rho.db)
    begin_redownload(rho.db)
    small = InProcessHQ(hq_db, clock=clock, page=2)
    with pytest.raises(SyncError):
        sync_once(rho.db, Cut(small, pages=2))
    assert redownloading(rho.db)

    def check_in() -> None:  # the counter goes on during the pull: the change stays
        rho.visits.check_in(people[0], topics=["lavoro"])

    sync_once(rho.db, Cut(small, pages=99, during=check_in))
    assert not redownloading(rho.db)
    with rho.db.read() as session:
        assert session.get(Person, extra) is None
    assert len(MutationLog(rho.db).pending()) == 1
    rho.sync()
    assert synced_rows(rho.db) == synced_rows(hq_db)
    assert len([v for v in synced_rows(hq_db)["visit"] if v["person_id"] == people[0]]) == 2


def test_a_row_hq_lacks_goes_once_the_change_needing_it_is_refused(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    rho = make_desk(hq_db, "Rho")
    fill(rho)
    rho.sync()
    _visit, extra, _stale = damage(rho.db)
    rho.visits.check_in(extra, topics=["casa"])  # HQ will refuse it: the person is unknown
    begin_redownload(rho.db)
    report = rho.sync()
    assert len(report.rejected) == 1  # seen as a problem, not dropped silently
    assert report.removed == {"person": 1}  # once the refused check-in is gone
    assert synced_rows(rho.db) == synced_rows(hq_db)


def test_a_row_hq_lacks_that_a_pending_change_still_needs_stays(
    hq_db: Database, make_desk: MakeDesk, clock: FakeClock
) -> None:
    rho = make_desk(hq_db, "Rho")
    fill(rho)
    rho.sync()
    _visit, extra, _stale = damage(rho.db)
    begin_redownload(rho.db)

    def check_in() -> None:  # made during the pull: not pushed in this round
        rho.visits.check_in(extra, topics=["casa"])

    report = sync_once(rho.db, Cut(InProcessHQ(hq_db, clock=clock), pages=99, during=check_in))
    assert "person" not in report.removed
    with rho.db.read() as session:
        assert session.get(Person, extra) is not None
    assert len(MutationLog(rho.db).pending()) == 1


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def hq_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    else:
        yield request.getfixturevalue("pg_url")


def test_the_check_over_http_against_a_real_server(
    tmp_path: Path, hq_url: str, make_desk: MakeDesk, clock: FakeClock
) -> None:
    hq = open_database(hq_url)
    try:
        for server in start_server(tmp_path / "hq", hq_url):
            rho, lainate = make_desk(hq, "Rho"), make_desk(hq, "Lainate")
            to_rho, to_lainate = SyncService(rho.db, clock=clock), SyncService(lainate.db)
            for service in (to_rho, to_lainate):
                code = server.admin("enroll-device", "desk", "--site", "Rho").split()[0]
                service.enroll(server.url, code)
            people = fill(rho)
            to_rho.sync_now()
            to_lainate.sync_now()
            lainate.people.update_person(people[0], {"phone": "333 123 4567"})
            to_lainate.sync_now()  # HQ moves past Rho's cursor
            rho.people.register_person(PersonFields(given_name="Ion"))  # pending at Rho
            result = to_rho.check_now()
            assert result.conclusive and not result.diverged
            damage(rho.db)
            assert to_rho.check_now().diverged
            assert not to_rho.check_now().diverged
            assert synced_rows(rho.db) == synced_rows(hq)
    finally:
        hq.dispose()
