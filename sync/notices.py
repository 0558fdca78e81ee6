"""Platform notices on this PC, between the wire and the database (no Qt): notices stored with
their attachments, the branch's answers queued for the platform and its receipts applied. The
sync engine uses it online, ``sync.bundle_sync`` for bundle files; the same rules both ways.

A notice page is checked whole before anything is stored (an attachment over
``MAX_ATTACHMENT_BYTES``, or not matching its size and SHA-256, refuses the page:
``SyncProtocolError("attachment_too_large" | "bad_attachment")``), so a bad answer from the
platform leaves the database as it was. An answer stays queued in the database until the
platform's receipt for that very answer arrives: a sync cut off between answering and sending,
or a crash, loses nothing, and sending it again is harmless (the platform knows its id).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import SyncProtocolError
from app.storage.ids import utc_iso
from app.storage.models import (
    Setting,
    SyncNoticeAnswerRow,
    SyncNoticeAttachmentRow,
    SyncNoticeRow,
)
from sync.notice_limits import MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS
from sync.wire import (
    Notice,
    NoticeAnswer,
    NoticeAnswerReceipt,
)

SETTING_NOTICE_CURSOR = "sync.notice_cursor"

REFUSALS = frozenset({
    "notice_not_found", "answer_closed", "no_answer_asked", "wrong_kind", "empty_text",
    "empty_file", "unexpected_file", "bad_file", "file_too_large",
})
"""The platform's reasons for refusing an answer (the answer is then marked refused; any other
failure leaves it queued)."""


def _files(notice: Notice) -> list[SyncNoticeAttachmentRow]:
    if len(notice.attachments) > MAX_ATTACHMENTS:
        raise SyncProtocolError("bad_attachment")
    rows = []
    for position, attachment in enumerate(notice.attachments):
        if attachment.size > MAX_ATTACHMENT_BYTES:
            raise SyncProtocolError("attachment_too_large")
        try:
            content = base64.b64decode(attachment.content, validate=True)
        except (binascii.Error, ValueError) as error:
            raise SyncProtocolError("bad_attachment") from error
        if len(content) > MAX_ATTACHMENT_BYTES:
            raise SyncProtocolError("attachment_too_large")
        if (len(content) != attachment.size
                or hashlib.sha256(content).hexdigest() != attachment.sha256):
            raise SyncProtocolError("bad_attachment")
        rows.append(SyncNoticeAttachmentRow(
            notice_id=notice.id, position=position, name=attachment.name,
            size=attachment.size, sha256=attachment.sha256, content=content,
        ))
    return rows


def check_notices(notices: Iterable[Notice]) -> None:
    """Raise SyncProtocolError when a notice's attachments are unusable (see the module)."""
    for notice in notices:
        _files(notice)


def store_notices(session: Session, notices: Iterable[Notice]) -> int:
    """Add the notices not held yet, with their attachments, and move the notice cursor; the
    number added. Raises SyncProtocolError before adding anything when one is unusable."""
    checked = [(notice, _files(notice)) for notice in notices]
    added = 0
    cursor = notice_cursor(session)
    for notice, files in checked:
        cursor = max(cursor, notice.id)
        if session.get(SyncNoticeRow, notice.id) is not None:
            continue
        session.add(SyncNoticeRow(
            id=notice.id, title=notice.title, body=notice.body,
            published_at=notice.published_at, due_on=notice.due_on, response=notice.response,
        ))
        session.flush()
        session.add_all(files)
        added += 1
    if checked:
        session.merge(Setting(key=SETTING_NOTICE_CURSOR, value=str(cursor)))
    return added


def notice_cursor(session: Session) -> int:
    row = session.get(Setting, SETTING_NOTICE_CURSOR)
    return int(row.value or 0) if row is not None else 0


def queued_answers(session: Session) -> list[NoticeAnswer]:
    """The answers the platform has not confirmed (nor refused), oldest first."""
    rows = session.scalars(
        select(SyncNoticeAnswerRow).where(SyncNoticeAnswerRow.sent_at.is_(None))
        .order_by(SyncNoticeAnswerRow.answered_at)
    )
    return [
        NoticeAnswer(
            answer_id=row.answer_id, notice_id=row.notice_id, kind=row.kind,  # type: ignore[arg-type]
            text=row.text, file_name=row.file_name,
            file_content=base64.b64encode(row.file_content or b"").decode(),
            answered_at=row.answered_at,
        )
        for row in rows
    ]


def apply_receipt(session: Session, receipt: NoticeAnswerReceipt) -> bool:
    """Note the platform's receipt on the answer it names; False when that answer is no longer
    the one held (the secretary changed it meanwhile: the new one stays queued)."""
    row = session.get(SyncNoticeAnswerRow, receipt.notice_id)
    if row is None or row.answer_id != receipt.answer_id:
        return False
    row.sent_at = utc_iso()
    row.outcome = receipt.outcome
    row.reason = receipt.reason[:64]
    row.late = receipt.late
    return True


def refused(notice_id: int, answer_id: str, reason: str) -> NoticeAnswerReceipt:
    """A receipt for an answer the platform refused online (a 4xx with ``reason``)."""
    return NoticeAnswerReceipt(notice_id=notice_id, answer_id=answer_id, outcome="refused",
                               reason=reason)
