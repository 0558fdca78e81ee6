"""The workbooks written from 党费 › 月度收缴: the month's collection sheet and the year's
ledger, each saved where the secretary chooses and written off the GUI thread.

They exist where this build has the reports (``app.services.dues_reports``); ``reports_module``
says whether it does (the buttons are hidden otherwise). The texts are the month tab's: they are
translated in the ``MonthTab`` context, where the buttons are.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from app.domain.calendar import Month
from app.services.workspace import UnitOfWork, Workspace
from ui.common.messages import message_for
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background
from ui.dues.tab_parts import optional_module

REPORTS_MODULE = "app.services.dues_reports"

Tell = Callable[[str, bool], None]  # a line for the secretary, and whether it is good news


def reports_module() -> ModuleType | None:
    return optional_module(REPORTS_MODULE)


def export_month_sheet(parent: QWidget, workspace: Workspace, month: Month, today: date,
                       tell: Tell) -> BackgroundTask | None:
    """Ask where, then write the month's collection sheet there."""
    reports = reports_module()
    if reports is None:
        return None
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("MonthTab", "Export the collection sheet"),
        QCoreApplication.translate("MonthTab", "Dues collection {month}.xlsx").format(
            month=str(month)),
        QCoreApplication.translate("MonthTab", "Excel workbooks (*.xlsx)"),
    )
    if not name:
        return None
    return _write(parent, workspace, Path(name),
                  lambda uow, path: reports.export_month_sheet(uow, month, path, today),
                  QCoreApplication.translate("MonthTab",
                                             "The collection sheet was saved to {file}."),
                  QCoreApplication.translate("MonthTab", "Writing the collection sheet…"), tell)


def export_year(parent: QWidget, workspace: Workspace, year: int, today: date, tell: Tell,
                choose: Callable[[str], str] | None = None) -> BackgroundTask | None:
    """Ask where (``choose``, given the suggested name, or a save dialog), then write the year's
    ledger workbook there."""
    reports = reports_module()
    if reports is None:
        return None
    suggested = QCoreApplication.translate("MonthTab", "Party dues ledger {year}.xlsx").format(
        year=year)
    if choose is None:
        name, _ = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("MonthTab", "Export the annual ledger"), suggested,
            QCoreApplication.translate("MonthTab", "Excel workbooks (*.xlsx)"),
        )
    else:
        name = choose(suggested)
    if not name:
        return None
    return _write(parent, workspace, Path(name),
                  lambda uow, path: reports.export_year(uow, year, path, today),
                  QCoreApplication.translate("MonthTab", "The annual ledger was saved to {file}."),
                  QCoreApplication.translate("MonthTab", "Writing the annual ledger…"), tell)


def _write(parent: QWidget, workspace: Workspace, path: Path,
           write: Callable[[UnitOfWork, Path], object], saved: str, title: str,
           tell: Tell) -> BackgroundTask:
    """Write the workbook off the GUI thread, then ``saved`` (its ``{file}`` filled in)."""

    def work(_context: TaskContext) -> Path:
        with workspace.unit_of_work() as uow:
            write(uow, path)
            uow.commit()
        return path

    return run_in_background(
        parent, work, on_failure=lambda error: tell(message_for(error), False),
        on_success=lambda p: tell(saved.format(file=p), True), title=title, cancellable=False,
    )
