"""The branch's annual self-assessment (党支部年度工作情况): one record per year with the
figures of the year's indicators (``app.services.assessment``) and the sections the secretary
writes, a draft until submitted (then read-only, its figures frozen as submitted with the charts
printed beside them), synced to the platform (``sync.registry``: ``assessment_report``), and
printed as a PDF.

The figures kept and sent are counts only (done, due, value, target, weight; the charts' counts
and monthly dues sums): never the records behind them, so nothing about a member leaves the PC
through the report.

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
from app.domain.figures import BarFigure, Figure, PieFigure, Series, Slice
from app.errors import AssessmentSubmittedError, FieldProblem, InvalidInputError
from app.services import branch, figures
from app.services.assessment import Assessment, Indicator, as_of_for, assess
from app.storage.ids import natural_id
from app.storage.models import AssessmentReportRow
from app.storage.unit_of_work import UnitOfWork

ENTITY = "assessment_report"
DRAFT, SUBMITTED = "draft", "submitted"
MAX_SECTION = 20_000
CHARTS = "charts"  # the snapshot's key of the charts frozen at submission


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


def count(uow: UnitOfWork, year: int, today: date) -> Assessment:
    """The year's indicators counted as of ``today`` (the year's last day once it is over): what
    ``save`` and ``submit`` keep, counted once by a caller that does both."""
    return assess(uow, year, as_of_for(year, today))


def save(
    uow: UnitOfWork, year: int, sections: Sections, today: date,
    found: Assessment | None = None,
) -> str:
    """Write the draft's sections with the figures counted as of today (``found``, when the
    caller counted them already in this unit of work; counted here otherwise). Raises
    ``AssessmentSubmittedError`` once submitted, ``InvalidInputError`` for a section too long."""
    _check_lengths(sections)
    row = _row(uow, year)
    if row is not None and row.status == SUBMITTED:
        raise AssessmentSubmittedError(year, row.submitted_on)
    found = _counted(uow, year, today, found)
    values: dict[str, Any] = {k: v.strip() for k, v in asdict(sections).items()}
    values["figures"] = json.dumps(snapshot(found), ensure_ascii=False)
    return _write(uow, year, row, values)


def submit(uow: UnitOfWork, year: int, today: date, found: Assessment | None = None) -> str:
    """报送: every section written, the figures counted as of today (``found``, as for ``save``)
    and frozen with the charts the PDF draws beside them; read-only after. Raises
    ``InvalidInputError`` naming the empty sections, ``AssessmentSubmittedError``."""
    row = _row(uow, year)
    if row is not None and row.status == SUBMITTED:
        raise AssessmentSubmittedError(year, row.submitted_on)
    written = get(uow, year)
    require_written(written.sections if written is not None else Sections())
    found = _counted(uow, year, today, found)
    frozen = snapshot(found)
    frozen[CHARTS] = [_plain_figure(f) for f in live_charts(uow, year, found.as_of)]
    values = {
        "figures": json.dumps(frozen, ensure_ascii=False),
        "status": SUBMITTED, "submitted_on": today,
    }
    return _write(uow, year, row, values)


def save_and_submit(uow: UnitOfWork, year: int, sections: Sections, today: date) -> Assessment:
    """Save what is typed and submit it, the year counted once (the caller commits: nothing is
    half done). Returns the figures frozen. Raises as ``save`` and ``submit`` do."""
    require_written(sections)  # refused before the year is counted
    found = count(uow, year, today)
    save(uow, year, sections, today, found)
    submit(uow, year, today, found)
    return found


def _check_lengths(sections: Sections) -> None:
    problems = [FieldProblem(name, "too_long") for name, text in asdict(sections).items()
                if len(text) > MAX_SECTION]
    if problems:
        raise InvalidInputError(problems)


def require_written(sections: Sections) -> None:
    """Raises ``InvalidInputError`` naming the sections left empty (none may be, to submit)."""
    empty = [FieldProblem(name, "required") for name, text in asdict(sections).items()
             if not text.strip()]
    if empty:
        raise InvalidInputError(empty)


def _counted(uow: UnitOfWork, year: int, today: date, found: Assessment | None) -> Assessment:
    if found is None:
        return count(uow, year, today)
    if found.year != year or found.as_of != as_of_for(year, today):
        raise ValueError("the figures given were counted for another year or day")
    return found


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
    return _printed(uow, year, today)[0]


def _printed(
    uow: UnitOfWork, year: int, today: date, typed: Sections | None = None
) -> tuple[doc.Report, tuple[Figure, ...] | None]:
    """The report as printed and its charts: a submitted report's as frozen at submission
    (None when it was submitted before charts were kept: it prints none rather than today's),
    a draft's counted now, with the sections ``typed`` when given (not yet saved)."""
    written = get(uow, year)
    submitted = written is not None and written.submitted
    frozen = written.figures if written is not None and submitted else None
    figures_shown = frozen if frozen is not None else snapshot(count(uow, year, today))
    sections = written.sections if written is not None else Sections()
    if typed is not None and not submitted:
        sections = Sections(**{k: v.strip() for k, v in asdict(typed).items()})
    report = doc.Report(
        branch=branch.load_profile(uow).name, year=year,
        as_of=date.fromisoformat(figures_shown["as_of"]),
        figures=[figure(f) for f in figures_shown["indicators"]],
        weighted_share=_percent(figures_shown.get("weighted_share")),
        sections=asdict(sections),
        submitted_on=written.submitted_on if written is not None else None,
    )
    if frozen is not None:
        return report, frozen_charts(frozen)
    return report, live_charts(uow, year, report.as_of)


def chart_figures(uow: UnitOfWork, year: int, as_of: date) -> tuple[Figure, ...]:
    """The charts of the year's report (issue 18: where a secretary would rather look than
    read), shown in the report centre beside it: those frozen at submission once the report
    is submitted (none when it was submitted before charts were kept), else counted as of
    ``as_of``."""
    written = get(uow, year)
    if written is not None and written.submitted:
        return frozen_charts(written.figures) or ()
    return live_charts(uow, year, as_of)


def live_charts(uow: UnitOfWork, year: int, as_of: date) -> tuple[Figure, ...]:
    """The report's charts counted from the records as they are now, as of ``as_of``."""
    return (
        figures.meetings_held(uow, year, as_of),
        figures.dues_by_month(uow, year),
        figures.study_progress(uow, year, as_of),
    )


def frozen_charts(snapshot_: dict[str, Any]) -> tuple[Figure, ...] | None:
    """The charts kept in a submitted report's snapshot; None when it kept none (submitted by
    an earlier version)."""
    kept = snapshot_.get(CHARTS)
    if not isinstance(kept, list):
        return None
    return tuple(_figure_of(item) for item in kept)


def _extra(charts_drawn: tuple[Figure, ...] | None) -> dict[str, list[Flowable]]:
    if charts_drawn is None:
        return {"charts": doc.no_frozen_charts()}
    return {"charts": charts.flowables(charts_drawn)}


def pdf_bytes(uow: UnitOfWork, year: int, today: date) -> bytes:
    """The PDF in memory (the report centre's preview and print)."""
    return preview(uow, year, today)[0]


def preview(uow: UnitOfWork, year: int, today: date) -> tuple[bytes, tuple[Figure, ...]]:
    """The PDF in memory and the charts it draws (for a window showing both), the year
    counted once: ``pdf_bytes`` and ``chart_figures`` together."""
    report, drawn = _printed(uow, year, today)
    buffer = io.BytesIO()
    doc.write_pdf(report, buffer, _extra(drawn))
    return buffer.getvalue(), drawn or ()


def export_pdf(
    uow: UnitOfWork, year: int, path: Path, today: date, typed: Sections | None = None
) -> int:
    """The PDF at ``path`` (the export is in the audit log; the caller commits): a draft with
    the sections ``typed`` when given (the window's, saved or not). Returns the page count.
    Raises FileAccessError, MissingGlyphsError, InvalidInputError (a section too long)."""
    return export(uow, year, path, today, typed)[1]


def export(
    uow: UnitOfWork, year: int, path: Path, today: date, typed: Sections | None = None
) -> tuple[doc.Report, int]:
    """``export_pdf``, also returning the report as printed (the CLI says what it holds)."""
    if typed is not None:
        _check_lengths(typed)
    report, drawn = _printed(uow, year, today, typed)
    pages = doc.write_pdf(report, path, _extra(drawn))
    uow.audit("assessment.export", ENTITY, str(year), {"path": str(path), "pages": pages})
    return report, pages


def _plain_figure(shown: Figure) -> dict[str, Any]:
    """A chart's figure as plain values (JSON): counts and sums only, never a member."""
    if isinstance(shown, PieFigure):
        return {"pie": shown.title, "unit": shown.unit,
                "slices": [[s.label, s.value] for s in shown.slices]}
    return {"bar": shown.title, "unit": shown.unit, "categories": list(shown.categories),
            "series": [[s.name, [v if isinstance(v, int) else str(v) for v in s.values]]
                       for s in shown.series]}


def _figure_of(item: dict[str, Any]) -> Figure:
    if "pie" in item:
        return PieFigure(item["pie"], tuple(Slice(label, int(value))
                                            for label, value in item["slices"]),
                         unit=item["unit"])
    return BarFigure(item["bar"], tuple(item["categories"]),
                     tuple(Series(name, tuple(v if isinstance(v, int) else Decimal(v)
                                              for v in values))
                           for name, values in item["series"]),
                     unit=item["unit"])


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
