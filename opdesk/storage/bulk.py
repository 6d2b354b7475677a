"""Many rows in one statement through the driver: for the large writes of a pull.

SQLAlchemy's work per row of an executemany (bind processors, parameter dictionaries) is
most of the cost of writing a page of thousands of rows into SQLite; here the statement
is compiled once and the rows go to sqlite3 as tuples, their times and dates already in
the text SQLAlchemy's SQLite types store. Other databases take the ordinary path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from importlib import import_module
from operator import itemgetter
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, Date, DateTime, Table
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement

# Ids per IN (...) list: well under SQLite's limit of bound values in one statement.
CHUNK = 500


T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def execute_many(
    conn: Connection, statement: ClauseElement, rows: Sequence[dict[str, Any]]
) -> None:
    """``conn.execute(statement, rows)``, faster on SQLite. Every row has every parameter."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(statement, list(rows))  # type: ignore[call-overload]
        return
    sql, names, convert = _compiled(conn, statement, tuple(rows[0]))
    get = itemgetter(*names)
    params = [get(row) for row in rows] if len(names) > 1 else [(row[names[0]],) for row in rows]
    if convert:
        params = [_converted(values, convert) for values in params]
    conn.exec_driver_sql(sql, params)


def insert_ignoring_duplicates(
    conn: Connection, table: Table, rows: Sequence[dict[str, Any]]
) -> None:
    """INSERT ... ON CONFLICT DO NOTHING: a row already there (perhaps made meanwhile by
    another transaction, which this one then waits for) is left as it is."""
    if not rows:
        return
    execute_many(conn, dialect_insert(conn.dialect.name)(table).on_conflict_do_nothing(), rows)


def dialect_insert(dialect_name: str) -> Any:
    """The dialect's ``insert`` with ON CONFLICT, imported when first needed: the desk
    never loads PostgreSQL's dialect (a tenth of a second at start-up)."""
    name = "postgresql" if dialect_name == "postgresql" else "sqlite"
    return import_module(f"sqlalchemy.dialects.{name}").insert


def insert_values(
    conn: Connection, table: Table, columns: list[str], rows: Sequence[Sequence[Any]]
) -> None:
    """New rows of ``table``, each its values in the order of ``columns``, already as
    SQLite stores them (see ``utc_storage_text``). SQLite only: a desk's bulk write."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        raise NotImplementedError("rows as stored values are written into SQLite only")
    sql, names, _convert = _compiled(conn, table.insert(), tuple(columns))
    order = [columns.index(name) for name in names]
    if order == list(range(len(columns))):
        conn.exec_driver_sql(sql, [tuple(values) for values in rows])
        return
    get = itemgetter(*order)
    params = [get(values) for values in rows] if len(order) > 1 else [(v[order[0]],) for v in rows]
    conn.exec_driver_sql(sql, params)


def utc_storage_text(text: str) -> str:
    """A UTC moment's ISO text (as HQ sends it) as SQLite stores it: no round trip
    through a datetime for the usual ``...+00:00`` form, only its check."""
    moment = datetime.fromisoformat(text)  # a malformed time is refused here
    if text.endswith("+00:00") and text[10:11] == "T":
        if len(text) == 32:  # with microseconds
            return f"{text[:10]} {text[11:26]}"
        if len(text) == 25:
            return f"{text[:10]} {text[11:19]}.000000"
    return _datetime_text(moment)


Compiled = tuple[str, list[str], list[tuple[int, Callable[[Any], str]]]]
_COMPILED: dict[tuple[Any, ...], Compiled] = {}


def _compiled(conn: Connection, statement: ClauseElement, keys: tuple[str, ...]) -> Compiled:
    """The SQL, its parameters in order and their conversions; kept per statement shape
    (compiling was a tenth of a pull's writing: the statements are made anew each time)."""
    cache_key = statement._generate_cache_key()
    key = None if cache_key is None else (conn.dialect.name, cache_key.key, keys)
    try:
        found = _COMPILED.get(key) if key is not None else None
    except TypeError:  # a statement whose key cannot be hashed: compiled each time
        key = found = None
    if found is None:
        compiled = cast(
            SQLCompiler, statement.compile(dialect=conn.dialect, column_keys=list(keys))
        )
        names = list(compiled.positiontup or [])
        convert = [
            (i, c) for i, name in enumerate(names) if (c := _storage(compiled.binds[name].type))
        ]
        found = (str(compiled), names, convert)
        if key is not None and len(_COMPILED) < 1000:
            _COMPILED[key] = found
    return found


def _converted(
    values: tuple[Any, ...], convert: list[tuple[int, Callable[[Any], str]]]
) -> tuple[Any, ...]:
    row = list(values)
    for i, store in convert:
        if row[i] is not None:
            row[i] = store(row[i])
    return tuple(row)


def _storage(column_type: Any) -> Callable[[Any], str] | None:
    """How SQLAlchemy's SQLite types write a value of this type (None: as it is)."""
    impl = getattr(column_type, "impl", column_type)  # UTCDateTime decorates DateTime
    if isinstance(impl, DateTime):
        return _datetime_text
    if isinstance(impl, Date):
        return date.isoformat
    return None


def _datetime_text(value: datetime) -> str:
    if value.tzinfo is UTC:  # as HQ's rows come: the text without its "+00:00"
        return value.isoformat(" ", "microseconds")[:26]
    if value.tzinfo is not None:  # UTCDateTime: stored as naive UTC
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat(" ", "microseconds")  # SQLite DATETIME's storage format
