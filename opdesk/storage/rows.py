"""Synced rows as plain JSON-able dicts: before-copies, server rows, restores.

Also the two session hooks: one records the first before-copy of every synced row a
unit of work changes, the other keeps the derived search tables up to date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any, ClassVar

from sqlalchemy import Connection, bindparam, delete, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.base import NO_VALUE
from sqlalchemy.sql.sqltypes import Date

from opdesk.storage.bulk import chunks, execute_many, insert_values, utc_storage_text
from opdesk.storage.models import MODEL_BY_TABLE, Person, Site, Synced, Visit, table_of
from opdesk.storage.search_index import index_people, record_seen, refresh_people, refresh_seen
from opdesk.storage.types import UTCDateTime

RowKey = tuple[str, str]  # (table name, row id)
RowData = dict[str, Any]


def to_json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def row_data(obj: Synced) -> RowData:
    """The object's current column values."""
    mapper = inspect(type(obj))
    return {c.key: to_json_value(getattr(obj, c.key)) for c in mapper.column_attrs}


def before_data(obj: Synced) -> RowData:
    """The column values the object had when loaded, before this flush changes them."""
    state = inspect(obj)
    data: RowData = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.deleted and history.deleted[0] is not NO_VALUE:
            value = history.deleted[0]
        else:
            value = getattr(obj, attr.key)
        data[attr.key] = to_json_value(value)
    return data


def decode_row(table_name: str, data: RowData) -> RowData:
    decoded = dict(data)
    for key, decode in _decoders(table_name).items():
        value = decoded.get(key)
        if value is not None:
            decoded[key] = decode(value)
    return decoded


@cache
def _decoders(table_name: str) -> dict[str, Callable[[str], Any]]:
    """The columns whose JSON value is not Python's (dates, times), and how to turn it."""
    decoders: dict[str, Callable[[str], Any]] = {}
    for column in table_of(MODEL_BY_TABLE[table_name]).columns:
        if isinstance(column.type, UTCDateTime):
            decoders[column.key] = datetime.fromisoformat
        elif isinstance(column.type, Date):
            decoders[column.key] = date.fromisoformat
    return decoders


def read_row(conn: Connection, table_name: str, row_id: str) -> RowData | None:
    table = table_of(MODEL_BY_TABLE[table_name])
    row = conn.execute(select(table).where(table.c.id == row_id)).mappings().first()
    return None if row is None else {k: to_json_value(v) for k, v in row.items()}


def write_row(conn: Connection, table_name: str, row_id: str, data: RowData | None) -> None:
    """Make the row exactly ``data``; ``None`` removes it."""
    table = table_of(MODEL_BY_TABLE[table_name])
    if data is None:
        conn.execute(delete(table).where(table.c.id == row_id))
        return
    values = decode_row(table_name, data)
    exists = conn.execute(select(table.c.id).where(table.c.id == row_id)).first()
    if exists:
        # The key is left out of the SET: SQLite would otherwise look for the rows that
        # reference it, scanning a whole table where that reference has no index.
        values.pop("id", None)
        conn.execute(update(table).where(table.c.id == row_id).values(values))
    else:
        conn.execute(table.insert().values(values))


@dataclass
class ChangeTracker:
    """Collects, per unit of work, the first before-copy of every synced row changed."""

    before: dict[RowKey, RowData | None] = field(default_factory=dict)

    def record(self, obj: Synced, data: RowData | None) -> None:
        key = (obj.__tablename__, obj.id)
        self.before.setdefault(key, data)


TRACKER_KEY = "opdesk_change_tracker"


def start_tracking(session: Session) -> ChangeTracker:
    tracker = ChangeTracker()
    session.info[TRACKER_KEY] = tracker
    return tracker


def stop_tracking(session: Session) -> None:
    session.info.pop(TRACKER_KEY, None)


# Sites a transaction's mutations have found open (``ApplyContext.require_site``).
KNOWN_SITES = "opdesk_known_sites"


