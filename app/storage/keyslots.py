"""Key slots: the database key, wrapped once per way of unlocking it.

The database key is 32 random bytes used as a raw SQLCipher key. It is never stored in the clear.
``keys.json`` beside the database holds:

* passphrase slot(s): scrypt(passphrase, salt) -> AES-256-GCM wrap of the key;
* one recovery slot: the same with a random 24-character recovery code shown once at setup;
* the database id, which also names the OS credential-store entry ("在本机记住").

Changing a passphrase rewraps the key; the database is never re-encrypted. The file is replaced
atomically (write, fsync, rename), so a crash leaves either the old or the new slots.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.errors import KeySlotsCorruptError
from app.files import write_atomically
from app.storage import staging

KEY_BYTES = 32
FORMAT = "branchdesk-keyslots"
FORMAT_VERSION = 1
KEYRING_SERVICE = staging.KEYRING_SERVICE
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed back
RECOVERY_GROUPS = 6
RECOVERY_GROUP_LEN = 4


class KeyringPort(Protocol):
    """What we use of the ``keyring`` module; tests pass an in-memory object."""

    def get_password(self, service_name: str, username: str) -> str | None: ...

    def set_password(self, service_name: str, username: str, password: str) -> None: ...

    def delete_password(self, service_name: str, username: str) -> None: ...


@dataclass(frozen=True)
class KdfParams:
    """scrypt cost. The default takes about 0.3 s and 64 MiB; tests use a cheaper one."""

    n: int = 2**16
    r: int = 8
    p: int = 1


DEFAULT_KDF = KdfParams()


@dataclass
class Slot:
    kind: str  # "passphrase" | "recovery"
    salt: bytes
    nonce: bytes
    wrapped: bytes
    kdf: KdfParams

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "kdf": {"name": "scrypt", "n": self.kdf.n, "r": self.kdf.r, "p": self.kdf.p},
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        kdf = data["kdf"]
        if kdf["name"] != "scrypt":
            raise ValueError("unknown kdf")
        return cls(
            kind=str(data["kind"]),
            salt=_unb64(data["salt"]),
            nonce=_unb64(data["nonce"]),
            wrapped=_unb64(data["wrapped"]),
            kdf=KdfParams(n=int(kdf["n"]), r=int(kdf["r"]), p=int(kdf["p"])),
        )


@dataclass
class KeySlots:
    database_id: str
    slots: list[Slot] = field(default_factory=list)

    # ---------------------------------------------------------------- wrapping
    def add(self, kind: str, secret: str, key: bytes, kdf: KdfParams) -> None:
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        wrapping_key = _derive(secret, salt, kdf)
        wrapped = AESGCM(wrapping_key).encrypt(nonce, key, self._aad(kind))
        self.slots.append(Slot(kind, salt, nonce, wrapped, kdf))

    def remove(self, kind: str) -> None:
        self.slots = [s for s in self.slots if s.kind != kind]

    def open(self, kind: str, secret: str) -> bytes | None:
        """The database key if ``secret`` opens a slot of ``kind``, else None."""
        for slot in self.slots:
            if slot.kind != kind:
                continue
            wrapping_key = _derive(secret, slot.salt, slot.kdf)
            try:
                key = AESGCM(wrapping_key).decrypt(slot.nonce, slot.wrapped, self._aad(kind))
            except InvalidTag:
                continue
            if len(key) == KEY_BYTES:
                return key
        return None

    def open_either(self, secret: str) -> tuple[bytes | None, str]:
        """The key and the kind of slot ``secret`` opens: a passphrase slot first, then the
        recovery slot (the code compared without case, spaces or dashes)."""
        key = self.open("passphrase", secret)
        if key is not None:
            return key, "passphrase"
        return self.open("recovery", normalize_recovery_code(secret)), "recovery"

    def _aad(self, kind: str) -> bytes:
        # Binds each slot to its database and kind: a slot copied from elsewhere does not open.
        return f"{FORMAT}/{self.database_id}/{kind}".encode()

    # ---------------------------------------------------------------- file
    @classmethod
    def load(cls, path: Path) -> KeySlots:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or int(data.get("version", 0)) > FORMAT_VERSION:
                raise ValueError("not a key-slot file of a version we know")
            return cls(
                database_id=str(data["database_id"]),
                slots=[Slot.from_json(s) for s in data["slots"]],
            )
        except (ValueError, KeyError, TypeError) as error:
            raise KeySlotsCorruptError() from error

    def to_bytes(self) -> bytes:
        data = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "database_id": self.database_id,
            "slots": [s.to_json() for s in self.slots],
        }
        return json.dumps(data, indent=2).encode("utf-8")

    def save(self, path: Path) -> None:
        write_atomically(path, self.to_bytes())


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_recovery_code() -> str:
    """24 characters in 6 groups of 4, about 120 bits: e.g. ``K7PQ-2M9X-...``."""
    chars = [secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN)]
    groups = [
        "".join(chars[i : i + RECOVERY_GROUP_LEN]) for i in range(0, len(chars), RECOVERY_GROUP_LEN)
    ]
    return "-".join(groups)


def normalize_recovery_code(code: str) -> str:
    """Ignore case, spaces and dashes (the alphabet has no 0/O or 1/I to confuse)."""
    cleaned = "".join(c for c in code.upper() if c.isalnum())
    groups = [
        cleaned[i : i + RECOVERY_GROUP_LEN] for i in range(0, len(cleaned), RECOVERY_GROUP_LEN)
    ]
    return "-".join(groups)


def _derive(secret: str, salt: bytes, kdf: KdfParams) -> bytes:
    return Scrypt(salt=salt, length=32, n=kdf.n, r=kdf.r, p=kdf.p).derive(secret.encode("utf-8"))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
