"""Air-gapped sync by bundle files, as services for the UI and the command line (no Qt).

    exchange_keys_online(workspace)            # enrolled PCs: keys swapped at enrollment
    write_device_key(workspace, path)          # once: the file the administrator registers
    set_platform_key(workspace, path)          # once: the platform key file from its admin
    export_bundle(workspace, path)             # ExportResult: every change not yet acknowledged
    import_return_bundle(workspace, path)      # SyncReport: the platform's answer applied
    status(workspace)                          # BundleStatus for the 同步 page

The ops of a bundle are those an online push would send (秘密 records withheld), collected by the
sync engine; a return bundle's results and change pages go through the engine's push-answer and
pull paths, so online and bundle sync converge to the same state and can be mixed freely.

The device's bundle key pair is kept like the device credential: in the OS credential store
(service "BranchDesk", user ``bundle-key:<database id>``), else inside the encrypted database.
"""

from __future__ import annotations

import base64
import logging
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from app.errors import FileAccessError, SyncBundleError, SyncProtocolError
from app.services.workspace import Workspace
from app.storage.ids import utc_iso
from app.storage.models import SyncRunRow
from sync import notices
from sync.bundle import (
    BundleRejected,
    KeyPair,
    PublicKeys,
    UploadPayload,
    new_manifest,
    parse_return,
    read_file,
    read_manifest,
    seal,
    unseal,
    verify_signature,
    write_file,
)
from sync.client import Sleep
from sync.engine import (
    SETTING_CURSOR,
    SETTING_EPOCH,
    Engine,
    SyncReport,
    get_setting,
    set_setting,
)
from sync.service import (
    KEYRING_SERVICE,
    SETTING_BRANCH,
    SETTING_DEVICE,
    client_for,
    pending_count,
    settings,
)
from sync.wire import (
    BundleKeys,
    ChangesPage,
    NoticeAnswer,
    NoticeAnswerReceipt,
    NoticesResponse,
    Op,
    PushResponse,
    VerifyResponse,
)

log = logging.getLogger(__name__)

SETTING_BUNDLE_DEVICE = "sync.bundle.device_id"
SETTING_BUNDLE_KEY = "sync.bundle.device_key"
SETTING_BUNDLE_KEY_IN_KEYRING = "sync.bundle.key_in_keyring"
SETTING_PLATFORM_KEY = "sync.bundle.platform_key"
SETTING_RETURN_SEQUENCE = "sync.bundle.return_sequence"
SETTING_RETURN_ID = "sync.bundle.return_id"
SETTING_LAST_EXPORT = "sync.bundle.last_export"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    sequence: int
    ops: int
    """Changes in the bundle (every one not yet acknowledged by the platform)."""
    withheld: int
    """Changes kept on this PC (秘密 records, the branch profile)."""
    withheld_unsent: int = 0
    """Of ``withheld``: the branch profile's, which never leave a PC (the platform keeps it)."""

    @property
    def withheld_secret(self) -> int:
        """Of ``withheld``: those of 秘密 records."""
        return self.withheld - self.withheld_unsent


@dataclass(frozen=True)
class BundleStatus:
    device_id: str
    """Empty until the device key is made (first export or ``write_device_key``)."""
    has_platform_key: bool
    pending: int
    """Changes waiting to leave this PC."""
    last_export_sequence: int
    last_return_sequence: int

    @property
    def waiting_for_return(self) -> bool:
        return self.last_export_sequence > self.last_return_sequence


@dataclass
class ReturnReport(SyncReport):
    restored: bool = False
    """The platform had imported later bundles from this PC than the one answered: this PC
    was restored from an older backup. What the platform had is now here again, and the
    changes the platform had not confirmed were sent again (none applied twice)."""
    platform_restored: bool = False
    """The platform was restored from its backup (a new epoch) and had lost bundles from this
    PC: its answer carries its own, lower number, which this PC continues from. Every change
    is sent again in the next bundle (none applied twice) and nothing here is deleted."""


