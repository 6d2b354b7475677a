"""The desk's HTTP transport to HQ (httpx): TLS verified, a custom CA file accepted.

Whatever goes wrong on the way is a ``SyncError`` whose detail is a sentence for the
person at the desk (marked for translation, context "sync"), never a raw traceback.
"""

from __future__ import annotations

import logging
import ssl
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import certifi
import httpx
from pydantic import BaseModel, ValidationError

from opdesk.core.errors import Reason
from opdesk.core.mutations.envelope import Envelope
from opdesk.core.mutations.pages import ServerTable
from opdesk.core.mutations.replay import ServerRow
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.storage.rows import RowKey
from opdesk.sync.digest import TableDigest
from opdesk.sync.divergence import DigestReply
from opdesk.sync.engine import PullReply, PushReply
from opdesk.sync.identity import ClientIdReused
from opdesk.sync.protocol import (
    CLIENT_ID_REUSED,
    PROTOCOL,
    TIME_HEADER,
    DigestIn,
    DigestOut,
    EnrollIn,
    EnrollOut,
    PullOut,
    PushIn,
    PushOut,
    PushResultOut,
    RowRef,
)

log = logging.getLogger(__name__)

W = TypeVar("W", bound=BaseModel)

TIMEOUT = httpx.Timeout(20.0, connect=5.0)
PULL_PAGE = 5000  # rows per page of changes: fewer round trips, memory still bounded
PUSH_BATCH = 500  # mutations per request: HQ takes at most this many at once

NOT_TRUSTED = QT_TRANSLATE_NOOP(
    "sync",
    "HQ's certificate is not trusted by this desk: choose the certificate authority "
    "file HQ gave you, or check HQ's address.",
)
WRONG_NAME = QT_TRANSLATE_NOOP(
    "sync", "HQ's certificate is not for this address: check HQ's address."
)
EXPIRED = QT_TRANSLATE_NOOP(
    "sync", "HQ's certificate has expired or is not valid yet: tell HQ, or check this PC's clock."
)
NO_TLS = QT_TRANSLATE_NOOP(
    "sync",
    "A secure connection with HQ could not be made: check HQ's address (https:// or http://).",
)
CLOSED = QT_TRANSLATE_NOOP(
    "sync",
    "HQ closed the connection without answering: if HQ uses https, its address must "
    "start with https://.",
)
UNREACHABLE = QT_TRANSLATE_NOOP("sync", "HQ cannot be reached: check the network and HQ's address.")
TOO_SLOW = QT_TRANSLATE_NOOP("sync", "HQ did not answer in time: the desk will try again.")
UNREADABLE = QT_TRANSLATE_NOOP(
    "sync", "HQ's answer could not be read; nothing was changed here. The desk will try again."
)
NOT_HQ = QT_TRANSLATE_NOOP(
    "sync", "Something other than HQ answered at this address: check HQ's address."
)
HQ_DOWN = QT_TRANSLATE_NOOP("sync", "HQ could not answer: the desk will try again later.")
BAD_CA_FILE = QT_TRANSLATE_NOOP(
    "sync", "The certificate authority file cannot be read: choose it again."
)
# OpenSSL's verify codes (x509_vfy.h) that have a sentence of their own.
_EXPIRED_CODES = {9, 10}  # X509_V_ERR_CERT_NOT_YET_VALID, X509_V_ERR_CERT_HAS_EXPIRED
_WRONG_NAME_CODES = {62, 64}  # X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH


