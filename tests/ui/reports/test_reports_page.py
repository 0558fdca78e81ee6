"""报表, the report centre: each report is chosen, previewed from its real PDF, exported to a file
that reads back, and printed; charts beside the pages."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pypdfium2
import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.domain.members import Classification
from app.services import classification, demo, meetings, members
from app.services.workspace import Workspace
from tests.ui.conftest import SCREENSHOTS
from ui.reports.catalog import REPORTS
from ui.reports.page import ReportsPage
from ui.shell.main_window import MainWindow
from ui.shell.pages import PAGES

TODAY = date(2026, 11, 25)
# A text each report's PDF prints (its title, as the document writer words it).
PRINTS = {
    "roster": "党员花名册", "minutes": "会议记录", "sign_in": "签到", "dues": "党费收缴台账",
    "study": "学时统计表", "talks": "谈心谈话", "rectification": "整改台账",
    "appraisal": "民主评议党员结果表", "opinions": "意见建议", "disclosures": "党务公开",
    "year_charts": "年度图表", "assessment": "党支部年度工作情况", "statistics": "党员基本情况",
}


@pytest.fixture
def branch(workspace: Workspace) -> Workspace:
    with workspace.unit_of_work() as uow:
        demo.populate(uow, TODAY, 40)
        uow.commit()
    return workspace


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def made_page(qtbot: QtBot, workspace: Workspace) -> ReportsPage:
    page = ReportsPage(workspace, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def choose(qtbot: QtBot, page: ReportsPage, key: str) -> None:
    page.choose(key)
    qtbot.waitUntil(lambda: page.made is not None and page.made.report.key == key,
                    timeout=30_000)


def audit_actions(workspace: Workspace) -> list[str]:
    from sqlalchemy import text

    with workspace.unit_of_work(read_only=True) as uow:
        return [row[0] for row in uow.session.execute(text("SELECT action FROM audit_log"))]


def test_every_report_previews_its_pdf_and_exports_it(
    qtbot: QtBot, branch: Workspace, tmp_path: Path
) -> None:
    page = made_page(qtbot, branch)
    assert page.report_list.item(0).text() == "党员花名册"
    assert page.report_list.count() == len(REPORTS)
    titles = " ".join(page.report_list.item(i).text() for i in range(page.report_list.count()))
    for word in ("花名册", "会议记录", "签到表", "党费", "学时统计表", "民主评议党员结果表",
                 "意见建议", "谈心谈话", "整改台账", "党务公开", "年度图表", "考核评价"):
        assert word in titles, word
    before = audit_actions(branch)
    for entry in REPORTS:
        choose(qtbot, page, entry.key)
        made = page.made
        assert made is not None
        # The pages in the window are the PDF's pages.
        assert made.pages.count >= 1
        assert len(page.page_labels) == made.pages.count
        assert not page.page_labels[0].pixmap().isNull()
        assert page.export_pdf_button.isEnabled()
        assert page.print_button.isEnabled()
        assert page.export_xlsx_button.isEnabled() == (entry.xlsx is not None)
        target = tmp_path / f"{entry.key}.pdf"
        task = page.export_to(target, pdf=True)
        assert task is not None
        with qtbot.waitSignal(task.finished, timeout=30_000):
            pass
        assert target.read_bytes() == made.pages.data
        assert PRINTS[entry.key] in pdf_text(target), entry.key
        if entry.xlsx is not None:
            workbook_path = tmp_path / f"{entry.key}.xlsx"
            task = page.export_to(workbook_path, pdf=False)
            assert task is not None
            with qtbot.waitSignal(task.finished, timeout=30_000):
                pass
            workbook = openpyxl.load_workbook(workbook_path, read_only=True)
            cells = " ".join(str(v) for sheet in workbook.worksheets
                             for row in sheet.iter_rows(values_only=True) for v in row if v)
            workbook.close()
            assert cells.strip(), entry.key
    # The previews recorded nothing; each export is in the audit log.
    added = audit_actions(branch)[len(before):]
    assert added.count("report.export") == len(REPORTS)
    assert len(added) == len(REPORTS) + sum(1 for e in REPORTS if e.xlsx is not None)


def test_meeting_reports_offer_the_meetings_of_the_year(qtbot: QtBot, branch: Workspace) -> None:
    page = made_page(qtbot, branch)
    choose(qtbot, page, "minutes")
    assert page.meeting_combo.isVisibleTo(page)
    assert page.year_spin.isVisibleTo(page)
    assert page.meeting_combo.count() > 10
    first = page.made
    page.meeting_combo.setCurrentIndex(3)
    qtbot.waitUntil(lambda: page.made is not None and page.made is not first, timeout=30_000)
    assert page.made is not None
    assert page.made.param == page.meeting_combo.itemData(3)
    page.year_spin.setValue(1995)  # nothing recorded then
    qtbot.waitUntil(lambda: page.status_label.text() == "本年度没有会议记录。")
    assert page.meeting_combo.count() == 0
    assert page.made is None
    assert not page.export_pdf_button.isEnabled()


def pdf_printer(path: Path) -> QPrinter:
    """A printer that prints into the PDF file ``path``."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_printing_prints_the_reports_pages(
    qtbot: QtBot, branch: Workspace, tmp_path: Path
) -> None:
    page = made_page(qtbot, branch)
    choose(qtbot, page, "year_charts")
    printed = tmp_path / "printed.pdf"
    printer = pdf_printer(printed)
    printer.setResolution(150)
    assert page.print_to(printer)
    assert page.last_task is not None
    qtbot.waitUntil(lambda: audit_actions(branch)[-1] == "report.print", timeout=10_000)
    document = pypdfium2.PdfDocument(str(printed))
    try:
        assert page.made is not None
        assert len(document) == page.made.pages.count == 2
        for index in range(len(document)):
            bitmap = document[index].render(scale=0.3, grayscale=True)
            pixels = bytes(bitmap.buffer)
            assert min(pixels) < 100  # ink
            assert max(pixels) > 200  # on white paper
    finally:
        document.close()
    assert audit_actions(branch)[-1] == "report.print"


