"""The words of the 考核评价 view: what kind of record a drill-down line is, and how an
indicator stands."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.common.tr_noop import QT_TRANSLATE_NOOP

CONTEXT = "AssessmentView"

_ENTITIES = {
    "member": QT_TRANSLATE_NOOP("AssessmentView", "Member"),
    "meeting": QT_TRANSLATE_NOOP("AssessmentView", "Meeting"),
    "talk": QT_TRANSLATE_NOOP("AssessmentView", "Talk"),
    "rectification_item": QT_TRANSLATE_NOOP("AssessmentView", "Rectification item"),
    "opinion": QT_TRANSLATE_NOOP("AssessmentView", "Opinion"),
    "disclosure": QT_TRANSLATE_NOOP("AssessmentView", "Disclosure"),
    "": QT_TRANSLATE_NOOP("AssessmentView", "Not held"),
}
_STANDING = {
    True: QT_TRANSLATE_NOOP("AssessmentView", "Met"),
    False: QT_TRANSLATE_NOOP("AssessmentView", "Not met"),
    None: QT_TRANSLATE_NOOP("AssessmentView", "Nothing due"),
}


def entity_label(entity: str) -> str:
    return QCoreApplication.translate(CONTEXT, _ENTITIES.get(entity, _ENTITIES["member"]))


def standing_label(met: bool | None) -> str:
    return QCoreApplication.translate(CONTEXT, _STANDING[met])
