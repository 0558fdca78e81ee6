"""The branch's annual self-assessment (党支部年度工作情况): one record per year with the
figures of the year's indicators (``app.services.assessment``) and the sections the secretary
writes, a draft until submitted (then read-only, its figures frozen as submitted), synced to the
platform (``sync.registry``: ``assessment_report``), and printed as a PDF.

The figures kept and sent are counts only (done, due, value, target, weight): never the records
behind them, so nothing about a member leaves the PC through the report.

Every write runs in the caller's unit of work with its audit entry and its sync-outbox op; the
caller commits.
"""

from __future__ import annotations

import io
import json
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable
from sqlalchemy import select

from app.documents import assessment as doc
from app.documents import charts
from app.domain.assessment import Kind
from app.domain.figures import Figure
from app.errors import AssessmentSubmittedError, FieldProblem, InvalidInputError
from app.services import branch, figures
from app.services.assessment import Assessment, Indicator, as_of_for, assess
from app.storage.ids import natural_id
from app.storage.models import AssessmentReportRow
from app.storage.unit_of_work import UnitOfWork

ENTITY = "assessment_report"
DRAFT, SUBMITTED = "draft", "submitted"
MAX_SECTION = 20_000


@dataclass(frozen=True)
class Sections:
    situation: str = ""  # 基本情况
    achievements: str = ""  # 主要工作和成效
    problems: str = ""  # 存在的问题
    plans: str = ""  # 下一步打算


@dataclass(frozen=True)
class Report:
    id: str
    year: int
    sections: Sections
    submitted_on: date | None
    figures: dict[str, Any]  # the snapshot (``snapshot``)

    @property
    def submitted(self) -> bool:
        return self.submitted_on is not None


def snapshot(found: Assessment) -> dict[str, Any]:
    """The figures as plain values (JSON): what the report keeps and the platform receives."""
    return {
        "as_of": found.as_of.isoformat(),
        "weighted_share": _text(found.weighted_share),
        "indicators": [snapshot_of(i) for i in found.indicators],
    }


def snapshot_of(indicator: Indicator) -> dict[str, Any]:
    """One indicator's figures as plain values: counts, never the records behind them."""
    return {
        "code": indicator.code.value, "name": indicator.definition.name,
        "formula": indicator.formula, "kind": indicator.definition.kind.value,
        "unit": indicator.definition.unit,
        "lower_is_better": indicator.definition.lower_is_better,
        "done": indicator.count.done, "due": indicator.count.due,
        "value": _text(indicator.value), "target": str(indicator.target),
        "weight": str(indicator.weight), "met": indicator.met,
    }


def get(uow: UnitOfWork, year: int) -> Report | None:
    row = _row(uow, year)
    if row is None:
        return None
    return Report(row.id, year, Sections(row.situation, row.achievements, row.problems,
                                          row.plans),
                  row.submitted_on if row.status == SUBMITTED else None,
                  json.loads(row.figures or "{}"))


def save(uow: UnitOfWork, year: int, sections: Sections, today: date) -> str:
    """Write the draft's sections (the figures are counted again as of today). Raises
    ``AssessmentSubmittedError`` once submitted, ``InvalidInputError`` for a section too long."""
    problems = [FieldProblem(name, "too_long") for name, text in asdict(sections).items()
                if len(text) > MAX_SECTION]
    if problems:
        raise InvalidInputError(problems)
    row = _row(uow, year)
    if row is not None and row.status == SUBMITTED:
        raise AssessmentSubmittedError(year, row.submitted_on)
    figures = json.dumps(snapshot(assess(uow, year, as_of_for(year, today))),
                         ensure_ascii=False)
    values: dict[str, Any] = {k: v.strip() for k, v in asdict(sections).items()}
    values["figures"] = figures
    return _write(uow, year, row, values)


def submit(uow: UnitOfWork, year: int, today: date) -> str:
    """报送: every section written, the figures counted as of today and frozen; read-only after.
    Raises ``InvalidInputError`` naming the empty sections, ``AssessmentSubmittedError``."""
    row = _row(uow, year)
    if row is not None and row.status == SUBMITTED:
        raise AssessmentSubmittedError(year, row.submitted_on)
    written = get(uow, year)
    sections = written.sections if written is not None else Sections()
    empty = [FieldProblem(name, "required") for name, text in asdict(sections).items()
             if not text.strip()]
    if empty:
        raise InvalidInputError(empty)
    values = {
        "figures": json.dumps(snapshot(assess(uow, year, as_of_for(year, today))),
                              ensure_ascii=False),
        "status": SUBMITTED, "submitted_on": today,
    }
    return _write(uow, year, row, values)