def test_a_roster_with_secret_members_asks_before_it_leaves(
    qtbot: QtBot, branch: Workspace
) -> None:
    with branch.unit_of_work() as uow:
        member_id = members.member_ids(uow, members.MemberFilter())[0]
        classification.set_classification(uow, "member", member_id, Classification.SECRET)
        uow.commit()
    page = made_page(qtbot, branch)
    choose(qtbot, page, "roster")
    page.ask_export(pdf=True)
    assert page.question is not None
    assert page.question.isVisible()
    assert "秘密" in page.question.text()
    assert page.file_dialog is None
    page.question.reject()
    assert page.file_dialog is None  # cancelled: nothing asked, nothing written
    # The previewed pages say 秘密, as the roster workbook's printed pages do.
    assert page.made is not None
    document = pypdfium2.PdfDocument(page.made.pages.data)
    try:
        assert "秘密" in document[0].get_textpage().get_text_range()
    finally:
        document.close()


def test_charts_show_beside_the_pages(qtbot: QtBot, branch: Workspace) -> None:
    page = made_page(qtbot, branch)
    choose(qtbot, page, "year_charts")
    assert len(page.chart_widgets) == 4
    assert page.made is not None
    assert not page.made.pages.previews[0].isGrayscale()  # the charts in their colours
    assert page.tabs.isTabEnabled(1)
    page.tabs.setCurrentIndex(1)
    choose(qtbot, page, "talks")
    assert not page.tabs.isTabEnabled(1)
    assert page.tabs.currentIndex() == 0
    assert page.chart_widgets == []


def test_the_window_opens_the_report_centre(qtbot: QtBot, branch: Workspace) -> None:
    window = MainWindow(branch)
    qtbot.addWidget(window)
    window.show_page(PAGES.index("reports"))
    assert window.pages.currentWidget() is window.reports
    page = window.reports
    qtbot.waitUntil(lambda: page.made is not None, timeout=30_000)
    assert page.made is not None
    assert page.made.report.key == "roster"
    SCREENSHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "reports-centre.png"))


def test_statistics_and_assessment_have_their_own_work_in_the_report_centre(
    qtbot: QtBot, branch: Workspace
) -> None:
    """Issue 18: the statistics' gaps open the member's record, the assessment's drill-down
    opens the record behind a figure; both in the report's third tab (the shell's widgets)."""
    from ui.assessment.view import AssessmentView
    from ui.statistics.view import StatisticsView

    window = MainWindow(branch)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show_page(PAGES.index("reports"))
    page = window.reports
    page.choose("roster")
    assert not page.tabs.isTabVisible(2)
    page.choose("statistics")
    assert page.tabs.isTabVisible(2)
    assert page.tabs.tabText(2) == "核对与报送"
    statistics = page.view("statistics")
    assert isinstance(statistics, StatisticsView)
    assert page.view_holder.currentWidget() is statistics
    with branch.unit_of_work(read_only=True) as uow:
        member_id = members.member_ids(uow, members.MemberFilter())[0]
    statistics.open_member.emit(member_id)
    assert window.pages.currentWidget() is window.members
    assert window.members.selected_member_id() == member_id

    window.show_page(PAGES.index("reports"))
    page.choose("assessment")
    assessment = page.view("assessment")
    assert isinstance(assessment, AssessmentView)
    assert page.view_holder.currentWidget() is assessment
    with branch.unit_of_work(read_only=True) as uow:
        meeting_id = meetings.meeting_ids(uow, meetings.MeetingFilter(year=TODAY.year))[0]
    assessment.open_record.emit("meeting", meeting_id)
    assert window.pages.currentWidget() is window.meetings
    assert window.meetings.selected_meeting_id() == meeting_id
    page.tabs.setCurrentIndex(2)
    window.show_page(PAGES.index("reports"))
    qtbot.waitUntil(lambda: not assessment.busy, timeout=30_000)
    SCREENSHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "reports-assessment-tab.png"))
