"""What a platform notice says about itself: its dates, the answer it asks for, where the
branch's answer stands, and why the platform refused one (translation context ``Notices``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from sync.notice_tasks import NoticeTask
from ui.sync.texts import local_time


def _tr(text: str) -> str:
    return QCoreApplication.translate("Notices", text)


def asked(response: str) -> str:
    """What the notice asks for."""
    return {
        "read": _tr("confirm that it was read"),
        "text": _tr("a written reply"),
        "file": _tr("a file"),
    }.get(response, _tr("no answer"))


def dates_line(task: NoticeTask, today: date) -> str:
    published = local_time(task.published_at)[:10]
    if task.due_on is None:
        return _tr("Published {published}; answer asked: {asked}.").format(
            published=published, asked=asked(task.response))
    if task.overdue(today):
        return _tr("Published {published}; OVERDUE: the answer ({asked}) was due by {due}.").format(
            published=published, asked=asked(task.response), due=task.due_on.isoformat())
    return _tr("Published {published}; answer ({asked}) due by {due}.").format(
        published=published, asked=asked(task.response), due=task.due_on.isoformat())


def refusal(reason: str) -> str:
    return {
        "answer_closed": _tr("the due date has passed and the platform keeps the answer "
                             "given before"),
        "wrong_kind": _tr("the platform now asks for another kind of answer"),
        "notice_not_found": _tr("the platform no longer has this notice for the branch"),
        "empty_text": _tr("the reply was empty"),
        "empty_file": _tr("the file was empty"),
        "file_too_large": _tr("the file is larger than 10 MB"),
    }.get(reason, _tr("the answer does not fit the notice ({reason})").format(reason=reason))


def answer_line(task: NoticeTask) -> str:
    answer = task.answer
    if answer is None:
        return _tr("Not answered yet.")
    when = local_time(answer.answered_at)
    if answer.state == "queued":
        return _tr("Answered {when}; it goes to the platform with the next synchronization.") \
            .format(when=when)
    if answer.state == "refused":
        return _tr("The platform refused the answer of {when}: {reason}. Answer again.").format(
            when=when, reason=refusal(answer.reason))
    if answer.state == "superseded":
        return _tr("The platform keeps a later answer given on another PC.")
    if answer.late:
        return _tr("Answered {when}; the platform has it (received after the due date).") \
            .format(when=when)
    return _tr("Answered {when}; the platform has it.").format(when=when)


def answer_button(task: NoticeTask) -> str:
    if task.response == "read":
        return _tr("Mark as read (已阅)")
    if task.answer is not None and task.answer.state != "refused":
        return _tr("Change the answer")
    return _tr("Send the answer")


def section_line(task: NoticeTask, today: date) -> str:
    """One notice on 工作台."""
    if task.due_on is None:
        return _tr("{title} — {asked}").format(title=task.title, asked=asked(task.response))
    if task.overdue(today):
        return _tr("OVERDUE: {title} — {asked}, was due by {due}").format(
            title=task.title, asked=asked(task.response), due=task.due_on.isoformat())
    return _tr("{title} — {asked}, due by {due}").format(
        title=task.title, asked=asked(task.response), due=task.due_on.isoformat())
