"""考核评价 view as a secretary uses it on a demo branch: the year's indicators with value, target
and formula; the records behind one, opened through the signal the shell connects; the four
sections written, saved, exported as a PDF read back, submitted and then read-only.
Screenshots go to /tmp/assess-shots/ for a person to look at."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.domain.assessment import Code
from app.services import assessment, assessment_report, dues_folds
from tests.ui.assessment.conftest import TODAY, view_of
from tests.ui.assessment.conftest import shot as shown

SHOTS = Path("/tmp/assess-shots")


def shot(widget: QWidget, name: str) -> None:
    shown(widget, SHOTS, name)


def test_the_indicators_show_value_target_and_formula(qtbot, branch):
    with branch.unit_of_work(read_only=True) as uow:
        assert dues_folds.any_stale(uow)  # the demo's dues just recorded
    view = view_of(qtbot, branch)
    with branch.unit_of_work(read_only=True) as uow:
        assert not dues_folds.any_stale(uow)  # kept before the count
        found = assessment.assess(uow, 2026, TODAY)
    assert view.table.rowCount() == len(found.indicators) == 11
    talks = found.indicator(Code.TALKS)
    row = [i.code for i in found.indicators].index(Code.TALKS)
    assert view.table.item(row, 0).text() == "谈心谈话覆盖"
    assert view.table.item(row, 1).text() == f"{talks.count.done} / {talks.count.due}"
    assert view.table.item(row, 2).text() == f"{talks.value}%"
    assert view.table.item(row, 3).text() == "≥ 100%"
    assert "÷ 应谈对数" in view.table.item(row, 6).text()
    assert view.table.item(row, 5).text() in ("达标", "未达标")
    assert "项指标达标" in view.summary_label.text()
    assert "尚未填写" in view.state_label.text()
    shot(view, "assessment-view")


def test_the_records_behind_an_indicator_open_by_the_signal(qtbot, branch):
    view = view_of(qtbot, branch)
    assert view.select(Code.THEME_DAY.value)
    dialog = view.show_records()
    assert dialog is not None
    assert dialog.windowTitle().endswith("主题党日按月开展")
    assert dialog.table.rowCount() == len(dialog.indicator.records) > 0
    assert dialog.table.item(0, 1).text() == "会议"
    assert dialog.table.item(0, 2).text().startswith("主题党日")
    shot(dialog, "assessment-drilldown")
    dialog.table.selectRow(0)
    with qtbot.waitSignal(view.open_record, timeout=2000) as opened:
        assert dialog.open_selected()
    assert opened.args == ["meeting", dialog.indicator.records[0].id]


def test_sections_saved_exported_and_submitted(qtbot, branch, tmp_path):
    view = view_of(qtbot, branch)
    view.editors["situation"].setPlainText("本支部现有党员20名。")
    view.editors["achievements"].setPlainText("全年按规定召开三会一课。")
    with qtbot.waitSignal(view.save().finished, timeout=30_000):
        pass
    assert "草稿" in view.state_label.text()
    with qtbot.waitSignal(view.submit().finished, timeout=30_000):
        pass  # sections missing: refused, nothing changes
    assert "存在的问题" in view.feedback_label.text()
    with branch.unit_of_work(read_only=True) as uow:
        report = assessment_report.get(uow, 2026)
    assert report is not None
    assert not report.submitted
    view.editors["problems"].setPlainText("谈心谈话尚未全覆盖。")
    view.editors["plans"].setPlainText("下一年度补齐谈心谈话。")
    view.tabs.setCurrentIndex(2)
    shot(view, "assessment-sections")
    target = tmp_path / "年度工作情况.pdf"
    task = view.export(target)
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert "已导出" in view.feedback_label.text()
    words = "".join(subprocess.run(["pdftotext", str(target), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert "全年按规定召开三会一课。" in words
    box = view.ask_submit()
    assert box is not None
    assert box.defaultButton() is box.button(box.StandardButton.No)
    box.accept()
    assert view.action_task is not None
    with qtbot.waitSignal(view.action_task.finished, timeout=30_000):
        pass
    assert view.state_label.text().startswith("已于 2026-12-31 报送")
    assert view.editors["plans"].isReadOnly()
    assert not view.save_button.isEnabled()
    assert not view.submit_button.isEnabled()
    with branch.unit_of_work(read_only=True) as uow:
        report = assessment_report.get(uow, 2026)
    assert report is not None
    assert report.submitted_on == TODAY
    assert report.sections.problems == "谈心谈话尚未全覆盖。"
    shot(view, "assessment-submitted")


def test_locking_clears_what_is_shown(qtbot, branch):
    view = view_of(qtbot, branch)
    view.editors["situation"].setPlainText("草稿文字")
    view.clear()
    assert view.table.rowCount() == 0
    assert view.editors["situation"].toPlainText() == ""
    assert not view.export_button.isEnabled()
