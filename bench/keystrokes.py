"""Keystrokes to check in a returning visitor: for people who visited this site in the
last 30 days, the fewest keys (letters typed, plus arrow presses to reach them) after
which Enter picks the right person.

    .venv/bin/python bench/keystrokes.py [--people 100000] [--sample 20]
"""

from __future__ import annotations

import os
import sys

# bench/typing.py shadows the standard library's typing: keep this folder last on the path.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE] + [_HERE]

import argparse
import random
import statistics
import sys
from datetime import timedelta

from sqlalchemy import select
from startup import demo_dir

from opdesk.app import open_desk
from opdesk.core.clock import utc_now
from opdesk.core.services.desk import Desk
from opdesk.paths import resolve_paths
from opdesk.storage.models import Person, PersonSiteSeen
from opdesk.storage.text import fold

RESULTS_SHOWN = 12  # the rows the check-in list shows without scrolling


def recent_visitors(desk: Desk, count: int, seed: int) -> list[Person]:
    since = utc_now() - timedelta(days=30)
    with desk.db.read() as session:
        people = session.scalars(
            select(Person)
            .join(PersonSiteSeen, PersonSiteSeen.person_id == Person.id)
            .where(
                PersonSiteSeen.site_id == desk.context.site_id,
                PersonSiteSeen.last_seen_at >= since,
                Person.merged_into_id.is_(None),
            )
            .order_by(Person.id)
        ).all()
    return random.Random(seed).sample(list(people), min(count, len(people)))


def fewest_keys(desk: Desk, person: Person) -> int:
    """Try typing the name as a volunteer would (surname first, or given name first)."""
    family, given = fold(person.family_name or ""), fold(person.given_name or "")
    attempts = [f"{family} {given}".strip(), f"{given} {family}".strip()]
    best = 10**6
    for text in attempts:
        for typed in range(1, len(text) + 1):
            if typed >= best:
                break
            query = text[:typed]
            if query.endswith(" "):
                continue
            hits = desk.search(query, limit=RESULTS_SHOWN)
            ids = [hit.person.id for hit in hits]
            if person.id in ids:
                best = min(best, typed + ids.index(person.id))
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    desk = open_desk(resolve_paths(demo_dir(args.people)))
    try:
        sample = recent_visitors(desk, args.sample, args.seed)
        keys = [fewest_keys(desk, person) for person in sample]
    finally:
        desk.close()
    print(f"checkin_keystrokes_avg={statistics.mean(keys):.2f} keys")
    print(f"checkin_keystrokes_max={max(keys)} keys")
    print(f"checkin_keystrokes_people={len(keys)} people", file=sys.stderr)


if __name__ == "__main__":
    main()
