"""A real opdesk-server process on 127.0.0.1, desks syncing with it over HTTP."""

from __future__ import annotations

import re
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import httpx
import jsonschema_rs
import pytest
from sqlalchemy import text

from opdesk.core.mutations import REGISTRY
from opdesk.core.mutations.log import MutationLog
from opdesk.core.rules.person import PersonFields
from opdesk.core.services.search import search_people
from opdesk.server.app import HQ_FAILED
from opdesk.server.devices import DeviceRefused, create_enrollment, enroll
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.storage.models import Person
from opdesk.sync import http
from opdesk.sync.engine import desk_identity, sync_once
from opdesk.sync.http import HttpTransport, SyncError, enroll_device
from tests.conftest import START
from tests.server.conftest import TestDesk
from tests.server.test_push_pull import synced_rows


@dataclass
class Server:
    url: str
    data_dir: Path
    database_url: str

    def admin(self, *args: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "opdesk.server.cli", "--data-dir", str(self.data_dir),
             "--database-url", self.database_url, *args],
            capture_output=True, text=True, check=True, timeout=60,
        ).stdout  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Tls:
    """A server certificate and key, and the file of the authority that signed them."""

    certfile: Path
    keyfile: Path
    ca_file: Path


def start_server(
    data_dir: Path, database_url: str, *, tls: Tls | None = None, workers: int = 1
) -> Iterator[Server]:
    port = free_port()
    command = [
        sys.executable, "-m", "opdesk.server.cli", "--data-dir", str(data_dir),
        "--database-url", database_url, "serve", "--port", str(port),
        "--workers", str(workers),
    ]  # fmt: skip
    if tls is not None:
        command += ["--certfile", str(tls.certfile), "--keyfile", str(tls.keyfile)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"{'https' if tls else 'http'}://127.0.0.1:{port}"
    verify: ssl.SSLContext | bool = True
    if tls is not None:  # up is enough here: what the desk makes of the name is tested
        verify = ssl.create_default_context(cafile=str(tls.ca_file))
        verify.check_hostname = False
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/v1/health", timeout=1, verify=verify).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"opdesk-server did not start: {process.stderr.read()!r}")  # type: ignore[union-attr]
            time.sleep(0.1)
        yield Server(url, data_dir, database_url)
    finally:
        process.terminate()
        process.communicate(timeout=10)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    yield from start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}")


def enrolled(server: Server, desk: TestDesk, name: str) -> HttpTransport:
    """A transport for ``desk``, enrolled at HQ for the desk's site (``name``: "Comune n")."""
    code = server.admin("enroll-device", name, "--site", name.rsplit(" ", 1)[0]).split()[0]
    token = enroll_device(server.url, code).token
    return HttpTransport(server.url, token)


def test_two_desks_sync_through_a_real_server(
    server: Server, hq_db: Database, make_desk: Callable[[Database, str], TestDesk]
) -> None:
    rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
    to_hq_rho, to_hq_lainate = (
        enrolled(server, rho, "Rho 1"),
        enrolled(server, lainate, "Lainate 1"),
    )
    try:
        person = rho.people.register_person(
            PersonFields(given_name="Amina", family_name="Ouali", phone="333 1234567"),
            consents=["network_index"],
            notice_version="2026-01",
        )
        private = rho.people.register_person(PersonFields(given_name="Rita", family_name="Ouali"))
        rho.visits.check_in(person, topics=["famiglia"])
        assert sync_once(rho.db, to_hq_rho).pushed == 3
        sync_once(lainate.db, to_hq_lainate)
        # Lainate holds Amina's minimal record from the network index, and not Rita.
        assert [h.person.id for h in search_people(lainate.db, "ouali")] == [person]
        with lainate.db.read() as session:
            held = session.get(Person, person)
            assert held is not None and held.index_only and held.phone is None
            assert session.get(Person, private) is None
        # Both synced, though Lainate only downloaded: HQ's list of devices says when.
        listed = {line.split("  ")[1]: line for line in server.admin("devices").splitlines()}
        assert "last sync: never" not in listed["Rho 1"]
        assert re.search(r"last sync: [-0-9]{10}T[:0-9]{5}\+0[12]:00$", listed["Lainate 1"])
    finally:
        to_hq_rho.close()
        to_hq_lainate.close()


