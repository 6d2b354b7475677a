"""A desk's first pull from an HQ holding the demo data, while the counter checks people in.

    .venv/bin/python bench/pull.py [--people 100000]

Prints pull_rows, pull_seconds, and the check-ins committed during it:
checkin_during_pull_p95_ms and checkin_during_pull_max_ms (target: every one < 200 ms).
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import demo_path, emit, parse_args, percentile
from sqlalchemy import text

from opdesk.app import SWITCH_INTERVAL
from opdesk.core.mutations.log import ensure_desk_state
from opdesk.core.rules.sites import site_id_for
from opdesk.core.services.context import DeskContext
from opdesk.core.services.visits import VisitService
from opdesk.server.local import InProcessHQ
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.storage.models import SYNCED_MODELS
from opdesk.sync.engine import sync_once

log = logging.getLogger("bench.pull")


def hq_copy(source: Path, folder: Path) -> Database:
    """The demo database as HQ would hold it: every row with a version of its own."""
    target = folder / "hq.sqlite3"
    shutil.copyfile(source, target)
    db = Database.open(target)
    with db.write() as session:
        offset = 0
        for model in SYNCED_MODELS:
            table = model.__tablename__
            session.execute(
                text(f"UPDATE {table} SET version = rowid + :offset"), {"offset": offset}
            )
            offset += session.execute(text(f"SELECT max(rowid) FROM {table}")).scalar() or 0
        session.execute(
            text("INSERT OR REPLACE INTO hq_state (id, version, epoch) VALUES (1, :v, 'bench')"),
            {"v": offset},
        )
    return db


def main() -> None:
    args = parse_args(__doc__ or "")
    sys.setswitchinterval(SWITCH_INTERVAL)  # as the desk app does (opdesk.app)
    folder = Path(tempfile.mkdtemp(prefix="opdesk-pull-"))
    try:
        hq = hq_copy(demo_path(args), folder)
        desk = open_database(folder / "desk.sqlite3")
        ensure_desk_state(desk)
        visits = VisitService(DeskContext(desk, site_id=site_id_for("Rho")))
        report: list[object] = []
        puller = threading.Thread(
            target=lambda: report.append(sync_once(desk, InProcessHQ(hq, page=1000)))
        )
        started = time.perf_counter()
        puller.start()
        times: list[float] = []
        while puller.is_alive():
            began = time.perf_counter()
            visits.check_in(None, topics=["casa"])
            times.append((time.perf_counter() - began) * 1000)
            time.sleep(0.05)
        puller.join()
        seconds = time.perf_counter() - started
        pulled = getattr(report[0], "pulled", 0) if report else 0
        emit("pull_rows", pulled, "rows")
        emit("pull_seconds", seconds, "s")
        emit("checkin_during_pull_p95_ms", percentile(times, 95), "ms")
        emit("checkin_during_pull_max_ms", max(times), "ms")
        desk.dispose()
        hq.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