class _NoNetwork:
    """The engine's transport for bundle work: it never talks to the platform."""

    def push(self, ops: list[dict[str, Any]]) -> PushResponse:
        raise SyncProtocolError("offline")

    def changes(self, since: str, limit: int, epoch: str | None, own: str = "") -> ChangesPage:
        raise SyncProtocolError("offline")

    def notices(self, since: int) -> NoticesResponse:
        raise SyncProtocolError("offline")

    def answer_notice(self, answer: NoticeAnswer) -> NoticeAnswerReceipt:
        raise SyncProtocolError("offline")

    def verify(self) -> VerifyResponse:
        raise SyncProtocolError("offline")


# ---------------------------------------------------------------- keys


def _keyring_user(workspace: Workspace) -> str:
    return f"bundle-key:{workspace.database_id}"


def _device_keys(workspace: Workspace, create: bool) -> tuple[str, KeyPair]:
    with workspace.unit_of_work() as uow:
        s = uow.session
        device_id = get_setting(s, SETTING_BUNDLE_DEVICE)
        in_keyring = get_setting(s, SETTING_BUNDLE_KEY_IN_KEYRING) == "1"
        stored = get_setting(s, SETTING_BUNDLE_KEY)
    if device_id:
        secret = stored
        if in_keyring and workspace.keyring is not None:
            try:
                secret = workspace.keyring.get_password(
                    KEYRING_SERVICE, _keyring_user(workspace)) or ""
            except Exception:  # the store is locked or gone
                log.warning("credential store unavailable; the bundle key cannot be read")
                secret = ""
        if secret:
            return device_id, KeyPair.from_secret(secret)
        if not create:
            raise SyncBundleError("no_device_key")
    if not create:
        raise SyncBundleError("no_device_key")
    keys = KeyPair.generate()
    with workspace.unit_of_work() as uow:
        s = uow.session
        device_id = (get_setting(s, SETTING_BUNDLE_DEVICE) or get_setting(s, SETTING_DEVICE)
                     or str(uuid.uuid4()))
        in_keyring = _keep_in_keyring(workspace, keys.to_secret())
        set_setting(s, SETTING_BUNDLE_DEVICE, device_id)
        set_setting(s, SETTING_BUNDLE_KEY_IN_KEYRING, "1" if in_keyring else "")
        set_setting(s, SETTING_BUNDLE_KEY, "" if in_keyring else keys.to_secret())
        uow.audit("sync.bundle_key", "device", device_id)
        uow.commit()
    return device_id, keys


def _keep_in_keyring(workspace: Workspace, secret: str) -> bool:
    if workspace.keyring is None:
        return False
    try:
        workspace.keyring.set_password(KEYRING_SERVICE, _keyring_user(workspace), secret)
        return workspace.keyring.get_password(
            KEYRING_SERVICE, _keyring_user(workspace)) == secret
    except Exception:  # any credential-store failure: keep it in the encrypted database
        log.warning("credential store unavailable; the bundle key stays in the database")
        return False


def _platform_key(workspace: Workspace) -> PublicKeys:
    with workspace.unit_of_work() as uow:
        text = get_setting(uow.session, SETTING_PLATFORM_KEY)
    if not text:
        raise SyncBundleError("no_platform_key")
    return PublicKeys.from_json(text)[0]


def exchange_keys_online(workspace: Workspace, sleep: Sleep = time.sleep) -> bool:
    """For a PC enrolled online: register its bundle keys with the platform and keep the
    platform's, so it can also sync by bundle file without the administrator's key files.
    False when this PC's bundle identity predates its enrollment (the administrator registers
    its key file instead). Raises what ``client_for`` and the HTTP client raise."""
    with workspace.unit_of_work() as uow:
        enrolled = get_setting(uow.session, SETTING_DEVICE)
        existing = get_setting(uow.session, SETTING_BUNDLE_DEVICE)
    if existing and existing != enrolled:
        return False
    device_id, keys = _device_keys(workspace, create=True)
    if device_id != enrolled:
        return False
    public = keys.public()
    answer = client_for(workspace, sleep=sleep).bundle_keys(BundleKeys(
        encryption=base64.b64encode(public.encryption).decode(),
        signing=base64.b64encode(public.signing).decode(),
    ))
    try:
        platform = PublicKeys(base64.b64decode(answer.platform.encryption),
                              base64.b64decode(answer.platform.signing))
    except ValueError as error:
        raise SyncProtocolError("bad_response") from error
    with workspace.unit_of_work() as uow:
        set_setting(uow.session, SETTING_PLATFORM_KEY, platform.to_json())
        uow.audit("sync.platform_key", "settings", "sync")
        uow.commit()
    return True