def _forget_sites(session: Session, *_args: Any) -> None:
    session.info.pop(KNOWN_SITES, None)


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if KNOWN_SITES in session.info and any(
        isinstance(obj, Site) for obj in (*session.new, *session.dirty, *session.deleted)
    ):
        _forget_sites(session)
    tracker: ChangeTracker | None = session.info.get(TRACKER_KEY)
    if tracker is not None:
        capture_changes(session, tracker)


def capture_changes(session: Session, tracker: ChangeTracker) -> None:
    """Record the before-copies of what the session is about to write (also called
    without a flush, so that a mutation and its log entry share one flush)."""
    for obj in session.new:
        if isinstance(obj, Synced):
            tracker.record(obj, None)
    for obj in session.dirty:
        if isinstance(obj, Synced) and session.is_modified(obj, include_collections=False):
            tracker.record(obj, before_data(obj))
    for obj in session.deleted:
        if isinstance(obj, Synced):
            tracker.record(obj, before_data(obj))


INDEXED = ("given_name", "family_name", "deleted", "merged_into_id")  # what the index reads


def _after_flush(session: Session, _context: Any) -> None:
    people: set[str] = set()
    fresh: list[tuple[str, str | None, str | None]] = []
    seen: set[tuple[str, str]] = set()
    arrived: list[tuple[str, str, Any]] = []
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        if isinstance(obj, Person) and obj in session.new:
            if not obj.deleted and obj.merged_into_id is None:  # nothing indexed yet
                fresh.append((obj.id, obj.given_name, obj.family_name))
        elif isinstance(obj, Person):
            state = inspect(obj)
            if obj in session.deleted or any(state.attrs[k].history.has_changes() for k in INDEXED):
                people.add(obj.id)
        elif isinstance(obj, Visit) and obj in session.new:
            if obj.person_id and not obj.deleted:
                arrived.append((obj.person_id, obj.site_id, obj.visited_at))
        elif isinstance(obj, Visit):
            state = inspect(obj)
            for key in ("person_id", "site_id"):
                for old in state.attrs[key].history.deleted or ():
                    if key == "person_id" and old:
                        seen.add((old, obj.site_id))
            if obj.person_id:
                seen.add((obj.person_id, obj.site_id))
    deferred: DerivedRefresh | None = session.info.get(DEFERRED_KEY)
    if deferred is not None:  # recomputed from the rows once, when the caller says
        deferred.people.update(person_id for person_id, _given, _family in fresh)
        deferred.people.update(people)
        deferred.seen.update(seen)
        deferred.seen.update((person_id, site_id) for person_id, site_id, _at in arrived)
        return
    conn = session.connection()
    if fresh:
        index_people(conn, fresh)
    if people:
        refresh_people(conn, people)
    if seen:
        refresh_seen(conn, seen)
    if arrived:
        record_seen(conn, arrived)


@dataclass
class DerivedRefresh:
    """Collects what rows written without the ORM (rewind, pull) mean for the search
    tables; give it the old and the new copy of each row (or ``added`` for a row that was
    not there), then ``apply``."""

    # The columns ``note`` reads, by table: what to select of a row about to be replaced.
    NEEDS: ClassVar[dict[str, tuple[str, ...]]] = {
        "person": ("id",),
        "visit": ("id", "person_id", "site_id"),
    }
    # The columns ``added`` reads, by table.
    ADDED_NEEDS: ClassVar[dict[str, tuple[str, ...]]] = {
        "person": ("id", "given_name", "family_name", "deleted", "merged_into_id"),
        "visit": ("person_id", "site_id", "visited_at", "deleted"),
    }

    people: set[str] = field(default_factory=set)
    seen: set[tuple[str, str]] = field(default_factory=set)
    arrived: list[tuple[str, str, datetime]] = field(default_factory=list)
    # New people: indexed from the values written, not looked up again (a first
    # download brings tens of thousands).
    fresh: list[tuple[str, str | None, str | None]] = field(default_factory=list)

    def note(self, table_name: str, data: RowData | None) -> None:
        if data is None:
            return
        if table_name == "person":
            self.people.add(data["id"])
        elif table_name == "visit" and data.get("person_id"):
            self.seen.add((data["person_id"], data["site_id"]))

    def added(self, table_name: str, values: RowData) -> None:
        """A new row (``values`` decoded): a new visit can only make "last seen" later,
        a new person (alive) is indexed from these values."""
        if values.get("deleted"):
            return
        if table_name == "visit" and values.get("person_id"):
            self.arrived.append((values["person_id"], values["site_id"], values["visited_at"]))
        elif table_name == "person" and not values.get("merged_into_id"):
            person = (values["id"], values.get("given_name"), values.get("family_name"))
            self.fresh.append(person)

    def apply(self, conn: Connection) -> None:
        if self.fresh:
            index_people(conn, [person for person in self.fresh if person[0] not in self.people])
        if self.people:
            refresh_people(conn, self.people)
        if self.arrived:  # before the recount: a visit noted in both may be undone
            record_seen(conn, self.arrived)
        if self.seen:
            refresh_seen(conn, self.seen)
        self.people.clear()
        self.seen.clear()
        self.arrived.clear()
        self.fresh.clear()


