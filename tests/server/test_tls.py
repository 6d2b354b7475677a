"""HQ over https with a certificate of its own authority, as a real process.

A throwaway authority and a certificate for 127.0.0.1/localhost are made with the
openssl command (present wherever Python's ssl module is); the desk trusts HQ only with
the authority's file, and otherwise says so in words, losing nothing.
"""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import update

from opdesk.core.rules.person import PersonFields
from opdesk.core.services.search import search_people
from opdesk.storage.engine import Database
from opdesk.storage.models import DeskState
from opdesk.sync import http
from opdesk.sync.http import HttpTransport, SyncError, enroll_device
from opdesk.sync.service import SyncService
from tests.server.conftest import TestDesk
from tests.server.test_http import Server, Tls, start_server

ROOT = Path(__file__).resolve().parents[2]


def openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def make_ca(folder: Path, name: str) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    openssl(
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", f"/CN={name}",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        cwd=folder,
    )  # fmt: skip
    return folder / "ca.pem", folder / "ca.key"


def make_server_cert(folder: Path, ca: tuple[Path, Path], names: str) -> tuple[Path, Path]:
    (folder / "server.ext").write_text(
        f"subjectAltName={names}\n"
        "basicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature\n"
        "extendedKeyUsage=serverAuth\n"
        "subjectKeyIdentifier=hash\n"
        "authorityKeyIdentifier=keyid:always\n"
    )
    openssl(
        "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=opdesk HQ",
        cwd=folder,
    )  # fmt: skip
    openssl(
        "x509", "-req", "-in", "server.csr", "-CA", str(ca[0]), "-CAkey", str(ca[1]),
        "-CAcreateserial", "-days", "2", "-extfile", "server.ext", "-out", "server.pem",
        cwd=folder,
    )  # fmt: skip
    return folder / "server.pem", folder / "server.key"


@dataclass(frozen=True)
class Pki:
    tls: Tls  # HQ's certificate, for 127.0.0.1 and localhost
    other_ca: Path  # an authority that did not sign it


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    folder = tmp_path_factory.mktemp("pki")
    ca = make_ca(folder / "hq-ca", "opdesk test HQ authority")
    certfile, keyfile = make_server_cert(folder / "hq-ca", ca, "IP:127.0.0.1,DNS:localhost")
    other_ca, _key = make_ca(folder / "other-ca", "someone else")
    return Pki(Tls(certfile, keyfile, ca[0]), other_ca)


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory, pki: Pki) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("tls-hq")
    yield from start_server(folder / "hq", f"sqlite:///{folder / 'hq.sqlite3'}", tls=pki.tls)


def new_code(server: Server, name: str, comune: str = "Rho") -> str:
    return server.admin("enroll-device", name, "--site", comune).split()[0]


def set_ca_file(db: Database, ca_file: Path | None) -> None:
    with db.write() as session:
        session.execute(
            update(DeskState).where(DeskState.id == 1).values(ca_file=str(ca_file or "") or None)
        )


def italian(message: str) -> str:
    """The Italian a desk shows for one of the sync context's messages."""
    root = ET.parse(ROOT / "resources/translations/opdesk_it.ts").getroot()
    for context in root.iter("context"):
        if context.findtext("name") == "sync":
            for entry in context.iter("message"):
                if entry.findtext("source") == message:
                    return entry.findtext("translation") or ""
    return ""


def test_a_desk_with_hqs_authority_enrolls_and_syncs_over_https(
    tls_server: Server, pki: Pki, hq_db: Database, make_desk: Callable[[Database, str], TestDesk]
) -> None:
    assert tls_server.url.startswith("https://")
    rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
    at_rho, at_lainate = SyncService(rho.db), SyncService(lainate.db)
    at_rho.enroll(tls_server.url, new_code(tls_server, "Rho 1"), ca_file=pki.tls.ca_file)
    at_lainate.enroll(
        tls_server.url, new_code(tls_server, "Lainate 1", "Lainate"), ca_file=pki.tls.ca_file
    )
    person = rho.people.register_person(  # findable at Lainate: in the network index
        PersonFields(given_name="Amina", family_name="Ouali"),
        consents=["network_index"],
        notice_version="2026-11",
    )
    rho.visits.check_in(person, topics=["famiglia"])

    assert at_rho.sync_now().pushed == 2
    at_lainate.sync_now()

    assert [h.person.id for h in search_people(lainate.db, "ouali amina")] == [person]
    status = at_rho.status()
    assert status.configured and status.pending == 0 and status.last_error is None


