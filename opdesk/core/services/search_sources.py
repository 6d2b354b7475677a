"""The index lookups behind the person search, each a single indexed SQL statement.

Never a scan of every person. Name words are found in ``person_token``'s primary key
(token, person_id) by value or prefix range; a candidate's other words through
``ix_person_token_person`` (person_id, token), forced with ``INDEXED BY`` on SQLite, where
the planner has no statistics; words one typo away through ``token_variant``; text in
mid-word through the FTS5 trigram index (pg_trgm on PostgreSQL); recent visitors through
``ix_person_site_seen_recent``. Only live people are in ``person_token`` and
``person_search``, so every source that ends there returns live people only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import OSA
from sqlalchemy import Connection, TextClause, text

from opdesk.storage.text import deletion_variants

HIGH = "\U0010ffff"
EXACT, PREFIX, TYPO, MIDDLE = 1.0, 0.8, 0.6, 0.4


@dataclass(frozen=True)
class Word:
    """A query word and the name words one typo away from it (that it is no prefix of)."""

    text: str
    typos: frozenset[str] = frozenset()

    def quality(self, token: str) -> tuple[float, float]:
        """How well this word matches a name word, and how much of it the query covers."""
        if token == self.text:
            return EXACT, 1.0
        if token.startswith(self.text):
            return PREFIX, len(self.text) / len(token)
        if token in self.typos:
            return TYPO, 0.5
        if len(self.text) >= 3 and self.text in token:
            return MIDDLE, len(self.text) / len(token)
        return 0.0, 0.0


class Params:
    """Named parameters for one statement, with IN lists spelled out."""

    def __init__(self, **values: Any) -> None:
        self.values: dict[str, Any] = dict(values)

    def add(self, value: Any) -> str:
        name = f"p{len(self.values)}"
        self.values[name] = value
        return ":" + name

    def in_(self, values: Iterable[Any]) -> str:
        return "(" + ", ".join(self.add(v) for v in values) + ")"

    def word(self, alias: str, word: Word, *, exact: bool = False) -> str:
        """The condition that ``alias.token`` matches the word (exactly, or as prefix/typo)."""
        if exact:
            return f"{alias}.token = {self.add(word.text)}"
        lo, hi = self.add(word.text), self.add(word.text + HIGH)
        cond = f"{alias}.token >= {lo} AND {alias}.token < {hi}"
        if word.typos:
            return f"({cond} OR {alias}.token IN {self.in_(sorted(word.typos))})"
        return f"({cond})"


@lru_cache(maxsize=256)
def _text(sql: str) -> TextClause:
    return text(sql)


class Sources:
    def __init__(self, conn: Connection, site_id: str | None) -> None:
        self.conn = conn
        self.site_id = site_id
        self.sqlite = conn.dialect.name == "sqlite"
        self.by_person = " INDEXED BY ix_person_token_person" if self.sqlite else ""

    def _rows(self, sql: str, params: Params) -> Sequence[Any]:
        if self.sqlite:  # its driver takes :named parameters as they are: no compiling
            return self.conn.exec_driver_sql(sql, params.values).all()
        return self.conn.execute(_text(sql), params.values).all()

    def typos(self, words: Sequence[str]) -> dict[str, frozenset[str]]:
        """For each word of 4+ letters, the name words one typo away that it is no prefix of
        (dropped, extra, doubled, changed or swapped letter: SymSpell's deletion variants)."""
        # A 3-letter word is looked up as itself: the 4-letter names it drops a letter of.
        wanted = {w: deletion_variants(w) or ({w} if len(w) == 3 else set()) for w in words}
        variants = set().union(*wanted.values())
        if not variants:
            return {}
        params = Params()
        wanted_in = params.in_(sorted(variants))
        rows = self._rows(
            f"SELECT variant, token FROM token_variant WHERE variant IN {wanted_in}", params
        )
        found: dict[str, frozenset[str]] = {}
        for word, own in wanted.items():
            tokens = {t for v, t in rows if v in own and not t.startswith(word)}
            found[word] = frozenset(t for t in tokens if OSA.distance(word, t, score_cutoff=1) <= 1)
        return found

    def counts(self, words: Sequence[Word], cap: int, *, exact: bool = False) -> list[int]:
        """For each word, how many name words match it (``exact``: are exactly it), counting
        up to ``cap``."""
        params = Params(cap=cap)
        parts = [
            f"(SELECT count(*) FROM (SELECT 1 FROM person_token t WHERE "
            f"{params.word('t', w, exact=exact)} LIMIT :cap) AS c{i})"
            for i, w in enumerate(words)
        ]
        return list(self._rows("SELECT " + ", ".join(parts), params)[0])

    def _exists(
        self, alias: str, outer: str, word: Word, params: Params, *, exact: bool = False
    ) -> str:
        return (
            f"EXISTS (SELECT 1 FROM person_token {alias}{self.by_person} WHERE "
            f"{alias}.person_id = {outer} AND {params.word(alias, word, exact=exact)})"
        )

    def intersect(self, words: Sequence[Word], cap: int, *, exact: bool = False) -> list[str]:
        """People matching every word: the first word's postings, the others confirmed."""
        params = Params(cap=cap)
        others = " ".join(
            "AND " + self._exists(f"t{i}", "d.person_id", w, params, exact=exact)
            for i, w in enumerate(words[1:])
        )
        sql = (
            f"{self._postings(words[0], params, exact=exact)} "
            f"SELECT DISTINCT d.person_id FROM d WHERE 1 = 1 {others} LIMIT :cap"
        )
        return [row[0] for row in self._rows(sql, params)]

    def _postings(self, word: Word, params: Params, *, exact: bool = False) -> str:
        """``d``: the (person, name word) pairs matching ``word``, read from the primary key
        first (materialized, so that no planner can prefer walking a whole index)."""
        return (
            "WITH d AS MATERIALIZED (SELECT p.person_id, p.token FROM person_token p "
            f"WHERE {params.word('p', word, exact=exact)})"
        )

    def recent(self, words: Sequence[Word], limit: int, *, exact: bool = False) -> list[str]:
        """The people last seen at this site who match every word, most recent first."""
        if self.site_id is None:
            return []
        params = Params(site=self.site_id, n=limit)
        conds = " AND ".join(
            self._exists(f"t{i}", "s.person_id", w, params, exact=exact)
            for i, w in enumerate(words)
        )
        sql = (
            "SELECT s.person_id FROM person_site_seen s WHERE s.site_id = :site AND "
            f"{conds} ORDER BY s.last_seen_at DESC LIMIT :n"
        )
        return [row[0] for row in self._rows(sql, params)]

    def ranked(self, word: Word, limit: int, *, exact: bool = False) -> list[str]:
        """People with a name word matching ``word``: exact, then prefix, then typo; the
        most recently seen at this site first within each. Reads every posting."""
        params = Params(site=self.site_id, n=limit)
        w, hi = params.add(word.text), params.add(word.text + HIGH)
        sql = (
            f"{self._postings(word, params, exact=exact)} "
            f"SELECT d.person_id, max(CASE WHEN d.token = {w} THEN 3 WHEN d.token >= {w} AND "
            f"d.token < {hi} THEN 2 ELSE 1 END) AS tier, max(s.last_seen_at) AS seen "
            "FROM d LEFT JOIN person_site_seen s ON s.person_id = d.person_id "
            "AND s.site_id = :site GROUP BY d.person_id "
            "ORDER BY tier DESC, seen DESC NULLS LAST LIMIT :n"
        )
        return [row[0] for row in self._rows(sql, params)]

    def tokens(self, person_ids: Iterable[str]) -> list[tuple[str, str]]:
        """Every name word of these people."""
        ids = sorted(set(person_ids))
        if not ids:
            return []
        params = Params()
        sql = (
            f"SELECT t.person_id, t.token FROM person_token t{self.by_person} "
            f"WHERE t.person_id IN {params.in_(ids)}"
        )
        return [(p, t) for p, t in self._rows(sql, params)]

    def facts(self, person_ids: Iterable[str]) -> list[tuple[str, int, Any, str | None]]:
        """How many letters each person's whole name has, when they were last seen at
        this site (or None), and their family name."""
        ids = sorted(set(person_ids))
        if not ids:
            return []
        params = Params(site=self.site_id)
        sql = (
            "SELECT n.person_id, length(replace(n.text, ' ', '')), s.last_seen_at, "
            "p.family_name FROM person_search n JOIN person p ON p.id = n.person_id "
            "LEFT JOIN person_site_seen s ON s.person_id = n.person_id "
            f"AND s.site_id = :site WHERE n.person_id IN {params.in_(ids)}"
        )
        return [(p, size, seen, family) for p, size, seen, family in self._rows(sql, params)]

    def middle(self, words: Sequence[str], cap: int) -> list[str]:
        """People whose name holds every word (3+ letters) anywhere, even in mid-word."""
        if not words:
            return []
        params = Params(cap=cap)
        if not self.sqlite:
            conds = " AND ".join(
                f"s.text LIKE {params.add('%' + w.replace('%', '') + '%')}" for w in words
            )
            return [
                r[0]
                for r in self._rows(
                    f"SELECT s.person_id FROM person_search s WHERE {conds} LIMIT :cap", params
                )
            ]
        match = " AND ".join('"' + w.replace('"', "") + '"' for w in words)
        sql = (
            "SELECT s.person_id FROM person_fts JOIN person_search s ON s.rowid = person_fts.rowid "
            f"WHERE person_fts MATCH {params.add(match)} LIMIT :cap"
        )
        return [row[0] for row in self._rows(sql, params)]

    def live_by(self, column: str, prefix: str, limit: int) -> list[str]:
        """People whose codice fiscale or national phone digits start with ``prefix``.

        Merged and deleted people are left out here rather than in SQL, so that the planner
        always walks the column's own index."""
        params = Params(n=limit * 3)
        lo, hi = params.add(prefix), params.add(prefix + HIGH)
        sql = (
            f"SELECT id, merged_into_id, deleted FROM person WHERE {column} >= {lo} "
            f"AND {column} < {hi} ORDER BY {column} LIMIT :n"
        )
        rows = self._rows(sql, params)
        return [r[0] for r in rows if r[1] is None and not r[2]][:limit]
