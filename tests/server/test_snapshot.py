"""A new desk's first download as HQ's snapshot of its scope (``opdesk.server.snapshot``).

It must give the desk exactly what a walk through every version gives (the way older
desks and every later pull go), miss nothing that changes while it runs, and resume
where it stopped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select, text

from opdesk.core.rules.person import PersonFields
from opdesk.core.rules.sites import site_id_for
from opdesk.server.local import InProcessHQ
from opdesk.server.pull import pull_changes
from opdesk.server.scopes import Scope
from opdesk.storage.engine import Database
from opdesk.storage.models import SYNCED_MODELS, Consent, DeskState, table_of
from opdesk.sync.divergence import check_divergence
from opdesk.sync.engine import PullReply, sync_once
from opdesk.sync.http import SyncError
from tests.server.conftest import TestDesk

MakeDesk = Callable[..., TestDesk]
NOTICE = "2026-01"
RHO = Scope.of_site(site_id_for("Rho"))


@pytest.fixture
def hq_db(hq_on_both: Database) -> Database:
    """The snapshot's queries are each database's own plans (joins, anti-joins)."""
    return hq_on_both


class Pages(InProcessHQ):
    """HQ in small pages; ``by_version``: a desk that does not ask for a snapshot (as
    older desks); ``between``: called after each page the desk was given."""

    def __init__(
        self,
        hq_db: Database,
        *,
        by_version: bool = False,
        between: Callable[[int], None] | None = None,
        fail_after: int | None = None,
    ) -> None:
        super().__init__(hq_db, page=3, scope=RHO)
        self.by_version, self.between, self.fail_after = by_version, between, fail_after
        self.tokens: list[str | None] = []

    def pull(
        self, client_id: str, cursor: int, *, count: bool = False, snapshot: str | None = None
    ) -> PullReply:
        if self.fail_after is not None and len(self.tokens) >= self.fail_after:
            raise SyncError("ReadTimeout")
        reply = super().pull(
            client_id, cursor, count=count, snapshot=None if self.by_version else snapshot
        )
        self.tokens.append(reply.snapshot)
        if self.between is not None:
            self.between(len(self.tokens))
        return reply


def contents(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced row of a desk, table by table, in order of id."""
    with db.read() as session:
        return {
            model.__tablename__: [
                tuple(row)
                for row in session.execute(select(table_of(model)).order_by(table_of(model).c.id))
            ]
            for model in SYNCED_MODELS
        }


def sound(desk: TestDesk, hq: InProcessHQ) -> bool:
    """References hold and the divergence check finds the desk equal to its scope."""
    with desk.db.read() as session:
        if session.execute(text("PRAGMA foreign_key_check")).first() is not None:
            return False
    result = check_divergence(desk.db, hq)
    return result.conclusive and not result.diverged


def a_network(make_desk: MakeDesk, hq_db: Database) -> dict[str, str]:
    """HQ with every way of being in Rho's scope: registered there, come there from
    Lainate, in the network index, named by a member's record, merged away."""
    rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
    people = {
        "lainate_indexed": lainate.people.register_person(
            PersonFields(given_name="Ioana", family_name="Pop", birth_date=date(1990, 3, 1)),
            consents=["registration", "network_index"],
            notice_version=NOTICE,
        ),
        "lainate_private": lainate.people.register_person(
            PersonFields(given_name="Karim", family_name="Said"),
            consents=["registration"],
            notice_version=NOTICE,
        ),
        "guardian": lainate.people.register_person(
            PersonFields(given_name="Sara", family_name="Neri", birth_date=date(1980, 1, 2))
        ),
        "came_to_rho": lainate.people.register_person(
            PersonFields(given_name="Luca", family_name="Bassi"),
            consents=["registration"],
            notice_version=NOTICE,
        ),
    }
    lainate.sync()
    for i in range(5):
        people[f"rho_{i}"] = rho.people.register_person(
            PersonFields(given_name=f"Amina{i}", family_name="Ouali", birth_date=date(1984, 5, 2)),
            consents=["registration", "network_index"] if i % 2 else ["registration"],
            notice_version=NOTICE,
        )
    rho.sync()  # Rho sees the index and the people it names
    people["child"] = rho.people.register_person(
        PersonFields(given_name="Yasmine", family_name="Ouali", birth_date=date(2015, 1, 9)),
        guardian_id=people["guardian"],
        consents=["registration"],
        notice_version=NOTICE,
    )
    rho.visits.check_in(people["came_to_rho"], topics=["casa"])
    rho.visits.check_in(people["rho_0"], topics=["lavoro"])
    rho.visits.check_in(None, topics=["famiglia"])
    rho.people.merge_people(kept_id=people["rho_1"], merged_id=people["rho_2"])
    rho.people.update_person(people["rho_3"], {"residence_address": "Via Madonna 1"})
    rho.sync()
    return people


