"""Which rows a desk receives: its scope.

A device's desks hold, for the sites of the device:
- reference data whole (sites and users: users are also the recorders of records that
  travel between sites);
- in full, the *members* of those sites: people who registered or came there, or were
  merged into someone who did (``hq_scope_member``, kept as mutations are applied), with
  their consents and household links, and the sites' visits;
- a minimal record (name, birth year, comune; ``index_only``) of everyone else in the
  network who consented to the network index, and of the people the members' links and
  consents name (a guardian registered at another opcafè), so that references hold.

Membership only grows, and it is versioned: a person who *enters* a site's scope at
version v is sent whole, with their consents and links, to every desk whose cursor is
below v, even though their rows are older. A person leaves a desk only through the
index (their consent withdrawn, merged away or deleted): the desk is told to remove the
minimal record, and does so only when nothing of its own refers to it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ARRAY,
    Column,
    Connection,
    String,
    Table,
    and_,
    any_,
    bindparam,
    exists,
    false,
    func,
    insert,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.sql.elements import ColumnElement

from opdesk.storage.bulk import chunks, insert_ignoring_duplicates
from opdesk.storage.models import (
    Consent,
    HouseholdLink,
    HqScopeMember,
    Person,
    Visit,
    table_of,
)
from opdesk.storage.rows import RowKey

INDEX_PURPOSE = "network_index"
# The person columns a minimal record keeps; every other one is left empty.
INDEX_COLUMNS = (
    "id",
    "version",
    "deleted",
    "given_name",
    "family_name",
    "registered_at",
    "registered_site_id",
)


@dataclass(frozen=True)
class Scope:
    """The sites whose desks are served; ``None``: everything (HQ's own tools)."""

    sites: frozenset[str] | None = None

    @classmethod
    def of_site(cls, site_id: str | None) -> Scope:
        return cls(None if site_id is None else frozenset({site_id}))


EVERYTHING = Scope()

_member = table_of(HqScopeMember)
_person = table_of(Person)
_consent = table_of(Consent)
_link = table_of(HouseholdLink)
_visit = table_of(Visit)


# --- keeping membership as HQ applies mutations -------------------------------------


@dataclass(frozen=True)
class Changed:
    """The visits and people some mutations changed, as far as membership goes."""

    visits: dict[str, Any]
    people: dict[str, Any]


def changed_rows(conn: Connection, changed: Iterable[Collection[RowKey]]) -> Changed:
    """Read once for all the mutations of a push (a few statements, not a few each). The
    rows are this transaction's own writes, locked by it: they may be read before the
    counter is taken, which other desks' pushes wait for (a round trip less each)."""
    keys = {key for each in changed for key in each}
    visit_ids = sorted(row_id for table_name, row_id in keys if table_name == "visit")
    person_ids = sorted(row_id for table_name, row_id in keys if table_name == "person")
    return Changed(
        _rows_by_id(conn, _visit, (_visit.c.site_id, _visit.c.person_id), visit_ids),
        _rows_by_id(
            conn, _person, (_person.c.registered_site_id, _person.c.merged_into_id), person_ids
        ),
    )


def note_changes(
    conn: Connection,
    changes: Sequence[tuple[Collection[RowKey], int]],
    changed: Changed | None = None,
) -> None:
    """After mutations at HQ (each: the rows it changed, its version, in version order;
    ``changed``: those rows, if read already): people who now belong to a site become its
    members at the first such version. Run with the counter taken: who else is a member,
    and who was merged into whom, is read as the pushes before this one left it."""
    if changed is None:
        changed = changed_rows(conn, [keys for keys, _version in changes])
    visits, people = changed.visits, changed.people
    merged_away = sorted({p for p, row in people.items() if row.merged_into_id is not None})
    sites_of: dict[str, set[str]] = {}  # the sites each merged-away person belongs to
    if merged_away:
        for site_id, person_id in conn.execute(
            select(_member.c.site_id, _member.c.person_id).where(
                among(conn, _member.c.person_id, merged_away)
            )
        ):
            sites_of.setdefault(person_id, set()).add(site_id)
    away_ids = set(merged_away)
    wanted: dict[tuple[str, str], int] = {}

    def want(site_id: str, person_id: str, version: int) -> None:
        wanted.setdefault((site_id, person_id), version)
        if person_id in away_ids:  # what a merge later in the batch hands on
            sites_of.setdefault(person_id, set()).add(site_id)

    for keys, version in changes:
        merged: dict[str, str] = {}
        for table_name, row_id in sorted(keys):
            if table_name == "visit" and (visit := visits.get(row_id)) is not None:
                if visit.person_id is not None:
                    want(visit.site_id, visit.person_id, version)
            elif table_name == "person" and (person := people.get(row_id)) is not None:
                if person.registered_site_id is not None:
                    want(person.registered_site_id, row_id, version)
                if person.merged_into_id is not None:
                    merged[row_id] = person.merged_into_id
        for away, kept in merged.items():
            for site_id in sorted(sites_of.get(away, ())):
                want(site_id, kept, version)
    _with_the_kept(conn, wanted, people)
    _add_members(conn, wanted)


def _with_the_kept(
    conn: Connection, wanted: dict[tuple[str, str], int], people: dict[str, Any]
) -> None:
    """A merged-away person who becomes a member brings the person they were merged into
    (and on along the chain), as the merge itself hands on the sites they had: a check-in
    that read them unmerged while the merge was committing (two desks' pushes at once)
    made them a member after the merge had handed their sites on."""
    merged_into = {p: str(r.merged_into_id) for p, r in people.items() if r.merged_into_id}
    unread = {p for _site, p in wanted} - set(people)
    while unread:
        rows = _rows_by_id(conn, _person, (_person.c.merged_into_id,), sorted(unread))
        found = {p: str(r.merged_into_id) for p, r in rows.items() if r.merged_into_id}
        merged_into.update(found)
        unread = set(found.values()) - set(merged_into) - set(people)
    for (site_id, person_id), version in list(wanted.items()):
        seen = {person_id}
        while (person_id := merged_into.get(person_id, "")) and person_id not in seen:
            seen.add(person_id)
            wanted.setdefault((site_id, person_id), version)


def _rows_by_id(
    conn: Connection, table: Any, columns: tuple[Any, ...], ids: list[str]
) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for chunk in chunks(ids):
        query = select(table.c.id, *columns).where(among(conn, table.c.id, chunk))
        found.update((str(row.id), row) for row in conn.execute(query))
    return found


def _add_members(conn: Connection, wanted: dict[tuple[str, str], int]) -> None:
    """New members at their versions; a membership already there keeps its own, older."""
    rows = [
        {"site_id": site_id, "person_id": person_id, "version": version}
        for (site_id, person_id), version in sorted(wanted.items())
    ]
    if rows:
        insert_ignoring_duplicates(conn, _member, rows)


def rebuild_members(conn: Connection) -> int:
    """Membership from scratch, for data loaded in bulk (demo data, a restore)."""
    conn.execute(_member.delete())
    found = select(
        _person.c.registered_site_id.label("site_id"),
        _person.c.id.label("person_id"),
        _person.c.version,
    ).where(_person.c.registered_site_id.is_not(None))
    came = select(_visit.c.site_id, _visit.c.person_id, _visit.c.version).where(
        _visit.c.person_id.is_not(None)
    )
    both = found.union_all(came).subquery()
    rows = conn.execute(
        select(both.c.site_id, both.c.person_id, func.min(both.c.version)).group_by(
            both.c.site_id, both.c.person_id
        )
    ).all()
    if rows:
        conn.execute(
            insert(_member),
            [{"site_id": s, "person_id": p, "version": v} for s, p, v in rows],
        )
    return len(rows)


# --- filters for the pull ------------------------------------------------------------


def among(conn: Connection, column: ColumnElement[Any], ids: Sequence[str]) -> ColumnElement[bool]:
    """``column IN ids``; on PostgreSQL one array parameter (``= ANY``), whose statement
    is the same whatever the count: 500 parameters each cost psycopg and the planner."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam("among_ids", list(ids), type_=ARRAY(String)))
    return column.in_(ids)


def is_member(scope: Scope, person_id: Any) -> ColumnElement[bool]:
    if scope.sites is None:
        return true()
    return exists().where(_member.c.person_id == person_id, _member.c.site_id.in_(scope.sites))


def holds(scope: Scope, table_name: str) -> ColumnElement[bool]:
    """The rows of a synced table a desk of this scope holds: what its pull gives it and
    its divergence check compares."""
    if scope.sites is None:
        return true()
    if table_name == "person":
        person = _person.c.id
        alive = and_(_person.c.deleted.is_(false()), _person.c.merged_into_id.is_(None))
        return or_(
            is_member(scope, person),
            and_(_indexed(person), alive),
            _named_by_members(scope, person),
        )
    if table_name == "consent":
        return is_member(scope, _consent.c.person_id)
    if table_name == "household_link":
        return or_(is_member(scope, _link.c.person_id), is_member(scope, _link.c.member_id))
    if table_name == "visit":
        return _visit.c.site_id.in_(scope.sites)
    return true()


def row_filter(scope: Scope, table_name: str) -> ColumnElement[bool] | None:
    """The rows of a synced table a pull looks at for this scope (None: all): those the
    desk holds, and those that tell it a minimal record leaves (``_scoped`` in the pull
    sorts them; people are all looked at)."""
    if scope.sites is None:
        return None
    if table_name in ("person", "household_link"):  # all: the pull sorts them, faster
        return None
    if table_name == "consent":  # given or withdrawn: a minimal record comes or goes
        # A lookup per consent of the range (a page's at most), not ``IN (members)``:
        # PostgreSQL hashed every member of the site for it, 12-17 ms for a few rows.
        return or_(is_member(scope, _consent.c.person_id), _consent.c.purpose == INDEX_PURPOSE)
    return holds(scope, table_name)


def _named_by_members(scope: Scope, person_id: Any) -> ColumnElement[bool]:
    """Named by a member's record: a household link, a consent given for them, a merge."""
    link = _link.alias("named_link")
    consent = _consent.alias("named_consent")
    merged = _person.alias("named_merged")
    return or_(
        exists().where(link.c.member_id == person_id, is_member(scope, link.c.person_id)),
        exists().where(link.c.person_id == person_id, is_member(scope, link.c.member_id)),
        exists().where(consent.c.given_by_id == person_id, is_member(scope, consent.c.person_id)),
        exists().where(merged.c.merged_into_id == person_id, is_member(scope, merged.c.id)),
    )


def _indexed(person_id: Any) -> ColumnElement[bool]:
    index = _consent.alias("index_consent")
    return exists().where(
        index.c.person_id == person_id,
        index.c.purpose == INDEX_PURPOSE,
        index.c.withdrawn_at.is_(None),
        index.c.deleted.is_(false()),
    )


def members(conn: Connection, scope: Scope, person_ids: Collection[str]) -> set[str]:
    if scope.sites is None:
        return set(person_ids)
    found: set[str] = set()
    for chunk in chunks(sorted(person_ids)):
        found.update(
            conn.execute(
                select(_member.c.person_id).where(
                    among(conn, _member.c.person_id, chunk),
                    _member.c.site_id.in_(scope.sites),
                )
            ).scalars()
        )
    return found


def held_minimal(conn: Connection, scope: Scope, non_members: Collection[str]) -> set[str]:
    """Those of these people, none a member of the scope, that its desks hold as a
    minimal record: what ``holds(scope, "person")`` adds to the members, found by index
    lookups on the ids. As one SQL filter, PostgreSQL hashes whole tables for each page
    of a pull (0.7 s a page)."""
    if scope.sites is None:
        return set(non_members)
    found: set[str] = set()
    for chunk in chunks(sorted(non_members)):
        found |= _indexed_alive(conn, chunk)
        rest = [p for p in chunk if p not in found]
        if rest:
            found |= _named_among(conn, scope, rest)
    return found


def _indexed_alive(conn: Connection, person_ids: Sequence[str]) -> set[str]:
    query = (  # a join, not EXISTS: PostgreSQL would hash every consent for it
        select(_consent.c.person_id)
        .select_from(_consent.join(_person, _person.c.id == _consent.c.person_id))
        .where(
            among(conn, _consent.c.person_id, person_ids),
            _consent.c.purpose == INDEX_PURPOSE,
            _consent.c.withdrawn_at.is_(None),
            _consent.c.deleted.is_(false()),
            _person.c.deleted.is_(false()),
            _person.c.merged_into_id.is_(None),
        )
    )
    return {str(p) for p in conn.execute(query).scalars()}


# The ways a member's record names a person: (the person named, the member, the table).
NAMING: tuple[tuple[Column[Any], Column[Any], Table], ...] = (
    (_link.c.member_id, _link.c.person_id, _link),
    (_link.c.person_id, _link.c.member_id, _link),
    (_consent.c.given_by_id, _consent.c.person_id, _consent),
    (_person.c.merged_into_id, _person.c.id, _person),
)


def _named_among(conn: Connection, scope: Scope, person_ids: Sequence[str]) -> set[str]:
    """Those of these people a member's record names (``_named_by_members``)."""
    assert scope.sites is not None
    member = _member.alias("naming_member")
    queries = [
        select(named.label("person_id"))
        .select_from(table.join(member, member.c.person_id == owner))
        .where(among(conn, named, person_ids), member.c.site_id.in_(scope.sites))
        for named, owner, table in NAMING
    ]
    # One round trip for the four ways of being named (a query each: a fifth of a scoped
    # first download's time at HQ was spent on them).
    return {str(p) for p in conn.execute(union_all(*queries)).scalars()}


def counted(scope: Scope, table_name: str) -> ColumnElement[bool] | None:
    """Nearly ``row_filter``, cheap enough to count a large pull's rows for its progress
    bar: people that only members' records name (few) are left out."""
    if scope.sites is None:
        return None
    if table_name == "person":
        person = _person.c.id
        alive = and_(_person.c.deleted.is_(false()), _person.c.merged_into_id.is_(None))
        return or_(is_member(scope, person), and_(_indexed(person), alive))
    return row_filter(scope, table_name)


def minimal(data: dict[str, Any]) -> dict[str, Any]:
    """A person's row as the network index holds it (JSON values)."""
    kept = {name: data.get(name) for name in INDEX_COLUMNS}
    born = data.get("birth_date")
    year = data.get("birth_year") or (int(str(born)[:4]) if born else None)
    comune = data.get("residence_comune") or data.get("domicile_comune")
    empty = {name: None for name in data if name not in kept}
    return (
        empty
        | kept
        | {
            "birth_year": year,
            "residence_comune": comune,
            "homeless": False,
            "merged_into_id": None,
            "index_only": True,
        }
    )


def entered(conn: Connection, scope: Scope, cursor: int, horizon: int) -> list[tuple[int, str]]:
    """People who entered the scope at versions (cursor, horizon]: (version, person id)."""
    if scope.sites is None:
        return []
    rows = conn.execute(
        select(_member.c.version, _member.c.person_id)
        .where(
            _member.c.site_id.in_(scope.sites),
            _member.c.version > cursor,
            _member.c.version <= horizon,
        )
        .order_by(_member.c.version)
    )
    return [(int(v), str(p)) for v, p in rows]


def entered_people(conn: Connection, scope: Scope, cursor: int) -> list[str]:
    """People whose place in this scope changed after ``cursor``: they entered it, or a
    network index consent of theirs was given or withdrawn."""
    if scope.sites is None:
        return []
    came = select(_member.c.person_id).where(
        _member.c.site_id.in_(scope.sites), _member.c.version > cursor
    )
    index = select(_consent.c.person_id).where(
        _consent.c.purpose == INDEX_PURPOSE, _consent.c.version > cursor
    )
    return sorted({str(p) for p in conn.execute(came.union(index)).scalars()})


def whole_records(
    conn: Connection, person_ids: Collection[str], *, through: int
) -> dict[str, list[Any]]:
    """The rows that make up these people's records (person, consents, links) as they
    are now, those of version ``through`` or older: newer ones travel by version."""
    found: dict[str, list[Any]] = {"person": [], "consent": [], "household_link": []}
    for chunk in chunks(sorted(person_ids)):
        found["person"] += conn.execute(
            select(_person).where(among(conn, _person.c.id, chunk), _person.c.version <= through)
        ).mappings()
        found["consent"] += conn.execute(
            select(_consent).where(
                among(conn, _consent.c.person_id, chunk), _consent.c.version <= through
            )
        ).mappings()
        found["household_link"] += conn.execute(
            select(_link).where(
                or_(among(conn, _link.c.person_id, chunk), among(conn, _link.c.member_id, chunk)),
                _link.c.version <= through,
            )
        ).mappings()
    return found


def people_rows(conn: Connection, person_ids: Collection[str]) -> list[Any]:
    found: list[Any] = []
    for chunk in chunks(sorted(person_ids)):
        found += conn.execute(select(_person).where(among(conn, _person.c.id, chunk))).mappings()
    return found


def referenced_people(table_name: str, data: dict[str, Any]) -> list[str]:
    """The people a row of a member's record names besides its own person."""
    if table_name == "household_link":
        return [data["person_id"], data["member_id"]]
    if table_name == "consent":
        return [p for p in (data["person_id"], data.get("given_by_id")) if p]
    if table_name == "person":
        return [data["merged_into_id"]] if data.get("merged_into_id") else []
    if table_name == "visit":
        return [data["person_id"]] if data.get("person_id") else []
    return []
