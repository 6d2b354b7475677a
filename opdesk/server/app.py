"""The HQ server's HTTP API (FastAPI): enrollment, push, pull. Errors are problem+json."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic_core import to_json
from starlette.exceptions import HTTPException as StarletteHTTPException

from opdesk import __version__
from opdesk.core.clock import Clock, utc_now
from opdesk.core.mutations.base import SCHEMA_VERSION
from opdesk.server import devices
from opdesk.server.pull import pull_changes
from opdesk.server.push import process_push
from opdesk.server.versions import ensure_hq_state
from opdesk.storage.engine import Database
from opdesk.sync.protocol import (
    EnrollIn,
    EnrollOut,
    PullOut,
    PushIn,
    PushOut,
    PushResultOut,
)

PROBLEM = "application/problem+json"
OLDEST_SCHEMA = SCHEMA_VERSION - 1  # HQ also takes the previous version's mutations
MAX_PAGE = 10_000  # rows a desk may ask for in one page of changes


class Problem(Exception):
    def __init__(self, status: int, title: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


def problem(status: int, title: str, detail: str) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


def current_device(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> devices.DeviceInfo:
    """The desk making the request, from its token; refused with the reason why."""
    if not authorization or not authorization.startswith("Bearer "):
        raise Problem(401, "Not enrolled", devices.NOT_ENROLLED)
    try:
        return devices.authenticate(request.app.state.db, authorization.removeprefix("Bearer "))
    except devices.DeviceRefused as exc:
        raise Problem(401, "Refused", exc.reason) from None


Device = Annotated[devices.DeviceInfo, Depends(current_device)]


def create_app(db: Database, *, clock: Clock = utc_now) -> FastAPI:
    app = FastAPI(title="opdesk HQ", version=__version__)

    @app.exception_handler(Problem)
    async def on_problem(_request: Request, exc: Problem) -> JSONResponse:
        return problem(exc.status, exc.title, exc.detail)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem(exc.status_code, str(exc.detail), str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def on_invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = ", ".join(".".join(str(p) for p in e["loc"]) for e in exc.errors())
        return problem(422, "Invalid request", f"These fields are not valid: {fields}")

    app.state.db = db
    with db.write() as session:
        ensure_hq_state(session.connection())

    @app.get("/v1/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post("/v1/enroll", status_code=201)
    def enroll(body: EnrollIn) -> EnrollOut:
        try:
            device_id, token = devices.enroll(db, body.code, now=clock())
        except devices.DeviceRefused as exc:
            raise Problem(403, "Enrollment refused", exc.reason) from None
        return EnrollOut(device_id=device_id, token=token)

    @app.post("/v1/push")
    def push(body: PushIn, who: Device) -> PushOut:
        if body.schema_version > SCHEMA_VERSION:
            raise Problem(409, "HQ too old", "HQ must be updated before this desk can sync.")
        if body.schema_version < OLDEST_SCHEMA:
            raise Problem(426, "Desk too old", "Update opdesk on this desk to sync again.")
        if any(m.client_id != body.client_id for m in body.mutations):
            raise Problem(422, "Invalid request", "Every mutation must be of the pushing desk.")
        outcome = process_push(db, body.client_id, body.mutations, now=clock())
        devices.record_sync(db, who.id, body.client_id, now=clock())
        return PushOut(
            last_processed=outcome.last_processed,
            stopped_at_gap=outcome.stopped_at_gap,
            results=[
                PushResultOut(seq=r.seq, status=r.status, reason=r.reason) for r in outcome.results
            ],
        )

    @app.get("/v1/changes", response_model=PullOut)
    def changes(
        who: Device,
        client_id: Annotated[str, Query(min_length=1, max_length=36)],
        cursor: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
    ) -> Response:
        page = pull_changes(db, client_id=client_id, cursor=cursor, limit=limit)
        # Encoded straight from plain dicts (pydantic-core's encoder): a page of a first
        # download holds thousands of rows, too many to build and validate a model each.
        body = {
            "rows": [{"table": r.table, "id": r.id, "data": r.data} for r in page.rows],
            "cursor": page.cursor,
            "more": page.more,
            "epoch": page.epoch,
            "last_processed": page.last_processed,
        }
        return Response(to_json(body), media_type="application/json")

    return app
