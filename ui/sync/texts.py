"""What the 同步 page says: record and field names of conflicts, outcomes, errors, reports, and
how its boxes show a feedback line.

The texts keep the translation context ``SyncPage``: they are the page's words, shared by its boxes.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from app.domain.calendar import Month
from app.domain.money import from_fen
from ui.common.dues_texts import month_text, yuan_text
from ui.common.styles import ERROR_STYLE, NOTICE_STYLE

if TYPE_CHECKING:
    from sync.engine import SyncReport


def local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def entity_label(entity: str) -> str:
    labels = {
        "party_group": QCoreApplication.translate("SyncPage", "Party group"),
        "member": QCoreApplication.translate("SyncPage", "Member"),
        "member_event": QCoreApplication.translate("SyncPage", "Member history"),
        "meeting": QCoreApplication.translate("SyncPage", "Meeting"),
        "meeting_attendance": QCoreApplication.translate("SyncPage", "Attendance"),
        "meeting_vote": QCoreApplication.translate("SyncPage", "Vote"),
        "meeting_amendment": QCoreApplication.translate("SyncPage", "Minutes amendment"),
        "dues_base": QCoreApplication.translate("SyncPage", "Dues base"),
        "dues_relief": QCoreApplication.translate("SyncPage", "Dues relief"),
        "dues_category": QCoreApplication.translate("SyncPage", "Dues category change"),
        "dues_quarterly": QCoreApplication.translate("SyncPage", "Quarterly dues payment"),
        "dues_event": QCoreApplication.translate("SyncPage", "Dues payment"),
        "study_entry": QCoreApplication.translate("SyncPage", "Study entry"),
        "study_exemption": QCoreApplication.translate("SyncPage", "Study exemption"),
        "appraisal": QCoreApplication.translate("SyncPage", "Democratic appraisal"),
        "opinion": QCoreApplication.translate("SyncPage", "Opinion or suggestion"),
        "talk": QCoreApplication.translate("SyncPage", "Talk"),
        "talk_participant": QCoreApplication.translate("SyncPage", "Person in a talk"),
        "rectification_item": QCoreApplication.translate("SyncPage", "Rectification item"),
        "disclosure": QCoreApplication.translate("SyncPage", "Disclosure item"),
        "disclosure_feedback": QCoreApplication.translate("SyncPage", "Disclosure feedback"),
        "statistics_report": QCoreApplication.translate("SyncPage", "Annual statistics"),
    }
    return labels.get(entity, entity)


def dues_field_label(field: str) -> str:
    return {
        "base_fen": QCoreApplication.translate("SyncPage", "Monthly base"),
        "amount_fen": QCoreApplication.translate("SyncPage", "Amount"),
        "note": QCoreApplication.translate("SyncPage", "Reason"),
        "on_date": QCoreApplication.translate("SyncPage", "Date"),
    }.get(field, field)


def ledger_label(kind: str | None) -> str:
    return {
        "due": QCoreApplication.translate("SyncPage", "Amount owed"),
        "reversal": QCoreApplication.translate("SyncPage", "Reversal"),
    }.get(kind or "", entity_label("dues_event"))


def value_text(value: Any) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("SyncPage", "(empty)")
    if isinstance(value, bool):
        return (QCoreApplication.translate("SyncPage", "yes") if value
                else QCoreApplication.translate("SyncPage", "no"))
    return str(value)


def month_code_text(code: str | None) -> str:
    try:
        return month_text(Month.parse(code)) if code else ""
    except ValueError:
        return code or ""


def fen_text(fen: Any) -> str:
    return yuan_text(from_fen(fen)) if isinstance(fen, int) else value_text(fen)


def outcome_text(outcome: str) -> str:
    return {
        "ok": QCoreApplication.translate("SyncPage", "Succeeded"),
        "failed": QCoreApplication.translate("SyncPage", "Failed"),
        "cancelled": QCoreApplication.translate("SyncPage", "Cancelled"),
    }.get(outcome, outcome)


def error_text(error: str) -> str:
    return {
        "": "",
        "SyncServerUnreachableError": QCoreApplication.translate(
            "SyncPage", "platform unreachable"),
        "SyncAuthError": QCoreApplication.translate("SyncPage", "not authorized"),
        "SyncProtocolError": QCoreApplication.translate("SyncPage", "unexpected answer"),
        "SyncNotEnrolledError": QCoreApplication.translate("SyncPage", "not enrolled"),
        "MassDeletionConfirmationRequired": QCoreApplication.translate(
            "SyncPage", "deletions to confirm"),
    }.get(error, QCoreApplication.translate("SyncPage", "other error"))


def retry_text(number: int) -> str:
    return QCoreApplication.translate(
        "SyncPage", "The platform does not answer; retrying (attempt {number})…"
    ).format(number=number)


def is_unencrypted(url: str) -> bool:
    """An ``http://`` address off this PC: what is sent can be read on the network. (On the
    loopback address nothing leaves the PC.)"""
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    if parts.scheme.lower() != "http":
        return False
    host = (parts.hostname or "").lower()
    return not (host == "localhost" or host.startswith("127.") or host == "::1")


def report_text(report: SyncReport) -> str:
    if report.cancelled:
        return QCoreApplication.translate(
            "SyncPage", "Synchronization cancelled; the next one continues where it stopped.")
    text = QCoreApplication.translate(
        "SyncPage",
        "Synchronized: {pushed} changes sent, {pulled} received, {conflicts} conflicts, "
        "{rejected} refused by the platform.",
    ).format(pushed=report.pushed, pulled=report.pulled, conflicts=report.conflicts,
             rejected=report.rejected)
    if report.notices or report.answers:
        text += " " + QCoreApplication.translate(
            "SyncPage", "Platform notices: {notices} new; {answers} answers sent.",
        ).format(notices=report.notices, answers=report.answers)
    return text


def show_feedback(label: QLabel, text: str, ok: bool) -> None:
    """``text`` in ``label``, styled as a notice or (not ``ok``) as an error."""
    label.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
    label.setText(text)
