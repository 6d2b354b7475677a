"""Per-table counts and order-independent hashes of synced rows, the same on both sides.

A row counts as ``(id, version, deleted)``: two copies with the same version hold the
same values, because only HQ hands out versions. Each row's hash is a 64-bit BLAKE2b of
those three; a table's hash is their sum modulo 2**64, so the order rows are read in
does not matter and a digest can be computed by streaming.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, Table, select

from opdesk.storage.models import SYNCED_MODELS, table_of
from opdesk.storage.rows import RowKey

MASK = (1 << 64) - 1
STREAM = 5000  # rows fetched at a time: memory stays flat on a large table

RowFilter = Callable[[Table], ColumnElement[bool]]


@dataclass(frozen=True)
class TableDigest:
    count: int = 0
    hash: int = 0


def row_hash(row_id: str, version: int, deleted: bool) -> int:
    text = f"{row_id}\x1f{int(version)}\x1f{1 if deleted else 0}".encode()
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big")


def synced_tables() -> list[Table]:
    return [table_of(model) for model in SYNCED_MODELS]


def digest_rows(
    conn: Connection, *, where: RowFilter, exclude: Collection[RowKey] = ()
) -> dict[str, TableDigest]:
    """The digest of every synced table over the rows ``where`` selects, leaving out
    the ``exclude`` keys. Tables with no rows are left out (they equal ``TableDigest()``)."""
    skip: dict[str, set[str]] = {}
    for table_name, row_id in exclude:
        skip.setdefault(table_name, set()).add(row_id)
    digests: dict[str, TableDigest] = {}
    for table in synced_tables():
        leave_out = skip.get(table.name, set())
        rows = conn.execution_options(yield_per=STREAM).execute(
            select(table.c.id, table.c.version, table.c.deleted).where(where(table))
        )
        count, total = 0, 0
        for row_id, version, deleted in rows:
            if row_id in leave_out:
                continue
            count += 1
            total = (total + row_hash(row_id, version, deleted)) & MASK
        if count:
            digests[table.name] = TableDigest(count, total)
    return digests


def differences(
    here: dict[str, TableDigest], there: dict[str, TableDigest]
) -> dict[str, tuple[TableDigest, TableDigest]]:
    """The tables whose digests differ: name -> (here, there)."""
    names: Iterable[str] = sorted(set(here) | set(there))
    return {
        name: (here.get(name, TableDigest()), there.get(name, TableDigest()))
        for name in names
        if here.get(name, TableDigest()) != there.get(name, TableDigest())
    }
