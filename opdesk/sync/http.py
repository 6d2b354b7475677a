"""The desk's HTTP transport to HQ (httpx): TLS verified, a custom CA file accepted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from opdesk.core.errors import Reason
from opdesk.core.mutations.envelope import Envelope
from opdesk.core.mutations.replay import ServerRow
from opdesk.sync.engine import PullReply, PushReply
from opdesk.sync.protocol import (
    PROTOCOL,
    EnrollIn,
    EnrollOut,
    PullOut,
    PushIn,
    PushOut,
    PushResultOut,
)

TIMEOUT = httpx.Timeout(20.0, connect=5.0)


class SyncError(Exception):
    """HQ could not be reached or said no; ``detail`` is HQ's words, if it answered."""

    def __init__(self, detail: str, *, status: int | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.status = status

    @property
    def temporary(self) -> bool:
        """Worth trying again later (no answer, or HQ busy), as opposed to refused."""
        return self.status is None or self.status >= 500


def _verify(ca_file: Path | None) -> Any:
    return str(ca_file) if ca_file else True


def enroll_device(base_url: str, code: str, *, ca_file: Path | None = None) -> EnrollOut:
    with httpx.Client(base_url=base_url, timeout=TIMEOUT, verify=_verify(ca_file)) as client:
        response = _send(client, "POST", "/v1/enroll", json=EnrollIn(code=code).model_dump())
        return EnrollOut.model_validate(response.json())


def _send(client: httpx.Client, method: str, url: str, **kwargs: Any) -> httpx.Response:
    try:
        response = client.request(method, url, **kwargs)
    except httpx.HTTPError as exc:
        raise SyncError(type(exc).__name__) from exc
    if response.status_code >= 400:
        try:
            detail = str(response.json().get("detail", response.reason_phrase))
        except ValueError:
            detail = response.reason_phrase
        raise SyncError(detail, status=response.status_code)
    return response


class HttpTransport:
    def __init__(self, base_url: str, token: str, *, ca_file: Path | None = None) -> None:
        self.client = httpx.Client(
            base_url=base_url,
            timeout=TIMEOUT,
            verify=_verify(ca_file),
            headers={"Authorization": f"Bearer {token}"},
        )

    def close(self) -> None:
        self.client.close()

    def push(self, client_id: str, envelopes: list[Envelope]) -> PushReply:
        body = PushIn(client_id=client_id, mutations=envelopes).model_dump(mode="json")
        sent = _send(self.client, "POST", "/v1/push", json=body, params={"protocol": PROTOCOL})
        reply = PushOut.model_validate(sent.json())
        rejected = {r.seq: _reason(r) for r in reply.results if r.status == "rejected"}
        return PushReply(reply.last_processed, rejected)

    def pull(self, client_id: str, cursor: int, *, count: bool = False) -> PullReply:
        params: dict[str, str | int] = {"client_id": client_id, "cursor": cursor}
        if count:
            params["count"] = "true"
        page = PullOut.model_validate(
            _send(self.client, "GET", "/v1/changes", params=params).json()
        )
        rows = tuple(ServerRow(r.table, r.id, r.data) for r in page.rows)
        return PullReply(
            rows, page.cursor, page.more, page.epoch, page.last_processed, page.waiting
        )


def _reason(result: PushResultOut) -> Reason:
    if result.reason_id is not None:
        return Reason(result.reason_id, result.reason_params or {})
    return Reason(result.reason or "")  # an older HQ: its English text as it is
