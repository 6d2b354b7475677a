"""Protocol 2 over a real server: reasons as message ids, the count for the progress bar;
a desk of protocol 1 (strict models that refuse unknown fields) still reads every reply."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import httpx
import pytest
from pydantic import BaseModel, ConfigDict

from opdesk.core.rules.person import PersonFields
from opdesk.storage.engine import Database
from opdesk.sync.engine import sync_once
from opdesk.sync.http import HttpTransport, enroll_device
from tests.server.conftest import TestDesk
from tests.server.test_http import Server, start_server


class Old(BaseModel):  # the wire of protocol 1, as desks in the field parse it
    model_config = ConfigDict(frozen=True, extra="forbid")


class OldResult(Old):
    seq: int
    status: Literal["applied", "rejected", "duplicate", "skipped"]
    reason: str | None = None


class OldPushOut(Old):
    last_processed: int
    stopped_at_gap: bool
    results: list[OldResult]


class OldRow(Old):
    table: str
    id: str
    data: dict[str, Any]


class OldPullOut(Old):
    rows: list[OldRow]
    cursor: int
    more: bool
    epoch: str
    last_processed: int


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    yield from start_server(tmp_path / "hq", f"sqlite:///{tmp_path / 'hq.sqlite3'}")


def people_at_hq(server: Server, rho: TestDesk, count: int) -> dict[str, str]:
    """``count`` people registered at Rho and synced over HTTP; the desk's credentials."""
    code = server.admin("enroll-device", "Rho 1", "--hq").split()[0]
    token = enroll_device(server.url, code).token
    transport = HttpTransport(server.url, token)
    try:
        for i in range(count):
            rho.people.register_person(PersonFields(given_name=f"Persona{i}"))
        sync_once(rho.db, transport)
    finally:
        transport.close()
    return {"Authorization": f"Bearer {token}"}


def test_old_desks_read_every_reply_and_new_ones_get_more(
    server: Server, hq_db: Database, make_desk: Callable[[Database, str], TestDesk]
) -> None:
    auth = people_at_hq(server, make_desk(hq_db, "Rho"), 8)

    changes = f"{server.url}/v1/changes"
    query = {"client_id": "someone-else", "cursor": 0, "limit": 3}
    old = httpx.get(changes, params=query, headers=auth).json()
    assert OldPullOut.model_validate(old).more and "waiting" not in old
    first = httpx.get(changes, params={**query, "count": "true"}, headers=auth).json()
    assert first["waiting"] == 8 and len(first["rows"]) == 3
    later = {**query, "cursor": first["cursor"], "count": "true"}
    assert (
        httpx.get(changes, params={**later, "limit": 10}, headers=auth).json().get("waiting")
        is None
    )  # the last page: nothing more to count

    envelope = {
        "mutation_id": "0198f000-0000-7000-8000-00000000abcd",
        "client_id": "c" * 10,
        "seq": 1,
        "name": "update_person",
        "schema_version": 1,
        "actor_user_id": None,
        "device_time": datetime(2026, 11, 25, 9, tzinfo=UTC).isoformat(),
        "args": {
            "person_id": "nobody",
            "edited_at": datetime(2026, 11, 25, 9, tzinfo=UTC).isoformat(),
            "changes": {"given_name": "Ada"},
            "replaced": {"given_name": None},
        },
    }
    body = {"client_id": "c" * 10, "mutations": [envelope]}
    push = f"{server.url}/v1/push"
    old_reply = httpx.post(push, json=body, headers=auth).json()
    (result,) = OldPushOut.model_validate(old_reply).results
    assert result.status == "rejected" and result.reason == "No person with id nobody."
    # The reply was lost; the desk, updated meanwhile, pushes again and reads protocol 2.
    new_reply = httpx.post(push, json=body, params={"protocol": 2}, headers=auth).json()
    assert new_reply["results"] == [
        {
            "seq": 1,
            "status": "rejected",
            "reason": "No person with id nobody.",
            "reason_id": "No {what} with id {ident}.",
            "reason_params": {"what": "person", "ident": "nobody"},
        }
    ]


def test_a_snapshot_comes_only_to_a_desk_that_asks_and_a_bad_token_is_refused(
    server: Server, hq_db: Database, make_desk: Callable[[Database, str], TestDesk]
) -> None:
    auth = people_at_hq(server, make_desk(hq_db, "Rho"), 5)
    changes = f"{server.url}/v1/changes"
    query = {"client_id": "someone-else", "cursor": 0, "limit": 4}
    old = httpx.get(changes, params=query, headers=auth).json()
    assert "snapshot" not in old and "tables" not in old  # what older desks parse
    first = httpx.get(changes, params={**query, "snapshot": "start"}, headers=auth).json()
    assert first["rows"] == [] and first["cursor"] == 0 and first["more"]
    (people,) = first["tables"]
    assert people["table"] == "person" and len(people["rows"]) == 4
    assert set(people["columns"]) >= {"id", "version", "given_name", "registered_at"}
    rest = httpx.get(changes, params={**query, "snapshot": first["snapshot"]}, headers=auth).json()
    assert "snapshot" not in rest and rest["cursor"] > 0 and not rest["more"]
    assert [len(t["rows"]) for t in rest["tables"]] == [1]  # the fifth person
    for bad in ("", "begin", "12.3", "x.1.abc", "1.2.\x01"):
        reply = httpx.get(changes, params={**query, "snapshot": bad}, headers=auth)
        assert reply.status_code == 422, bad
        assert reply.headers["content-type"] == "application/problem+json"
