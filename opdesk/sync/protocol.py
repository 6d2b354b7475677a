"""The wire between desks and HQ (pydantic models, shared by both sides)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import TypedDict

from opdesk.core.mutations.base import SCHEMA_VERSION
from opdesk.core.mutations.envelope import NAME_PATTERN, Envelope, Id, JsonInt

# 2: rejection reasons also as message id and parameters (translated at the desk), and
# the count of rows waiting from a page's cursor on, on the page asked with ``count``
# (this desk asks it with its second page). A desk says which it reads (``protocol``,
# ``count`` in the query); an older desk gets what it always got.
# A desk at cursor 0 may ask for its rows as a snapshot (``snapshot`` in the query).
PROTOCOL = 2
OLDEST_SCHEMA = SCHEMA_VERSION - 1  # HQ also takes the previous version's mutations
# A snapshot's place: "start", then HQ's "{version}.{phase}.{last id}" (see
# ``opdesk.server.snapshot``); the desk only gives back what it was given.
START = "start"
TOKEN_PATTERN = r"^(start|[0-9]{1,15}\.[0-9]{1,2}\.[^\x00-\x1f\x7f]{0,36})$"


class Wire(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EnrollIn(Wire):
    code: str = Field(min_length=4, max_length=20)
    site_id: Id | None = Field(
        default=None,
        description="The site the desk records its visits for: a code for another site "
        "is refused (and stays unused), unless the desk is fresh.",
    )
    fresh: bool = Field(
        default=False,
        description="Nothing recorded nor synced on the desk yet: it takes the code's site.",
    )


class EnrollOut(Wire):
    device_id: str
    token: str
    # Sent to a desk that said its site (an older desk refuses fields it does not know).
    site_id: Id | None = Field(
        default=None, description="The site HQ enrolled the desk for; null: every site."
    )


class PushIn(Wire):
    client_id: Id
    # Outside this range HQ answers 409 (HQ too old) or 426 (desk too old), in words:
    # the range is in the document only, so that an old desk is told what to do.
    schema_version: JsonInt = Field(
        SCHEMA_VERSION, json_schema_extra={"minimum": OLDEST_SCHEMA, "maximum": SCHEMA_VERSION}
    )
    mutations: list[Envelope] = Field(max_length=500)


class PushResultOut(Wire):
    seq: int
    status: Literal["applied", "rejected", "duplicate", "skipped"]
    reason: str | None = None
    reason_id: str | None = None  # protocol 2: the English message, a translation key
    reason_params: dict[str, Any] | None = None


class PushOut(Wire):
    last_processed: int
    stopped_at_gap: bool
    results: list[PushResultOut]


# A typed dict, not a model: a first download is 200,000 rows, and making a frozen
# model of each took the desk three times as long as reading the JSON (a fifth of its
# work in a first download).
class RowOut(TypedDict):
    """A synced row as HQ sends it."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    table: str
    id: str
    data: dict[str, Any]


class TableOut(TypedDict):
    """Rows of one table in a snapshot: the column names once, then each row's values."""

    table: str
    columns: list[str]
    rows: list[list[Any]]


class PullOut(Wire):
    rows: list[RowOut]
    cursor: int
    more: bool
    epoch: str
    last_processed: int
    waiting: int | None = None  # asked for with ``count``: rows waiting from the cursor on
    removed: list[str] = Field(default_factory=list)  # minimal records to drop (people)
    # Asked with ``snapshot`` at cursor 0: the token of the snapshot's next page; absent
    # once it is complete (``cursor`` is then its version). Its rows come in ``tables``.
    snapshot: str | None = None
    tables: list[TableOut] = Field(default_factory=list)


class ProblemOut(Wire):
    """An error (RFC 9457 problem details): ``detail`` is for the person at the desk."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str


CLIENT_ID_REUSED = "urn:opdesk:problem:client-id-reused"  # problem type of that refusal
TIME_HEADER = "X-Opdesk-Time"  # HQ's clock on every reply (ISO 8601, UTC)
MAX_EXCLUDED = 5000


class RowRef(Wire):
    table: str = Field(min_length=1, max_length=40, pattern=NAME_PATTERN)
    id: Id


class DigestIn(Wire):
    client_id: Id
    cursor: JsonInt
    exclude: list[RowRef] = Field(default_factory=list, max_length=MAX_EXCLUDED)


class TableDigestOut(Wire):
    table: str
    count: int
    hash: str = Field(pattern="^[0-9a-f]{16}$")


class DigestOut(Wire):
    cursor: int
    epoch: str
    complete: bool
    tables: list[TableDigestOut]
    changed: list[RowRef]
