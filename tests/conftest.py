"""Shared fixtures: a fresh migrated SQLite file per test, a desk on it, a clock we
control, PostgreSQL databases made and dropped per test, and the Hypothesis profiles."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from sqlalchemy import create_engine, event, make_url
from sqlalchemy.exc import OperationalError

from opdesk.core.clock import new_id
from opdesk.core.mutations.directory import CreateSite, CreateUser
from opdesk.core.mutations.log import ensure_desk_state
from opdesk.core.services.context import DeskContext
from opdesk.core.services.people import PeopleService
from opdesk.core.services.visits import VisitService
from opdesk.storage.engine import Database, create_database_engine
from opdesk.storage.migrate import open_database

settings.register_profile("ci", max_examples=25, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile("ci" if os.environ.get("CI", "").lower() == "true" else "dev")

# A Monday morning in June, Rome time 10:00.
START = datetime(2025, 6, 16, 8, 0, tzinfo=UTC)


class FakeClock:
    """A clock for tests: each call returns the current moment, then moves on ``step``."""

    def __init__(self, start: datetime = START, step: timedelta = timedelta(seconds=1)) -> None:
        self.now = start
        self.step = step

    def __call__(self) -> datetime:
        moment = self.now
        self.now = moment + self.step
        return moment

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("the clock gives aware times only")
        self.now = moment.astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@dataclass(frozen=True)
class Seeded:
    """A desk database with its site and its user, both made by logged mutations."""

    db: Database
    site_id: str
    user_id: str


def seed_desk(path: Path, clock: Callable[[], datetime]) -> Seeded:
    """Migrate a new file, give it a desk identity, a site in Rho and a volunteer."""
    db = open_database(path, backup_dir=path.parent / "backups")
    try:
        ensure_desk_state(db)
        setup = DeskContext(db, clock=clock)
        site_id, user_id = new_id(), new_id()
        setup.run(CreateSite(site_id=site_id, site_name="opcafè Rho", comune="rho"))
        setup.run(
            CreateUser(
                user_id=user_id,
                username="giulia",
                display_name="Giulia",
                role="volunteer",
                site_id=site_id,
            )
        )
    except BaseException:
        db.dispose()
        raise
    return Seeded(db, site_id, user_id)


def desk_on(seeded: Seeded, clock: Callable[[], datetime]) -> DeskContext:
    return DeskContext(seeded.db, site_id=seeded.site_id, actor_user_id=seeded.user_id, clock=clock)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def seeded(tmp_path: Path, clock: FakeClock) -> Iterator[Seeded]:
    seeded = seed_desk(tmp_path / "desk.sqlite3", clock)
    try:
        yield seeded
    finally:
        seeded.db.dispose()


@pytest.fixture
def db(seeded: Seeded) -> Database:
    return seeded.db


@pytest.fixture
def desk(seeded: Seeded, clock: FakeClock) -> DeskContext:
    return desk_on(seeded, clock)


@pytest.fixture
def people(desk: DeskContext) -> PeopleService:
    return PeopleService(desk)


@pytest.fixture
def visits(desk: DeskContext) -> VisitService:
    return VisitService(desk)


def _pg_unavailable(shown: str, detail: str) -> None:
    reason = f"PostgreSQL not reachable at {shown}: set OPDESK_TEST_PG_URL ({detail})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def _on_the_pg_server(statement: str) -> None:
    """``statement`` run on OPDESK_TEST_PG_URL's server, through its own database."""
    url = make_url(os.environ["OPDESK_TEST_PG_URL"].strip())
    admin = create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(statement)
    finally:
        admin.dispose()


def copy_database(url: str) -> str:
    """A new database made from the one at ``url`` (which nobody may be connected to)."""
    source = make_url(url)
    name = f"opdesk_test_{secrets.token_hex(6)}"
    _on_the_pg_server(f'CREATE DATABASE "{name}" TEMPLATE "{source.database}"')
    return source.set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    _on_the_pg_server(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')


def full_disk(path: Path, *, spare_pages: int = 0) -> Database:
    """The SQLite database at ``path`` through connections that may grow the file by
    ``spare_pages`` pages at most: a full disk, as SQLite meets it."""
    db = Database(create_database_engine(path))

    @event.listens_for(db.engine, "connect")
    def no_room_to_grow(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages + spare_pages}")
        cursor.close()

    return db


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped after the test.

    Skipped when OPDESK_TEST_PG_URL is unset or its server cannot be reached; on CI
    (CI=true) that is a failure instead."""
    base = os.environ.get("OPDESK_TEST_PG_URL", "").strip()
    if not base:
        _pg_unavailable("(no URL)", "OPDESK_TEST_PG_URL is unset")
    url = make_url(base)
    shown = url.render_as_string(hide_password=True)
    admin = create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    name = f"opdesk_test_{secrets.token_hex(6)}"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except OperationalError as exc:
        admin.dispose()
        _pg_unavailable(shown, str(exc.orig).strip().splitlines()[0])
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