def test_a_snapshot_gives_a_new_desk_what_the_walk_through_versions_gives(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    a_network(make_desk, hq_db)
    new, old = make_desk(hq_db, "Rho", scoped=True), make_desk(hq_db, "Rho", scoped=True)
    snapshot, by_version = Pages(hq_db), Pages(hq_db, by_version=True)
    pulled = sync_once(new.db, snapshot).pulled
    sync_once(old.db, by_version)
    assert snapshot.tokens[0] is not None and snapshot.tokens[-1] is None  # a snapshot ran
    assert set(by_version.tokens) == {None}
    assert contents(new.db) == contents(old.db)
    assert sound(new, snapshot)
    # Each row came once (a person with two index consents is one row), pages full
    # but the last: no round trip for nothing.
    assert pulled == sum(len(rows) for rows in contents(new.db).values()) - 9  # the sites
    assert len(snapshot.tokens) == -(-pulled // 3)


def test_what_changes_while_a_snapshot_runs_comes_after_it(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    people = a_network(make_desk, hq_db)
    rho, lainate = make_desk(hq_db, "Rho"), make_desk(hq_db, "Lainate")
    rho.sync()
    lainate.sync()
    changed: list[str] = []

    def meanwhile(pages: int) -> None:
        if pages != 2:
            return
        # Rows sent already and rows still to come change; someone enters the scope;
        # someone leaves the network index; a new registration.
        rho.people.update_person(people["rho_0"], {"phone": "333 7654321"})
        rho.people.update_person(people["child"], {"residence_address": "Via Po 3"})
        rho.visits.check_in(people["lainate_private"], topics=["risparmio"])
        with lainate.db.read() as session:
            index = session.scalar(
                select(Consent.id).where(
                    Consent.person_id == people["lainate_indexed"],
                    Consent.purpose == "network_index",
                )
            )
        assert index is not None
        lainate.people.withdraw_consent(index)
        changed.append(rho.people.register_person(PersonFields(given_name="Nuova")))
        rho.sync()
        lainate.sync()

    new, fresh = make_desk(hq_db, "Rho", scoped=True), make_desk(hq_db, "Rho", scoped=True)
    during = Pages(hq_db, between=meanwhile)
    sync_once(new.db, during)
    assert changed and during.tokens[-1] is None
    sync_once(fresh.db, Pages(hq_db))  # all of it after the changes
    assert contents(new.db) == contents(fresh.db)
    assert sound(new, during)


def test_an_interrupted_snapshot_resumes_where_it_stopped(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    a_network(make_desk, hq_db)
    new, whole = make_desk(hq_db, "Rho", scoped=True), make_desk(hq_db, "Rho", scoped=True)
    total = sync_once(whole.db, Pages(hq_db)).pulled
    with pytest.raises(SyncError):
        sync_once(new.db, Pages(hq_db, fail_after=3))
    with new.db.read() as session:
        state = session.get(DeskState, 1)
        assert state is not None and state.server_cursor == 0
        assert state.snapshot_token is not None  # where the next page starts
    resumed = Pages(hq_db)
    rest = sync_once(new.db, resumed).pulled
    assert rest == total - 9  # the three pages of three rows are not sent again
    assert contents(new.db) == contents(whole.db)
    assert sound(new, resumed)


def test_a_token_of_a_version_hq_does_not_have_starts_the_snapshot_again(
    hq_db: Database, make_desk: MakeDesk
) -> None:
    """After HQ is restored from a backup (the desk is told by the epoch too)."""
    a_network(make_desk, hq_db)
    start = pull_changes(hq_db, client_id="x", cursor=0, limit=5, scope=RHO, snapshot="start")
    later = pull_changes(
        hq_db, client_id="x", cursor=0, limit=5, scope=RHO, snapshot="99999999.3.zzz"
    )
    assert start.rows == later.rows and start.snapshot == later.snapshot
    assert start.cursor == 0 and start.more
    # A snapshot asked beyond cursor 0 is not one: changes come by version.
    assert (
        pull_changes(hq_db, client_id="x", cursor=1, scope=RHO, snapshot="start").snapshot is None
    )
