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

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, exists, false, func, insert, or_, select, true
from sqlalchemy.sql.elements import ColumnElement

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


def note_changes(conn: Connection, keys: Iterable[RowKey], version: int) -> None:
    """After a mutation at HQ (``keys``: the rows it changed): people who now belong to a
    site become its members at this ``version``."""
    wanted: set[tuple[str, str]] = set()
    merged: dict[str, str] = {}
    for table_name, row_id in keys:
        if table_name == "visit":
            row = conn.execute(
                select(_visit.c.site_id, _visit.c.person_id).where(_visit.c.id == row_id)
            ).first()
            if row is not None and row.person_id is not None:
                wanted.add((row.site_id, row.person_id))
        elif table_name == "person":
            row = conn.execute(
                select(_person.c.registered_site_id, _person.c.merged_into_id).where(
                    _person.c.id == row_id
                )
            ).first()
            if row is None:
                continue
            if row.registered_site_id is not None:
                wanted.add((row.registered_site_id, row_id))
            if row.merged_into_id is not None:
                merged[row_id] = row.merged_into_id
    for away, kept in merged.items():
        for (site_id,) in conn.execute(
            select(_member.c.site_id).where(_member.c.person_id == away)
        ):
            wanted.add((site_id, kept))
    _add_members(conn, wanted, version)


def _add_members(conn: Connection, wanted: set[tuple[str, str]], version: int) -> None:
    for site_id, person_id in sorted(wanted):
        known = conn.execute(
            select(_member.c.version).where(
                _member.c.site_id == site_id, _member.c.person_id == person_id
            )
        ).first()
        if known is None:
            conn.execute(
                insert(_member).values(site_id=site_id, person_id=person_id, version=version)
            )


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
    sorts them)."""
    if scope.sites is None:
        return None
    held = holds(scope, table_name)
    if table_name == "person":  # merged away or deleted: the minimal record leaves
        return or_(held, _person.c.deleted.is_(true()), _person.c.merged_into_id.is_not(None))
    if table_name == "consent":  # given or withdrawn: a minimal record comes or goes
        return or_(held, _consent.c.purpose == INDEX_PURPOSE)
    return held


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
    ids = sorted(person_ids)
    for start in range(0, len(ids), 500):
        found.update(
            conn.execute(
                select(_member.c.person_id).where(
                    _member.c.person_id.in_(ids[start : start + 500]),
                    _member.c.site_id.in_(scope.sites),
                )
            ).scalars()
        )
    return found


def held(conn: Connection, scope: Scope, person_ids: Collection[str]) -> set[str]:
    """Those of these people a desk of this scope holds (whole or minimal)."""
    found: set[str] = set()
    ids = sorted(person_ids)
    condition = holds(scope, "person")
    for start in range(0, len(ids), 500):
        found.update(
            conn.execute(
                select(_person.c.id).where(_person.c.id.in_(ids[start : start + 500]), condition)
            ).scalars()
        )
    return found


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


def whole_records(conn: Connection, person_ids: Collection[str]) -> dict[str, list[Any]]:
    """The rows that make up these people's records: person, consents, links (current)."""
    ids = sorted(person_ids)
    found: dict[str, list[Any]] = {"person": [], "consent": [], "household_link": []}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found["person"] += conn.execute(select(_person).where(_person.c.id.in_(chunk))).mappings()
        found["consent"] += conn.execute(
            select(_consent).where(_consent.c.person_id.in_(chunk))
        ).mappings()
        found["household_link"] += conn.execute(
            select(_link).where(or_(_link.c.person_id.in_(chunk), _link.c.member_id.in_(chunk)))
        ).mappings()
    return found


def people_rows(conn: Connection, person_ids: Collection[str]) -> list[Any]:
    ids = sorted(person_ids)
    found: list[Any] = []
    for start in range(0, len(ids), 500):
        found += conn.execute(
            select(_person).where(_person.c.id.in_(ids[start : start + 500]))
        ).mappings()
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
