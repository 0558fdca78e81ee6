"""Notices as tasks (issue 18): a notice's due date, the answer it asks for (已阅, a text, a
file) and its attachments; the branches' answers, online and in bundles.

One answer per notice and branch. An answer is named by its ``answer_id`` (made on the PC):
the same answer again (a lost reply, a bundle imported twice, a PC and its restored backup) is
``same`` and changes nothing. A changed answer (a new id) *replaces* the earlier one up to and
on the notice's due date (Beijing time); after it, the answer given stands and a change is
refused (``answer_closed``, 409). Of two answers the later given (``answered_at`` on the PC)
stands: an older one arriving late (a bundle carried after an online sync) is ``superseded``.
A first answer after the due date is recorded and marked late.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import hashlib
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from server import db
from server.limits import ANSWER_LIMIT
from server.store import DeviceInfo, Store
from sync.notice_limits import MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS
from sync.wire import (
    ErrorBody,
    Notice,
    NoticeAnswer,
    NoticeAnswerReceipt,
)

_BEIJING = timezone(timedelta(hours=8))
RESPONSES = ("none", "read", "text", "file")
_DUE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class AnswerRefused(Exception):  # noqa: N818 - an outcome with a reason code
    def __init__(self, reason: str, status: int = 422) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


def beijing_today() -> date:
    return datetime.now(_BEIJING).date()


# ---------------------------------------------------------------- publishing
def check_notice(
    title: str, body: str, due_on: str | None, response: str, files: Sequence[Path],
) -> list[tuple[str, bytes]]:
    """The attachments read, after every value is checked; ValueError (Chinese, for the
    administrator) names the first problem."""
    if not title.strip() or len(title) > 200:
        raise ValueError("通知标题不能为空，且不超过 200 个字")
    if not body.strip():
        raise ValueError("通知正文不能为空")
    if due_on is not None:
        try:
            if not _DUE.match(due_on):
                raise ValueError(due_on)
            date.fromisoformat(due_on)
        except ValueError:
            raise ValueError(f"截止日期 {due_on} 无效，应写成 2026-12-31") from None
    if response not in RESPONSES:
        raise ValueError(f"回复方式 {response} 无效")
    if len(files) > MAX_ATTACHMENTS:
        raise ValueError(f"附件最多 {MAX_ATTACHMENTS} 个")
    attachments = []
    for path in files:
        if path.is_file() and path.stat().st_size > MAX_ATTACHMENT_BYTES:
            raise ValueError(f"附件 {path.name} 超过 {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB")
        content = path.read_bytes()  # OSError: the caller names the file
        if len(content) > MAX_ATTACHMENT_BYTES:
            raise ValueError(f"附件 {path.name} 超过 {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB")
        if not path.name or len(path.name) > 200:
            raise ValueError(f"附件文件名 {path.name} 过长")
        attachments.append((path.name, content))
    return attachments


# ---------------------------------------------------------------- answers
def _content_hash(answer: NoticeAnswer, content: bytes) -> str:
    return hashlib.sha256(json.dumps(
        [answer.kind, answer.text, answer.file_name, hashlib.sha256(content).hexdigest()]
    ).encode()).hexdigest()


def _checked_file(notice: Any, answer: NoticeAnswer) -> bytes:
    """The answer's file (empty for 已阅 and text) once the answer fits what the notice asks."""
    if (notice.response or "none") == "none":
        raise AnswerRefused("no_answer_asked")
    if answer.kind != notice.response:
        raise AnswerRefused("wrong_kind")
    if answer.kind != "file":
        if answer.file_name or answer.file_content:
            raise AnswerRefused("unexpected_file")
        if answer.kind == "text" and not answer.text.strip():
            raise AnswerRefused("empty_text")
        return b""
    if not answer.file_name or not answer.file_content:
        raise AnswerRefused("empty_file")
    try:
        content = base64.b64decode(answer.file_content, validate=True)
    except (binascii.Error, ValueError):
        raise AnswerRefused("bad_file") from None
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise AnswerRefused("file_too_large", 413)
    if not content:
        raise AnswerRefused("empty_file")
    return content


