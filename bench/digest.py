"""The divergence check of a desk holding the demo data against an HQ holding the same.

    .venv/bin/python bench/digest.py [--people 100000] [--db DEMO.sqlite3]

Prints digest_rows, desk_digest_s, hq_digest_s (the two halves), divergence_check_s
(the whole check as a desk runs it, in process) and peak_rss_mb.
"""

from __future__ import annotations

import resource
import shutil
import tempfile
import time
from pathlib import Path

from common import demo_path, emit, parse_args
from pull import hq_copy
from sqlalchemy import select, true, update

from opdesk.server.digest import digest_for_device
from opdesk.server.local import InProcessHQ
from opdesk.server.scopes import EVERYTHING
from opdesk.storage.migrate import open_database
from opdesk.storage.models import DeskState, HqState
from opdesk.sync.digest import digest_rows
from opdesk.sync.divergence import check_divergence


def main() -> None:
    args = parse_args(__doc__ or "")
    folder = Path(tempfile.mkdtemp(prefix="opdesk-digest-"))
    try:
        hq_copy(demo_path(args), folder).dispose()
        hq = open_database(folder / "hq.sqlite3", backup_dir=folder / "backups")  # migrated
        shutil.copyfile(folder / "hq.sqlite3", folder / "desk.sqlite3")  # the same rows
        desk = open_database(folder / "desk.sqlite3", backup_dir=folder / "backups")
        with hq.read() as session:
            cursor = session.scalar(select(HqState.version)) or 0
        with desk.write() as session:
            session.execute(update(DeskState).values(server_cursor=cursor, server_epoch="bench"))
        started = time.perf_counter()
        with desk.read() as session:
            here = digest_rows(session.connection(), where=lambda _t: true())
        emit("digest_rows", sum(d.count for d in here.values()), "rows")
        emit("desk_digest_s", time.perf_counter() - started, "s")
        started = time.perf_counter()
        digest_for_device(hq, scope=EVERYTHING, cursor=cursor, exclude=[])
        emit("hq_digest_s", time.perf_counter() - started, "s")
        started = time.perf_counter()
        result = check_divergence(desk, InProcessHQ(hq))
        emit("divergence_check_s", time.perf_counter() - started, "s")
        if not result.conclusive or result.diverged:
            raise SystemExit(f"expected a match: {result}")
        emit("peak_rss_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "MB")
        desk.dispose()
        hq.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
