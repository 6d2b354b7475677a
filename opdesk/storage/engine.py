"""The one way to open a database: engine factory, connection pragmas, sessions."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from opdesk.storage.errors import DatabaseCorrupt, DatabaseLocked, DiskFull, StorageError

log = logging.getLogger(__name__)

WRITE = "opdesk_write"
# SQLite's page cache per connection, in KiB (its default is 2 MB). A first download
# writes 200,000 rows and their indexes: with 2 MB, index pages are dropped and read
# again page after page (a tenth of the desk's CPU); an encrypted file decrypts each time.
CACHE_KIB = 16 * 1024


def sqlite_module() -> ModuleType:
    """sqlcipher3 when installed (SQLCipher, a current SQLite), else the standard sqlite3."""
    try:
        from sqlcipher3 import dbapi2  # type: ignore[import-untyped,unused-ignore]
    except ImportError:  # pragma: no cover - sqlcipher3 is a dependency
        import sqlite3

        return sqlite3
    module: ModuleType = dbapi2
    return module


def _configure_sqlite(engine: Engine, key: str | None) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's BEGIN below open every transaction, so that writers can ask
        # for BEGIN IMMEDIATE and never fail later on a lock upgrade.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        if key is not None:
            cursor.execute("PRAGMA key = " + quote_key(key))
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA wal_autocheckpoint = 0")  # the database's Checkpointer does it
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def quote_key(key: str) -> str:
    return "'" + key.replace("'", "''") + "'"


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{path}"


def create_database_engine(
    url: str | Path, *, key: str | None = None, echo: bool = False
) -> Engine:
    """An engine for a SQLite path/URL or a PostgreSQL URL; ``key`` encrypts SQLite.

    Statement parameters (names, codici fiscali, notes) are kept out of error messages,
    which end up in the log file with their tracebacks."""
    url = str(url)
    if "://" not in url:
        url = sqlite_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, module=sqlite_module(), echo=echo, hide_parameters=True)
        _configure_sqlite(engine, key)
        return engine
    if key is not None:
        raise ValueError("an encryption key applies only to SQLite databases")
    # HQ's statements are small and many. A parallel plan (the planner overrates what an
    # id list matches) started two workers for a 0.2 ms query: 25 ms of PostgreSQL's
    # CPU per pull, half of it when 50 desks synced at once.
    serial = {"options": "-c max_parallel_workers_per_gather=0"}
    connect_args = serial if url.startswith("postgresql") else {}
    return create_engine(
        url, echo=echo, pool_pre_ping=True, hide_parameters=True, connect_args=connect_args
    )


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


class FairLock:
    """First come, first served. SQLite's busy handler sleeps in growing steps, so a
    check-in waiting on the file lock can lose it again and again to a long series of
    sync transactions; in this process, writers queue here instead, in order."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._next = 0
        self._serving = 0

    def __enter__(self) -> None:
        with self._cond:
            ticket = self._next
            self._next += 1
            self._cond.wait_for(lambda: self._serving == ticket)

    def __exit__(self, *exc: object) -> None:
        with self._cond:
            self._serving += 1
            self._cond.notify_all()

    def waited_for(self) -> bool:
        """Asked by the holder: another writer is queued behind it."""
        with self._cond:
            return self._next - self._serving > 1


# SQLite's automatic checkpoint is run by whichever writer's commit makes the log cross
# its threshold (4 MB): a check-in at the counter as well as a pull's page, with the write
# lock held. A thread of the database's own does it instead, so that no writer waits for
# it, and less often: a page a pull touches in every transaction is copied back once per
# checkpoint (a first download ran a fifth faster).
CHECKPOINT_WAL = 16 * 2**20  # bytes of write-ahead log worth copying back
CHECKPOINT_EVERY = 1.0  # seconds between two looks at the log


class Checkpointer:
    """Copies the write-ahead log back into the database file (PASSIVE: never in the
    way of a reader or a writer) when it has grown and changed since the last look."""

    def __init__(self, engine: Engine, wal: Path) -> None:
        self._engine, self._wal = engine, wal
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="opdesk-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        last: tuple[int, int] | None = None
        while not self._stop.wait(CHECKPOINT_EVERY):
            try:
                stat = self._wal.stat()
            except OSError:
                continue  # no log: nothing written since the last connection closed
            seen = (stat.st_size, stat.st_mtime_ns)
            if stat.st_size < CHECKPOINT_WAL or seen == last:
                continue
            last = seen
            try:
                with self._engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
            except Exception:  # tried again at the next change
                log.exception("checkpoint failed")

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


# Past this many rows written unchecked (a first download) their ids are not kept: the
# whole file is checked instead, quicker than by ids, and memory stays flat.
CHECKED_BY_ID = 20_000


