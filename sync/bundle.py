"""Bundle files: sync for PCs that never reach the platform (shared by the client and the server).

A bundle carries the same ops (device → platform) or the same push results and change pages
(platform → device) as online sync, in one file on removable media::

    MAGIC (8 bytes) | header length (4, big-endian) | header (JSON) |
    ciphertext length (8, big-endian) | ciphertext | Ed25519 signature (64)

- The header is the manifest (bundle id, device id, branch id, sequence, cursor, epoch, op and
  change counts, SHA-256 of the plaintext payload, schema version) plus the ephemeral X25519
  public key and the AES-GCM nonce. It holds no personal data.
- The payload (JSON) is encrypted with AES-256-GCM under a key derived (HKDF-SHA256) from an
  X25519 exchange between a fresh ephemeral key and the recipient's key; the header is the
  associated data, so it cannot be changed without the decryption failing.
- The sender's Ed25519 key signs everything before the signature (the device key for uploads,
  the platform's key for return bundles).

Sequence rules (checked by the receiver, not here): an upload's sequence is one more than the last
return bundle the device applied; re-exporting before the answer came reuses the number (the new
bundle is cumulative). The platform accepts the next number (or another bundle of the current
one) and refuses gaps. An older number is a PC restored from an older backup (or a late copy):
its ops are pushed like any others (deduplicated on op id) and the answer gets the platform's
next number, with ``answers`` naming the upload's; the same bundle again is answered again.
A return bundle carries the number of the upload it answers (``answers``, else ``sequence``);
the PC accepts the answer to its next number and continues from the return bundle's number.

This module imports nothing from ``app`` or ``ui``: the server uses it too.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sync.wire import ChangesPage, Notice, NoticeAnswer, NoticeAnswerReceipt, Op, OpResult

MAGIC = b"BDSYNCB1"
SCHEMA_VERSION = 1
KEY_FILE_FORMAT = "branchdesk-bundle-key-1"
MAX_BUNDLE_BYTES = 256 * 1024 * 1024
MAX_HEADER_BYTES = 64 * 1024
_SIGNATURE = 64
_INFO = b"BranchDesk bundle v1"

Kind = Literal["upload", "return"]

REASONS = (
    "not_a_bundle",  # no bundle at all (another file)
    "truncated",  # cut short (copy interrupted, medium removed too early)
    "damaged",  # a byte changed: signature, decryption or payload hash failed
    "newer_format",  # written by a newer version
    "wrong_kind",  # a return bundle given to the platform, or an upload to a PC
    "unknown_device",  # the platform has no key registered for this device
    "wrong_device",  # a return bundle for another PC or branch
    "already_imported",  # this very bundle was imported before: nothing to do
    "out_of_order",  # older than one already imported (a replay or a late copy)
    "gap",  # a bundle in between is missing
    "no_platform_key",  # the PC has no platform key configured
    "no_device_key",  # the PC never exported a bundle or its key (nothing to answer)
)


class BundleRejected(Exception):  # noqa: N818 - an outcome with a reason code
    """The bundle was refused; nothing was applied. ``reason`` is one of ``REASONS``."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"bundle refused: {reason}")
        self.reason = reason


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Manifest(_Model):
    kind: Kind
    bundle_id: str
    device_id: Annotated[str, Field(min_length=1, max_length=36)]
    branch_id: str = ""
    sequence: int = Field(ge=1, le=2**53)
    cursor: str = "0"
    """Upload: the device's pull cursor. Return: the cursor after the enclosed changes."""
    epoch: str = ""
    op_count: int = Field(ge=0)
    change_count: int = Field(ge=0, default=0)
    payload_hash: str
    schema_version: int
    created_at: str
    in_reply_to: str = ""
    """Return bundles: the upload they answer."""
    answers: int = Field(ge=0, le=2**53, default=0)
    """Return bundles: the sequence of the upload they answer when the platform gave the answer
    a later number (the upload was older than one it had imported: a PC restored from an older
    backup); 0 when it is ``sequence``."""


class _Header(_Model):
    manifest: Manifest
    ephemeral: str
    nonce: str


class UploadPayload(_Model):
    ops: list[Op]
    answers: list[NoticeAnswer] = Field(default_factory=list)
    """The branch's answers to notices not yet confirmed by the platform."""
    notice_cursor: int = Field(ge=0, le=2**31 - 1, default=0)
    """The newest notice this PC holds: the return bundle brings those after it."""


class ReturnPayload(_Model):
    results: list[OpResult]
    pages: list[ChangesPage]
    epoch: str
    notices: list[Notice] = Field(default_factory=list)
    """Notices after the upload's ``notice_cursor``, with their attachments."""
    receipts: list[NoticeAnswerReceipt] = Field(default_factory=list)
    """One per answer of the upload."""


# ---------------------------------------------------------------- keys