def record_answer(
    store: Store, device: DeviceInfo, answer: NoticeAnswer, today: date | None = None,
) -> NoticeAnswerReceipt:
    """Record ``answer`` for the device's branch (see the module's rules). AnswerRefused."""
    today = today or beijing_today()
    n = db.notice.c
    with store.engine.connect() as connection:
        notice = connection.execute(select(db.notice).where(
            n.id == answer.notice_id,
            (n.branch_id == device.branch_id) | n.branch_id.is_(None),
        )).first()
    if notice is None:
        raise AnswerRefused("notice_not_found", 404)
    content = _checked_file(notice, answer)
    late = bool(notice.due_on) and today.isoformat() > str(notice.due_on)
    a = db.notice_answer.c
    received_at = db.now_iso()
    values: dict[str, Any] = {
        "answer_id": str(answer.answer_id), "kind": answer.kind, "text": answer.text,
        "file_name": answer.file_name, "file_content": content or None,
        "content_hash": _content_hash(answer, content), "answered_at": answer.answered_at,
        "received_at": received_at, "device_id": device.id, "late": late,
    }
    try:
        with store._writing() as connection:
            stored = connection.execute(select(
                a.answer_id, a.answered_at, a.received_at, a.late, a.content_hash,
            ).where(a.notice_id == answer.notice_id, a.branch_id == device.branch_id)).first()
            if stored is None:
                connection.execute(db.notice_answer.insert().values(
                    notice_id=answer.notice_id, branch_id=device.branch_id, **values))
                return _receipt(answer, "recorded", received_at, late)
            if stored.answer_id == str(answer.answer_id) \
                    or stored.content_hash == values["content_hash"]:
                # The same answer, or the same words given on another PC of the branch (both
                # PCs marked it 已阅 before they synced): nothing to refuse, even after the due
                # date, and the PC that sent it sees the notice answered.
                return _receipt(answer, "same", stored.received_at, stored.late)
            if stored.answered_at > answer.answered_at:
                return _receipt(answer, "superseded", stored.received_at, stored.late)
            if late:
                raise AnswerRefused("answer_closed", 409)
            connection.execute(update(db.notice_answer).where(
                a.notice_id == answer.notice_id, a.branch_id == device.branch_id,
            ).values(**values))
            return _receipt(answer, "replaced", received_at, late)
    except IntegrityError:  # the same branch's first answer, concurrently: decide again
        return record_answer(store, device, answer, today)


def _receipt(answer: NoticeAnswer, outcome: Any, received_at: str,
             late: bool) -> NoticeAnswerReceipt:
    return NoticeAnswerReceipt(notice_id=answer.notice_id, answer_id=str(answer.answer_id),
                               outcome=outcome, received_at=received_at, late=bool(late))


def bundle_receipts(
    store: Store, device: DeviceInfo, answers: Sequence[NoticeAnswer],
) -> list[NoticeAnswerReceipt]:
    """The answers of an upload bundle recorded; a refused one is a receipt with its reason."""
    receipts = []
    for answer in answers:
        try:
            receipts.append(record_answer(store, device, answer))
        except AnswerRefused as refused:
            receipts.append(NoticeAnswerReceipt(
                notice_id=answer.notice_id, answer_id=str(answer.answer_id),
                outcome="refused", reason=refused.reason))
    return receipts


def notices_since(store: Store, branch_id: str, since: int) -> list[Notice]:
    """Every notice of the branch after ``since`` (a return bundle carries them all)."""
    found: list[Notice] = []
    while True:
        page = store.notices(branch_id, since)
        found += page.notices
        if not page.has_more or not page.notices:
            return found
        since = page.notices[-1].id


@dataclass(frozen=True)
class StoredAnswer:
    branch_code: str
    branch_name: str
    kind: str
    text: str
    file_name: str
    file_content: bytes | None
    answered_at: str
    received_at: str
    late: bool


def answers(store: Store, notice_id: int) -> list[StoredAnswer]:
    a, b = db.notice_answer.c, db.branch.c
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(b.code, b.name, a.kind, a.text, a.file_name, a.file_content,
                   a.answered_at, a.received_at, a.late)
            .join(db.branch, b.id == a.branch_id)
            .where(a.notice_id == notice_id).order_by(b.code)
        )
        return [StoredAnswer(*row) for row in rows]


