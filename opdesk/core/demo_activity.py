"""What happens at the desks in the demo data: sites, users, visits and consents.

Times fall in the opening hours of the opcafè (Monday to Friday, Europe/Rome); ids are
UUIDv7-shaped, made from the row's own time and the seeded generator.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from opdesk.core.clock import ROME
from opdesk.core.demo_names import IT_FEMALE, IT_MALE, IT_SURNAMES
from opdesk.core.mutations.visits import TOPICS, encode_topics
from opdesk.core.rules.comuni import RHODENSE
from opdesk.storage.text import fold

TOPIC_WEIGHTS = (30, 30, 20, 10, 10)
NOTES = (
    "Chiede informazioni sul bando affitti.",
    "Accompagnata dalla figlia.",
    "Rinnovo del permesso di soggiorno: indirizzata al patronato.",
    "Cerca lavoro come badante, porta il curriculum la prossima volta.",
    "Bolletta della luce arretrata, fissato appuntamento.",
    "Iscrizione al corso di italiano.",
    "Domanda per l'assegno unico.",
    "Torna giovedì con i documenti.",
    "Sportello lavoro: CV aggiornato.",
    "Richiesta pacco alimentare.",
    "Informazioni sulla mensa scolastica.",
    "Prima volta all'opcafè, conosciuto tramite la parrocchia.",
)
SITE_ADDRESSES = (
    "Via Col di Lana 5",
    "Via Roma 2",
    "Piazza Libertà 1",
    "Via Mazzini 20",
    "Via Ponti 8",
    "Piazza XXV Aprile 3",
    "Via Matteotti 12",
    "Via Grandi 4",
    "Piazza Aldo Moro 6",
)
# How people come back (see person_visits): the share of those registered before the
# window who come in it, the mean days between the visits about one problem, and the
# chance of coming back later with a new one. At 100,000 people (a stress size) the
# busiest opcafè (Rho) then sees about 110 visits a working day, 1,600 people a month.
RETURNING, EPISODE_DAYS, NEW_PROBLEM = 0.3, 12, 0.25
OPEN_MINUTES = [m for m in range(9 * 60, 18 * 60) if not 13 * 60 <= m < 14 * 60 + 30]


def make_id(rng: random.Random, moment: datetime) -> str:
    """A UUIDv7-shaped id: the moment's milliseconds, then seeded random bits."""
    ms = int(moment.timestamp() * 1000) & ((1 << 48) - 1)
    value = (ms << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64)
    value |= (0b10 << 62) | rng.getrandbits(62)
    return str(uuid.UUID(int=value))


class Timeline:
    """Working days and opening hours, turned into UTC moments."""

    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self._offsets: dict[date, timedelta] = {}

    def day_between(self, start: date, end: date) -> date:
        """A random Monday-to-Friday day in [start, end] (start itself if none)."""
        span = (end - start).days
        for _ in range(6):
            day = start + timedelta(days=self.rng.randint(0, max(span, 0)))
            if day.weekday() < 5:
                return day
        return start

    @staticmethod
    def working_day(day: date) -> date:
        """``day``, or the Monday after it when it falls on a weekend."""
        return day + timedelta(days=max(0, 7 - day.weekday()) if day.weekday() >= 5 else 0)

    def moment(self, day: date, minute: int | None = None) -> datetime:
        """A time in opening hours on ``day`` (Rome), in UTC."""
        offset = self._offsets.get(day)
        if offset is None:
            offset = datetime(day.year, day.month, day.day, 12, tzinfo=ROME).utcoffset()
            assert offset is not None
            self._offsets[day] = offset
        if minute is None:
            minute = self.rng.choice(OPEN_MINUTES)
        seconds = minute * 60 + self.rng.randrange(60)
        local = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(seconds=seconds)
        return local - offset


@dataclass
class Rows:
    """Everything the demo writes besides sites and users, and a few counts."""

    people: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    consents: list[dict[str, Any]] = field(default_factory=list)
    visits: list[dict[str, Any]] = field(default_factory=list)
    minors: int = 0
    merged: int = 0
    anonymous: int = 0


@dataclass
class Staff:
    """The sites and their users, with who can record what where."""

    sites: list[dict[str, Any]]
    users: list[dict[str, Any]]
    by_site: dict[str, list[str]]  # site id -> ids of its volunteers and staff
    site_by_comune: dict[str, str]


