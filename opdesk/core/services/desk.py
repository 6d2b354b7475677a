"""A desk: one open database and the services over it, as the window uses them."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from opdesk.core.errors import NotFound
from opdesk.core.mutations.log import MutationLog
from opdesk.core.services.context import DeskContext
from opdesk.core.services.people import PeopleService
from opdesk.core.services.search import SearchHit, search_people
from opdesk.core.services.visits import VisitService
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.storage.engine import Database
from opdesk.storage.models import DeskState, Site


@dataclass
class Desk:
    context: DeskContext
    people: PeopleService = field(init=False)
    visits: VisitService = field(init=False)
    log: MutationLog = field(init=False)

    def __post_init__(self) -> None:
        self.people = PeopleService(self.context)
        self.visits = VisitService(self.context)
        self.log = self.context.log

    @property
    def db(self) -> Database:
        return self.context.db

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        return search_people(self.db, query, site_id=self.context.site_id, limit=limit)

    def site_name(self) -> str | None:
        if self.context.site_id is None:
            return None
        with self.db.read() as session:
            site = session.get(Site, self.context.site_id)
            return site.name if site else None

    def sites(self) -> list[tuple[str, str]]:
        """(id, name) of the network's sites, by name."""
        with self.db.read() as session:
            rows = session.execute(
                select(Site.id, Site.name).where(Site.deleted.is_(False)).order_by(Site.name)
            ).all()
            return [(site_id, name) for site_id, name in rows]

    def choose_site(self, site_id: str) -> None:
        """Which opcafè this desk is: local to this database, not a change for HQ."""
        with self.db.write() as session:
            if session.get(Site, site_id) is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "site"), site_id)
            state = session.get(DeskState, 1)
            if state is None:
                raise RuntimeError("desk state missing")
            state.site_id = site_id
        self.context.site_id = site_id

    def reload_site(self) -> str | None:
        """The site as the database has it now (HQ may have set it at enrollment)."""
        with self.db.read() as session:
            state = session.get(DeskState, 1)
            self.context.site_id = state.site_id if state else None
        return self.context.site_id

    def close(self) -> None:
        self.db.dispose()
