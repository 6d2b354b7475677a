"""The desk's HTTP transport to HQ (httpx): TLS verified, a custom CA file accepted."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from opdesk.core.mutations.envelope import Envelope
from opdesk.core.mutations.replay import ServerRow
from opdesk.storage.rows import RowKey
from opdesk.sync.digest import TableDigest
from opdesk.sync.divergence import DigestReply
from opdesk.sync.engine import PullReply, PushReply
from opdesk.sync.identity import ClientIdReused
from opdesk.sync.protocol import (
    CLIENT_ID_REUSED,
    TIME_HEADER,
    DigestIn,
    DigestOut,
    EnrollIn,
    EnrollOut,
    PullOut,
    PushIn,
    PushOut,
    RowRef,
)

TIMEOUT = httpx.Timeout(20.0, connect=5.0)


class SyncError(Exception):
    """HQ could not be reached or said no; ``detail`` is HQ's words, if it answered."""

    def __init__(self, detail: str, *, status: int | None = None, kind: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.status = status
        self.kind = kind  # the problem type HQ gave, if any

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
        kind = None
        try:
            body = response.json()
            detail = str(body.get("detail", response.reason_phrase))
            kind = str(body.get("type")) if body.get("type") else None
        except (ValueError, AttributeError):
            detail = response.reason_phrase
        raise SyncError(detail, status=response.status_code, kind=kind)
    return response


def server_time(response: httpx.Response) -> datetime | None:
    stamp = response.headers.get(TIME_HEADER)
    try:
        return datetime.fromisoformat(stamp) if stamp else None
    except ValueError:
        return None


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
        try:
            response = _send(self.client, "POST", "/v1/push", json=body)
        except SyncError as exc:
            if exc.kind == CLIENT_ID_REUSED:
                raise ClientIdReused(client_id) from exc
            raise
        reply = PushOut.model_validate(response.json())
        rejected = {r.seq: r.reason or "" for r in reply.results if r.status == "rejected"}
        return PushReply(reply.last_processed, rejected, server_time(response))

    def pull(self, client_id: str, cursor: int) -> PullReply:
        params: dict[str, str | int] = {"client_id": client_id, "cursor": cursor}
        response = _send(self.client, "GET", "/v1/changes", params=params)
        page = PullOut.model_validate(response.json())
        rows = tuple(ServerRow(r.table, r.id, r.data) for r in page.rows)
        return PullReply(
            rows, page.cursor, page.more, page.epoch, page.last_processed, server_time(response)
        )

    def digest(self, client_id: str, cursor: int, exclude: list[RowKey]) -> DigestReply:
        body = DigestIn(
            client_id=client_id,
            cursor=cursor,
            exclude=[RowRef(table=table, id=row_id) for table, row_id in exclude],
        ).model_dump(mode="json")
        reply = DigestOut.model_validate(_send(self.client, "POST", "/v1/digest", json=body).json())
        return DigestReply(
            reply.cursor,
            reply.epoch,
            reply.complete,
            {t.table: TableDigest(t.count, int(t.hash, 16)) for t in reply.tables},
            tuple((r.table, r.id) for r in reply.changed),
        )
