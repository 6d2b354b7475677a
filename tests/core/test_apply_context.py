"""What a mutation's context remembers within a transaction, and when it forgets."""

from __future__ import annotations

import pytest

from opdesk.core.errors import NotFound
from opdesk.core.mutations.base import ApplyContext
from opdesk.core.rules.sites import site_id_for
from opdesk.storage.engine import Database
from opdesk.storage.models import Site


class Undone(Exception):
    pass


def test_a_site_found_open_is_looked_up_again_once_a_site_is_written(db: Database) -> None:
    rho = site_id_for("Rho")
    with db.write() as session:
        ctx = ApplyContext(session, None)
        ctx.require_site(rho)
        site = session.get(Site, rho)
        assert site is not None
        site.deleted = True  # closed by a change earlier in the same batch
        session.flush()
        with pytest.raises(NotFound):
            ctx.require_site(rho)
        session.rollback()


def test_a_site_seen_in_a_savepoint_rolled_back_is_forgotten(db: Database) -> None:
    with db.write() as session:
        ctx = ApplyContext(session, None)
        with pytest.raises(Undone), session.begin_nested():
            session.add(Site(id="site-new", name="Nuovo opcafè", comune="Rho", address=None))
            session.flush()
            ctx.require_site("site-new")  # seen, then the change that made it is refused
            raise Undone
        with pytest.raises(NotFound):
            ctx.require_site("site-new")
