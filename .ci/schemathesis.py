"""schemathesis against a real opdesk-server, as an enrolled desk.

Starts ``opdesk-server serve`` on a fresh SQLite data folder, creates a site and a device
with the admin commands, exchanges the device's code for a token at /v1/enroll, and runs
every check (``--checks all``) in every phase, the stateful one included, with the token
as the bearer credential. The stage fails on any failure, and also when /v1/push or
/v1/changes never answered 2xx (a run where every request got 401 proves nothing), or
when no generated change was applied at HQ (one where every change is refused before
reaching a rule proves little more).

Usage: .venv/bin/python .ci/schemathesis.py [--max-examples N] [--postgres] [--keep DIR]
SCHEMATHESIS_SEED=<n> replays a run (the seed is printed at its start).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
MUST_SUCCEED = ("POST /v1/push", "GET /v1/changes")
OPERATIONS = ("GET /v1/health", "POST /v1/enroll", *MUST_SUCCEED)


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_command(data: Path, database: str, *args: str) -> list[str]:
    return [
        sys.executable, "-m", "opdesk.server.cli", "--data-dir", str(data / "hq"),
        "--database-url", database, *args,
    ]  # fmt: skip


def admin(data: Path, database: str, *args: str) -> str:
    done = subprocess.run(
        server_command(data, database, *args),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout


def wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if httpx.get(f"{url}/v1/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise SystemExit("opdesk-server did not start")


def statuses(report: Path) -> tuple[dict[str, Counter[int]], Counter[str]]:
    """Per operation, how many answers of each status the run got; and the checks'
    outcomes (from the run's ndjson events)."""
    seen: dict[str, Counter[int]] = {}
    checks: Counter[str] = Counter()
    for line in report.read_text().splitlines():
        finished = json.loads(line).get("ScenarioFinished")
        if not finished:
            continue
        recorder = finished["recorder"]
        for interaction in recorder.get("interactions", {}).values():
            request, response = interaction["request"], interaction.get("response")
            if response:
                label = f"{request['method']} {httpx.URL(request['uri']).path}"
                seen.setdefault(label, Counter())[int(response["status_code"])] += 1
        for results in recorder.get("checks", {}).values():
            checks.update(result["status"] for result in results)
    return seen, checks


@contextmanager
def empty_database(data: Path, postgres: bool) -> Iterator[str]:
    """A new SQLite file, or a new database on OPDESK_TEST_PG_URL's server (dropped after)."""
    if not postgres:
        yield f"sqlite:///{data / 'hq.sqlite3'}"
        return
    from sqlalchemy import create_engine, make_url

    url = make_url(os.environ["OPDESK_TEST_PG_URL"])
    server = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"opdesk_schemathesis_{secrets.token_hex(4)}"
    with server.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.dispose()


def run_schemathesis(data: Path, database: str, max_examples: int) -> int:
    """Serve HQ, enroll a desk, let schemathesis loose with its token; its exit code."""
    site = admin(data, database, "create-site", "Opcafè Bollate", "Bollate", "--new-comune").strip()
    code = admin(data, database, "enroll-device", "schemathesis", "--site", "Bollate").split()[0]
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with open(data / "server.log", "wb") as server_log:
        server = subprocess.Popen(
            server_command(data, database, "serve", "--port", str(port)),
            stdout=server_log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(url, server)
            enrolled = httpx.post(f"{url}/v1/enroll", json={"code": code}, timeout=10)
            enrolled.raise_for_status()
            token = enrolled.json()["token"]
            command = [
                str(BIN / "schemathesis"), "run", f"{url}/openapi.json",
                "--checks", "all",
                "--phases", "examples,coverage,fuzzing,stateful",
                "--max-examples", str(max_examples),
                "--header", f"Authorization: Bearer {token}",
                "--workers", "2",
                "--report", "ndjson", "--report-ndjson-path", str(data / "events.ndjson"),
                "--no-color",
            ]  # fmt: skip
            if os.environ.get("SCHEMATHESIS_SEED"):
                command += ["--seed", os.environ["SCHEMATHESIS_SEED"]]
            hooks = {
                "SCHEMATHESIS_HOOKS": str(ROOT / ".ci" / "schemathesis_hooks.py"),
                "OPDESK_SCHEMATHESIS_SITE": site,  # ids the hooks give to arguments
            }
            return subprocess.run(command, cwd=data, check=False, env=os.environ | hooks).returncode
        finally:
            server.terminate()
            server.wait(timeout=10)


def mutation_outcomes(database: str) -> Counter[str]:
    """How the changes schemathesis pushed ended at HQ (applied, rejected), from HQ's
    own record: proof that generated arguments reach the rules and the database."""
    from sqlalchemy import create_engine, text

    engine = create_engine(database)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT status, count(*) FROM hq_mutation GROUP BY status"))
            return Counter({str(status): int(count) for status, count in rows})
    finally:
        engine.dispose()


def verdict(data: Path) -> bool:
    """What the run reached, from its report and the server's log; True if it is proof."""
    seen, checks = statuses(data / "events.ndjson")
    say(f"checks: {checks['success']} passed, {checks['failure']} failed")
    probes: Counter[int] = Counter()
    for label in sorted(seen):
        if label in OPERATIONS:
            counts = ", ".join(f"{status}: {n}" for status, n in sorted(seen[label].items()))
            say(f"  {label:<16} {sum(seen[label].values()):>5} requests ({counts})")
        else:
            probes.update(seen[label])
    say(f"  other methods    {sum(probes.values()):>5} requests ({dict(probes)})")
    say(f"  in all           {sum(map(Counter.total, seen.values())):>5} requests")
    proven = True
    for label in MUST_SUCCEED:
        if not any(200 <= status < 300 for status in seen.get(label, Counter())):
            say(f"no 2xx answer from {label}: the run did not get past the token check")
            proven = False
    log = (data / "server.log").read_text(errors="replace")
    if "Traceback" in log:
        say("the server logged an exception:\n" + log[-4000:])
        proven = False
    return proven


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=100, help="per operation and phase")
    parser.add_argument("--postgres", action="store_true", help="on OPDESK_TEST_PG_URL's server")
    parser.add_argument("--keep", type=Path, help="keep the data and reports in this folder")
    args = parser.parse_args()
    data = args.keep or Path(tempfile.mkdtemp(prefix="opdesk-schemathesis-"))
    data.mkdir(parents=True, exist_ok=True)
    try:
        start = time.monotonic()
        with empty_database(data, args.postgres) as database:
            exit_code = run_schemathesis(data, database, args.max_examples)
            outcomes = mutation_outcomes(database)
        say(f"schemathesis: exit {exit_code} in {time.monotonic() - start:.0f} s")
        proven = verdict(data)
        say(f"  changes HQ processed: {dict(outcomes)}")
        if not outcomes["applied"]:
            say("no generated change was applied: the run never got past parsing to the rules")
            proven = False
    finally:
        if not args.keep:
            shutil.rmtree(data, ignore_errors=True)
    return 0 if exit_code == 0 and proven else 1


if __name__ == "__main__":
    os.chdir(ROOT)
    raise SystemExit(main())
