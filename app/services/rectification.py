"""组织生活会 整改 (支部工作条例 第17条; DOMAIN.md, "组织生活会 and 民主评议党员"):
the 问题清单 of a 组织生活会 (a member's problems and the committee's), each problem with its
整改 — owner, measures, deadline, status, evidence — and the year's 整改台账 with the items
carried over.

Every write runs in the caller's unit of work with its audit entry and sync-outbox op; the caller
commits. Evidence files are kept inside the encrypted database and stay on the PC, like meeting
attachments.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.documents import rectification as doc
from app.documents.vocabulary import CLASSIFICATION_LABELS
from app.domain import rectification as rules
from app.domain.meetings import MeetingType
from app.domain.members import Classification
from app.domain.rectification import ItemState, ItemStatus
from app.errors import FieldProblem, FileAccessError, InvalidInputError, RecordNotFoundError
from app.files import write_atomically
from app.services import branch
from app.services.classification import audit_change
from app.services.talks import member_names
from app.storage.ids import utc_iso
from app.storage.models import (
    MeetingRow,
    MemberRow,
    RectificationEvidenceRow,
    RectificationItemRow,
)
from app.storage.unit_of_work import UnitOfWork

MAX_EVIDENCE_BYTES = 20 * 1024 * 1024  # as a meeting attachment


@dataclass(frozen=True)
class ItemInput:
    meeting_id: str  # the 组织生活会 that found the problem
    problem: str
    owner_id: str  # 责任人
    measures: str
    due_on: date
    member_id: str | None = None  # whose problem; None: the committee's (班子)
    status: ItemStatus = ItemStatus.OPEN
    done_on: date | None = None
    result: str = ""  # 整改情况
    classification: Classification = Classification.INTERNAL


@dataclass(frozen=True)
class Evidence:
    id: str
    file_name: str
    size: int


@dataclass(frozen=True)
class LedgerItem:
    """A line of the 整改台账."""

    id: str
    data: ItemInput
    meeting_date: date
    member_name: str  # whose problem ("" for the committee's)
    owner_name: str
    overdue: bool
    carried_over: bool  # found by an earlier year's 组织生活会
    evidence: int  # how many evidence files


@dataclass(frozen=True)
class LifeMeeting:
    id: str
    held_on: date
    topic: str


def _check(uow: UnitOfWork, data: ItemInput) -> None:
    problems = []
    meeting = uow.session.get(MeetingRow, data.meeting_id)
    if meeting is None or meeting.deleted_at is not None:
        problems.append(FieldProblem("meeting", "unknown_meeting"))
    elif meeting.type != MeetingType.ORGANIZATIONAL_LIFE.value:  # 第17条: its outputs
        problems.append(FieldProblem("meeting", "not_organizational_life"))
    for name, text in (("problem", data.problem), ("measures", data.measures)):
        if not text.strip():
            problems.append(FieldProblem(name, "required"))
    if uow.session.get(MemberRow, data.owner_id) is None:
        problems.append(FieldProblem("owner_id", "required"))
    if data.member_id is not None and uow.session.get(MemberRow, data.member_id) is None:
        problems.append(FieldProblem("member_id", "unknown_member"))
    if meeting is not None and data.due_on < meeting.held_on:
        problems.append(FieldProblem("due_on", "before_meeting"))
    if data.status is ItemStatus.DONE and data.done_on is None:
        problems.append(FieldProblem("done_on", "required"))
    if data.status is not ItemStatus.DONE and data.done_on is not None:
        problems.append(FieldProblem("done_on", "not_done"))
    if meeting is not None and data.done_on is not None and data.done_on < meeting.held_on:
        problems.append(FieldProblem("done_on", "before_meeting"))
    if problems:
        raise InvalidInputError(problems)


def _wire(data: ItemInput) -> dict[str, Any]:
    return {
        "meeting_id": data.meeting_id, "member_id": data.member_id,
        "problem": data.problem.strip(), "owner_id": data.owner_id,
        "measures": data.measures.strip(), "due_on": data.due_on.isoformat(),
        "status": data.status.value,
        "done_on": data.done_on.isoformat() if data.done_on else None,
        "result": data.result.strip(), "classification": data.classification.value,
    }


def create_item(uow: UnitOfWork, data: ItemInput) -> str:
    _check(uow, data)
    row = RectificationItemRow(id=uow.new_id())
    _apply(row, data)
    uow.session.add(row)
    uow.session.flush()
    uow.audit("rectification.create", "rectification_item", row.id,
              {"meeting": data.meeting_id})
    uow.outbox("rectification_item", row.id, _wire(data))
    return row.id


def update_item(uow: UnitOfWork, item_id: str, data: ItemInput) -> None:
    row = _item(uow, item_id)
    _check(uow, data)
    before = _wire(_input_of(row))
    _apply(row, data)
    patch = {k: v for k, v in _wire(data).items() if before.get(k) != v}
    if patch:
        uow.audit("rectification.update", "rectification_item", item_id,
                  {"fields": sorted(patch), "status": data.status.value})
        audit_change(uow, "rectification_item", item_id, before["classification"],
                     patch.get("classification", before["classification"]))
        uow.outbox("rectification_item", item_id, patch, base_version=row.server_version)


def delete_item(uow: UnitOfWork, item_id: str) -> None:
    """An item entered by mistake: tombstoned (nothing is hard-deleted)."""
    row = _item(uow, item_id)
    row.deleted_at = utc_iso()
    uow.session.flush()
    uow.audit("rectification.delete", "rectification_item", item_id)
    uow.outbox("rectification_item", item_id, {"deleted_at": row.deleted_at},
               base_version=row.server_version)


def add_evidence(uow: UnitOfWork, item_id: str, file_name: str, data: bytes) -> str:
    """Keep a scan or photo proving the 整改 inside the encrypted database (stays on the PC)."""
    _item(uow, item_id)
    if len(data) > MAX_EVIDENCE_BYTES:
        raise InvalidInputError([FieldProblem("attachment", "too_large")])
    row = RectificationEvidenceRow(
        id=uow.new_id(), item_id=item_id, file_name=file_name, size=len(data),
        sha256=hashlib.sha256(data).hexdigest(), data=data,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit("rectification.evidence", "rectification_item", item_id, {"file": file_name})
    return row.id


def add_evidence_file(uow: UnitOfWork, item_id: str, path: Path) -> str:
    """``add_evidence`` of a file's content, named by the file (raises FileAccessError)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error
    return add_evidence(uow, item_id, path.name, data)


