"""Request body limits per endpoint, enforced before a body is read (an ASGI middleware).

A request whose ``Content-Length`` is over its endpoint's limit is answered ``413`` with
``{"reason": "too_large"}`` before a byte of its body is read; a body without a length
(chunked) is counted as it streams in and cut off at the limit, so the server never holds more
than the limit of one request. Endpoints that need no token are the small ones: enrollment
carries a code and a name. A bundle upload is authenticated by its signature, which can only be
checked once the whole file is in: its limit is moderate, its header is checked first (see
``server.api``), and larger bundles are imported with ``python -m server import-bundle``.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

KIB = 1024
MIB = 1024 * KIB

ENROLL_LIMIT = 4 * KIB
"""``POST /v1/enroll`` (no token): a code, a device name and an enrollment nonce."""
PUSH_LIMIT = 64 * MIB
"""``POST …/sync/push`` (a device token): 500 ops, even with long meeting minutes."""
BUNDLE_LIMIT = 32 * MIB
"""``POST /v1/bundles`` (a signature, checked once read): bundles up to this size over HTTP."""
ANSWER_LIMIT = 16 * MIB
"""``POST …/notice-answers`` (a device token): a file of 10 MiB in base64, with its answer."""
OTHER_LIMIT = 16 * KIB
"""Every other request (the bundle-key exchange; GETs carry no body)."""


def limit_for(method: str, path: str) -> int:
    if method == "POST":
        if path == "/v1/enroll":
            return ENROLL_LIMIT
        if path == "/v1/bundles":
            return BUNDLE_LIMIT
        if path.startswith("/v1/branches/") and path.endswith("/sync/push"):
            return PUSH_LIMIT
        if path.startswith("/v1/branches/") and path.endswith("/notice-answers"):
            return ANSWER_LIMIT
    return OTHER_LIMIT


class BodyTooLarge(Exception):  # noqa: N818 - an outcome, answered 413
    pass


async def refuse_too_large(send: Send) -> None:
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": b'{"reason":"too_large"}'})


class BodyLimit:
    """ASGI middleware: ``413`` for a body over its endpoint's limit (see ``limit_for``)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = limit_for(scope["method"], scope["path"])
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = limit + 1
                if declared > limit:
                    await refuse_too_large(send)
                    return
        received = 0
        started = refused = False

        async def counting_receive() -> Message:
            # The answer goes out here, at once: FastAPI turns any failure while reading a
            # body into its own 400, which is then dropped (watching_send).
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    if not started and not refused:
                        refused = True
                        await refuse_too_large(send)
                    raise BodyTooLarge()
            return message

        async def watching_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except BodyTooLarge:
            if not refused:
                raise