@pytest.mark.parametrize("trusted", ["no authority file", "another authority"])
def test_a_desk_that_does_not_trust_hq_is_told_so_and_its_code_stays_valid(
    tls_server: Server, pki: Pki, hq_db: Database, make_desk: Callable[[Database, str], TestDesk],
    trusted: str,
) -> None:  # fmt: skip
    desk = SyncService(make_desk(hq_db, "Rho").db)
    code = new_code(tls_server, "Rho 1")
    ca_file = None if trusted == "no authority file" else pki.other_ca

    with pytest.raises(SyncError) as refused:
        desk.enroll(tls_server.url, code, ca_file=ca_file)

    assert refused.value.detail == http.NOT_TRUSTED and "not trusted" in refused.value.detail
    assert "certificato" in italian(http.NOT_TRUSTED)
    assert not refused.value.temporary and refused.value.status is None
    assert not desk.status().configured
    # Nothing reached HQ: the same code still enrolls the desk once it trusts HQ.
    desk.enroll(tls_server.url, code, ca_file=pki.tls.ca_file)
    assert desk.status().configured


@pytest.mark.parametrize("trusted", ["no authority file", "another authority"])
def test_a_refused_certificate_keeps_the_pending_changes(
    tls_server: Server, pki: Pki, hq_db: Database, make_desk: Callable[[Database, str], TestDesk],
    trusted: str,
) -> None:  # fmt: skip
    rho = make_desk(hq_db, "Rho")
    desk = SyncService(rho.db)
    desk.enroll(tls_server.url, new_code(tls_server, "Rho 1"), ca_file=pki.tls.ca_file)
    rho.people.register_person(PersonFields(given_name="Amina", family_name="Ouali"))
    set_ca_file(rho.db, None if trusted == "no authority file" else pki.other_ca)

    with pytest.raises(SyncError) as refused:
        desk.sync_now()

    assert refused.value.detail == http.NOT_TRUSTED
    status = desk.status()
    assert status.pending == 1 and status.last_error == http.NOT_TRUSTED
    set_ca_file(rho.db, pki.tls.ca_file)  # HQ's authority file chosen again
    assert desk.sync_now().pushed == 1
    assert desk.status().pending == 0 and desk.status().last_error is None


def test_an_unreadable_authority_file_is_said_and_nothing_is_lost(
    tls_server: Server, pki: Pki, hq_db: Database, make_desk: Callable[[Database, str], TestDesk],
    tmp_path: Path,
) -> None:  # fmt: skip
    rho = make_desk(hq_db, "Rho")
    desk = SyncService(rho.db)
    garbage = tmp_path / "not-a-certificate.pem"
    garbage.write_text("hello")
    with pytest.raises(SyncError) as unreadable:
        desk.enroll(tls_server.url, new_code(tls_server, "Rho 1"), ca_file=garbage)
    assert unreadable.value.detail == http.BAD_CA_FILE and not unreadable.value.temporary

    desk.enroll(tls_server.url, new_code(tls_server, "Rho 2"), ca_file=pki.tls.ca_file)
    rho.people.register_person(PersonFields(given_name="Amina", family_name="Ouali"))
    set_ca_file(rho.db, tmp_path / "moved-away.pem")
    with pytest.raises(SyncError):
        desk.sync_now()
    assert desk.status().last_error == http.BAD_CA_FILE and desk.status().pending == 1


def test_plain_http_to_the_https_port_fails_clearly(tls_server: Server, pki: Pki) -> None:
    plain = tls_server.url.replace("https://", "http://")
    with pytest.raises(SyncError) as enrolling:
        enroll_device(plain, new_code(tls_server, "Rho 1"), ca_file=pki.tls.ca_file)
    assert enrolling.value.detail == http.CLOSED and "https://" in enrolling.value.detail

    transport = HttpTransport(plain, "token", ca_file=pki.tls.ca_file)
    try:
        with pytest.raises(SyncError) as pulling:
            transport.pull("client", 0)
        assert pulling.value.detail == http.CLOSED
    finally:
        transport.close()


def test_https_to_a_plain_http_server_fails_clearly(tmp_path: Path) -> None:
    servers = start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}")
    server = next(servers)
    try:
        with pytest.raises(SyncError) as enrolling:
            enroll_device(server.url.replace("http://", "https://"), "ABCD-2345")
        assert enrolling.value.detail == http.NO_TLS and not enrolling.value.temporary
    finally:
        servers.close()


def test_a_certificate_for_another_name_is_said(
    tmp_path: Path, pki: Pki, hq_db: Database, make_desk: Callable[[Database, str], TestDesk]
) -> None:
    ca = (pki.tls.ca_file, pki.tls.ca_file.with_suffix(".key"))
    certfile, keyfile = make_server_cert(tmp_path, ca, "DNS:hq.example.org")
    tls = Tls(certfile, keyfile, pki.tls.ca_file)
    servers = start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}", tls=tls)
    server = next(servers)
    try:
        desk = SyncService(make_desk(hq_db, "Rho").db)
        with pytest.raises(SyncError) as refused:
            desk.enroll(server.url, new_code(server, "Rho 1"), ca_file=pki.tls.ca_file)
        assert refused.value.detail == http.WRONG_NAME and not desk.status().configured
    finally:
        servers.close()
