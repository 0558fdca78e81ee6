"""The window's words for the annual statistics (English source, Chinese through Qt
translations). The tables' own headings are the statistics' Chinese words (data)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.services.statistics import Report
from app.services.statistics_checks import GAP_FIELDS, Balance, BalanceError
from ui.common import member_texts
from ui.common.tr_noop import QT_TRANSLATE_NOOP

CONTEXT = "StatisticsTexts"

_CATEGORIES = {
    "full": QT_TRANSLATE_NOOP("StatisticsTexts", "Full members"),
    "probationary": QT_TRANSLATE_NOOP("StatisticsTexts", "Probationary members"),
    "total": QT_TRANSLATE_NOOP("StatisticsTexts", "Total"),
}
_ERRORS = {
    "left_without_date": QT_TRANSLATE_NOOP(
        "StatisticsTexts", "{name}: recorded as left, but without the date of leaving"),
    "date_without_leaving": QT_TRANSLATE_NOOP(
        "StatisticsTexts", "{name}: has a date of leaving, but is still on the roll"),
    "full_before_admission": QT_TRANSLATE_NOOP(
        "StatisticsTexts", "{name}: the full-membership date is before the admission date"),
    "no_reduction": QT_TRANSLATE_NOOP(
        "StatisticsTexts", "{name}: counted at the start of the year, not at the end, and no "
                           "reduction recorded"),
    "no_increase": QT_TRANSLATE_NOOP(
        "StatisticsTexts", "{name}: counted at the end of the year, not at the start, and no "
                           "increase recorded"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


translate = QCoreApplication.translate


def gap_group_line(field: str, count: int) -> str:
    """One kind of gap: ``职业未填写：9,800 人``."""
    return translate("StatisticsTexts", "{field} not filled in: {count} members").format(
        field=member_texts.field_label(field), count=f"{count:,}")


def gaps_heading(count: int) -> str:
    if not count:
        return translate("StatisticsTexts", "Gaps in the records: none")
    return translate(
        "StatisticsTexts",
        "Gaps in the records: {count} (counted as not filled in; open a line to see the "
        "members, double-click a member to open the record)",
    ).format(count=f"{count:,}")


def error_line(error: BalanceError) -> str:
    return _tr(_ERRORS[error.code]).format(name=error.name)


def balance_line(balance: Balance) -> str:
    text = translate(
        "StatisticsTexts",
        "{category}: {start} + {added} − {removed} = {expected}; counted at the end {end}",
    ).format(
        category=_tr(_CATEGORIES[balance.category]), start=balance.start,
        added=balance.added, removed=balance.removed, expected=balance.expected,
        end=balance.end)
    if balance.ok:
        return text
    return translate("StatisticsTexts", "{line} — does not match").format(line=text)


def made(report: Report) -> str:
    if report.balanced:
        return translate(
            "StatisticsTexts",
            "The statistics of {year} as of {date} are made; the balance check matches.",
        ).format(year=report.year, date=report.as_of.isoformat())
    return translate(
        "StatisticsTexts",
        "The statistics of {year} as of {date} are made, but the balance check found {count} "
        "records to correct. They cannot be submitted until these records are corrected and "
        "the tables made again.",
    ).format(year=report.year, date=report.as_of.isoformat(), count=len(report.errors))


def submit_blocked() -> str:
    return translate(
        "StatisticsTexts",
        "The balance check does not match: correct the members listed under it (double-click "
        "to open) and make the tables again before submitting.",
    )


def confirm_gaps(year: int, count: int, by_field: dict[str, int]) -> str:
    """The question before submitting with gaps left: how many, of which kinds."""
    kinds = "\n".join(
        gap_group_line(field, by_field[field]) for field, _h in GAP_FIELDS if field in by_field)
    return translate(
        "StatisticsTexts",
        "The records still have {count} gaps, counted in the tables as not filled in:\n"
        "{kinds}\n\nSubmit the counts of {year} anyway?",
    ).format(count=f"{count:,}", kinds=kinds, year=year)


def as_of_outside_year(as_of: date, year: int) -> str:
    return translate("StatisticsTexts", "The reference date {date} is not in {year}.").format(
        date=as_of.isoformat(), year=year)


def file_name(year: int, suffix: str) -> str:
    return translate("StatisticsTexts", "Party statistics {year}").format(year=year) + suffix


def file_filter(suffix: str) -> str:
    if suffix == ".pdf":
        return translate("StatisticsTexts", "PDF document (*.pdf)")
    return translate("StatisticsTexts", "Excel workbook (*.xlsx)")


def exported(path: Path) -> str:
    return translate("StatisticsTexts", "The statistics were written to {file}.").format(
        file=str(path))


def submitted(year: int) -> str:
    return translate(
        "StatisticsTexts",
        "The counts of {year} are queued for the platform; they go with the next sync.",
    ).format(year=year)
