"""Sync through a real HQ: ``opdesk-server serve`` on 127.0.0.1 over PostgreSQL (a
database of its own, fsync as configured: on by default), desks as SQLite files.

    .venv/bin/python bench/sync.py [--people 100000] [--pg-url URL] [--devices 50]
                                   [--workers N (HQ processes; default: the cores)]

Figures (targets in brackets):
  initial_rows_per_s   a new desk's first download of the demo data (>= 20,000)
  peak_rss_mb          peak RSS of the desk's process during it (bounded)
  push_1000_s          a sync pushing 1,000 offline changes: registrations, updates,
                       check-ins, consents (< 2 s)
  noop_sync_ms         a sync with nothing to do, median (<= 50)
  concurrent50_p95_ms  devices syncing at once, each pushing 10 changes and pulling (<= 500)

The 50 devices are simulated as HQ sees them (HTTP, the desk's own transport, pages
decoded): writing what they pull is each desk's work on its own PC, not HQ's, and 50 of
them on this machine's cores would measure the machine. One real desk's sync right after
them is logged instead.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import random
import resource
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from common import demo_path, emit, parse_args, percentile
from hq import (
    DEFAULT_PG,
    cpu_seconds,
    enroll,
    load_hq,
    machine_busy_seconds,
    pg_database,
    postgres_pid,
    serve,
)
from sqlalchemy import func, select, update

from opdesk.core.mutations.envelope import Envelope
from opdesk.core.mutations.log import MutationLog, ensure_desk_state
from opdesk.core.rules.person import PersonFields
from opdesk.core.rules.sites import site_id_for
from opdesk.core.services.context import DeskContext
from opdesk.core.services.people import PeopleService
from opdesk.core.services.visits import VisitService
from opdesk.server.scopes import EVERYTHING, Scope, holds
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.storage.models import SYNCED_MODELS, DeskState, Person, Site, table_of
from opdesk.storage.search_index import rebuild_all
from opdesk.sync.engine import PullReply, PushReply, Transport, desk_identity, sync_once
from opdesk.sync.http import HttpTransport

log = logging.getLogger("bench.sync")

NOTICE = "bench-1"
NOOP_RUNS = 20
DEVICE_CHANGES = 10
SEEDED = 6  # people of its site each simulated device holds


def options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pg-url",
        default=os.environ.get("OPDESK_TEST_PG_URL") or DEFAULT_PG,
        help="PostgreSQL server (its database is only used to create HQ's own)",
    )
    parser.add_argument("--changes", type=int, default=1000, help="offline changes to push")
    parser.add_argument("--devices", type=int, default=50, help="devices syncing at once")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="HQ server processes"
    )


class Timed:
    """A transport that adds up the time spent in push and in pull."""

    def __init__(self, inner: Transport) -> None:
        self.inner = inner
        self.push_s = self.pull_s = 0.0
        self.pulls = 0

    def push(self, client_id: str, envelopes: list[Envelope]) -> PushReply:
        began = time.perf_counter()
        try:
            return self.inner.push(client_id, envelopes)
        finally:
            self.push_s += time.perf_counter() - began

    def pull(
        self, client_id: str, cursor: int, *, count: bool = False, snapshot: str | None = None
    ) -> PullReply:
        began = time.perf_counter()
        try:
            return self.inner.pull(client_id, cursor, count=count, snapshot=snapshot)
        finally:
            self.pull_s += time.perf_counter() - began
            self.pulls += 1


def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux's VmHWM is the process's own: the
    rusage figure carries over the parent's peak through fork and exec (a bench parent
    that had built the demo data made the desk look 600 MB big)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def new_desk(path: Path, site_id: str) -> Database:
    db = open_database(path)
    ensure_desk_state(db)
    with db.write() as session:
        session.execute(update(DeskState).where(DeskState.id == 1).values(site_id=site_id))
    return db


@dataclass(frozen=True)
class Download:
    rows: int
    seconds: float
    pull_s: float
    pages: int
    rss_before_mb: float
    peak_rss_mb: float
    cpu_s: float


def first_download(path: Path, base: str, token: str, site_id: str) -> Download:
    """A new desk's first sync; run in a process of its own, so that its peak RSS is the
    desk's alone."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for noisy in ("opdesk", "httpx"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    db = new_desk(path, site_id)
    before, cpu = peak_rss_mb(), time.process_time()
    transport = Timed(HttpTransport(base, token))
    started = time.perf_counter()
    report = sync_once(db, transport)
    seconds = time.perf_counter() - started
    db.dispose()
    return Download(
        report.pulled, seconds, transport.pull_s, transport.pulls, before, peak_rss_mb(),
        time.process_time() - cpu,
    )  # fmt: skip


