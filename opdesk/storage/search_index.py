"""Keeps the derived search tables in step with the people and visits they index.

The derived tables (``person_token``, ``token_variant``, ``person_search`` with its FTS5
or pg_trgm index, ``person_site_seen``) are never written by mutations: they are refreshed
here after every flush, after a rewind or a pull, and rebuilt in bulk by migrations and
demo data. So they can always be thrown away and rebuilt.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table, and_, bindparam, case, delete, func, select

from opdesk.storage.bulk import (
    CHUNK,
    chunks,
    dialect_insert,
    execute_many,
    insert_ignoring_duplicates,
)
from opdesk.storage.models import (
    Person,
    PersonSearch,
    PersonSiteSeen,
    PersonToken,
    TokenVariant,
    Visit,
    table_of,
)
from opdesk.storage.text import MIN_VARIANT_LENGTH, deletion_variants, fold, name_tokens
from opdesk.storage.types import UTCDateTime


def search_text(given_name: str | None, family_name: str | None) -> str:
    return " ".join(fold(n) for n in (family_name, given_name) if n)


def refresh_people(conn: Connection, person_ids: Iterable[str]) -> None:
    """Re-index these people; deleted and merged-away people leave the index."""
    ids = sorted(set(person_ids))
    for chunk in chunks(ids):
        old_tokens = set(
            conn.execute(
                select(PersonToken.token).where(PersonToken.person_id.in_(chunk))
            ).scalars()
        )
        if old_tokens:
            conn.execute(delete(PersonToken).where(PersonToken.person_id.in_(chunk)))
        conn.execute(delete(PersonSearch).where(PersonSearch.person_id.in_(chunk)))
        # Filtered here, not in SQL: without statistics (a new desk) SQLite would walk the
        # index of merged_into_id over every person instead of looking these up by id.
        found = conn.execute(
            select(
                Person.id, Person.given_name, Person.family_name, Person.deleted,
                Person.merged_into_id,
            ).where(Person.id.in_(chunk))
        )  # fmt: skip
        rows = [
            (p, given, family)
            for p, given, family, gone, merged in found
            if not gone and not merged
        ]
        index_people(conn, rows)
        forget_unused_variants(conn, old_tokens)


def forget_unused_variants(conn: Connection, tokens: set[str]) -> None:
    """A name word nobody has any more leaves the typo index too: after a rename, a
    merge or an erasure, no trace of the old name stays in the desk's database."""
    wanted = sorted(tokens)
    for chunk in chunks(wanted):
        used = set(
            conn.execute(
                select(PersonToken.token).where(PersonToken.token.in_(chunk)).distinct()
            ).scalars()
        )
        unused = [t for t in chunk if t not in used]
        if unused:
            conn.execute(delete(TokenVariant).where(TokenVariant.token.in_(unused)))


# A word is its own variant: looked up by the primary key, one row each. The words are
# bound when it runs (written into the statement, each chunk made a new one to compile).
_KNOWN_WORDS = select(TokenVariant.token).where(
    TokenVariant.variant.in_(bindparam("words", expanding=True)),
    TokenVariant.token == TokenVariant.variant,
)


def index_people(conn: Connection, rows: Sequence[Any]) -> None:
    """Insert index rows for (id, given_name, family_name) rows not yet indexed.

    Every word already indexed has its typo variants: only words nobody had get theirs
    (after the first thousands of people of a download, almost none)."""
    tokens: list[dict[str, Any]] = []
    texts: list[dict[str, Any]] = []
    words: set[str] = set()
    for person_id, given, family in rows:
        given_words, given_text = _indexed_name(given)
        family_words, family_text = _indexed_name(family)
        for token in given_words | family_words:
            tokens.append({"token": token, "person_id": person_id})
            words.add(token)
        if family and given:  # as search_text() makes it
            text = f"{family_text} {given_text}"
        else:
            text = family_text if family else given_text
        texts.append({"person_id": person_id, "text": text})
    words = {word for word in words if len(word) >= MIN_VARIANT_LENGTH}
    for chunk in chunks(sorted(words)):
        known = conn.execute(_KNOWN_WORDS, {"words": chunk})
        words.difference_update(known.scalars().all())  # at once: most words are known
    variants = [
        {"variant": variant, "token": token}
        for token in sorted(words)
        for variant in deletion_variants(token)
    ]
    insert_ignoring_duplicates(conn, table_of(PersonToken), tokens)
    insert_ignoring_duplicates(conn, table_of(TokenVariant), variants)
    with trigram_index_kept(conn):
        execute_many(conn, table_of(PersonSearch).insert(), texts)


@contextmanager
def trigram_index_kept(conn: Connection) -> Iterator[None]:
    """Rows added to ``person_search`` in the block are added to SQLite's FTS5 index
    after it, in one statement (FTS5 takes them four times faster than a row at a time
    from a trigger). PostgreSQL's pg_trgm index keeps itself."""
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.execute(select(func.coalesce(func.max(PersonSearch.rowid), 0))).scalar()
    yield
    conn.exec_driver_sql(
        "INSERT INTO person_fts(rowid, text) SELECT rowid, text FROM person_search WHERE rowid > ?",
        (before,),
    )


@lru_cache(maxsize=8192)
def _indexed_name(name: str | None) -> tuple[frozenset[str], str]:
    """A name's words and its folded text; names repeat a lot, folding them is slow."""
    return (frozenset(name_tokens(name)), fold(name)) if name else (frozenset(), "")


