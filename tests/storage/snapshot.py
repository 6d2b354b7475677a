"""Plain dumps of a database's tables, to compare two databases or before and after."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, inspect, select, text

from opdesk.storage.engine import Database
from opdesk.storage.models import (
    SYNCED_MODELS,
    PendingMutation,
    PersonSearch,
    PersonSiteSeen,
    PersonToken,
    RowBefore,
    TokenVariant,
    table_of,
)
from opdesk.storage.rows import to_json_value
from opdesk.storage.search_index import rebuild_all

Rows = list[tuple[Any, ...]]
RowKey = tuple[str, str]


def _sorted(rows: Rows) -> Rows:
    return sorted(rows, key=repr)


def table_names(conn: Connection) -> list[str]:
    """Every table, the FTS5 table and its shadow tables included on SQLite."""
    if conn.dialect.name == "sqlite":
        found = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
        return sorted(found.scalars())
    return sorted(inspect(conn).get_table_names())


def dump_all(db: Database) -> dict[str, Rows]:
    """Every row of every table, raw, as the driver returns it."""
    with db.engine.connect() as conn:
        return {
            name: _sorted([tuple(r) for r in conn.exec_driver_sql(f'SELECT * FROM "{name}"')])
            for name in table_names(conn)
        }


def synced_rows(db: Database) -> dict[RowKey, dict[str, Any]]:
    """Every synced row as JSON values (as before-copies store them), by (table, id)."""
    found: dict[RowKey, dict[str, Any]] = {}
    with db.read() as session:
        conn = session.connection()
        for model in SYNCED_MODELS:
            table = table_of(model)
            for row in conn.execute(select(table)).mappings():
                found[(table.name, row["id"])] = {k: to_json_value(v) for k, v in row.items()}
    return found


def synced_state(db: Database) -> dict[str, Rows]:
    with db.read() as session:
        conn = session.connection()
        return {
            table_of(model).name: _sorted([tuple(r) for r in conn.execute(select(model.__table__))])
            for model in SYNCED_MODELS
        }


def derived_rows(conn: Connection, *, live_variants_only: bool = False) -> dict[str, Rows]:
    """The search tables. ``person_search`` without its rowid (an internal detail);
    ``live_variants_only`` keeps only the variants of words some person still has."""
    tokens = _sorted([tuple(r) for r in conn.execute(select(PersonToken.__table__))])
    variants = _sorted([tuple(r) for r in conn.execute(select(TokenVariant.__table__))])
    if live_variants_only:
        live = {token for token, _person in tokens}
        variants = [v for v in variants if v[1] in live]
    return {
        "person_token": tokens,
        "token_variant": variants,
        "person_search": _sorted(
            [tuple(r) for r in conn.execute(select(PersonSearch.person_id, PersonSearch.text))]
        ),
        "person_site_seen": _sorted(
            [tuple(r) for r in conn.execute(select(PersonSiteSeen.__table__))]
        ),
    }


def derived_state(db: Database, *, live_variants_only: bool = False) -> dict[str, Rows]:
    with db.read() as session:
        return derived_rows(session.connection(), live_variants_only=live_variants_only)


def rebuilt_derived_state(db: Database) -> dict[str, Rows]:
    """What ``rebuild_all`` makes of the rows now (rolled back afterwards)."""
    with db.engine.connect() as conn:
        transaction = conn.begin()
        try:
            rebuild_all(conn)
            return derived_rows(conn, live_variants_only=True)
        finally:
            transaction.rollback()


def check_fts(db: Database) -> None:
    """FTS5's own check that its trigram index agrees with ``person_search``."""
    if db.path is None:
        return
    with db.write() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO person_fts(person_fts) VALUES ('integrity-check')"
        )


def pending_state(db: Database) -> Rows:
    with db.read() as session:
        rows = session.execute(
            select(PendingMutation.__table__).order_by(PendingMutation.seq)
        ).all()
        return [tuple(r) for r in rows]


def befores(db: Database) -> dict[tuple[int, str, str], Any]:
    with db.read() as session:
        return {(r.seq, r.table_name, r.row_id): r.data for r in session.scalars(select(RowBefore))}


def next_seq(db: Database) -> int:
    with db.engine.connect() as conn:
        value = conn.exec_driver_sql("SELECT next_seq FROM desk_state WHERE id = 1").scalar()
        assert isinstance(value, int)
        return value
