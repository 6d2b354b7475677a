"""Sync health against a real server: a clock far from HQ's is reported; a sync that
fails for an hour becomes a problem at the desk and at HQ, and clears when one works."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from opdesk.core.clock import utc_now
from opdesk.core.rules.person import PersonFields
from opdesk.server import devices
from opdesk.server.health import RequestFailed
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.sync.http import SyncError
from opdesk.sync.service import SyncService
from tests.conftest import FakeClock
from tests.server.conftest import TestDesk
from tests.server.test_http import Server, free_port, start_server

MakeDesk = Callable[[Database, str], TestDesk]

FAIL_SQLITE = (
    "CREATE TRIGGER fail_push BEFORE INSERT ON hq_mutation "
    "BEGIN SELECT RAISE(ABORT, 'disk quota exceeded'); END"
)
FAIL_PG = (
    "CREATE FUNCTION fail_push() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'disk quota exceeded'; END $$; "
    "CREATE TRIGGER fail_push BEFORE INSERT ON hq_mutation "
    "FOR EACH ROW EXECUTE FUNCTION fail_push()"
)
HEAL = {"sqlite": "DROP TRIGGER fail_push", "postgresql": "DROP TRIGGER fail_push ON hq_mutation"}


def enrolled(server: Server, db: Database, clock: Callable[[], object]) -> SyncService:
    service = SyncService(db, clock=clock)  # type: ignore[arg-type]
    code = server.admin("enroll-device", "Rho 1", "--site", "Rho").split()[0]
    service.enroll(server.url, code)
    return service


def test_a_clock_twelve_minutes_behind_is_reported_never_used(
    tmp_path: Path, hq_db: Database, make_desk: MakeDesk
) -> None:
    for server in start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}"):
        rho = make_desk(hq_db, "Rho")
        service = enrolled(server, rho.db, lambda: utc_now() - timedelta(minutes=12))
        rho.people.register_person(PersonFields(given_name="Amina"))
        service.sync_now()
        offset = service.status().clock_offset
        assert offset is not None
        assert timedelta(minutes=11, seconds=50) < offset < timedelta(minutes=12, seconds=10)
        in_time = enrolled(server, make_desk(hq_db, "Lainate").db, utc_now)
        in_time.sync_now()
        assert in_time.status().clock_offset is None  # within five minutes: nothing to say


def test_hq_out_of_reach_for_an_hour_becomes_a_problem_then_clears(
    tmp_path: Path, hq_db: Database, make_desk: MakeDesk, clock: FakeClock
) -> None:
    rho = make_desk(hq_db, "Rho")
    service = SyncService(rho.db, clock=clock)
    service._set_state(server_url=f"http://127.0.0.1:{free_port()}", device_token="t")
    for _minutes in range(0, 60, 5):  # every five minutes, for an hour
        assert service.status().failing_since is None
        with pytest.raises(SyncError) as failed:
            service.sync_now()
        assert failed.value.temporary
        clock.advance(timedelta(minutes=5))
    status = service.status()
    assert status.failing_since is not None and status.problems == 1
    assert status.last_error is not None and "cannot be reached" in status.last_error
    for server in start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}"):
        code = server.admin("enroll-device", "Rho 1", "--site", "Rho").split()[0]
        service.enroll(server.url, code)
        service.sync_now()
        status = service.status()
        assert status.failing_since is None and status.problems == 0
        assert status.last_error is None


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def hq_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    else:
        yield request.getfixturevalue("pg_url")


def test_a_push_failing_at_hq_shows_at_both_ends_and_clears(
    tmp_path: Path, hq_url: str, make_desk: MakeDesk, clock: FakeClock
) -> None:
    hq = open_database(hq_url)
    raw = create_engine(hq_url)
    try:
        for server in start_server(tmp_path / "hq", hq_url):
            rho = make_desk(hq, "Rho")
            service = enrolled(server, rho.db, clock)
            service.sync_now()
            with raw.begin() as conn:  # HQ's database refuses every new mutation
                conn.exec_driver_sql(FAIL_SQLITE if raw.dialect.name == "sqlite" else FAIL_PG)
            rho.people.register_person(PersonFields(given_name="Amina"))
            for _attempt in range(13):
                with pytest.raises(SyncError) as failed:
                    service.sync_now()
                assert failed.value.status == 500 and failed.value.temporary
                clock.advance(timedelta(minutes=5))
            status = service.status()
            assert status.failing_since is not None and status.pending == 1
            assert status.last_error == RequestFailed.DETAIL
            listed = server.admin("devices")
            assert "FAILING since" in listed and "(13x)" in listed
            assert "disk quota exceeded" in listed

            with raw.begin() as conn:
                conn.exec_driver_sql(HEAL[raw.dialect.name])
            service.sync_now()
            status = service.status()
            assert status.failing_since is None and status.pending == 0
            assert "FAILING" not in server.admin("devices")
    finally:
        raw.dispose()
        hq.dispose()


def test_a_desk_that_only_downloads_is_seen_at_most_once_a_minute(hq_db: Database) -> None:
    code = devices.create_enrollment(hq_db, name="Lainate 1", site_id=None, now=utc_now())
    enrolled = devices.enroll(hq_db, code, now=utc_now())
    device_id, token = enrolled.device_id, enrolled.token
    began = utc_now()

    def seen_at(now: datetime) -> datetime | None:
        devices.record_download(hq_db, devices.authenticate(hq_db, token), "desk-a", now=now)
        return {d.id: d for d in devices.list_devices(hq_db)}[device_id].last_sync_at

    assert seen_at(began) == began
    assert seen_at(began + timedelta(seconds=30)) == began  # not written again so soon
    assert seen_at(began + timedelta(minutes=2)) == began + timedelta(minutes=2)
