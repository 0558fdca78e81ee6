"""Sync as services for the UI and the command line (no Qt; run them off the GUI thread).

    enroll(workspace, "https://platform.example", code)      # once per PC
    report = sync_now(workspace, progress, cancelled)          # SyncReport
    pending_count(workspace); conflicts(workspace); resolve_conflict(workspace, id, "local")
    history(workspace); notices(workspace); settings(workspace); configure(workspace, ...)

The device credential is kept in the OS credential store (service "BranchDesk", user
``device:<database id>``); where there is none, or it fails, inside the encrypted database.
"""

from __future__ import annotations

import json
import logging
import platform
import secrets
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.errors import (
    BranchDeskError,
    FieldProblem,
    InvalidInputError,
    RecordNotFoundError,
    SyncNotEnrolledError,
)
from app.services.workspace import Workspace
from app.storage.ids import utc_iso
from app.storage.models import (
    SyncConflictRow,
    SyncNoticeRow,
    SyncRunRow,
)
from sync import notice_tasks
from sync.client import HttpClient, Retrying, Sleep, Transport
from sync.engine import (
    DEFAULT_MAX_DELETE_SHARE,
    MODELS,
    SETTING_EPOCH,
    Cancelled,
    Engine,
    Progress,
    SyncReport,
    _columns,
    get_setting,
    ledger_writable,
    record_by_id,
    set_setting,
    unacknowledged,
)

log = logging.getLogger(__name__)

KEYRING_SERVICE = "BranchDesk"
SETTING_SERVER = "sync.server_url"
SETTING_BRANCH = "sync.branch_id"
SETTING_DEVICE = "sync.device_id"
SETTING_CA = "sync.ca_bundle"
SETTING_SHARE = "sync.max_delete_share"
SETTING_AUTO = "sync.auto_minutes"
SETTING_ENROLL_NONCE = "sync.enroll_nonce"
MAX_AUTO_MINUTES = 24 * 60
SETTING_TOKEN = "sync.device_token"  # noqa: S105 - the setting's name (fallback store)
SETTING_TOKEN_IN_KEYRING = "sync.token_in_keyring"  # noqa: S105 - a marker's name


@dataclass(frozen=True)
class SyncSettings:
    server_url: str
    ca_bundle: str
    max_delete_share: float
    enrolled: bool
    branch_id: str
    auto_minutes: int = 0
    """Synchronize automatically every so many minutes while unlocked; 0 = only on request."""


@dataclass(frozen=True)
class Enrollment:
    branch_id: str
    branch_code: str
    branch_name: str
    device_id: str


@dataclass(frozen=True)
class PendingConflict:
    id: str
    entity: str
    entity_id: str
    field: str
    local_value: Any
    server_value: Any
    created_at: str
    member_id: str | None = None
    """The member the record belongs to (dues records), for the page to name."""
    month: str | None = None
    """The month a dues record is for ("YYYY-MM"): an amount owed's month, a base's first."""
    kind: str | None = None
    """A ledger event's kind (due, payment, reversal, remittance)."""


@dataclass(frozen=True)
class SyncRun:
    started_at: str
    finished_at: str
    outcome: str
    pushed: int
    pulled: int
    conflicts: int
    rejected: int
    error: str


@dataclass(frozen=True)
class PlatformNotice:
    id: int
    title: str
    body: str
    published_at: str
    read: bool


def _username(workspace: Workspace) -> str:
    return f"device:{workspace.database_id}"


# ---------------------------------------------------------------- settings and enrollment


def settings(workspace: Workspace) -> SyncSettings:
    with workspace.unit_of_work(read_only=True) as uow:
        s = uow.session
        share = get_setting(s, SETTING_SHARE)
        auto = get_setting(s, SETTING_AUTO)
        return SyncSettings(
            server_url=get_setting(s, SETTING_SERVER),
            ca_bundle=get_setting(s, SETTING_CA),
            max_delete_share=float(share) if share else DEFAULT_MAX_DELETE_SHARE,
            enrolled=bool(get_setting(s, SETTING_DEVICE)),
            branch_id=get_setting(s, SETTING_BRANCH),
            auto_minutes=int(auto) if auto.isdigit() else 0,
        )


