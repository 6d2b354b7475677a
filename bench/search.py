"""Search as you type on the demo database: p95 per kind of query, recall, database size.

Queries are made from random people of the demo data the way a volunteer would type them:
the surname (with the variation of the kind applied to one word) and the given name, or
only its first two or three letters when few people share the surname (a volunteer types
more of a common name). Each kind is timed over its queries after a warm-up pass.

    .venv/bin/python bench/search.py [--people N] [--db PATH]
"""

from __future__ import annotations

import logging
import random
import string
import time
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from common import demo_path, emit, open_demo, parse_args, percentile
from sqlalchemy import select

from opdesk.core.services.search import search_people
from opdesk.storage.models import Person
from opdesk.storage.text import fold

log = logging.getLogger("bench.search")

PER_KIND = 220
SHORT_KINDS = ("prefix1", "prefix2")
COMMON = 5  # people sharing a surname for it to be common


@dataclass(frozen=True)
class Target:
    id: str
    given: str | None
    family: str | None
    cf: str | None
    phone: str | None
    namesakes: int = 0  # people with the same surname (prefix kind: starting the same)


Maker = Callable[[random.Random, Target], str | None]


def given_part(rng: random.Random, target: Target) -> str:
    """The given name as typed: whole for a common surname, else maybe its first letters."""
    if not target.given:
        return ""
    given = fold(target.given)
    roll = rng.random()
    if target.namesakes >= COMMON or roll < 0.5 or len(given) <= 3:
        return given
    return given.replace(" ", "")[: 3 if roll < 0.8 else 2]


def with_given(rng: random.Random, target: Target, surname: str) -> str:
    return f"{surname} {given_part(rng, target)}".strip()


def longest_word(target: Target, minimum: int) -> tuple[list[str], int] | None:
    if not target.family:
        return None
    words = fold(target.family).split()
    index = max(range(len(words)), key=lambda i: len(words[i]))
    return (words, index) if len(words[index]) >= minimum else None


def typo(change: Callable[[random.Random, str], str], minimum: int = 5) -> Maker:
    def make(rng: random.Random, target: Target) -> str | None:
        found = longest_word(target, minimum)
        if found is None:
            return None
        words, index = found
        words[index] = change(rng, words[index])
        return with_given(rng, target, " ".join(words))

    return make


def dropped(rng: random.Random, word: str) -> str:
    i = rng.randrange(len(word))
    return word[:i] + word[i + 1 :]


def extra(rng: random.Random, word: str) -> str:
    i = rng.randrange(len(word) + 1)
    return word[:i] + rng.choice(string.ascii_lowercase) + word[i:]


def doubled(rng: random.Random, word: str) -> str:
    i = rng.randrange(len(word))
    return word[: i + 1] + word[i:]


def swapped(rng: random.Random, word: str) -> str:
    spots = [i for i in range(len(word) - 1) if word[i] != word[i + 1]]
    i = rng.choice(spots)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def short_prefix(size: int) -> Maker:
    def make(rng: random.Random, target: Target) -> str | None:
        letters = fold(target.family or "").replace(" ", "")
        return letters[:size] if len(letters) >= size else None

    return make


def prefix_of(surnames: list[str]) -> Maker:
    """The first 3+ letters of a one-word surname (``surnames``: all of them, sorted)."""

    def make(rng: random.Random, target: Target) -> str | None:
        found = longest_word(target, 4)
        if found is None or len(found[0]) > 1:
            return None
        word = found[0][0]
        typed = word[: rng.randint(3, len(word) - 1)]
        sharing = bisect_left(surnames, typed + "{") - bisect_left(surnames, typed)
        return with_given(rng, replace(target, namesakes=sharing), typed)

    return make


def midstring(rng: random.Random, target: Target) -> str | None:
    """Three to five letters from inside the longest word of the surname, and the given name."""
    found = longest_word(target, 6)
    if found is None or not target.given:
        return None
    word = found[0][found[1]]
    size = rng.randint(3, min(5, len(word) - 2))
    start = rng.randint(1, len(word) - size - 1)
    return f"{word[start : start + size]} {fold(target.given)}"


def accent(rng: random.Random, target: Target) -> str | None:
    name = f"{target.family or ''} {target.given or ''}"
    if name.isascii() or not target.family or not target.given:
        return None
    return f"{fold(target.family)} {fold(target.given)}"


