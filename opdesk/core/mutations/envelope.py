"""The envelope a mutation travels in, between the desk's log and HQ.

Read as the OpenAPI document that HQ publishes says, not more loosely (a number is not
a string, a time is not a number); its bounds are the columns' (ids of 36 characters,
32-bit numbers), so that HQ refuses what it could not store instead of failing on it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field

MAX_INT = 2**31 - 1  # an Integer column on PostgreSQL
NAME_PATTERN = r"^[^\x00-\x1f\x7f]+$"  # no control characters (PostgreSQL refuses NUL)


def _integral(value: object) -> object:
    """A JSON integer: 3 or 3.0 (JSON Schema counts it as one), not "3" nor true."""
    if isinstance(value, bool | str):
        raise ValueError("not an integer")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _moment(value: object) -> object:
    """A time as RFC 3339 text (or a datetime, on the desk), not a number of seconds."""
    if not isinstance(value, str | datetime):
        raise ValueError("not a date-time")
    return value


def _utc(moment: datetime) -> datetime:
    """In UTC. Year 1 east of Greenwich and year 9999 west of it have no UTC datetime:
    they become the first and the last there is. RFC 3339 allows them, and the time is
    only shown (a clock that far off is the desk's problem, not a reason to refuse)."""
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        edge = datetime.min if moment.year == 1 else datetime.max
        return edge.replace(tzinfo=UTC)


JsonInt = Annotated[int, Field(ge=0, le=MAX_INT), BeforeValidator(_integral)]
Id = Annotated[str, Field(min_length=1, max_length=36, pattern=NAME_PATTERN)]


class Envelope(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    mutation_id: Id
    client_id: Id
    seq: Annotated[int, Field(ge=1, le=MAX_INT), BeforeValidator(_integral)]
    name: Annotated[str, Field(min_length=1, max_length=60, pattern=NAME_PATTERN)]
    schema_version: JsonInt
    actor_user_id: Id | None
    # For display only: never used to order anything.
    device_time: Annotated[AwareDatetime, BeforeValidator(_moment), AfterValidator(_utc)]
    args: dict[str, Any]
