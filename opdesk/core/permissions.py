"""Who may run which mutation. Roles arrive with accounts; the hook is called already."""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from opdesk.core.errors import PermissionDenied
from opdesk.core.mutations.base import Mutation
from opdesk.storage.models import User


class Permissions(Protocol):
    def check(self, session: Session, actor_user_id: str | None, mutation: Mutation) -> None:
        """Raise PermissionDenied when the actor may not run the mutation."""


class KnownActiveUsers:
    """For now: an actor named in a mutation must be a known, active user."""

    def check(self, session: Session, actor_user_id: str | None, mutation: Mutation) -> None:
        if actor_user_id is None:
            return
        query = select(User.id).where(
            User.id == actor_user_id, User.active.is_(True), User.deleted.is_(False)
        )
        if session.connection().execute(query).first() is None:
            raise PermissionDenied(mutation.name)
