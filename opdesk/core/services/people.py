"""Registering, editing, merging and looking at people."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from opdesk.core.errors import NotFound
from opdesk.core.mutations.consent import Purpose, RecordConsent, WithdrawConsent
from opdesk.core.mutations.people import (
    GuardianLink,
    InitialConsent,
    LinkHousehold,
    MergePeople,
    RegisterPerson,
    Relation,
    UnmergePeople,
    UpdatePerson,
    current_fields,
)
from opdesk.core.mutations.visits import decode_topics
from opdesk.core.rules.person import PersonFields
from opdesk.core.services.context import DeskContext
from opdesk.core.services.views import (
    ConsentView,
    HouseholdMember,
    PersonDetails,
    PersonSummary,
    VisitView,
)
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.storage.models import Consent, HouseholdLink, Person, Visit
from opdesk.storage.rows import to_json_value


def summary_of(person: Person) -> PersonSummary:
    return PersonSummary(
        id=person.id,
        given_name=person.given_name,
        family_name=person.family_name,
        birth_date=person.birth_date,
        birth_year=person.birth_year,
        residence_comune=person.residence_comune,
        codice_fiscale=person.codice_fiscale,
        phone=person.phone,
        index_only=bool(person.index_only),
    )


def merged_into(session: Session, kept_id: str) -> list[str]:
    """Every id merged (directly or through others) into ``kept_id``."""
    found: list[str] = []
    frontier = [kept_id]
    while frontier:
        rows = session.scalars(select(Person.id).where(Person.merged_into_id.in_(frontier))).all()
        found.extend(rows)
        frontier = list(rows)
    return found


class PeopleService:
    def __init__(self, desk: DeskContext) -> None:
        self.desk = desk

    def register_person(
        self,
        fields: PersonFields,
        *,
        guardian_id: str | None = None,
        consents: Sequence[Purpose] = (),
        notice_version: str | None = None,
    ) -> str:
        """Register a person and the consents they give now, as one change; returns the
        new id. Nothing is saved if any part is refused."""
        desk = self.desk
        person_id = desk.ids()
        guardian = (
            GuardianLink(link_id=desk.ids(), guardian_id=guardian_id) if guardian_id else None
        )
        desk.run(
            RegisterPerson(
                person_id=person_id,
                registered_at=desk.clock(),
                site_id=desk.site_id,
                fields=fields,
                guardian=guardian,
                consents=tuple(
                    InitialConsent(consent_id=desk.ids(), purpose=purpose) for purpose in consents
                ),
                notice_version=notice_version,
            )
        )
        return person_id

    def update_person(self, person_id: str, changes: dict[str, Any]) -> None:
        """Change some fields; only those whose value really changes are sent."""
        with self.desk.db.read() as session:
            person = session.get(Person, person_id)
            while person is not None and person.merged_into_id is not None:
                person = session.get(Person, person.merged_into_id)  # the edit goes there
            if person is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "person"), person_id)
            current = {k: to_json_value(v) for k, v in current_fields(person).items()}
        new = {k: to_json_value(v) for k, v in changes.items()}
        changed = {k: v for k, v in new.items() if current.get(k, v) != v or k not in current}
        if not changed:
            return
        self.desk.run(
            UpdatePerson(
                person_id=person_id,
                edited_at=self.desk.clock(),
                changes=changed,
                replaced={k: current.get(k) for k in changed},
            )
        )

    def merge_people(self, *, kept_id: str, merged_id: str) -> None:
        self.desk.run(
            MergePeople(kept_id=kept_id, merged_id=merged_id, merged_at=self.desk.clock())
        )

    def unmerge_people(self, merged_id: str) -> None:
        self.desk.run(UnmergePeople(merged_id=merged_id, unmerged_at=self.desk.clock()))

    def link_household(self, person_id: str, member_id: str, relation: Relation) -> str:
        link_id = self.desk.ids()
        self.desk.run(
            LinkHousehold(
                link_id=link_id,
                person_id=person_id,
                member_id=member_id,
                relation=relation,
                created_at=self.desk.clock(),
            )
        )
        return link_id

    def record_consent(
        self,
        person_id: str,
        purpose: Purpose,
        *,
        notice_version: str,
        given_by_id: str | None = None,
    ) -> str:
        consent_id = self.desk.ids()
        self.desk.run(
            RecordConsent(
                consent_id=consent_id,
                person_id=person_id,
                purpose=purpose,
                given_at=self.desk.clock(),
                notice_version=notice_version,
                given_by_id=given_by_id,
            )
        )
        return consent_id

    def withdraw_consent(self, consent_id: str) -> None:
        self.desk.run(WithdrawConsent(consent_id=consent_id, withdrawn_at=self.desk.clock()))

    def person_details(self, person_id: str) -> PersonDetails:
        """Everything about a person, with the records of people merged into them."""
        with self.desk.db.read() as session:
            person = session.get(Person, person_id)
            if person is None or person.deleted:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "person"), person_id)
            merged = merged_into(session, person.id)
            ids = [person.id, *merged]
            return PersonDetails(
                summary=summary_of(person),
                sex=person.sex,
                birth_place=person.birth_place,
                cf_missing_reason=person.cf_missing_reason,
                citizenship=person.citizenship,
                residence_address=person.residence_address,
                homeless=person.homeless,
                domicile_comune=person.domicile_comune,
                domicile_address=person.domicile_address,
                registered_at=person.registered_at,
                merged_into_id=person.merged_into_id,
                merged_ids=tuple(merged),
                household=tuple(_household(session, ids)),
                consents=tuple(_consents(session, ids)),
                visits=tuple(_visits(session, ids, person)),
                index_only=bool(person.index_only),
            )


def _household(session: Session, ids: list[str]) -> list[HouseholdMember]:
    links = session.scalars(
        select(HouseholdLink).where(
            or_(HouseholdLink.person_id.in_(ids), HouseholdLink.member_id.in_(ids)),
            HouseholdLink.deleted.is_(False),
        )
    ).all()
    members = []
    for link in links:
        of_person = link.person_id in ids
        other = session.get(Person, link.member_id if of_person else link.person_id)
        name = " ".join(n for n in (other.family_name, other.given_name) if n) if other else "?"
        members.append(
            HouseholdMember(
                link_id=link.id,
                person_id=other.id if other else "",
                name=name,
                relation=link.relation,
                direction="of_person" if of_person else "of_member",
            )
        )
    return members


def _consents(session: Session, ids: list[str]) -> list[ConsentView]:
    rows = session.scalars(
        select(Consent)
        .where(Consent.person_id.in_(ids), Consent.deleted.is_(False))
        .order_by(Consent.given_at)
    ).all()
    return [
        ConsentView(c.id, c.purpose, c.given_at, c.notice_version, c.given_by_id, c.withdrawn_at)
        for c in rows
    ]


def _visits(session: Session, ids: list[str], person: Person) -> list[VisitView]:
    rows = session.scalars(
        select(Visit)
        .where(Visit.person_id.in_(ids), Visit.deleted.is_(False))
        .order_by(Visit.visited_at.desc())
    ).all()
    name = summary_of(person).display_name
    return [
        VisitView(v.id, v.person_id, name, v.site_id, v.visited_at, decode_topics(v.topics), v.note)
        for v in rows
    ]
