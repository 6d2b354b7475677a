"""A push's batch applied at once: on SQLite and on PostgreSQL (where a statement that
fails aborts the whole transaction), what is refused is refused with its reason, and the
search tables come out as a rebuild would make them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from opdesk.core.clock import new_id
from opdesk.core.mutations.log import MutationLog
from opdesk.core.rules.person import PersonFields
from opdesk.server.push import process_push
from opdesk.storage.engine import Database
from opdesk.storage.models import (
    HqMutation,
    PersonSearch,
    PersonSiteSeen,
    PersonToken,
    TokenVariant,
    Visit,
)
from opdesk.storage.search_index import rebuild_all
from tests.conftest import START
from tests.server.conftest import TestDesk

MakeDesk = Callable[[Database, str], TestDesk]


@pytest.fixture
def hq_db(hq_on_both: Database) -> Database:
    return hq_on_both


def test_a_reused_id_is_refused_with_its_reason_and_the_rest_applies(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    """HQ first trusts its unique keys to catch a reused id (no lookup per new row);
    when one does, the batch is applied again with the lookups, which give the reason."""
    rho = make_desk(hq_db, "Rho")
    ada = rho.people.register_person(PersonFields(given_name="Ada"))
    first = rho.visits.check_in(ada, topics=["casa"])
    rho.sync()
    second = rho.visits.check_in(ada, topics=["lavoro"])
    queued = MutationLog(rho.db).pending()
    replayed = queued[0].model_copy(  # the first check-in again, under a new change's id
        update={"mutation_id": new_id(), "seq": queued[0].seq, "args": _args_of(rho, first)}
    )
    later = queued[0].model_copy(update={"seq": queued[0].seq + 1})
    outcome = process_push(hq_db, replayed.client_id, [replayed, later], now=START)
    assert [r.status for r in outcome.results] == ["rejected", "applied"]
    reason = outcome.results[0].reason
    assert reason is not None and reason.message == "This record was already saved ({ident})."
    assert reason.params == {"ident": first}
    with hq_db.read() as session:
        assert set(session.scalars(select(Visit.id))) == {first, second}


def _args_of(desk: TestDesk, visit_id: str) -> dict[str, Any]:
    """The arguments of the check-in that made ``visit_id`` (as HQ recorded it)."""
    with desk.hq.db.read() as session:
        for args in session.scalars(select(HqMutation.args).where(HqMutation.name == "check_in")):
            if args["visit_id"] == visit_id:
                return dict(args)
    raise AssertionError(f"no check-in made {visit_id}")


def derived(db: Database) -> dict[str, set[tuple[Any, ...]]]:
    with db.read() as session:
        return {
            "tokens": set(session.execute(select(PersonToken.token, PersonToken.person_id))),
            "variants": set(session.execute(select(TokenVariant.variant, TokenVariant.token))),
            "texts": set(session.execute(select(PersonSearch.person_id, PersonSearch.text))),
            "seen": set(
                session.execute(
                    select(
                        PersonSiteSeen.person_id,
                        PersonSiteSeen.site_id,
                        PersonSiteSeen.last_seen_at,
                    )
                )
            ),
        }


def test_the_search_tables_after_a_batch_are_as_a_rebuild_makes_them(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    """Registrations, renames, a merge, a check-in undone: HQ brings its search tables
    up to date once per batch, from the rows as they end up."""
    rho = make_desk(hq_db, "Rho")
    amina = rho.people.register_person(PersonFields(given_name="Amina", family_name="Ouali"))
    twin = rho.people.register_person(PersonFields(given_name="Amina", family_name="Oualy"))
    sara = rho.people.register_person(PersonFields(given_name="Sara", family_name="Bianchi"))
    rho.visits.check_in(amina, topics=["casa"])
    undone = rho.visits.check_in(sara, topics=["lavoro"])
    assert rho.sync().rejected == {}  # then changes to rows HQ already indexed
    rho.people.update_person(sara, {"family_name": "Zanardelli"})
    rho.visits.undo_check_in(undone)
    rho.people.merge_people(kept_id=amina, merged_id=twin)
    rho.visits.check_in(amina, topics=["famiglia"])
    assert rho.sync().rejected == {}
    after_push = derived(hq_db)
    with hq_db.write() as session:
        rebuild_all(session.connection())
    assert after_push == derived(hq_db)
    assert {text for _id, text in after_push["texts"]} == {"ouali amina", "zanardelli sara"}
    assert not any(token == "bianchi" for token, _person in after_push["tokens"])
    assert {person for person, _site, _at in after_push["seen"]} == {amina}
