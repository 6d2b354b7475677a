"""Online backups with the SQLite backup API; the newest few are kept."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from pathlib import Path

from opdesk.storage.engine import quote_key, sqlite_module

log = logging.getLogger(__name__)

KEEP = 5


def backup_sqlite(
    source: Path, backup_dir: Path, *, reason: str, keep: int = KEEP, key: str | None = None
) -> Path:
    """Copy a live database consistently (readers and writers may go on meanwhile).

    An encrypted database (``key``) is copied encrypted with the same key."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"{source.stem}-{stamp}-{reason}.sqlite3"
    module = sqlite_module()
    src = module.connect(str(source))
    try:
        dst = module.connect(str(target))
        try:
            if key is not None:
                src.execute("PRAGMA key = " + quote_key(key))
                dst.execute("PRAGMA key = " + quote_key(key))
            src.backup(dst)
        finally:
            dst.close()
    except BaseException:
        target.unlink(missing_ok=True)  # never leave a half-written backup behind
        raise
    finally:
        src.close()
    prune_backups(backup_dir, source.stem, keep)
    log.info("backup written: %s", target.name)
    return target


def list_backups(backup_dir: Path, stem: str) -> list[Path]:
    """This database's backups, oldest first (not those of "desk-2" for "desk")."""
    mine = re.compile(re.escape(stem) + r"-\d{8}T\d{12}Z-.*\.sqlite3")
    return sorted(p for p in backup_dir.glob(f"{stem}-*.sqlite3") if mine.fullmatch(p.name))


def prune_backups(backup_dir: Path, stem: str, keep: int) -> None:
    for old in list_backups(backup_dir, stem)[:-keep]:
        old.unlink()