def save_evidence_copy(uow: UnitOfWork, evidence_id: str, path: Path) -> None:
    """A copy of an evidence file where the user chose (recorded in the audit log; the caller
    commits). Raises FileAccessError."""
    row = uow.session.get(RectificationEvidenceRow, evidence_id)
    if row is None or row.deleted_at is not None:
        raise RecordNotFoundError("rectification_evidence", evidence_id)
    try:
        write_atomically(path, bytes(row.data))
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error
    uow.audit("rectification.evidence_copy", "rectification_item", row.item_id,
              {"path": str(path)})


def evidence_of(uow: UnitOfWork, item_id: str) -> list[Evidence]:
    return [Evidence(i, n, s) for i, n, s in uow.session.execute(
        select(RectificationEvidenceRow.id, RectificationEvidenceRow.file_name,
               RectificationEvidenceRow.size)
        .where(RectificationEvidenceRow.item_id == item_id)
        .where(RectificationEvidenceRow.deleted_at.is_(None))
        .order_by(RectificationEvidenceRow.created_at)
    ).tuples()]


def evidence_data(uow: UnitOfWork, evidence_id: str) -> bytes:
    row = uow.session.get(RectificationEvidenceRow, evidence_id)
    if row is None or row.deleted_at is not None:
        raise RecordNotFoundError("rectification_evidence", evidence_id)
    return bytes(row.data)


# ---------------------------------------------------------------- reads


def life_meetings(uow: UnitOfWork) -> list[LifeMeeting]:
    """The 组织生活会 meetings, newest first (the ones whose 问题清单 can be entered)."""
    rows = uow.session.execute(
        select(MeetingRow.id, MeetingRow.held_on, MeetingRow.topics)
        .where(MeetingRow.type == MeetingType.ORGANIZATIONAL_LIFE.value)
        .where(MeetingRow.deleted_at.is_(None))
        .order_by(MeetingRow.held_on.desc(), MeetingRow.id)
    ).tuples()
    return [LifeMeeting(i, d, (json.loads(t) or [""])[0]) for i, d, t in rows]


def get_item(uow: UnitOfWork, item_id: str) -> ItemInput:
    return _input_of(_item(uow, item_id))


