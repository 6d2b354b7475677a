"""The HQ server's HTTP API (FastAPI): enrollment, push, pull. Errors are problem+json.

Every answer an operation can give is in the OpenAPI document (schemathesis checks it
in CI, see .ci/schemathesis.py), with links from a push to the pull that follows it and
from one page of changes to the next.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.telemetry import TelemetryConfig
from pydantic_core import to_json
from starlette.exceptions import HTTPException as StarletteHTTPException

from opdesk import __version__
from opdesk.core.clock import Clock, utc_now
from opdesk.core.mutations.base import SCHEMA_VERSION
from opdesk.core.mutations.envelope import MAX_INT, NAME_PATTERN
from opdesk.core.rules.codice_fiscale import load_tables
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.server import devices
from opdesk.server.digest import digest_for_device
from opdesk.server.document import describe_mutations
from opdesk.server.health import RequestFailed, TimeStamp, failures_recorded
from opdesk.server.pull import pull_changes
from opdesk.server.push import ClientIdReused, PushResult, process_push
from opdesk.server.scopes import Scope
from opdesk.server.versions import ensure_hq_state
from opdesk.storage.engine import Database
from opdesk.sync.protocol import (
    CLIENT_ID_REUSED,
    OLDEST_SCHEMA,
    TOKEN_PATTERN,
    DigestIn,
    DigestOut,
    EnrollIn,
    EnrollOut,
    ProblemOut,
    PullOut,
    PushIn,
    PushOut,
    PushResultOut,
    RowRef,
    TableDigestOut,
)

PROBLEM = "application/problem+json"
# What a desk shows (translated there, context "sync"): said by HQ, in its own words.
HQ_TOO_OLD = QT_TRANSLATE_NOOP("sync", "HQ must be updated before this desk can sync.")
DESK_TOO_OLD = QT_TRANSLATE_NOOP("sync", "Update opdesk on this desk to sync again.")
NOT_ITS_OWN = QT_TRANSLATE_NOOP("sync", "Every mutation must be of the pushing desk.")
HQ_FAILED = QT_TRANSLATE_NOOP("sync", "HQ could not answer: the desk will try again later.")
BEARER = {"WWW-Authenticate": "Bearer"}
MAX_PAGE = 10_000  # rows a desk may ask for in one page of changes
NO_TELEMETRY: TelemetryConfig = {
    "tracing": False,
    "metrics": False,
    "logs": False,
    "operation_spans": False,
    "auto_configure": False,
}


class Problem(Exception):
    def __init__(
        self,
        status: int,
        title: str,
        detail: str,
        *,
        headers: dict[str, str] | None = None,
        kind: str = "about:blank",
    ) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail
        self.headers, self.kind = headers, kind


def problem(
    status: int,
    title: str,
    detail: str,
    headers: Mapping[str, str] | None = None,
    kind: str = "about:blank",
) -> JSONResponse:
    body = ProblemOut(type=kind, title=title, status=status, detail=detail).model_dump()
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def answers(**described: str) -> dict[int | str, dict[str, Any]]:
    """The problem+json answers of an operation, for the document: ``answers(s401="why")``."""
    schema = {"$ref": "#/components/schemas/ProblemOut"}
    documented: dict[int | str, dict[str, Any]] = {}
    for key, description in described.items():
        status = int(key.removeprefix("s"))
        documented[status] = {"description": description, "content": {PROBLEM: {"schema": schema}}}
        if status == 401:
            documented[status]["headers"] = {
                "WWW-Authenticate": {"required": True, "schema": {"type": "string"}}
            }
    return documented


INVALID = "The request does not match this document."
UNREADABLE = "The body cannot be read (it is not text in UTF-8)."
NO_TOKEN = "No token, an unknown one, or the token of a revoked desk: the reason is in detail."
bearer = HTTPBearer(auto_error=False, description="The device token HQ gave at enrollment.")


def current_device(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> devices.DeviceInfo:
    """The desk making the request, from its token; refused with the reason why."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Problem(401, "Not enrolled", devices.NOT_ENROLLED, headers=BEARER)
    try:
        return devices.authenticate(request.app.state.db, credentials.credentials)
    except devices.DeviceRefused as exc:
        raise Problem(401, "Refused", exc.reason, headers=BEARER) from None


