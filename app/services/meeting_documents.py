"""Stored meetings as printed documents: the minutes (会议记录) and the sign-in sheet (签到表).

``minutes_document`` / ``sign_in_sheet`` map a stored meeting onto the input of the PDF producers
(``app.documents.minutes``), worded in the documents' own Chinese vocabulary
(``app.documents.vocabulary``), never through Qt: the same words print from the window, the
command line and a background thread. ``write_minutes`` / ``write_sign_in_sheet`` write the PDF
where the user chose and record the export in the audit log (the caller commits);
``minutes_pdf`` / ``sign_in_sheet_pdf`` render to memory for print preview, so nothing personal
lands in a temporary file.

Every producer checks each character against the embedded font first: a name the font cannot
print raises ``MissingGlyphsError`` naming the characters, and nothing is written.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, time
from pathlib import Path

from sqlalchemy import select

from app.documents import minutes as doc
from app.documents.vocabulary import (
    ABSENCE_REASON,
    ABSENT,
    CLASSIFICATION_LABELS,
    MEETING_NAME,
    MEETING_TYPE_NAMES,
    ON_LEAVE,
    WRITTEN_OPINION,
)
from app.domain.meetings import MeetingType
from app.domain.name_order import sort_key
from app.errors import FieldProblem, InvalidInputError
from app.services import branch
from app.services.meetings import Attendance, AttendanceEntry, Meeting, get_meeting
from app.storage.models import AttendanceRow, MemberRow, PartyGroupRow
from app.storage.unit_of_work import UnitOfWork

# A resolution typed with its own number ("1.", "（二）", "三、") is printed under the form's
# numbering: the typed number is dropped so it does not print twice.
_TYPED_NUMBER = re.compile(
    r"^(?:[（(]\s*(?:\d+|[一二三四五六七八九十]+)\s*[）)]|(?:\d+|[一二三四五六七八九十]+)\s*[.、．)）])\s*"
)


def minutes_document(uow: UnitOfWork, meeting_id: str) -> doc.MinutesDocument:
    """The 会议记录 of a stored meeting, as it prints (amendments after the original).

    Raises ``RecordNotFoundError`` for an unknown id and ``InvalidInputError`` (field
    ``start_time``, ``required``) when the meeting has no start time: minutes state when the
    meeting was held."""
    meeting = get_meeting(uow, meeting_id)
    start, end = _times(meeting)
    data = meeting.data
    attendance = _printed_order(uow, meeting)
    absentees = tuple(
        doc.Absence(entry.name, _absence_reason(entry.status, entry.reason))
        for entry in attendance
        if entry.status is not Attendance.PRESENT
    )
    return doc.MinutesDocument(
        branch_name=branch.load_profile(uow).name,
        meeting_type=MEETING_TYPE_NAMES[data.type],
        title=meeting_name(meeting),
        topics=data.topics,
        start=start,
        end=end,
        place=data.place,
        host=data.host,
        recorder=data.recorder,
        expected_count=meeting.expected,
        present_count=meeting.present,
        attendees=tuple(e.name for e in attendance if e.status is Attendance.PRESENT),
        absentees=absentees,
        written_opinions=tuple(e.name for e in attendance if e.status is Attendance.WRITTEN),
        non_member_attendees=data.guests,
        discussion=data.discussion,
        votes=tuple(
            doc.VoteRecord(
                subject=vote.subject,
                entitled=vote.result.entitled,
                present=vote.result.present,
                in_favour=vote.result.in_favour,
                against=vote.result.against,
                abstain=vote.result.abstain,
                quorum_met=vote.result.quorum_met,
                passed=vote.result.passed,
                written=vote.result.written,
                decision=doc.DECISION_WORDS[vote.decision.value] if vote.decision else "",
                person=vote.member_name if vote.decision else "",
            )
            for vote in meeting.votes
        ),
        resolutions=resolutions_of(data.resolutions),
        lecturer=data.lecturer or None,
        party_group=meeting.party_group_name or None,
        amendments=tuple(doc.Amendment(a.on, a.author, a.text) for a in meeting.amendments),
        finalized_on=meeting.finalized_on,
        classification=CLASSIFICATION_LABELS[data.classification],
    )


def sign_in_sheet(uow: UnitOfWork, meeting_id: str) -> doc.SignInSheet:
    """The 签到表 of a stored meeting: everyone expected, with their party group; those already
    known to be on leave carry a note. Raises as ``minutes_document``."""
    meeting = get_meeting(uow, meeting_id)
    start, end = _times(meeting)
    groups = {
        member_id: group
        for member_id, group in uow.session.execute(
            select(AttendanceRow.member_id, PartyGroupRow.name)
            .join(MemberRow, AttendanceRow.member_id == MemberRow.id)
            .join(PartyGroupRow, MemberRow.party_group_id == PartyGroupRow.id)
            .where(AttendanceRow.meeting_id == meeting_id)
        ).tuples()
    }
    expected = tuple(
        doc.SignInEntry(
            name=entry.name,
            party_group=groups.get(entry.member_id),
            note=_ABSENCE_KINDS.get(entry.status, ""),
        )
        for entry in _printed_order(uow, meeting)
    )
    return doc.SignInSheet(
        branch_name=branch.load_profile(uow).name,
        meeting_name=meeting_name(meeting),
        start=start,
        end=end,
        place=meeting.data.place,
        expected=expected,
        non_member_attendees=meeting.data.guests,
        classification=CLASSIFICATION_LABELS[meeting.data.classification],
    )


def write_minutes(uow: UnitOfWork, meeting_id: str, path: Path) -> int:
    """Write the minutes PDF to ``path`` (the file the user chose); returns the page count and
    records the export in the audit log (the caller commits). Raises ``RecordNotFoundError``,
    ``InvalidInputError``, ``MissingGlyphsError`` (nothing written) or ``FileAccessError``."""
    path = Path(path)
    pages = doc.render_minutes(minutes_document(uow, meeting_id), path)
    uow.audit("meeting.export", "meeting", meeting_id, {
        "document": "minutes", "path": str(path), "pages": pages,
    })
    return pages


def write_sign_in_sheet(uow: UnitOfWork, meeting_id: str, path: Path) -> int:
    """Write the sign-in sheet PDF to ``path``; returns the page count and records the export in
    the audit log (the caller commits). Raises as ``write_minutes``."""
    path = Path(path)
    pages = doc.render_sign_in_sheet(sign_in_sheet(uow, meeting_id), path)
    uow.audit("meeting.export", "meeting", meeting_id, {
        "document": "sign_in_sheet", "path": str(path), "pages": pages,
    })
    return pages


def minutes_pdf(uow: UnitOfWork, meeting_id: str) -> bytes:
    """The minutes PDF in memory, for print preview (no file is written, nothing is audited)."""
    buffer = io.BytesIO()
    doc.render_minutes(minutes_document(uow, meeting_id), buffer)
    return buffer.getvalue()


def sign_in_sheet_pdf(uow: UnitOfWork, meeting_id: str) -> bytes:
    """The sign-in sheet PDF in memory, for print preview."""
    buffer = io.BytesIO()
    doc.render_sign_in_sheet(sign_in_sheet(uow, meeting_id), buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- wording


def meeting_name(meeting: Meeting) -> str:
    """会议名称: "2025年3月支部党员大会"; a meeting of type "other" goes by its first topic."""
    data = meeting.data
    if data.type is MeetingType.OTHER and data.topics:
        return data.topics[0]
    return MEETING_NAME.format(
        year=data.held_on.year, month=data.held_on.month, type=MEETING_TYPE_NAMES[data.type]
    )


def resolutions_of(text: str) -> tuple[str, ...]:
    """The resolutions as entered (one per line), without numbers typed by hand."""
    lines = (line.strip(" \t\u3000") for line in text.splitlines())
    return tuple(_TYPED_NUMBER.sub("", line, count=1) or line for line in lines if line)


def _printed_order(uow: UnitOfWork, meeting: Meeting) -> list[AttendanceEntry]:
    """The attendance in the order the branch prints name lists (pinyin or 姓氏笔画)."""
    key = sort_key(branch.load_name_order(uow))
    return sorted(meeting.attendance, key=lambda entry: key(entry.name))


_ABSENCE_KINDS = {Attendance.LEAVE: ON_LEAVE, Attendance.WRITTEN: WRITTEN_OPINION}


def _absence_reason(status: Attendance, reason: str) -> str:
    kind = _ABSENCE_KINDS.get(status, ABSENT)
    return ABSENCE_REASON.format(kind=kind, reason=reason) if reason else kind


def _times(meeting: Meeting) -> tuple[datetime, datetime | None]:
    data = meeting.data
    if not data.start_time:
        raise InvalidInputError([FieldProblem("start_time", "required")])
    start = datetime.combine(data.held_on, _clock(data.start_time))
    end = datetime.combine(data.held_on, _clock(data.end_time)) if data.end_time else None
    return start, end


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))

