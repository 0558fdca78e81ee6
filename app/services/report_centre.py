"""The report centre's documents (issue 18): each report's PDF in memory (to preview and print)
and its files written where the user chose, made by the services and document writers that
already make them — nothing here decides what a report holds.

- A report whose document is a PDF (minutes, sign-in sheet, study table, 整改台账, 民主评议 result
  table) is that PDF.
- A report whose document is a workbook (roster, dues ledger, talks, opinions register, 公开
  register) is written by its service as for an export, into memory
  (``app.documents.workbooks.captured``), and printed sheet by sheet (``app.documents.sheet_pdf``).
  The service's audit entry of that run is not committed: the caller's unit of work is left
  uncommitted (a preview writes nothing and records nothing).
- The 年度图表 is the year's four charts (``app.services.figures``); the dues ledger and the study
  table carry their chart too.

A file written for the user (``save_pdf``) is recorded in the audit log like every export; an xlsx
is written by the report's own service (``save_*_xlsx``), which records it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from app.documents import charts, sheet_pdf, workbooks
from app.documents.dues_reports import day_text
from app.domain.calendar import counted_to
from app.errors import FileAccessError
from app.files import write_atomically
from app.services import (
    appraisal,
    assessment_report,
    branch,
    disclosures,
    dues_reports,
    figures,
    meeting_documents,
    opinion_documents,
    rectification,
    roster,
    statistics,
    statistics_export,
    study_reports,
    talks,
)
from app.storage.unit_of_work import UnitOfWork

PREVIEW_FILE = Path("preview.xlsx")  # the name a captured workbook's service is handed


def _sheets(write: Callable[[Path], Any], title: str, extra: list[Any] | None = None) -> bytes:
    with workbooks.captured() as books:
        write(PREVIEW_FILE)
    buffer = io.BytesIO()
    sheet_pdf.write_pdf(books[-1], buffer, title, extra or [])
    return buffer.getvalue()


def _buffer(render: Callable[[io.BytesIO], Any]) -> bytes:
    buffer = io.BytesIO()
    render(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- PDFs in memory
def roster_pdf(uow: UnitOfWork, _param: None, today: date) -> bytes:
    """The roll as the roster workbook prints (秘密 members included and the pages so marked: the
    caller asked the user before any of it leaves the PC)."""
    name = branch.load_profile(uow).name
    return _sheets(lambda path: roster.export_roster(uow, path, today, name,
                                                     include_secret=True),
                   roster.ROSTER_TITLE.format(branch=name))


def minutes_pdf(uow: UnitOfWork, meeting_id: str, _today: date) -> bytes:
    return meeting_documents.minutes_pdf(uow, meeting_id)


def sign_in_pdf(uow: UnitOfWork, meeting_id: str, _today: date) -> bytes:
    return meeting_documents.sign_in_sheet_pdf(uow, meeting_id)


def dues_pdf(uow: UnitOfWork, year: int, today: date) -> bytes:
    """The annual ledger, arrears and remittances, with the dues of each month as a chart."""
    chart = charts.flowables([figures.dues_by_month(uow, year)])
    return _sheets(lambda path: dues_reports.export_year(uow, year, path, today),
                   f"{year}年党费收缴台账", chart)


def study_pdf(uow: UnitOfWork, year: int, today: date) -> bytes:
    return _buffer(lambda buffer: study_reports.export_pdf(uow, year, buffer, today))


def talks_pdf(uow: UnitOfWork, year: int, _today: date) -> bytes:
    return _sheets(lambda path: talks.write_report(uow, year, path), f"{year}年谈心谈话记录")


def rectification_pdf(uow: UnitOfWork, year: int, today: date) -> bytes:
    return rectification.ledger_pdf(uow, year, today)


def appraisal_pdf(uow: UnitOfWork, year: int, today: date) -> bytes:
    return appraisal.pdf_bytes(uow, year, today)


def opinions_pdf(uow: UnitOfWork, year: int, today: date) -> bytes:
    return _sheets(lambda path: opinion_documents.export_year(uow, year, path, today),
                   f"{year}年党员群众意见建议登记簿")


def disclosures_pdf(uow: UnitOfWork, year: int, _today: date) -> bytes:
    return _sheets(lambda path: disclosures.export_year(uow, year, path),
                   f"{year}年党务公开登记")


def assessment_pdf(uow: UnitOfWork, year: int, today: date) -> bytes:
    """党支部年度工作情况 (考核评价): the submitted report, or the draft with today's figures."""
    return assessment_report.pdf_bytes(uow, year, today)


def statistics_pdf(uow: UnitOfWork, year: int, today: date) -> bytes:
    """党内统计 as of 31 December of ``year`` (another day: the report's own tab)."""
    made = statistics.make_report(uow, year)
    return _buffer(lambda buffer: statistics_export.export_pdf(uow, made, buffer, today))


def year_charts_pdf(uow: UnitOfWork, year: int, today: date) -> bytes:
    """The 年度图表: the year's four charts (counts only: no member is named)."""
    as_of = counted_to(year, today)
    return _buffer(lambda buffer: charts.write_year_charts(
        buffer, branch.load_profile(uow).name, year, day_text(as_of), day_text(today),
        figures.all_figures(uow, year, today)))


# ---------------------------------------------------------------- files for the user
def save_pdf(uow: UnitOfWork, report: str, param: object, data: bytes, path: Path) -> None:
    """Write a report's PDF ``data`` (as previewed) to ``path`` and record the export (the caller
    commits). Raises FileAccessError."""
    path = Path(path)
    try:
        write_atomically(path, data)
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error
    uow.audit("report.export", "report", report,
              {"path": str(path), "format": "pdf", "of": "" if param is None else str(param)})


def record_print(uow: UnitOfWork, report: str, param: object) -> None:
    """Record that a report was printed (the caller commits)."""
    uow.audit("report.print", "report", report, {"of": "" if param is None else str(param)})


def roster_xlsx(uow: UnitOfWork, _param: None, path: Path, today: date) -> None:
    roster.export_roster(uow, path, today, branch.load_profile(uow).name, include_secret=True)


def dues_xlsx(uow: UnitOfWork, year: int, path: Path, today: date) -> None:
    dues_reports.export_year(uow, year, path, today)


def study_xlsx(uow: UnitOfWork, year: int, path: Path, today: date) -> None:
    study_reports.export_workbook(uow, year, path, today)


def talks_xlsx(uow: UnitOfWork, year: int, path: Path, _today: date) -> None:
    talks.write_report(uow, year, path)


def rectification_xlsx(uow: UnitOfWork, year: int, path: Path, today: date) -> None:
    rectification.write_ledger(uow, year, today, path)


def appraisal_xlsx(uow: UnitOfWork, year: int, path: Path, today: date) -> None:
    appraisal.export_xlsx(uow, year, path, today)


def opinions_xlsx(uow: UnitOfWork, year: int, path: Path, today: date) -> None:
    opinion_documents.export_year(uow, year, path, today)


def disclosures_xlsx(uow: UnitOfWork, year: int, path: Path, _today: date) -> None:
    disclosures.export_year(uow, year, path)


def statistics_xlsx(uow: UnitOfWork, year: int, path: Path, today: date) -> None:
    statistics_export.export_workbook(uow, statistics.make_report(uow, year), path, today)


def roster_secret(uow: UnitOfWork, _param: None) -> int:
    """秘密 members the roster would print (the user is asked first, as for its export)."""
    return roster.secret_member_count(uow)
