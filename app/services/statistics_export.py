"""The annual statistics written out (xlsx, PDF) and submitted to the platform (counts only).

Submitting stores the year's tables as a ``statistics_report`` record (one per year: a second
submission replaces the first) and queues it for sync. It holds the tables' counts and nothing
else: no name, no id, no list — the gaps and the balance errors, which name members, stay on
the PC. So the record may leave the PC even when some of the members counted are 秘密. A year
whose balance check fails is not submitted at all.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import select

from app.documents import statistics as doc
from app.errors import FileAccessError, StatisticsUnbalancedError
from app.services.statistics import Report
from app.services.statistics_checks import GAP_FIELDS
from app.storage.ids import natural_id, utc_iso
from app.storage.models import StatisticsReportRow
from app.storage.unit_of_work import UnitOfWork

CATEGORY_WORDS = {"full": "正式党员", "probationary": "预备党员", "total": "合计"}
ERROR_WORDS = {
    "left_without_date": "{name}：记录为已离开本支部，但没有离开日期",
    "date_without_leaving": "{name}：有离开日期，但记录仍在册",
    "full_before_admission": "{name}：转正时间早于入党时间",
    "no_reduction": "{name}：年初在册、年末不在册，但本年没有减少记录",
    "no_increase": "{name}：年末在册、年初不在册，但本年没有增加记录",
}
"""The balance errors as the 校验 sheet words them (documents' words, always Chinese)."""
FIELD_WORDS = dict(GAP_FIELDS)


def sheets(report: Report) -> list[doc.Sheet]:
    return [doc.Sheet(t.title, t.columns, tuple((r.label, r.cells) for r in t.rows))
            for t in report.tables]


def checks(report: Report) -> doc.Checks:
    return doc.Checks(
        balances=tuple(doc.BalanceLine(CATEGORY_WORDS[b.category], b.start, b.added, b.removed,
                                       b.end) for b in report.balances),
        errors=tuple(ERROR_WORDS[e.code].format(name=e.name) for e in report.errors),
        gaps=tuple((g.name, FIELD_WORDS[g.field]) for g in report.gaps),
    )


def heading(report: Report, today: date) -> doc.Heading:
    return doc.Heading(report.branch_name, report.year, report.first, report.as_of, today)


def export_workbook(uow: UnitOfWork, report: Report, path: Path, today: date) -> None:
    """Write ``report`` to ``path`` (xlsx). Raises FileAccessError."""
    try:
        doc.write_workbook(Path(path), heading(report, today), sheets(report), checks(report))
    except OSError as error:
        raise FileAccessError.from_os_error(Path(path), error) from error
    uow.audit("statistics.export", "statistics", str(report.year), {"file": Path(path).name})


def export_pdf(uow: UnitOfWork, report: Report, target: Path | BinaryIO, today: date) -> int:
    """Write ``report`` as a PDF to a path or a stream; returns the page count."""
    try:
        pages = doc.write_pdf(target, heading(report, today), sheets(report), checks(report))
    except OSError as error:
        if not isinstance(target, Path):
            raise
        raise FileAccessError.from_os_error(target, error) from error
    if isinstance(target, Path):
        uow.audit("statistics.export", "statistics", str(report.year), {"file": target.name})
    return pages


def payload(report: Report) -> dict[str, Any]:
    """What the platform receives: the tables' counts by table, row and column. Nothing else."""
    return {table.key: table.as_counts() for table in report.tables}


def submit(uow: UnitOfWork, report: Report) -> str:
    """Store the year's tables for the platform (replacing an earlier submission of the year)
    and queue them for sync; the caller commits. Returns the record's id.

    Raises ``StatisticsUnbalancedError`` (nothing stored, nothing queued) when the balance check
    fails: the platform would receive tables that contradict each other."""
    if not report.balanced:
        raise StatisticsUnbalancedError(report.year, len(report.errors))
    tables = json.dumps(payload(report), ensure_ascii=False, sort_keys=True)
    made_at = utc_iso()
    row = uow.session.scalar(
        select(StatisticsReportRow).where(StatisticsReportRow.year == report.year))
    fields = {"year": report.year, "as_of": report.as_of.isoformat(), "tables": tables,
              "made_at": made_at, "classification": "internal"}
    if row is None:
        # The year's natural id: the year submitted on two PCs is one record (merged field by
        # field, the later submission's tables), as the assessment report is.
        record_id = natural_id("statistics_report", str(report.year))
        row = StatisticsReportRow(id=record_id, year=report.year, as_of=report.as_of,
                                  tables=tables, made_at=made_at, classification="internal")
        uow.session.add(row)
        uow.session.flush()
        uow.outbox("statistics_report", row.id, fields)
    else:
        row.as_of, row.tables, row.made_at = report.as_of, tables, made_at
        uow.session.flush()
        uow.outbox("statistics_report", row.id, fields, base_version=row.server_version)
    uow.audit("statistics.submit", "statistics_report", row.id, {"year": report.year})
    return row.id