def make_staff(rng: random.Random, since: datetime, existing: dict[str, str]) -> Staff:
    """Users for every site; sites only for the comuni without one (``existing``: comune to
    the id of its site, as the migrations or HQ made it)."""
    sites: list[dict[str, Any]] = []
    users: list[dict[str, Any]] = []
    by_site: dict[str, list[str]] = {}
    taken: set[str] = set()

    def user(role: str, site_id: str | None) -> dict[str, Any]:
        female = rng.random() < 0.6
        given = rng.choice(IT_FEMALE[:60] if female else IT_MALE[:60])
        family = rng.choice(IT_SURNAMES[:120])
        base = ".".join(fold(n).replace(" ", "") for n in (given, family))
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}{n}"
        taken.add(name)
        row = {"id": make_id(rng, since), "version": 1, "deleted": False, "username": name}
        row |= {"display_name": f"{given} {family}", "role": role, "site_id": site_id}
        return row | {"active": rng.random() > 0.05}

    for comune, address in zip(RHODENSE, SITE_ADDRESSES, strict=True):
        site_id = existing.get(comune) or make_id(rng, since)
        if comune not in existing:
            sites.append(
                {
                    "id": site_id,
                    "version": 1,
                    "deleted": False,
                    "name": f"opcafè {comune}",
                    "comune": comune,
                    "address": address,
                }
            )
        staff = [user("staff", site_id)] + [
            user("volunteer", site_id) for _ in range(rng.randint(3, 5))
        ]
        users.extend(staff)
        by_site[site_id] = [u["id"] for u in staff]
    users.append(user("hq_admin", None))
    users.append(user("staff", None))
    return Staff(sites, users, by_site, {**existing, **{s["comune"]: s["id"] for s in sites}})


def topics(rng: random.Random) -> str:
    if rng.random() < 0.03:
        return ""
    chosen = set(rng.choices(TOPICS, weights=TOPIC_WEIGHTS, k=1 + (rng.random() < 0.3)))
    return encode_topics(sorted(chosen))


def visit_row(
    rng: random.Random, person_id: str | None, site_id: str, at: datetime, staff: Staff
) -> dict[str, Any]:
    return {
        "id": make_id(rng, at),
        "version": 1,
        "deleted": False,
        "person_id": person_id,
        "site_id": site_id,
        "visited_at": at,
        "topics": topics(rng),
        "note": rng.choice(NOTES) if rng.random() < 0.1 else None,
        "recorded_by_id": rng.choice(staff.by_site[site_id]),
    }


def person_visits(
    time: Timeline,
    staff: Staff,
    person: dict[str, Any],
    home_site: str,
    window: tuple[date, date],
    follow_ups: float,
) -> list[dict[str, Any]]:
    """A person's visits: people come with a problem, return a few times over the next
    weeks (about ``follow_ups`` more visits), then stop; some come back months later with
    a new one. Mostly at their home site; some also visit one or two other sites. The first
    visit is at registration when that falls in the window."""
    rng = time.rng
    start, end = window
    at: datetime = person["registered_at"]
    others = [s for s in staff.by_site if s != home_site]
    sites = [home_site, *rng.sample(others, (rng.random() < 0.15) + (rng.random() < 0.03))]
    moments: list[tuple[str, datetime]] = []
    day = at.date()
    if day >= start:
        moments.append((home_site, at + timedelta(minutes=2)))
    elif rng.random() < RETURNING:
        day = time.day_between(start, end)
        moments.append((home_site, time.moment(day)))
    else:
        return []
    while True:
        for _ in range(min(int(rng.expovariate(1 / follow_ups)), 12)):
            gap = timedelta(days=1 + int(rng.expovariate(1 / EPISODE_DAYS)))
            later = time.working_day(day + gap)
            if later > end:
                break
            site = home_site if len(sites) == 1 or rng.random() < 0.75 else rng.choice(sites[1:])
            moments.append((site, time.moment(later)))
        if rng.random() >= NEW_PROBLEM or day + timedelta(days=60) > end:
            break
        day = time.day_between(day + timedelta(days=60), end)
        moments.append((home_site, time.moment(day)))
    return [visit_row(rng, person["id"], site, moment, staff) for site, moment in moments]


def anonymous_visits(
    time: Timeline, staff: Staff, count: int, window: tuple[date, date]
) -> list[dict[str, Any]]:
    site_ids = list(staff.by_site)
    return [
        visit_row(
            time.rng, None, time.rng.choice(site_ids), time.moment(time.day_between(*window)), staff
        )
        for _ in range(count)
    ]


def link_row(
    rng: random.Random, person_id: str, member_id: str, relation: str, at: datetime
) -> dict[str, Any]:
    """``member`` is ``relation`` of ``person``."""
    return {
        "id": make_id(rng, at),
        "version": 1,
        "deleted": False,
        "person_id": person_id,
        "member_id": member_id,
        "relation": relation,
        "created_at": at,
    }


def consent_rows(
    rng: random.Random,
    person: dict[str, Any],
    *,
    given_by: str | None,
    recorded_by: str,
    today: date,
) -> list[dict[str, Any]]:
    """The consents a person gave at registration (by their guardian for a minor)."""
    at: datetime = person["registered_at"]
    wanted = [("registration", 0.93), ("network_index", 0.7), ("referral_sharing", 0.25)]
    if person["phone"]:
        wanted.append(("contact", 0.75))
    rows = []
    for purpose, rate in wanted:
        if rng.random() >= rate:
            continue
        withdrawn = None
        if purpose != "registration" and rng.random() < 0.03:
            days = max((today - at.date()).days - 1, 0)
            withdrawn = at + timedelta(days=rng.randint(0, days), hours=1)
        rows.append(
            {
                "id": make_id(rng, at),
                "version": 1,
                "deleted": False,
                "person_id": person["id"],
                "purpose": purpose,
                "given_at": at,
                "notice_version": f"{at.year}-1",
                "given_by_id": given_by,
                "recorded_by_id": recorded_by,
                "withdrawn_at": withdrawn,
            }
        )
    return rows
