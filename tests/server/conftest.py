"""An HQ database and desks around it, each a real migrated database file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from opdesk.core.mutations.log import ensure_desk_state
from opdesk.core.rules.sites import site_id_for
from opdesk.core.services.context import DeskContext
from opdesk.core.services.people import PeopleService
from opdesk.core.services.visits import VisitService
from opdesk.server.local import InProcessHQ
from opdesk.server.scopes import EVERYTHING, Scope
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.sync.engine import SyncReport, sync_once
from tests.conftest import FakeClock


@dataclass
class TestDesk:
    __test__ = False

    db: Database
    context: DeskContext
    people: PeopleService
    visits: VisitService
    hq: InProcessHQ

    def sync(self) -> SyncReport:
        return sync_once(self.db, self.hq)


@pytest.fixture
def hq_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "hq.sqlite3")
    yield db
    db.dispose()


@pytest.fixture
def pg_hq(pg_url: str) -> Iterator[Database]:
    """HQ on a new PostgreSQL database (``pg_url``), migrated."""
    db = open_database(pg_url)
    yield db
    db.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def hq_on_both(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """HQ on SQLite and on PostgreSQL, for what each does its own way (arrays of ids,
    a transaction that a failed statement aborts). Use it as ``hq_db`` in a module."""
    where = (
        tmp_path / "hq.sqlite3" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    )
    db = open_database(where)
    yield db
    db.dispose()


@pytest.fixture
def make_desk(tmp_path: Path, clock: FakeClock) -> Iterator[Callable[..., TestDesk]]:
    """A desk of the opcafè of ``comune``; ``scoped``: HQ gives it only its site's scope
    (otherwise everything, as to HQ's own tools)."""
    opened: list[Database] = []

    def make(hq_db: Database, comune: str, *, scoped: bool = False) -> TestDesk:
        db = open_database(tmp_path / f"desk-{len(opened)}-{comune}.sqlite3")
        opened.append(db)
        ensure_desk_state(db)
        context = DeskContext(db, site_id=site_id_for(comune), clock=clock)
        return TestDesk(
            db,
            context,
            PeopleService(context),
            VisitService(context),
            InProcessHQ(
                hq_db,
                clock=clock,
                scope=Scope.of_site(site_id_for(comune)) if scoped else EVERYTHING,
            ),
        )

    yield make
    for db in opened:
        db.dispose()
