"""A desk: one open database and the services over it, as the window uses them."""

from __future__ import annotations

from dataclasses import dataclass, field

from opdesk.core.mutations.log import MutationLog
from opdesk.core.services.context import DeskContext
from opdesk.core.services.people import PeopleService
from opdesk.core.services.search import SearchHit, search_people
from opdesk.core.services.visits import VisitService
from opdesk.storage.engine import Database
from opdesk.storage.models import Site


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

    def close(self) -> None:
        self.db.dispose()
