"""HTTP client of the platform's sync API (requests): TLS verified, retries with backoff.

Failures become the typed errors of ``app.errors``: no answer (after retries) →
SyncServerUnreachableError; 401/403 → SyncAuthError; other 4xx or an unreadable answer →
SyncProtocolError. A 410 on pull is ``CursorGone`` (the engine resyncs).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import orjson
import requests
from pydantic import BaseModel, ValidationError

from app.errors import SyncAuthError, SyncProtocolError, SyncServerUnreachableError
from sync.wire import (
    BundleKeys,
    BundleKeysRequest,
    BundleKeysResponse,
    ChangesPage,
    EnrollResponse,
    NoticeAnswer,
    NoticeAnswerReceipt,
    NoticesResponse,
    PushResponse,
    VerifyResponse,
)

log = logging.getLogger(__name__)

Sleep = Callable[[float], None]
Retrying = Callable[[int], None]
"""Told the number of the retry about to be made (1, 2, …) before waiting for it: a platform
that does not answer takes seconds to be given up on, and the user is told meanwhile."""
M = TypeVar("M", bound=BaseModel)


class CursorGone(Exception):  # noqa: N818 - a protocol signal, handled by the engine
    """410 on pull: the cursor is of another epoch or ahead of the server; resync from 0."""

    def __init__(self, epoch: str | None) -> None:
        super().__init__("cursor gone")
        self.epoch = epoch


class Transport(Protocol):
    """What the engine needs from the platform (tests may wrap it to inject faults)."""

    def push(self, ops: list[dict[str, Any]]) -> PushResponse: ...

    def changes(
        self, since: str, limit: int, epoch: str | None, own: str = ""
    ) -> ChangesPage: ...

    def notices(self, since: int) -> NoticesResponse: ...

    def answer_notice(self, answer: NoticeAnswer) -> NoticeAnswerReceipt: ...

    def verify(self) -> VerifyResponse: ...


class _RetryableError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class HttpClient:
    """One device's connection to the platform."""

    def __init__(
        self,
        base_url: str,
        token: str = "",
        branch_id: str = "",
        ca_bundle: str | None = None,
        timeout: float = 30.0,
        attempts: int = 5,
        backoff: float = 0.5,
        sleep: Sleep = time.sleep,
        session: requests.Session | None = None,
        retrying: Retrying | None = None,
    ) -> None:
        """``ca_bundle``: a PEM file of the intranet CA (TLS is always verified). ``retrying``:
        called before each retry with its number."""
        self.base_url = base_url.rstrip("/")
        self.branch_id = branch_id
        self.timeout = timeout
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self.sleep = sleep
        self.retrying = retrying
        self.session = session or requests.Session()
        self.session.verify = ca_bundle or True
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    # ---------------------------------------------------------------- endpoints
    def enroll(self, code: str, device_name: str, nonce: str = "") -> EnrollResponse:
        """``nonce``: this PC's enrollment secret, so that a retry after a lost answer (here or
        by the user) gets the same device back."""
        body = {"code": code, "device_name": device_name}
        if nonce:
            body["nonce"] = nonce
        return _parse(EnrollResponse, self._call("POST", "/v1/enroll", json=body))

    def push(self, ops: list[dict[str, Any]]) -> PushResponse:
        body = orjson.dumps({"ops": ops})  # UTF-8, not \u-escaped: a third of the size
        # The key names the batch's content (all its bytes, not only its op ids), so a retry
        # after a lost answer reuses it, and the same ops sent again with other content (a record
        # never acknowledged goes whole, as it is now) are a new request, not a reused key.
        key = hashlib.sha256(body).hexdigest()[:64]
        answer = self._call(
            "POST", self._branch("sync/push"), data=body,
            headers={"Idempotency-Key": key, "Content-Type": "application/json"},
        )
        return _parse(PushResponse, answer)

    def changes(self, since: str, limit: int, epoch: str | None, own: str = "") -> ChangesPage:
        """``own``: ``OwnRanges.param()`` of this run's pushes (their echoes are left out)."""
        params: dict[str, Any] = {"since": since, "limit": limit}
        if epoch:
            params["epoch"] = epoch
        if own:
            params["own"] = own
        answer = self._call("GET", self._branch("sync/changes"), params=params)
        return _parse(ChangesPage, answer)

    def notices(self, since: int) -> NoticesResponse:
        answer = self._call("GET", self._branch("notices"), params={"since": since})
        return _parse(NoticesResponse, answer)

    def answer_notice(self, answer: NoticeAnswer) -> NoticeAnswerReceipt:
        """The branch's answer to a notice; SyncProtocolError with the platform's reason when
        it refuses it (``sync.notices.REFUSALS``)."""
        body = answer.model_dump_json().encode()
        reply = self._call("POST", self._branch("notice-answers"), data=body,
                           headers={"Content-Type": "application/json"})
        return _parse(NoticeAnswerReceipt, reply)

    def verify(self) -> VerifyResponse:
        return _parse(VerifyResponse, self._call("GET", self._branch("sync/verify")))

    def bundle_keys(self, device: BundleKeys) -> BundleKeysResponse:
        """Register this device's bundle keys; the platform's keys in return."""
        body = BundleKeysRequest(device=device).model_dump()
        return _parse(BundleKeysResponse, self._call("PUT", self._branch("bundle-keys"),
                                                     json=body))

    # ---------------------------------------------------------------- plumbing
    def _branch(self, tail: str) -> str:
        return f"/v1/branches/{self.branch_id}/{tail}"

    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        delay = self.backoff
        for attempt in range(1, self.attempts + 1):
            try:
                return self._once(method, path, **kwargs)
            except _RetryableError as failure:
                if attempt == self.attempts:
                    raise SyncServerUnreachableError(failure.reason) from failure
                log.info("sync %s %s failed (%s), retry %d", method, path.split("/")[-1],
                         failure.reason, attempt)
                if self.retrying is not None:
                    self.retrying(attempt)
                self.sleep(delay)
                delay = min(delay * 2, 30.0)
        raise AssertionError("unreachable")

    def _once(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        try:
            answer = self.session.request(
                method, self.base_url + path, timeout=self.timeout, **kwargs
            )
        except requests.exceptions.SSLError as error:
            raise SyncServerUnreachableError("tls") from error
        except requests.exceptions.RequestException as error:
            raise _RetryableError("network") from error
        if answer.status_code in (429, 502, 503, 504) or answer.status_code >= 500:
            raise _RetryableError("server_error")
        if answer.status_code == 410:
            raise CursorGone(_reason(answer, "epoch"))
        if answer.status_code in (401, 403):
            raise SyncAuthError(_reason(answer) or "unauthorized")
        if answer.status_code >= 400:
            raise SyncProtocolError(_reason(answer) or f"http_{answer.status_code}")
        return answer


def _reason(answer: requests.Response, key: str = "reason") -> str | None:
    try:
        value = answer.json().get(key)
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def _parse(model: type[M], answer: requests.Response) -> M:
    try:
        return model.model_validate_json(answer.content)
    except ValidationError as error:
        raise SyncProtocolError("bad_response") from error
