"""Chinese words of transfers of membership (组织关系转接): field labels, problem codes, statuses
(merged into ``member_texts``'s tables, context ``MemberTexts``) and what a transfer in means for
the dues."""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication

from app.domain.calendar import Month
from app.domain.members import EventKind, MembershipStatus
from app.domain.transfers import DuesFinding, DuesStart
from ui.common.tr_noop import QT_TRANSLATE_NOOP

FIELD_LABELS: dict[str, str] = {
    "transfer_date": QT_TRANSLATE_NOOP("MemberTexts", "Date of the letter"),
    "valid_days": QT_TRANSLATE_NOOP("MemberTexts", "Valid for (days)"),
    "paid_until": QT_TRANSLATE_NOOP("MemberTexts", "Dues paid up to"),
    "transfer_receipt_on": QT_TRANSLATE_NOOP("MemberTexts", "Receipt returned on"),
    "transfer_in_on": QT_TRANSLATE_NOOP("MemberTexts", "Transferred in on"),
    "transfer_in_origin": QT_TRANSLATE_NOOP("MemberTexts", "Transferred from"),
    "transfer_in_letter_no": QT_TRANSLATE_NOOP("MemberTexts", "Letter received, no."),
    "flow_contact": QT_TRANSLATE_NOOP("MemberTexts", "Contact while away"),
    "flow_card_no": QT_TRANSLATE_NOOP("MemberTexts", "Flowing member card no."),
    # the member's columns as the 同步 page's conflicts name them
    "transfer_valid_days": QT_TRANSLATE_NOOP("MemberTexts", "Valid for (days)"),
    "transfer_paid_until": QT_TRANSLATE_NOOP("MemberTexts", "Dues paid up to"),
    "transfer_in_paid_until": QT_TRANSLATE_NOOP("MemberTexts", "Dues paid up to (letter in)"),
    "flow_since": QT_TRANSLATE_NOOP("MemberTexts", "Flowing since"),
}

ISSUE_TEXTS: dict[str, str] = {
    "transfer_pending": QT_TRANSLATE_NOOP(
        "MemberTexts",
        "a letter of introduction is out for this member: record its receipt or its return first",
    ),
    "not_a_member": QT_TRANSLATE_NOOP(
        "MemberTexts", "only probationary and full members have a membership to transfer"
    ),
    "differs_from_ledger": QT_TRANSLATE_NOOP(
        "MemberTexts", "differs from what this branch's dues ledger shows"
    ),
    "no_transfer_pending": QT_TRANSLATE_NOOP(
        "MemberTexts", "no letter of introduction of this member awaits its receipt"
    ),
    "before_letter": QT_TRANSLATE_NOOP("MemberTexts", "is before the date of the letter"),
    "already_on_roll": QT_TRANSLATE_NOOP("MemberTexts", "this member is already on the roll"),
    "no_transfer_letter": QT_TRANSLATE_NOOP(
        "MemberTexts", "the member has no letter of introduction to print"
    ),
    "not_a_month": QT_TRANSLATE_NOOP("MemberTexts", "is not a month such as 2025-05"),
}

ENUM_TEXTS: dict[enum.Enum, str] = {
    MembershipStatus.TRANSFER_PENDING: QT_TRANSLATE_NOOP(
        "MemberTexts", "Transferred out, awaiting receipt"
    ),
    EventKind.TRANSFER_OUT: QT_TRANSLATE_NOOP("MemberTexts", "Letter of introduction issued"),
    EventKind.TRANSFER_RECEIPT: QT_TRANSLATE_NOOP("MemberTexts", "Receipt of the letter returned"),
    EventKind.TRANSFER_CANCELLED: QT_TRANSLATE_NOOP(
        "MemberTexts", "Letter of introduction returned unused"
    ),
}


def dues_start_lines(start: DuesStart) -> list[str]:
    """What a transfer in means for the dues (组通字〔2006〕45号), one sentence a line."""
    lines = [QCoreApplication.translate("MemberTexts", "Dues are owed here from {month}.").format(
        month=str(start.owes_from))]
    for code, months in start.findings:
        span = _months_text(months)
        if code is DuesFinding.PAID_UP_MISSING:
            lines.append(QCoreApplication.translate(
                "MemberTexts",
                "The letter does not say up to which month dues are paid: they are owed here "
                "from the month of the transfer."))
        elif code is DuesFinding.BACK_DUES:
            lines.append(QCoreApplication.translate(
                "MemberTexts",
                "{months} not paid at the former branch: owed here (back payment is limited "
                "to 6 months, 第十二条).").format(months=span))
        elif code is DuesFinding.GAP:
            lines.append(QCoreApplication.translate(
                "MemberTexts",
                "{months} charged by no branch: check the letter or the setting of the month "
                "dues start.").format(months=span))
        else:
            lines.append(QCoreApplication.translate(
                "MemberTexts",
                "{months} paid at the former branch and charged again here.").format(
                months=span))
    return lines


def _months_text(months: tuple[Month, ...]) -> str:
    """``2025-04`` or ``2025-04 to 2025-05`` (``""`` for none)."""
    if len(months) <= 1:
        return "".join(str(m) for m in months)
    return QCoreApplication.translate("MemberTexts", "{first} to {last}").format(
        first=str(months[0]), last=str(months[-1]))
