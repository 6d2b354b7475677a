"""Migrations on SQLite and PostgreSQL: an empty database migrated to head and one
filled at revision 0001 then upgraded end with the same schema, the models' schema; the
upgraded one keeps its rows and gets its search index filled."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, select, text

from opdesk.storage.engine import create_database_engine, is_sqlite
from opdesk.storage.migrate import (
    HEAD,
    KNOWN_REVISIONS,
    alembic_config,
    current_revision,
    head_revision,
    upgrade,
)
from opdesk.storage.models import (
    Base,
    Consent,
    HouseholdLink,
    Person,
    PersonSearch,
    PersonSiteSeen,
    PersonToken,
    Site,
    User,
    Visit,
    table_of,
)
from opdesk.storage.schema import include_object


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def urls(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two empty databases of the same kind."""
    if request.param == "sqlite":
        yield str(tmp_path / "fresh.sqlite3"), str(tmp_path / "old.sqlite3")
        return
    first = request.getfixturevalue("pg_url")
    second = request.getfixturevalue("pg_url_2")
    yield first, second


@pytest.fixture
def pg_url_2(pg_url: str) -> Iterator[str]:
    """A second PostgreSQL database, beside the one of ``pg_url``."""
    from sqlalchemy import create_engine, make_url

    url = make_url(pg_url)
    name = f"{url.database}_b"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def schema_diffs(engine: Engine) -> list[Any]:
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": True}
        )
        return list(compare_metadata(context, Base.metadata))


def reflected(engine: Engine) -> dict[str, Any]:
    """Tables, columns, keys and indexes as the database describes them."""
    found: dict[str, Any] = {}
    with engine.connect() as conn:
        insp = inspect(conn)
        for name in sorted(insp.get_table_names()):
            found[name] = {
                "columns": [
                    (c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns(name)
                ],
                "pk": insp.get_pk_constraint(name)["constrained_columns"],
                "fks": sorted(
                    (
                        tuple(f["constrained_columns"]),
                        f["referred_table"],
                        tuple(f["referred_columns"]),
                    )
                    for f in insp.get_foreign_keys(name)
                ),
                "unique": sorted(
                    tuple(u["column_names"]) for u in insp.get_unique_constraints(name)
                ),
                "indexes": sorted(
                    (i["name"], tuple(str(c) for c in i["column_names"]), bool(i["unique"]))
                    for i in insp.get_indexes(name)
                ),
            }
        if is_sqlite(engine):
            # Triggers and the FTS5 table are raw SQL: compare their text too.
            found["sqlite_master"] = [
                tuple(r)
                for r in conn.exec_driver_sql(
                    "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
                )
            ]
        else:
            found["pg_indexes"] = [
                tuple(r)
                for r in conn.exec_driver_sql(
                    "SELECT tablename, indexname, indexdef FROM pg_indexes "
                    "WHERE schemaname = 'public' ORDER BY indexname"
                )
            ]
    return found


T0 = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)


def old_rows() -> dict[type[Base], list[dict[str, Any]]]:
    """Rows as a desk at revision 0001 held them."""
    person = dict(
        version=3, deleted=False, homeless=False, registered_at=T0, registered_site_id="site-1"
    )
    return {
        Site: [dict(id="site-1", version=1, deleted=False, name="opcafè Rho", comune="Rho")],
        User: [
            dict(
                id="user-1",
                version=1,
                deleted=False,
                username="giulia",
                display_name="Giulia",
                role="volunteer",
                site_id="site-1",
                active=True,
            )
        ],
        Person: [
            dict(
                person,
                id="p-1",
                given_name="Niccolò",
                family_name="D'Angelo",
                birth_date=date(1980, 3, 4),
                birth_year=1980,
                phone="+393331234567",
                phone_national="3331234567",
            ),
            dict(
                person,
                id="p-2",
                given_name="Mario",
                family_name="Rossi",
                codice_fiscale="RSSMRA85T10A562S",
                birth_date=date(1985, 12, 10),
            ),
            dict(person, id="p-3", given_name="Giulia", family_name="Ferrari"),
            dict(person, id="p-4", given_name="Mario", family_name="Rosi", merged_into_id="p-2"),
            dict(person, id="p-5", given_name="Erased", family_name="Person", deleted=True),
        ],
        HouseholdLink: [
            dict(
                id="l-1",
                version=1,
                deleted=False,
                person_id="p-3",
                member_id="p-1",
                relation="partner",
                created_at=T0,
            )
        ],
        Consent: [
            dict(
                id="c-1",
                version=1,
                deleted=False,
                person_id="p-1",
                purpose="registration",
                given_at=T0,
                notice_version="2024-1",
                recorded_by_id="user-1",
            )
        ],
        Visit: [
            dict(
                id="v-1",
                version=1,
                deleted=False,
                person_id="p-1",
                site_id="site-1",
                visited_at=T0,
                topics="casa",
            ),
            dict(
                id="v-2",
                version=1,
                deleted=False,
                person_id="p-1",
                site_id="site-1",
                visited_at=datetime(2024, 3, 8, 10, 0, tzinfo=UTC),
                topics="lavoro",
                note="ok",
            ),
            dict(
                id="v-3",
                version=1,
                deleted=False,
                person_id=None,
                site_id="site-1",
                visited_at=T0,
                topics="",
            ),
            dict(
                id="v-4",
                version=1,
                deleted=True,
                person_id="p-3",
                site_id="site-1",
                visited_at=T0,
                topics="altro",
            ),
            dict(
                id="v-5",
                version=1,
                deleted=False,
                person_id="p-4",
                site_id="site-1",
                visited_at=T0,
                topics="casa",
            ),
        ],
    }


