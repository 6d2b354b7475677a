"""HQ runs the same mutations on PostgreSQL: a desk's log applied there gives the same
rows and search tables as on the desk's SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from opdesk.core.mutations import parse_mutation
from opdesk.core.mutations.log import MutationLog, apply_tracked
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from tests.conftest import FakeClock, desk_on, seed_desk
from tests.core.scenario import Player
from tests.storage.snapshot import derived_state, synced_state

pytestmark = pytest.mark.postgres


def test_a_desk_log_applied_on_postgresql_gives_the_same_state(tmp_path: Path, pg_url: str) -> None:
    clock = FakeClock()
    desk = seed_desk(tmp_path / "desk.sqlite3", clock)
    hq: Database = open_database(pg_url)
    try:
        player = Player(desk_on(desk, clock))
        player.warm_up()
        a, b, c = player.people_ids
        player.people.merge_people(kept_id=c, merged_id=a)
        player.visits.check_in(a, topics=["lavoro"], note="via il merge")
        player.people.update_person(b, {"phone": "02 1234 5678", "residence_comune": "vanzago"})
        player.visits.undo_check_in(player.visit_ids[0])
        player.people.withdraw_consent(player.consent_ids[0])
        player.people.unmerge_people(a)

        for envelope in MutationLog(desk.db).pending():
            with hq.write() as session:
                mutation = parse_mutation(envelope.name, envelope.args)
                apply_tracked(session, mutation, envelope.actor_user_id)

        assert synced_state(hq) == synced_state(desk.db)
        assert derived_state(hq) == derived_state(desk.db)
        with hq.read() as session:
            found = session.execute(
                text("SELECT person_id FROM person_search WHERE text LIKE '%angel%'")
            ).scalars()
            assert sorted(found) == sorted([a, b])
    finally:
        desk.db.dispose()
        hq.dispose()
