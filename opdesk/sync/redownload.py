"""Downloading everything from HQ again, keeping the pending changes.

Used when HQ was restored from a backup (a new epoch) and when the divergence check
finds this desk's copy differs from HQ's. The pull starts again from cursor 0 through
the normal paged path (pending changes stay queued and are put back on top at the end);
each page also notes which rows HQ sent. At the end, the rows HQ did not send are
removed, except those a pending change touches (the change still needs them) and those
of version 0 (put there by a migration, on every database alike: HQ never sends them).
The state lives in the database, so an interrupted re-download resumes where it stopped.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import delete, exists, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from opdesk.storage.bulk import insert_ignoring_duplicates
from opdesk.storage.engine import Database
from opdesk.storage.models import DeskState, DeskSyncHealth, ResyncSeen, RowBefore, table_of
from opdesk.storage.rows import DerivedRefresh, RowKey, read_row
from opdesk.sync.digest import synced_tables

log = logging.getLogger(__name__)
CHUNK = 200


def health_row(session: Session) -> DeskSyncHealth:
    health = session.get(DeskSyncHealth, 1)
    if health is None:
        health = DeskSyncHealth(id=1, failures=0, redownloading=False)
        session.add(health)
        session.flush()
    return health


def redownloading(db: Database) -> bool:
    with db.read() as session:
        return bool(session.scalar(select(DeskSyncHealth.redownloading)))


def begin_redownload(db: Database) -> None:
    """Make the next pull start from cursor 0 and remember what it receives."""
    with db.write() as session:
        session.execute(delete(ResyncSeen))
        health_row(session).redownloading = True
        session.execute(
            update(DeskState).where(DeskState.id == 1).values(server_cursor=0, snapshot_token=None)
        )
    log.warning("downloading everything from HQ again (pending changes are kept)")


def note_seen(db: Database, seen: Sequence[RowKey]) -> None:
    with db.write() as session:
        conn = session.connection()
        keys = [{"table_name": table, "row_id": row_id} for table, row_id in seen]
        for start in range(0, len(keys), 500):
            insert_ignoring_duplicates(conn, table_of(ResyncSeen), keys[start : start + 500])


def finish_redownload(db: Database) -> dict[str, int]:
    """Remove what HQ no longer gives; returns how many rows left, per table."""
    removed: dict[str, int] = {}
    # Referencing tables first (visits before people): SYNCED_MODELS lists them last.
    for table in reversed(synced_tables()):
        with db.read() as session:
            unseen = (
                session.execute(
                    select(table.c.id).where(
                        table.c.version > 0,
                        ~exists().where(
                            ResyncSeen.table_name == table.name, ResyncSeen.row_id == table.c.id
                        ),
                        ~exists().where(
                            RowBefore.table_name == table.name, RowBefore.row_id == table.c.id
                        ),
                    )
                )
                .scalars()
                .all()
            )
        for start in range(0, len(unseen), CHUNK):
            removed[table.name] = removed.get(table.name, 0) + _remove(
                db, table.name, unseen[start : start + CHUNK]
            )
    with db.write() as session:
        session.execute(delete(ResyncSeen))
        health_row(session).redownloading = False
    if removed:
        log.warning("rows HQ no longer has, removed here: %s", removed)
    return {name: count for name, count in removed.items() if count}


def _remove(db: Database, table_name: str, ids: Sequence[str]) -> int:
    table = next(t for t in synced_tables() if t.name == table_name)
    refresh = DerivedRefresh()
    count = 0
    with db.write() as session:
        conn = session.connection()
        for row_id in ids:
            old = read_row(conn, table_name, row_id)
            try:
                with conn.begin_nested():
                    conn.execute(delete(table).where(table.c.id == row_id))
            except IntegrityError:
                # A row HQ still gives refers to it: keep it rather than break the link.
                log.warning("a %s row HQ no longer gives is still referred to: kept", table_name)
                continue
            refresh.note(table_name, old)
            count += 1
        refresh.apply(conn)
    return count