def ledger(uow: UnitOfWork, year: int, today: date) -> list[LedgerItem]:
    """``year``'s 整改台账: the items of that year's 组织生活会, then those carried over from
    earlier years (open at the year's start, or done during it), by meeting date and deadline."""
    rows = uow.session.execute(
        select(RectificationItemRow, MeetingRow.held_on)
        .join(MeetingRow, MeetingRow.id == RectificationItemRow.meeting_id)
        .where(RectificationItemRow.deleted_at.is_(None))
        .where(MeetingRow.held_on <= date(year, 12, 31))
        .order_by(MeetingRow.held_on, RectificationItemRow.due_on,
                  RectificationItemRow.created_at)
    ).tuples()
    found = []
    for row, held_on in rows:
        state = _state(row, held_on)
        if rules.in_ledger(state, year):
            found.append((row, held_on, state))
    names = member_names(uow, [r.owner_id for r, _h, _s in found]
                   + [r.member_id for r, _h, _s in found if r.member_id])
    counts = _evidence_counts(uow, [r.id for r, _h, _s in found])
    items = [
        LedgerItem(
            id=row.id, data=_input_of(row), meeting_date=held_on,
            member_name=names.get(row.member_id, "") if row.member_id else "",
            owner_name=names.get(row.owner_id, ""),
            overdue=rules.is_overdue(state, today),
            carried_over=rules.carried_over(state, year),
            evidence=counts.get(row.id, 0),
        )
        for row, held_on, state in found
    ]
    return sorted(items, key=lambda i: i.carried_over, reverse=True)


def overdue(uow: UnitOfWork, today: date) -> list[LedgerItem]:
    """Items past their deadline and not done, whatever year found them (for the 工作台)."""
    return [i for i in ledger(uow, today.year, today) if i.overdue]


def ledger_document(uow: UnitOfWork, year: int, today: date) -> doc.Ledger:
    """``year``'s 整改台账 as the documents print it."""
    return doc.Ledger(
        branch=branch.load_profile(uow).name, year=year, as_of=today,
        lines=[doc.LedgerLine(
            meeting_date=i.meeting_date, whose=i.member_name, problem=i.data.problem,
            measures=i.data.measures, owner=i.owner_name, due_on=i.data.due_on,
            status=i.data.status.value, done_on=i.data.done_on, result=i.data.result,
            evidence=i.evidence, overdue=i.overdue, carried_over=i.carried_over,
            classification=CLASSIFICATION_LABELS[i.data.classification],
        ) for i in ledger(uow, year, today)],
    )


def write_ledger(uow: UnitOfWork, year: int, today: date, path: Path) -> int:
    """The 整改台账 at ``path``: a PDF for ``.pdf``, else a workbook (the export is in the audit
    log; the caller commits). Returns the number of items. Raises FileAccessError,
    MissingGlyphsError."""
    document = ledger_document(uow, year, today)
    try:
        doc.write_files(document, path)
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error
    uow.audit("rectification.export", "rectification_item", str(year),
              {"path": str(path), "items": len(document.lines)})
    return len(document.lines)


def ledger_pdf(uow: UnitOfWork, year: int, today: date) -> bytes:
    """The 整改台账 PDF in memory, for print preview (nothing in a temporary file)."""
    buffer = io.BytesIO()
    doc.write_pdf(ledger_document(uow, year, today), buffer)
    return buffer.getvalue()


def _state(row: RectificationItemRow, held_on: date) -> ItemState:
    return ItemState(held_on.year, row.due_on, ItemStatus(row.status), row.done_on)


def _evidence_counts(uow: UnitOfWork, item_ids: Sequence[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for start in range(0, len(item_ids), 500):
        counts.update((str(i), int(c)) for i, c in uow.session.execute(
            select(RectificationEvidenceRow.item_id, func.count())
            .where(RectificationEvidenceRow.item_id.in_(item_ids[start:start + 500]))
            .where(RectificationEvidenceRow.deleted_at.is_(None))
            .group_by(RectificationEvidenceRow.item_id)
        ).tuples())
    return counts


def _item(uow: UnitOfWork, item_id: str) -> RectificationItemRow:
    row = uow.session.get(RectificationItemRow, item_id)
    if row is None or row.deleted_at is not None:
        raise RecordNotFoundError("rectification_item", item_id)
    return row


def _apply(row: RectificationItemRow, data: ItemInput) -> None:
    row.meeting_id = data.meeting_id
    row.member_id = data.member_id
    row.problem = data.problem.strip()
    row.owner_id = data.owner_id
    row.measures = data.measures.strip()
    row.due_on = data.due_on
    row.status = data.status.value
    row.done_on = data.done_on
    row.result = data.result.strip()
    row.classification = data.classification.value


def _input_of(row: RectificationItemRow) -> ItemInput:
    return ItemInput(
        meeting_id=row.meeting_id, problem=row.problem, owner_id=row.owner_id,
        measures=row.measures, due_on=row.due_on, member_id=row.member_id,
        status=ItemStatus(row.status), done_on=row.done_on, result=row.result,
        classification=Classification(row.classification),
    )
