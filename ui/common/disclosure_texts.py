"""Chinese words for 党务公开 in the window and on the command line: categories, scopes, steps,
feedback channels, and the messages of its errors (``ui.common.messages`` hands them here)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.errors import DisclosureSecretError, DisclosureStepError
from app.services.disclosures import Category, Scope, Status
from ui.common.tr_noop import QT_TRANSLATE_NOOP

CONTEXT = "DisclosureTexts"


_CATEGORIES = {
    Category.DEVELOPMENT: QT_TRANSLATE_NOOP("DisclosureTexts", "Admission notice"),
    Category.PROBATION: QT_TRANSLATE_NOOP("DisclosureTexts", "Full-membership notice"),
    Category.DUES: QT_TRANSLATE_NOOP("DisclosureTexts", "Dues collected and used"),
    Category.MEETINGS: QT_TRANSLATE_NOOP("DisclosureTexts", "Organizational life held"),
    Category.APPRAISAL: QT_TRANSLATE_NOOP("DisclosureTexts", "Democratic appraisal results"),
    Category.OTHER: QT_TRANSLATE_NOOP("DisclosureTexts", "Other"),
}
_SCOPES = {
    Scope.PARTY: QT_TRANSLATE_NOOP("DisclosureTexts", "Within the party"),
    Scope.PUBLIC: QT_TRANSLATE_NOOP("DisclosureTexts", "Outside the party / public"),
    Scope.SPECIFIC: QT_TRANSLATE_NOOP("DisclosureTexts", "A specific circle"),
}
_STATUSES = {
    Status.DRAFT: QT_TRANSLATE_NOOP("DisclosureTexts", "Drafted"),
    Status.REVIEWED: QT_TRANSLATE_NOOP("DisclosureTexts", "Reviewed"),
    Status.APPROVED: QT_TRANSLATE_NOOP("DisclosureTexts", "Approved"),
    Status.PUBLISHED: QT_TRANSLATE_NOOP("DisclosureTexts", "Published"),
    Status.WITHDRAWN: QT_TRANSLATE_NOOP("DisclosureTexts", "Withdrawn"),
}
_CHANNELS = {
    "platform": QT_TRANSLATE_NOOP("DisclosureTexts", "Platform"),
    "letter": QT_TRANSLATE_NOOP("DisclosureTexts", "In writing"),
    "in_person": QT_TRANSLATE_NOOP("DisclosureTexts", "In person"),
    "phone": QT_TRANSLATE_NOOP("DisclosureTexts", "By phone"),
}
_STEPS = {
    "edit": QT_TRANSLATE_NOOP("DisclosureTexts", "edited"),
    "review": QT_TRANSLATE_NOOP("DisclosureTexts", "reviewed"),
    "approve": QT_TRANSLATE_NOOP("DisclosureTexts", "approved"),
    "publish": QT_TRANSLATE_NOOP("DisclosureTexts", "published"),
    "withdraw": QT_TRANSLATE_NOOP("DisclosureTexts", "withdrawn"),
}
_RECORDS = {
    "member": QT_TRANSLATE_NOOP("DisclosureTexts", "the member {label}"),
    "meeting": QT_TRANSLATE_NOOP("DisclosureTexts", "the meeting of {label}"),
    "disclosure": QT_TRANSLATE_NOOP("DisclosureTexts", "this item itself ({label})"),
}

CHANNELS = tuple(_CHANNELS)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def category_label(category: Category) -> str:
    return _tr(_CATEGORIES[category])


def scope_label(scope: Scope) -> str:
    return _tr(_SCOPES[scope])


def status_label(status: Status) -> str:
    return _tr(_STATUSES[status])


def channel_label(channel: str) -> str:
    return _tr(_CHANNELS[channel]) if channel in _CHANNELS else channel


def error_message(error: DisclosureSecretError | DisclosureStepError) -> str:
    if isinstance(error, DisclosureSecretError):
        record = _tr(_RECORDS.get(error.entity, _RECORDS["disclosure"])).format(label=error.label)
        return QCoreApplication.translate(
            "DisclosureTexts",
            "This item names or derives from a classified (秘密) record: {record}. What is "
            "secret is never disclosed; remove it from the item or leave the item unpublished. "
            "Nothing was changed.",
        ).format(record=record)
    status = {s.value: s for s in Status}.get(error.status)
    return QCoreApplication.translate(
        "DisclosureTexts", "The item is {status} and cannot be {step} now. Nothing was changed."
    ).format(status=status_label(status) if status else error.status,
             step=_tr(_STEPS.get(error.step, error.step)))
