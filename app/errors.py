"""Typed errors that reach the user.

Code outside ``ui`` never formats a message for a person: it raises one of these, with the facts
as attributes, and ``ui.common.messages`` turns it into a Chinese sentence through Qt translations.
No attribute may hold a passphrase, a key or a stored personal value.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from datetime import date
from pathlib import Path


class BranchDeskError(Exception):
    """Base of every error the user is told about."""


# ---------------------------------------------------------------- the database and its keys
class DatabaseNotFoundError(BranchDeskError):
    """No database in the data folder (run the setup wizard or ``init``)."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(f"no database in {data_dir}")
        self.data_dir = data_dir


class DatabaseExistsError(BranchDeskError):
    """Setup was asked for where a database already exists: it is never overwritten."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(f"a database already exists in {data_dir}")
        self.data_dir = data_dir


class KeySlotsMissingError(BranchDeskError):
    """The database exists but its key file is gone: only a backup can help."""


class KeySlotsCorruptError(BranchDeskError):
    """The key file cannot be read (damaged or edited)."""


class WrongPassphraseError(BranchDeskError):
    """The passphrase does not open any passphrase slot."""

    def __init__(self, failures: int, retry_after: float) -> None:
        super().__init__("wrong passphrase")
        self.failures = failures
        self.retry_after = retry_after


class WrongSecretError(WrongPassphraseError):
    """Neither the passphrase nor the recovery code: where either is accepted (changing the
    passphrase, the command line)."""


class PassphrasesDifferError(BranchDeskError):
    """A new passphrase was typed twice, differently: nothing was changed."""


class PassphraseRequiredError(BranchDeskError):
    """The operation needs the passphrase (e.g. restoring a backup while locked)."""


class WrongRecoveryCodeError(BranchDeskError):
    """The recovery code does not open the recovery slot."""

    def __init__(self, failures: int, retry_after: float) -> None:
        super().__init__("wrong recovery code")
        self.failures = failures
        self.retry_after = retry_after


class UnlockThrottledError(BranchDeskError):
    """Too many wrong attempts: the next one is accepted after ``retry_after`` seconds."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"try again in {retry_after:.0f} s")
        self.retry_after = retry_after


class WeakPassphraseError(BranchDeskError):
    """A new passphrase is shorter than the minimum."""

    def __init__(self, minimum_length: int) -> None:
        super().__init__(f"passphrase shorter than {minimum_length}")
        self.minimum_length = minimum_length


class DatabaseLockedError(BranchDeskError):
    """An operation needs the database unlocked."""


class DatabaseUnreadableError(BranchDeskError):
    """The key is right but the file is damaged (failed integrity or decryption): only the
    latest backup can help (a restore keeps the damaged file aside)."""


class DataFolderNotAFolderError(BranchDeskError):
    """The data folder named (``--data-dir``) is a file, not a folder."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(f"not a folder: {data_dir}")
        self.data_dir = data_dir


class DatabaseBusyError(BranchDeskError):
    """Another writer (the sync, another program on this PC) held the database longer than the
    wait allows; nothing was changed, trying again later works."""


class DatabaseNewerThanAppError(BranchDeskError):
    """The database was upgraded by a newer BranchDesk; this version must not touch it."""

    def __init__(self, revision: str) -> None:
        super().__init__(f"schema revision {revision} is unknown to this version")
        self.revision = revision


class KeyringUnavailableError(BranchDeskError):
    """The OS credential store cannot be used on this PC."""


# ---------------------------------------------------------------- backup and restore
class NotABackupError(BranchDeskError):
    """The file is not a BranchDesk backup (wrong kind of file)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"not a backup: {path.name}")
        self.path = path


class BackupCorruptError(BranchDeskError):
    """The backup is a BranchDesk backup but damaged or incomplete."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"damaged backup: {path.name}")
        self.path = path


class BackupFromOtherDatabaseError(BranchDeskError):
    """The backup belongs to another database (another branch or installation)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"backup of another database: {path.name}")
        self.path = path


class FileAccessError(BranchDeskError):
    """A file the user named cannot be read or written.

    ``reason`` is one of "not_found", "permission_denied", "no_space", "is_a_directory",
    "io_error"; build it from an OSError with ``FileAccessError.from_os_error``.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    @classmethod
    def from_os_error(cls, path: Path, error: OSError) -> FileAccessError:
        reason = {
            errno.ENOENT: "not_found",
            errno.EACCES: "permission_denied",
            errno.EPERM: "permission_denied",
            errno.EROFS: "permission_denied",
            errno.ENOSPC: "no_space",
            errno.EDQUOT: "no_space",
            errno.EISDIR: "is_a_directory",
        }.get(error.errno or 0, "io_error")
        return cls(path, reason)


class RosterFileError(BranchDeskError):
    """A file chosen for a roster import cannot be used: ``reason`` is "not_xlsx" (not an Excel
    workbook) or "no_header" (no sheet has a header row naming 姓名 and another known column)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason


class CancelledError(BranchDeskError):
    """The user cancelled a long operation; nothing was changed."""


class RecordNotFoundError(BranchDeskError):
    """A record that should exist does not (deleted elsewhere, or a stale id)."""

    def __init__(self, entity: str, record_id: str) -> None:
        super().__init__(f"{entity} {record_id} not found")
        self.entity = entity
        self.record_id = record_id


class MeetingFinalizedError(BranchDeskError):
    """The minutes were finalized: they are read-only; add an amendment instead."""

    def __init__(self, finalized_on: date) -> None:
        super().__init__(f"finalized on {finalized_on.isoformat()}")
        self.finalized_on = finalized_on


