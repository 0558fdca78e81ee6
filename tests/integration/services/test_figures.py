"""The charts' figures are the records' numbers: each is counted again here another way (the
exported roster workbook, the dues ledger's totals, the meetings of the year month by month, the
study table's lines), and the charts print in the PDFs with their labels and values."""

from __future__ import annotations

import subprocess
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
from openpyxl import load_workbook

from app.domain.figures import value_text
from app.domain.meetings import Frequency
from app.services import branch, demo, dues_reports, figures, meetings, report_centre, roster, study
from app.services.workspace import Workspace

TODAY = date(2026, 11, 25)


@pytest.fixture
def demo_branch(workspace: Workspace) -> Workspace:
    with workspace.unit_of_work() as uow:
        demo.populate(uow, TODAY, 40)
        uow.commit()
    return workspace


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def path_objects(data: bytes) -> list[int]:
    """How many vector paths (bars, wedges, lines) each page draws."""
    document = pypdfium2.PdfDocument(data)
    try:
        return [sum(1 for o in document[i].get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_PATH)
                for i in range(len(document))]
    finally:
        document.close()


def test_composition_counts_the_exported_roster(demo_branch: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    with demo_branch.unit_of_work() as uow:
        figure = figures.composition(uow)
        roster.export_roster(uow, path, TODAY, branch.load_profile(uow).name)
    workbook = load_workbook(path, read_only=True)
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    column = rows[2].index("党籍状态")
    counted = Counter(row[column] for row in rows[3:] if row[0] is not None)
    assert {s.label: s.value for s in figure.slices} == dict(counted)
    assert figure.total == sum(counted.values()) > 30  # the demo's roll, every one
    assert figure.slices[0].label == "正式党员"


def test_dues_by_month_are_the_ledgers_totals(demo_branch: Workspace, tmp_path: Path) -> None:
    with demo_branch.unit_of_work() as uow:
        figure = figures.dues_by_month(uow, 2026)
        exported = dues_reports.export_year(uow, 2026, tmp_path / "ledger.xlsx", TODAY)
    due, paid = figure.series
    assert due.values == exported.totals.due_by_month
    assert paid.values == exported.totals.paid_by_month
    assert sum(due.values) == exported.totals.due
    assert figure.categories[0] == "1月"
    assert sum(paid.values) > 0


def test_meetings_held_are_counted_period_by_period(demo_branch: Workspace) -> None:
    as_of = date(2026, 9, 30)
    with demo_branch.unit_of_work(read_only=True) as uow:
        figure = figures.meetings_held(uow, 2026, as_of)
        frequencies = meetings.required_frequencies(uow)
        rows = meetings.meeting_rows(
            uow, meetings.meeting_ids(uow, meetings.MeetingFilter(year=2026)))
    held_months = {(row.type, row.held_on.month) for row in rows}
    months_per = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.YEARLY: 12}
    expected = {}
    for kind, frequency in frequencies.items():
        if frequency is None:
            continue
        size = months_per[frequency]
        periods = [range(first, first + size) for first in range(1, 13, size)
                   if first <= as_of.month]
        held = sum(1 for months in periods if any((kind, m) in held_months for m in months))
        expected[figures.MEETING_TYPE_NAMES[kind]] = (len(periods), held)
    required, held = figure.series
    assert dict(zip(figure.categories,
                    zip(required.values, held.values, strict=True), strict=True)) == expected
    assert "支部委员会会议" in figure.categories


def test_study_progress_sorts_every_member_with_a_target(demo_branch: Workspace) -> None:
    with demo_branch.unit_of_work(read_only=True) as uow:
        figure = figures.study_progress(uow, 2026, TODAY)
        table = study.year_table(uow, 2026, TODAY)
    counts = figure.series[0].values
    with_target = [line for line in table.lines if line.target is not None]
    assert sum(counts) == len(with_target) > 0
    assert counts[3] == table.reached
    assert counts[0] == sum(1 for line in with_target if line.total == 0)
    half = sum(1 for line in with_target
               if not line.reached and line.total * 2 >= line.target)  # type: ignore[operator]
    assert counts[2] == half


def test_the_year_charts_pdf_prints_every_chart_with_its_values(
    demo_branch: Workspace, tmp_path: Path
) -> None:
    with demo_branch.unit_of_work(read_only=True) as uow:
        data = report_centre.year_charts_preview(uow, 2026, TODAY).pdf
        composition, dues, held, progress = figures.all_figures(uow, 2026, TODAY)
    text = pdf_text(data, tmp_path)
    for label in ("机关第一党支部2026年度图表", composition.title, dues.title, held.title,
                  progress.title, "正式党员", "应交（元）", "实交（元）", "应开（次）", "已达标",
                  "12月", "支部委员会会议", f"{composition.total}人"):
        assert label in text, label
    for value in (*held.series[0].values, *progress.series[0].values):
        assert value_text(value) in text
    assert value_text(dues.series[0].values[0]) in text
    assert all(count > 20 for count in path_objects(data))  # bars and wedges, on each page


def test_the_dues_ledger_and_study_reports_carry_their_chart(
    demo_branch: Workspace, tmp_path: Path
) -> None:
    with demo_branch.unit_of_work(read_only=True) as uow:
        dues_pdf = report_centre.dues_preview(uow, 2026, TODAY).pdf
        study_pdf = report_centre.study_preview(uow, 2026, TODAY).pdf
    dues_text = pdf_text(dues_pdf, tmp_path)
    assert "2026年党费应交与实交（按月）" in dues_text
    assert "欠缴党费" in dues_text  # the workbook's sheets are there too
    study_text = pdf_text(study_pdf, tmp_path)
    assert "2026年党员学习学时完成情况" in study_text
    assert "一半以上" in study_text


def test_figure_values_print_as_written() -> None:
    assert value_text(Decimal("12.50")) == "12.50"
    assert value_text(Decimal("0.00")) == "0.00"
    assert value_text(7) == "7"
