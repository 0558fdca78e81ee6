"""The figures of the report centre's charts, counted from the records through the services that
own them (issue 18). Each function returns a frozen figure (``app.domain.figures``) that the window
and the printed reports draw alike:

- ``composition``: the members on the roll by stage (正式党员, 预备党员…), today;
- ``dues_by_month``: per month of a year, the dues due and paid, summed over the annual ledger's
  rows (``dues_reports.ledger_members``, the same rows as the 党费收缴台账);
- ``meetings_held``: per required meeting type, the periods of the year (up to the date) that
  required it and those in which it was held (``meetings.compliance_report``);
- ``study_progress``: the members with a study target by how much of it they have reached
  (``study.year_table``), and the hours of the year against the sum of the targets.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.documents.vocabulary import MEETING_TYPE_NAMES
from app.domain.calendar import counted_to
from app.domain.development import STAGES, Stage
from app.domain.figures import BarFigure, PieFigure, Series, Slice
from app.domain.meetings import MeetingType
from app.services import dues_reports, meetings, members, study
from app.storage.unit_of_work import UnitOfWork

STAGE_NAMES = {
    Stage.FULL: "正式党员", Stage.PROBATIONARY: "预备党员", Stage.CANDIDATE: "发展对象",
    Stage.ACTIVIST: "入党积极分子", Stage.APPLICANT: "入党申请人",
}
MONTHS = tuple(f"{m}月" for m in range(1, 13))
DUE, PAID = "应交", "实交"
REQUIRED, HELD = "应开", "已开"
STUDY_BANDS = ("未开始", "不足一半", "一半以上", "已达标")
MEMBERS = "人数"


def composition(uow: UnitOfWork) -> PieFigure:
    """The roll today by stage, the full members first (stages with nobody are left out)."""
    slices = []
    for stage in reversed(STAGES):
        count = members.count_members(uow, members.MemberFilter(stage=stage))
        if count:
            slices.append(Slice(STAGE_NAMES[stage], count))
    return PieFigure("党员构成（当前在册）", tuple(slices))


def dues_by_month(uow: UnitOfWork, year: int) -> BarFigure:
    """Due and paid per month of ``year`` in yuan, as the annual ledger sums them."""
    due = [Decimal("0.00")] * 12
    paid = [Decimal("0.00")] * 12
    for row in dues_reports.ledger_members(uow, year):
        for index, amounts in enumerate(row.months):
            if amounts is not None:
                due[index] += amounts.due
                paid[index] += amounts.paid
    return BarFigure(f"{year}年党费应交与实交（按月）", MONTHS,
                     (Series(DUE, tuple(due)), Series(PAID, tuple(paid))), unit="元")


def meetings_held(uow: UnitOfWork, year: int, as_of: date) -> BarFigure:
    """Per meeting type the branch is required to hold: how many of the year's periods up to
    ``as_of`` required it, and in how many of them it was held."""
    report = meetings.compliance_report(uow, year, as_of)
    required: dict[MeetingType, int] = {}
    held: dict[MeetingType, int] = {}
    for period in report.periods:
        for kind in period.required:
            required[kind] = required.get(kind, 0) + 1
            held[kind] = held.get(kind, 0) + (kind in period.held)
    kinds = [kind for kind in MeetingType if kind in required]
    return BarFigure(
        f"{year}年组织生活应开与已开（截至{as_of.month}月{as_of.day}日）",
        tuple(MEETING_TYPE_NAMES[kind] for kind in kinds),
        (Series(REQUIRED, tuple(required[k] for k in kinds)),
         Series(HELD, tuple(held[k] for k in kinds))),
        unit="次",
    )


def study_band(total: Decimal, target: Decimal) -> int:
    """Which of ``STUDY_BANDS`` a member's hours fall in."""
    if total >= target:
        return 3
    if total <= 0:
        return 0
    return 2 if total * 2 >= target else 1


def study_progress(uow: UnitOfWork, year: int, as_of: date) -> BarFigure:
    """The members with a study target (on the roll, not exempt) by the share of it reached."""
    return study_figure(study.year_table(uow, year, as_of))


def study_figure(table: study.StudyTable) -> BarFigure:
    """``study_progress`` of a table already counted (the study report draws its own)."""
    counts = [0, 0, 0, 0]
    for line in table.lines:
        if line.target is not None:
            counts[study_band(line.total, line.target)] += 1
    return BarFigure(f"{table.year}年党员学习学时完成情况", STUDY_BANDS,
                     (Series(MEMBERS, tuple(counts)),), unit="人")


def all_figures(uow: UnitOfWork, year: int, today: date) -> tuple[PieFigure, BarFigure, BarFigure,
                                                                   BarFigure]:
    """The four figures of the 年度图表 report for ``year`` (a past year counted to its end)."""
    as_of = counted_to(year, today)
    return (composition(uow), dues_by_month(uow, year), meetings_held(uow, year, as_of),
            study_progress(uow, year, as_of))
