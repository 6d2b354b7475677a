"""A push's batch applied at once: on SQLite and on PostgreSQL (where a statement that
fails aborts the whole transaction), what is refused is refused with its reason, and the
search tables come out as a rebuild would make them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from opdesk.core.clock import new_id
from opdesk.core.errors import ValidationFailed
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


def test_a_text_longer_than_its_column_is_refused_at_the_desk_with_its_field(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    """SQLite would keep 121 characters of birth place; HQ's PostgreSQL would refuse
    them at every sync, holding up every change queued behind."""
    rho = make_desk(hq_db, "Rho")
    with pytest.raises(ValidationFailed) as refused:
        rho.people.register_person(PersonFields(given_name="Ada", birth_place="B" * 121))
    error = refused.value.for_field("birth_place")
    assert error is not None and error.params == {"max": 120}
    ada = rho.people.register_person(PersonFields(given_name="Ada", birth_place="B" * 120))
    with pytest.raises(ValidationFailed) as edited:
        rho.people.update_person(ada, {"residence_address": "Via " + "x" * 200})
    assert edited.value.for_field("residence_address") is not None
    assert len(MutationLog(rho.db).pending()) == 1  # only the registration that fits
    assert rho.sync().rejected == {}


def test_changes_hq_cannot_store_are_refused_and_the_queue_moves_on(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    """Changes no desk of ours sends, each of which HQ's database itself would refuse
    (a 500 at every sync, the desk's queue stuck behind it): refused with a reason, and
    the change after them applied."""
    rho = make_desk(hq_db, "Rho")
    ada = rho.people.register_person(PersonFields(given_name="Ada"))
    rho.visits.check_in(ada, topics=["casa"])
    register, check_in = MutationLog(rho.db).pending()
    args = dict(check_in.args)
    bad = [
        register.model_copy(
            update={
                "args": {
                    **register.args,
                    "person_id": new_id(),
                    "fields": {**register.args["fields"], "birth_place": "x" * 121},
                }
            }
        ),  # longer than its column
        check_in.model_copy(update={"args": {**args, "visit_id": "v" * 50}}),
        check_in.model_copy(update={"args": {**args, "visit_id": ""}}),
        check_in.model_copy(update={"args": {**args, "visited_at": "2025-06-16T08:00:00"}}),
        check_in.model_copy(update={"args": {**args, "visited_at": "0001-01-01T00:30:00+01:00"}}),
        check_in.model_copy(update={"actor_user_id": "nobody-we-know"}),
    ]
    pushed = [register] + [
        change.model_copy(update={"seq": register.seq + 1 + i, "mutation_id": new_id()})
        for i, change in enumerate([*bad, check_in])
    ]
    outcome = process_push(hq_db, register.client_id, pushed, now=START)
    assert [r.status for r in outcome.results] == ["applied"] + ["rejected"] * 6 + ["applied"]
    reasons = [r.reason.message for r in outcome.results[1:7] if r.reason is not None]
    assert reasons[0] == "Some fields need attention: {fields}"
    # An id of no length (it made a row the divergence check could not name: a 500,
    # schemathesis) or longer than any id, a time without offset or out of range.
    assert reasons[1:5] == ["The change '{name}' cannot be read: {detail}"] * 4
    assert reasons[5].startswith("HQ's database could not store this change")
    with hq_db.read() as session:
        assert len(session.scalars(select(Visit.id)).all()) == 1


def test_a_change_sent_twice_in_one_push_is_applied_once(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    """Not another database using this desk's id: the same change, repeated."""
    rho = make_desk(hq_db, "Rho")
    rho.people.register_person(PersonFields(given_name="Ada"))
    (register,) = MutationLog(rho.db).pending()
    outcome = process_push(hq_db, register.client_id, [register, register], now=START)
    assert [r.status for r in outcome.results] == ["applied", "skipped"]
    assert outcome.last_processed == register.seq


def test_a_refusal_naming_what_was_sent_can_be_stored(hq_db: Database, make_desk: MakeDesk) -> None:
    """An edit of fields that do not exist is refused naming them; a name with a NUL in
    it made the refusal itself unstorable on PostgreSQL: a 500 at every sync, the desk's
    queue stuck (schemathesis). Control characters go, as from any text sent."""
    rho = make_desk(hq_db, "Rho")
    ada = rho.people.register_person(PersonFields(given_name="Ada"))
    rho.people.update_person(ada, {"residence_address": "Via Roma 1"})
    register, edit = MutationLog(rho.db).pending()
    odd = edit.model_copy(
        update={
            "mutation_id": new_id(),
            "args": {
                **edit.args,
                "changes": {"nick\x00name": "A"},
                "replaced": {"nick\x00name": None},
            },
        }
    )
    later = edit.model_copy(update={"seq": edit.seq + 1})
    outcome = process_push(hq_db, register.client_id, [register, odd, later], now=START)
    assert [r.status for r in outcome.results] == ["applied", "rejected", "applied"]
    reason = outcome.results[1].reason
    assert reason is not None and reason.text() == (
        "The change 'update_person' cannot be read: fields nickname"
    )