def apostrophe(rng: random.Random, target: Target) -> str | None:
    family = target.family or ""
    if "'" in family:
        typed = family.replace("'", rng.choice(("", " ")))
    elif " " in family.strip():
        typed = family.replace(" ", "")
    else:
        return None
    return with_given(rng, target, fold(typed))


def wordorder(rng: random.Random, target: Target) -> str | None:
    if not target.family or not target.given:
        return None
    return f"{fold(target.given)} {fold(target.family)}"


def cf(rng: random.Random, target: Target) -> str | None:
    if not target.cf:
        return None
    code = target.cf[: rng.randint(6, 11)]
    return code.lower() if rng.random() < 0.3 else code


def phone(rng: random.Random, target: Target) -> str | None:
    digits = target.phone
    if not digits:
        return None
    a, b, c = digits[:3], digits[3:6], digits[6:]
    formats = (
        f"+39 {a} {b} {c}",
        f"{a}-{b}{c}",
        f"0039 {digits}",
        f"{a} {b}{c}",
        digits,
        f"+39{digits}",
        f"{a}.{b}.{c}",
    )
    return rng.choice(formats)


def kinds(surnames: list[str]) -> dict[str, Maker]:
    return {
        "prefix1": short_prefix(1),
        "prefix2": short_prefix(2),
        "prefix": prefix_of(surnames),
        "midstring": midstring,
        "accent": accent,
        "apostrophe": apostrophe,
        "wordorder": wordorder,
        "dropped": typo(dropped, 4),
        "extra": typo(extra, 4),
        "doubled": typo(doubled, 4),
        "swapped": typo(swapped, 4),
        "cf": cf,
        "phone": phone,
    }


def load_targets(db_path: Path) -> list[Target]:
    db, _site = open_demo(db_path)
    with db.read() as session:
        rows = session.execute(
            select(
                Person.id,
                Person.given_name,
                Person.family_name,
                Person.codice_fiscale,
                Person.phone_national,
            ).where(Person.merged_into_id.is_(None), Person.deleted.is_(False))
        ).all()
    db.dispose()
    surnames = Counter(fold(row[2] or "") for row in rows)
    return [Target(*row, namesakes=surnames[fold(row[2] or "")]) for row in rows]


def make_queries(targets: list[Target], seed: int) -> dict[str, list[tuple[str, str]]]:
    rng = random.Random(seed * 7919)
    surnames = sorted(fold(t.family).replace(" ", "") for t in targets if t.family)
    queries: dict[str, list[tuple[str, str]]] = {}
    for kind, maker in kinds(surnames).items():
        made: list[tuple[str, str]] = []
        for _ in range(PER_KIND * 200):
            target = rng.choice(targets)
            query = maker(rng, target)
            if query:
                made.append((query, target.id))
            if len(made) == PER_KIND:
                break
        queries[kind] = made
    return queries


def main() -> None:
    args = parse_args(__doc__ or "")
    path = demo_path(args)
    queries = make_queries(load_targets(path), args.seed)
    db, site_id = open_demo(path)
    try:
        for kind_queries in queries.values():  # warm-up: caches, compiled statements
            for query, _target in kind_queries:
                search_people(db, query, site_id=site_id)
        found, total = 0, 0
        misses: Counter[str] = Counter()
        tied: Counter[str] = Counter()  # missed, behind people matching as well or better
        for kind, kind_queries in queries.items():
            timings = []
            for query, target in kind_queries:
                started = time.perf_counter()
                hits = search_people(db, query, site_id=site_id)
                timings.append((time.perf_counter() - started) * 1000)
                if kind in SHORT_KINDS:
                    continue
                total += 1
                ids = [h.person.id for h in hits]
                if target in ids[:3]:
                    found += 1
                    continue
                misses[kind] += 1
                if target in ids and hits[2].score >= hits[ids.index(target)].score:
                    tied[kind] += 1
            if len(kind_queries) < 200:
                log.warning("%s: only %d queries could be made", kind, len(kind_queries))
            emit(f"search_{kind}_p95_ms", percentile(timings, 95), "ms")
            log.info("%s: %d queries, max %.2f ms", kind, len(timings), max(timings))
        for kind, count in sorted(misses.items()):
            log.info(
                "%s: %d of %d not in the first three (%d of them behind equal or better matches)",
                kind,
                count,
                len(queries[kind]),
                tied[kind],
            )
        emit("search_recall_top3", found / total)
        emit("db_size_mb", path.stat().st_size / 1e6, "MB")
    finally:
        db.dispose()


if __name__ == "__main__":
    main()
