"""What the meeting editor writes in one unit of work: the details and the attendance rows that
changed; and the vote preview, asked of the services with them written and then rolled back."""

from __future__ import annotations

from collections.abc import Iterable

from app.errors import InvalidInputError
from app.services import meetings
from app.services.meetings import MeetingInput, VotePreview
from app.services.workspace import UnitOfWork, Workspace
from ui.meetings.attendance_model import AttendanceRow


class AttendanceRowError(Exception):
    """``set_attendance`` refused the row of ``member_id``."""

    def __init__(self, member_id: str, error: InvalidInputError) -> None:
        super().__init__(member_id)
        self.member_id = member_id
        self.error = error


def write_meeting(
    uow: UnitOfWork, meeting_id: str | None, data: MeetingInput | None,
    changed: Iterable[AttendanceRow], for_preview: bool = False,
) -> str:
    """Write the details (when ``data``) and the ``changed`` attendance rows into ``uow``; the
    caller commits or, for a preview, lets it roll back. Returns the meeting id."""
    if meeting_id is None:
        if data is None:
            raise ValueError("a new meeting needs its details")
        meeting_id = meetings.create_meeting(uow, data)
    elif data is not None:
        meetings.update_meeting(uow, meeting_id, data)
    for row in changed:
        # A preview only counts who is present: a reason not typed yet is checked on saving.
        reason = row.reason or ("-" if for_preview else "")
        try:
            meetings.set_attendance(
                uow, meeting_id, row.member_id, row.status, reason
            )
        except InvalidInputError as error:
            raise AttendanceRowError(row.member_id, error) from error
    return meeting_id


def preview_vote(
    workspace: Workspace, meeting_id: str | None, data: MeetingInput | None,
    changed: Iterable[AttendanceRow], finalized: bool,
) -> VotePreview:
    """Who may vote and who of them is present, with the unsaved details and marks: nothing is
    written. Raises InvalidInputError (a new meeting without ``data`` too), AttendanceRowError
    and BranchDeskError."""
    with workspace.unit_of_work() as uow:
        if meeting_id is None and data is None:
            raise InvalidInputError([])
        if not finalized:
            meeting_id = write_meeting(uow, meeting_id, data, changed, for_preview=True)
        return meetings.vote_preview(uow, meeting_id or "")
        # leaving the block rolls the unsaved marks back