Device = Annotated[devices.DeviceInfo, Depends(current_device)]


def result_out(result: PushResult, protocol: int) -> PushResultOut:
    """A desk older than protocol 2 gets the reason as text only: it refuses unknown fields."""
    why = result.reason
    out = PushResultOut(seq=result.seq, status=result.status, reason=why.text() if why else None)
    if protocol >= 2 and why is not None and why.params is not None:
        out = PushResultOut(
            seq=out.seq,
            status=out.status,
            reason=out.reason,
            reason_id=why.message,
            reason_params=why.params,
        )
    return out


def create_app(db: Database, *, clock: Clock = utc_now) -> FastAPI:
    # FastAPI's own OpenTelemetry off, whatever HQ's environment says: its logs carry
    # request validation errors with their input (people's names, codici fiscali) to
    # whatever exporter FASTAPI_OTEL_AUTO_CONFIGURE or OTEL_* variables name.
    app = FastAPI(title="opdesk HQ", version=__version__, telemetry=NO_TELEMETRY)

    @app.exception_handler(Problem)
    async def on_problem(_request: Request, exc: Problem) -> JSONResponse:
        return problem(exc.status, exc.title, exc.detail, exc.headers, exc.kind)

    app.add_middleware(TimeStamp, clock=clock)

    @app.exception_handler(RequestFailed)
    async def on_failed(_request: Request, _exc: RequestFailed) -> JSONResponse:
        return problem(500, "HQ error", RequestFailed.DETAIL)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem(exc.status_code, str(exc.detail), str(exc.detail), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = ", ".join(".".join(str(p) for p in e["loc"]) for e in exc.errors())
        return problem(422, "Invalid request", f"These fields are not valid: {fields}")

    @app.exception_handler(Exception)
    async def on_crash(_request: Request, exc: Exception) -> JSONResponse:
        # Starlette logs the exception after this answer: the desk retries later.
        return problem(500, "HQ failed", HQ_FAILED)

    app.state.db = db
    with db.write() as session:
        ensure_hq_state(session.connection())
    # Ready before the first push names a codice fiscale (each worker process builds its
    # own): 50 desks syncing just after a restart waited a second on it.
    threading.Thread(target=load_tables, name="opdesk-cf-tables", daemon=True).start()

    @app.get("/v1/health", operation_id="health")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post(
        "/v1/enroll",
        operation_id="enroll",
        status_code=201,
        response_model_exclude_unset=True,
        responses=answers(
            s400=UNREADABLE,
            s403="The code is unknown, used, expired, of a revoked device, or of another "
            "site than the desk's.",
            s422=INVALID,
        ),
    )
    def enroll(body: EnrollIn) -> EnrollOut:
        try:
            done = devices.enroll(
                db, body.code, now=clock(), desk_site_id=body.site_id, fresh=body.fresh
            )
        except devices.DeviceRefused as exc:
            raise Problem(403, "Enrollment refused", exc.reason) from None
        if "site_id" not in body.model_fields_set:
            return EnrollOut(device_id=done.device_id, token=done.token)
        return EnrollOut(device_id=done.device_id, token=done.token, site_id=done.site_id)

    @app.post(
        "/v1/push",
        operation_id="push",
        response_model_exclude_unset=True,
        responses={
            200: {
                "links": {
                    "PullAfterPush": {
                        "operationId": "changes",
                        "parameters": {"client_id": "$request.body#/client_id"},
                    }
                }
            },
            **answers(
                s400=UNREADABLE,
                s401=NO_TOKEN,
                s409="The desk's schema is newer than HQ's: HQ must be updated first.",
                s422=INVALID + " Or a mutation of another desk than the pushing one.",
                s426="The desk's schema is too old: opdesk must be updated on the desk.",
            ),
        },
    )
    def push(
        body: PushIn, who: Device, protocol: Annotated[int, Query(ge=1, le=100)] = 1
    ) -> PushOut:
        if body.schema_version > SCHEMA_VERSION:
            raise Problem(409, "HQ too old", HQ_TOO_OLD)
        if body.schema_version < OLDEST_SCHEMA:
            raise Problem(426, "Desk too old", DESK_TOO_OLD)
        if any(m.client_id != body.client_id for m in body.mutations):
            raise Problem(422, "Invalid request", NOT_ITS_OWN)
        try:
            with failures_recorded(db, who, clock):
                outcome = process_push(db, body.client_id, body.mutations, now=clock())
        except ClientIdReused:
            raise Problem(
                409,
                "Client id in use",
                "Another copy of this desk's database used its client id.",
                kind=CLIENT_ID_REUSED,
            ) from None
        devices.record_sync(db, who.id, body.client_id, now=clock())
        return PushOut(
            last_processed=outcome.last_processed,
            stopped_at_gap=outcome.stopped_at_gap,
            results=[result_out(r, protocol) for r in outcome.results],
        )

    @app.get(
        "/v1/changes",
        operation_id="changes",
        response_model=PullOut,
        responses={
            200: {
                "links": {
                    "NextPage": {
                        "operationId": "changes",
                        "parameters": {
                            "client_id": "$request.query.client_id",
                            "cursor": "$response.body#/cursor",
                        },
                    }
                }
            },
            **answers(s401=NO_TOKEN, s422=INVALID),
        },
    )
    def changes(
        who: Device,
        client_id: Annotated[str, Query(min_length=1, max_length=36, pattern=NAME_PATTERN)],
        cursor: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
        count: bool = False,
        snapshot: Annotated[
            str | None,
            Query(
                pattern=TOKEN_PATTERN,
                description="At cursor 0: 'start', then the snapshot token of the last "
                "page. The desk's rows come as a snapshot, table by table.",
            ),
        ] = None,
    ) -> Response:
        scope = Scope.of_site(who.site_id)
        with failures_recorded(db, who, clock):
            page = pull_changes(
                db,
                client_id=client_id,
                cursor=cursor,
                limit=limit,
                count=count,
                scope=scope,
                snapshot=snapshot,
            )
        if not page.more:  # the end of a sync (of a desk that may have pushed nothing)
            devices.record_download(db, who, client_id, now=clock())
        # Encoded straight from plain dicts (pydantic-core's encoder): a page of a first
        # download holds thousands of rows, too many to build and validate a model each.
        body: dict[str, Any] = {
            "rows": [{"table": r.table, "id": r.id, "data": r.data} for r in page.rows],
            "cursor": page.cursor,
            "more": page.more,
            "epoch": page.epoch,
            "last_processed": page.last_processed,
        }
        # Fields an older desk does not know are sent only when they say something.
        if page.waiting is not None:
            body["waiting"] = page.waiting
        if page.removed:
            body["removed"] = list(page.removed)
        if page.snapshot is not None:
            body["snapshot"] = page.snapshot
        if page.tables:
            body["tables"] = [
                {"table": t.table, "columns": t.columns, "rows": t.rows} for t in page.tables
            ]
        return Response(to_json(body), media_type="application/json")

    @app.post(
        "/v1/digest",
        operation_id="digest",
        responses=answers(s400=UNREADABLE, s401=NO_TOKEN, s422=INVALID),
    )
    def digest(body: DigestIn, who: Device) -> DigestOut:
        """Counts and hashes of what this desk should hold: its divergence check."""
        exclude = [(r.table, r.id) for r in body.exclude]
        scope = Scope.of_site(who.site_id)
        with failures_recorded(db, who, clock):
            found = digest_for_device(db, scope=scope, cursor=body.cursor, exclude=exclude)
        return DigestOut(
            cursor=found.cursor,
            epoch=found.epoch,
            complete=found.complete,
            tables=[
                TableDigestOut(table=name, count=d.count, hash=f"{d.hash:016x}")
                for name, d in sorted(found.tables.items())
            ],
            changed=[RowRef(table=table, id=row_id) for table, row_id in found.changed],
        )

    document = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:  # made once and kept
            return app.openapi_schema
        made = document()
        made["components"]["schemas"]["ProblemOut"] = ProblemOut.model_json_schema()
        describe_mutations(made)
        return made

    app.openapi = openapi  # type: ignore[method-assign]
    return app
