"""Platform notices as tasks, for the window and the command line (no Qt).

    open_tasks(workspace, today)                  # what 工作台 lists: notices still to answer
    notice_task(workspace, notice_id)             # one notice with its attachments and answer
    answer_notice(workspace, notice_id, kind, text=..., file=...)   # queued for the next sync
    save_attachment(workspace, notice_id, position, path)

A notice that asks for an answer (已阅, a text, a file) is open until the branch has answered it
and the platform has not refused the answer; one that asks for none is open until it is read.
The answer is written to the encrypted database at once, with its audit entry, and leaves by the
next sync (online or in the next upload bundle): a crash between answering and sending loses
nothing. Until the notice's due date a given answer may be changed (the platform keeps the
latest); after it, an answer the platform has confirmed stands (``answer_closed``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.errors import FileAccessError, NoticeAnswerError, RecordNotFoundError
from app.files import write_atomically
from app.services.workspace import Workspace
from app.storage.ids import utc_iso
from app.storage.models import SyncNoticeAnswerRow, SyncNoticeAttachmentRow, SyncNoticeRow
from sync.notice_limits import MAX_ANSWER_TEXT, MAX_ATTACHMENT_BYTES

CONFIRMED = ("recorded", "same", "replaced")
"""Receipts that mean the platform holds this answer."""


@dataclass(frozen=True)
class Attachment:
    position: int
    name: str
    size: int


@dataclass(frozen=True)
class Answer:
    kind: str
    text: str
    file_name: str
    answered_at: str
    state: str
    """"queued" (waits for the next sync), "sent" (the platform has it), "superseded" (the
    platform kept a later answer) or "refused" (``reason`` says why)."""
    reason: str = ""
    late: bool = False


@dataclass(frozen=True)
class NoticeTask:
    id: int
    title: str
    body: str
    published_at: str
    due_on: date | None
    response: str
    """"none", "read" (已阅), "text" or "file"."""
    read: bool
    attachments: tuple[Attachment, ...]
    answer: Answer | None

    @property
    def open(self) -> bool:
        """Still to be done: to answer (again, after a refusal), or to read."""
        if self.response == "none":
            return not self.read
        return self.answer is None or self.answer.state == "refused"

    def overdue(self, today: date) -> bool:
        return self.open and self.due_on is not None and today > self.due_on

    def can_change_answer(self, today: date) -> bool:
        """An answer may be given or changed: before the due date, or while none stands."""
        if self.response == "none":
            return False
        if self.answer is None or self.answer.state in ("queued", "refused"):
            return True
        return self.due_on is None or today <= self.due_on


def _answer(row: SyncNoticeAnswerRow | None) -> Answer | None:
    if row is None:
        return None
    if row.sent_at is None:
        state = "queued"
    elif row.outcome in CONFIRMED:
        state = "sent"
    else:
        state = row.outcome  # superseded, refused
    return Answer(row.kind, row.text, row.file_name, row.answered_at, state, row.reason,
                  row.late)


def _task(row: SyncNoticeRow, files: list[SyncNoticeAttachmentRow],
          answer: SyncNoticeAnswerRow | None) -> NoticeTask:
    return NoticeTask(
        row.id, row.title, row.body, row.published_at,
        date.fromisoformat(row.due_on) if row.due_on else None, row.response or "none",
        row.read_at is not None,
        tuple(Attachment(f.position, f.name, f.size) for f in files), _answer(answer),
    )


def _tasks(workspace: Workspace, notice_id: int | None = None) -> list[NoticeTask]:
    with workspace.unit_of_work(read_only=True) as uow:
        s = uow.session
        query = select(SyncNoticeRow)
        if notice_id is not None:
            query = query.where(SyncNoticeRow.id == notice_id)
        rows = list(s.scalars(query))
        attachments = select(SyncNoticeAttachmentRow).order_by(
            SyncNoticeAttachmentRow.notice_id, SyncNoticeAttachmentRow.position)
        answered = select(SyncNoticeAnswerRow)
        if notice_id is not None:  # one notice: its own files and answer, not every notice's
            attachments = attachments.where(SyncNoticeAttachmentRow.notice_id == notice_id)
            answered = answered.where(SyncNoticeAnswerRow.notice_id == notice_id)
        files: dict[int, list[SyncNoticeAttachmentRow]] = {}
        for f in s.scalars(attachments):
            files.setdefault(f.notice_id, []).append(f)
        answers = {a.notice_id: a for a in s.scalars(answered)}
        return [_task(r, files.get(r.id, []), answers.get(r.id)) for r in rows]


def open_tasks(workspace: Workspace, today: date) -> list[NoticeTask]:
    """Notices still to answer or read: overdue first, then by due date (none last), then
    the newest."""
    found = [t for t in _tasks(workspace) if t.open]
    found.sort(key=lambda t: -t.id)
    found.sort(key=lambda t: (not t.overdue(today), t.due_on or date.max))
    return found


def notice_task(workspace: Workspace, notice_id: int) -> NoticeTask:
    found = _tasks(workspace, notice_id)
    if not found:
        raise RecordNotFoundError("sync_notice", str(notice_id))
    return found[0]


def mark_read(workspace: Workspace, notice_id: int) -> None:
    with workspace.unit_of_work() as uow:
        row = uow.session.get(SyncNoticeRow, notice_id)
        if row is not None and row.read_at is None:
            row.read_at = utc_iso()
            uow.commit()


def answer_notice(
    workspace: Workspace, notice_id: int, kind: str, text: str = "",
    file: Path | None = None, today: date | None = None,
) -> NoticeTask:
    """Give (or change) the branch's answer; it waits in the database for the next sync.
    Raises RecordNotFoundError, NoticeAnswerError, FileAccessError."""
    task = notice_task(workspace, notice_id)
    if task.response == "none":
        raise NoticeAnswerError("no_answer_asked")
    if kind != task.response:
        raise NoticeAnswerError("wrong_kind")
    if not task.can_change_answer(today or date.today()):
        raise NoticeAnswerError("answer_closed")
    content: bytes | None = None
    file_name = ""
    text = text.strip() if kind == "text" else ""
    if kind == "text" and not text:
        raise NoticeAnswerError("empty_text")
    if kind == "text" and len(text) > MAX_ANSWER_TEXT:
        raise NoticeAnswerError("text_too_long")
    if kind == "file":
        if file is None:
            raise NoticeAnswerError("empty_file")
        content = _read(Path(file))
        file_name = Path(file).name[:200]
        if not content:
            raise NoticeAnswerError("empty_file")
    with workspace.unit_of_work() as uow:
        s = uow.session
        row = s.get(SyncNoticeAnswerRow, notice_id)
        if row is None:
            row = SyncNoticeAnswerRow(notice_id=notice_id)
            s.add(row)
        row.answer_id = str(uuid.uuid4())
        row.kind, row.text, row.file_name, row.file_content = kind, text, file_name, content
        row.answered_at = utc_iso()
        row.sent_at, row.outcome, row.reason, row.late = None, "", "", False
        notice = s.get(SyncNoticeRow, notice_id)
        if notice is not None and notice.read_at is None:
            notice.read_at = row.answered_at
        uow.audit("notice.answer", "sync_notice", str(notice_id),
                  {"kind": kind, "answer_id": row.answer_id})
        uow.commit()
    return notice_task(workspace, notice_id)


def _read(path: Path) -> bytes:
    try:
        if path.is_file() and path.stat().st_size > MAX_ATTACHMENT_BYTES:
            raise NoticeAnswerError("file_too_large")
        content = path.read_bytes()
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise NoticeAnswerError("file_too_large")
    return content


def save_attachment(workspace: Workspace, notice_id: int, position: int, path: Path) -> Path:
    """Write a copy of a notice's attachment where the user chose (recorded in the audit log).
    The attachment is read without the write lock and the file written before the short write
    that records it (a slow folder holds up no sync). Raises RecordNotFoundError,
    FileAccessError."""
    with workspace.unit_of_work(read_only=True) as uow:
        row = uow.session.get(SyncNoticeAttachmentRow, (notice_id, position))
        if row is None:
            raise RecordNotFoundError("sync_notice_attachment", f"{notice_id}/{position}")
        content = row.content
    try:
        write_atomically(Path(path), content)
    except OSError as error:
        raise FileAccessError.from_os_error(Path(path), error) from error
    with workspace.unit_of_work() as uow:
        uow.audit("notice.attachment_saved", "sync_notice", str(notice_id),
                  {"position": position})
        uow.commit()
    return Path(path)