def table_counts(db: Database, scope: Scope = EVERYTHING) -> dict[str, int]:
    """Rows of each synced table; at HQ, those a desk of ``scope`` holds."""
    with db.read() as session:
        return {
            m.__tablename__: session.scalar(
                select(func.count()).select_from(m).where(holds(scope, m.__tablename__))
            )
            or 0
            for m in SYNCED_MODELS
        }


def adults_of(db: Database, site_id: str, count: int, *, skip: int = 0) -> list[str]:
    with db.read() as session:
        return list(
            session.scalars(
                select(Person.id)
                .where(
                    Person.registered_site_id == site_id,
                    Person.birth_year < 1995,
                    Person.homeless.is_(False),
                    Person.deleted.is_(False),
                    Person.merged_into_id.is_(None),
                )
                .order_by(Person.id)
                .offset(skip)
                .limit(count)
            )
        )


KINDS = ("register", "check_in", "update", "consent", "check_in", "register", "update",
         "check_in", "consent", "anonymous")  # fmt: skip


def offline_changes(
    db: Database, site_id: str, count: int, people: list[str], seed: int
) -> Counter[str]:
    """``count`` changes made at the desk, in the mix of a counter's day: registrations
    (with their consent), check-ins, edits, consents. ``people``: adults to work on."""
    rng = random.Random(seed)
    context = DeskContext(db, site_id=site_id)
    registry, visits = PeopleService(context), VisitService(context)
    made: Counter[str] = Counter()
    registered: list[str] = []
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        someone = people[i % len(people)]
        if kind == "register":
            registered.append(
                registry.register_person(
                    PersonFields(
                        given_name=rng.choice(["Amina", "Luca", "Ioana", "Karim", "Sara"]),
                        family_name=f"Banco{i}",
                        birth_year=rng.randint(1950, 2000),
                    ),
                    consents=("registration",),
                    notice_version=NOTICE,
                )
            )
        elif kind == "check_in":
            who = registered[-1] if registered and i % 3 == 0 else someone
            visits.check_in(who, topics=["casa"])
        elif kind == "anonymous":
            visits.check_in(None, topics=["lavoro"])
        elif kind == "update":
            registry.update_person(someone, {"residence_address": f"Via {seed} n. {i}"})
        else:
            registry.record_consent(someone, "contact", notice_version=NOTICE)
        made[kind] += 1
    return made


def measure_push(
    db: Database, base: str, token: str, site_id: str, args: argparse.Namespace
) -> None:
    people = adults_of(db, site_id, 300)
    started = time.perf_counter()
    made = offline_changes(db, site_id, args.changes, people, args.seed)
    log.info("%d offline changes made in %.1f s: %s", args.changes,
             time.perf_counter() - started, dict(made))  # fmt: skip
    transport = Timed(HttpTransport(base, token))
    started = time.perf_counter()
    report = sync_once(db, transport)
    seconds = time.perf_counter() - started
    log.info(
        "push sync: %d pushed (%.2f s), %d rows pulled back (%.2f s), %d rejected",
        report.pushed, transport.push_s, report.pulled, transport.pull_s, len(report.rejected),
    )  # fmt: skip
    emit("push_1000_s" if args.changes == 1000 else f"push_{args.changes}_s", seconds, "s")
    times = []
    for _ in range(NOOP_RUNS):
        began = time.perf_counter()
        noop = sync_once(db, transport)
        times.append((time.perf_counter() - began) * 1000)
        assert noop.pulled == 0 and noop.pushed == 0, "a no-op sync found work"
    log.info("no-op sync: min %.1f ms, p95 %.1f ms", min(times), percentile(times, 95))
    emit("noop_sync_ms", statistics.median(times), "ms")


# --- many devices at once ----------------------------------------------------------------


def device_template(big: Path, source: Path, folder: Path, people: list[str]) -> Path:
    """A small desk up to date with HQ: the reference rows of the big desk, at its
    cursor, and a few people of its site each (whole, as in the demo data ``source``):
    a desk whose scope is small."""
    path = folder / "device-template.sqlite3"
    open_database(path).dispose()
    conn = sqlite3.connect(path)
    try:
        conn.execute("ATTACH DATABASE ? AS big", (str(big),))
        conn.execute("PRAGMA foreign_keys = OFF")
        for model in (Site, *SYNCED_MODELS[1:3]):
            name = model.__tablename__
            conn.execute(f"DELETE FROM {name}")  # the network's sites, made by a migration
            conn.execute(f"INSERT INTO {name} SELECT * FROM big.{name}")
        columns = ", ".join(c.name for c in table_of(Person).columns)
        marks = ", ".join("?" for _ in people)
        conn.execute("ATTACH DATABASE ? AS source", (str(source),))
        conn.execute(
            f"INSERT INTO person ({columns}) SELECT {columns} FROM source.person "
            f"WHERE id IN ({marks})",
            people,
        )
        conn.execute(
            "INSERT INTO desk_state (id, client_id, next_seq, server_cursor, server_epoch) "
            "SELECT 1, 'template', 1, server_cursor, server_epoch FROM big.desk_state"
        )
        conn.commit()
        conn.execute("DETACH DATABASE big")
        conn.execute("DETACH DATABASE source")
    finally:
        conn.close()
    db = Database.open(path)
    with db.write() as session:
        rebuild_all(session.connection())
    db.dispose()
    return path