DEFERRED_KEY = "opdesk_deferred_refresh"


@contextmanager
def derived_refresh_deferred(session: Session) -> Iterator[None]:
    """The search tables of the people and visits flushed in this block are brought up
    to date once, when it ends, from the rows as they then are (a savepoint rolled back
    meanwhile is no matter): at HQ, a push's batch of mutations writes its index rows in
    a few statements instead of three per registration and one per check-in. No
    mutation reads the search tables, so none sees them stale."""
    refresh = DerivedRefresh()
    session.info[DEFERRED_KEY] = refresh
    try:
        yield
        session.flush()
    finally:
        session.info.pop(DEFERRED_KEY, None)
    refresh.apply(session.connection())


def install_session_hooks(factory: sessionmaker[Session]) -> None:
    from sqlalchemy import event

    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "after_soft_rollback", _forget_sites)  # a savepoint's too


def write_rows(
    conn: Connection, table_name: str, rows: list[tuple[str, RowData]], refresh: DerivedRefresh
) -> None:
    """Make many rows of one table exactly as given, in a few batched statements (a
    large pull writes hundreds of thousands: one statement built per row is too slow)."""
    if not rows:
        return
    table = table_of(MODEL_BY_TABLE[table_name])
    existing = _existing(conn, table, [row_id for row_id, _data in rows])
    inserts, updates = [], []
    for row_id, data in rows:
        values = decode_row(table_name, data)
        if row_id in existing:
            refresh.note(table_name, existing[row_id])
            refresh.note(table_name, data)
            updates.append(values)
        else:
            refresh.added(table_name, values)
            inserts.append(values)
    execute_many(conn, table.insert(), inserts)
    _update(conn, table, updates)


def write_values(
    conn: Connection,
    table_name: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    refresh: DerivedRefresh,
) -> None:
    """``write_rows`` for rows given as values in the order of ``columns`` (JSON values,
    as HQ's snapshot sends them): new rows go to SQLite as they come, but for their
    times and dates, with no dict made for each. A desk's work: SQLite only."""
    if not rows:
        return
    table = table_of(MODEL_BY_TABLE[table_name])
    unknown = [name for name in columns if name not in table.c]
    if unknown or "id" not in columns:
        raise ValueError(f"HQ sent {table_name} rows with unknown columns: {unknown}")
    at = columns.index("id")
    existing = _existing(conn, table, [str(values[at]) for values in rows])
    storing = [(i, stored) for i, name in enumerate(columns) if (stored := _stored(table, name))]
    added = refresh.ADDED_NEEDS.get(table_name, ())
    needs = [(i, name) for i, name in enumerate(columns) if name in added]
    # Columns HQ did not send (an older HQ) take their defaults: the database's own, or
    # those SQLAlchemy would give (it asks a value for them in an INSERT).
    missing = [c for c in table.columns if c.name not in columns and c.default is not None]
    defaults = [_default(column) for column in missing]
    inserts, updates = [], []
    for values in rows:
        if str(values[at]) in existing:  # a re-download: rare, the ordinary way
            data = dict(zip(columns, values, strict=True))
            refresh.note(table_name, existing[str(values[at])])
            refresh.note(table_name, data)
            updates.append(decode_row(table_name, data))
            continue
        if needs:
            refresh.added(table_name, decode_row(table_name, {n: values[i] for i, n in needs}))
        row = [*values, *defaults]
        for i, store in storing:
            if row[i] is not None:
                row[i] = store(row[i])
        inserts.append(row)
    insert_values(conn, table, [*columns, *(column.name for column in missing)], inserts)
    _update(conn, table, updates)


