"""The key properties of the mutation log, on random desk sessions (valid and refused
steps mixed):

(a) the log is the truth: replaying a desk's queue into an empty database gives the
    same synced rows and the same search tables;
(b) rewind and replay with nothing from the server changes nothing;
(c) rows from the server go *under* the pending mutations: the result is the snapshot
    plus the server rows, with the pending mutations replayed on top.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opdesk.core.clock import new_id
from opdesk.core.mutations import parse_mutation
from opdesk.core.mutations.log import MutationLog, apply_tracked
from opdesk.core.mutations.replay import ServerRow, rewind_and_replay
from opdesk.storage.backup import backup_sqlite
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.storage.rows import write_row
from opdesk.storage.search_index import rebuild_all
from tests.conftest import FakeClock, desk_on, seed_desk
from tests.core.scenario import (
    Player,
    ServerState,
    person_row,
    sessions,
    visit_row,
)
from tests.storage.snapshot import (
    befores,
    check_fts,
    derived_state,
    next_seq,
    pending_state,
    rebuilt_derived_state,
    synced_state,
)


@contextmanager
def workspace(factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A new folder per example (Hypothesis runs many in one test), removed after it."""
    where = factory.mktemp("example")
    try:
        yield where
    finally:
        shutil.rmtree(where, ignore_errors=True)


def replay_into(target: Database, source: Database) -> None:
    """Apply the source desk's queue, in seq order, to ``target``: one transaction each."""
    for envelope in MutationLog(source).pending():
        with target.write() as session:
            mutation = parse_mutation(envelope.name, envelope.args)
            apply_tracked(session, mutation, envelope.actor_user_id)


@given(session=sessions)
def test_a_the_log_replayed_into_an_empty_database_gives_the_same_state(
    tmp_path_factory: pytest.TempPathFactory, session: list[tuple[object, ...]]
) -> None:
    with workspace(tmp_path_factory) as where:
        clock = FakeClock()
        desk_a = seed_desk(where / "a.sqlite3", clock)
        db_b = open_database(where / "b.sqlite3")
        try:
            player = Player(desk_on(desk_a, clock))
            player.play(session)
            # Refused steps took no seq: the queue is 1, 2, 3 ... without gaps.
            queue = [e.seq for e in MutationLog(desk_a.db).pending()]
            assert queue == list(range(1, next_seq(desk_a.db)))

            replay_into(db_b, desk_a.db)

            assert synced_state(db_b) == synced_state(desk_a.db)
            assert derived_state(db_b) == derived_state(desk_a.db)
            for database in (desk_a.db, db_b):
                check_fts(database)
                assert rebuilt_derived_state(database) == derived_state(
                    database, live_variants_only=True
                )
        finally:
            desk_a.db.dispose()
            db_b.dispose()


def whole_state(db: Database) -> dict[str, object]:
    return {
        "synced": synced_state(db),
        "derived": derived_state(db),
        "pending": pending_state(db),
        "befores": befores(db),
        "next_seq": next_seq(db),
    }


@given(session=sessions, from_server=st.booleans())
def test_b_rewind_and_replay_alone_changes_nothing(
    tmp_path_factory: pytest.TempPathFactory,
    session: list[tuple[object, ...]],
    from_server: bool,
) -> None:
    with workspace(tmp_path_factory) as where:
        clock = FakeClock()
        seeded = seed_desk(where / "a.sqlite3", clock)
        try:
            player = Player(desk_on(seeded, clock))
            if from_server:
                server = ServerState(seeded)
                server.take_in(seeded.db)
                player = server.player(seeded, clock)
            player.play(session)
            before = whole_state(seeded.db)

            report = rewind_and_replay(seeded.db)

            assert report.failed == {}
            assert report.replayed == len(before["pending"])  # type: ignore[arg-type]
            assert whole_state(seeded.db) == before
            check_fts(seeded.db)
            # And again: rewinding is repeatable.
            rewind_and_replay(seeded.db)
            assert whole_state(seeded.db) == before
        finally:
            seeded.db.dispose()


@given(session=sessions)
def test_c_server_rows_go_under_the_pending_mutations(
    tmp_path_factory: pytest.TempPathFactory, session: list[tuple[object, ...]]
) -> None:
    with workspace(tmp_path_factory) as where:
        clock = FakeClock()
        seeded = seed_desk(where / "a.sqlite3", clock)
        expected: Database | None = None
        try:
            server = ServerState(seeded)
            server.take_in(seeded.db)
            assert seeded.db.path is not None
            snapshot = backup_sqlite(seeded.db.path, where / "s0", reason="s0")
            server.player(seeded, clock).play(session)
            pending = MutationLog(seeded.db).pending()

            # HQ changed the third person (whom no pending mutation touches), sent a
            # person new to this desk and a visit of the third person elsewhere.
            s3, s4, visit = server.people[2], new_id(), new_id()
            batch = [
                ServerRow(
                    "person",
                    s3,
                    person_row(
                        s3, 21, None, given_name="Ugo", family_name="Neri Bassi", citizenship="IT"
                    ),
                ),
                ServerRow(
                    "person", s4, person_row(s4, 22, None, given_name="Lia", family_name="Conti")
                ),
                ServerRow("visit", visit, visit_row(visit, 23, s3, seeded.site_id)),
            ]
            report = rewind_and_replay(seeded.db, batch)
            assert report.failed == {}
            assert (report.server_rows, report.replayed) == (3, len(pending))

            # The same from the snapshot: server rows first, then the queue on top.
            expected = open_database(snapshot)
            with expected.write() as s:
                for row in batch:
                    write_row(s.connection(), row.table, row.id, row.data)
                rebuild_all(s.connection())
            copies: dict[tuple[int, str, str], object] = {}
            for envelope in pending:
                with expected.write() as s:
                    mutation = parse_mutation(envelope.name, envelope.args)
                    tracker = apply_tracked(s, mutation, envelope.actor_user_id)
                copies.update({(envelope.seq, *key): d for key, d in tracker.before.items()})

            assert synced_state(seeded.db) == synced_state(expected)
            assert derived_state(seeded.db, live_variants_only=True) == derived_state(
                expected, live_variants_only=True
            )
            assert MutationLog(seeded.db).pending() == pending
            assert befores(seeded.db) == copies
            check_fts(seeded.db)
        finally:
            seeded.db.dispose()
            if expected is not None:
                expected.dispose()
