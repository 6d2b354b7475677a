"""Checking a person in on the demo database: p95 of a real commit, and the disk's floor.

``checkin_p95_ms`` times ``VisitService.check_in`` (the mutation, its log entry and the
search index update, committed with synchronous=FULL) on a copy of the demo database, so
that the cached one stays as built. ``fsync_floor_ms`` times a raw 4 KiB write and fsync
of a file in the same directory: no commit can be faster than that on this disk.

    .venv/bin/python bench/checkin.py [--people N] [--db PATH]
"""

from __future__ import annotations

import logging
import os
import random
import shutil
import time
from pathlib import Path

from common import demo_path, emit, open_demo, parse_args, percentile
from sqlalchemy import select

from opdesk.core.mutations.visits import TOPICS
from opdesk.core.services.context import DeskContext
from opdesk.core.services.visits import VisitService
from opdesk.storage.models import Person, User

log = logging.getLogger("bench.checkin")

CALLS = 400
WARM_UP = 20


def working_copy(path: Path) -> Path:
    copy = path.with_name(f"checkin-{os.getpid()}-{path.name}")
    shutil.copyfile(path, copy)
    return copy


def remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def checkin_times(path: Path, seed: int) -> list[float]:
    db, site_id = open_demo(path)
    try:
        with db.read() as session:
            people = list(
                session.scalars(
                    select(Person.id).where(
                        Person.merged_into_id.is_(None), Person.deleted.is_(False)
                    )
                )
            )
            user_id = session.scalar(
                select(User.id).where(User.site_id == site_id, User.active.is_(True)).limit(1)
            )
        visits = VisitService(DeskContext(db, site_id=site_id, actor_user_id=user_id))
        rng = random.Random(seed)
        timings = []
        for call in range(WARM_UP + CALLS):
            person_id = rng.choice(people) if rng.random() > 0.05 else None
            topics = rng.sample(TOPICS, rng.randint(0, 2))
            started = time.perf_counter()
            visits.check_in(person_id, topics=topics)
            if call >= WARM_UP:
                timings.append((time.perf_counter() - started) * 1000)
        return timings
    finally:
        db.dispose()


def fsync_times(directory: Path) -> list[float]:
    path = directory / f"fsync-{os.getpid()}.bin"
    block = os.urandom(4096)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    timings = []
    try:
        for call in range(WARM_UP + CALLS):
            started = time.perf_counter()
            os.write(fd, block)
            os.fsync(fd)
            if call >= WARM_UP:
                timings.append((time.perf_counter() - started) * 1000)
    finally:
        os.close(fd)
        path.unlink(missing_ok=True)
    return timings


def main() -> None:
    args = parse_args(__doc__ or "")
    logging.getLogger("opdesk").setLevel(logging.WARNING)  # one line per mutation otherwise
    copy = working_copy(demo_path(args))
    try:
        checkins = checkin_times(copy, args.seed)
        floor = fsync_times(copy.parent)
    finally:
        remove(copy)
    log.info("check-in: median %.2f ms, max %.2f ms", percentile(checkins, 50), max(checkins))
    log.info("fsync: median %.2f ms, max %.2f ms", percentile(floor, 50), max(floor))
    emit("checkin_p95_ms", percentile(checkins, 95), "ms")
    emit("fsync_floor_ms", percentile(floor, 95), "ms")


if __name__ == "__main__":
    main()
