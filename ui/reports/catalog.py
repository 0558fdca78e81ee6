"""The reports of the report centre (报表), one entry each: its title, the parameter it takes
(a year, a meeting, or nothing), how its preview is made (its PDF — the print and the PDF export
are that one PDF — and the charts shown beside it, counted once) and how its workbook is written
where it has one. The work is the services'
(``app.services.report_centre``); a new report is one more entry in ``REPORTS``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.services import report_centre as rc
from ui.common.tr_noop import QT_TRANSLATE_NOOP


class Param(enum.Enum):
    NONE = "none"  # the records as they are today (the roster)
    YEAR = "year"
    MEETING = "meeting"  # one meeting of a year (minutes, sign-in sheets)


# (uow, parameter, today): the services take a unit of work; the UI never names its type.
MakePreview = Callable[[Any, Any, date], rc.Preview]  # in a read-only unit of work
WriteXlsx = Callable[[Any, Any, Path, date], None]
CountSecret = Callable[[Any, Any], int]


@dataclass(frozen=True)
class Report:
    key: str  # stable: names the export in the audit log and the file offered
    title: str  # English source, translated in the context "Reports"
    param: Param
    preview: MakePreview
    xlsx: WriteXlsx | None = None
    secret: CountSecret | None = None  # 秘密 records it prints: the user is asked first
    charts: bool = False  # its preview has charts, shown in the window beside the pages


REPORTS: tuple[Report, ...] = (
    Report("roster", QT_TRANSLATE_NOOP("Reports", "Party member roster"), Param.NONE,
           rc.roster_preview, rc.roster_xlsx, secret=rc.roster_secret, charts=True),
    Report("minutes", QT_TRANSLATE_NOOP("Reports", "Meeting minutes"), Param.MEETING,
           rc.minutes_preview),
    Report("sign_in", QT_TRANSLATE_NOOP("Reports", "Sign-in sheet of a meeting"), Param.MEETING,
           rc.sign_in_preview),
    Report("dues", QT_TRANSLATE_NOOP("Reports", "Annual dues ledger"),
           Param.YEAR, rc.dues_preview, rc.dues_xlsx, charts=True),
    Report("study", QT_TRANSLATE_NOOP("Reports", "Study hours of the year"), Param.YEAR,
           rc.study_preview, rc.study_xlsx, charts=True),
    Report("talks", QT_TRANSLATE_NOOP("Reports", "Heart-to-heart talks of the year"),
           Param.YEAR, rc.talks_preview, rc.talks_xlsx),
    Report("rectification", QT_TRANSLATE_NOOP("Reports", "Rectification ledger"), Param.YEAR,
           rc.rectification_preview, rc.rectification_xlsx),
    Report("appraisal", QT_TRANSLATE_NOOP("Reports", "Democratic appraisal result table"),
           Param.YEAR, rc.appraisal_preview, rc.appraisal_xlsx),
    Report("opinions", QT_TRANSLATE_NOOP("Reports", "Register of opinions and suggestions"),
           Param.YEAR, rc.opinions_preview, rc.opinions_xlsx),
    Report("disclosures", QT_TRANSLATE_NOOP("Reports", "Register of party affairs disclosure"),
           Param.YEAR, rc.disclosures_preview, rc.disclosures_xlsx),
    Report("statistics", QT_TRANSLATE_NOOP("Reports", "Annual party statistics"), Param.YEAR,
           rc.statistics_preview, rc.statistics_xlsx),
    Report("assessment", QT_TRANSLATE_NOOP("Reports", "Annual work of the branch (assessment)"),
           Param.YEAR, rc.assessment_preview, charts=True),
    Report("year_charts", QT_TRANSLATE_NOOP("Reports", "Charts of the year"), Param.YEAR,
           rc.year_charts_preview, charts=True),
)


def report(key: str) -> Report:
    return next(r for r in REPORTS if r.key == key)
