"""Mutations about the network itself: sites and users (made at HQ, privileged)."""

from __future__ import annotations

from typing import Literal

from sqlalchemy import select

from opdesk.core.errors import FieldError, ValidationFailed
from opdesk.core.mutations.base import ApplyContext, Mutation, register
from opdesk.core.mutations.envelope import Id
from opdesk.core.rules.comuni import canonical_comune
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.storage.models import Site, User

CONTEXT = "errors"
Role = Literal["volunteer", "staff", "hq_admin"]


@register
class CreateSite(Mutation):
    name = "create_site"
    privileged = True

    site_id: Id
    site_name: str
    comune: str
    address: str | None = None

    def apply(self, ctx: ApplyContext) -> None:
        ctx.require_new(Site, self.site_id)
        comune = canonical_comune(self.comune)
        if not self.site_name.strip() or comune is None:
            raise ValidationFailed(
                [
                    FieldError(
                        "site_name",
                        QT_TRANSLATE_NOOP("errors", "A site needs a name and a comune."),
                    )
                ]
            )
        ctx.session.add(
            Site(id=self.site_id, name=self.site_name.strip(), comune=comune, address=self.address)
        )


@register
class CreateUser(Mutation):
    name = "create_user"
    privileged = True

    user_id: Id
    username: str
    display_name: str
    role: Role
    site_id: Id | None = None

    def apply(self, ctx: ApplyContext) -> None:
        ctx.require_new(User, self.user_id)
        username = self.username.strip().lower()
        ctx.guard(f"username:{username}")  # two admins giving one name at once
        taken = ctx.session.scalar(select(User.id).where(User.username == username))
        if not username or taken:
            raise ValidationFailed(
                [
                    FieldError(
                        "username",
                        QT_TRANSLATE_NOOP("errors", "This username is empty or already taken."),
                    )
                ]
            )
        if self.site_id is not None:
            ctx.get(Site, self.site_id, QT_TRANSLATE_NOOP("errors", "site"))
        ctx.session.add(
            User(
                id=self.user_id,
                username=username,
                display_name=self.display_name.strip() or username,
                role=self.role,
                site_id=self.site_id,
            )
        )