# ---------------------------------------------------------------- input
@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with one field of a form or one cell of a file."""

    field: str
    code: str  # a stable identifier, e.g. "required", "too_long"; the UI words it


class InvalidInputError(BranchDeskError):
    """Input that fails validation; ``problems`` lists every field at once."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.code}" for p in problems))
        self.problems = tuple(problems)


# ---------------------------------------------------------------- documents
class MissingGlyphsError(BranchDeskError):
    """A document would print blanks: the font has no glyph for ``characters`` (each once, in
    code-point order; usually rare characters in names). Nothing was written."""

    def __init__(self, characters: str) -> None:
        super().__init__("no glyph for " + " ".join(f"U+{ord(c):04X}" for c in characters))
        self.characters = characters


# ---------------------------------------------------------------- sync with the city platform
class SyncNotEnrolledError(BranchDeskError):
    """This PC has not been enrolled with the platform (no server address or credential)."""


class SyncServerUnreachableError(BranchDeskError):
    """The platform server did not answer (network, DNS, TLS or a server failure), after retries.
    ``reason`` is "network", "tls" or "server_error"."""

    def __init__(self, reason: str = "network") -> None:
        super().__init__(f"server unreachable: {reason}")
        self.reason = reason


class SyncAuthError(BranchDeskError):
    """The platform refused this PC: ``reason`` is "unauthorized" (credential unknown or revoked),
    "forbidden" (another branch) or "invalid_enrollment_code"."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"refused: {reason}")
        self.reason = reason


class SyncProtocolError(BranchDeskError):
    """The platform answered something this version cannot use; ``reason`` is the server's
    reason code or "bad_response"."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"protocol error: {reason}")
        self.reason = reason


class MassDeletionConfirmationRequired(BranchDeskError):  # noqa: N818 - a question, not a failure
    """A pull would delete ``count`` local records, more than ``share`` (0..1) of them: nothing
    of that page was applied; sync again with the deletions confirmed."""

    def __init__(self, count: int, share: float) -> None:
        super().__init__(f"{count} deletions exceed {share:.0%}")
        self.count = count
        self.share = share


class SecretExportConfirmationRequired(BranchDeskError):  # noqa: N818 - a question
    """The roster holds ``count`` 秘密 members: an export that leaves the encrypted store needs
    the user's explicit consent (the window asks, the command line needs ``--include-secret``);
    nothing was written."""

    def __init__(self, count: int) -> None:
        super().__init__(f"{count} secret members in the export")
        self.count = count


class SyncBundleError(BranchDeskError):
    """A bundle file (air-gapped sync) was refused or cannot be made; nothing was applied.

    ``reason``: "not_a_bundle", "truncated", "damaged", "newer_format", "wrong_kind",
    "wrong_device", "already_imported", "out_of_order", "gap", "no_platform_key",
    "no_device_key", "bad_key_file" (the reasons of ``sync.bundle``)."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"bundle refused: {reason}")
        self.reason = reason


# ---------------------------------------------------------------- 党务公开
class DisclosureSecretError(BranchDeskError):
    """A disclosure names or derives from a 秘密 record (党务公开条例 第4条: never what is
    secret): it cannot be reviewed, approved nor published. ``entity``: the record's kind;
    ``label``: how the secretary knows it (a member's name, a meeting's date)."""

    def __init__(self, entity: str, label: str) -> None:
        super().__init__(f"derives from a secret {entity}")
        self.entity = entity
        self.label = label


class DisclosureStepError(BranchDeskError):
    """A step out of order (审核 before 拟稿 is complete, 发布 before 审批, an edit of a
    published item...): ``status`` is where the item is, ``step`` what was asked."""

    def __init__(self, status: str, step: str) -> None:
        super().__init__(f"{step} not possible while {status}")
        self.status = status
        self.step = step


# ---------------------------------------------------------------- 考核评价
class AssessmentSettingsError(BranchDeskError):
    """The indicator set cannot be kept: ``problem`` is ``app.domain.assessment.SettingProblem``'s
    value (unknown_indicator, duplicate_indicator, negative_weight, negative_target,
    share_over_100, not_a_number, empty), ``indicator`` the code it is about ("" for the set)."""

    def __init__(self, problem: str, indicator: str) -> None:
        super().__init__(f"{problem}: {indicator}")
        self.problem = problem
        self.indicator = indicator


class AssessmentSubmittedError(BranchDeskError):
    """The year's self-assessment was submitted on ``submitted_on``: it is read-only."""

    def __init__(self, year: int, submitted_on: date | None) -> None:
        super().__init__(f"assessment {year} submitted")
        self.year = year
        self.submitted_on = submitted_on


# ---------------------------------------------------------------- notices as tasks
class NoticeAnswerError(BranchDeskError):
    """An answer to a platform notice that cannot be given: ``reason`` is "no_answer_asked",
    "wrong_kind", "empty_text", "text_too_long", "empty_file", "file_too_large" or
    "answer_closed" (the due date
    has passed and the platform has the branch's answer: it stands)."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"answer refused: {reason}")
        self.reason = reason


# ---------------------------------------------------------------- 党内统计
class StatisticsUnbalancedError(BranchDeskError):
    """The year's statistics cannot be submitted: the balance check (年末数 = 年初数 + 增加 −
    减少) fails, so the tables contradict each other. ``count``: the records that break it."""

    def __init__(self, year: int, count: int) -> None:
        super().__init__(f"statistics {year} unbalanced: {count} records")
        self.year = year
        self.count = count
