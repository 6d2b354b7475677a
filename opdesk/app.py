"""Composition root: paths, database, services, then the window.

``open_desk`` imports no Qt: the window calls it on its database worker after it is
painted, so that start-up shows something at once.
"""

from __future__ import annotations

import logging
from functools import partial

from sqlalchemy import func, select

from opdesk.core.mutations.log import ensure_desk_state
from opdesk.core.services.context import DeskContext
from opdesk.core.services.desk import Desk
from opdesk.paths import Paths
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.storage.models import DeskState, Person

log = logging.getLogger(__name__)

DEMO_PEOPLE = 3000


def open_desk(paths: Paths, *, demo: bool = False, demo_people: int = DEMO_PEOPLE) -> Desk:
    """Open (create, check, back up, migrate) the database; fill a demo one if empty."""
    paths.ensure()
    db = open_database(paths.database, backup_dir=paths.backup_dir)
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
    with db.read() as session:
        return not session.scalar(select(func.count()).select_from(Person))


def run_app(paths: Paths, *, demo: bool = False, lang: str | None = None) -> int:
    """The desktop app (imported late: the admin commands never load Qt)."""
    from opdesk.gui.application import run

    return run(paths, open_desk=partial(open_desk, paths, demo=demo), lang=lang)
