"""Demo data: a believable network of nine opcafè, their users, people and six years of visits.

``generate_demo`` fills a freshly migrated database as if it had just synced from HQ: every
row has ``version=1`` and is written in bulk with SQLAlchemy Core, bypassing the mutation
log on purpose. Demo data stands for what HQ already holds, not for edits made at this desk,
so nothing is queued for sync. The rows still satisfy the rules the mutations enforce
(names, codice fiscale, phones, guardians of minors and their consents). The derived search
tables are then rebuilt, and the desk is given its identity at ``desk_site_comune``.

Deterministic for a seed and ``today``. Logs carry counts only, never personal data.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, select

from opdesk.core import demo_activity as act
from opdesk.core.clock import ROME
from opdesk.core.demo_activity import Rows, Staff, Timeline
from opdesk.core.demo_people import (
    Household,
    PeopleMaker,
    adult_birth,
    child_birth,
    registered_again,
)
from opdesk.core.mutations.log import desk_state, ensure_desk_state
from opdesk.core.rules.comuni import RHODENSE, canonical_comune
from opdesk.core.rules.person import is_minor
from opdesk.storage.engine import Database
from opdesk.storage.models import Consent, HouseholdLink, Person, Site, User, Visit, table_of
from opdesk.storage.search_index import rebuild_all

log = logging.getLogger(__name__)

DEMO_VERSION = 2  # bump when the same seed makes different data (bench caches use it)
HISTORY_DAYS = 6 * 365  # people registered up to six years ago, evenly
WINDOW_DAYS = HISTORY_DAYS  # their visits
CHUNK = 5000


@dataclass(frozen=True)
class DemoSummary:
    sites: int
    users: int
    people: int
    minors: int
    merged: int
    household_links: int
    consents: int
    visits: int
    anonymous_visits: int


class DemoBuilder:
    def __init__(self, rng: random.Random, today: date, sites: dict[str, str]) -> None:
        self.rng = rng
        self.today = today
        self.last_day = today - timedelta(days=1)
        self.window_start = today - timedelta(days=WINDOW_DAYS)
        self.time = Timeline(rng, today)
        self.maker = PeopleMaker(rng)
        since = self.time.moment(today - timedelta(days=HISTORY_DAYS))
        self.staff: Staff = act.make_staff(rng, since, sites)
        self.site_ids = list(self.staff.site_by_comune.values())
        self.rows = Rows()

    def build(self, people: int) -> Rows:
        while len(self.rows.people) < people:
            self.household(people - len(self.rows.people))
        self.merged_duplicates()
        self.anonymous_visits()
        return self.rows

    # --- households ------------------------------------------------------------------

    def household(self, room: int) -> None:
        rng = self.rng
        home = self.maker.household()
        site = self.home_site(home)
        start = self.time.day_between(self.today - timedelta(days=HISTORY_DAYS), self.last_day)
        base = self.time.moment(start)
        roll = rng.random()
        couple = 0.62 <= roll < 0.86 or roll >= 0.92
        kids = 0 if roll < 0.86 else 1 + (rng.random() < 0.45) + (rng.random() < 0.15)
        first_sex = rng.choice("FM") if rng.random() > 0.003 else "X"
        first = self.adult(home, first_sex, base, site)
        adults = [first]
        if couple and room > 1:
            partner_home = replace(home, family_name=self.surname(home))
            sex = {"F": "M", "M": "F"}.get(first_sex, "F")
            partner = self.adult(partner_home, sex, self.later(base), site)
            adults.append(partner)
            if rng.random() < 0.7:
                self.link(partner["id"], first["id"], "partner", partner["registered_at"])
        father = next((a for a in adults if a["sex"] == "M"), None)
        if father is not None and father["family_name"]:
            home.family_name = father["family_name"]
        for _ in range(min(kids, room - len(adults))):
            self.child(home, adults, base, site)

    def surname(self, home: Household) -> str:
        partner = self.maker.household()
        while partner.source is not home.source:
            partner = self.maker.household()
        return partner.family_name

    def home_site(self, home: Household) -> str:
        comune = canonical_comune(home.residence_comune or home.domicile_comune)
        site = self.staff.site_by_comune.get(comune or "")
        return site if site and self.rng.random() < 0.9 else self.rng.choice(self.site_ids)

    def later(self, base: datetime) -> datetime:
        if self.rng.random() < 0.6 or base.date() >= self.last_day:
            return base + timedelta(minutes=self.rng.randint(3, 20))
        day = self.time.day_between(base.date() + timedelta(days=1), self.last_day)
        return max(base + timedelta(minutes=5), self.time.moment(day))

    def adult(self, home: Household, sex: str, at: datetime, site: str) -> dict[str, Any]:
        born = adult_birth(self.rng, at.astimezone(ROME).date())
        return self.add_person(home, sex, born, at, site, guardian=None)

    def child(
        self, home: Household, adults: list[dict[str, Any]], base: datetime, site: str
    ) -> None:
        rng = self.rng
        at = self.later(base)
        on = at.astimezone(ROME).date()
        born = child_birth(rng, on)
        mothers = [a for a in adults if a["sex"] == "F"]
        guardian = mothers[0] if mothers and rng.random() < 0.6 else adults[0]
        guardian = guardian if guardian["registered_at"] <= at else adults[0]
        here = rng.random() < (0.9 if born.year >= 2005 else 0.4)
        kid = self.add_person(home, rng.choice("FM"), born, at, site, guardian=guardian, here=here)
        for other in adults:
            if other is not guardian and rng.random() < 0.5:
                self.link(kid["id"], other["id"], "parent", max(at, other["registered_at"]))

    def add_person(
        self,
        home: Household,
        sex: str,
        born: date,
        at: datetime,
        site: str,
        *,
        guardian: dict[str, Any] | None,
        here: bool = False,
    ) -> dict[str, Any]:
        rng = self.rng
        row = self.maker.person(
            home,
            person_id=act.make_id(rng, at),
            sex=sex,
            born=born,
            registered_at=at,
            site_id=site,
            child=guardian is not None,
            born_here=here,
        )
        self.rows.people.append(row)
        on = at.astimezone(ROME).date()
        minor = is_minor(row["birth_date"], row["birth_year"], on=on)
        given_by = None
        if guardian is not None:
            self.link(row["id"], guardian["id"], "guardian", at)
            given_by = guardian["id"] if minor else None
            self.rows.minors += is_minor(row["birth_date"], row["birth_year"], on=self.today)
        recorder = rng.choice(self.staff.by_site[site])
        self.rows.consents.extend(
            act.consent_rows(rng, row, given_by=given_by, recorded_by=recorder, today=self.today)
        )
        self.visits(row, site, minor)
        return row

    def link(self, person_id: str, member_id: str, relation: str, at: datetime) -> None:
        self.rows.links.append(act.link_row(self.rng, person_id, member_id, relation, at))

    # --- visits ----------------------------------------------------------------------

    def visits(self, person: dict[str, Any], home_site: str, minor: bool) -> None:
        window = (self.window_start, self.last_day)
        self.rows.visits += act.person_visits(
            self.time, self.staff, person, home_site, window, 0.8 if minor else 1.5
        )

    def anonymous_visits(self) -> None:
        """About one visit in fourteen is recorded without a name."""
        window = (self.window_start, self.last_day)
        anonymous = act.anonymous_visits(self.time, self.staff, len(self.rows.visits) // 13, window)
        self.rows.visits += anonymous
        self.rows.anonymous = len(anonymous)

    def merged_duplicates(self) -> None:
        """A few people registered twice (offline, at two desks) and merged at HQ since."""
        rng = self.rng
        year = self.today.year
        adults = [
            p
            for p in self.rows.people
            if p["given_name"] and p["family_name"] and year - (p["birth_year"] or 0) > 25
        ]
        count = max(len(adults) * 3 // 1000, 1 if len(adults) >= 50 else 0)
        for original in rng.sample(adults, count):
            site = rng.choice(self.site_ids)
            at = self.later(original["registered_at"])
            dup = registered_again(rng, original, act.make_id(rng, at), at, site)
            self.rows.people.append(dup)
            self.rows.visits.append(act.visit_row(rng, dup["id"], site, at, self.staff))
        self.rows.merged = count


def _network_sites(conn: Connection) -> dict[str, str]:
    """The site already there for each of the nine comuni (the oldest id if several)."""
    found: dict[str, str] = {}
    rows = conn.execute(
        select(Site.comune, Site.id).where(Site.deleted.is_(False)).order_by(Site.id)
    )
    for comune, site_id in rows:
        name = canonical_comune(comune)
        if name in RHODENSE and name not in found:
            found[name] = site_id
    return found


def _insert(conn: Connection, model: type[Any], rows: list[dict[str, Any]]) -> None:
    table = table_of(model)
    rows.sort(key=lambda r: r["id"])
    for start in range(0, len(rows), CHUNK):
        conn.execute(table.insert(), rows[start : start + CHUNK])


def generate_demo(
    db: Database,
    *,
    people: int,
    seed: int = 1,
    today: date | None = None,
    desk_site_comune: str = "Rho",
) -> DemoSummary:
    """Fill an empty, migrated database with demo data (see the module docstring)."""
    started = time.perf_counter()
    with db.read() as session:
        if session.scalar(select(func.count()).select_from(Person)):
            raise ValueError("demo data goes into an empty database only")
        sites = _network_sites(session.connection())
    today = today or datetime.now(UTC).astimezone(ROME).date()
    builder = DemoBuilder(random.Random(seed), today, sites)
    rows = builder.build(people)
    staff = builder.staff
    desk_site = staff.site_by_comune.get(canonical_comune(desk_site_comune) or "")
    if desk_site is None:
        raise ValueError("desk_site_comune must be one of the nine comuni of the Rhodense")
    log.info("demo rows built in %.1f s", time.perf_counter() - started)
    with db.write() as session:
        conn = session.connection()
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        for model, batch in (
            (Site, staff.sites),
            (User, staff.users),
            (Person, rows.people),
            (HouseholdLink, rows.links),
            (Consent, rows.consents),
            (Visit, rows.visits),
        ):
            _insert(conn, model, batch)
        log.info("demo rows written in %.1f s", time.perf_counter() - started)
        rebuild_all(conn)
    ensure_desk_state(db)
    with db.write() as session:
        desk_state(session).site_id = desk_site
    summary = DemoSummary(
        sites=len(staff.site_by_comune),
        users=len(staff.users),
        people=len(rows.people) - rows.merged,
        minors=rows.minors,
        merged=rows.merged,
        household_links=len(rows.links),
        consents=len(rows.consents),
        visits=len(rows.visits),
        anonymous_visits=rows.anonymous,
    )
    log.info("demo data ready in %.1f s: %s", time.perf_counter() - started, summary)
    return summary
