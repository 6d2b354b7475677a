"""The ``opdesk`` command: the desktop app, and subcommands for admin tasks."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from opdesk.logs import setup_logging
from opdesk.paths import Paths, resolve_paths
from opdesk.storage.errors import StorageError

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="opdesk", description="The front desk of the opcafè.")
    parser.add_argument(
        "--data-dir", help="where the database and backups live (or OPDESK_DATA_DIR)"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start on a demo database (filled with invented people on first use)",
    )
    parser.add_argument("--lang", choices=["it", "en"], help="language of the window (default: it)")
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo-data", help="fill a database with invented, believable people")
    demo.add_argument("--people", type=int, default=2000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--site", default="Rho", help="the comune of this desk's opcafè")

    sub.add_parser("check", help="check the database (integrity, schema, pending changes)")
    sub.add_parser("backup", help="take an online backup of the database now")

    snaps = sub.add_parser("snapshots", help="render each main screen to PNG (demo data)")
    snaps.add_argument("outdir")
    snaps.add_argument("--people", type=int, default=3000)

    search = sub.add_parser("search", help="search people as the check-in screen does")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=10)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    data_dir = args.data_dir
    if args.demo and not data_dir:
        data_dir = str(resolve_paths().data_dir / "demo")
    paths = resolve_paths(data_dir).ensure()
    setup_logging(paths.log_dir)
    try:
        if args.command is None:
            from opdesk.app import run_app

            return run_app(paths, demo=args.demo, lang=args.lang)
        commands = {
            "demo-data": _demo_data,
            "check": _check,
            "backup": _backup,
            "search": _search,
            "snapshots": _snapshots,
        }
        return commands[args.command](paths, args)
    except StorageError as exc:
        log.error("storage error: %s", type(exc).__name__)
        sys.stderr.write(f"opdesk: {exc.message}\n  {exc.path}\n")
        return 2


def _open(paths: Paths):  # type: ignore[no-untyped-def]
    from opdesk.storage.migrate import open_database

    return open_database(paths.database, backup_dir=paths.backup_dir)


def _demo_data(paths: Paths, args: argparse.Namespace) -> int:
    import time

    from opdesk.core.demo import generate_demo

    db = _open(paths)
    try:
        started = time.perf_counter()
        summary = generate_demo(db, people=args.people, seed=args.seed, desk_site_comune=args.site)
        elapsed = time.perf_counter() - started
    finally:
        db.dispose()
    sys.stdout.write(f"{summary}\nin {elapsed:.1f} s -> {paths.database}\n")
    return 0


def _check(paths: Paths, args: argparse.Namespace) -> int:
    from opdesk.core.mutations.log import MutationLog
    from opdesk.storage.migrate import full_integrity_check

    db = _open(paths)
    try:
        problems = [p for p in full_integrity_check(db.engine) if p != "ok"]
        pending = MutationLog(db).pending_count()
    finally:
        db.dispose()
    sys.stdout.write(f"database: {paths.database}\nintegrity: {problems or 'ok'}\n")
    sys.stdout.write(f"changes waiting to be sent to HQ: {pending}\n")
    return 0 if not problems else 1


def _backup(paths: Paths, args: argparse.Namespace) -> int:
    from opdesk.storage.backup import backup_sqlite

    db = _open(paths)
    db.dispose()
    target = backup_sqlite(paths.database, paths.backup_dir, reason="manual")
    sys.stdout.write(f"{target}\n")
    return 0


def _search(paths: Paths, args: argparse.Namespace) -> int:
    from opdesk.core.mutations.log import desk_site_id
    from opdesk.core.services.search import search_people

    db = _open(paths)
    try:
        hits = search_people(db, args.query, site_id=desk_site_id(db), limit=args.limit)
    finally:
        db.dispose()
    for hit in hits:
        person = hit.person
        born = (
            person.birth_date.strftime("%d/%m/%Y")
            if person.birth_date
            else (person.birth_year or "")
        )
        sys.stdout.write(
            f"{hit.score:5.2f}  {person.display_name}  {born}  {person.residence_comune or ''}\n"
        )
    return 0


def _snapshots(paths: Paths, args: argparse.Namespace) -> int:
    """Always on a demo database of its own, so a real desk's people never end up in PNGs."""
    from functools import partial
    from pathlib import Path

    from opdesk.app import open_desk
    from opdesk.gui.snapshots import render_with

    demo_paths = resolve_paths(paths.data_dir / "snapshots-demo").ensure()
    opener = partial(open_desk, demo_paths, demo=True, demo_people=args.people)
    for path in render_with(opener, Path(args.outdir)):
        sys.stdout.write(f"{path}\n")
    return 0