def configure(
    workspace: Workspace,
    server_url: str | None = None,
    ca_bundle: str | None = None,
    max_delete_share: float | None = None,
    auto_minutes: int | None = None,
) -> None:
    """Change the server address, the custom CA bundle (a PEM path; "" for the system's), the
    share of records a pull may delete without confirmation (0..1) or the minutes between
    automatic synchronizations (0 = off, at most a day)."""
    if auto_minutes is not None and not 0 <= auto_minutes <= MAX_AUTO_MINUTES:
        raise InvalidInputError([FieldProblem("auto_minutes", "out_of_range")])
    if max_delete_share is not None and not 0 <= max_delete_share <= 1:
        raise InvalidInputError([FieldProblem("max_delete_share", "out_of_range")])
    if server_url is not None and server_url and not server_url.startswith(
        ("https://", "http://")
    ):
        raise InvalidInputError([FieldProblem("server_url", "not_a_url")])
    with workspace.unit_of_work() as uow:
        for key, value in ((SETTING_SERVER, server_url), (SETTING_CA, ca_bundle),
                           (SETTING_SHARE, max_delete_share), (SETTING_AUTO, auto_minutes)):
            if value is not None:
                set_setting(uow.session, key, str(value).rstrip("/") if key == SETTING_SERVER
                            else str(value))
        uow.audit("sync.configure", "settings", "sync")
        uow.commit()


def enroll(
    workspace: Workspace,
    server_url: str,
    code: str,
    device_name: str | None = None,
    sleep: Sleep = time.sleep,
    retrying: Retrying | None = None,
) -> Enrollment:
    """Bind this PC to its branch on the platform with a one-time code.

    Raises SyncAuthError("invalid_enrollment_code"), SyncServerUnreachableError, InvalidInputError.
    """
    configure(workspace, server_url=server_url)
    ca = settings(workspace).ca_bundle or None
    client = HttpClient(server_url, ca_bundle=ca, sleep=sleep, retrying=retrying)
    answer = client.enroll(code.strip(), (device_name or platform.node())[:100],
                           _enrollment_nonce(workspace))
    with workspace.unit_of_work() as uow:
        s = uow.session
        set_setting(s, SETTING_BRANCH, answer.branch_id)
        set_setting(s, SETTING_DEVICE, answer.device_id)
        set_setting(s, SETTING_EPOCH, answer.epoch)
        set_setting(s, "sync.cursor", "0")
        in_keyring = _store_token(workspace, answer.token)
        set_setting(s, SETTING_TOKEN_IN_KEYRING, "1" if in_keyring else "")
        set_setting(s, SETTING_TOKEN, "" if in_keyring else answer.token)
        uow.audit("sync.enroll", "branch", answer.branch_id)
        uow.commit()
    from sync.bundle_sync import exchange_keys_online  # bundle_sync builds on this module

    try:
        exchange_keys_online(workspace, sleep=sleep)
    except BranchDeskError as failure:  # bundles stay possible through the administrator
        log.warning("bundle keys not exchanged at enrollment: %s", type(failure).__name__)
    return Enrollment(answer.branch_id, answer.branch_code, answer.branch_name, answer.device_id)


def _enrollment_nonce(workspace: Workspace) -> str:
    """This PC's enrollment secret, made and kept before the first attempt: asking again with
    the same code after a lost answer gets the same device back (for an hour), and nobody
    else holding the used code can."""
    with workspace.unit_of_work() as uow:
        nonce = get_setting(uow.session, SETTING_ENROLL_NONCE)
        if not nonce:
            nonce = secrets.token_urlsafe(32)
            set_setting(uow.session, SETTING_ENROLL_NONCE, nonce)
            uow.commit()
    return nonce


def _store_token(workspace: Workspace, token: str) -> bool:
    if workspace.keyring is None:
        return False
    try:
        workspace.keyring.set_password(KEYRING_SERVICE, _username(workspace), token)
        return workspace.keyring.get_password(KEYRING_SERVICE, _username(workspace)) == token
    except Exception:  # any credential-store failure: keep it in the encrypted database
        log.warning("credential store unavailable; the device credential stays in the database")
        return False


def _load_token(workspace: Workspace) -> str:
    with workspace.unit_of_work() as uow:
        in_keyring = get_setting(uow.session, SETTING_TOKEN_IN_KEYRING) == "1"
        stored = get_setting(uow.session, SETTING_TOKEN)
    if in_keyring and workspace.keyring is not None:
        try:
            token = workspace.keyring.get_password(KEYRING_SERVICE, _username(workspace))
        except Exception:  # the store is locked or gone
            token = None
        if token:
            return token
    if not stored:
        raise SyncNotEnrolledError()
    return stored


def client_for(workspace: Workspace, server_url: str | None = None,
               sleep: Sleep = time.sleep, retrying: Retrying | None = None) -> HttpClient:
    current = settings(workspace)
    url = server_url or current.server_url
    if not url or not current.enrolled:
        raise SyncNotEnrolledError()
    return HttpClient(url, token=_load_token(workspace), branch_id=current.branch_id,
                      ca_bundle=current.ca_bundle or None, sleep=sleep, retrying=retrying)


# ---------------------------------------------------------------- synchronizing


