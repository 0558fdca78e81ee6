"""The reports of the report centre (报表), one entry each: its title, the parameter it takes
(a year, a meeting, or nothing), how its PDF is made (the preview, the print and the PDF export
are that one PDF) and how its workbook is written where it has one. The work is the services'
(``app.services.report_centre``); a new report is one more entry in ``REPORTS``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.domain.calendar import counted_to
from app.domain.figures import Figure
from app.services import assessment_report, figures
from app.services import report_centre as rc
from ui.common.tr_noop import QT_TRANSLATE_NOOP


class Param(enum.Enum):
    NONE = "none"  # the records as they are today (the roster)
    YEAR = "year"
    MEETING = "meeting"  # one meeting of a year (minutes, sign-in sheets)


# (uow, parameter, today): the services take a unit of work; the UI never names its type.
MakePdf = Callable[[Any, Any, date], bytes]
WriteXlsx = Callable[[Any, Any, Path, date], None]
CountSecret = Callable[[Any, Any], int]
MakeFigures = Callable[[Any, Any, date], Sequence[Figure]]


@dataclass(frozen=True)
class Report:
    key: str  # stable: names the export in the audit log and the file offered
    title: str  # English source, translated in the context "Reports"
    param: Param
    pdf: MakePdf
    xlsx: WriteXlsx | None = None
    secret: CountSecret | None = None  # 秘密 records it prints: the user is asked first
    charts: MakeFigures | None = None  # shown in the window beside the preview


REPORTS: tuple[Report, ...] = (
    Report("roster", QT_TRANSLATE_NOOP("Reports", "Party member roster"), Param.NONE,
           rc.roster_pdf, rc.roster_xlsx, secret=rc.roster_secret,
           charts=lambda uow, _p, _t: (figures.composition(uow),)),
    Report("minutes", QT_TRANSLATE_NOOP("Reports", "Meeting minutes"), Param.MEETING,
           rc.minutes_pdf),
    Report("sign_in", QT_TRANSLATE_NOOP("Reports", "Sign-in sheet of a meeting"), Param.MEETING,
           rc.sign_in_pdf),
    Report("dues", QT_TRANSLATE_NOOP("Reports", "Annual dues ledger"),
           Param.YEAR, rc.dues_pdf, rc.dues_xlsx,
           charts=lambda uow, year, _t: (figures.dues_by_month(uow, year),)),
    Report("study", QT_TRANSLATE_NOOP("Reports", "Study hours of the year"), Param.YEAR,
           rc.study_pdf, rc.study_xlsx,
           charts=lambda uow, year, today: (
               figures.study_progress(uow, year, counted_to(year, today)),)),
    Report("talks", QT_TRANSLATE_NOOP("Reports", "Heart-to-heart talks of the year"),
           Param.YEAR, rc.talks_pdf, rc.talks_xlsx),
    Report("rectification", QT_TRANSLATE_NOOP("Reports", "Rectification ledger"), Param.YEAR,
           rc.rectification_pdf, rc.rectification_xlsx),
    Report("appraisal", QT_TRANSLATE_NOOP("Reports", "Democratic appraisal result table"),
           Param.YEAR, rc.appraisal_pdf, rc.appraisal_xlsx),
    Report("opinions", QT_TRANSLATE_NOOP("Reports", "Register of opinions and suggestions"),
           Param.YEAR, rc.opinions_pdf, rc.opinions_xlsx),
    Report("disclosures", QT_TRANSLATE_NOOP("Reports", "Register of party affairs disclosure"),
           Param.YEAR, rc.disclosures_pdf, rc.disclosures_xlsx),
    Report("statistics", QT_TRANSLATE_NOOP("Reports", "Annual party statistics"), Param.YEAR,
           rc.statistics_pdf, rc.statistics_xlsx),
    Report("assessment", QT_TRANSLATE_NOOP("Reports", "Annual work of the branch (assessment)"),
           Param.YEAR, rc.assessment_pdf,
           charts=lambda uow, year, today: assessment_report.chart_figures(
               uow, year, counted_to(year, today))),
    Report("year_charts", QT_TRANSLATE_NOOP("Reports", "Charts of the year"), Param.YEAR,
           rc.year_charts_pdf,
           charts=lambda uow, year, today: figures.all_figures(uow, year, today)),
)


def report(key: str) -> Report:
    return next(r for r in REPORTS if r.key == key)
