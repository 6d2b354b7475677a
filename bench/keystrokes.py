"""Keystrokes to check in a returning visitor: for people who visited this site in the
last 30 days, the fewest keys (letters and spaces typed, plus arrow presses to reach
them) after which Enter picks the right person. The name is typed surname first, given
name first, or as the start of both ("ros ma").

    .venv/bin/python bench/keystrokes.py [--people 100000] [--sample 20]
"""

from __future__ import annotations

import logging
import random
import statistics
from datetime import timedelta

from common import demo_path, emit, open_demo, parse_args
from sqlalchemy import select

from opdesk.core.clock import utc_now
from opdesk.core.services.search import search_people
from opdesk.storage.engine import Database
from opdesk.storage.models import Person, PersonSiteSeen
from opdesk.storage.text import fold

log = logging.getLogger("bench.keystrokes")
RESULTS_SHOWN = 12  # the rows the check-in list shows without scrolling


def recent_visitors(db: Database, site_id: str, count: int, seed: int) -> list[Person]:
    since = utc_now() - timedelta(days=30)
    with db.read() as session:
        people = session.scalars(
            select(Person)
            .join(PersonSiteSeen, PersonSiteSeen.person_id == Person.id)
            .where(
                PersonSiteSeen.site_id == site_id,
                PersonSiteSeen.last_seen_at >= since,
                Person.merged_into_id.is_(None),
            )
            .order_by(Person.id)
        ).all()
    log.info("%d people visited this site in the last 30 days", len(people))
    return random.Random(seed).sample(list(people), min(count, len(people)))


def attempts(family: str, given: str) -> list[str]:
    """What a volunteer types, letter by letter: the full name either way round, or the
    start of the surname, a space and the start of the given name ("ros ma")."""
    typed = [f"{family} {given}".strip(), f"{given} {family}".strip()]
    if family and given:
        typed += [
            f"{family[:k]} {given[:j]}" for k in range(1, 5) for j in range(1, 4) if k < len(family)
        ]
    return typed


def fewest_keys(db: Database, site_id: str, person: Person) -> int:
    family, given = fold(person.family_name or ""), fold(person.given_name or "")
    best = 10**6
    seen: set[str] = set()
    for text in attempts(family, given):
        for typed in range(1, len(text) + 1):
            query = text[:typed]
            if typed >= best or query in seen or text[typed - 1] == " ":
                continue
            seen.add(query)
            hits = search_people(db, query, site_id=site_id, limit=RESULTS_SHOWN)
            ids = [hit.person.id for hit in hits]
            if person.id in ids:
                best = min(best, typed + ids.index(person.id))
    return best


def main() -> None:
    args = parse_args(__doc__ or "", lambda p: p.add_argument("--sample", type=int, default=20))
    db, site_id = open_demo(demo_path(args))
    try:
        sample = recent_visitors(db, site_id, args.sample, args.seed)
        keys = [fewest_keys(db, site_id, person) for person in sample]
    finally:
        db.dispose()
    emit("checkin_keystrokes_avg", statistics.mean(keys), "keys")
    emit("checkin_keystrokes_max", max(keys), "keys")


if __name__ == "__main__":
    main()
