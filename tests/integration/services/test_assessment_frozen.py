"""A submitted self-assessment prints what was frozen at submission — its figures and the charts
beside them — however the records change afterwards; a report submitted before the charts were
kept prints none (and says so) rather than today's. Saving and submitting count the year once.
PDFs read back with pdftotext."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pypdfium2
import pytest
from sqlalchemy import text

from app.documents import assessment as doc
from app.documents import charts, pdf
from app.domain.figures import Figure
from app.domain.meetings import MeetingType
from app.services import assessment, assessment_report, meetings
from app.services.assessment_report import Sections
from app.services.workspace import Workspace
from tests.integration.services.test_assessment import TODAY, YEAR, demo_branch

SECTIONS = Sections("本支部现有党员30名。", "全年按时召开支部党员大会。", "谈心谈话覆盖不全。",
                    "下一年度补齐谈心谈话。")


@pytest.fixture
def submitted(tmp_path: Path) -> Iterator[Workspace]:
    for workspace in demo_branch(tmp_path, 30):
        with workspace.unit_of_work() as uow:
            assessment_report.save_and_submit(uow, YEAR, SECTIONS, TODAY)
            uow.commit()
        yield workspace


def words(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return "".join(out.split())


def stream_words(path: Path) -> str:
    """The text of a PDF in the order it was drawn (pdfium), without spaces: a chart's strings
    come one after another, wherever the chart stands on its page."""
    document = pypdfium2.PdfDocument(path)
    try:
        found = []
        for page in document:
            text_page = page.get_textpage()
            found.append(text_page.get_text_range())
            text_page.close()
            page.close()
        return "".join("".join(found).split())
    finally:
        document.close()


def chart_words(figure: Figure, folder: Path) -> str:
    """What a chart of ``figure`` prints, in drawing order, from a PDF of that chart alone."""
    target = folder / "chart.pdf"
    pdf.build([charts.drawing(figure)], target, title="chart", marks=pdf.PageMarks())
    return stream_words(target).split("第1页")[0]


def drop_a_theme_day(workspace: Workspace) -> None:
    """A 主题党日 of the year recorded as another kind of meeting after the submission: the
    theme days held and the meetings held count one less."""
    with workspace.unit_of_work() as uow:
        meeting_id = uow.session.execute(text(
            "SELECT id FROM meeting WHERE type = 'theme_day' AND finalized_on IS NULL AND "
            "deleted_at IS NULL AND held_on >= '2026-01-01' ORDER BY held_on")).scalars().first()
        assert meeting_id is not None
        data = meetings.get_meeting(uow, meeting_id).data
        meetings.update_meeting(uow, meeting_id, replace(data, type=MeetingType.OTHER))
        uow.commit()


def test_a_submitted_report_prints_its_frozen_figures_and_charts(submitted, tmp_path):
    with submitted.unit_of_work(read_only=True) as uow:
        report = assessment_report.get(uow, YEAR)
        assert report is not None
        assert report.submitted
        frozen = assessment_report.frozen_charts(report.figures)
        assert frozen is not None
        assert len(frozen) == 3
        assert frozen == assessment_report.live_charts(uow, YEAR, TODAY)  # as of submission
        frozen_text = assessment_report.document(uow, YEAR, TODAY)
    drop_a_theme_day(submitted)
    with submitted.unit_of_work(read_only=True) as uow:
        live = assessment_report.live_charts(uow, YEAR, TODAY)
        live_figures = assessment_report.snapshot(assessment.assess(uow, YEAR, TODAY))
        assert assessment_report.chart_figures(uow, YEAR, TODAY) == frozen  # report centre too
        assert assessment_report.preview(uow, YEAR, TODAY)[1] == frozen
    assert live != frozen
    assert live_figures["indicators"] != report.figures["indicators"]
    target = tmp_path / "报送后.pdf"
    with submitted.unit_of_work() as uow:
        assessment_report.export_pdf(uow, YEAR, target, TODAY)
        uow.commit()
    printed = words(target)
    for shown in frozen_text.figures:  # the figures frozen, not today's
        assert "".join(f"{shown.name}{shown.formula}{shown.counted}{shown.value}".split()) \
            in printed
    changed = [f for f, was in zip(live_figures["indicators"], report.figures["indicators"],
                                   strict=True) if f != was]
    assert changed
    for item in changed:
        now = assessment_report.figure(item)
        assert "".join(f"{now.name}{now.formula}{now.counted}{now.value}".split()) \
            not in printed
    drawn = stream_words(target)
    for frozen_chart, live_chart in zip(frozen, live, strict=True):
        assert chart_words(frozen_chart, tmp_path) in drawn
        if live_chart != frozen_chart:
            assert chart_words(live_chart, tmp_path) not in drawn
    assert doc.NO_FROZEN_CHARTS not in printed


def test_a_report_submitted_without_charts_prints_none_and_says_so(submitted, tmp_path):
    with submitted.unit_of_work() as uow:  # as an earlier version submitted it
        stored = json.loads(uow.session.execute(text(
            "SELECT figures FROM assessment_report WHERE year = :y"), {"y": str(YEAR)}).scalar())
        del stored["charts"]
        uow.session.execute(text("UPDATE assessment_report SET figures = :f WHERE year = :y"),
                            {"f": json.dumps(stored, ensure_ascii=False), "y": str(YEAR)})
        uow.commit()
    drop_a_theme_day(submitted)
    target = tmp_path / "旧报告.pdf"
    with submitted.unit_of_work() as uow:
        assert assessment_report.chart_figures(uow, YEAR, TODAY) == ()
        assessment_report.export_pdf(uow, YEAR, target, TODAY)
        uow.commit()
    printed = words(target)
    assert "".join(doc.NO_FROZEN_CHARTS.split()) in printed
    assert "组织生活应开与已开" not in printed
    assert "党费应交与实交" not in printed


def test_save_and_submit_count_the_year_once(submitted, tmp_path, monkeypatch):
    counted: list[int] = []
    real = assessment_report.assess

    def counting(uow, year, as_of):
        counted.append(year)
        return real(uow, year, as_of)

    monkeypatch.setattr(assessment_report, "assess", counting)
    for workspace in demo_branch(tmp_path / "other", 20):
        with workspace.unit_of_work() as uow:
            found = assessment_report.count(uow, YEAR, TODAY)
            assessment_report.save(uow, YEAR, SECTIONS, TODAY, found)
            assert counted == [YEAR]
            assessment_report.save_and_submit(uow, YEAR, SECTIONS, TODAY)
            assert counted == [YEAR, YEAR]
            uow.commit()
