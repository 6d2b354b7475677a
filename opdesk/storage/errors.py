"""Typed errors about the database file itself, each with a message a person can act on."""

from __future__ import annotations

from pathlib import Path

from opdesk.i18n import QT_TRANSLATE_NOOP


class StorageError(Exception):
    """A known problem with the database: shown to the user, not a bug."""

    context = "StorageError"
    message = QT_TRANSLATE_NOOP("StorageError", "The database cannot be used.")

    def __init__(self, path: Path | str, detail: str = "") -> None:
        super().__init__(f"{self.message} ({path}) {detail}".strip())
        self.path = str(path)
        self.detail = detail


class NotADatabase(StorageError):
    message = QT_TRANSLATE_NOOP(
        "StorageError", "The file is not an opdesk database. It has been left untouched."
    )


class DatabaseTooNew(StorageError):
    message = QT_TRANSLATE_NOOP(
        "StorageError",
        "The database was written by a newer opdesk. Update opdesk to open it; the file has been left untouched.",  # noqa: E501
    )


class DatabaseCorrupt(StorageError):
    message = QT_TRANSLATE_NOOP(
        "StorageError",
        "The database failed its integrity check. It has been left untouched; restore a backup or call for help.",  # noqa: E501
    )


class DiskFull(StorageError):
    message = QT_TRANSLATE_NOOP(
        "StorageError", "The disk is full: nothing was saved. Free some space and try again."
    )


class DatabaseLocked(StorageError):
    message = QT_TRANSLATE_NOOP(
        "StorageError", "The database is busy in another opdesk window. Close it and try again."
    )
