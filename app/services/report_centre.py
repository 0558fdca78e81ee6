"""The report centre's documents (issue 18): each report's preview — its PDF in memory (to look
at and print) with the charts shown beside it — and its files written where the user chose, made
by the services and document writers that already make them: nothing here decides what a report
holds.

- A report whose document is a PDF (minutes, sign-in sheet, study table, 整改台账, 民主评议 result
  table) is that PDF.
- A report whose document is a workbook (roster, dues ledger, talks, opinions register, 公开
  register) is written by its service as for an export, into memory
  (``app.documents.workbooks.captured``), and printed sheet by sheet (``app.documents.sheet_pdf``).
- The 年度图表 is the year's four charts (``app.services.figures``); the dues ledger and the study
  table carry their chart too. A chart printed in a report and shown beside it is counted once.

A preview only reads: it is made in a read-only unit of work (``workspace.unit_of_work(
read_only=True)``), so that a build of a second or more never holds the write lock a sync or the
secretary's next save waits for. The audit entry a workbook's service makes as it writes is kept
aside (``Recording``): a preview drops it, an export records it in a short write of its own after
the file is written (``write_xlsx``).

A file written for the user (``save_pdf``) is recorded in the audit log like every export; an xlsx
is written by the report's own service (``*_xlsx``), which records it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from app.documents import charts, sheet_pdf, workbooks
from app.documents.dues_reports import day_text
from app.domain.calendar import counted_to
from app.domain.figures import Figure
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
    study,
    study_reports,
    talks,
)
from app.storage.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from app.services.workspace import Workspace

PREVIEW_FILE = Path("preview.xlsx")  # the name a captured workbook's service is handed
AuditEntry = tuple[str, str, str, dict[str, Any]]


@dataclass(frozen=True)
class Preview:
    """A report as the report centre shows it: its PDF, and the charts shown beside it (the
    very figures the PDF prints, where it prints them)."""

    pdf: bytes
    figures: tuple[Figure, ...] = ()


class Recording(UnitOfWork):
    """A read-only unit of work handed to a service that writes a document as for an export:
    the audit entries the service makes are kept in ``entries`` instead of written (a write
    would fail there). A preview drops them; an export records them afterwards, in a short
    write of its own. Any other write still fails, loudly."""

    def __init__(self, reader: UnitOfWork) -> None:
        super().__init__(lambda: reader.session, reader.node, reader.actor, read_only=True)
        self._reader = reader
        self.entries: list[AuditEntry] = []

    @property
    def session(self) -> Session:
        return self._reader.session

    def audit(
        self, action: str, entity: str, entity_id: str, detail: dict[str, Any] | None = None
    ) -> None:
        self.entries.append((action, entity, entity_id, dict(detail or {})))

    def audit_many(self, entries: Sequence[AuditEntry]) -> None:
        self.entries.extend(entries)


def _sheets(uow: UnitOfWork, write: Callable[[UnitOfWork, Path], Any], title: str,
            extra: list[Any] | None = None) -> bytes:
    with workbooks.captured() as books:
        write(Recording(uow), PREVIEW_FILE)  # the export's audit entry is dropped
    buffer = io.BytesIO()
    sheet_pdf.write_pdf(books[-1], buffer, title, extra or [])
    return buffer.getvalue()


def _buffer(render: Callable[[io.BytesIO], Any]) -> bytes:
    buffer = io.BytesIO()
    render(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- previews (read-only)
def roster_preview(uow: UnitOfWork, _param: None, today: date) -> Preview:
    """The roll as the roster workbook prints (秘密 members included and the pages so marked: the
    caller asked the user before any of it leaves the PC), and its composition today."""
    name = branch.load_profile(uow).name
    data = _sheets(uow, lambda reader, path: roster.export_roster(
        reader, path, today, name, include_secret=True), roster.ROSTER_TITLE.format(branch=name))
    return Preview(data, (figures.composition(uow),))


def minutes_preview(uow: UnitOfWork, meeting_id: str, _today: date) -> Preview:
    return Preview(meeting_documents.minutes_pdf(uow, meeting_id))


def sign_in_preview(uow: UnitOfWork, meeting_id: str, _today: date) -> Preview:
    return Preview(meeting_documents.sign_in_sheet_pdf(uow, meeting_id))


def dues_preview(uow: UnitOfWork, year: int, today: date) -> Preview:
    """The annual ledger, arrears and remittances, with the dues of each month as a chart."""
    drawn = figures.dues_by_month(uow, year)
    data = _sheets(uow, lambda reader, path: dues_reports.export_year(reader, year, path, today),
                   f"{year}年党费收缴台账", charts.flowables([drawn]))
    return Preview(data, (drawn,))


def study_preview(uow: UnitOfWork, year: int, today: date) -> Preview:
    """The study table with how far the members are, the year counted once for both."""
    table = study.year_table(uow, year, counted_to(year, today))
    data = _buffer(lambda buffer: study_reports.export_pdf(uow, year, buffer, today, table))
    return Preview(data, (figures.study_figure(table),))


def talks_preview(uow: UnitOfWork, year: int, _today: date) -> Preview:
    return Preview(_sheets(uow, lambda reader, path: talks.write_report(reader, year, path),
                           f"{year}年谈心谈话记录"))


def rectification_preview(uow: UnitOfWork, year: int, today: date) -> Preview:
    return Preview(rectification.ledger_pdf(uow, year, today))


def appraisal_preview(uow: UnitOfWork, year: int, today: date) -> Preview:
    return Preview(appraisal.pdf_bytes(uow, year, today))


def opinions_preview(uow: UnitOfWork, year: int, today: date) -> Preview:
    return Preview(_sheets(uow, lambda reader, path: opinion_documents.export_year(
        reader, year, path, today), f"{year}年党员群众意见建议登记簿"))


def disclosures_preview(uow: UnitOfWork, year: int, _today: date) -> Preview:
    return Preview(_sheets(uow, lambda reader, path: disclosures.export_year(reader, year, path),
                           f"{year}年党务公开登记"))


def assessment_preview(uow: UnitOfWork, year: int, today: date) -> Preview:
    """党支部年度工作情况 (考核评价): the submitted report, or the draft with today's figures, and
    its charts."""
    data, drawn = assessment_report.preview(uow, year, today)  # the year counted once
    return Preview(data, drawn)


def statistics_preview(uow: UnitOfWork, year: int, today: date) -> Preview:
    """党内统计 as of 31 December of ``year`` (another day: the report's own tab)."""
    made = statistics.make_report(uow, year)
    return Preview(_buffer(lambda buffer: statistics_export.export_pdf(uow, made, buffer, today)))


def year_charts_preview(uow: UnitOfWork, year: int, today: date) -> Preview:
    """The 年度图表: the year's four charts (counts only: no member is named)."""
    as_of = counted_to(year, today)
    drawn = figures.all_figures(uow, year, today)
    data = _buffer(lambda buffer: charts.write_year_charts(
        buffer, branch.load_profile(uow).name, year, day_text(as_of), day_text(today), drawn))
    return Preview(data, drawn)


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


def write_xlsx(
    workspace: Workspace, write: Callable[[UnitOfWork, Any, Path, date], Any], param: object,
    path: Path, today: date,
) -> None:
    """Have a report's service ``write`` its workbook to ``path``, reading in a read-only unit
    of work (the build holds no write lock), then record the export in a short write. Raises
    FileAccessError (and nothing is recorded)."""
    with workspace.unit_of_work(read_only=True) as reader:
        recording = Recording(reader)
        write(recording, param, path, today)
    if not recording.entries:
        return
    with workspace.unit_of_work() as uow:
        uow.audit_many(recording.entries)
        uow.commit()


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