_LATEST = select(func.max(Visit.visited_at)).where(
    Visit.person_id == bindparam("person"),
    Visit.site_id == bindparam("site"),
    Visit.deleted.is_(False),
)
_FORGET = delete(PersonSiteSeen).where(
    PersonSiteSeen.person_id == bindparam("person"), PersonSiteSeen.site_id == bindparam("site")
)
_AT = bindparam("at", type_=UTCDateTime())


@lru_cache(maxsize=2)
def _upsert(dialect_name: str) -> Any:
    return (
        dialect_insert(dialect_name)(table_of(PersonSiteSeen))
        .values(person_id=bindparam("person"), site_id=bindparam("site"), last_seen_at=_AT)
        .on_conflict_do_update(index_elements=["person_id", "site_id"], set_={"last_seen_at": _AT})
    )


@lru_cache(maxsize=2)
def _seen_later(dialect_name: str) -> Any:
    seen = table_of(PersonSiteSeen).c.last_seen_at
    return (
        dialect_insert(dialect_name)(table_of(PersonSiteSeen))
        .values(person_id=bindparam("person"), site_id=bindparam("site"), last_seen_at=_AT)
        .on_conflict_do_update(
            index_elements=["person_id", "site_id"],
            set_={"last_seen_at": case((seen < _AT, _AT), else_=seen)},
        )
    )


FEW = 20


def record_seen(conn: Connection, seen: Iterable[tuple[str, str, Any]]) -> None:
    """A new visit can only make "last seen" later: an upsert each, no recount."""
    latest: dict[tuple[str, str], Any] = {}
    for person_id, site_id, at in seen:
        key = (person_id, site_id)
        if key not in latest or latest[key] < at:
            latest[key] = at
    execute_many(
        conn,
        _seen_later(conn.dialect.name),
        [{"person": p, "site": s, "at": at} for (p, s), at in sorted(latest.items())],
    )


def refresh_seen(conn: Connection, pairs: Iterable[tuple[str, str]]) -> None:
    """Recompute when each (person, site) pair was last seen from its visits."""
    keys = sorted(set(pairs))
    if len(keys) <= FEW:  # a check-in: two precompiled statements per pair
        for person_id, site_id in keys:
            key = {"person": person_id, "site": site_id}
            when = conn.execute(_LATEST, key).scalar()
            if when is None:
                conn.execute(_FORGET, key)
            else:
                conn.execute(_upsert(conn.dialect.name), {**key, "at": when})
        return
    forget = delete(PersonSiteSeen).where(
        PersonSiteSeen.person_id == bindparam("p"), PersonSiteSeen.site_id == bindparam("s")
    )
    for chunk in chunks(keys):
        # By person (an index prefix), not by (person, site) pairs: SQLite would scan
        # every visit for a list of pairs.
        people = sorted({person for person, _site in chunk})
        latest = conn.execute(
            select(Visit.person_id, Visit.site_id, func.max(Visit.visited_at))
            .where(Visit.person_id.in_(people), Visit.deleted.is_(False))
            .group_by(Visit.person_id, Visit.site_id)
        ).all()
        conn.execute(forget, [{"p": person, "s": site} for person, site in chunk])
        wanted = set(chunk)
        rows = [
            {"person_id": person, "site_id": site, "last_seen_at": at}
            for person, site, at in latest
            if (person, site) in wanted
        ]
        if rows:
            conn.execute(table_of(PersonSiteSeen).insert(), rows)


def _insert_all(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), 20 * CHUNK):
        conn.execute(table.insert(), rows[start : start + 20 * CHUNK])


def rebuild_all(conn: Connection) -> None:
    """Throw the derived tables away and build them again from people and visits.

    In bulk: each distinct name is folded once, each distinct word gets its variants
    once, and the rows go in in key order."""
    for model in (PersonToken, TokenVariant, PersonSearch, PersonSiteSeen):
        conn.execute(delete(model))
    people = conn.execute(
        select(Person.id, Person.given_name, Person.family_name)
        .where(Person.deleted.is_(False), Person.merged_into_id.is_(None))
        .order_by(Person.id)
    ).all()
    names: dict[str | None, tuple[set[str], str]] = {None: (set(), "")}
    pairs: list[tuple[str, str]] = []
    texts: list[dict[str, Any]] = []
    for person_id, given, family in people:
        for name in (given, family):
            if name not in names:
                names[name] = (name_tokens(name), search_text(name, None))
        (given_words, given_text), (family_words, family_text) = names[given], names[family]
        pairs.extend((token, person_id) for token in given_words | family_words)
        if family and given:  # as search_text() makes it
            text = f"{family_text} {given_text}"
        else:
            text = family_text if family else given_text
        texts.append({"person_id": person_id, "text": text})
    pairs.sort()
    distinct = sorted({token for token, _person in pairs})
    variants = sorted({(v, t) for t in distinct for v in deletion_variants(t)})
    _insert_all(conn, table_of(PersonToken), [{"token": t, "person_id": p} for t, p in pairs])
    _insert_all(conn, table_of(TokenVariant), [{"variant": v, "token": t} for v, t in variants])
    _insert_all(conn, table_of(PersonSearch), texts)
    if conn.dialect.name == "sqlite":  # from scratch, whether a trigger added rows or not
        conn.exec_driver_sql("INSERT INTO person_fts(person_fts) VALUES ('rebuild')")
    conn.execute(
        table_of(PersonSiteSeen)
        .insert()
        .from_select(
            ["person_id", "site_id", "last_seen_at"],
            select(Visit.person_id, Visit.site_id, func.max(Visit.visited_at))
            .where(and_(Visit.deleted.is_(False), Visit.person_id.is_not(None)))
            .group_by(Visit.person_id, Visit.site_id),
        )
    )
