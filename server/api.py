"""The HTTP API (FastAPI). Its OpenAPI document is the sync protocol (``sync/openapi.json``).

Authentication runs first, in a small ASGI middleware: every ``/v1/branches/...`` request needs
a valid device token (``401`` otherwise) for that very branch (``403`` otherwise), before the
request's parameters or body are even looked at. Every other failure is a 4xx with a reason code.
"""

from __future__ import annotations

import base64
import gc
import hashlib
import logging
import os
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

import anyio
from fastapi import Depends, FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import request_response
from starlette.types import ASGIApp, Receive, Scope, Send

from server import db, devices, disclosures, limits, notices, opinions
from server.bundles import check_sender, import_bundle, register_enrolled_device
from server.store import DeviceInfo, Gone, IdempotencyKeyReused, Store
from sync.bundle import BundleRejected, PublicKeys, read_prefix
from sync.wire import (
    DEFAULT_PAGE,
    MAX_OWN_RANGES,
    MAX_PAGE,
    OWN_RANGES_PATTERN,
    PROTOCOL_VERSION,
    BundleKeys,
    BundleKeysRequest,
    BundleKeysResponse,
    ChangesPage,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    NoticesResponse,
    PushRequest,
    PushResponse,
    VerifyResponse,
    parse_own_ranges,
)

log = logging.getLogger(__name__)

DATABASE_ENV = "BRANCHDESK_SERVER_DATABASE"
"""The database URL handed to the worker processes of ``python -m server --workers N``."""

BranchId = Annotated[str, Path(min_length=1, max_length=36)]
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in (
        (400, "the body is not JSON"),
        (401, "no or unknown device token"),
        (403, "the device belongs to another branch"),
        (422, "invalid request"),
    )
}


def _too_large(limit: int, more: str = "") -> dict[str, Any]:
    return {"model": ErrorBody, "description": f"the body is over {limit} bytes: refused "
            f"(reason too_large) before it is read{more}"}


def _error(status: int, reason: str, epoch: str | None = None) -> JSONResponse:
    body: dict[str, Any] = {"reason": reason}
    if epoch is not None:
        body["epoch"] = epoch
    return JSONResponse(body, status_code=status)


class DeviceAuth:
    """ASGI middleware: bearer-token authentication and the own-branch rule."""

    def __init__(self, app: ASGIApp, store: Store) -> None:
        self.app = app
        self.store = store
        self.sync_noted = devices.Throttle()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith("/v1/branches/"):
            await self.app(scope, receive, send)
            return
        token = ""
        for name, value in scope.get("headers", []):
            if name == b"authorization":
                scheme, _, credential = value.decode("latin-1").partition(" ")
                if scheme.lower() == "bearer":
                    token = credential.strip()
        device = None
        if token:
            # A token seen valid a moment ago (the sync's previous request) costs no query and
            # no thread; otherwise the database is asked, off the event loop.
            device = self.store.authenticated(token) or await anyio.to_thread.run_sync(
                self.store.authenticate, token
            )
        if device is None:
            response = _error(401, "unauthorized")
            response.headers["WWW-Authenticate"] = "Bearer"
        elif path.split("/")[3] != device.branch_id:
            response = _error(403, "forbidden")
        else:
            if self.sync_noted.due(device.id):
                await anyio.to_thread.run_sync(devices.note_sync, self.store, device.id)
            scope.setdefault("state", {})["device"] = device
            await self.app(scope, receive, send)
            return
        await response(scope, receive, send)


async def current_device(request: Request) -> DeviceInfo:
    # async: FastAPI would run a plain function in a worker thread, a thread hop per request.
    device = getattr(request.state, "device", None)
    if not isinstance(device, DeviceInfo):  # the middleware guarantees it on these paths
        raise StarletteHTTPException(401, "unauthorized")
    return device


Device = Annotated[DeviceInfo, Depends(current_device)]


@asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    # One request thread per database connection of this process (anyio's default is 40).
    anyio.to_thread.current_default_thread_limiter().total_tokens = db.CONNECTIONS
    # What is alive now (modules, the app, the pydantic validators: hundreds of thousands of
    # objects) lives as long as the process: leave it out of the cyclic garbage collector's
    # full passes, which a push of 500 ops (thousands of new containers) sets off.
    gc.collect()
    gc.freeze()
    yield


def app_from_environment() -> FastAPI:
    """The app of one worker process (``python -m server --workers N``; uvicorn imports it by
    name in each process). The parent process has created the tables already."""
    return create_app(Store(db.make_engine(os.environ[DATABASE_ENV], create=False)))


