"""Plain, frozen data the services hand out: safe to pass between threads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class PersonSummary:
    id: str
    given_name: str | None
    family_name: str | None
    birth_date: date | None
    birth_year: int | None
    residence_comune: str | None
    codice_fiscale: str | None
    phone: str | None
    last_seen_at: datetime | None = None
    index_only: bool = False  # only the network index's minimal record is here

    @property
    def display_name(self) -> str:
        return " ".join(n for n in (self.family_name, self.given_name) if n)


@dataclass(frozen=True)
class VisitView:
    id: str
    person_id: str | None
    person_name: str | None
    site_id: str
    visited_at: datetime
    topics: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class QueueEntry:
    visit_id: str
    person_id: str | None
    person_name: str | None
    waiting_for: str
    state: str  # waiting, called
    since: datetime  # arrival
    called_at: datetime | None


@dataclass(frozen=True)
class ConsentView:
    id: str
    purpose: str
    given_at: datetime
    notice_version: str
    given_by_id: str | None
    withdrawn_at: datetime | None


@dataclass(frozen=True)
class HouseholdMember:
    link_id: str
    person_id: str
    name: str
    relation: str
    direction: str  # "of_person": member is <relation> of the person; "of_member": reverse


@dataclass(frozen=True)
class PersonDetails:
    summary: PersonSummary
    sex: str | None
    birth_place: str | None
    cf_missing_reason: str | None
    citizenship: str | None
    residence_address: str | None
    homeless: bool
    domicile_comune: str | None
    domicile_address: str | None
    registered_at: datetime
    merged_into_id: str | None
    merged_ids: tuple[str, ...]
    household: tuple[HouseholdMember, ...]
    consents: tuple[ConsentView, ...]
    visits: tuple[VisitView, ...]
    index_only: bool = False  # only the network index's minimal record is here
