"""A freshly started HQ gets ready for the first pushes in the background."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from codicefiscale import codicefiscale as library

from opdesk.core.rules import codice_fiscale
from opdesk.server.app import create_app
from opdesk.storage.engine import Database


def test_hq_builds_the_comuni_table_before_a_push_needs_it(
    hq_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    build = library.get_indexed_data

    def counted() -> Any:
        built.append(threading.current_thread().name)
        return build()

    monkeypatch.setattr(library, "_DATA", None)  # as in a process that never decoded one
    monkeypatch.setattr(library, "get_indexed_data", counted)
    codice_fiscale._decode.cache_clear()
    create_app(hq_db)
    deadline = time.monotonic() + 30
    while not built and time.monotonic() < deadline:
        time.sleep(0.05)
    assert built == ["opdesk-cf-tables"]
    # A push's check waits for the build if it is still going, and never builds again.
    errors = codice_fiscale.check_cf(
        "RSSMRA85T10H264V", birth_date=date(1985, 12, 10), sex="M", birth_place="Rho"
    )
    assert errors == [] and len(built) == 1
    codice_fiscale._decode.cache_clear()


TRACED = """
import sys
from opentelemetry import trace
from starlette.testclient import TestClient

started = []

class Recording(trace.NoOpTracer):
    def start_span(self, name, *args, **kwargs):
        started.append(name)
        return super().start_span(name, *args, **kwargs)

    def start_as_current_span(self, name, *args, **kwargs):
        started.append(name)
        return super().start_as_current_span(name, *args, **kwargs)

class Provider(trace.TracerProvider):
    def get_tracer(self, *args, **kwargs):
        return Recording()

trace.set_tracer_provider(Provider())
from opdesk.server.app import create_app
from opdesk.storage.migrate import open_database

db = open_database(sys.argv[1])
with TestClient(create_app(db)) as client:
    assert client.post("/v1/enroll", json={"code": "Mario Rossi RSSMRA85T10H264V"}).status_code
db.dispose()
print(len(started))
"""


def test_hq_sends_nothing_to_an_opentelemetry_set_up_on_its_machine(tmp_path: Path) -> None:
    """FastAPI's own telemetry would hand requests, and their refused input (names,
    codici fiscali), to whatever exporter the machine's environment names."""
    env = {**os.environ, "FASTAPI_OTEL_AUTO_CONFIGURE": "true"}
    done = subprocess.run(
        [sys.executable, "-c", TRACED, str(tmp_path / "hq.sqlite3")],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[-1] == "0"
