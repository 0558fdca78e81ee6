"""What a platform notice says about itself: its dates, the answer it asks for, where the
branch's answer stands, and why the platform refused one (translation context ``Notices``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from sync.notice_tasks import NoticeTask
from ui.sync.texts import local_time


def asked(response: str) -> str:
    """What the notice asks for."""
    return {
        "read": QCoreApplication.translate("Notices", "confirm that it was read"),
        "text": QCoreApplication.translate("Notices", "a written reply"),
        "file": QCoreApplication.translate("Notices", "a file"),
    }.get(response, QCoreApplication.translate("Notices", "no answer"))


def dates_line(task: NoticeTask, today: date) -> str:
    values = {"published": local_time(task.published_at)[:10], "asked": asked(task.response),
              "due": task.due_on.isoformat() if task.due_on else ""}
    if task.due_on is None:
        text = QCoreApplication.translate(
            "Notices", "Published {published}; answer asked: {asked}.")
    elif task.overdue(today):
        text = QCoreApplication.translate(
            "Notices", "Published {published}; OVERDUE: the answer ({asked}) was due by {due}.")
    else:
        text = QCoreApplication.translate(
            "Notices", "Published {published}; answer ({asked}) due by {due}.")
    return text.format(**values)


def refusal(reason: str) -> str:
    texts = {
        "answer_closed": QCoreApplication.translate(
            "Notices", "the due date has passed and the platform keeps the answer given before"),
        "wrong_kind": QCoreApplication.translate(
            "Notices", "the platform now asks for another kind of answer"),
        "notice_not_found": QCoreApplication.translate(
            "Notices", "the platform no longer has this notice for the branch"),
        "empty_text": QCoreApplication.translate("Notices", "the reply was empty"),
        "empty_file": QCoreApplication.translate("Notices", "the file was empty"),
        "file_too_large": QCoreApplication.translate(
            "Notices", "the file is larger than 10 MB"),
    }
    if reason in texts:
        return texts[reason]
    return QCoreApplication.translate(
        "Notices", "the answer does not fit the notice ({reason})").format(reason=reason)


def answer_line(task: NoticeTask) -> str:
    answer = task.answer
    if answer is None:
        return QCoreApplication.translate("Notices", "Not answered yet.")
    if answer.state == "queued":
        text = QCoreApplication.translate(
            "Notices", "Answered {when}; it goes to the platform with the next synchronization.")
    elif answer.state == "refused":
        text = QCoreApplication.translate(
            "Notices", "The platform refused the answer of {when}: {reason}. Answer again.")
    elif answer.state == "superseded":
        text = QCoreApplication.translate(
            "Notices", "The platform keeps a later answer given on another PC.")
    elif answer.late:
        text = QCoreApplication.translate(
            "Notices", "Answered {when}; the platform has it (received after the due date).")
    else:
        text = QCoreApplication.translate("Notices", "Answered {when}; the platform has it.")
    return text.format(when=local_time(answer.answered_at), reason=refusal(answer.reason))


def answer_button(task: NoticeTask) -> str:
    if task.response == "read":
        return QCoreApplication.translate("Notices", "Mark as read")
    if task.answer is not None and task.answer.state != "refused":
        return QCoreApplication.translate("Notices", "Change the answer")
    return QCoreApplication.translate("Notices", "Send the answer")


def section_line(task: NoticeTask, today: date) -> str:
    """One notice on 工作台."""
    values = {"title": task.title, "asked": asked(task.response),
              "due": task.due_on.isoformat() if task.due_on else ""}
    if task.due_on is None:
        text = QCoreApplication.translate("Notices", "{title} — {asked}")
    elif task.overdue(today):
        text = QCoreApplication.translate("Notices", "OVERDUE: {title} — {asked}, was due by {due}")
    else:
        text = QCoreApplication.translate("Notices", "{title} — {asked}, due by {due}")
    return text.format(**values)