def write_device_key(workspace: Workspace, path: Path) -> str:
    """Write this PC's public bundle key file (for the platform administrator to register);
    the keys are made on first use. Returns the device id."""
    device_id, keys = _device_keys(workspace, create=True)
    _write(path, keys.public().to_json(device_id).encode())
    return device_id


def set_platform_key(workspace: Workspace, path: Path) -> None:
    """Keep the platform's public key file (from its administrator) for bundles."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        keys, device_id = PublicKeys.from_json(text)
    except OSError as error:
        raise FileAccessError.from_os_error(Path(path), error) from error
    except (ValueError, UnicodeDecodeError) as error:
        raise SyncBundleError("bad_key_file") from error
    if device_id:
        raise SyncBundleError("bad_key_file")  # a device's key file, not the platform's
    with workspace.unit_of_work() as uow:
        set_setting(uow.session, SETTING_PLATFORM_KEY, keys.to_json())
        uow.audit("sync.platform_key", "settings", "sync")
        uow.commit()


# ---------------------------------------------------------------- export


def export_bundle(workspace: Workspace, path: Path) -> ExportResult:
    """Write every change the platform has not acknowledged to ``path``, encrypted to the
    platform and signed by this PC; written durably, read back and verified before returning
    (only then may the medium be removed). 秘密 records are never included.

    Raises SyncBundleError("no_platform_key"), FileAccessError.
    """
    platform = _platform_key(workspace)
    device_id, keys = _device_keys(workspace, create=True)
    engine = Engine(workspace.unit_of_work, _NoNetwork())
    ops = engine.outbox_ops()
    with workspace.unit_of_work() as uow:
        answers = notices.queued_answers(uow.session)
        notice_cursor = notices.notice_cursor(uow.session)
    payload = UploadPayload(
        ops=[Op.model_validate(op) for op in ops], answers=answers, notice_cursor=notice_cursor,
    ).model_dump_json().encode()
    with workspace.unit_of_work() as uow:
        s = uow.session
        sequence = int(get_setting(s, SETTING_RETURN_SEQUENCE, "0") or 0) + 1
        manifest = new_manifest(
            "upload", device_id, sequence, payload, branch_id=get_setting(s, SETTING_BRANCH),
            cursor=get_setting(s, SETTING_CURSOR, "0") or "0",
            epoch=get_setting(s, SETTING_EPOCH), op_count=len(ops), created_at=utc_iso(),
        )
    data = seal(manifest, payload, keys, platform)
    _write(path, data)
    try:
        verify_signature(read_file(path), keys.public().signing)
    except (BundleRejected, OSError) as error:
        raise FileAccessError(Path(path), "io_error") from error
    with workspace.unit_of_work() as uow:
        set_setting(uow.session, SETTING_LAST_EXPORT, str(sequence))
        uow.audit("sync.bundle_export", "bundle", manifest.bundle_id,
                  {"sequence": sequence, "ops": len(ops)})
        uow.commit()
    return ExportResult(Path(path), manifest.bundle_id, sequence, len(ops),
                        engine.report.withheld, engine.report.withheld_unsent)


def _write(path: Path, data: bytes) -> None:
    try:
        write_file(Path(path), data)
    except OSError as error:
        raise FileAccessError.from_os_error(Path(path), error) from error


# ---------------------------------------------------------------- import


def import_return_bundle(
    workspace: Workspace, path: Path, confirm_mass_deletion: bool = False
) -> ReturnReport:
    """Verify the platform's return bundle and apply it through the online answer and pull
    paths. Everything is checked before anything is applied. A return bundle numbered past the
    upload it answers (this PC was restored from an older backup; the platform had imported
    later bundles) is applied like any other, and this PC continues from its number; so is
    one numbered below the upload it answers when it brings a new epoch (the platform was
    restored from its backup and lost this PC's later bundles).

    Raises SyncBundleError (refused: nothing applied), FileAccessError,
    MassDeletionConfirmationRequired (import again with ``confirm_mass_deletion=True``).
    """
    try:
        data = read_file(Path(path))
    except OSError as error:
        raise FileAccessError.from_os_error(Path(path), error) from error
    except BundleRejected as refused:
        raise SyncBundleError(refused.reason) from refused
    device_id, keys = _device_keys(workspace, create=False)
    platform = _platform_key(workspace)
    try:
        if read_manifest(data).kind != "return":
            raise BundleRejected("wrong_kind")
        manifest, payload = unseal(data, platform.signing, keys)
        answer = parse_return(manifest, payload)
    except BundleRejected as refused:
        raise SyncBundleError(refused.reason) from refused
    except ValidationError as error:
        raise SyncBundleError("damaged") from error
    with workspace.unit_of_work() as uow:
        s = uow.session
        branch_id = get_setting(s, SETTING_BRANCH)
        last = int(get_setting(s, SETTING_RETURN_SEQUENCE, "0") or 0)
        last_id = get_setting(s, SETTING_RETURN_ID)
        epoch = get_setting(s, SETTING_EPOCH)
    if manifest.device_id != device_id or (branch_id and manifest.branch_id != branch_id):
        raise SyncBundleError("wrong_device")
    answered = manifest.answers or manifest.sequence
    platform_restored = answered > manifest.sequence
    if platform_restored and (not epoch or answer.epoch == epoch):
        raise SyncBundleError("damaged")
    if answered <= last:
        raise SyncBundleError(
            "already_imported" if manifest.bundle_id == last_id else "out_of_order"
        )
    if answered > last + 1:
        raise SyncBundleError("gap")

    notices.check_notices(answer.notices)  # before anything is applied
    engine = Engine(workspace.unit_of_work, _NoNetwork(),
                    max_delete_share=settings(workspace).max_delete_share)
    started = utc_iso()
    outcome = "failed"
    try:
        engine.note_epoch(answer.epoch)
        engine.apply_push_results(answer.results)
        for page in answer.pages:
            engine.apply_page(page, confirm_mass_deletion)
        with workspace.unit_of_work() as uow:
            engine.report.notices += notices.store_notices(uow.session, answer.notices)
            for receipt in answer.receipts:
                engine.report.answers += notices.apply_receipt(uow.session, receipt)
            uow.commit()
        outcome = "ok"
    finally:
        report = ReturnReport(**vars(engine.report), restored=manifest.sequence > answered,
                              platform_restored=platform_restored)
        with workspace.unit_of_work() as uow:
            s = uow.session
            if outcome == "ok":
                set_setting(s, SETTING_RETURN_SEQUENCE, str(manifest.sequence))
                set_setting(s, SETTING_RETURN_ID, manifest.bundle_id)
                if platform_restored:  # the next upload follows the platform's number
                    set_setting(s, SETTING_LAST_EXPORT, str(manifest.sequence))
                if not branch_id:
                    set_setting(s, SETTING_BRANCH, manifest.branch_id)
                uow.audit("sync.bundle_import", "bundle", manifest.bundle_id,
                          {"sequence": manifest.sequence})
            s.add(SyncRunRow(
                started_at=started, finished_at=utc_iso(), outcome=outcome,
                pushed=report.pushed, pulled=report.pulled, conflicts=report.conflicts,
                rejected=report.rejected, error="" if outcome == "ok" else "bundle",
            ))
            uow.commit()
    return report


def status(workspace: Workspace) -> BundleStatus:
    with workspace.unit_of_work(read_only=True) as uow:
        s = uow.session
        device_id = get_setting(s, SETTING_BUNDLE_DEVICE)
        has_platform_key = bool(get_setting(s, SETTING_PLATFORM_KEY))
        exported = int(get_setting(s, SETTING_LAST_EXPORT, "0") or 0)
        returned = int(get_setting(s, SETTING_RETURN_SEQUENCE, "0") or 0)
    return BundleStatus(device_id, has_platform_key, pending_count(workspace), exported,
                        returned)
