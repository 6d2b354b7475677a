"""Backups: before a SQLite file with data is migrated, an online copy (SQLite backup
API) goes to the backup folder; it reads back equal, and only the newest few are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from opdesk.storage.backup import KEEP, backup_sqlite, list_backups
from opdesk.storage.engine import Database, create_database_engine
from opdesk.storage.migrate import head_revision, open_database, upgrade
from tests.conftest import FakeClock, seed_desk
from tests.storage.snapshot import dump_all


def old_database(path: Path, *, key: str | None = None) -> dict[str, list[tuple[object, ...]]]:
    """A file at revision 0001 holding a few rows; returns its content."""
    engine = create_database_engine(path, key=key)
    try:
        upgrade(engine, target="0001")
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO site (id, version, deleted, name, comune) "
                "VALUES ('s1', 1, 0, 'opcafè Rho', 'Rho')"
            )
            conn.exec_driver_sql(
                "INSERT INTO person (id, version, deleted, given_name, family_name, homeless, "
                "registered_at) VALUES ('p1', 2, 0, 'Ada', 'Lovelace', 0, "
                "'2024-01-01 10:00:00.000000')"
            )
    finally:
        engine.dispose()
    database = Database.open(path, key=key)
    try:
        return dump_all(database)
    finally:
        database.dispose()


def test_a_database_with_data_is_backed_up_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    content = old_database(path)
    backups = tmp_path / "backups"

    migrated = open_database(path, backup_dir=backups)
    migrated.dispose()

    made = list_backups(backups, "desk")
    assert len(made) == 1
    assert made[0].name.startswith("desk-") and "before-head" in made[0].name
    copy = Database.open(made[0])
    try:
        assert dump_all(copy) == content  # revision 0001 and its rows, as they were
    finally:
        copy.dispose()


def test_no_backup_for_a_new_or_current_database(tmp_path: Path, clock: FakeClock) -> None:
    backups = tmp_path / "backups"
    seeded = seed_desk(tmp_path / "desk.sqlite3", clock)  # new: nothing to keep
    seeded.db.dispose()
    assert not backups.exists() or list_backups(backups, "desk") == []
    again = open_database(tmp_path / "desk.sqlite3", backup_dir=backups)  # at head already
    again.dispose()
    assert not backups.exists() or list_backups(backups, "desk") == []


def test_only_the_newest_backups_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    old_database(path)
    backups = tmp_path / "backups"
    made = [backup_sqlite(path, backups, reason=f"n{n}") for n in range(KEEP + 3)]
    assert KEEP == 5
    assert list_backups(backups, "desk") == made[-KEEP:]
    for kept in made[-KEEP:]:
        copy = Database.open(kept)
        try:
            assert dump_all(copy)["person"][0][:3] == ("Ada", "Lovelace", None)
        finally:
            copy.dispose()


def test_an_encrypted_database_is_backed_up_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    content = old_database(path, key="s3cret'key")
    backups = tmp_path / "backups"

    migrated = open_database(path, backup_dir=backups, key="s3cret'key")
    try:
        with migrated.engine.connect() as conn:
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        assert revision == head_revision()
    finally:
        migrated.dispose()

    (made,) = list_backups(backups, "desk")
    assert b"Lovelace" not in made.read_bytes()
    copy = Database.open(made, key="s3cret'key")
    try:
        assert dump_all(copy) == content
    finally:
        copy.dispose()


def test_a_failed_backup_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    old_database(path, key="right")
    backups = tmp_path / "backups"
    with pytest.raises(Exception, match="not a database"):
        backup_sqlite(path, backups, reason="wrong-key", key="wrong")
    assert list_backups(backups, "desk") == []


def test_the_backups_of_another_database_are_left_alone(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    first, second = tmp_path / "desk.sqlite3", tmp_path / "desk-2.sqlite3"
    old_database(first)
    old_database(second)
    others = [backup_sqlite(second, backups, reason=f"n{n}") for n in range(2)]
    mine = [backup_sqlite(first, backups, reason=f"n{n}") for n in range(KEEP + 1)]
    assert list_backups(backups, "desk") == mine[-KEEP:]
    assert list_backups(backups, "desk-2") == others
    assert all(p.exists() for p in others)
