"""The year's study table written as a workbook or a printable PDF (党员学习教育学时统计表)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from app.documents import charts
from app.documents import study_table as doc
from app.domain.calendar import counted_to
from app.errors import FileAccessError
from app.services import figures, study
from app.storage.models import BranchRow
from app.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class StudyExport:
    year: int
    summary: doc.Summary
    pages: int = 0  # the PDF's


as_of = counted_to
"""A past year's table is counted to its end; the current one to today."""


def lines(table: study.StudyTable) -> list[doc.StudyLine]:
    return [
        doc.StudyLine(line.name, line.party_group, line.committee, line.hours, line.total,
                      line.target, line.exempt, line.on_roll)
        for line in table.lines
    ]


def _heading(uow: UnitOfWork, year: int, today: date) -> doc.StudyHeading:
    branch = uow.session.scalar(select(BranchRow.name).limit(1)) or ""
    return doc.StudyHeading(branch, year, as_of(year, today), today)


def export_workbook(uow: UnitOfWork, year: int, path: Path, today: date) -> StudyExport:
    """Write the year's study table to ``path`` (xlsx). Raises FileAccessError."""
    table = study.year_table(uow, year, as_of(year, today))
    heading = _heading(uow, year, today)
    try:
        result = doc.write_workbook(Path(path), heading, lines(table))
    except OSError as error:
        raise FileAccessError.from_os_error(Path(path), error) from error
    uow.audit("study.export", "study", str(year), {"file": Path(path).name})
    return StudyExport(year, result)


def export_pdf(
    uow: UnitOfWork, year: int, target: Path | BinaryIO, today: date,
    table: study.StudyTable | None = None,
) -> StudyExport:
    """Write the year's study table as a PDF to a path or a stream (for printing); ``table``
    when the caller counted the year already (as of ``as_of(year, today)``)."""
    if table is None:
        table = study.year_table(uow, year, as_of(year, today))
    found = lines(table)
    drawn = charts.flowables([figures.study_figure(table)])  # how far the members are
    pages = doc.write_pdf(target, _heading(uow, year, today), found, drawn)
    if isinstance(target, Path):
        uow.audit("study.export", "study", str(year), {"file": target.name})
    return StudyExport(year, doc.summary(found), pages)