def dump_rows(engine: Engine, model: type[Base]) -> list[dict[str, Any]]:
    """The rows as stored, with the columns the database has now (not the models')."""
    name = table_of(model).name
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(f'SELECT * FROM "{name}" ORDER BY id').mappings()
        return [dict(r) for r in rows]


def test_fresh_and_upgraded_databases_match(urls: tuple[str, str]) -> None:
    fresh = create_database_engine(urls[0])
    old = create_database_engine(urls[1])
    try:
        upgrade(fresh)
        upgrade(old, target="0001")
        with old.begin() as conn:
            assert current_revision(conn) == "0001"
            for model, rows in old_rows().items():
                for row in rows:
                    conn.execute(table_of(model).insert(), row)
        before = {model: dump_rows(old, model) for model in old_rows()}
        upgrade(old)

        for engine in (fresh, old):
            with engine.connect() as conn:
                assert current_revision(conn) == head_revision()
            assert schema_diffs(engine) == []
        assert reflected(fresh) == reflected(old)

        # The rows are kept as they were (later revisions may add rows and columns).
        for model, rows in before.items():
            after = {r["id"]: r for r in dump_rows(old, model)}
            assert [{k: after[r["id"]][k] for k in r} for r in rows] == rows
        check_search_index(old)
    finally:
        fresh.dispose()
        old.dispose()


def check_search_index(engine: Engine) -> None:
    """Migration 0002 indexed the live people and when they were last seen."""
    with engine.connect() as conn:
        indexed = set(conn.execute(select(PersonSearch.person_id, PersonSearch.text)))
        assert indexed == {
            ("p-1", "dangelo niccolo"),
            ("p-2", "rossi mario"),
            ("p-3", "ferrari giulia"),
        }
        tokens = set(conn.execute(select(PersonToken.token, PersonToken.person_id)))
        assert {("niccolo", "p-1"), ("dangelo", "p-1"), ("angelo", "p-1")} <= tokens
        assert {p for _t, p in tokens} == {"p-1", "p-2", "p-3"}
        seen = set(conn.execute(select(PersonSiteSeen.__table__)))
        assert seen == {
            ("p-1", "site-1", datetime(2024, 3, 8, 10, 0, tzinfo=UTC)),
            ("p-4", "site-1", T0),
        }
        if conn.dialect.name == "sqlite":
            found = conn.execute(
                text(
                    "SELECT s.person_id FROM person_fts JOIN person_search s "
                    "ON s.rowid = person_fts.rowid WHERE person_fts MATCH '\"ngel\"'"
                )
            ).scalars()
            assert list(found) == ["p-1"]
            conn.exec_driver_sql("INSERT INTO person_fts(person_fts) VALUES ('integrity-check')")
        else:
            assert (
                conn.exec_driver_sql(
                    "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'"
                ).scalar()
                == 1
            )
            found = conn.execute(
                text("SELECT person_id FROM person_search WHERE text % 'ferari giulia'")
            ).scalars()
            assert list(found) == ["p-3"]


def test_migrating_twice_changes_nothing(tmp_path: Path) -> None:
    engine = create_database_engine(tmp_path / "twice.sqlite3")
    try:
        upgrade(engine)
        first = reflected(engine)
        upgrade(engine)
        assert reflected(engine) == first
    finally:
        engine.dispose()


def test_the_known_revisions_are_alembics() -> None:
    """migrate.KNOWN_REVISIONS lets an up-to-date file open without Alembic: it must list
    exactly Alembic's scripts, oldest first."""
    scripts = ScriptDirectory.from_config(alembic_config())
    chain = [rev.revision for rev in scripts.walk_revisions()][::-1]
    assert list(KNOWN_REVISIONS) == chain
    assert HEAD == head_revision() == chain[-1]
