"""Where new ids and times come from. Mutations never call these: services do, and pass
the values in, so that applying a mutation twice gives the same rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import uuid_utils

ROME = ZoneInfo("Europe/Rome")
_ONE_DAY = timedelta(days=1)

Clock = Callable[[], datetime]
IdFactory = Callable[[], str]


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    """A UUIDv7: time-ordered, so new rows land at the end of every index."""
    return str(uuid_utils.uuid7())


def rome_day_bounds(moment: datetime) -> tuple[datetime, datetime]:
    """The UTC start and end of the Rome calendar day that contains ``moment``."""
    local = moment.astimezone(ROME)
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    end = (start.replace(tzinfo=None) + _ONE_DAY).replace(tzinfo=ROME)
    return start.astimezone(UTC), end.astimezone(UTC)
