"""Bulk writes through the driver store exactly what SQLAlchemy would."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select, text

from opdesk.storage.bulk import execute_many
from opdesk.storage.migrate import open_database
from opdesk.storage.models import Person, table_of
from opdesk.storage.rows import DerivedRefresh, write_values


def person(person_id: str, at: datetime, born: date | None) -> dict[str, object]:
    return {
        "id": person_id, "version": 7, "deleted": False, "given_name": "Amina",
        "family_name": None, "birth_date": born, "birth_year": None, "birth_place": None,
        "sex": None, "codice_fiscale": None, "cf_missing_reason": None, "citizenship": None,
        "residence_comune": None, "residence_address": None, "homeless": True,
        "domicile_comune": None, "domicile_address": None, "phone": None,
        "phone_national": None, "registered_at": at, "registered_site_id": None,
        "merged_into_id": None,
    }  # fmt: skip


def test_rows_written_in_bulk_read_back_as_sqlalchemy_writes_them(tmp_path: Path) -> None:
    db = open_database(tmp_path / "desk.sqlite3")
    rome = timezone(timedelta(hours=2))
    at = datetime(2024, 5, 18, 12, 54, 26, 120, tzinfo=rome)
    table = table_of(Person)
    with db.write() as session:
        conn = session.connection()
        conn.execute(table.insert(), [person("a", at, date(1980, 2, 29))])
        execute_many(conn, table.insert(), [person("b", at, date(1980, 2, 29))])
        execute_many(conn, table.insert(), [person("c", at, None)])
    with db.read() as session:
        raw = session.execute(
            text("SELECT id, registered_at, birth_date, homeless FROM person ORDER BY id")
        ).all()
        read = {p.id: p for p in session.scalars(select(Person))}
    assert raw[0][1:] == raw[1][1:] == ("2024-05-18 10:54:26.000120", "1980-02-29", 1)
    assert raw[2][2] is None
    assert read["b"].registered_at == at.astimezone(UTC) and read["b"].homeless is True
    db.dispose()


def test_utc_moments_as_hq_sends_them_are_stored_as_sqlalchemy_stores_them(
    tmp_path: Path,
) -> None:
    db = open_database(tmp_path / "desk.sqlite3")
    moments = [
        datetime.fromisoformat("2024-05-18T10:54:26.000120+00:00"),
        datetime(2024, 5, 18, 10, 54, 26, tzinfo=UTC),  # no microseconds
    ]
    table = table_of(Person)
    with db.write() as session:
        conn = session.connection()
        conn.execute(table.insert(), [person(f"orm-{i}", at, None) for i, at in enumerate(moments)])
        execute_many(
            conn, table.insert(), [person(f"bulk-{i}", at, None) for i, at in enumerate(moments)]
        )
    with db.read() as session:
        stored = dict(session.execute(text("SELECT id, registered_at FROM person")).all())
    assert [stored[f"bulk-{i}"] for i in range(2)] == [stored[f"orm-{i}"] for i in range(2)]
    assert stored["bulk-1"] == "2024-05-18 10:54:26.000000"
    db.dispose()


def test_rows_as_a_snapshot_sends_them_are_stored_as_sqlalchemy_stores_them(
    tmp_path: Path,
) -> None:
    """HQ's snapshot sends values in the order of its columns, times as ISO text: they go
    into SQLite without a round trip through Python's types, and read back the same."""
    db = open_database(tmp_path / "desk.sqlite3")
    table = table_of(Person)
    at = datetime(2024, 5, 18, 10, 54, 26, 120, tzinfo=UTC)
    columns = ("registered_at", "birth_date", "id", "given_name", "homeless", "version")
    sent = [
        [at.isoformat(), "1980-02-29", "snap-0", "Amina", True, 7],
        [at.replace(microsecond=0).isoformat(), None, "snap-1", "Luca", False, 8],
        ["2024-05-18T12:54:26+02:00", None, "snap-2", "Ioana", False, 9],  # another offset
    ]
    refresh = DerivedRefresh()
    with db.write() as session:
        conn = session.connection()
        write_values(conn, "person", columns, sent, refresh)
        for values in sent:
            data = dict(zip(columns, values, strict=True))
            orm = {**person(f"orm-{data['id']}", datetime.fromisoformat(data["registered_at"]),
                   date.fromisoformat(data["birth_date"]) if data["birth_date"] else None),
                   "given_name": data["given_name"], "homeless": data["homeless"],
                   "version": data["version"]}  # fmt: skip
            conn.execute(table.insert(), [orm])
    with db.read() as session:
        stored = {
            row[0]: row[1:]
            for row in session.execute(
                text("SELECT id, registered_at, birth_date, homeless, version FROM person")
            )
        }
        read = {p.id: p for p in session.scalars(select(Person))}
    for values in sent:
        assert stored[values[2]][:3] == stored[f"orm-{values[2]}"][:3]
    assert stored["snap-1"][0] == "2024-05-18 10:54:26.000000"
    assert read["snap-2"].registered_at == datetime(2024, 5, 18, 10, 54, 26, tzinfo=UTC)
    assert [p for p, _given, _family in refresh.fresh] == ["snap-0", "snap-1", "snap-2"]
    db.dispose()


def test_a_snapshot_row_that_cannot_be_stored_is_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    db = open_database(tmp_path / "desk.sqlite3")
    bad_time = [["2024-13-45T10:00:00+00:00", "x-1", 1]]
    for columns, rows in (
        (("registered_at", "id", "version"), bad_time),
        (("registered_at", "id", "no_such_column"), [[None, "x-2", 1]]),
    ):
        with pytest.raises(ValueError), db.write() as session:
            write_values(session.connection(), "person", columns, rows, DerivedRefresh())
    with db.read() as session:
        assert session.execute(text("SELECT count(*) FROM person")).scalar() == 0
    db.dispose()
