"""The words of the 整改 book: statuses, and its fields and problems in the shared vocabulary of
error messages (``member_texts.describe_problem``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.rectification import ItemStatus
from ui.common import member_texts
from ui.common.tr_noop import QT_TRANSLATE_NOOP

CONTEXT = "RectificationTexts"

_STATUSES = {
    ItemStatus.OPEN: QT_TRANSLATE_NOOP("RectificationTexts", "Not started"),
    ItemStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("RectificationTexts", "In progress"),
    ItemStatus.DONE: QT_TRANSLATE_NOOP("RectificationTexts", "Done"),
}

member_texts.FIELD_LABELS.update({
    "problem": QT_TRANSLATE_NOOP("MemberTexts", "Problem"),
    "measures": QT_TRANSLATE_NOOP("MemberTexts", "Measures"),
    "owner_id": QT_TRANSLATE_NOOP("MemberTexts", "Responsible"),
    "due_on": QT_TRANSLATE_NOOP("MemberTexts", "Deadline"),
    "done_on": QT_TRANSLATE_NOOP("MemberTexts", "Done on"),
    "member_id": QT_TRANSLATE_NOOP("MemberTexts", "Whose problem"),
})
member_texts.ISSUE_TEXTS.update({
    "not_organizational_life": QT_TRANSLATE_NOOP(
        "MemberTexts", "is not an organizational life meeting"),
    "unknown_meeting": QT_TRANSLATE_NOOP("MemberTexts", "choose an organizational life meeting"),
    "not_done": QT_TRANSLATE_NOOP("MemberTexts", "only a done item has a completion date"),
    "unknown_member": QT_TRANSLATE_NOOP("MemberTexts", "a member is no longer on the list"),
})


def status_label(status: ItemStatus) -> str:
    return QCoreApplication.translate(CONTEXT, _STATUSES[status])