IDEMPOTENCY_KEY_PATTERN = r"^[A-Za-z0-9_.:-]+$"  # and 1 to 100 characters


def _push(store: Store, device: DeviceInfo, body: PushRequest, idempotency_key: str) -> Response:
    digest = hashlib.sha256(body.model_dump_json().encode()).hexdigest()
    try:
        answer = store.push_json(device, body, idempotency_key, digest)
    except IdempotencyKeyReused:
        return _error(422, "idempotency_key_reused")
    # Serialized once, by the store: FastAPI would validate 500 results again on the way out.
    return Response(answer, media_type="application/json")


def _push_handler(store: Store) -> Callable[[Request], Awaitable[Response]]:
    """The push as a plain Starlette endpoint: the batch is validated straight from the body's
    bytes (FastAPI would parse it with ``json`` and validate the Python objects, twice the
    work for 500 ops), with the same answers as the declared endpoint."""
    key_pattern = re.compile(IDEMPOTENCY_KEY_PATTERN)

    async def handle(request: Request) -> Response:
        device = await current_device(request)
        key = request.headers.get("idempotency-key", "")
        kind = request.headers.get("content-type", "application/json").split(";")[0].strip()
        if not (0 < len(key) <= 100 and key_pattern.match(key)) or not (
            kind == "application/json" or kind.endswith("+json")
        ):
            return _error(422, "invalid_request")
        try:
            body = PushRequest.model_validate_json(await request.body())
        except ValidationError:
            return _error(422, "invalid_request")
        return await run_in_threadpool(_push, store, device, body, key)

    return handle


def _serve_route_with(
    app: FastAPI, path: str, endpoint: Callable[[Request], Awaitable[Response]]
) -> None:
    """Serve the declared route ``path`` by ``endpoint``; its OpenAPI entry stays as declared."""
    for route in app.router.routes:
        if isinstance(route, APIRoute) and route.path == path:
            route.app = request_response(endpoint)
            return
    raise LookupError(path)


