"""The longest text each synced column holds. PostgreSQL refuses a longer one where
SQLite would keep it: checked before anything is written, a desk and HQ agree."""

from __future__ import annotations

from functools import cache

from sqlalchemy import String, inspect
from sqlalchemy.orm import Session

from opdesk.storage.models import Synced


@cache
def text_limits(model: type[Synced]) -> dict[str, int]:
    """Attribute name -> characters at most, for the model's bounded text columns."""
    limits = {}
    for attribute in inspect(model).column_attrs:
        kind = attribute.columns[0].type
        if isinstance(kind, String) and kind.length:
            limits[attribute.key] = kind.length
    return limits


def overlong(session: Session) -> list[tuple[str, int]]:
    """(attribute, characters at most) for each text the session is about to write that
    does not fit: every value of a new row, the changed values of a changed one."""
    found: dict[str, int] = {}
    new = session.new  # a set built anew each time it is asked for
    for obj in (*new, *session.dirty):
        if not isinstance(obj, Synced):
            continue
        limits = text_limits(type(obj))
        keys = limits if obj in new else inspect(obj).committed_state.keys() & limits
        for key in keys:
            value = getattr(obj, key)
            if isinstance(value, str) and len(value) > limits[key]:
                found.setdefault(key, limits[key])
    return sorted(found.items())