class SyncError(Exception):
    """HQ could not be reached or said no; ``detail`` is HQ's words, if it answered."""

    def __init__(
        self,
        detail: str,
        *,
        status: int | None = None,
        permanent: bool = False,
        kind: str | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.status = status
        self.permanent = permanent
        self.kind = kind  # the problem type HQ gave, if any

    @property
    def temporary(self) -> bool:
        """Worth trying again later (no answer, or HQ busy), as opposed to refused or
        misconfigured (a certificate the desk does not trust needs a person)."""
        if self.permanent:
            return False
        return self.status is None or self.status >= 500


def tls_context(ca_file: Path | None) -> ssl.SSLContext:
    """The public authorities, plus HQ's own one if the desk was given its file."""
    context = ssl.create_default_context(cafile=certifi.where())
    if ca_file is not None:
        try:
            context.load_verify_locations(cafile=str(ca_file))
        except (OSError, ssl.SSLError) as exc:
            raise SyncError(BAD_CA_FILE, permanent=True) from exc
    return context


def _cause(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, kind):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def explain(exc: httpx.HTTPError) -> SyncError:
    """The sentence for a request that got no answer from HQ."""
    refused = _cause(exc, ssl.SSLCertVerificationError)
    if isinstance(refused, ssl.SSLCertVerificationError):
        log.warning("HQ's certificate refused: %s", refused.verify_message)
        if refused.verify_code in _EXPIRED_CODES:
            return SyncError(EXPIRED, permanent=True)
        if refused.verify_code in _WRONG_NAME_CODES:
            return SyncError(WRONG_NAME, permanent=True)
        return SyncError(NOT_TRUSTED, permanent=True)
    if _cause(exc, ssl.SSLError) is not None:
        log.warning("TLS with HQ failed: %s", _cause(exc, ssl.SSLError))
        return SyncError(NO_TLS, permanent=True)
    log.warning("HQ did not answer: %s: %s", type(exc).__name__, exc)
    if isinstance(exc, httpx.TimeoutException):
        return SyncError(TOO_SLOW)
    if isinstance(exc, httpx.RemoteProtocolError):
        return SyncError(CLOSED)
    return SyncError(UNREACHABLE)


def enroll_device(
    base_url: str,
    code: str,
    *,
    ca_file: Path | None = None,
    site_id: str | None = None,
    fresh: bool = False,
) -> EnrollOut:
    """The desk's token for HQ's one-time code; ``site_id``, ``fresh``: see ``EnrollIn``."""
    verify = tls_context(ca_file)
    body = EnrollIn(code=code, site_id=site_id, fresh=fresh).model_dump()
    with httpx.Client(base_url=base_url, timeout=TIMEOUT, verify=verify) as client:
        try:
            return _read(EnrollOut, _send(client, "POST", "/v1/enroll", json=body))
        except SyncError as exc:
            if exc.status != 422:
                raise
            # An HQ older than the desk (updated first, as a rule, but not always)
            # refuses fields it does not know: asked as it knows, its code is checked
            # as before, and the desk keeps its site.
            log.warning("HQ does not know the desk's site at enrollment: asked without it")
            return _read(EnrollOut, _send(client, "POST", "/v1/enroll", json={"code": code}))


def _send(client: httpx.Client, method: str, url: str, **kwargs: Any) -> httpx.Response:
    try:
        response = client.request(method, url, **kwargs)
    except httpx.HTTPError as exc:
        raise explain(exc) from exc
    if response.status_code >= 400:
        status, kind, detail = response.status_code, None, None
        try:
            body = response.json()
            if isinstance(body, dict) and isinstance(body.get("detail"), str):
                detail = body["detail"]
                kind = str(body.get("type")) if body.get("type") else None
        except ValueError:
            pass
        # A path HQ does not have, or an answer not in HQ's words (a web server or a
        # proxy at that address): never its bare status text, in English.
        if status in (404, 405) or detail is None:
            log.warning("not HQ's answer at %s: %d %s", response.url, status, response.text[:200])
            detail = NOT_HQ if status < 500 else HQ_DOWN
        raise SyncError(detail, status=status, kind=kind)
    return response


def _read(model: type[W], response: httpx.Response) -> W:
    """HQ's answer as ``model``; an answer that is not one (a proxy's page, a cut-off
    body, an HQ gone wrong) is a temporary failure, before anything is written."""
    try:
        return model.model_validate_json(response.content)
    except ValidationError as exc:
        log.warning("HQ's answer to %s is not a %s: %s", response.url.path, model.__name__, exc)
        raise SyncError(UNREADABLE) from None


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
            verify=tls_context(ca_file),
            headers={"Authorization": f"Bearer {token}"},
        )
        self._pool: ThreadPoolExecutor | None = None
        self._ahead: tuple[tuple[str, int, str | None], Future[PullReply]] | None = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        self.client.close()

    def push(self, client_id: str, envelopes: list[Envelope]) -> PushReply:
        """In batches HQ accepts, in order; a batch that stops at a gap ends the push."""
        last, rejected, when = 0, dict[int, Reason](), None
        for start in range(0, len(envelopes), PUSH_BATCH):
            batch = envelopes[start : start + PUSH_BATCH]
            body = PushIn(client_id=client_id, mutations=batch).model_dump(mode="json")
            try:
                response = _send(
                    self.client, "POST", "/v1/push", json=body, params={"protocol": PROTOCOL}
                )
            except SyncError as exc:
                if exc.kind == CLIENT_ID_REUSED:
                    raise ClientIdReused(client_id) from exc
                raise
            reply = _read(PushOut, response)
            last, when = reply.last_processed, server_time(response)
            rejected |= {r.seq: _reason(r) for r in reply.results if r.status == "rejected"}
            if reply.stopped_at_gap:
                break
        return PushReply(last, rejected, when)

    def pull(
        self, client_id: str, cursor: int, *, count: bool = False, snapshot: str | None = None
    ) -> PullReply:
        """A page of changes. While the desk writes it, the next one is already being
        fetched: HQ's work and the desk's overlap instead of taking turns. A count asked
        for comes with that next page (counting a large pull takes HQ a second, which
        the desk would spend waiting for its first rows): its ``waiting`` counts from
        that page's cursor."""
        ahead, self._ahead = self._ahead, None
        asked = (client_id, cursor, snapshot)
        if ahead is not None and ahead[0] == asked and not count:
            reply = ahead[1].result()
        else:
            if ahead is not None:
                ahead[1].cancel()
            reply = self._fetch(asked, False)
        if reply.more:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(1, thread_name_prefix="opdesk-pull")
            following = (client_id, reply.cursor, reply.snapshot)
            self._ahead = (following, self._pool.submit(self._fetch, following, count))
        return reply

    def _fetch(self, asked: tuple[str, int, str | None], count: bool) -> PullReply:
        client_id, cursor, snapshot = asked
        params: dict[str, str | int] = {
            "client_id": client_id,
            "cursor": cursor,
            "limit": PULL_PAGE,
        }
        if count:
            params["count"] = "true"
        if snapshot is not None:
            params["snapshot"] = snapshot
        response = _send(self.client, "GET", "/v1/changes", params=params)
        page = _read(PullOut, response)
        rows = tuple(ServerRow(r["table"], r["id"], r["data"]) for r in page.rows)
        tables = tuple(ServerTable(t["table"], tuple(t["columns"]), t["rows"]) for t in page.tables)
        return PullReply(
            rows,
            page.cursor,
            page.more,
            page.epoch,
            page.last_processed,
            waiting=page.waiting,
            removed=tuple(page.removed),
            server_time=server_time(response),
            snapshot=page.snapshot,
            tables=tables,
        )

    def digest(self, client_id: str, cursor: int, exclude: list[RowKey]) -> DigestReply:
        body = DigestIn(
            client_id=client_id,
            cursor=cursor,
            exclude=[RowRef(table=table, id=row_id) for table, row_id in exclude],
        ).model_dump(mode="json")
        reply = _read(DigestOut, _send(self.client, "POST", "/v1/digest", json=body))
        return DigestReply(
            reply.cursor,
            reply.epoch,
            reply.complete,
            {t.table: TableDigest(t.count, int(t.hash, 16)) for t in reply.tables},
            tuple((r.table, r.id) for r in reply.changed),
        )


def _reason(result: PushResultOut) -> Reason:
    if result.reason_id is not None:
        return Reason(result.reason_id, result.reason_params or {})
    return Reason(result.reason or "")  # an older HQ: its English text as it is
