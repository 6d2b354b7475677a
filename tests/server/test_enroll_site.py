"""A code is for a desk of one opcafè: a desk of another is refused (the code stays
usable), unless it has nothing yet, and then takes the code's site. A real HQ process."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import update

from opdesk.core.clock import utc_now
from opdesk.core.rules.sites import site_id_for
from opdesk.server.devices import NOT_ENROLLED, OTHER_SITE, create_enrollment, enroll
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.storage.models import DeskState
from opdesk.sync.http import SyncError
from opdesk.sync.service import SyncService
from tests.server.conftest import TestDesk
from tests.server.test_http import Server, Stub, start_server, stub_at

MakeDesk = Callable[[Database, str], TestDesk]
RHO, ARESE = site_id_for("Rho"), site_id_for("Arese")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    yield from start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}")


def desk_of(make_desk: MakeDesk, hq_db: Database, comune: str) -> TestDesk:
    """A desk that chose ``comune`` on its first day (as the welcome dialog records it)."""
    desk = make_desk(hq_db, comune)
    with desk.db.write() as session:
        session.execute(update(DeskState).values(site_id=site_id_for(comune)))
    return desk


def site_of(desk: TestDesk) -> str | None:
    with desk.db.read() as session:
        state = session.get(DeskState, 1)
        return state.site_id if state else None


def test_a_desk_with_visits_of_its_own_is_refused_a_code_of_another_site(
    server: Server, hq_db: Database, make_desk: MakeDesk
) -> None:
    arese = desk_of(make_desk, hq_db, "Arese")
    arese.visits.check_in(None, topics=["casa"])  # recorded offline, before any code
    code = server.admin("enroll-device", "banco 1", "--site", "Rho").split()[0]
    service = SyncService(arese.db)
    with pytest.raises(SyncError) as refused:
        service.enroll(server.url, code)
    assert refused.value.detail == OTHER_SITE
    assert not service.status().configured and site_of(arese) == ARESE
    assert "code not used yet" in server.admin("devices")  # HQ may give it to Rho's desk

    rho = desk_of(make_desk, hq_db, "Rho")
    enrollment = SyncService(rho.db).enroll(server.url, code)
    assert enrollment.site_id == RHO and not enrollment.site_changed


def test_a_new_desk_takes_the_site_of_its_code(
    server: Server, hq_db: Database, make_desk: MakeDesk
) -> None:
    chosen_wrong = desk_of(make_desk, hq_db, "Arese")  # the first in the welcome list
    code = server.admin("enroll-device", "banco 1", "--site", "Rho").split()[0]
    service = SyncService(chosen_wrong.db)
    enrollment = service.enroll(server.url, code)
    assert enrollment.site_id == RHO and enrollment.site_changed
    assert site_of(chosen_wrong) == RHO and service.status().configured


def test_a_device_of_hq_keeps_the_desks_site(
    server: Server, hq_db: Database, make_desk: MakeDesk
) -> None:
    laptop = desk_of(make_desk, hq_db, "Lainate")
    laptop.visits.check_in(None, topics=["lavoro"])
    code = server.admin("enroll-device", "portatile", "--hq").split()[0]
    enrollment = SyncService(laptop.db).enroll(server.url, code)
    assert enrollment.site_id == site_id_for("Lainate") and not enrollment.site_changed


def test_an_older_desk_gets_the_answer_it_knows(server: Server) -> None:
    """It refuses fields it does not know: HQ sends the site only to a desk that says its."""
    code = server.admin("enroll-device", "banco 1", "--site", "Rho").split()[0]
    answer = httpx.post(f"{server.url}/v1/enroll", json={"code": code})
    assert answer.status_code == 201 and set(answer.json()) == {"device_id", "token"}


def test_a_rotated_token_stops_at_once_and_the_desk_carries_on_with_a_new_code(
    server: Server, hq_db: Database, make_desk: MakeDesk
) -> None:
    rho = desk_of(make_desk, hq_db, "Rho")
    service = SyncService(rho.db)
    service.enroll(server.url, server.admin("enroll-device", "banco 1", "--site", "Rho").split()[0])
    rho.visits.check_in(None, topics=["casa"])
    service.sync_now()
    device_id = server.admin("devices").split()[0]

    code = server.admin("rotate-token", device_id).split()[0]  # the PC was stolen, say
    rho.visits.check_in(None, topics=["lavoro"])
    with pytest.raises(SyncError) as refused:
        service.sync_now()
    assert refused.value.detail == NOT_ENROLLED and service.status().pending == 1
    assert "code not used yet" in server.admin("devices")

    enrollment = service.enroll(server.url, code)  # typed in at the desk, as at first
    assert enrollment.site_id == RHO and not enrollment.site_changed
    service.sync_now()
    assert service.status().pending == 0
    listed = server.admin("devices").splitlines()
    assert len(listed) == 1 and listed[0].startswith(device_id) and "  enrolled  " in listed[0]


class OlderHq(Stub):
    """HQ before the desk's site was sent: a field it does not know is refused (422)."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's)
        known = set(json.loads(self.body())) == {"code"}
        answer = {"device_id": "d-1", "token": "t-1"} if known else {"detail": "Invalid"}
        self.reply(201 if known else 422, json.dumps(answer).encode())


def test_a_desk_newer_than_hq_still_enrolls_and_keeps_its_site(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    arese = desk_of(make_desk, hq_db, "Arese")
    service = SyncService(arese.db)
    with stub_at(OlderHq) as older:
        enrollment = service.enroll(older, "ABCD-2345")
    assert enrollment.site_id == ARESE and not enrollment.site_changed
    assert service.status().configured


@pytest.mark.parametrize("typed", ["{a}-{b}", "{a}{b}", " {a} {b} ", "{a}–{b}", "lower"])
def test_a_code_is_taken_however_it_is_typed(tmp_path: Path, typed: str) -> None:
    db = open_database(tmp_path / "hq.sqlite3")
    try:
        code = create_enrollment(db, name="Rho 1", site_id=RHO, now=utc_now())
        first, second = code.split("-")
        written = code.lower() if typed == "lower" else typed.format(a=first, b=second)
        assert enroll(db, written, now=utc_now()).site_id == RHO
    finally:
        db.dispose()
