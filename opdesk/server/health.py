"""HQ's side of sync health: its clock on every reply, and failures it sees recorded on
the device that made the request (cleared by the next request that works)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from opdesk.core.clock import Clock
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.server import devices
from opdesk.server.push import ClientIdReused
from opdesk.storage.engine import Database
from opdesk.sync.protocol import TIME_HEADER

log = logging.getLogger(__name__)


class RequestFailed(Exception):
    """A sync request failed at HQ: answered 500, the desk tries again later."""

    DETAIL = QT_TRANSLATE_NOOP("sync", "HQ could not process this request; it will be tried again.")


class TimeStamp:
    """Puts HQ's clock on every reply (pure ASGI: no per-request overhead to speak of);
    a desk shows a clock far from it, and never orders anything by it."""

    def __init__(self, app: ASGIApp, clock: Clock) -> None:
        self.app, self.clock = app, clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def stamped(message: Message) -> None:
            if message["type"] == "http.response.start":
                stamp = (TIME_HEADER.lower().encode(), self.clock().isoformat().encode())
                message = {**message, "headers": [*message.get("headers", []), stamp]}
            await send(message)

        await self.app(scope, receive, stamped)


@contextmanager
def failures_recorded(db: Database, device: devices.DeviceInfo, clock: Clock) -> Iterator[None]:
    """A sync request that fails here (not the desk's fault) is written on the device's
    row, so that `opdesk-server devices` shows who has been failing since when."""
    try:
        yield
    except ClientIdReused:  # the desk's business: it takes a new client id
        raise
    except Exception as exc:
        log.exception("a sync request of device %s failed", device.id)
        error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        try:
            devices.record_failure(db, device.id, error, now=clock())
        except Exception:
            log.exception("could not record the failure either")
        raise RequestFailed() from None
    devices.clear_failure(db, device)