def create_app(store: Store) -> FastAPI:
    app = FastAPI(
        lifespan=_lifespan,
        title="BranchDesk sync protocol",
        version=PROTOCOL_VERSION,
        description=(
            "Reference city-platform server for BranchDesk (支部工作台). Devices enroll with a "
            "one-time code, push field patches (≤ 500 ops, deduplicated on op_id) and pull "
            "their branch's changes by cursor. Errors are {\"reason\": code} with a 4xx status. "
            "Request bodies are limited per endpoint (x-max-body-bytes; "
            f"{limits.OTHER_LIMIT} bytes where not stated): a larger one is answered 413 "
            "{\"reason\": \"too_large\"} before it is read."
        ),
    )
    app.add_middleware(DeviceAuth, store=store)
    app.add_middleware(limits.BodyLimit)  # outermost: before authentication reads anything

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        return _error(422, "invalid_request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        reasons = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                   405: "method_not_allowed"}
        return _error(error.status_code, reasons.get(error.status_code, "http_error"))

    @app.post(
        "/v1/enroll",
        response_model=EnrollResponse,
        responses={400: {"model": ErrorBody, "description": "the body is not JSON"},
                   401: {"model": ErrorBody, "description": "unknown, used or expired code"},
                   413: _too_large(limits.ENROLL_LIMIT),
                   422: {"model": ErrorBody, "description": "invalid request"}},
        summary="Bind a device to a branch with a one-time enrollment code",
        openapi_extra={"x-max-body-bytes": limits.ENROLL_LIMIT},
    )
    def enroll(body: EnrollRequest) -> Any:
        result = store.enroll(body.code, body.device_name, body.nonce or "")
        if result is None:
            return _error(401, "invalid_enrollment_code")
        return result

    @app.post(
        "/v1/branches/{branch_id}/sync/push",
        response_model=PushResponse,
        responses={**_ERRORS, 413: _too_large(limits.PUSH_LIMIT)},
        summary="Push up to 500 ops; one result per op; deduplicated on op_id",
        openapi_extra={"x-max-body-bytes": limits.PUSH_LIMIT},
    )
    def push(
        branch_id: BranchId,
        request: Request,
        device: Device,
        body: PushRequest,
        idempotency_key: Annotated[
            str, Header(min_length=1, max_length=100, pattern=IDEMPOTENCY_KEY_PATTERN)
        ],
    ) -> Any:
        # What the protocol says of a push (the OpenAPI document is made from this
        # declaration); requests are served by ``_push_handler`` below, which does the same.
        return _push(store, device, body, idempotency_key)

    _serve_route_with(app, "/v1/branches/{branch_id}/sync/push", _push_handler(store))

    @app.get(
        "/v1/branches/{branch_id}/sync/changes",
        response_model=ChangesPage,
        responses={**_ERRORS, 410: {"model": ErrorBody,
                                    "description": "cursor of another epoch: resync from 0"}},
        summary="The branch's records changed after the cursor, oldest first",
    )
    def changes(
        branch_id: BranchId,
        device: Device,
        since: Annotated[str, Query(pattern=r"^[0-9]{1,18}$")] = "0",
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
        epoch: Annotated[str | None, Query(max_length=64)] = None,
        own: Annotated[str | None, Query(
            max_length=MAX_OWN_RANGES * 38, pattern=OWN_RANGES_PATTERN,
            description="Ranges of change numbers this device was answered in its pushes "
            "(\"12-511,900-1399\", at most 64): its own records still at those numbers, "
            "written from what it held, are left out of the page.",
        )] = None,
    ) -> Any:
        ranges = parse_own_ranges(own or "")
        if ranges is None:
            return _error(422, "invalid_request")
        try:
            text = store.changes_json(device.branch_id, int(since), limit, epoch,
                                      device.id, ranges)
        except Gone as gone:
            return _error(410, "cursor_gone", epoch=gone.epoch)
        return Response(text, media_type="application/json")

    @app.get(
        "/v1/branches/{branch_id}/sync/verify",
        response_model=VerifyResponse,
        responses=_ERRORS,
        summary="Per-entity counts and a digest over (id, version)",
    )
    def verify(branch_id: BranchId, device: Device) -> Any:
        return store.verify(device.branch_id)

    @app.get(
        "/v1/branches/{branch_id}/notices",
        response_model=NoticesResponse,
        responses=_ERRORS,
        summary="Notices from the platform to this branch (and to every branch)",
    )
    def list_notices(
        branch_id: BranchId,
        device: Device,
        since: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
    ) -> Any:
        return Response(store.notices_json(device.branch_id, since), media_type="application/json")

    @app.put(
        "/v1/branches/{branch_id}/bundle-keys",
        response_model=BundleKeysResponse,
        responses={**_ERRORS, 413: _too_large(limits.OTHER_LIMIT)},
        summary="Register this device's public keys for bundle files; the platform's in return",
        openapi_extra={"x-max-body-bytes": limits.OTHER_LIMIT},
    )
    def bundle_keys(branch_id: BranchId, device: Device, body: BundleKeysRequest) -> Any:
        keys = PublicKeys(base64.b64decode(body.device.encryption),
                          base64.b64decode(body.device.signing))
        platform = register_enrolled_device(store, device, keys)
        return BundleKeysResponse(platform=BundleKeys(
            encryption=base64.b64encode(platform.encryption).decode(),
            signing=base64.b64encode(platform.signing).decode(),
        ))

    @app.post(
        "/v1/bundles",
        response_class=Response,
        responses={
            200: {"content": {"application/octet-stream": {}},
                  "description": "the return bundle (signed, encrypted to the device)"},
            413: _too_large(limits.BUNDLE_LIMIT, " (also when the bundle's header declares "
                            "more; larger bundles: python -m server import-bundle)"),
            422: {"model": ErrorBody, "description": "bundle refused (reason: damaged, "
                  "truncated, wrong_kind, unknown_device, gap...), answered as soon as the "
                  "bundle's header shows it; the same bundle again is answered again"},
        },
        openapi_extra={"requestBody": {
            "required": True,
            "content": {"application/octet-stream": {"schema": {"type": "string",
                                                                "format": "binary"}}},
        }, "x-max-body-bytes": limits.BUNDLE_LIMIT},
        summary="Import a device's bundle file (authenticated by its signature); answers with "
        "the return bundle",
    )
    async def upload_bundle(request: Request) -> Response:
        body = bytearray()
        sender_known = False
        try:
            async for chunk in request.stream():
                body += chunk
                if sender_known:
                    continue
                # No token: before reading on, the header must name a registered device and
                # a size within the limit (the signature is checked once the rest is in).
                head = read_prefix(bytes(body))
                if head is not None:
                    claimed, size = head
                    if size > limits.BUNDLE_LIMIT:
                        return _error(413, "too_large")
                    await anyio.to_thread.run_sync(check_sender, store, claimed)
                    sender_known = True
            result = await anyio.to_thread.run_sync(import_bundle, store, bytes(body))
        except BundleRejected as refused:
            return _error(422, refused.reason)
        return Response(result.return_bundle, media_type="application/octet-stream")

    opinions.add_portal_routes(app, store)
    notices.add_routes(app, store)
    disclosures.add_routes(app, store)
    return app
