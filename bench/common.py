"""Shared by the bench scripts: arguments, the cached demo database, figures, percentiles.

Figures go to stdout as ``name=value unit`` lines and nothing else; progress goes to
stderr through logging.

Import this module before anything that imports ``typing`` (sqlalchemy, opdesk): scripts
run with bench/ first on ``sys.path``, where bench/typing.py would shadow the standard
library, so this module moves bench/ last. Its own top-level imports never load typing.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path


def _bench_last() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here] + [here]


_bench_last()

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opdesk.storage.engine import Database

log = logging.getLogger("bench")

CACHE_DIR = Path(tempfile.gettempdir()) / "opdesk-bench"


def parse_args(
    description: str, extra: Callable[[argparse.ArgumentParser], object] | None = None
) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    if extra is not None:
        extra(parser)
    parser.add_argument("--people", type=int, default=100_000, help="people in the demo data")
    parser.add_argument("--seed", type=int, default=1, help="seed of the demo data and queries")
    parser.add_argument("--db", type=Path, help="demo database to reuse (made if missing)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    return args


def demo_path(args: argparse.Namespace) -> Path:
    """The demo database to measure: ``--db``, or one cached by size, seed and schema."""
    from opdesk.core.demo import DEMO_VERSION
    from opdesk.storage.migrate import head_revision

    if args.db is not None:
        path: Path = args.db
    else:
        name = f"demo-{args.people}-{args.seed}-{head_revision()}-v{DEMO_VERSION}.sqlite3"
        path = CACHE_DIR / name
    if not path.exists():
        build_demo(path, args.people, args.seed)
    return path


def build_demo(path: Path, people: int, seed: int) -> None:
    """Made under a temporary name and renamed when complete, so a cache is never half full."""
    from opdesk.core.demo import generate_demo
    from opdesk.storage.migrate import open_database

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + f".{os.getpid()}.partial")
    log.info("building a demo database of %d people at %s", people, path)
    started = time.perf_counter()
    db = open_database(partial)
    try:
        summary = generate_demo(db, people=people, seed=seed)
    finally:
        db.dispose()  # the last connection to close checkpoints and removes the WAL
    log.info("demo database built in %.1f s: %s", time.perf_counter() - started, summary)
    partial.replace(path)


def desk_data_dir(args: argparse.Namespace) -> Path:
    """A desk data folder (``opdesk --data-dir``) holding a copy of the demo database, so
    that running the app there leaves the cached database as built."""
    source = demo_path(args)
    folder = CACHE_DIR / f"desk-{source.stem}"
    target = folder / "opdesk.sqlite3"
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return folder


def open_demo(path: Path) -> tuple[Database, str]:
    """The database (already migrated: opened without the slow checks) and its desk site."""
    from opdesk.storage.engine import Database
    from opdesk.storage.models import DeskState

    db = Database.open(path)
    with db.read() as session:
        state = session.get(DeskState, 1)
        site_id = state.site_id if state else None
    if site_id is None:
        db.dispose()
        raise SystemExit(f"{path} has no desk site: is it a demo database?")
    return db, site_id


def percentile(samples: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def emit(name: str, value: float, unit: str = "") -> None:
    text = f"{value:.3f}" if isinstance(value, float) else str(value)
    print(f"{name}={text} {unit}".rstrip(), flush=True)