def _write(
    uow: UnitOfWork, year: int, row: AssessmentReportRow | None, values: dict[str, Any]
) -> str:
    created = row is None
    if row is None:
        row = AssessmentReportRow(id=natural_id(ENTITY, str(year)), year=str(year),
                                  status=DRAFT)
        uow.session.add(row)
        values = {"status": DRAFT, **values}
    patch = {k: v for k, v in values.items() if created or getattr(row, k) != v}
    for name, value in values.items():
        setattr(row, name, value)
    uow.session.flush()
    if not patch:
        return row.id
    wire = {k: v.isoformat() if isinstance(v, date) else v for k, v in patch.items()}
    if created:
        wire.update(year=str(year), classification=row.classification)
    action = "create" if created else ("submit" if values.get("status") == SUBMITTED else "update")
    uow.audit(f"assessment.{action}", ENTITY, row.id,
              {"year": year, "fields": sorted(k for k in patch if k != "figures")})
    uow.outbox(ENTITY, row.id, wire, base_version=row.server_version)
    return row.id


# ---------------------------------------------------------------- the PDF
def document(uow: UnitOfWork, year: int, today: date) -> doc.Report:
    """The report as printed: a submitted one with its frozen figures, a draft (or none yet)
    with the figures counted as of today."""
    written = get(uow, year)
    figures = (written.figures if written is not None and written.submitted
               else snapshot(assess(uow, year, as_of_for(year, today))))
    sections = written.sections if written is not None else Sections()
    return doc.Report(
        branch=branch.load_profile(uow).name, year=year,
        as_of=date.fromisoformat(figures["as_of"]),
        figures=[figure(f) for f in figures["indicators"]],
        weighted_share=_percent(figures.get("weighted_share")),
        sections=asdict(sections),
        submitted_on=written.submitted_on if written is not None else None,
    )


def chart_figures(uow: UnitOfWork, year: int, as_of: date) -> tuple[Figure, ...]:
    """The charts of the report (issue 18: where a secretary would rather look than read), as
    of ``as_of``: printed after the figures, and shown in the report centre."""
    return (
        figures.meetings_held(uow, year, as_of),
        figures.dues_by_month(uow, year),
        figures.study_progress(uow, year, as_of),
    )


def _charts(uow: UnitOfWork, report: doc.Report) -> dict[str, list[Flowable]]:
    return {"charts": charts.flowables(chart_figures(uow, report.year, report.as_of))}


def pdf_bytes(uow: UnitOfWork, year: int, today: date) -> bytes:
    """The PDF in memory (the report centre's preview and print)."""
    report = document(uow, year, today)
    buffer = io.BytesIO()
    doc.write_pdf(report, buffer, _charts(uow, report))
    return buffer.getvalue()


def export_pdf(uow: UnitOfWork, year: int, path: Path, today: date) -> int:
    """The PDF at ``path`` (the export is in the audit log; the caller commits). Returns the
    page count. Raises FileAccessError, MissingGlyphsError."""
    report = document(uow, year, today)
    pages = doc.write_pdf(report, path, _charts(uow, report))
    uow.audit("assessment.export", ENTITY, str(year), {"path": str(path), "pages": pages})
    return pages


def figure(item: dict[str, Any]) -> doc.Figure:
    """An indicator of a snapshot as printed (and shown): counted, value and target texts."""
    share = item["kind"] == Kind.SHARE.value
    unit = "%" if share else item["unit"]
    value = item["value"]
    counted = (f"{item['done']} / {item['due']}" if share else str(item["done"]))
    sign = "≤" if item["lower_is_better"] else "≥"
    return doc.Figure(
        name=item["name"], formula=item["formula"], counted=counted,
        value=f"{value}{unit}" if value is not None else "—",
        target=f"{sign} {_plain(item['target'])}{unit}", weight=_plain(item["weight"]),
        met=item["met"],
    )


def _plain(text: str) -> str:
    """A Decimal's text without a trailing .0 (``90`` for ``90.0``)."""
    number = Decimal(text)
    return str(number.to_integral()) if number == number.to_integral() else str(number)


def _percent(text: str | None) -> str:
    return f"{text}%" if text is not None else "—"


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _row(uow: UnitOfWork, year: int) -> AssessmentReportRow | None:
    return uow.session.scalar(
        select(AssessmentReportRow).where(AssessmentReportRow.year == str(year),
                                          AssessmentReportRow.deleted_at.is_(None)))
