"""Search as you type: the person meant, in the first three, within a frame.

Candidates always come from an index, never a scan of every person:
- 1-2 letters: name words starting with them, most recently seen at this site first;
- a phone number in any format: the national digits' prefix;
- a codice fiscale prefix: the codice fiscale index;
- 3+ letters, per word: name words starting with it, words one typo away (a dropped,
  extra, doubled, changed or swapped letter; found through the one-deletion variants of
  every name word, as SymSpell does), and the trigram index for text in mid-word.
Candidates are then ranked in Python on the few that were found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from rapidfuzz.distance import OSA
from sqlalchemy import Connection, bindparam, select, text
from sqlalchemy.orm import Session

from opdesk.core.rules.phone import phone_query_digits
from opdesk.core.services.views import PersonSummary
from opdesk.storage.engine import Database
from opdesk.storage.models import Person, PersonSearch, PersonSiteSeen, PersonToken, TokenVariant
from opdesk.storage.text import deletion_variants, fold

WORD_CAP = 400  # candidates per query word before the other words narrow them
SHORT_SCAN = 2000  # short prefixes matching more words than this walk the recent visitors
_CF_PREFIX = re.compile(r"^[A-Z]{4}[A-Z0-9]{0,12}$")
_HIGH = "\U0010ffff"

EXACT, PREFIX, TYPO, MIDDLE = 1.0, 0.85, 0.75, 0.55


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
        self.postgres = self.conn.dialect.name == "postgresql"

    def run(self, query: str, limit: int) -> list[SearchHit]:
        raw = query.strip()
        if not raw:
            return []
        digits = phone_query_digits(raw)
        if digits is not None:
            if len(digits) < 3:
                return []
            return self._rank_fixed(self._by_phone(digits, limit), limit)
        words = fold(raw).split()
        letters = "".join(words)
        if not letters:
            return []
        if len(letters) <= 2:
            return self._rank_fixed(self._short_prefix(letters, limit), limit)
        scores: dict[str, float] = {}
        compact = re.sub(r"\s+", "", raw).upper()
        if len(compact) >= 4 and _CF_PREFIX.match(compact) and len(words) == 1:
            for person_id in self._by_cf(compact, limit):
                scores[person_id] = 2.0
        for person_id, score in self.by_names(words).items():
            scores[person_id] = max(scores.get(person_id, 0.0), score)
        return self._rank(scores, words, limit)

    # --- candidate sources -----------------------------------------------------------

    def _prefix_tokens(self, word: str, cap: int) -> list[tuple[str, str]]:
        rows = self.conn.execute(
            select(PersonToken.person_id, PersonToken.token)
            .where(PersonToken.token >= word, PersonToken.token < word + _HIGH)
            .limit(cap)
        ).all()
        return [(p, t) for p, t in rows]

    def _typo_tokens(self, word: str) -> set[str]:
        variants = deletion_variants(word)
        if not variants:
            return set()
        tokens = self.conn.execute(
            select(TokenVariant.token).where(TokenVariant.variant.in_(sorted(variants)))
        ).scalars()
        return {t for t in tokens if OSA.distance(word, t, score_cutoff=1) <= 1}

    def _people_with_tokens(self, tokens: Iterable[str], cap: int) -> list[tuple[str, str]]:
        wanted = sorted(tokens)
        if not wanted:
            return []
        rows = self.conn.execute(
            select(PersonToken.person_id, PersonToken.token)
            .where(PersonToken.token.in_(wanted))
            .limit(cap)
        ).all()
        return [(p, t) for p, t in rows]

    def _middle(self, word: str, cap: int) -> list[str]:
        if len(word) < 3:
            return []
        if self.postgres:
            stmt = select(PersonSearch.person_id).where(
                PersonSearch.text.contains(word, autoescape=True)
            )
            return list(self.conn.execute(stmt.limit(cap)).scalars())
        phrase = '"' + word.replace('"', "") + '"'
        rows = self.conn.execute(
            text(
                "SELECT s.person_id FROM person_fts JOIN person_search s "
                "ON s.rowid = person_fts.rowid WHERE person_fts MATCH :q LIMIT :cap"
            ),
            {"q": phrase, "cap": cap},
        )
        return list(rows.scalars())

    def _word_matches(self, word: str) -> tuple[dict[str, float], bool]:
        """People matching one query word, with how well; and whether the cap was hit."""
        found: dict[str, float] = {}

        def add(person_id: str, score: float) -> None:
            if score > found.get(person_id, 0.0):
                found[person_id] = score

        prefix = self._prefix_tokens(word, WORD_CAP)
        for person_id, token in prefix:
            add(person_id, EXACT if token == word else PREFIX)
        truncated = len(prefix) >= WORD_CAP
        typos = self._typo_tokens(word) - {word}
        for person_id, _token in self._people_with_tokens(typos, WORD_CAP):
            add(person_id, TYPO)
        if len(found) < WORD_CAP // 4:
            for person_id in self._middle(word, WORD_CAP):
                add(person_id, MIDDLE)
        return found, truncated

    def by_names(self, words: Sequence[str]) -> dict[str, float]:
        options: list[list[str]] = [list(words)]
        if len(words) > 1:
            options.append(["".join(words)])  # "de luca", "d angelo" as one word
        best: dict[str, float] = {}
        for option in options:
            for person_id, score in self._match_all(option).items():
                best[person_id] = max(best.get(person_id, 0.0), score)
        return best

    def _match_all(self, words: Sequence[str]) -> dict[str, float]:
        """People matching every word: the narrowest word finds, the others confirm."""
        per_word = [self._word_matches(w) for w in words]
        if len(words) == 1:
            return per_word[0][0]
        order = sorted(range(len(words)), key=lambda i: (per_word[i][1], len(per_word[i][0])))
        driver = order[0]
        candidates = set(per_word[driver][0])
        if per_word[driver][1]:
            candidates |= self._intersect_prefixes(words)
        tokens = self._tokens_of(candidates)
        result: dict[str, float] = {}
        for person_id in candidates:
            total = 0.0
            for i, word in enumerate(words):
                score = per_word[i][0].get(person_id) or _confirm(word, tokens.get(person_id, ()))
                if not score:
                    break
                total += score
            else:
                result[person_id] = total / len(words) * (1 + 0.05 * (len(words) - 1))
        return result

    def _intersect_prefixes(self, words: Sequence[str]) -> set[str]:
        parts = [
            select(PersonToken.person_id).where(
                PersonToken.token >= w, PersonToken.token < w + _HIGH
            )
            for w in words
        ]
        from sqlalchemy import intersect

        return set(self.conn.execute(intersect(*parts).limit(WORD_CAP)).scalars())

    def _tokens_of(self, person_ids: set[str]) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        ids = sorted(person_ids)
        for start in range(0, len(ids), 500):
            rows = self.conn.execute(
                select(PersonToken.person_id, PersonToken.token).where(
                    PersonToken.person_id.in_(ids[start : start + 500])
                )
            )
            for person_id, token in rows:
                result.setdefault(person_id, []).append(token)
        return result

    def _by_cf(self, prefix: str, limit: int) -> list[str]:
        return list(
            self.conn.execute(
                select(Person.id)
                .where(
                    Person.codice_fiscale >= prefix,
                    Person.codice_fiscale < prefix + _HIGH,
                    Person.merged_into_id.is_(None),
                    Person.deleted.is_(False),
                )
                .limit(limit)
            ).scalars()
        )

    def _by_phone(self, digits: str, limit: int) -> list[str]:
        return list(
            self.conn.execute(
                select(Person.id)
                .where(
                    Person.phone_national >= digits,
                    Person.phone_national < digits + _HIGH,
                    Person.merged_into_id.is_(None),
                    Person.deleted.is_(False),
                )
                .limit(limit * 5)
            ).scalars()
        )

    def _short_prefix(self, prefix: str, limit: int) -> list[str]:
        """Name words starting with 1-2 letters: recent visitors of this site first."""
        lo, hi = prefix, prefix + _HIGH
        if self.site_id is None:
            rows = self._prefix_tokens(prefix, limit * 4)
            return list(dict.fromkeys(p for p, _t in rows))
        matching = self.conn.execute(
            text(
                "SELECT count(*) FROM (SELECT 1 FROM person_token "
                "WHERE token >= :lo AND token < :hi LIMIT :cap)"
            ),
            {"lo": lo, "hi": hi, "cap": SHORT_SCAN},
        ).scalar_one()
        if matching < SHORT_SCAN:
            sql = (
                "SELECT t.person_id FROM person_token t LEFT JOIN person_site_seen s "
                "ON s.person_id = t.person_id AND s.site_id = :site "
                "WHERE t.token >= :lo AND t.token < :hi "
                "GROUP BY t.person_id ORDER BY max(s.last_seen_at) IS NULL, "
                "max(s.last_seen_at) DESC, min(t.token) LIMIT :n"
            )
        else:
            sql = (
                "SELECT s.person_id FROM person_site_seen s WHERE s.site_id = :site "
                "AND EXISTS (SELECT 1 FROM person_token t WHERE t.person_id = s.person_id "
                "AND t.token >= :lo AND t.token < :hi) "
                "ORDER BY s.last_seen_at DESC LIMIT :n"
            )
        ids = list(
            self.conn.execute(
                text(sql), {"site": self.site_id, "lo": lo, "hi": hi, "n": limit}
            ).scalars()
        )
        if len(ids) < limit:
            more = self._prefix_tokens(prefix, limit * 4)
            ids.extend(p for p, _t in more if p not in ids)
        return ids[:limit]

    # --- ranking ---------------------------------------------------------------------

    def summaries(self, person_ids: Sequence[str]) -> dict[str, PersonSummary]:
        if not person_ids:
            return {}
        stmt = (
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
            )
            .outerjoin(
                PersonSiteSeen,
                (PersonSiteSeen.person_id == Person.id)
                & (PersonSiteSeen.site_id == bindparam("site", self.site_id)),
            )
            .where(Person.id.in_(list(person_ids)))
        )
        return {row[0]: PersonSummary(*row) for row in self.conn.execute(stmt)}

    def _rank_fixed(self, person_ids: Sequence[str], limit: int) -> list[SearchHit]:
        people = self.summaries(person_ids[: limit * 5])
        ordered = [people[p] for p in dict.fromkeys(person_ids) if p in people]
        ordered.sort(key=lambda p: _recency(p.last_seen_at), reverse=True)
        return [SearchHit(p, 1.0) for p in ordered[:limit]]

    def _rank(self, scores: dict[str, float], words: Sequence[str], limit: int) -> list[SearchHit]:
        best = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[: max(limit * 5, 50)]
        people = self.summaries([p for p, _s in best])
        hits = []
        for person_id, score in best:
            person = people.get(person_id)
            if person is None:
                continue
            hits.append(SearchHit(person, score + _closeness(words, person)))
        hits.sort(key=lambda h: (round(h.score, 3), _recency(h.person.last_seen_at)), reverse=True)
        return [replace(h, score=round(h.score, 3)) for h in hits[:limit]]


def _confirm(word: str, tokens: Iterable[str]) -> float:
    best = 0.0
    for token in tokens:
        if token == word:
            return EXACT
        if token.startswith(word):
            best = max(best, PREFIX)
        elif len(word) >= 4 and OSA.distance(word, token, score_cutoff=1) <= 1:
            best = max(best, TYPO)
        elif len(word) >= 3 and word in token:
            best = max(best, MIDDLE)
    return best


def _closeness(words: Sequence[str], person: PersonSummary) -> float:
    """A small bonus for a query that covers more of the name (no partial ties)."""
    name = fold(person.display_name).replace(" ", "")
    typed = "".join(words)
    return 0.1 * min(len(typed), len(name)) / max(len(name), 1)


def _recency(moment: datetime | None) -> float:
    return moment.timestamp() if moment else 0.0
