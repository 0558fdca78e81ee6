"""月度收缴's “Check amounts…”: the month's recorded amounts that the records no longer give (a
category, relief or transfer letter entered afterwards, ``app.services.dues_recheck``), and the
question whether to work them out again. The texts are translated in the ``MonthTab`` context.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.calendar import Month
from app.services import dues_recheck
from app.services.dues_recheck import StaleDue
from app.services.workspace import Workspace
from ui.common.branding import app_title
from ui.common.dues_texts import month_text, yuan_text
from ui.common.tasks import Operation, TaskContext

LISTED = 12  # names in the question; the rest are counted


def stale_operation(workspace: Workspace, month: Month) -> Operation:
    def work(_context: TaskContext) -> list[StaleDue]:
        with workspace.unit_of_work(read_only=True) as uow:
            return dues_recheck.stale_dues(uow, month)

    return work


def recalculate_operation(
    workspace: Workspace, month: Month, event_ids: Collection[str], on: date
) -> Operation:
    def work(_context: TaskContext) -> int:
        with workspace.unit_of_work() as uow:
            done = dues_recheck.recalculate(uow, month, event_ids, on)
            uow.commit()
        return done

    return work


def _line(item: StaleDue) -> str:
    if item.now is None:
        return QCoreApplication.translate(
            "MonthTab", "{name}: {recorded} yuan recorded, nothing owed now"
        ).format(name=item.name, recorded=yuan_text(item.recorded))
    return QCoreApplication.translate(
        "MonthTab", "{name}: {recorded} yuan recorded, {now} yuan now"
    ).format(name=item.name, recorded=yuan_text(item.recorded), now=yuan_text(item.now))


def question(parent: QWidget, month: Month, stale: list[StaleDue]) -> QMessageBox:
    """Whether to work the stale amounts out again (not yet opened; deletes itself when closed).
    Accepted: recalculate."""
    lines = [_line(item) for item in stale[:LISTED]]
    if len(stale) > LISTED:
        lines.append(QCoreApplication.translate("MonthTab", "and {count} more").format(
            count=len(stale) - LISTED))
    text = QCoreApplication.translate(
        "MonthTab",
        "For {count} members the amount recorded for {month} is not what their records give now "
        "(a category, hardship relief, base or transfer letter entered afterwards):\n\n{lines}\n\n"
        "Work these amounts out again? Each wrong amount is reversed with the reason, and the "
        "new amount recorded; payments already made stay and are set against it.",
    ).format(count=len(stale), month=month_text(month), lines="\n".join(lines))
    box = QMessageBox(QMessageBox.Icon.Question, app_title(), text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.addButton(QCoreApplication.translate("MonthTab", "Work them out again"),
                  QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(QCoreApplication.translate("MonthTab", "Leave them as they are"),
                         QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box
