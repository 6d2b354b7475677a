"""Composition root: paths, database, services, then the window.

``open_desk`` imports no Qt: the window calls it on its database worker after it is
painted, so that start-up shows something at once.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING, Literal

from opdesk.paths import Paths, resolve_paths

if TYPE_CHECKING:
    from opdesk.core.services.desk import Desk
    from opdesk.storage.engine import Database

# The database and domain modules are imported inside the functions: the window paints
# first, and they load on the database worker meanwhile.
log = logging.getLogger(__name__)

DEMO_PEOPLE = 3000
# The sync thread's Python work must not make the counter wait: hand the interpreter
# over every millisecond instead of every five (a check-in needs a few of them).
SWITCH_INTERVAL = 0.001


def open_desk(
    paths: Paths,
    *,
    demo: bool = False,
    demo_people: int = DEMO_PEOPLE,
    integrity: Literal["now", "background"] = "now",
) -> Desk:
    """Open (create, check, back up, migrate) the database; fill a demo one if empty."""
    from opdesk.core.mutations.log import ensure_desk_state
    from opdesk.core.services.context import DeskContext
    from opdesk.core.services.desk import Desk
    from opdesk.storage.migrate import open_database
    from opdesk.storage.models import DeskState

    paths.ensure()
    db = open_database(paths.database, backup_dir=paths.backup_dir, integrity=integrity)
    try:
        ensure_desk_state(db)
        if demo and _is_empty(db):
            from opdesk.core.demo import generate_demo

            generate_demo(db, people=demo_people)
            log.info("demo database filled")
        with db.read() as session:
            state = session.get(DeskState, 1)
            site_id = state.site_id if state else None
    except BaseException:
        db.dispose()
        raise
    return Desk(DeskContext(db, site_id=site_id))


def _is_empty(db: Database) -> bool:
    from sqlalchemy import func, select

    from opdesk.storage.models import Person

    with db.read() as session:
        return not session.scalar(select(func.count()).select_from(Person))


def run_app(paths: Paths, *, demo: bool = False, lang: str | None = None) -> int:
    """The desktop app (imported late: the admin commands never load Qt)."""
    import sys

    from opdesk.gui.application import run

    sys.setswitchinterval(SWITCH_INTERVAL)
    opener = partial(open_desk, paths, demo=demo, integrity="background")
    demo_paths = resolve_paths(paths.data_dir / "demo")
    demo_opener = partial(open_desk, demo_paths, demo=True, integrity="background")
    return run(paths, open_desk=opener, open_demo=demo_opener, lang=lang)
