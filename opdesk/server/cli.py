"""``opdesk-server``: run HQ, and its admin commands (sites, users, devices)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select

from opdesk.core.clock import ROME, new_id, utc_now
from opdesk.core.errors import DomainError, ValidationFailed
from opdesk.core.rules.comuni import RHODENSE, canonical_comune
from opdesk.core.rules.sites import site_id_for
from opdesk.logs import setup_logging
from opdesk.paths import resolve_paths
from opdesk.server.devices import DeviceInfo, DeviceRefused
from opdesk.storage.engine import Database, is_sqlite
from opdesk.storage.migrate import open_database
from opdesk.storage.models import Site
from opdesk.storage.text import fold

log = logging.getLogger(__name__)
DATABASE_ENV = "OPDESK_SERVER_DATABASE_URL"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="opdesk-server", description="The opdesk HQ server.")
    parser.add_argument(
        "--database-url",
        default=os.environ.get(DATABASE_ENV),
        help=f"postgresql+psycopg://... (default: ${DATABASE_ENV}, else SQLite in the data "
        "folder, for a trial)",
    )
    parser.add_argument("--data-dir", help="where the SQLite database and logs live")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--certfile")
    serve.add_argument("--keyfile")
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes, each using a core (PostgreSQL only; default 1)",
    )
    site = sub.add_parser("create-site", help="add an opcafè to the network")
    site.add_argument("name")
    site.add_argument("comune")
    site.add_argument(
        "--new-comune", action="store_true", help="the comune is not one of the nine (yet)"
    )
    user = sub.add_parser("create-user", help="add a user")
    user.add_argument("username")
    user.add_argument("display_name")
    user.add_argument("--role", choices=["volunteer", "staff", "hq_admin"], default="volunteer")
    user.add_argument("--site", help="the comune of the user's opcafè")
    enroll = sub.add_parser("enroll-device", help="print a one-time code for a new desk")
    enroll.add_argument("name")
    # Required, one or the other: a forgotten --site must not give a counter the full
    # records of the whole network.
    where = enroll.add_mutually_exclusive_group(required=True)
    where.add_argument("--site", help="the comune of the desk's opcafè")
    where.add_argument(
        "--hq", action="store_true", help="a device of HQ's own: it receives every site's data"
    )
    sub.add_parser("devices", help="list the desks, their last sync and state")
    revoke = sub.add_parser("revoke-device", help="stop a desk from syncing")
    revoke.add_argument("device_id")
    rotate = sub.add_parser(
        "rotate-token",
        help="stop a desk's token now, and print a code for the desk to get a new one",
    )
    rotate.add_argument("device_id")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = resolve_paths(args.data_dir).ensure()
    setup_logging(paths.log_dir)
    url = args.database_url or str(paths.data_dir / "hq.sqlite3")
    if not args.database_url and args.command != "serve":
        # An admin command on HQ's machine without the URL would change a database the
        # server does not use: a code made there is "not valid" at the desk.
        sys.stderr.write(f"opdesk-server: the trial database {url} (no --database-url)\n")
    db = open_database(url, backup_dir=paths.backup_dir)
    try:
        return COMMANDS[args.command](db, args)
    except ValidationFailed as exc:  # each field's own words, not only the fields' names
        for error in exc.errors:
            sys.stderr.write(f"opdesk-server: {error.field}: {error.text()}\n")
        return 1
    except (DomainError, DeviceRefused, AdminRefusal) as exc:  # the reason, no traceback
        sys.stderr.write(f"opdesk-server: {exc}\n")
        return 1
    finally:
        db.dispose()


def _sites(db: Database, *, closed_too: bool = False) -> list[Site]:
    with db.read() as session:
        query = select(Site)
        if not closed_too:
            query = query.where(Site.deleted.is_(False))
        return list(session.scalars(query))


class AdminRefusal(Exception):
    """An admin command that cannot be done as written (a comune with no opcafè, or one
    that has one already): why, in words."""


def _site(db: Database, comune: str | None) -> str | None:
    """The open site in this comune (spelled any way); None for none asked."""
    if comune is None:
        return None
    sites = _sites(db)
    wanted = fold(canonical_comune(comune) or "")
    found = next((s.id for s in sites if fold(s.comune) == wanted), None)
    if found is None:
        known = ", ".join(sorted(s.comune for s in sites)) or "none yet"
        raise AdminRefusal(f"no opcafè in {comune.strip()!r}. The network's sites: {known}.")
    return found


# How ``serve --workers`` tells its worker processes what to open; also the default of
# --database-url, set once on HQ's machine for the admin commands.
WORKER_DATABASE = DATABASE_ENV
WORKER_LOGS = "OPDESK_SERVER_LOG_DIR"


def _serve(db: Database, args: argparse.Namespace) -> int:
    import uvicorn

    from opdesk.server.app import create_app

    options = {
        "host": args.host,
        "port": args.port,
        "ssl_certfile": args.certfile,
        "ssl_keyfile": args.keyfile,
        "log_level": "warning",
    }
    if args.workers <= 1:
        uvicorn.run(create_app(db), **options)
        return 0
    if is_sqlite(db.engine):
        sys.stderr.write("opdesk-server: --workers needs PostgreSQL (--database-url)\n")
        return 2
    # The database is migrated already (by ``main``); each worker process opens it.
    os.environ[WORKER_DATABASE] = db.engine.url.render_as_string(hide_password=False)
    os.environ[WORKER_LOGS] = str(resolve_paths(args.data_dir).log_dir)
    uvicorn.run("opdesk.server.cli:worker_app", factory=True, workers=args.workers, **options)
    return 0


def worker_app() -> Any:
    """The app of one of ``serve --workers`` processes."""
    from pathlib import Path

    from opdesk.server.app import create_app

    setup_logging(Path(os.environ[WORKER_LOGS]))
    return create_app(Database.open(os.environ[WORKER_DATABASE]))


def _create_site(db: Database, args: argparse.Namespace) -> int:
    from opdesk.core.mutations.directory import CreateSite
    from opdesk.server.push import apply_at_hq

    comune = canonical_comune(args.comune) or args.comune
    if comune not in RHODENSE and not args.new_comune:  # or NAME and COMUNE swapped
        raise AdminRefusal(
            f"{args.comune.strip()!r} is not one of the comuni Sercop serves "
            f"({', '.join(RHODENSE)}). The order is create-site NAME COMUNE; for an "
            "opcafè in a comune new to the network, add --new-comune."
        )
    there = next((s for s in _sites(db, closed_too=True) if s.comune == comune), None)
    if there is not None:  # a site's id is its comune's: one opcafè in each
        raise AdminRefusal(f"{comune} has an opcafè already: {there.name!r}.")
    site_id = site_id_for(comune)
    apply_at_hq(db, CreateSite(site_id=site_id, site_name=args.name, comune=comune))
    sys.stdout.write(f"{site_id}\n")
    return 0


def _create_user(db: Database, args: argparse.Namespace) -> int:
    from opdesk.core.mutations.directory import CreateUser
    from opdesk.server.push import apply_at_hq

    user_id = new_id()
    apply_at_hq(
        db,
        CreateUser(
            user_id=user_id,
            username=args.username,
            display_name=args.display_name,
            role=args.role,
            site_id=_site(db, args.site),
        ),
    )
    sys.stdout.write(f"{user_id}\n")
    return 0


def _enroll(db: Database, args: argparse.Namespace) -> int:
    from opdesk.server.devices import create_enrollment

    site_id = None if args.hq else _site(db, args.site)
    code = create_enrollment(db, name=args.name, site_id=site_id, now=utc_now())
    _print_code(code)
    return 0


def _devices(db: Database, args: argparse.Namespace) -> int:
    from opdesk.server.devices import list_devices

    listed = list_devices(db)
    if not listed:
        sys.stdout.write("No desks yet: enroll-device makes the code for the first.\n")
        return 0
    comuni = {s.id: s.comune for s in _sites(db, closed_too=True)}
    now = utc_now()
    for device in listed:
        where = comuni.get(device.site_id, "?") if device.site_id else "HQ, every site"
        last = _in_rome(device.last_sync_at) if device.last_sync_at else "never"
        failing = ""
        if device.failing_since is not None:
            since = _in_rome(device.failing_since)
            failing = f"  FAILING since {since} ({device.failures}x): {device.last_error}"
        sys.stdout.write(
            f"{device.id}  {device.name}  {where}  {_state(device, now)}  "
            f"last sync: {last}{failing}\n"
        )
    return 0


def _state(device: DeviceInfo, now: datetime) -> str:
    if device.revoked_at is not None:
        return "revoked"
    expires = device.code_expires_at
    if expires is None:
        return "enrolled"
    if expires < now:  # never enrolled, or its token was rotated
        return "code expired unused (rotate-token makes a new one)"
    return f"code not used yet (valid until {expires.astimezone(ROME):%H:%M})"


def _in_rome(moment: datetime) -> str:
    """As HQ's staff read the time, the offset kept: 2026-12-06T05:26+01:00."""
    return moment.astimezone(ROME).isoformat(timespec="minutes")


def _revoke(db: Database, args: argparse.Namespace) -> int:
    from opdesk.server.devices import revoke

    revoke(db, args.device_id, now=utc_now())
    return 0


def _rotate(db: Database, args: argparse.Namespace) -> int:
    from opdesk.server.devices import rotate_token

    _print_code(rotate_token(db, args.device_id, now=utc_now()))
    return 0


def _print_code(code: str) -> None:
    from opdesk.server.devices import CODE_LIFETIME

    minutes = int(CODE_LIFETIME.total_seconds() // 60)
    sys.stdout.write(
        f"{code}\n(valid for {minutes} minutes, once: the desk enters it in "
        "Postazione → Collega alla sede centrale)\n"
    )


COMMANDS = {
    "serve": _serve,
    "create-site": _create_site,
    "create-user": _create_user,
    "enroll-device": _enroll,
    "devices": _devices,
    "revoke-device": _revoke,
    "rotate-token": _rotate,
}


if __name__ == "__main__":
    raise SystemExit(main())