@dataclass(frozen=True)
class PublicKeys:
    encryption: bytes
    """X25519 public key (32 bytes): bundles to this party are encrypted to it."""
    signing: bytes
    """Ed25519 public key (32 bytes): this party's bundles are signed with it."""

    def to_json(self, device_id: str = "") -> str:
        body = {"format": KEY_FILE_FORMAT, "encryption": _b64(self.encryption),
                "signing": _b64(self.signing)}
        if device_id:
            body["device_id"] = device_id
        return json.dumps(body, indent=2)

    @classmethod
    def from_json(cls, text: str) -> tuple[PublicKeys, str]:
        """The keys and the device id (empty for the platform's file); ValueError if unusable."""
        try:
            body = json.loads(text)
            if body.get("format") != KEY_FILE_FORMAT:
                raise ValueError("not a key file")
            keys = cls(_unb64(body["encryption"]), _unb64(body["signing"]))
            device_id = str(body.get("device_id", ""))
        except (KeyError, TypeError, AttributeError, json.JSONDecodeError) as error:
            raise ValueError("not a key file") from error
        if len(keys.encryption) != 32 or len(keys.signing) != 32:
            raise ValueError("not a key file")
        return keys, device_id


@dataclass(frozen=True)
class KeyPair:
    encryption: X25519PrivateKey
    signing: Ed25519PrivateKey

    @classmethod
    def generate(cls) -> KeyPair:
        return cls(X25519PrivateKey.generate(), Ed25519PrivateKey.generate())

    def to_secret(self) -> str:
        raw = serialization.Encoding.Raw
        fmt = serialization.PrivateFormat.Raw
        none = serialization.NoEncryption()
        return (self.encryption.private_bytes(raw, fmt, none)
                + self.signing.private_bytes(raw, fmt, none)).hex()

    @classmethod
    def from_secret(cls, text: str) -> KeyPair:
        raw = bytes.fromhex(text)
        return cls(X25519PrivateKey.from_private_bytes(raw[:32]),
                   Ed25519PrivateKey.from_private_bytes(raw[32:64]))

    def public(self) -> PublicKeys:
        raw = serialization.Encoding.Raw
        fmt = serialization.PublicFormat.Raw
        return PublicKeys(self.encryption.public_key().public_bytes(raw, fmt),
                          self.signing.public_key().public_bytes(raw, fmt))


# ---------------------------------------------------------------- sealing and opening


def new_manifest(
    kind: Kind, device_id: str, sequence: int, payload: bytes, *, branch_id: str = "",
    cursor: str = "0", epoch: str = "", op_count: int = 0, change_count: int = 0,
    in_reply_to: str = "", created_at: str = "", answers: int = 0,
) -> Manifest:
    return Manifest(
        kind=kind, bundle_id=str(uuid.uuid4()), device_id=device_id, branch_id=branch_id,
        sequence=sequence, cursor=cursor, epoch=epoch, op_count=op_count,
        change_count=change_count, payload_hash=hashlib.sha256(payload).hexdigest(),
        schema_version=SCHEMA_VERSION, created_at=created_at, in_reply_to=in_reply_to,
        answers=answers,
    )


def seal(manifest: Manifest, payload: bytes, sender: KeyPair, recipient: PublicKeys) -> bytes:
    """The bundle file's bytes: ``payload`` encrypted to ``recipient``, signed by ``sender``."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    key = _derive(ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient.encryption)),
                  ephemeral_public, recipient.encryption)
    nonce = os.urandom(12)
    header = _Header(manifest=manifest, ephemeral=_b64(ephemeral_public), nonce=_b64(nonce))
    header_bytes = header.model_dump_json().encode()
    ciphertext = AESGCM(key).encrypt(nonce, payload, header_bytes)
    body = (MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes
            + struct.pack(">Q", len(ciphertext)) + ciphertext)
    return body + sender.signing.sign(body)


@dataclass(frozen=True)
class _Parts:
    header: _Header
    header_bytes: bytes
    ciphertext: bytes
    signed: bytes
    signature: bytes


def _split(data: bytes) -> _Parts:
    header, header_bytes, offset, end = _head(data)
    if len(data) < end + _SIGNATURE:
        raise BundleRejected("truncated")
    if len(data) > end + _SIGNATURE:
        raise BundleRejected("damaged")
    return _Parts(header, header_bytes, data[offset:end], data[:end], data[end:])


def _head(data: bytes) -> tuple[_Header, bytes, int, int]:
    """The header of the bundle that ``data`` starts with, its bytes, and where its ciphertext
    starts and ends; "truncated" when ``data`` ends before the ciphertext's length."""
    if len(data) < len(MAGIC) and MAGIC.startswith(data):
        raise BundleRejected("truncated")
    if not data.startswith(MAGIC):
        raise BundleRejected("not_a_bundle")
    offset = len(MAGIC)
    if len(data) < offset + 4:
        raise BundleRejected("truncated")
    (header_length,) = struct.unpack(">I", data[offset:offset + 4])
    offset += 4
    if header_length > MAX_HEADER_BYTES:
        raise BundleRejected("damaged")
    if len(data) < offset + header_length + 8:
        raise BundleRejected("truncated")
    header_bytes = data[offset:offset + header_length]
    offset += header_length
    (cipher_length,) = struct.unpack(">Q", data[offset:offset + 8])
    offset += 8
    if cipher_length > MAX_BUNDLE_BYTES:
        raise BundleRejected("damaged")
    try:
        header = _Header.model_validate_json(header_bytes)
    except ValidationError as error:
        raise BundleRejected("damaged") from error
    if header.manifest.schema_version > SCHEMA_VERSION:
        raise BundleRejected("newer_format")
    if header.manifest.schema_version != SCHEMA_VERSION:
        raise BundleRejected("damaged")
    return header, header_bytes, offset, offset + cipher_length