@dataclass(frozen=True)
class Device:
    path: Path  # a real desk, its changes made offline and still pending
    token: str
    client_id: str
    cursor: int
    envelopes: list[Envelope]


def prepare_devices(
    hq: Database, base: str, big: Path, source: Path, folder: Path, count: int, seed: int
) -> list[Device]:
    started = time.perf_counter()
    big_db = Database.open(source)
    with big_db.read() as session:
        sites = sorted(session.scalars(select(Site.id).where(Site.deleted.is_(False))))
    chosen = {i: adults_of(big_db, sites[i % len(sites)], SEEDED, skip=(i // len(sites)) * SEEDED)
              for i in range(count)}  # fmt: skip
    big_db.dispose()
    template = device_template(
        big, source, folder, sorted({p for ids in chosen.values() for p in ids})
    )
    devices = []
    for i in range(count):
        site_id = sites[i % len(sites)]
        path = folder / f"device-{i}.sqlite3"
        shutil.copyfile(template, path)
        db = Database.open(path)
        with db.write() as session:
            session.execute(
                update(DeskState)
                .where(DeskState.id == 1)
                .values(client_id=f"bench-device-{i}-{os.getpid()}", site_id=site_id)
            )
        offline_changes(db, site_id, DEVICE_CHANGES, chosen[i], seed + i)
        client_id, cursor, _epoch = desk_identity(db)
        envelopes = MutationLog(db).pending()
        db.dispose()
        token = enroll(hq, base, f"bench {i}", site_id)
        devices.append(Device(path, token, client_id, cursor, envelopes))
    log.info("%d devices made in %.1f s", count, time.perf_counter() - started)
    return devices


def device_sync(device: Device, base: str, ready: object, go: object, results: object) -> None:
    """A device as HQ sees it: its changes pushed, then every page of changes since its
    cursor fetched and decoded, as the desk's transport does (writing them is the desk's
    own work, on its own machine: measured apart, see ``measure_concurrent``)."""
    transport = HttpTransport(base, device.token)
    ready.put(1)  # type: ignore[attr-defined]
    go.wait()  # type: ignore[attr-defined]
    cpu = time.process_time()
    began = pushed = time.perf_counter()
    rows, rejected, error = 0, [], ""
    try:
        refused = transport.push(device.client_id, device.envelopes).rejected
        by_seq = {e.seq: e.name for e in device.envelopes}
        rejected = [f"{by_seq.get(seq)}: {why.text()}" for seq, why in refused.items()]
        pushed = time.perf_counter()
        cursor = device.cursor
        while True:
            page = transport.pull(device.client_id, cursor)
            rows, cursor = rows + len(page.rows), page.cursor
            if not page.more:
                break
    except Exception as exc:  # counted at the time it took to fail, and reported
        error = f"{type(exc).__name__}: {exc}"
    elapsed = (time.perf_counter() - began) * 1000
    push_ms = (pushed - began) * 1000
    cpu_s = time.process_time() - cpu
    results.put((elapsed, len(device.envelopes), rows, rejected, error, push_ms, cpu_s))  # type: ignore[attr-defined]
    transport.close()


def measure_concurrent(devices: list[Device], base: str, server: int, postgres: int | None) -> None:
    """Every device in a process of its own, started together. Then one of them syncs
    for real (its changes are already at HQ: skipped), taking in what the others sent.
    ``server``, ``postgres``: pids of HQ and of PostgreSQL (if on this machine), whose
    CPU time is logged with the devices': all of it is this machine's."""
    context = multiprocessing.get_context("fork")
    ready, results, go = context.Queue(), context.Queue(), context.Event()
    workers = [
        context.Process(target=device_sync, args=(d, base, ready, go, results)) for d in devices
    ]
    for worker in workers:
        worker.start()
    for _ in workers:
        ready.get(timeout=120)
    time.sleep(0.5)
    server_cpu, postgres_cpu = cpu_seconds(server), cpu_seconds(postgres or 0)
    busy = machine_busy_seconds()
    began = time.perf_counter()
    go.set()
    outcomes = [results.get(timeout=300) for _ in workers]
    wall = time.perf_counter() - began
    busy = machine_busy_seconds() - busy
    server_cpu = cpu_seconds(server) - server_cpu
    postgres_cpu = cpu_seconds(postgres or 0) - postgres_cpu
    for worker in workers:
        worker.join()
    times = [o[0] for o in outcomes]
    failed = [o[4] for o in outcomes if o[4]]
    log.info(
        "pushing took %.0f ms (median), %.0f ms at most",
        statistics.median(o[5] for o in outcomes), max(o[5] for o in outcomes),
    )  # fmt: skip
    if failed:
        log.error("%d of %d device syncs failed, e.g. %s", len(failed), len(outcomes), failed[0])
    refusals = Counter(why for o in outcomes for why in o[3])
    log.info(
        "%d devices: median %.0f ms, max %.0f ms; %d pushed, %d rows pulled, %d rejected; "
        "HQ server CPU %.1f s",
        len(devices), statistics.median(times), max(times), sum(o[1] for o in outcomes),
        sum(o[2] for o in outcomes), refusals.total(), server_cpu,
    )  # fmt: skip
    for why, count in refusals.most_common():
        log.info("  refused %d times: %s", count, why)
    devices_cpu = sum(o[6] for o in outcomes)
    log.info(
        "CPU in the %.1f s until the last was done (%d cores): HQ %.1f s (%.0f ms a sync), "
        "PostgreSQL %s, the devices %.1f s",
        wall, os.cpu_count() or 1, server_cpu, server_cpu * 1000 / len(outcomes),
        f"{postgres_cpu:.1f} s" if postgres else "elsewhere", devices_cpu,
    )  # fmt: skip
    # All of them syncing at once, the p95 is about when the last is done: what the
    # machine's cores can do in that time bounds it, whoever uses the CPU.
    budget_ms = 500 * (os.cpu_count() or 1) / len(outcomes)
    log.info(
        "the machine's CPU a sync (HQ, PostgreSQL, the device, all else): %.0f ms; a p95 "
        "of 500 ms allows about %.0f ms on %d cores",
        busy * 1000 / len(outcomes), budget_ms, os.cpu_count() or 1,
    )  # fmt: skip
    name = "concurrent50_p95_ms" if len(devices) == 50 else f"concurrent{len(devices)}_p95_ms"
    emit(name, percentile(times, 95), "ms")
    db = Database.open(devices[0].path)
    transport = HttpTransport(base, devices[0].token)
    began = time.perf_counter()
    report = sync_once(db, transport)
    log.info(
        "then one real desk's sync alone: %.0f ms (%d rows taken in)",
        (time.perf_counter() - began) * 1000, report.pulled,
    )  # fmt: skip
    transport.close()
    db.dispose()


def main() -> None:
    args = parse_args(__doc__ or "", options)
    for noisy in ("opdesk", "httpx"):  # a line per change, a line per request
        logging.getLogger(noisy).setLevel(logging.WARNING)
    source = demo_path(args)
    folder = Path(tempfile.mkdtemp(prefix="opdesk-sync-"))
    site_id = site_id_for("Rho")
    try:
        with pg_database(args.pg_url) as url:
            hq = load_hq(source, url)
            with serve(url, folder, args.workers) as (base, server):
                desk_path = folder / "desk.sqlite3"
                token = enroll(hq, base, "bench desk", site_id)
                spawn = multiprocessing.get_context("spawn")
                server_cpu = cpu_seconds(server)
                with ProcessPoolExecutor(1, mp_context=spawn) as pool:
                    done = pool.submit(first_download, desk_path, base, token, site_id).result()
                server_cpu = cpu_seconds(server) - server_cpu
                log.info(
                    "first download: %d rows in %.1f s (%.1f s waiting on %d pulls); "
                    "RSS %.0f MB before, %.0f MB peak; CPU: desk %.1f s, HQ server %.1f s",
                    done.rows, done.seconds, done.pull_s, done.pages,
                    done.rss_before_mb, done.peak_rss_mb, done.cpu_s, server_cpu,
                )  # fmt: skip
                desk = Database.open(desk_path)
                counts, at_hq = table_counts(desk), table_counts(hq, Scope.of_site(site_id))
                if counts != at_hq:
                    log.error("desk differs from HQ: %s vs %s", counts, at_hq)
                emit("initial_rows_per_s", done.rows / done.seconds, "rows/s")
                emit("peak_rss_mb", done.peak_rss_mb, "MB")
                measure_push(desk, base, token, site_id, args)
                desk.dispose()
                devices = prepare_devices(
                    hq, base, desk_path, source, folder, args.devices, args.seed
                )
                postgres = postgres_pid(hq)
                hq.dispose()  # forked devices must not inherit its connections
                measure_concurrent(devices, base, server, postgres)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
