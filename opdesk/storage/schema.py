"""Schema objects that the models cannot describe (FTS5, pg_trgm), owned by migrations."""

from __future__ import annotations

from typing import Any

# Tables made by raw SQL in the migrations; autogenerate must not try to drop them.
RAW_TABLE_PREFIXES = ("person_fts",)


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    if type_ == "table" and name and name.startswith(RAW_TABLE_PREFIXES):
        return False
    return not (type_ == "index" and name and name.startswith("ix_person_search_trgm"))


# Until migration 0015: since, new rows are added to person_fts by the index code.
SQLITE_FTS_INSERT_TRIGGER = (
    "CREATE TRIGGER person_search_ai AFTER INSERT ON person_search BEGIN "
    "INSERT INTO person_fts(rowid, text) VALUES (new.rowid, new.text); END"
)
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE person_fts USING fts5("
    "text, content='person_search', content_rowid='rowid', tokenize='trigram')",
    SQLITE_FTS_INSERT_TRIGGER,
    "CREATE TRIGGER person_search_ad AFTER DELETE ON person_search BEGIN "
    "INSERT INTO person_fts(person_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END",
    "CREATE TRIGGER person_search_au AFTER UPDATE ON person_search BEGIN "
    "INSERT INTO person_fts(person_fts, rowid, text) VALUES ('delete', old.rowid, old.text); "
    "INSERT INTO person_fts(rowid, text) VALUES (new.rowid, new.text); END",
]
SQLITE_FTS_DROP = [
    "DROP TRIGGER IF EXISTS person_search_au",
    "DROP TRIGGER IF EXISTS person_search_ad",
    "DROP TRIGGER IF EXISTS person_search_ai",
    "DROP TABLE IF EXISTS person_fts",
]
POSTGRES_TRGM = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_person_search_trgm ON person_search USING gin (text gin_trgm_ops)",
]
POSTGRES_TRGM_DROP = ["DROP INDEX IF EXISTS ix_person_search_trgm"]
