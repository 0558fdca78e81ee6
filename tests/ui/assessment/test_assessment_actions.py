"""Saving and submitting the self-assessment run off the GUI thread (the window stays usable:
a timer keeps firing), count the year once each, keep the buttons, the year and the sections
locked until they end, then show what was saved or the error in Chinese."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer

from app.services import assessment, assessment_report
from tests.ui.assessment.conftest import view_of

SLOW = 0.4  # seconds a count takes at least here (10,000 members: about one)


@pytest.fixture
def counts(monkeypatch) -> list[str]:
    """The threads the year was counted on, each count made slow."""
    found: list[str] = []
    real = assessment.assess

    def counting(uow, year, as_of):
        found.append(threading.current_thread().name)
        time.sleep(SLOW)
        return real(uow, year, as_of)

    monkeypatch.setattr(assessment, "assess", counting)  # the view's refresh
    monkeypatch.setattr(assessment_report, "assess", counting)  # save and submit
    return found


class Ticking:
    """A timer on the GUI thread counting its ticks: it ticks only while that thread runs."""

    def __init__(self) -> None:
        self.ticks = 0
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.ticks += 1


def write_all(view) -> None:
    for key, text in (("situation", "本支部现有党员20名。"), ("achievements", "按时召开三会一课。"),
                      ("problems", "谈心谈话尚未全覆盖。"), ("plans", "补齐谈心谈话。")):
        view.editors[key].setPlainText(text)


def test_save_runs_off_the_gui_thread_and_counts_once(qtbot, branch, counts):
    view = view_of(qtbot, branch)
    counts.clear()
    view.editors["situation"].setPlainText("本支部现有党员20名。")
    ticking = Ticking()
    task = view.save()
    assert not view.save_button.isEnabled()
    assert not view.submit_button.isEnabled()
    assert not view.export_button.isEnabled()
    assert not view.year_spin.isEnabled()
    assert view.editors["situation"].isReadOnly()
    assert view.busy
    assert "正在保存" in view.feedback_label.text()
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert ticking.ticks >= 5  # the GUI thread kept running
    assert len(counts) == 1
    assert counts[0] != threading.main_thread().name
    assert view.feedback_label.text() == "已保存。"
    assert "草稿" in view.state_label.text()
    assert view.save_button.isEnabled()
    assert view.year_spin.isEnabled()
    assert not view.editors["situation"].isReadOnly()
    assert not view.busy
    with branch.unit_of_work(read_only=True) as uow:
        report = assessment_report.get(uow, 2026)
    assert report is not None
    assert report.sections.situation == "本支部现有党员20名。"


def test_submit_runs_off_the_gui_thread_and_counts_once(qtbot, branch, counts):
    view = view_of(qtbot, branch)
    counts.clear()
    write_all(view)
    ticking = Ticking()
    changed: list[int] = []
    view.changed.connect(lambda: changed.append(1))
    box = view.ask_submit()
    assert box is not None
    box.accept()
    task = view.action_task
    assert task is not None
    assert not view.submit_button.isEnabled()
    assert "正在报送" in view.feedback_label.text()
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert ticking.ticks >= 5
    assert len(counts) == 1
    assert counts[0] != threading.main_thread().name
    assert changed == [1]
    assert view.feedback_label.text().startswith("已报送")
    assert view.state_label.text().startswith("已于 2026-12-31 报送")
    assert not view.save_button.isEnabled()
    assert not view.submit_button.isEnabled()
    assert view.export_button.isEnabled()
    assert view.year_spin.isEnabled()
    assert view.editors["plans"].isReadOnly()
    with branch.unit_of_work(read_only=True) as uow:
        report = assessment_report.get(uow, 2026)
    assert report is not None
    assert report.submitted
    assert report.figures["charts"]


def test_a_refused_submission_shows_why_and_unlocks(qtbot, branch, counts):
    view = view_of(qtbot, branch)
    counts.clear()
    view.editors["situation"].setPlainText("只写了一部分。")
    with qtbot.waitSignal(view.submit().finished, timeout=30_000):
        pass
    assert counts == []  # refused before the year was counted
    assert "存在的问题" in view.feedback_label.text()
    assert view.feedback_label.styleSheet() != ""
    assert view.submit_button.isEnabled()
    assert view.save_button.isEnabled()
    assert not view.editors["situation"].isReadOnly()
    assert view.editors["situation"].toPlainText() == "只写了一部分。"  # kept as typed
    with branch.unit_of_work(read_only=True) as uow:
        assert assessment_report.get(uow, 2026) is None


def test_a_section_too_long_is_refused_in_chinese(qtbot, branch, counts):
    view = view_of(qtbot, branch)
    view.editors["plans"].setPlainText("长" * (assessment_report.MAX_SECTION + 1))
    with qtbot.waitSignal(view.save().finished, timeout=30_000):
        pass
    assert "下一步打算" in view.feedback_label.text()
    assert view.save_button.isEnabled()
    with branch.unit_of_work(read_only=True) as uow:
        assert assessment_report.get(uow, 2026) is None


def test_a_save_running_when_locked_shows_nothing(qtbot, branch, counts):
    view = view_of(qtbot, branch)
    view.editors["situation"].setPlainText("草稿文字")
    task = view.save()
    view.clear()
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert view.table.rowCount() == 0
    assert view.state_label.text() == ""
    assert not view.save_button.isEnabled()


def test_submit_names_the_empty_sections_before_asking(qtbot, branch, counts):
    view = view_of(qtbot, branch)
    view.editors["situation"].setPlainText("只写了一部分。")
    assert view.ask_submit() is None
    assert "存在的问题" in view.feedback_label.text()
    assert view.action_task is None
