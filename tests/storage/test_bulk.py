"""Bulk writes through the driver store exactly what SQLAlchemy would."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import select, text

from opdesk.storage.bulk import execute_many
from opdesk.storage.migrate import open_database
from opdesk.storage.models import Person, table_of


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