def test_many_changes_go_in_batches_and_come_back_in_pages(
    server: Server,
    hq_db: Database,
    make_desk: Callable[[Database, str], TestDesk],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(http, "PUSH_BATCH", 3)
    monkeypatch.setattr(http, "PULL_PAGE", 2)  # several pages, each fetched ahead
    rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Rho")  # one site: all of it
    to_hq_rho, to_hq_lainate = enrolled(server, rho, "Rho 1"), enrolled(server, lainate, "Rho 2")
    try:
        people = [rho.people.register_person(PersonFields(given_name=f"P{i}")) for i in range(7)]
        rho.visits.check_in(people[-1], topics=["casa"])
        report = sync_once(rho.db, to_hq_rho)
        assert report.pushed == 8 and report.rejected == {} and report.pulled == 8
        seen: list[tuple[int, int | None]] = []
        report = sync_once(lainate.db, to_hq_lainate, progress=lambda d, t: seen.append((d, t)))
        assert report.pulled == 8
        # The first page comes without waiting for HQ to count; the count comes with the
        # next one, fetched while the desk writes the first: a total of 8 from then on.
        assert seen == [(2, None), (4, 8), (6, 8), (8, 8)]
        assert synced_rows(lainate.db) == synced_rows(hq_db) == synced_rows(rho.db)
    finally:
        to_hq_rho.close()
        to_hq_lainate.close()


def test_a_revoked_desk_is_refused_and_told_why(
    server: Server, hq_db: Database, make_desk: Callable[[Database, str], TestDesk]
) -> None:
    rho = make_desk(hq_db, "Rho")
    transport = enrolled(server, rho, "Rho 1")
    try:
        device_id = server.admin("devices").split()[0]
        server.admin("revoke-device", device_id)
        with pytest.raises(SyncError) as refused:
            sync_once(rho.db, transport)
        assert refused.value.status == 401 and "revoked" in refused.value.detail
        assert not refused.value.temporary
    finally:
        transport.close()


def test_an_enrollment_code_works_once(server: Server) -> None:
    code = server.admin("enroll-device", "Rho 1", "--hq").split()[0]
    enroll_device(server.url, code)
    with pytest.raises(SyncError) as again:
        enroll_device(server.url, code)
    assert again.value.status == 403


def test_an_enrollment_code_expires(tmp_path: Path) -> None:
    db = open_database(tmp_path / "hq.sqlite3")
    try:
        code = create_enrollment(db, name="Rho 1", site_id=None, now=START)
        with pytest.raises(DeviceRefused, match="expired"):
            enroll(db, code, now=START + timedelta(hours=2))
    finally:
        db.dispose()


def test_errors_are_problem_json_and_no_token_is_401(server: Server) -> None:
    response = httpx.post(f"{server.url}/v1/push", json={"client_id": "x", "mutations": []})
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["title"] == "Not enrolled"


def test_a_desk_from_the_future_is_refused(server: Server) -> None:
    code = server.admin("enroll-device", "Rho 1", "--hq").split()[0]
    token = enroll_device(server.url, code).token
    response = httpx.post(
        f"{server.url}/v1/push",
        json={"client_id": "x", "schema_version": 99, "mutations": []},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 409


def test_no_server_is_a_temporary_failure(tmp_path: Path) -> None:
    transport = HttpTransport(f"http://127.0.0.1:{free_port()}", "token")
    try:
        with pytest.raises(SyncError) as failed:
            transport.pull("client", 0)
        assert failed.value.temporary
    finally:
        transport.close()


def test_an_unknown_address_is_problem_json_too(server: Server) -> None:
    response = httpx.get(f"{server.url}/v1/nothing-here")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


def envelope(**changed: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "mutation_id": "m-1", "client_id": "desk", "seq": 1, "name": "register_person",
        "schema_version": 1, "actor_user_id": None, "device_time": "2025-06-16T08:00:00Z",
        "args": {},
    }  # fmt: skip
    return fields | changed


def test_hq_refuses_what_its_document_does_not_allow_in_words(server: Server) -> None:
    code = server.admin("enroll-device", "Rho 1", "--hq").split()[0]
    token = enroll_device(server.url, code).token
    auth = {"Authorization": f"Bearer {token}"}
    bad_envelopes: list[dict[str, object]] = [
        {"client_id": "another desk"}, {"seq": "1"}, {"seq": True}, {"seq": 2**40},
        {"device_time": 0}, {"device_time": "2025-06-16T08:00"}, {"mutation_id": "m" * 37},
    ]  # fmt: skip
    refused = [{"client_id": "desk", "mutations": [envelope(**bad)]} for bad in bad_envelopes]
    refused.append({"client_id": "desk\x00", "mutations": []})
    for body in refused:
        response = httpx.post(f"{server.url}/v1/push", json=body, headers=auth)
        assert response.status_code == 422, body
        assert response.headers["content-type"].startswith("application/problem+json")
    mixed = httpx.post(f"{server.url}/v1/push", json=refused[0], headers=auth)
    assert mixed.json()["detail"] == "Every mutation must be of the pushing desk."
    taken = httpx.post(
        f"{server.url}/v1/push",
        json={"client_id": "desk", "mutations": [envelope(seq=1.0)]},
        headers=auth,
    )
    assert taken.status_code == 200  # 1.0 is an integer to JSON Schema, and to HQ
    # Valid RFC 3339 with no UTC datetime (before year 1 in UTC): the earliest there is.
    edge = envelope(seq=2, mutation_id="m-2", device_time="0001-01-01T00:00+01:00")
    early = httpx.post(
        f"{server.url}/v1/push", json={"client_id": "desk", "mutations": [edge]}, headers=auth
    )
    assert early.status_code == 200
    too_far = httpx.get(
        f"{server.url}/v1/changes", params={"client_id": "desk", "cursor": 2**63}, headers=auth
    )
    assert too_far.status_code == 422


def test_refusals_carry_the_headers_http_asks_for(server: Server) -> None:
    no_token = httpx.get(f"{server.url}/v1/changes", params={"client_id": "desk"})
    assert no_token.status_code == 401 and no_token.headers["www-authenticate"] == "Bearer"
    wrong_method = httpx.delete(f"{server.url}/v1/push")
    assert wrong_method.status_code == 405 and wrong_method.headers["allow"] == "POST"
    assert wrong_method.headers["content-type"].startswith("application/problem+json")


def test_a_failure_inside_hq_is_problem_json_too(server: Server, tmp_path: Path) -> None:
    db = open_database(tmp_path / "hq.sqlite3")  # the server's own file
    try:
        with db.write() as session:
            session.execute(text("DROP TABLE hq_device"))
    finally:
        db.dispose()
    auth = {"Authorization": "Bearer x"}
    response = httpx.get(f"{server.url}/v1/changes", params={"client_id": "desk"}, headers=auth)
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["detail"] == HQ_FAILED


def test_the_admin_commands_say_why_a_rule_refused(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "opdesk.server.cli", "--data-dir", str(tmp_path / "hq"),
         "--database-url", f"sqlite:///{tmp_path / 'hq.sqlite3'}", "revoke-device", "nobody"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1
    assert "No such device" in done.stderr and "Traceback" not in done.stderr


class Stub(BaseHTTPRequestHandler):
    """Something other than HQ at HQ's address; subclasses answer."""

    def body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def reply(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def stub_at(handler: type[Stub]) -> Iterator[str]:
    """``handler`` serving on a free port of 127.0.0.1: its base URL."""
    web = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=web.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{web.server_address[1]}"
    finally:
        web.shutdown()
        web.server_close()


class Garbled(Stub):
    """Something at HQ's address answering 200 with what HQ never sends."""

    BODIES: ClassVar[dict[str, bytes]] = {
        "POST": b"<html>Accedi alla rete Wi-Fi</html>",  # a captive portal
        "GET": b'{"rows": [{"table": "person", "id": "p1", "da',  # cut off
    }

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def _answer(self) -> None:
        self.body()
        self.reply(200, self.BODIES[self.command])


def test_an_answer_that_is_not_hqs_is_a_clear_temporary_failure_and_changes_nothing(
    hq_db: Database, make_desk: Callable[[Database, str], TestDesk]
) -> None:
    rho = make_desk(hq_db, "Rho")
    rho.people.register_person(PersonFields(given_name="Amina"))
    with stub_at(Garbled) as portal:
        transport = HttpTransport(portal, "token")
        try:
            for attempt in (lambda: sync_once(rho.db, transport), lambda: transport.pull("c", 0)):
                with pytest.raises(SyncError) as failed:
                    attempt()
                assert failed.value.detail == http.UNREADABLE and not failed.value.permanent
            assert len(MutationLog(rho.db).pending()) == 1  # kept, to be sent again
            assert desk_identity(rho.db)[1] == 0  # the cursor did not move
        finally:
            transport.close()


class NotHq(Stub):
    """A web server at the address written (a typo, the agency's site, a proxy): its
    status (from the path asked) and a page of its own, never HQ's problem+json."""

    def do_POST(self) -> None:
        self.body()
        status = int(self.path.strip("/").split("/")[0])
        self.reply(status, b"<html>Pagina non trovata</html>", "text/html")


@pytest.mark.parametrize(("status", "said"), [(404, http.NOT_HQ), (403, http.NOT_HQ),
                                              (502, http.HQ_DOWN)])  # fmt: skip
def test_an_address_that_is_not_hqs_is_said_in_words(status: int, said: str) -> None:
    with stub_at(NotHq) as web, pytest.raises(SyncError) as failed:
        enroll_device(f"{web}/{status}", "ABCD-2345")
    assert failed.value.detail == said and failed.value.status == status
    assert failed.value.temporary == (status >= 500)


def test_a_path_hq_does_not_have_is_not_hqs_address(server: Server) -> None:
    with pytest.raises(SyncError) as failed:  # HQ's address with a path added by mistake
        enroll_device(f"{server.url}/opdesk", "ABCD-2345")
    assert failed.value.detail == http.NOT_HQ


def test_the_document_gives_the_arguments_of_every_mutation(
    server: Server, hq_db: Database, make_desk: Callable[[Database, str], TestDesk]
) -> None:
    """What a desk pushes fits HQ's document, each change the shape of its own kind (so
    that schemathesis, generating from it, reaches the rules and the database); a change
    HQ does not know fits too: HQ rejects it alone, it does not refuse the push."""
    document = httpx.get(f"{server.url}/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert {s["properties"]["name"].get("const") for s in schemas.values()
            if s.get("title", "").endswith("Envelope")} == {None, *REGISTRY}  # fmt: skip
    rho = make_desk(hq_db, "Rho")
    ada = rho.people.register_person(PersonFields(given_name="Ada", birth_year=1980))
    bea = rho.people.register_person(PersonFields(given_name="Bea", birth_year=1985))
    rho.people.update_person(ada, {"residence_address": "Via Roma 1"})
    rho.people.withdraw_consent(rho.people.record_consent(ada, "contact", notice_version="1"))
    rho.people.link_household(ada, bea, "partner")
    rho.visits.undo_check_in(rho.visits.check_in(ada, topics=["casa"]))
    rho.people.merge_people(kept_id=ada, merged_id=bea)
    pending = [e.model_dump(mode="json") for e in MutationLog(rho.db).pending()]
    assert len({e["name"] for e in pending}) == 8

    def valid(name: str, instance: object) -> bool:
        schema = {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
        return jsonschema_rs.Draft202012Validator(schema).is_valid(instance)

    client_id = pending[0]["client_id"]
    assert valid("PushIn", {"client_id": client_id, "mutations": pending})
    for change in pending:
        typed = f"{REGISTRY[change['name']].__name__}Envelope"
        assert valid(typed, change), change["name"]
        assert not valid(typed, {**change, "args": {**change["args"], "unknown": 1}})
    unknown = {**pending[0], "name": "rebook_appointment", "args": {"slot": 3}}
    assert valid("PushIn", {"client_id": client_id, "mutations": [unknown]})
