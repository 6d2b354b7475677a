"""Search as you type: the person meant, in the first three, within a frame.

A query is a phone number in any format (its national digits, by prefix), a codice fiscale
prefix, or name words in any order. Each name word matches a person's name words exactly,
as a prefix, one typo away (a dropped, extra, doubled, changed or swapped letter) or in
mid-word; accents and apostrophes never matter ("nicolo", "d angelo", "dangelo", "deluca").
A person matches when every word does; the score is the mean over the words (exact above
prefix above typo above mid-word), plus small bonuses for covering more of the name, for
reading as surname first and for having been seen at this site lately. Ties go to the
person most recently seen at this site.

Candidates always come from an index, never a scan of every person (see
``search_sources``): the least common word finds them, the others confirm them in SQL.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session

from opdesk.core.rules.phone import phone_query_digits
from opdesk.core.services.search_sources import EXACT, PREFIX, Sources, Word
from opdesk.core.services.views import PersonSummary
from opdesk.storage.engine import Database
from opdesk.storage.models import Person, PersonSiteSeen
from opdesk.storage.text import fold

DIRECT = 700  # a word matching at most this many name words is read whole
BIG = 5000  # when every word matches more, the recent visitors are walked instead
CAP = 500  # candidates confirmed per statement
GOOD_ENOUGH = 3  # text in mid-word is looked for when fewer match every word by prefix
CF_SCORE = 2.0  # a codice fiscale (6+ characters) or phone prefix beats any name
# Bonuses order people matching equally well; together they stay below the step between
# two-word match qualities (0.1). Each adds a little: closer words and more of the whole
# name typed; reading as surname first, as Italian desks write names ("ros ma" is Rossi
# Mario before Mario Rosati); having been seen here lately (halving every 30 days).
CLOSE_BONUS, WHOLE_BONUS = 0.03, 0.015
SURNAME_BONUS, RECENT_BONUS = 0.02, 0.03
MAX_BONUS = CLOSE_BONUS + WHOLE_BONUS + SURNAME_BONUS + RECENT_BONUS
SHARED_COST = 0.05  # two query words matching the same name word
# A person's match before the bonuses: mean quality over the words, the worst of them, and
# the mean share of each matched name word that was typed.
Base = tuple[float, float, float]
_CF_PREFIX = re.compile(r"^[A-Z]{4}[A-Z0-9]{0,12}$")
_TIME = "%Y-%m-%d %H:%M:%S.%f"


_SUMMARIES = (
    select(
        Person.id,
        Person.given_name,
        Person.family_name,
        Person.birth_date,
        Person.birth_year,
        Person.residence_comune,
        Person.codice_fiscale,
        Person.phone,
        PersonSiteSeen.last_seen_at,
        Person.index_only,
    )
    .outerjoin(
        PersonSiteSeen,
        (PersonSiteSeen.person_id == Person.id) & (PersonSiteSeen.site_id == bindparam("site")),
    )
    .where(Person.id.in_(bindparam("ids", expanding=True)))
)


@dataclass(frozen=True)
class SearchHit:
    person: PersonSummary
    score: float


def search_people(
    db: Database, query: str, *, site_id: str | None = None, limit: int = 10
) -> list[SearchHit]:
    with db.read() as session:
        return PersonSearchQuery(session, site_id).run(query, limit)


class PersonSearchQuery:
    def __init__(self, session: Session, site_id: str | None) -> None:
        self.session = session
        self.conn: Connection = session.connection()
        self.site_id = site_id
        self.sources = Sources(self.conn, site_id)
        self._seen: dict[str, str] = {}  # person id -> last seen here, as sortable text

    def run(self, query: str, limit: int) -> list[SearchHit]:
        raw = query.strip()
        if not raw:
            return []
        digits = phone_query_digits(raw)
        if digits is not None:
            if len(digits) < 3:
                return []
            found = self.sources.live_by("phone_national", digits, limit)
            return self._hits(dict.fromkeys(found, CF_SCORE), limit)
        words = fold(raw).split()
        if not words:
            return []
        scores: dict[str, float] = {}
        compact = re.sub(r"\s+", "", raw).upper()
        if len(words) == 1 and len(compact) >= 4 and _CF_PREFIX.match(compact):
            score = CF_SCORE if len(compact) >= 6 else EXACT
            scores.update(
                dict.fromkeys(self.sources.live_by("codice_fiscale", compact, limit), score)
            )
        for person_id, score in self.by_names(words, limit=limit).items():
            scores[person_id] = max(scores.get(person_id, 0.0), score)
        return self._hits(scores, limit)

    # --- names -----------------------------------------------------------------------

    def by_names(self, words: Sequence[str], *, limit: int = 50) -> dict[str, float]:
        """People matching every word, best first, with their scores (at least ``limit``
        of them when there are that many)."""
        words = [part for word in words for part in fold(word).split()]
        if not words:
            return {}
        typos = self.sources.typos(words)
        specs = [Word(w, typos.get(w, frozenset())) for w in words]
        one = len(specs) == 1
        ids = self._one_word(specs[0], limit) if one else self._all_words(specs, limit)
        base = self._base(specs, self.sources.tokens(ids))
        good = sum(1 for b in base.values() if b[1] >= PREFIX)  # every word exact or prefix
        if good < GOOD_ENOUGH and any(len(w) >= 3 for w in words):
            middle = self.sources.middle([w for w in words if len(w) >= 3], CAP)
            more = [p for p in middle if p not in base]
            base.update(self._base(specs, self.sources.tokens(more)))
        scores = self._finish(specs, base, limit)
        order = sorted(scores, key=lambda p: (scores[p], self._seen.get(p, "")), reverse=True)
        return {p: scores[p] for p in order}

    def _one_word(self, word: Word, limit: int) -> list[str]:
        """Exact, then prefix, then typo; the most recently seen first within each."""
        if self.sources.counts([word], BIG)[0] <= DIRECT:
            return self.sources.ranked(word, limit)
        if self.sources.counts([word], BIG, exact=True)[0] <= DIRECT:
            found = self.sources.ranked(word, limit, exact=True)
        else:
            found = self.sources.recent([word], limit, exact=True)
        if len(found) < limit:
            found += self.sources.recent([word], limit)
        if len(found) < limit:  # few of them ever came to this site
            found += self.sources.intersect([word], limit)
        return found

    def _all_words(self, words: Sequence[Word], limit: int) -> list[str]:
        """The least common word finds the candidates, the others confirm them."""
        counts = self.sources.counts(words, BIG)
        order = sorted(range(len(words)), key=lambda i: counts[i])
        ordered = [words[i] for i in order]
        found: list[str] = []
        if counts[order[0]] < BIG:
            found = self.sources.intersect(ordered, CAP)
        if counts[order[0]] >= BIG or len(found) >= CAP:  # too many: the best, the most recent
            exact = self.sources.counts(words, BIG, exact=True)
            by_exact = sorted(range(len(words)), key=lambda i: exact[i])
            if exact[by_exact[0]] < BIG:
                found += self.sources.intersect([words[i] for i in by_exact], CAP, exact=True)
            found += self.sources.recent(ordered, limit)
        return found

    @staticmethod
    def _base(words: Sequence[Word], rows: Sequence[tuple[str, str]]) -> dict[str, Base]:
        """For each person matching every word: the mean quality of the matches, and how
        much of the matched name words the query covers."""
        tokens: dict[str, list[str]] = {}
        for person_id, token in rows:
            tokens.setdefault(person_id, []).append(token)
        found: dict[str, Base] = {}
        for person_id, names in tokens.items():
            match = _assign(words, names)
            if match is not None:
                found[person_id] = match
        return found

    def _finish(self, words: Sequence[Word], base: dict[str, Base], limit: int) -> dict[str, float]:
        """Final scores of those who can still reach the first ``limit``: partial ties go
        to closer words and to the query covering more of the whole name, then recency."""
        if not base:
            return {}
        bonus = len(words) > 1
        best = sorted((b[0] for b in base.values()), reverse=True)
        cutoff = best[min(limit, len(best)) - 1] - (MAX_BONUS if bonus else 0.0)
        contenders = [p for p, b in base.items() if b[0] >= cutoff]
        typed = sum(len(w.text) for w in words)
        scores: dict[str, float] = {}
        facts = self.sources.facts(contenders)
        for person_id, _letters, seen, _family in facts:
            if isinstance(seen, datetime):
                seen = seen.strftime(_TIME)
            self._seen[person_id] = seen or ""
        # Lately is measured from the last visit of any of them, so no clock is needed.
        newest = max(self._seen.values(), default="")
        for person_id, letters, _seen, family in facts:
            seen = self._seen[person_id]
            score, _worst, close = base[person_id]
            if bonus:
                whole = min(typed, letters) / max(letters, 1)
                score += CLOSE_BONUS * close + WHOLE_BONUS * whole
                if _surname_first(words[0], family):
                    score += SURNAME_BONUS
                if seen:
                    score += RECENT_BONUS * _freshness(seen, newest)
            scores[person_id] = score
        return scores

    # --- results ---------------------------------------------------------------------

    def summaries(self, person_ids: Sequence[str]) -> dict[str, PersonSummary]:
        if not person_ids:
            return {}
        rows = self.conn.execute(_SUMMARIES, {"site": self.site_id, "ids": list(person_ids)})
        return {row.id: PersonSummary(**row._mapping) for row in rows}

    def _hits(self, scores: dict[str, float], limit: int) -> list[SearchHit]:
        """The first ``limit`` by score (to 3 decimals), then by last seen here."""
        rounded = {p: round(s, 3) for p, s in scores.items()}
        unseen = [p for p in scores if p not in self._seen]  # codice fiscale, phone
        known = sorted(
            (p for p in scores if p in self._seen),
            key=lambda p: (rounded[p], self._seen[p]),
            reverse=True,
        )
        people = self.summaries(unseen + known[:limit])
        ranked: list[tuple[float, str, PersonSummary]] = []
        for person_id, person in people.items():
            seen = person.last_seen_at.strftime(_TIME) if person.last_seen_at else ""
            ranked.append((rounded[person_id], seen, person))
        ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
        return [SearchHit(person, score) for score, _seen, person in ranked[:limit]]


def _freshness(seen: str, newest: str) -> float:
    """1 for the last one seen here, halving for every 30 days before that."""
    age = datetime.fromisoformat(newest) - datetime.fromisoformat(seen)
    return float(0.5 ** (age.total_seconds() / (30 * 86400)))


def _surname_first(word: Word, family: str | None) -> bool:
    """Whether the first word typed matches a word of the family name."""
    return any(word.quality(name)[0] for name in fold(family or "").split())


def _assign(words: Sequence[Word], names: Sequence[str]) -> Base | None:
    """Each word matched to a different name word, the best matches first (greedily).
    A name word is stored once even when the name repeats it ("Quispe Quispe"), so when
    the words cannot all have their own, they may share, at a small cost. None when some
    word matches nothing at all."""
    options = sorted(
        (
            (word.quality(name), -len(word.text), w, n)
            for w, word in enumerate(words)
            for n, name in enumerate(names)
        ),
        reverse=True,
    )
    done: set[int] = set()
    used: set[int] = set()
    total, worst, close = 0.0, EXACT, 0.0
    for (quality, covered), _size, w, n in options:
        if not quality:
            break
        if w in done or n in used:
            continue
        done.add(w)
        used.add(n)
        total += quality
        worst = min(worst, quality)
        close += covered
    if len(done) == len(words):
        return total / len(words), worst, close / len(words)
    best = [max(word.quality(name) for name in names) for word in words]
    if not all(quality for quality, _covered in best):
        return None
    mean = sum(quality for quality, _covered in best) / len(words)
    worst = min(quality for quality, _covered in best)
    return mean - SHARED_COST, worst, sum(covered for _q, covered in best) / len(words)
