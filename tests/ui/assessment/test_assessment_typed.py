"""What a secretary types in the self-assessment is not lost before it is saved: a count again
(the indicator settings saved) keeps it, so does a look at another year, and the PDF of a draft
prints it. In the report centre the view and the preview show one year, and the preview shows
what was just saved. PDFs read back with pdftotext."""

from __future__ import annotations

import subprocess

from pytestqt.qtbot import QtBot

from app.services import assessment_report
from app.services.workspace import Workspace
from tests.ui.assessment.conftest import TODAY, view_of
from ui.shell.main_window import MainWindow
from ui.shell.pages import PAGES


def counted(qtbot: QtBot, view) -> None:
    qtbot.waitUntil(lambda: not view.busy, timeout=30_000)


def test_typed_text_survives_a_count_and_another_year(qtbot, branch):
    view = view_of(qtbot, branch)
    view.editors["situation"].setPlainText("尚未保存的基本情况。")
    with qtbot.waitSignal(view.refreshed, timeout=30_000):
        view.refresh()  # as after the indicator settings were saved
    assert view.editors["situation"].toPlainText() == "尚未保存的基本情况。"
    with qtbot.waitSignal(view.refreshed, timeout=30_000):
        view.year_spin.setValue(2025)
    assert view.editors["situation"].toPlainText() == ""
    with qtbot.waitSignal(view.refreshed, timeout=30_000):
        view.year_spin.setValue(2026)
    assert view.editors["situation"].toPlainText() == "尚未保存的基本情况。"
    with qtbot.waitSignal(view.save().finished, timeout=30_000):
        pass
    with qtbot.waitSignal(view.refreshed, timeout=30_000):
        view.refresh()
    assert view.editors["situation"].toPlainText() == "尚未保存的基本情况。"
    view.clear()  # locked: nothing typed is kept
    with qtbot.waitSignal(view.refreshed, timeout=30_000):
        view.refresh()
    assert view.editors["situation"].toPlainText() == "尚未保存的基本情况。"  # the saved one


def test_the_pdf_of_a_draft_prints_what_is_typed(qtbot, branch, tmp_path):
    view = view_of(qtbot, branch)
    view.editors["problems"].setPlainText("刚刚写下、尚未保存的问题。")
    target = tmp_path / "草稿.pdf"
    with qtbot.waitSignal(view.export(target).finished, timeout=30_000):
        pass
    words = "".join(subprocess.run(["pdftotext", str(target), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert "刚刚写下、尚未保存的问题。" in words
    with branch.unit_of_work(read_only=True) as uow:
        assert assessment_report.get(uow, 2026) is None  # printed, not saved


def test_the_report_centre_shows_one_year_and_what_was_saved(qtbot, branch: Workspace):
    window = MainWindow(branch)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show_page(PAGES.index("reports"))
    page = window.reports
    page.year_spin.setValue(TODAY.year)
    page.choose("assessment")
    view = page.view("assessment")
    view._today = lambda: TODAY  # the demo's year, counted to its end
    counted(qtbot, view)
    assert view.year() == page.year_spin.value() == TODAY.year
    page.year_spin.setValue(TODAY.year - 1)
    assert view.year() == TODAY.year - 1
    counted(qtbot, view)
    view.year_spin.setValue(TODAY.year)
    assert page.year_spin.value() == TODAY.year
    counted(qtbot, view)
    qtbot.waitUntil(lambda: page.made is not None, timeout=30_000)
    made_before = page.made
    view.editors["situation"].setPlainText("本支部现有党员20名。")
    with qtbot.waitSignal(view.save().finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: page.made is not None and page.made is not made_before,
                    timeout=30_000)
