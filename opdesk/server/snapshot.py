"""A desk's first download as a snapshot: its scope read table by table at one version.

Handed out by version, a new desk's rows came from a walk through every version of the
network: HQ read all of HQ's rows and sorted each page by its scope, three times the
work of reading only the desk's own, through the indexes on ``hq_scope_member``. A
snapshot's pages are all read at the version HQ had when the first was asked: a row
changed since then has a newer version, is left out, and comes with the ordinary pull
from that version on, which follows the snapshot. What it holds is ``holds(scope)``.

Its place between two pages is a token, ``{version}.{phase}.{last id}``: the desk
keeps it with its cursor, so an interrupted download resumes where it stopped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Date,
    Select,
    Table,
    and_,
    false,
    func,
    select,
    union,
)

from opdesk.core.mutations.pages import ServerTable
from opdesk.server import scopes
from opdesk.server.scopes import INDEX_PURPOSE, Scope, holds, is_member
from opdesk.storage.models import SYNCED_MODELS, Consent, HqScopeMember, Person, table_of
from opdesk.storage.types import UTCDateTime
from opdesk.sync.protocol import START, TOKEN_PATTERN

_person = table_of(Person)
_member = table_of(HqScopeMember)
_consent = table_of(Consent)


@dataclass(frozen=True)
class Position:
    """Where a snapshot stands: at ``version``, in ``phase``, after the row ``after``."""

    version: int
    phase: int = 0
    after: str = ""

    @classmethod
    def of(cls, token: str, high: int) -> Position:
        """The token's position; a snapshot of a version HQ does not have yet (HQ was
        restored from a backup: the desk is told by the epoch) starts again at ``high``."""
        if not re.match(TOKEN_PATTERN, token) or token == START:
            return cls(high)
        version, phase, after = token.split(".", 2)
        if int(version) > high:
            return cls(high)
        return cls(int(version), int(phase), after)

    def token(self) -> str:
        return f"{self.version}.{self.phase}.{self.after}"


@dataclass(frozen=True)
class Phase:
    table: Table
    rows: Select[Any]  # of ``table``'s columns, at any version
    minimal: bool = False  # people the desk holds as the network index's minimal record
    counted: bool = True  # in the count for the progress bar (not: few rows, slow to count)


def json_values(
    conn: Connection, table: Table, query: Select[Any]
) -> tuple[tuple[str, ...], list[list[Any]]]:
    """The column names of ``query`` (of ``table``'s columns) and its rows' JSON values."""
    batch = conn.execute(query)
    keys = tuple(batch.keys())
    columns = zip(keys, table.columns, strict=True)
    dated = [i for i, (_key, column) in enumerate(columns) if _dated(column)]
    found = []
    for values in batch.all():  # fetched at once: a row at a time costs a fifth more
        row = list(values)
        for i in dated:  # only these need turning into JSON's text
            if (value := row[i]) is not None:
                row[i] = value.isoformat()
        found.append(row)
    return keys, found


def json_rows(conn: Connection, table: Table, query: Select[Any]) -> list[dict[str, Any]]:
    """The rows of ``query`` (of ``table``'s columns) as JSON-able dicts."""
    keys, rows = json_values(conn, table, query)
    return [dict(zip(keys, row, strict=True)) for row in rows]


def above(table: Table, cursor: int, high: int) -> ColumnElement[bool]:
    """Rows of versions (cursor, high]: at 0, those made by migrations on every desk."""
    return and_(table.c.version > cursor, table.c.version <= high)


def _dated(column: Column[Any]) -> bool:
    return isinstance(column.type, UTCDateTime | Date)


def snapshot_page(
    conn: Connection, scope: Scope, position: Position, limit: int
) -> tuple[list[ServerTable], Position | None]:
    """Up to ``limit`` rows from ``position`` on, and where the next page starts (None:
    the snapshot is complete)."""
    found: dict[str, tuple[tuple[str, ...], dict[str, list[Any]]]] = {}
    phases = _phases(scope)
    phase, after, count = position.phase, position.after, 0
    while phase < len(phases) and count < limit:
        step, wanted = phases[phase], limit - count
        query = _from(conn, step, position.version, after, wanted + 1)
        columns, rows = json_values(conn, step.table, query)
        at = columns.index("id")
        kept = found.setdefault(step.table.name, (columns, {}))[1]
        for values in rows[:wanted]:  # a person with two network index consents comes twice
            if step.minimal:
                data = scopes.minimal(dict(zip(columns, values, strict=True)))
                values = [data[name] for name in columns]
            kept[str(values[at])] = values
        count = sum(len(rows_of) for _columns, rows_of in found.values())
        if len(rows) <= wanted:
            phase, after = phase + 1, ""
        else:
            after = str(rows[wanted - 1][at])
    # A full page that ended a phase: the empty phases after it are passed now, so that
    # a snapshot never ends on an empty page (a round trip for nothing).
    while phase < len(phases) and not after:
        if conn.execute(_from(conn, phases[phase], position.version, "", 1)).first() is not None:
            break
        phase += 1
    following = Position(position.version, phase, after) if phase < len(phases) else None
    tables = [
        ServerTable(name, columns, list(rows_of.values()))
        for name, (columns, rows_of) in found.items()
        if rows_of
    ]
    return tables, following


def snapshot_size(conn: Connection, scope: Scope, version: int) -> int:
    """Nearly the rows of the snapshot at ``version``, for the progress bar: a count per
    phase, but the people only members' records name (few; the union is slow to count)."""
    total = 0
    for step in _phases(scope):
        if step.counted:
            rows = step.rows.where(above(step.table, 0, version)).subquery()
            total += int(conn.execute(select(func.count()).select_from(rows)).scalar() or 0)
    return total


def _from(conn: Connection, step: Phase, version: int, after: str, limit: int) -> Select[Any]:
    """The phase's rows at ``version``, after the row ``after``, in order of id."""
    table = step.table
    # On SQLite the version as an expression, not a column: SQLite would read the rows
    # by its index, then sort the whole table for each page (a tenth of a second a page
    # of visits). Read in order of id, the version only filters (as PostgreSQL plans it:
    # there an expression would blur its estimates, and its joins).
    sqlite = conn.dialect.name == "sqlite"
    unindexed = table.c.version + 0 if sqlite else table.c.version
    return (
        step.rows.where(unindexed > 0, unindexed <= version, table.c.id > after)
        .order_by(table.c.id)
        .limit(limit)
    )


def _phases(scope: Scope) -> list[Phase]:
    """The desk's rows, table by table; people in three parts, each found by indexes:
    its sites' members (whole), the network index and the people the members' records
    name (both minimal). One query for all three made PostgreSQL hash whole tables for
    every page."""
    tables = [table_of(model) for model in SYNCED_MODELS]
    if scope.sites is None:
        return [Phase(table, select(table)) for table in tables]
    found = []
    for table in tables:
        if table is _person:
            found += _people_phases(scope)
        else:
            found.append(Phase(table, select(table).where(holds(scope, table.name))))
    return found


def _people_phases(scope: Scope) -> list[Phase]:
    assert scope.sites is not None
    members = select(_person).join(_member, _member.c.person_id == _person.c.id)
    members = members.where(_member.c.site_id.in_(scope.sites))
    outsider = ~is_member(scope, _person.c.id)
    indexed = (
        select(_person)
        .join(_consent, _consent.c.person_id == _person.c.id)
        .where(
            _consent.c.purpose == INDEX_PURPOSE,
            _consent.c.withdrawn_at.is_(None),
            _consent.c.deleted.is_(false()),
            _person.c.deleted.is_(false()),
            _person.c.merged_into_id.is_(None),
            outsider,
        )
    )
    named = select(_person).where(_person.c.id.in_(_named_by_members(scope)), outsider)
    return [
        Phase(_person, members),
        Phase(_person, indexed, minimal=True),
        Phase(_person, named, minimal=True, counted=False),
    ]


def _named_by_members(scope: Scope) -> Select[Any]:
    """The people members' records name (``scopes._named_by_members``, as one set)."""
    assert scope.sites is not None
    member = _member.alias("naming_member")
    parts = [
        select(named.label("person_id"))
        .select_from(table.join(member, member.c.person_id == owner))
        .where(member.c.site_id.in_(scope.sites), named.is_not(None))
        for named, owner, table in scopes.NAMING
    ]
    every = union(*parts).subquery()
    return select(every.c.person_id)
