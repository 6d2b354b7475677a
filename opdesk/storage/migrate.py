"""Open a database safely and bring its schema to the version this opdesk knows.

The checks come first and only read: a file that is not a database, a database written
by a newer opdesk or one that fails ``integrity_check`` is reported and never written to.
Before migrating a SQLite file that already holds data, an online backup is taken.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DatabaseError

from opdesk.storage.backup import backup_sqlite
from opdesk.storage.engine import Database, create_database_engine, is_sqlite
from opdesk.storage.errors import DatabaseCorrupt, DatabaseTooNew, NotADatabase

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only to migrate: an up-to-date desk opens without it (a fifth of
# a second of the window's start-up).
log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


# The revisions this opdesk knows, oldest first (a test checks them against Alembic's
# scripts): opening an up-to-date database then needs no Alembic at all.
KNOWN_REVISIONS = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0014",
    "0015",
    "0016",
    "0017",
)
HEAD = KNOWN_REVISIONS[-1]


def stored_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def current_revision(conn: Connection) -> str | None:
    return stored_revision(conn)


def check_database(engine: Engine, where: Path | str, *, integrity: bool = True) -> str | None:
    """Read-only checks; returns the current revision (None for an empty database).
    Without ``integrity`` the file is only read enough to know it is ours and how new."""
    try:
        with engine.connect() as conn:
            if integrity and is_sqlite(engine):
                # integrity_check, not quick_check: only it finds an index whose entries
                # disagree with its table (about 0.4 s for 100k people).
                result = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
                if result != "ok":
                    raise DatabaseCorrupt(where, str(result))
            revision = stored_revision(conn)
            if revision is None and is_sqlite(engine) and inspect(conn).get_table_names():
                # Another program's SQLite file: never write our tables into it.
                raise NotADatabase(where, "it holds tables of another program")
    except DatabaseError as exc:
        message = str(exc.orig).lower()
        if "not a database" in message or "file is encrypted" in message:
            raise NotADatabase(where) from exc
        if "malformed" in message or "corrupt" in message:
            raise DatabaseCorrupt(where, str(exc.orig)) from exc
        raise
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseTooNew(where, revision)
    return revision


def upgrade(
    engine: Engine,
    *,
    backup_dir: Path | None = None,
    target: str = "head",
    key: str | None = None,
    integrity: bool = True,
) -> None:
    """Migrate to ``target``, backing up a SQLite file with data first. An up-to-date
    database is checked in full only with ``integrity``; one to migrate always is."""
    db_path = Path(engine.url.database) if is_sqlite(engine) and engine.url.database else None
    where: Path | str = db_path or engine.url.render_as_string(hide_password=True)
    revision = check_database(engine, where, integrity=integrity)
    if revision == HEAD and target == "head":
        return
    if not integrity:
        check_database(engine, where, integrity=True)
    if db_path is not None and revision is not None and backup_dir is not None:
        backup_sqlite(db_path, backup_dir, reason=f"before-{target}", key=key)
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), target)
    log.info("database migrated from %s to %s", revision, target)


def full_integrity_check(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return [row[0] for row in conn.execute(text("PRAGMA integrity_check"))]


def open_database(
    path_or_url: Path | str,
    *,
    backup_dir: Path | None = None,
    key: str | None = None,
    integrity: Literal["now", "background"] = "now",
) -> Database:
    """The desk's and the server's entry point: checked, backed up, migrated.

    With ``integrity="background"`` (the desk's window) an up-to-date SQLite file opens
    at once and its integrity check runs on a thread of its own: reads go on meanwhile,
    writes wait for the verdict and are refused if the file is damaged.
    """
    engine = create_database_engine(path_or_url, key=key)
    now = integrity == "now" or not is_sqlite(engine)
    try:
        upgrade(engine, backup_dir=backup_dir, key=key, integrity=now)
    except BaseException:
        engine.dispose()
        raise
    db = Database(engine)
    if not now:
        where = db.path or str(path_or_url)
        db.check_integrity_in_background(lambda: full_integrity_check(engine), where)
    return db
