"""Mutations about people: register, edit, merge and unmerge."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from opdesk.core.errors import (
    DomainError,
    EditConflict,
    FieldError,
    IndexOnly,
    InvalidMutation,
    ValidationFailed,
)
from opdesk.core.mutations.base import ApplyContext, Mutation, register, rome_date
from opdesk.core.mutations.consent import Purpose, RecordConsent
from opdesk.core.mutations.envelope import Id
from opdesk.core.rules.person import EDITABLE_FIELDS, PersonFields, is_minor, normalize_person
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.storage.models import HouseholdLink, Person
from opdesk.storage.rows import to_json_value

CONTEXT = "errors"
GUARDIAN = "guardian"


class InitialConsent(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    consent_id: Id
    purpose: Purpose


class GuardianLink(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    link_id: Id
    guardian_id: Id


def _set_fields(person: Person, fields: PersonFields, national_phone: str | None) -> None:
    for name, value in fields.model_dump().items():
        setattr(person, name, value)
    person.phone_national = national_phone


def require_guardian(ctx: ApplyContext, person_id: str, guardian_id: str) -> Person:
    guardian = ctx.person(guardian_id)
    if guardian.id == person_id:
        raise ValidationFailed(
            [
                FieldError(
                    "guardian",
                    QT_TRANSLATE_NOOP("errors", "A person cannot be their own guardian."),
                )
            ]
        )
    return guardian


@register
class RegisterPerson(Mutation):
    name = "register_person"

    person_id: Id
    registered_at: datetime
    site_id: Id | None
    fields: PersonFields
    guardian: GuardianLink | None = None
    # Consents given at registration, after the notice of ``notice_version`` was shown:
    # part of the same change, so a person is never saved without them.
    consents: tuple[InitialConsent, ...] = ()
    notice_version: str | None = None

    def apply(self, ctx: ApplyContext) -> None:
        ctx.require_new(Person, self.person_id)
        on = rome_date(self.registered_at)
        fields, national = normalize_person(self.fields, on=on)
        if self.site_id is not None:
            ctx.require_site(self.site_id)
        minor = is_minor(fields.birth_date, fields.birth_year, on=on)
        if minor and self.guardian is None:
            raise ValidationFailed(
                [
                    FieldError(
                        "guardian",
                        QT_TRANSLATE_NOOP(
                            "errors", "This person is a minor: choose the parent or guardian first."
                        ),
                    )
                ]
            )
        guardian = (
            require_guardian(ctx, self.person_id, self.guardian.guardian_id)
            if self.guardian
            else None
        )
        person = Person(
            id=self.person_id,
            registered_at=self.registered_at,
            registered_site_id=self.site_id,
        )
        _set_fields(person, fields, national)
        ctx.session.add(person)
        if self.consents:  # written now, its consents find it in the session, not by a query
            ctx.session.flush()
        if guardian is not None and self.guardian is not None:
            ctx.require_new(HouseholdLink, self.guardian.link_id)
            ctx.session.add(
                HouseholdLink(
                    id=self.guardian.link_id,
                    person_id=self.person_id,
                    member_id=guardian.id,
                    relation=GUARDIAN,
                    created_at=self.registered_at,
                )
            )
        for consent in self.consents:
            RecordConsent(
                consent_id=consent.consent_id,
                person_id=self.person_id,
                purpose=consent.purpose,
                given_at=self.registered_at,
                notice_version=self.notice_version or "",
                given_by_id=guardian.id if guardian is not None else None,
            ).apply(ctx)


@register
class UpdatePerson(Mutation):
    """Changes some fields. ``replaced`` holds the values the editor saw: if a field no
    longer holds that value, somebody else changed it first and the edit is a conflict."""

    name = "update_person"

    person_id: Id
    edited_at: datetime
    changes: dict[str, Any]
    replaced: dict[str, Any]

    def apply(self, ctx: ApplyContext) -> None:
        unknown = (set(self.changes) | set(self.replaced)) - set(EDITABLE_FIELDS)
        if unknown or set(self.replaced) != set(self.changes):
            raise InvalidMutation(self.name, "fields " + ", ".join(sorted(unknown or self.changes)))
        person = ctx.full_person(self.person_id)
        current = current_fields(person)
        stale = [
            key
            for key, old in self.replaced.items()
            if to_json_value(current.get(key)) != old
            and to_json_value(current.get(key)) != self.changes[key]
        ]
        if stale:
            raise EditConflict(sorted(stale))
        fields, national = self.result(current)
        _set_fields(person, fields, national)

    def result(self, current: dict[str, Any]) -> tuple[PersonFields, str | None]:
        """The person's fields once these changes are made to ``current``, normalised, and
        the national phone digits; ValidationFailed or InvalidMutation if they cannot be."""
        values = {**current, **self.changes}
        if self.changes.get("birth_date") is not None and "birth_year" not in self.changes:
            values["birth_year"] = None  # the stored year came from the old date
        try:
            merged = PersonFields.model_validate(values)
        except ValueError as exc:
            raise InvalidMutation(self.name, str(exc).splitlines()[0]) from None
        return normalize_person(merged, on=rome_date(self.edited_at))


def current_fields(person: Person) -> dict[str, Any]:
    return {name: getattr(person, name) for name in EDITABLE_FIELDS}


@register
class MergePeople(Mutation):
    """The merged-away person stays, pointing at the kept one: their records show under
    the kept person and any later change naming them is redirected."""

    name = "merge_people"
    privileged = True

    kept_id: Id
    merged_id: Id
    merged_at: datetime

    def apply(self, ctx: ApplyContext) -> None:
        kept = ctx.full_person(self.kept_id)
        merged = ctx.get(Person, self.merged_id, QT_TRANSLATE_NOOP("errors", "person"))
        if merged.index_only:
            raise IndexOnly()
        if merged.merged_into_id is not None:
            raise DomainError(
                QT_TRANSLATE_NOOP("errors", "This person was already merged into another.")
            )
        if kept.id == merged.id and self.kept_id != self.merged_id:  # the other way round
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors", "These two are already one person: they were merged before."
                )
            )
        if kept.id == merged.id:
            raise DomainError(
                QT_TRANSLATE_NOOP("errors", "A person cannot be merged with themselves.")
            )
        merged.merged_into_id = kept.id


@register
class UnmergePeople(Mutation):
    name = "unmerge_people"
    privileged = True

    merged_id: Id
    unmerged_at: datetime

    def apply(self, ctx: ApplyContext) -> None:
        merged = ctx.get(Person, self.merged_id, QT_TRANSLATE_NOOP("errors", "person"))
        if merged.merged_into_id is None:
            raise DomainError(
                QT_TRANSLATE_NOOP("errors", "This person is not merged into anybody.")
            )
        merged.merged_into_id = None


Relation = Literal["guardian", "parent", "child", "partner", "sibling", "relative", "other"]


@register
class LinkHousehold(Mutation):
    """``member`` is ``relation`` of ``person`` (e.g. the member is the person's guardian)."""

    name = "link_household"

    link_id: Id
    person_id: Id
    member_id: Id
    relation: Relation
    created_at: datetime

    def apply(self, ctx: ApplyContext) -> None:
        ctx.require_new(HouseholdLink, self.link_id)
        person = ctx.full_person(self.person_id)
        member = ctx.person(self.member_id)
        if person.id == member.id:
            raise ValidationFailed(
                [
                    FieldError(
                        "member_id",
                        QT_TRANSLATE_NOOP("errors", "A person cannot be linked to themselves."),
                    )
                ]
            )
        ctx.session.add(
            HouseholdLink(
                id=self.link_id,
                person_id=person.id,
                member_id=member.id,
                relation=self.relation,
                created_at=self.created_at,
            )
        )