def read_prefix(data: bytes) -> tuple[Manifest, int] | None:
    """The manifest (not yet authenticated) and the whole file's size, from the first bytes of
    a bundle arriving piece by piece; None while more bytes are needed. BundleRejected as soon
    as they cannot start a bundle."""
    try:
        header, _bytes, _offset, end = _head(data)
    except BundleRejected as refused:
        if refused.reason == "truncated" and len(data) < len(MAGIC) + 4 + MAX_HEADER_BYTES + 8:
            return None
        raise
    return header.manifest, end + _SIGNATURE


def read_manifest(data: bytes) -> Manifest:
    """The manifest of a structurally whole bundle (not yet authenticated: only to find the
    sender's key)."""
    return _split(data).header.manifest


def verify_signature(data: bytes, sender_signing: bytes) -> Manifest:
    """The manifest once the sender's signature checks out (no decryption)."""
    parts = _split(data)
    try:
        Ed25519PublicKey.from_public_bytes(sender_signing).verify(parts.signature, parts.signed)
    except InvalidSignature as error:
        raise BundleRejected("damaged") from error
    return parts.header.manifest


def unseal(data: bytes, sender_signing: bytes, recipient: KeyPair) -> tuple[Manifest, bytes]:
    """Verify, decrypt and check the payload hash; BundleRejected on any failure."""
    manifest = verify_signature(data, sender_signing)
    parts = _split(data)
    try:
        ephemeral_public = _unb64(parts.header.ephemeral)
        nonce = _unb64(parts.header.nonce)
        own_public = recipient.public().encryption
        key = _derive(
            recipient.encryption.exchange(X25519PublicKey.from_public_bytes(ephemeral_public)),
            ephemeral_public, own_public,
        )
        payload = AESGCM(key).decrypt(nonce, parts.ciphertext, parts.header_bytes)
    except (InvalidTag, ValueError) as error:
        raise BundleRejected("damaged") from error
    if hashlib.sha256(payload).hexdigest() != manifest.payload_hash:
        raise BundleRejected("damaged")
    return manifest, payload


_P = TypeVar("_P", bound=BaseModel)


def _payload(model: type[_P], manifest: Manifest, kind: str, payload: bytes) -> _P:
    """``payload`` read as ``model``; "damaged" if it is not one, "wrong_kind" if the manifest
    says it is another kind of bundle."""
    try:
        parsed = model.model_validate_json(payload)
    except ValidationError as error:
        raise BundleRejected("damaged") from error
    if manifest.kind != kind:
        raise BundleRejected("wrong_kind")
    return parsed


def parse_upload(manifest: Manifest, payload: bytes) -> UploadPayload:
    upload = _payload(UploadPayload, manifest, "upload", payload)
    if len(upload.ops) != manifest.op_count:
        raise BundleRejected("damaged")
    return upload


def parse_return(manifest: Manifest, payload: bytes) -> ReturnPayload:
    answer = _payload(ReturnPayload, manifest, "return", payload)
    if len(answer.results) != manifest.op_count or (
        sum(len(p.changes) for p in answer.pages) != manifest.change_count
    ):
        raise BundleRejected("damaged")
    return answer


# ---------------------------------------------------------------- files


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush, fsync, rename over ``path``,
    sync the folder, then read it back and compare (OSError on any failure)."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
    try:
        folder = os.open(path.parent, os.O_RDONLY)
    except OSError:
        folder = -1  # not every system opens folders (Windows): the rename is durable there
    if folder >= 0:
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    if path.read_bytes() != data:
        raise OSError(f"read-back of {path.name} differs")


def read_file(path: Path) -> bytes:
    path = Path(path)
    if path.stat().st_size > MAX_BUNDLE_BYTES + 70 * 1024:
        raise BundleRejected("not_a_bundle")
    return path.read_bytes()


# ---------------------------------------------------------------- helpers


def _derive(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + recipient_public,
        info=_INFO,
    ).derive(shared)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as error:
        raise ValueError("bad base64") from error
