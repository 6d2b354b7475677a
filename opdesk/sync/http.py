"""The desk's HTTP transport to HQ (httpx): TLS verified, a custom CA file accepted."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from opdesk.core.mutations.envelope import Envelope
from opdesk.core.mutations.replay import ServerRow
from opdesk.sync.engine import PullReply, PushReply
from opdesk.sync.protocol import EnrollIn, EnrollOut, PullOut, PushIn, PushOut

TIMEOUT = httpx.Timeout(20.0, connect=5.0)
PULL_PAGE = 5000  # rows per page of changes: fewer round trips, memory still bounded
PUSH_BATCH = 500  # mutations per request: HQ takes at most this many at once


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
        self._pool: ThreadPoolExecutor | None = None
        self._ahead: tuple[tuple[str, int], Future[PullReply]] | None = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        self.client.close()

    def push(self, client_id: str, envelopes: list[Envelope]) -> PushReply:
        """In batches HQ accepts, in order; a batch that stops at a gap ends the push."""
        last, rejected = 0, dict[int, str]()
        for start in range(0, len(envelopes), PUSH_BATCH):
            batch = envelopes[start : start + PUSH_BATCH]
            body = PushIn(client_id=client_id, mutations=batch).model_dump(mode="json")
            sent = _send(self.client, "POST", "/v1/push", json=body)
            reply = PushOut.model_validate(sent.json())
            last = reply.last_processed
            rejected |= {r.seq: r.reason or "" for r in reply.results if r.status == "rejected"}
            if reply.stopped_at_gap:
                break
        return PushReply(last, rejected)

    def pull(self, client_id: str, cursor: int) -> PullReply:
        """A page of changes. While the desk writes it, the next one is already being
        fetched: HQ's work and the desk's overlap instead of taking turns."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead[0] == (client_id, cursor):
            reply = ahead[1].result()
        else:
            reply = self._fetch(client_id, cursor)
        if reply.more:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(1, thread_name_prefix="opdesk-pull")
            following = self._pool.submit(self._fetch, client_id, reply.cursor)
            self._ahead = ((client_id, reply.cursor), following)
        return reply

    def _fetch(self, client_id: str, cursor: int) -> PullReply:
        params = {"client_id": client_id, "cursor": cursor, "limit": PULL_PAGE}
        sent = _send(self.client, "GET", "/v1/changes", params=params)
        page = PullOut.model_validate_json(sent.content)
        rows = tuple(ServerRow(r.table, r.id, r.data) for r in page.rows)
        return PullReply(rows, page.cursor, page.more, page.epoch, page.last_processed)
