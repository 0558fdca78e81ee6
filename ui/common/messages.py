"""Turn the typed errors of ``app.errors`` into Chinese sentences (through Qt translations).

One place for every user-facing error text, shared by the GUI and the command line.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from app.errors import (
    AssessmentSettingsError,
    AssessmentSubmittedError,
    BackupCorruptError,
    BackupFromOtherDatabaseError,
    BranchDeskError,
    CancelledError,
    DatabaseBusyError,
    DatabaseExistsError,
    DatabaseLockedError,
    DatabaseNewerThanAppError,
    DatabaseNotFoundError,
    DatabaseUnreadableError,
    DataFolderNotAFolderError,
    DisclosureSecretError,
    DisclosureStepError,
    FileAccessError,
    InvalidInputError,
    KeyringUnavailableError,
    KeySlotsCorruptError,
    KeySlotsMissingError,
    MassDeletionConfirmationRequired,
    MeetingFinalizedError,
    MissingGlyphsError,
    NotABackupError,
    NoticeAnswerError,
    PassphraseRequiredError,
    PassphrasesDifferError,
    RecordNotFoundError,
    RosterFileError,
    StatisticsUnbalancedError,
    SyncAuthError,
    SyncBundleError,
    SyncNotEnrolledError,
    SyncProtocolError,
    SyncServerUnreachableError,
    UnlockThrottledError,
    WeakPassphraseError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
    WrongSecretError,
)


def _with_retry(problem: str, seconds: float) -> str:
    """``problem`` followed by the wait before the next try, joined the way the language joins."""
    if seconds <= 0:
        return problem
    advice = QCoreApplication.translate(
        "Messages", "Please wait {seconds} seconds before trying again."
    ).format(seconds=math.ceil(seconds))
    return QCoreApplication.translate("Messages", "{problem} {advice}").format(
        problem=problem, advice=advice
    )


def damaged_database_text() -> str:
    """What to do about a damaged database file (the window, ``check`` and every command)."""
    return QCoreApplication.translate(
        "Messages",
        "The database file is damaged and cannot be read. Restore the latest backup (Settings › "
        "Restore from a backup, or the command restore); the damaged file is kept in the "
        "folder replaced of the data folder.",
    )


def message_for(error: BaseException) -> str:
    """A one-paragraph Chinese message for ``error``; never contains a stored value or a key."""
    match error:
        case WrongSecretError():
            return _with_retry(
                QCoreApplication.translate(
                    "Messages", "The passphrase or the recovery code is wrong."
                ),
                error.retry_after,
            )
        case WrongPassphraseError():
            return _with_retry(
                QCoreApplication.translate("Messages", "The passphrase is wrong."),
                error.retry_after,
            )
        case WrongRecoveryCodeError():
            return _with_retry(
                QCoreApplication.translate("Messages", "The recovery code is wrong."),
                error.retry_after,
            )
        case UnlockThrottledError():
            return _with_retry(
                QCoreApplication.translate("Messages", "Too many wrong attempts."),
                error.retry_after,
            )
        case WeakPassphraseError():
            return QCoreApplication.translate(
                "Messages", "The passphrase must be at least {n} characters long."
            ).format(n=error.minimum_length)
        case DatabaseNotFoundError():
            return QCoreApplication.translate(
                "Messages", "There is no BranchDesk database in {folder}. Set one up first."
            ).format(folder=error.data_dir)
        case DatabaseExistsError():
            return QCoreApplication.translate(
                "Messages",
                "A BranchDesk database already exists in {folder}; it was left unchanged.",
            ).format(folder=error.data_dir)
        case KeySlotsMissingError():
            return QCoreApplication.translate(
                "Messages",
                "The key file of the database is missing. Restore the data folder from a backup.",
            )
        case KeySlotsCorruptError():
            return QCoreApplication.translate(
                "Messages",
                "The key file of the database is damaged. Restore the data folder from a backup.",
            )
        case DatabaseLockedError():
            return QCoreApplication.translate(
                "Messages", "The database is locked. Unlock it first."
            )
        case DatabaseUnreadableError():
            return damaged_database_text()
        case DataFolderNotAFolderError():
            return QCoreApplication.translate(
                "Messages",
                "{folder} is a file, not a folder: it cannot be the data folder. Name a folder "
                "(--data-dir FOLDER).",
            ).format(folder=error.data_dir)
        case DatabaseBusyError():
            return QCoreApplication.translate(
                "Messages",
                "The data is busy: another program on this PC (or the synchronization) has been "
                "writing to it for too long. Nothing was changed; try again in a moment.",
            )
        case DatabaseNewerThanAppError():
            return QCoreApplication.translate(
                "Messages",
                "This database was used by a newer version of BranchDesk. "
                "Install the newer version to open it.",
            )
        case KeyringUnavailableError():
            return QCoreApplication.translate(
                "Messages",
                "This computer's credential store cannot be used. "
                "Enter the passphrase each time instead.",
            )
        case NotABackupError():
            return QCoreApplication.translate(
                "Messages", "{file} is not a BranchDesk backup file. Nothing was changed."
            ).format(file=error.path.name)
        case BackupCorruptError():
            return QCoreApplication.translate(
                "Messages", "The backup {file} is damaged or incomplete. Nothing was changed."
            ).format(file=error.path.name)
        case BackupFromOtherDatabaseError():
            return QCoreApplication.translate(
                "Messages",
                "The backup {file} belongs to another branch's database. Nothing was changed.",
            ).format(file=error.path.name)
        case FileAccessError():
            reasons = {
                "not_found": QCoreApplication.translate(
                    "Messages", "the file or folder does not exist."
                ),
                "permission_denied": QCoreApplication.translate("Messages", "permission denied."),
                "no_space": QCoreApplication.translate("Messages", "the disk is full."),
                "is_a_directory": QCoreApplication.translate(
                    "Messages", "it is a folder, not a file."
                ),
            }
            return QCoreApplication.translate(
                "Messages", "Cannot use the file {file}: {reason}"
            ).format(
                file=error.path,
                reason=reasons.get(
                    error.reason, QCoreApplication.translate("Messages", "read or write error.")
                ),
            )
        case RosterFileError() if error.reason == "no_header":
            return QCoreApplication.translate(
                "Messages",
                "{file} has no roster sheet: no row names the columns (姓名, 身份证号…). "
                "Nothing was imported.",
            ).format(file=error.path.name)
        case RosterFileError():
            return QCoreApplication.translate(
                "Messages", "{file} is not an Excel workbook (.xlsx). Nothing was imported."
            ).format(file=error.path.name)
        case CancelledError():
            return QCoreApplication.translate("Messages", "Cancelled. Nothing was changed.")
        case InvalidInputError():
            # Imported here: the member texts pull in the domain and services (SQLAlchemy),
            # which the lock screen (it shows these messages) must not wait for (issue 14).
            from ui.common.member_texts import describe_problem

            return QCoreApplication.translate(
                "Messages", "Some entries are not valid: {fields}"
            ).format(fields="; ".join(describe_problem(p.field, p.code) for p in error.problems))
        case PassphrasesDifferError():
            return QCoreApplication.translate(
                "Messages", "The two passphrases differ. Nothing was changed."
            )
        case PassphraseRequiredError():
            return QCoreApplication.translate("Messages", "Enter the passphrase first.")
        case MeetingFinalizedError():
            return QCoreApplication.translate(
                "Messages",
                "These minutes were finalized on {date} and can no longer be changed. "
                "Add a correction instead.",
            ).format(date=error.finalized_on.isoformat())
        case DisclosureSecretError() | DisclosureStepError():
            from ui.common.disclosure_texts import error_message

            return error_message(error)
        case AssessmentSettingsError() | AssessmentSubmittedError():
            from ui.common.assessment_texts import error_message as assessment_message

            return assessment_message(error)
        case RecordNotFoundError():
            return QCoreApplication.translate(
                "Messages", "The record no longer exists. Refresh the list and try again."
            )
        case StatisticsUnbalancedError():
            return QCoreApplication.translate(
                "Messages", "The balance check of {year} does not match (the count at the end "
                "is not the count at the start plus the increase minus the decrease), so "
                "nothing was submitted. Correct the records of the members listed under the "
                "balance check first, then make the tables again and submit."
            ).format(year=error.year)
        case SyncNotEnrolledError():
            return QCoreApplication.translate(
                "Messages",
                "This PC is not yet enrolled with the city platform. Enter the platform's address "
                "and the one-time code you received from it.",
            )
        case SyncServerUnreachableError():
            reasons = {
                "tls": QCoreApplication.translate(
                    "Messages",
                    "the platform's certificate could not be verified (ask the administrator "
                    "for the platform's CA certificate).",
                ),
                "server_error": QCoreApplication.translate(
                    "Messages", "the platform reported an internal error."
                ),
            }
            reason = reasons.get(
                error.reason,
                QCoreApplication.translate("Messages", "no network connection to it."),
            )
            return QCoreApplication.translate(
                "Messages",
                "Could not reach the city platform: {reason} Nothing was lost: the changes wait "
                "on this PC for the next synchronization.",
            ).format(reason=reason)
        case SyncAuthError():
            if error.reason == "invalid_enrollment_code":
                return QCoreApplication.translate(
                    "Messages",
                    "The one-time code was not accepted (mistyped, already used or expired).",
                )
            return QCoreApplication.translate(
                "Messages",
                "The city platform refused this PC. Ask the platform administrator to check its "
                "enrollment.",
            )
        case SyncProtocolError() if error.reason in ("attachment_too_large", "bad_attachment"):
            return _notice_attachment_message(error.reason)
        case NoticeAnswerError():
            return _notice_answer_message(error.reason)
        case SyncProtocolError():
            return QCoreApplication.translate(
                "Messages",
                "The city platform answered in a way this version does not understand ({reason}). "
                "Nothing was changed here; the platform administrator may need to update.",
            ).format(reason=error.reason)
        case SyncBundleError():
            return _bundle_message(error.reason)
        case MassDeletionConfirmationRequired():
            return QCoreApplication.translate(
                "Messages",
                "The platform's changes would remove {count} records from this PC, more than "
                "{share}% of them. Nothing was removed. Check with the platform administrator, "
                "then confirm if it is right.",
            ).format(count=error.count, share=round(error.share * 100))
        case MissingGlyphsError():
            return QCoreApplication.translate(
                "Messages",
                "The document was not created: its font cannot print these characters: "
                "{characters}. Write them in a common form (for example in pinyin) and add the "
                "exact characters by hand on the printed copy.",
            ).format(characters=" ".join(error.characters))
        case BranchDeskError():
            return QCoreApplication.translate("Messages", "The operation failed.")
    return QCoreApplication.translate(
        "Messages", "An unexpected error occurred. Details were written to the log file."
    )


def _notice_attachment_message(reason: str) -> str:
    if reason == "attachment_too_large":
        return QCoreApplication.translate(
            "Messages", "A platform notice came with an attachment larger than 10 MB, which "
            "this PC does not accept. No notice was stored; the changes were synchronized. Ask "
            "the platform administrator to send a smaller file.")
    return QCoreApplication.translate(
        "Messages", "A platform notice came with a damaged attachment (its size or checksum "
        "does not match). No notice was stored; the changes were synchronized. Synchronize "
        "again later or ask the platform administrator.")


def _notice_answer_message(reason: str) -> str:
    texts = {
        "answer_closed": QCoreApplication.translate(
            "Messages", "The due date has passed and the platform has the branch's answer: "
            "it can no longer be changed."),
        "empty_text": QCoreApplication.translate("Messages", "Write the reply first."),
        "text_too_long": QCoreApplication.translate(
            "Messages", "The reply is too long (at most 4,000 characters)."),
        "empty_file": QCoreApplication.translate(
            "Messages", "Choose a file to send first (an empty file cannot be sent)."),
        "file_too_large": QCoreApplication.translate(
            "Messages", "The file is larger than 10 MB. Send a smaller file (for example a "
            "PDF instead of scans)."),
    }
    return texts.get(reason, QCoreApplication.translate(
        "Messages", "This notice does not ask for this kind of answer."))


def _bundle_message(reason: str) -> str:
    """Why a bundle file was refused, and what to do; nothing was applied in any case."""
    texts = {
        "not_a_bundle": QCoreApplication.translate(
            "Messages", "This file is not a sync bundle. Check that you chose the right file."
        ),
        "truncated": QCoreApplication.translate(
            "Messages", "The bundle file is incomplete (the copy was interrupted or the medium "
            "removed too early). Nothing was applied; copy it again."
        ),
        "damaged": QCoreApplication.translate(
            "Messages", "The bundle file is damaged or was altered, or it is not meant for this "
            "recipient. Nothing was applied; ask for a new one."
        ),
        "newer_format": QCoreApplication.translate(
            "Messages", "The bundle was written by a newer version. Nothing was applied; update "
            "this program first."
        ),
        "wrong_kind": QCoreApplication.translate(
            "Messages", "This bundle goes the other way (a bundle written on this PC is for the "
            "platform). Nothing was applied."
        ),
        "unknown_device": QCoreApplication.translate(
            "Messages", "The platform does not know this PC's key. Nothing was applied; the "
            "platform administrator must register its key file first."
        ),
        "wrong_device": QCoreApplication.translate(
            "Messages", "This return bundle is for another PC or branch. Nothing was applied."
        ),
        "already_imported": QCoreApplication.translate(
            "Messages", "This bundle was already imported. Nothing more to do."
        ),
        "out_of_order": QCoreApplication.translate(
            "Messages", "This bundle is older than one already imported. Nothing was applied; "
            "use the newest bundle."
        ),
        "gap": QCoreApplication.translate(
            "Messages", "A bundle before this one is missing. Nothing was applied; export a new "
            "bundle on the PC and import that one."
        ),
        "no_platform_key": QCoreApplication.translate(
            "Messages", "The platform's key file has not been set on this PC. Ask the platform "
            "administrator for it."
        ),
        "no_device_key": QCoreApplication.translate(
            "Messages", "This PC has no bundle key yet: export a bundle first."
        ),
        "bad_key_file": QCoreApplication.translate(
            "Messages", "This file is not the platform's key file."
        ),
    }
    return texts.get(reason) or QCoreApplication.translate(
        "Messages", "The bundle file was refused ({reason}). Nothing was applied."
    ).format(reason=reason)