def sync_now(
    workspace: Workspace,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    confirm_mass_deletion: bool = False,
    server_url: str | None = None,
    transport: Transport | None = None,
    sleep: Sleep = time.sleep,
    retrying: Retrying | None = None,
) -> SyncReport:
    """Push the outbox, pull the branch's changes, fetch notices; recorded in the history.

    Resumable: after any failure or cancellation the next call continues where this one
    stopped. Raises SyncNotEnrolledError, SyncServerUnreachableError, SyncAuthError,
    SyncProtocolError, MassDeletionConfirmationRequired (call again with
    ``confirm_mass_deletion=True`` after the user agreed). ``retrying`` is told each retry
    of a request the platform did not answer.
    """
    transport = transport or client_for(workspace, server_url, sleep, retrying)
    engine = Engine(workspace.unit_of_work, transport,
                    max_delete_share=settings(workspace).max_delete_share)
    started = utc_iso()
    outcome, error = "ok", ""
    try:
        report = engine.run(progress, cancelled, confirm_mass_deletion)
        if report.cancelled:
            outcome = "cancelled"
        return report
    except BranchDeskError as failure:
        outcome, error = "failed", type(failure).__name__
        raise
    finally:
        report = engine.report
        with workspace.unit_of_work() as uow:
            uow.session.add(SyncRunRow(
                started_at=started, finished_at=utc_iso(), outcome=outcome,
                pushed=report.pushed, pulled=report.pulled, conflicts=report.conflicts,
                rejected=report.rejected, error=error,
            ))
            uow.commit()


def pending_count(workspace: Workspace) -> int:
    """Local changes the platform has not acknowledged yet."""
    with workspace.unit_of_work(read_only=True) as uow:
        return unacknowledged(uow.session)


def conflicts(workspace: Workspace) -> list[PendingConflict]:
    with workspace.unit_of_work(read_only=True) as uow:
        rows = uow.session.scalars(
            select(SyncConflictRow).where(SyncConflictRow.resolved_at.is_(None))
            .order_by(SyncConflictRow.created_at)
        )
        found = []
        for r in rows:
            model: Any = MODELS.get(r.entity)
            record = record_by_id(uow.session, model, r.entity_id) if model else None
            found.append(PendingConflict(
                r.id, r.entity, r.entity_id, r.field, json.loads(r.local_value),
                json.loads(r.server_value), r.created_at,
                member_id=getattr(record, "member_id", None),
                month=getattr(record, "month", None) or getattr(record, "effective_month", None),
                kind=getattr(record, "kind", None),
            ))
        return found


def resolve_conflict(workspace: Workspace, conflict_id: str, choice: str) -> None:
    """Keep this PC's value (``"local"``) or the platform's (``"server"``): the chosen value is
    written to the record and sent to the platform through the outbox, so both converge."""
    if choice not in ("local", "server"):
        raise InvalidInputError([FieldProblem("choice", "not_a_choice")])
    with workspace.unit_of_work() as uow:
        session = uow.session
        conflict = session.get(SyncConflictRow, conflict_id)
        if conflict is None or conflict.resolved_at is not None:
            raise RecordNotFoundError("sync_conflict", conflict_id)
        model: Any = MODELS[conflict.entity]
        row = record_by_id(session, model, conflict.entity_id)
        if row is None:
            raise RecordNotFoundError(conflict.entity, conflict.entity_id)
        value = json.loads(conflict.local_value if choice == "local" else conflict.server_value)
        with ledger_writable(session, conflict.entity):  # an immutable event: sync's to change
            for name, converted in _columns(model, {conflict.field: value}).items():
                setattr(row, name, converted)
            session.flush()
        conflict.resolved_at = utc_iso()
        conflict.choice = choice
        uow.audit("sync.resolve", conflict.entity, conflict.entity_id,
                  {"field": conflict.field, "choice": choice})
        uow.outbox(conflict.entity, conflict.entity_id, {conflict.field: value},
                   base_version=max(row.server_version, conflict.server_version))
        uow.commit()


def history(workspace: Workspace, limit: int = 20) -> list[SyncRun]:
    with workspace.unit_of_work(read_only=True) as uow:
        rows = uow.session.scalars(
            select(SyncRunRow).order_by(SyncRunRow.seq.desc()).limit(limit)
        )
        return [
            SyncRun(r.started_at, r.finished_at, r.outcome, r.pushed, r.pulled, r.conflicts,
                    r.rejected, r.error)
            for r in rows
        ]


def notices(workspace: Workspace) -> list[PlatformNotice]:
    with workspace.unit_of_work(read_only=True) as uow:
        rows = uow.session.scalars(select(SyncNoticeRow).order_by(SyncNoticeRow.id.desc()))
        return [
            PlatformNotice(r.id, r.title, r.body, r.published_at, r.read_at is not None)
            for r in rows
        ]


def mark_notice_read(workspace: Workspace, notice_id: int) -> None:
    notice_tasks.mark_read(workspace, notice_id)