# ---------------------------------------------------------------- the endpoint
_ANSWER_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in (
        (400, "the body is not JSON"),
        (401, "no or unknown device token"),
        (403, "the device belongs to another branch"),
        (404, "notice_not_found: no such notice for this branch"),
        (409, "answer_closed: the notice's due date has passed and the branch has answered "
              "already; the answer given stands"),
        (413, f"the body is over {ANSWER_LIMIT} bytes (too_large), or the file over "
              f"{MAX_ATTACHMENT_BYTES} bytes (file_too_large)"),
        (422, "invalid_request, or the answer does not fit the notice: no_answer_asked, "
              "wrong_kind, empty_text, empty_file, unexpected_file, bad_file"),
    )
}


def add_routes(app: FastAPI, store: Store) -> None:
    """The branch's answers (authenticated by ``server.api.DeviceAuth``, which puts the device
    in the request's state before the request reaches here)."""

    @app.post(
        "/v1/branches/{branch_id}/notice-answers",
        response_model=NoticeAnswerReceipt, responses=_ANSWER_ERRORS,
        summary="The branch's answer to a notice (已阅, a text or a file); the same answer "
        "(answer_id) again changes nothing",
        openapi_extra={"x-max-body-bytes": ANSWER_LIMIT},
    )
    def answer_notice(
        branch_id: Annotated[str, PathParam(min_length=1, max_length=36)],
        body: NoticeAnswer,
        request: Request,
    ) -> Any:
        device = getattr(request.state, "device", None)
        if not isinstance(device, DeviceInfo):
            return JSONResponse({"reason": "unauthorized"}, status_code=401)
        try:
            return record_answer(store, device, body)
        except AnswerRefused as refused:
            return JSONResponse({"reason": refused.reason}, status_code=refused.status)


# ---------------------------------------------------------------- admin commands
def add_notice_options(notice: argparse.ArgumentParser) -> None:
    notice.add_argument("--due", metavar="日期",
                        help="the day the branches answer by (e.g. 2026-12-31)")
    notice.add_argument("--response", choices=RESPONSES, default="none", metavar="回复方式",
                        help="what the branches answer: none, read (已阅), text or file")
    notice.add_argument("--attach", type=Path, action="append", default=[], metavar="文件",
                        help=f"attach a file (repeatable; each at most "
                        f"{MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB)")


def add_admin_commands(admin: Any) -> None:
    listing = admin.add_parser("answers", help="the branches' answers to a notice")
    listing.add_argument("notice_id", type=int, metavar="通知编号",
                         help="the number 'admin notice' printed")
    listing.add_argument("--save", type=Path, metavar="文件夹",
                         help="save the answered files in this folder")


KIND_WORDS = {"read": "已阅", "text": "文字回复", "file": "文件"}


def run_admin(args: argparse.Namespace, store: Store) -> int | None:
    """``admin notice`` and ``admin answers``; None when ``args`` names another command."""
    if args.action == "notice":
        target = None if args.all else store.find_branch(args.branch)
        files = check_notice(args.title, args.body, args.due, args.response, args.attach)
        number = store.publish_notice(target, args.title, args.body, args.due, args.response,
                                      files)
        print(f"已发布通知（第 {number} 号）。")
        return 0
    if args.action != "answers":
        return None
    found = answers(store, args.notice_id)
    if not found:
        print(f"第 {args.notice_id} 号通知还没有支部回复。")
        return 0
    for answer in found:
        what = {"read": "已阅", "text": f"回复：{answer.text}",
                "file": f"文件：{answer.file_name}"}.get(answer.kind, answer.kind)
        late = "（逾期）" if answer.late else ""
        print(f"{answer.branch_code} {answer.branch_name}  {answer.answered_at[:10]}{late}  "
              f"{what}")
        if args.save is not None and answer.file_content is not None:
            args.save.mkdir(parents=True, exist_ok=True)
            target = args.save / f"{answer.branch_code}-{Path(answer.file_name).name}"
            target.write_bytes(answer.file_content)
    if args.save is not None:
        print(f"回复的文件已保存到 {args.save}。", file=sys.stderr)
    return 0
