"""A freshly started HQ gets ready for the first pushes in the background."""

from __future__ import annotations

import threading
import time
from datetime import date
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
