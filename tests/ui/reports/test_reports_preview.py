"""The report centre's preview only reads: while a big report builds, a sync or the secretary's
save commits; its charts are counted once for the pages and the window; a workbook export is
built reading and recorded in a short write after."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.documents import sheet_pdf
from app.services import assessment_report, figures, study
from app.services.workspace import Workspace
from tests.ui.reports.test_reports_page import (
    audit_actions,
    branch,
    choose,
    made_page,
    pdf_printer,
)
from tests.writers import another_writer_holds

__all__ = ["branch"]  # the fixture, shared


def held(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> tuple[
        threading.Event, threading.Event]:
    """Pause ``owner.name`` on the worker thread: (entered, release)."""
    entered, release = threading.Event(), threading.Event()
    original = getattr(owner, name)

    def paused(*args: Any, **kwargs: Any) -> Any:
        entered.set()
        release.wait(20)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, paused)
    return entered, release


def commits_meanwhile(workspace: Workspace) -> bool:
    """A write (as a save or a sync makes) commits within 5 s, from another thread."""
    committed = threading.Event()

    def write() -> None:
        with workspace.unit_of_work() as uow:
            uow.audit("test.write", "test", "1")
            uow.commit()
        committed.set()

    threading.Thread(target=write, daemon=True).start()
    return committed.wait(5)


def test_a_write_commits_while_a_preview_builds(
    qtbot: QtBot, branch: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = made_page(qtbot, branch)
    choose(qtbot, page, "roster")
    before = audit_actions(branch)
    # The dues ledger: a workbook written by its service (which audits an export) and printed.
    entered, release = held(monkeypatch, sheet_pdf, "write_pdf")
    try:
        page.choose("dues")
        assert entered.wait(20)
        assert commits_meanwhile(branch)  # the preview holds no write lock
    finally:
        release.set()
    qtbot.waitUntil(lambda: page.made is not None and page.made.report.key == "dues",
                    timeout=30_000)
    assert page.made is not None
    assert page.made.pages.count >= 1
    assert page.export_pdf_button.isEnabled()
    # The preview recorded nothing (the service's export entry is dropped): only the test's.
    assert audit_actions(branch)[len(before):] == ["test.write"]


def test_a_workbook_export_holds_no_write_lock_while_it_builds(
    qtbot: QtBot, branch: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    page = made_page(qtbot, branch)
    choose(qtbot, page, "talks")
    from app.documents import talks as talks_doc

    entered, release = held(monkeypatch, talks_doc, "write_workbook")
    target = tmp_path / "talks.xlsx"
    try:
        task = page.export_to(target, pdf=False)
        assert task is not None
        assert entered.wait(20)
        assert commits_meanwhile(branch)
    finally:
        release.set()
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert target.stat().st_size > 0
    # The export is recorded after it, once.
    assert audit_actions(branch)[-2:] == ["test.write", "talk.export"]


def counting(monkeypatch: pytest.MonkeyPatch, calls: Counter[str],
             owner: object, *names: str) -> None:
    for name in names:
        original: Callable[..., Any] = getattr(owner, name)

        def counted(*args: Any, _name: str = name, _original: Callable[..., Any] = original,
                    **kwargs: Any) -> Any:
            calls[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)


@pytest.mark.parametrize(("key", "counts"), [
    ("dues", {"dues_by_month": 1}),
    ("study", {"year_table": 1}),
    ("year_charts", {"composition": 1, "dues_by_month": 1, "meetings_held": 1,
                     "year_table": 1}),
    # The draft's figures and its charts: the year assessed once for both (the study chart
    # reads the study table again, as the study indicator did: left as it is).
    ("assessment", {"assess": 1, "dues_by_month": 1, "meetings_held": 1, "year_table": 2}),
])
def test_a_preview_counts_its_charts_once(
    qtbot: QtBot, branch: Workspace, monkeypatch: pytest.MonkeyPatch, key: str,
    counts: dict[str, int],
) -> None:
    page = made_page(qtbot, branch)
    calls: Counter[str] = Counter()
    counting(monkeypatch, calls, figures, "composition", "dues_by_month", "meetings_held")
    counting(monkeypatch, calls, study, "year_table")
    counting(monkeypatch, calls, assessment_report, "assess")
    choose(qtbot, page, key)
    assert dict(calls) == counts
    assert page.made is not None
    assert len(page.chart_widgets) == len(page.made.figures) >= 1


def test_charts_go_one_a_row_when_two_do_not_fit(qtbot: QtBot, branch: Workspace) -> None:
    page = made_page(qtbot, branch)  # 1200 wide: two a row
    choose(qtbot, page, "year_charts")
    page.tabs.setCurrentIndex(1)

    def columns() -> set[int]:
        layout = page.charts_layout
        return {layout.getItemPosition(layout.indexOf(chart))[1] for chart in page.chart_widgets}

    assert columns() == {0, 1}
    page.resize(760, 600)  # a 1366x768 screen at 150 %, less the window's page list
    qtbot.waitUntil(lambda: columns() == {0})
    assert page.charts_widget.minimumSizeHint().width() <= page.charts_scroll.viewport().width()


def test_a_print_is_recorded_without_freezing_the_window_while_a_sync_writes(
    qtbot: QtBot, branch: Workspace, tmp_path: Path
) -> None:
    page = made_page(qtbot, branch)
    choose(qtbot, page, "year_charts")
    printer = pdf_printer(tmp_path / "printed.pdf")
    with another_writer_holds(branch):
        started = time.monotonic()
        assert page.print_to(printer)
        assert time.monotonic() - started < 5  # the GUI thread did not wait for the lock
    qtbot.waitUntil(lambda: audit_actions(branch)[-1] == "report.print", timeout=20_000)
    assert audit_actions(branch)[-2:] == ["test.sync", "report.print"]


def test_a_meeting_reports_file_is_named_with_its_day(qtbot: QtBot, branch: Workspace) -> None:
    page = made_page(qtbot, branch)
    choose(qtbot, page, "minutes")
    made = page.made
    assert made is not None
    day = page.meeting_combo.currentText()[:10]
    assert page._file_name(made, pdf=True) == f"会议记录 {day}.pdf"
