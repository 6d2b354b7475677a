"""Files opdesk must refuse: each gives its typed error with a message a person can act
on, and the file is left byte for byte as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text

from opdesk.storage.engine import create_database_engine, sqlite_module
from opdesk.storage.errors import DatabaseCorrupt, DatabaseTooNew, NotADatabase, StorageError
from opdesk.storage.migrate import open_database

PEOPLE = 4000


def fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's bytes and the files beside it (no -wal or -shm may be left)."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(
        p.name for p in path.parent.iterdir()
    )


def refuse(path: Path, error: type[StorageError]) -> StorageError:
    before = fingerprint(path)
    with pytest.raises(error) as raised:
        open_database(path, backup_dir=path.parent / "backups")
    assert fingerprint(path) == before
    message = str(raised.value)
    assert str(path) in message
    assert "untouched" in message
    return raised.value


def test_a_text_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("Lista della spesa: pane, latte, caffè.\n" * 50, encoding="utf-8")
    error = refuse(path, NotADatabase)
    assert "not an opdesk database" in str(error)


def test_another_programs_sqlite_file_is_not_ours(tmp_path: Path) -> None:
    path = tmp_path / "places.sqlite3"
    conn = sqlite_module().connect(str(path))
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://www.sercop.it')")
    conn.commit()
    conn.close()

    def content() -> list[tuple[object, ...]]:
        conn = sqlite_module().connect(str(path))
        try:
            tables = conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
            return [*tables, *conn.execute("SELECT * FROM moz_places").fetchall()]
        finally:
            conn.close()

    before = content()
    with pytest.raises(NotADatabase) as raised:
        open_database(path)
    assert "another program" in str(raised.value)
    # None of our tables were written into it. (Its journal mode is switched to WAL by
    # the first connection, before the checks: bytes 18-19 of its header change.)
    assert content() == before


def made_by_opdesk(path: Path, people: int = 0) -> None:
    database = open_database(path)
    try:
        with database.write() as session:
            session.connection().execute(
                text(
                    "INSERT INTO person (id, version, deleted, given_name, family_name, "
                    "codice_fiscale, homeless, registered_at) VALUES "
                    "(:id, 1, 0, :given, :family, :cf, 0, '2024-01-01 10:00:00.000000')"
                ),
                [
                    {
                        "id": f"person-{n:06d}",
                        "given": f"Nome{n}",
                        "family": f"Cognome{n % 97}",
                        "cf": f"CF{n:014d}",
                    }
                    for n in range(people)
                ],
            )
    finally:
        database.dispose()


def test_a_database_from_a_newer_opdesk_is_too_new(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    made_by_opdesk(path, people=3)
    engine = create_database_engine(path)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0999_from_the_future'")
    finally:
        engine.dispose()
    error = refuse(path, DatabaseTooNew)
    assert "newer opdesk" in str(error)
    assert "0999_from_the_future" in str(error)


def leaf_page_of_index(path: Path, index: str) -> tuple[int, int]:
    """(page size, number of the first leaf page of ``index``)."""
    conn = sqlite_module().connect(str(path))
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)
        ).fetchone()[0]
    finally:
        conn.close()
    data = path.read_bytes()
    page = root
    while data[(page - 1) * page_size] == 0x02:  # interior index page: follow the first child
        start = (page - 1) * page_size
        first_cell = int.from_bytes(data[start + 12 : start + 14], "big")
        page = int.from_bytes(data[start + first_cell : start + first_cell + 4], "big")
    assert data[(page - 1) * page_size] == 0x0A  # a leaf index page
    return page_size, page


def integrity(path: Path) -> list[str]:
    conn = sqlite_module().connect(str(path))
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except sqlite_module().DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("start", "end"),
    [
        pytest.param(0, None, id="page-overwritten"),
        # Only key bytes: the b-tree stays well formed and PRAGMA quick_check says "ok";
        # only integrity_check finds index entries that disagree with the table.
        pytest.param(-30, -20, id="index-keys-changed"),
    ],
)
def test_a_database_failing_its_integrity_check_is_corrupt(
    tmp_path: Path, start: int, end: int | None
) -> None:
    path = tmp_path / "desk.sqlite3"
    made_by_opdesk(path, people=PEOPLE)
    page_size, page = leaf_page_of_index(path, "ix_person_codice_fiscale")
    data = bytearray(path.read_bytes())
    base = (page - 1) * page_size
    first = base + (start % page_size)
    last = base + (page_size if end is None else end % page_size)
    data[first:last] = b"Z" * (last - first)
    path.write_bytes(bytes(data))
    assert integrity(path) != ["ok"]

    error = refuse(path, DatabaseCorrupt)
    assert "integrity check" in str(error)
    assert "restore a backup" in str(error)


def test_a_damaged_file_opened_in_the_background_refuses_writes(tmp_path: Path) -> None:
    """The desk's window opens an up-to-date file at once and checks it on a thread:
    reads go on, writes are refused, and the file stays as it was."""
    path = tmp_path / "desk.sqlite3"
    made_by_opdesk(path, people=PEOPLE)
    page_size, page = leaf_page_of_index(path, "ix_person_codice_fiscale")
    data = bytearray(path.read_bytes())
    start = (page - 1) * page_size + page_size - 30
    data[start : start + 10] = b"Z" * 10
    path.write_bytes(bytes(data))
    before = fingerprint(path)

    database = open_database(path, integrity="background")
    try:
        with database.read() as session:
            count = session.connection().exec_driver_sql("SELECT count(*) FROM person").scalar()
            assert count == PEOPLE
        problem = database.integrity_problem(wait=True)
        assert isinstance(problem, DatabaseCorrupt)
        with pytest.raises(DatabaseCorrupt), database.write() as session:
            session.connection().exec_driver_sql("DELETE FROM person")
    finally:
        database.dispose()
    assert fingerprint(path) == before
