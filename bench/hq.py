"""HQ for the sync bench: a PostgreSQL database of its own holding the demo data, and a
real ``opdesk-server serve`` process on 127.0.0.1 in front of it.

Import ``common`` before this module (see common.py).
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from sqlalchemy import create_engine, make_url

from opdesk.core.clock import new_id, utc_now
from opdesk.server.devices import create_enrollment
from opdesk.server.scopes import rebuild_members
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.storage.models import (
    SYNCED_MODELS,
    PersonSearch,
    PersonSiteSeen,
    PersonToken,
    TokenVariant,
    table_of,
)
from opdesk.sync.http import enroll_device

log = logging.getLogger("bench.hq")

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
DERIVED = (PersonToken, TokenVariant, PersonSearch, PersonSiteSeen)
# HQ's history in time order: a row's version follows when it was made.
MADE_AT = {
    "site": None,
    "device": None,
    "app_user": None,
    "person": "registered_at",
    "household_link": "created_at",
    "consent": "given_at",
    "visit": "visited_at",
}


@contextmanager
def pg_database(base_url: str) -> Iterator[str]:
    """A new, empty database on the server of ``base_url``, dropped afterwards."""
    url = make_url(base_url)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"opdesk_bench_{secrets.token_hex(5)}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    log.info("HQ database %s on %s", name, url.render_as_string(hide_password=True))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def load_hq(source: Path, url: str) -> Database:
    """HQ's schema, the demo database's synced rows and search index copied in with
    COPY, every synced row given a version of its own in the order it was made."""
    started = time.perf_counter()
    db = open_database(url)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        with db.engine.begin() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            with raw.cursor() as cursor:
                for model in (*SYNCED_MODELS, *DERIVED):
                    table = table_of(model)
                    columns = ", ".join(c.name for c in table.columns)
                    cursor.execute(f"DELETE FROM {table.name}")  # the network's sites
                    with cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
                        for row in src.execute(f"SELECT {columns} FROM {table.name}"):
                            copy.write_row(row)
                    count = src.execute(f"SELECT count(*) FROM {table.name}").fetchone()
                    log.info("HQ %s: %d rows", table.name, count[0] if count else 0)
            conn.exec_driver_sql(
                "SELECT setval(pg_get_serial_sequence('person_search', 'rowid'), "
                "(SELECT coalesce(max(rowid), 1) FROM person_search))"
            )
            top = _number_versions(conn)
            members = rebuild_members(conn)  # who each site's desks hold in full
            log.info("HQ hq_scope_member: %d rows", members)
            conn.exec_driver_sql(
                f"INSERT INTO hq_state (id, version, epoch) VALUES (1, {top}, '{new_id()}')"
            )
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    finally:
        src.close()
    log.info("HQ loaded in %.1f s", time.perf_counter() - started)
    return db


def _number_versions(conn: object) -> int:
    parts = []
    for rank, model in enumerate(SYNCED_MODELS):
        name = model.__tablename__
        made = MADE_AT[name] or "timestamp '2000-01-01'"
        parts.append(f"SELECT '{name}' AS tbl, {rank} AS rank, id, {made} AS t FROM {name}")
    run = conn.exec_driver_sql  # type: ignore[attr-defined]
    run(
        "CREATE TEMP TABLE bench_version AS SELECT tbl, id, "
        "row_number() OVER (ORDER BY t, rank, id) AS v FROM (" + " UNION ALL ".join(parts) + ") s"
    )
    for model in SYNCED_MODELS:
        name = model.__tablename__
        run(
            f"UPDATE {name} SET version = b.v FROM bench_version b "
            f"WHERE b.tbl = '{name}' AND b.id = {name}.id"
        )
    top = int(run("SELECT max(v) FROM bench_version").scalar())
    run("DROP TABLE bench_version")
    return top


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(url: str, folder: Path, workers: int = 1) -> Iterator[tuple[str, int]]:
    """``opdesk-server serve`` on a free port of 127.0.0.1; its base URL and pid."""
    port = free_port()
    command = [
        sys.executable, "-m", "opdesk.server.cli", "--data-dir", str(folder / "hq"),
        "--database-url", url, "serve", "--port", str(port), "--workers", str(workers),
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                stderr = process.stderr.read() if process.stderr else b""
                raise SystemExit(f"opdesk-server did not start: {stderr.decode()[-2000:]}")
            time.sleep(0.2)
        log.info("opdesk-server pid %d serving at %s", process.pid, base)
        yield base, process.pid
    finally:
        process.terminate()
        process.communicate(timeout=30)


def enroll(hq: Database, base: str, name: str, site_id: str | None) -> str:
    """A device token, enrolled the way a desk does (the code made at HQ, as the admin
    command would)."""
    code = create_enrollment(hq, name=name, site_id=site_id, now=utc_now())
    return enroll_device(base, code).token


def cpu_seconds(pid: int) -> float:
    """CPU time a process and its children (``serve --workers``; PostgreSQL's backends)
    have used so far, those that ended included (Linux; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    # user and system time, its own and that of its children it waited for
    own = sum(int(field) for field in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    return own + sum(cpu_seconds(int(child)) for child in children)


def machine_busy_seconds() -> float:
    """CPU time this machine's cores have spent on anything but idling, so far (Linux;
    0 elsewhere): what everything together used, processes that came and went included.
    A per-process sum can lose one that ends meanwhile: PostgreSQL's once came out at
    -2.0 s, some backend's time gone from its parent's sum."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def postgres_pid(db: Database) -> int | None:
    """The pid of PostgreSQL's postmaster serving ``db``, when it runs on this machine
    (its CPU time, backends included, is then ``cpu_seconds`` of it); else None."""
    with db.engine.connect() as conn:
        backend = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
    try:
        stat = Path(f"/proc/{backend}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])  # its parent
