"""密级 of any record that syncs (DESIGN.md, "Security model").

Every synced record type has a classification (``app.domain.members.Classification``, 内部 by
default). A 秘密 record never leaves the PC, and neither does anything whose parent chain reaches
one (``sync.registry.secret_closure``): a member event of a 秘密 member is 秘密 whatever its own
classification says. A record made 秘密 after it was synced stays on the platform as it was; no
later change of it is sent (README, "Design notes").

Every change of a classification is in the audit log with both values (``classification.change``).
Dues events are append-only: their classification is the one they were recorded with.
"""

from __future__ import annotations

from typing import Any

from app.domain.members import Classification
from app.errors import RecordNotFoundError
from app.storage.models import (
    AmendmentRow,
    AppraisalRow,
    AttendanceRow,
    DuesBaseRow,
    DuesCategoryRow,
    DuesQuarterlyRow,
    DuesReliefRow,
    MeetingRow,
    MemberEventRow,
    MemberRow,
    PartyGroupRow,
    StudyEntryRow,
    StudyExemptionRow,
    VoteRow,
)
from app.storage.unit_of_work import UnitOfWork

CLASSIFIABLE: dict[str, Any] = {
    "party_group": PartyGroupRow,
    "member": MemberRow,
    "member_event": MemberEventRow,
    "meeting": MeetingRow,
    "meeting_attendance": AttendanceRow,
    "meeting_vote": VoteRow,
    "meeting_amendment": AmendmentRow,
    "dues_base": DuesBaseRow,
    "dues_relief": DuesReliefRow,
    "study_entry": StudyEntryRow,
    "study_exemption": StudyExemptionRow,
    "dues_category": DuesCategoryRow,
    "dues_quarterly": DuesQuarterlyRow,
    "appraisal": AppraisalRow,
}
"""The record types whose classification can change after they were recorded (by entity)."""


def classification_of(uow: UnitOfWork, entity: str, record_id: str) -> Classification:
    return Classification(_row(uow, entity, record_id).classification)


def set_classification(
    uow: UnitOfWork, entity: str, record_id: str, classification: Classification
) -> None:
    """Change a record's 密级 (audited with both values). Made 秘密, the change itself stays on
    the PC like the record: the platform keeps the record as it was before."""
    row = _row(uow, entity, record_id)
    before = row.classification
    if before == classification.value:
        return
    row.classification = classification.value
    uow.session.flush()
    audit_change(uow, entity, record_id, before, classification.value)
    uow.outbox(entity, record_id, {"classification": classification.value},
               base_version=row.server_version)


def audit_change(uow: UnitOfWork, entity: str, record_id: str, before: str, after: str) -> None:
    """The audit entry of a classification change (also written by the member and meeting
    forms' saves when their 密级 changed)."""
    if before != after:
        uow.audit("classification.change", entity, record_id, {"from": before, "to": after})


def _row(uow: UnitOfWork, entity: str, record_id: str) -> Any:
    model = CLASSIFIABLE.get(entity)
    row = uow.session.get(model, record_id) if model is not None else None
    if row is None:
        raise RecordNotFoundError(entity, record_id)
    return row
