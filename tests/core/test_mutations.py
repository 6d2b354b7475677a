"""Every mutation, run on the desk: its effect, the before-copy of every row it changed
(None for a row it created), its envelope queued with the next seq, all in one
transaction; and a refused mutation changes nothing at all and uses no seq."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from opdesk.core.clock import new_id
from opdesk.core.errors import (
    DomainError,
    EditConflict,
    InvalidMutation,
    NotFound,
    ValidationFailed,
)
from opdesk.core.mutations import REGISTRY, parse_mutation
from opdesk.core.mutations.base import SCHEMA_VERSION
from opdesk.core.mutations.directory import CreateSite, CreateUser
from opdesk.core.mutations.people import RegisterPerson, UpdatePerson
from opdesk.core.rules.person import EDITABLE_FIELDS, PersonFields
from opdesk.core.services.context import DeskContext
from opdesk.core.services.people import PeopleService
from opdesk.core.services.visits import VisitService
from opdesk.storage.engine import Database
from opdesk.storage.models import DeskState
from tests.storage.snapshot import befores, dump_all, next_seq, synced_rows

NOTICE = "2025-1"


@dataclass
class Logged:
    """What one mutation did: its result, the rows it created and the rows it changed."""

    result: Any
    seq: int
    created: dict[tuple[str, str], dict[str, Any]]
    changed: dict[tuple[str, str], tuple[dict[str, Any], dict[str, Any]]]


def run_logged(db: Database, desk: DeskContext, name: str, action: Callable[[], Any]) -> Logged:
    """Run ``action`` (one mutation) and check what the log says about it."""
    seq = next_seq(db)
    rows_before = synced_rows(db)
    pending_before = desk.log.pending()
    time_before = desk.clock.now  # type: ignore[attr-defined]

    result = action()

    rows_after = synced_rows(db)
    created = {k: v for k, v in rows_after.items() if k not in rows_before}
    changed = {
        k: (rows_before[k], v)
        for k, v in rows_after.items()
        if k in rows_before and rows_before[k] != v
    }
    assert all(k in rows_after for k in rows_before), "mutations never delete rows"

    # Its envelope: the next seq, on this desk, by this actor, with its arguments.
    pending = desk.log.pending()
    assert pending[: len(pending_before)] == pending_before
    (envelope,) = pending[len(pending_before) :]
    assert (envelope.seq, envelope.name) == (seq, name)
    assert next_seq(db) == seq + 1
    with db.read() as session:
        state = session.get(DeskState, 1)
        assert state is not None
        assert envelope.client_id == state.client_id
    assert envelope.actor_user_id == desk.actor_user_id
    assert envelope.schema_version == SCHEMA_VERSION
    assert time_before <= envelope.device_time < desk.clock.now  # type: ignore[attr-defined]
    assert len({e.mutation_id for e in pending}) == len(pending)
    # The arguments read back as the same mutation.
    assert parse_mutation(envelope.name, envelope.args).args() == envelope.args

    # Its before-copies: None for each created row, the old row for each changed one.
    copies = {(t, r): d for (s, t, r), d in befores(db).items() if s == seq}
    expected = {k: None for k in created} | {k: old for k, (old, _new) in changed.items()}
    assert copies == expected
    return Logged(result, seq, created, changed)


@pytest.fixture
def adult(people: PeopleService) -> str:
    return people.register_person(
        PersonFields(given_name="Niccolò", family_name="D'Angelo", phone="333 123 4567")
    )


def test_register_person(db: Database, desk: DeskContext, people: PeopleService) -> None:
    logged = run_logged(
        db,
        desk,
        "register_person",
        lambda: people.register_person(
            PersonFields(
                given_name=" Mario ",
                family_name="Rossi",
                codice_fiscale="rssmra85t10a562s",
                phone="333 123 4567",
                residence_comune="rho",
            )
        ),
    )
    assert list(logged.created) == [("person", logged.result)]
    assert logged.changed == {}
    row = logged.created[("person", logged.result)]
    assert row["given_name"] == "Mario"
    assert row["codice_fiscale"] == "RSSMRA85T10A562S"
    assert (row["phone"], row["phone_national"]) == ("+393331234567", "3331234567")
    assert row["residence_comune"] == "Rho"
    assert row["registered_site_id"] == desk.site_id
    assert (row["version"], row["deleted"], row["merged_into_id"]) == (0, False, None)


def test_register_a_minor_creates_the_guardian_link(
    db: Database, desk: DeskContext, people: PeopleService, adult: str
) -> None:
    logged = run_logged(
        db,
        desk,
        "register_person",
        lambda: people.register_person(
            PersonFields(given_name="Luca", birth_year=2015), guardian_id=adult
        ),
    )
    ((link_key, link),) = [(k, v) for k, v in logged.created.items() if k[0] == "household_link"]
    assert (link["person_id"], link["member_id"], link["relation"]) == (
        logged.result,
        adult,
        "guardian",
    )
    assert set(logged.created) == {("person", logged.result), link_key}


def test_register_person_with_consents_is_one_change(
    db: Database, desk: DeskContext, people: PeopleService, adult: str
) -> None:
    logged = run_logged(
        db,
        desk,
        "register_person",
        lambda: people.register_person(
            PersonFields(given_name="Luca", birth_year=2015),
            guardian_id=adult,
            consents=["registration", "contact"],
            notice_version=NOTICE,
        ),
    )
    tables = sorted(table for table, _id in logged.created)
    assert tables == ["consent", "consent", "household_link", "person"]
    consents = [row for (table, _id), row in logged.created.items() if table == "consent"]
    assert {c["purpose"] for c in consents} == {"registration", "contact"}
    assert {(c["person_id"], c["given_by_id"], c["notice_version"]) for c in consents} == {
        (logged.result, adult, NOTICE)
    }


def test_update_person(db: Database, desk: DeskContext, people: PeopleService, adult: str) -> None:
    logged = run_logged(
        db,
        desk,
        "update_person",
        lambda: people.update_person(adult, {"family_name": "D'Angeli", "phone": "02 1234 5678"}),
    )
    assert logged.created == {}
    ((key, (old, new)),) = logged.changed.items()
    assert key == ("person", adult)
    assert (old["family_name"], new["family_name"]) == ("D'Angelo", "D'Angeli")
    assert (old["phone_national"], new["phone_national"]) == ("3331234567", "0212345678")
    pending = desk.log.pending()[-1]
    assert pending.args["changes"] == {"family_name": "D'Angeli", "phone": "02 1234 5678"}
    assert pending.args["replaced"] == {"family_name": "D'Angelo", "phone": "+393331234567"}


def test_merge_and_unmerge_people(
    db: Database, desk: DeskContext, people: PeopleService, adult: str
) -> None:
    twin = people.register_person(PersonFields(given_name="Nicolo", family_name="Dangelo"))
    merged = run_logged(
        db, desk, "merge_people", lambda: people.merge_people(kept_id=adult, merged_id=twin)
    )
    ((key, (old, new)),) = merged.changed.items()
    assert key == ("person", twin)
    assert (old["merged_into_id"], new["merged_into_id"]) == (None, adult)

    unmerged = run_logged(db, desk, "unmerge_people", lambda: people.unmerge_people(twin))
    assert unmerged.changed == {("person", twin): (new, old)}


def test_check_in_and_undo(
    db: Database, desk: DeskContext, visits: VisitService, adult: str
) -> None:
    checked = run_logged(
        db, desk, "check_in", lambda: visits.check_in(adult, topics=["lavoro", "casa"], note=" ok ")
    )
    ((key, row),) = checked.created.items()
    assert key == ("visit", checked.result)
    assert (row["person_id"], row["site_id"], row["topics"], row["note"]) == (
        adult,
        desk.site_id,
        "casa,lavoro",
        "ok",
    )
    assert row["recorded_by_id"] == desk.actor_user_id

    undone = run_logged(db, desk, "undo_check_in", lambda: visits.undo_check_in(checked.result))
    ((key, (old, new)),) = undone.changed.items()
    assert key == ("visit", checked.result)
    assert (old["deleted"], new["deleted"]) == (False, True)
    assert old["undone_at"] is None and new["undone_at"] is not None


def test_record_and_withdraw_consent(
    db: Database, desk: DeskContext, people: PeopleService, adult: str
) -> None:
    recorded = run_logged(
        db,
        desk,
        "record_consent",
        lambda: people.record_consent(adult, "contact", notice_version=f" {NOTICE} "),
    )
    ((key, row),) = recorded.created.items()
    assert key == ("consent", recorded.result)
    assert (row["person_id"], row["purpose"], row["notice_version"]) == (adult, "contact", NOTICE)
    assert row["withdrawn_at"] is None

    withdrawn = run_logged(
        db, desk, "withdraw_consent", lambda: people.withdraw_consent(recorded.result)
    )
    ((key, (old, new)),) = withdrawn.changed.items()
    assert key == ("consent", recorded.result)
    assert old["withdrawn_at"] is None and new["withdrawn_at"] is not None


def test_link_household(db: Database, desk: DeskContext, people: PeopleService, adult: str) -> None:
    partner = people.register_person(PersonFields(given_name="Sara", family_name="Bianchi"))
    logged = run_logged(
        db, desk, "link_household", lambda: people.link_household(adult, partner, "partner")
    )
    ((key, row),) = logged.created.items()
    assert key == ("household_link", logged.result)
    assert (row["person_id"], row["member_id"], row["relation"]) == (adult, partner, "partner")


def test_create_site_and_user(db: Database, desk: DeskContext) -> None:
    site_id, user_id = new_id(), new_id()
    site = run_logged(
        db,
        desk,
        "create_site",
        lambda: desk.run(
            CreateSite(site_id=site_id, site_name=" opcafè Pero ", comune="PERO", address="Via X")
        ),
    )
    assert site.created == {
        ("site", site_id): {
            "id": site_id,
            "version": 0,
            "deleted": False,
            "name": "opcafè Pero",
            "comune": "Pero",
            "address": "Via X",
        }
    }
    user = run_logged(
        db,
        desk,
        "create_user",
        lambda: desk.run(
            CreateUser(
                user_id=user_id,
                username=" Marco ",
                display_name="Marco",
                role="staff",
                site_id=site_id,
            )
        ),
    )
    ((key, row),) = user.created.items()
    assert key == ("app_user", user_id)
    assert (row["username"], row["role"], row["site_id"], row["active"]) == (
        "marco",
        "staff",
        site_id,
        True,
    )


def test_the_tests_above_cover_every_mutation_of_the_foundation() -> None:
    foundation = {
        "register_person",
        "update_person",
        "merge_people",
        "unmerge_people",
        "check_in",
        "undo_check_in",
        "record_consent",
        "withdraw_consent",
        "link_household",
        "create_site",
        "create_user",
    }
    assert foundation <= set(REGISTRY)


def test_effect_and_envelope_are_one_transaction(
    db: Database, desk: DeskContext, people: PeopleService
) -> None:
    """When the queue cannot take the envelope, the effect is not kept either."""
    with db.write() as session:
        session.connection().exec_driver_sql(
            "CREATE TRIGGER refuse_queue BEFORE INSERT ON desk_pending_mutation "
            "BEGIN SELECT RAISE(ABORT, 'queue refused'); END"
        )
    before = dump_all(db)
    with pytest.raises(Exception, match="queue refused"):
        people.register_person(PersonFields(family_name="Rossi"))
    assert dump_all(db) == before


# --- refused mutations ------------------------------------------------------------


@dataclass
class World:
    db: Database
    desk: DeskContext
    people: PeopleService
    visits: VisitService
    adult: str
    visit: str
    consent: str


@pytest.fixture
def world(
    db: Database, desk: DeskContext, people: PeopleService, visits: VisitService, adult: str
) -> World:
    visit = visits.check_in(adult)
    consent = people.record_consent(adult, "registration", notice_version=NOTICE)
    return World(db, desk, people, visits, adult, visit, consent)


def _stale_update(w: World, _: Any) -> None:
    w.desk.run(
        UpdatePerson(
            person_id=w.adult,
            edited_at=w.desk.clock(),
            changes={"family_name": "Verdi"},
            replaced={"family_name": "Neri"},
        )
    )


def _twin(w: World) -> str:
    twin = w.people.register_person(PersonFields(family_name="Dangelo"))
    w.people.merge_people(kept_id=w.adult, merged_id=twin)
    return twin


def _stranger(w: World) -> str:
    return w.people.register_person(PersonFields(family_name="Estraneo"))


def _nothing(_w: World) -> None:
    return None


# Every name a field error may carry: a person's field or an argument of a mutation.
ARGUMENTS = set(EDITABLE_FIELDS).union(*(set(cls.model_fields) for cls in REGISTRY.values()))

Case = tuple[Callable[[World], Any], Callable[[World, Any], Any]]
# name: (steps that succeed, before the snapshot; the refused mutation)
REFUSED: dict[str, Case] = {
    "register-no-name": (
        _nothing,
        lambda w, _: w.people.register_person(PersonFields(given_name=" ")),
    ),
    "register-bad-cf": (
        _nothing,
        lambda w, _: w.people.register_person(
            PersonFields(family_name="Rossi", codice_fiscale="RSSMRA85T10A562T")
        ),
    ),
    "register-minor-alone": (
        _nothing,
        lambda w, _: w.people.register_person(PersonFields(family_name="Rossi", birth_year=2020)),
    ),
    "register-unknown-guardian": (
        _nothing,
        lambda w, _: w.people.register_person(
            PersonFields(family_name="Rossi", birth_year=2020), guardian_id=new_id()
        ),
    ),
    "register-same-id": (
        _nothing,
        lambda w, _: w.desk.run(
            RegisterPerson(
                person_id=w.adult,
                registered_at=w.desk.clock(),
                site_id=w.desk.site_id,
                fields=PersonFields(family_name="Copia"),
            )
        ),
    ),
    "update-invalid-phone": (
        _nothing,
        lambda w, _: w.people.update_person(w.adult, {"phone": "12"}),
    ),
    "update-stale": (_nothing, _stale_update),
    "update-unknown-field": (
        _nothing,
        lambda w, _: w.people.update_person(w.adult, {"shoe_size": 42}),
    ),
    "update-missing-person": (
        _nothing,
        lambda w, _: w.desk.run(
            UpdatePerson(
                person_id=new_id(),
                edited_at=w.desk.clock(),
                changes={"family_name": "X"},
                replaced={"family_name": None},
            )
        ),
    ),
    "merge-into-oneself": (
        _nothing,
        lambda w, _: w.people.merge_people(kept_id=w.adult, merged_id=w.adult),
    ),
    "merge-twice": (_twin, lambda w, twin: w.people.merge_people(kept_id=w.adult, merged_id=twin)),
    "merge-back": (_twin, lambda w, twin: w.people.merge_people(kept_id=twin, merged_id=w.adult)),
    "unmerge-not-merged": (_nothing, lambda w, _: w.people.unmerge_people(w.adult)),
    "check-in-unknown-topic": (
        _nothing,
        lambda w, _: w.visits.check_in(w.adult, topics=["casa", "svago"]),
    ),
    "check-in-note-too-long": (_nothing, lambda w, _: w.visits.check_in(None, note="x" * 4001)),
    "check-in-unknown-person": (_nothing, lambda w, _: w.visits.check_in(new_id())),
    "check-in-unknown-site": (_nothing, lambda w, _: w.visits.check_in(None, site_id=new_id())),
    "undo-twice": (
        lambda w: w.visits.undo_check_in(w.visit),
        lambda w, _: w.visits.undo_check_in(w.visit),
    ),
    "undo-unknown-visit": (_nothing, lambda w, _: w.visits.undo_check_in(new_id())),
    "consent-no-notice": (
        _nothing,
        lambda w, _: w.people.record_consent(w.adult, "contact", notice_version=" "),
    ),
    "consent-by-stranger": (
        _stranger,
        lambda w, other: w.people.record_consent(
            w.adult, "contact", notice_version=NOTICE, given_by_id=other
        ),
    ),
    "withdraw-twice": (
        lambda w: w.people.withdraw_consent(w.consent),
        lambda w, _: w.people.withdraw_consent(w.consent),
    ),
    "link-oneself": (_nothing, lambda w, _: w.people.link_household(w.adult, w.adult, "other")),
    "link-unknown": (_nothing, lambda w, _: w.people.link_household(w.adult, new_id(), "other")),
    "site-no-name": (
        _nothing,
        lambda w, _: w.desk.run(CreateSite(site_id=new_id(), site_name=" ", comune="Rho")),
    ),
    "site-same-id": (
        _nothing,
        lambda w, _: w.desk.run(
            CreateSite(site_id=w.desk.site_id or "", site_name="Copia", comune="Rho")
        ),
    ),
    "user-taken": (
        _nothing,
        lambda w, _: w.desk.run(
            CreateUser(user_id=new_id(), username=" GIULIA", display_name="G", role="volunteer")
        ),
    ),
    "user-unknown-site": (
        _nothing,
        lambda w, _: w.desk.run(
            CreateUser(
                user_id=new_id(), username="nuovo", display_name="N", role="staff", site_id=new_id()
            )
        ),
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_refused_mutation_changes_nothing(world: World, case: str) -> None:
    prepare, refuse = REFUSED[case]
    prepared = prepare(world)
    before = dump_all(world.db)
    seq = next_seq(world.db)

    with pytest.raises(DomainError) as raised:
        refuse(world, prepared)
    assert raised.value.text().strip().isascii()
    if isinstance(raised.value, ValidationFailed):
        for error in raised.value.errors:
            assert error.field in ARGUMENTS, error
            assert error.text().strip().isascii()

    assert dump_all(world.db) == before
    # The next mutation takes the seq the refused one would have had.
    world.visits.check_in(None)
    assert world.desk.log.pending()[-1].seq == seq


def test_refusals_are_typed(world: World) -> None:
    with pytest.raises(EditConflict) as conflict:
        _stale_update(world, None)
    assert conflict.value.fields == ["family_name"]
    with pytest.raises(InvalidMutation):
        world.people.update_person(world.adult, {"shoe_size": 42})
    with pytest.raises(NotFound):
        world.visits.check_in(new_id())


def test_invisible_control_characters_are_dropped_from_any_text() -> None:
    """A NUL byte pasted into a name would be refused by PostgreSQL at HQ, blocking the
    desk's queue: it never gets into a mutation."""
    mutation = parse_mutation(
        "register_person",
        {
            "person_id": new_id(),
            "registered_at": "2026-11-25T09:00:00+00:00",
            "site_id": None,
            "fields": {"given_name": "Ma\x00rio\x07", "family_name": "Rossi\tBianchi"},
        },
    )
    assert isinstance(mutation, RegisterPerson)
    assert mutation.fields.given_name == "Mario"
    assert mutation.fields.family_name == "Rossi\tBianchi"
    built = RegisterPerson(
        person_id=new_id(),
        registered_at=datetime(2026, 11, 25, 9, tzinfo=UTC),
        site_id=None,
        fields=PersonFields(given_name="Lu\x00ca"),
    )
    assert built.fields.given_name == "Luca"