def _default(column: Any) -> Any:
    default = column.default
    return default.arg if default is not None and default.is_scalar else None


def _stored(table: Any, name: str) -> Callable[[str], str] | None:
    """How a column's JSON text is stored in SQLite (None: as it is)."""
    column_type = table.c[name].type
    if isinstance(column_type, UTCDateTime):
        return utc_storage_text
    if isinstance(column_type, Date):
        return lambda text: date.fromisoformat(text).isoformat()
    return None


def _existing(conn: Connection, table: Any, ids: list[str]) -> dict[str, RowData]:
    """Those of these rows that exist, with the columns ``DerivedRefresh.note`` reads."""
    needs = [table.c[name] for name in DerivedRefresh.NEEDS.get(table.name, ("id",))]
    # One statement for every chunk, its ids bound when run: 500 ids written into each
    # statement made SQLAlchemy build and compile it anew, a tenth of a download's time.
    query = select(*needs).where(table.c.id.in_(bindparam("ids", expanding=True)))
    existing: dict[str, RowData] = {}
    for chunk in chunks(ids):
        found = conn.execute(query, {"ids": chunk})
        for old in found.mappings():
            existing[str(old["id"])] = dict(old)
    return existing


def _update(conn: Connection, table: Any, rows: list[RowData]) -> None:
    """Rows that exist, each given whole (decoded values by column name)."""
    if not rows:
        return
    updates = [{**{f"v_{k}": v for k, v in values.items() if k != "id"}, "b_id": values["id"]}
               for values in rows]  # fmt: skip
    columns = [c.name for c in table.columns if f"v_{c.name}" in updates[0]]
    statement = (
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values({name: bindparam(f"v_{name}") for name in columns})
    )
    conn.execute(statement, updates)


def restore_rows(
    conn: Connection, rows: dict[RowKey, RowData | None], refresh: DerivedRefresh
) -> None:
    """Make many rows exactly as given (``None``: absent), a few statements per table.
    References are not in order: the caller defers their check to the commit."""
    kept: dict[str, list[tuple[str, RowData]]] = {}
    gone: dict[str, list[str]] = {}
    for (table_name, row_id), data in sorted(rows.items()):
        if data is None:
            gone.setdefault(table_name, []).append(row_id)
        else:
            kept.setdefault(table_name, []).append((row_id, data))
    for table_name, ids in gone.items():
        table = table_of(MODEL_BY_TABLE[table_name])
        needs = [table.c[name] for name in DerivedRefresh.NEEDS.get(table_name, ("id",))]
        for chunk in chunks(ids):
            for old in conn.execute(select(*needs).where(table.c.id.in_(chunk))).mappings():
                refresh.note(table_name, dict(old))
            conn.execute(delete(table).where(table.c.id.in_(chunk)))
    for table_name, table_rows in kept.items():
        write_rows(conn, table_name, table_rows, refresh)


def live_versions(conn: Connection, keys: list[RowKey]) -> dict[RowKey, int]:
    """The version each of these rows has now (rows that do not exist are left out)."""
    by_table: dict[str, list[str]] = {}
    for table_name, row_id in keys:
        by_table.setdefault(table_name, []).append(row_id)
    found: dict[RowKey, int] = {}
    for table_name, ids in by_table.items():
        table = table_of(MODEL_BY_TABLE[table_name])
        for chunk in chunks(ids):
            query = select(table.c.id, table.c.version).where(table.c.id.in_(chunk))
            found.update({(table_name, row_id): version for row_id, version in conn.execute(query)})
    return found
