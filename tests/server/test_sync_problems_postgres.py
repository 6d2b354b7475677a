"""The sync problems and the progress count with HQ on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from opdesk.core.errors import EditConflict
from opdesk.core.rules.person import PersonFields
from opdesk.server.local import InProcessHQ
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.storage.models import HqMutation, Person
from opdesk.sync.engine import sync_once
from tests.server.conftest import TestDesk

pytestmark = pytest.mark.postgres


def test_conflicts_reasons_and_the_count_on_postgresql(
    pg_url: str, make_desk: Callable[[Database, str], TestDesk]
) -> None:
    hq = open_database(pg_url)
    try:
        rho, lainate = make_desk(hq, "Rho"), make_desk(hq, "Lainate")
        person = rho.people.register_person(PersonFields(given_name="Amina"))
        for i in range(24):
            rho.people.register_person(PersonFields(given_name=f"Persona{i:02d}"))
        rho.sync()
        seen: list[tuple[int, int | None]] = []
        sync_once(lainate.db, InProcessHQ(hq, page=10), progress=lambda d, t: seen.append((d, t)))
        assert seen == [(10, 25), (20, 25), (25, 25)]

        rho.people.update_person(person, {"birth_place": "Rho"})
        lainate.people.update_person(person, {"birth_place": "Pero"})
        rho.sync()
        report = lainate.sync()
        assert [why.message for why in report.rejected.values()] == [EditConflict.MESSAGE]
        with hq.read() as session:
            refused = session.query(HqMutation).filter_by(status="rejected").one()
            assert (refused.reason_id, refused.reason_params) == (
                EditConflict.MESSAGE,
                {"fields": "birth_place"},
            )
        lainate.sync()
        rho.sync()
        for db in (hq, rho.db, lainate.db):
            with db.read() as session:
                assert session.get(Person, person).birth_place == "Pero"  # type: ignore[union-attr]
    finally:
        hq.dispose()