class Database:
    """An engine with its two kinds of session: reads, and writes that lock at once."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._integrity = threading.Event()
        self._integrity.set()
        self._damage: StorageError | None = None
        self._writers = FairLock()
        # Rows written without their references checked, by table (``take_unchecked``);
        # None: more than CHECKED_BY_ID of them.
        self._unchecked: dict[str, set[str]] | None = {}
        path = self.path
        self._checkpointer = Checkpointer(engine, Path(f"{path}-wal")) if path else None
        self._read = sessionmaker(engine, expire_on_commit=False)
        writer = engine.execution_options(**{WRITE: True})
        self._write = sessionmaker(writer, expire_on_commit=False)
        from opdesk.storage.rows import install_session_hooks

        install_session_hooks(self._write)

    @classmethod
    def open(cls, url: str | Path, *, key: str | None = None) -> Database:
        return cls(create_database_engine(url, key=key))

    @property
    def path(self) -> Path | None:
        db = self.engine.url.database
        return Path(db) if is_sqlite(self.engine) and db and db != ":memory:" else None

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session, translate_errors(self), session.begin():
            yield session

    def check_integrity_in_background(
        self, check: Callable[[], list[str]], where: Path | str
    ) -> None:
        """Run ``check`` (rows of ``PRAGMA integrity_check``) on a thread; writes wait."""
        self._integrity.clear()

        def run() -> None:
            try:
                rows = check()
                if rows != ["ok"]:
                    self._damage = DatabaseCorrupt(where, "; ".join(rows[:3]))
                    log.error("integrity check failed: %d problems", len(rows))
            except Exception as exc:
                self._damage = DatabaseCorrupt(where, type(exc).__name__)
                log.exception("integrity check could not run")
            finally:
                self._integrity.set()

        threading.Thread(target=run, name="opdesk-integrity", daemon=True).start()

    def integrity_problem(self, *, wait: bool = True) -> StorageError | None:
        """The damage found by the background check, if any (waits for its verdict)."""
        if wait:
            self._integrity.wait()
        return self._damage

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises.
        Never on a file whose integrity check failed."""
        self._integrity.wait()
        if self._damage is not None:
            raise self._damage
        with self._queue(), self._write() as session, translate_errors(self), session.begin():
            yield session

    def _queue(self) -> AbstractContextManager[object]:
        """SQLite writers queue in this process; PostgreSQL (HQ) takes them all at once,
        its row locks order what must be ordered."""
        return self._writers if is_sqlite(self.engine) else nullcontext()

    @contextmanager
    def write_unsynced(
        self, *, unchecked: Iterable[tuple[str, str]] | None = None
    ) -> Iterator[Session]:
        """A write transaction whose commit is not flushed to disk on its own (SQLite's
        ``synchronous = NORMAL``), for what can be downloaded again: a power cut may lose
        it, but only together with every later commit (WAL keeps their order), among them
        the desk's cursor saved after it. The next ordinary commit (FULL) makes it
        durable with its own.

        ``unchecked``: the rows (table, id) of a page of HQ's, whose references may
        arrive in a later page: foreign keys are not enforced in this transaction, and
        these rows' references are checked once all pages are in (``take_unchecked``)."""
        if not is_sqlite(self.engine):
            with self.write() as session:
                yield session
            return
        self._integrity.wait()
        if self._damage is not None:
            raise self._damage
        references_checked = unchecked is None
        self._note_unchecked(unchecked or ())
        with self._writers, self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            # On the driver's connection: the pragma is a no-op inside a transaction, and
            # SQLAlchemy would begin one for a statement sent through it.
            if not references_checked:
                raw.execute("PRAGMA foreign_keys = OFF")
            raw.execute("PRAGMA synchronous = NORMAL")
            try:
                writer = conn.execution_options(**{WRITE: True})
                session = Session(writer, expire_on_commit=False)
                with session, translate_errors(self), session.begin():
                    yield session
            finally:
                raw.execute("PRAGMA synchronous = FULL")
                raw.execute("PRAGMA foreign_keys = ON")

    def writer_waiting(self) -> bool:
        """Asked by a writer of this process holding the lock (a long pull): another
        one waits for it, such as the counter's check-in, which must not wait long."""
        return is_sqlite(self.engine) and self._writers.waited_for()

    def _note_unchecked(self, keys: Iterable[tuple[str, str]]) -> None:
        if self._unchecked is None:
            return
        for table, row_id in keys:
            self._unchecked.setdefault(table, set()).add(row_id)
        if sum(len(ids) for ids in self._unchecked.values()) > CHECKED_BY_ID:
            self._unchecked = None

    def check_whole_file_later(self) -> None:
        """The next look at unchecked rows checks the whole file: for a first download,
        whose earlier pages may have been written before this process started."""
        self._unchecked = None

    def take_unchecked(self) -> dict[str, set[str]] | None:
        """The rows written without their references checked since the last time this
        was asked (``write_unsynced``), by table: the caller checks them now. None: too
        many to keep their ids (a first download): the caller checks the whole file."""
        unchecked, self._unchecked = self._unchecked, {}
        return unchecked

    def dispose(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
        self.engine.dispose()  # the last connection to close copies the log back


@contextmanager
def translate_errors(db: Database) -> Iterator[None]:
    """Turn the driver's operational errors that a person can fix into typed errors."""
    try:
        yield
    except OperationalError as exc:
        text = str(exc.orig).lower()
        where = db.path or db.engine.url.render_as_string(hide_password=True)
        if "disk is full" in text or "database or disk is full" in text:
            raise DiskFull(where) from exc
        if "database is locked" in text:
            raise DatabaseLocked(where) from exc
        raise


__all__ = ["Database", "StorageError", "create_database_engine", "is_sqlite", "sqlite_url"]
