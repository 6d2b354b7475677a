"""Mutations about consent: given per purpose with the notice version, and withdrawn."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from sqlalchemy import select

from opdesk.core.errors import DomainError, FieldError, ValidationFailed
from opdesk.core.mutations.base import ApplyContext, Mutation, register, rome_date
from opdesk.core.mutations.envelope import Id
from opdesk.core.rules.person import is_minor
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.storage.models import Consent, HouseholdLink

CONTEXT = "errors"
PURPOSES = ("registration", "network_index", "contact", "referral_sharing")
Purpose = Literal["registration", "network_index", "contact", "referral_sharing"]
REPRESENTATIVES = ("guardian", "parent")


def is_representative(ctx: ApplyContext, person_id: str, member_id: str) -> bool:
    """Whether ``member`` is linked as the guardian or parent of ``person``."""
    link = ctx.session.scalar(
        select(HouseholdLink.id).where(
            HouseholdLink.person_id == person_id,
            HouseholdLink.member_id == member_id,
            HouseholdLink.relation.in_(REPRESENTATIVES),
            HouseholdLink.deleted.is_(False),
        )
    )
    return link is not None


@register
class RecordConsent(Mutation):
    name = "record_consent"

    consent_id: Id
    person_id: Id
    purpose: Purpose
    given_at: datetime
    notice_version: str
    given_by_id: Id | None = None

    def apply(self, ctx: ApplyContext) -> None:
        ctx.require_new(Consent, self.consent_id)
        person = ctx.full_person(self.person_id)
        if not self.notice_version.strip():
            raise ValidationFailed(
                [
                    FieldError(
                        "notice_version",
                        QT_TRANSLATE_NOOP("errors", "Say which privacy notice was shown."),
                    )
                ]
            )
        given_by = ctx.person(self.given_by_id).id if self.given_by_id else None
        minor = is_minor(person.birth_date, person.birth_year, on=rome_date(self.given_at))
        if minor and given_by is None:
            raise ValidationFailed(
                [
                    FieldError(
                        "given_by_id",
                        QT_TRANSLATE_NOOP(
                            "errors", "A minor's consent is given by their parent or guardian."
                        ),
                    )
                ]
            )
        if given_by is not None and not is_representative(ctx, person.id, given_by):
            raise ValidationFailed(
                [
                    FieldError(
                        "given_by_id",
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "Only a linked parent or guardian can consent for somebody else.",
                        ),
                    )
                ]
            )
        ctx.session.add(
            Consent(
                id=self.consent_id,
                person_id=person.id,
                purpose=self.purpose,
                given_at=self.given_at,
                notice_version=self.notice_version.strip(),
                given_by_id=given_by,
                recorded_by_id=ctx.actor_user_id,
            )
        )


@register
class WithdrawConsent(Mutation):
    name = "withdraw_consent"

    consent_id: Id
    withdrawn_at: datetime

    def apply(self, ctx: ApplyContext) -> None:
        consent = ctx.get(Consent, self.consent_id, QT_TRANSLATE_NOOP("errors", "consent"))
        if consent.withdrawn_at is not None:
            raise DomainError(QT_TRANSLATE_NOOP("errors", "This consent was already withdrawn."))
        consent.withdrawn_at = self.withdrawn_at
