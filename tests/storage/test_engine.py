"""The engine: SQLite pragmas on every connection, and the driver errors a person can
act on (a full disk, a busy database) as typed errors that lose nothing."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, update

from opdesk.core.mutations.log import MutationLog
from opdesk.core.rules.person import PersonFields
from opdesk.core.services.context import DeskContext
from opdesk.core.services.people import PeopleService
from opdesk.storage import engine as engine_module
from opdesk.storage.engine import Database, create_database_engine
from opdesk.storage.errors import DatabaseLocked, DiskFull
from opdesk.storage.migrate import full_integrity_check, open_database
from opdesk.storage.models import DeskState, Person
from tests.conftest import FakeClock, Seeded, desk_on, full_disk

PRAGMAS = ("journal_mode", "synchronous", "foreign_keys", "busy_timeout", "cache_size")
EXPECTED = ("wal", 2, 1, 5000, -engine_module.CACHE_KIB)


def pragmas(dbapi_conn: Any) -> tuple[Any, ...]:
    cursor = dbapi_conn.cursor()
    try:
        return tuple(cursor.execute(f"PRAGMA {name}").fetchone()[0] for name in PRAGMAS)
    finally:
        cursor.close()


def test_every_connection_has_the_pragmas(tmp_path: Path) -> None:
    engine = create_database_engine(tmp_path / "p.sqlite3")
    try:
        with engine.connect() as conn:
            first = conn.connection.dbapi_connection
            assert pragmas(first) == EXPECTED
        with engine.connect() as conn:  # checked out again from the pool
            again = conn.connection.dbapi_connection
            assert again is first
            assert pragmas(again) == EXPECTED
        # Two at once: the second is a brand new DBAPI connection.
        with engine.connect() as one, engine.connect() as two:
            assert one.connection.dbapi_connection is not two.connection.dbapi_connection
            assert pragmas(two.connection.dbapi_connection) == EXPECTED
    finally:
        engine.dispose()


def test_pragmas_hold_in_read_and_write_sessions(db: Database) -> None:
    for open_session in (db.read, db.write):
        with open_session() as session:
            assert pragmas(session.connection().connection.dbapi_connection) == EXPECTED


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), db.write() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO visit (id, version, deleted, site_id, visited_at, topics) "
            "VALUES ('v', 0, 0, 'no-such-site', '2025-01-01 00:00:00.000000', '')"
        )


def register(people: PeopleService, n: int) -> str:
    return people.register_person(
        PersonFields(given_name=f"Nome{n:04d}", family_name="Cognome" + "x" * 100)
    )


def count_people(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


def test_a_full_disk_is_disk_full_and_loses_nothing(
    seeded: Seeded, clock: FakeClock, tmp_path: Path
) -> None:
    saved = [register(PeopleService(desk_on(seeded, clock)), n) for n in range(3)]
    seeded.db.dispose()

    # The same file through an engine whose connections may not grow the file.
    assert seeded.db.path is not None
    full = full_disk(seeded.db.path)

    people = PeopleService(
        DeskContext(full, site_id=seeded.site_id, actor_user_id=seeded.user_id, clock=clock)
    )
    log = MutationLog(full)
    try:
        with pytest.raises(DiskFull) as raised:
            for n in range(3, 1000):
                saved.append(register(people, n))
        assert "disk is full" in str(raised.value)
        assert str(tmp_path) in raised.value.path
        committed = len(saved)
        pending = log.pending()
    finally:
        full.dispose()

    # Everything committed before is there, the failed one left no trace or seq.
    reopened = Database.open(seeded.db.path)
    try:
        assert count_people(reopened) == committed
        assert full_integrity_check(reopened.engine) == ["ok"]
        after = MutationLog(reopened).pending()
        assert after == pending
        assert [e.seq for e in after] == list(range(1, len(after) + 1))
        desk = desk_on(Seeded(reopened, seeded.site_id, seeded.user_id), clock)
        again = register(PeopleService(desk), 9999)
        assert MutationLog(reopened).pending()[-1].seq == len(after) + 1
        with reopened.read() as session:
            assert session.get(Person, again) is not None
    finally:
        reopened.dispose()


def test_a_busy_database_is_database_locked(db: Database) -> None:
    assert db.path is not None
    impatient = Database(create_database_engine(db.path))

    @event.listens_for(impatient.engine, "connect")
    def no_wait(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA busy_timeout = 0")

    try:
        with db.write() as holder:
            holder.connection()  # BEGIN IMMEDIATE: holds the write lock
            with pytest.raises(DatabaseLocked) as raised, impatient.write() as session:
                session.connection()
            assert "busy" in str(raised.value)
            assert count_people(impatient) == 0  # WAL: readers are never blocked
    finally:
        impatient.dispose()


def test_the_log_is_copied_back_by_the_databases_own_thread(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "CHECKPOINT_WAL", 2**40)  # not yet
    monkeypatch.setattr(engine_module, "CHECKPOINT_EVERY", 0.05)
    path = tmp_path / "desk.sqlite3"
    open_database(path).dispose()
    db = Database.open(path)
    try:
        before = path.stat().st_mtime_ns
        with db.write() as session:  # no writer copies the log back on commit
            session.execute(update(DeskState).values(server_cursor=7))
            session.add(DeskState(id=2, client_id="x", next_seq=1, server_cursor=0))
        assert path.stat().st_mtime_ns == before
        monkeypatch.setattr(engine_module, "CHECKPOINT_WAL", 1)
        deadline = time.monotonic() + 5
        while path.stat().st_mtime_ns == before and time.monotonic() < deadline:
            time.sleep(0.05)
        assert path.stat().st_mtime_ns != before  # the checkpoint thread did
    finally:
        db.dispose()
