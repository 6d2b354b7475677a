"""The envelope a mutation travels in, between the desk's log and HQ."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict


class Envelope(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    mutation_id: str
    client_id: str
    seq: int
    name: str
    schema_version: int
    actor_user_id: str | None
    device_time: datetime  # for display only: never used to order anything
    args: dict[str, Any]
