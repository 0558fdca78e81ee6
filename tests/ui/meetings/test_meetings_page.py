"""组织生活 page: compliance and the 工作台 reminders, the page in the main window, the meeting
list model, the minutes PDF and its print preview, and the list's columns."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.meetings import MeetingType
from app.services import meetings
from app.services.meetings import Attendance, MeetingFilter
from app.services.workspace import Workspace
from tests.conftest import PASSPHRASE
from tests.ui.meetings.helpers import TODAY, Screenshot, add_meeting, add_members, pdf_text
from ui.meetings.page import MeetingsPage
from ui.meetings.reminders import MeetingReminders
from ui.meetings.table_model import ID_ROLE, MeetingTableModel
from ui.shell.main_window import MainWindow
from ui.widgets.printing import PdfPrintPreviewDialog

# ---------------------------------------------------------------- compliance and 工作台


def test_compliance_view_and_dashboard_reminders(
    qtbot: QtBot, page: MeetingsPage, screenshot: Screenshot, workspace: Workspace
) -> None:
    add_members(workspace, full=7, committee=3)  # 7 full members: a committee
    for month in (2, 8):  # no 党员大会 in Q2; Q4 still running
        add_meeting(workspace, MeetingType.MEMBERS_ASSEMBLY, date(2026, month, 10))
    for month in range(1, 12):
        if month not in (4, 9, 11):  # April and September missed; November still due
            add_meeting(workspace, MeetingType.COMMITTEE, date(2026, month, 5))
    page.tabs.setCurrentIndex(1)
    dialog = page.edit_frequencies()
    for meeting_type, combo in dialog.combos.items():
        if meeting_type not in (MeetingType.MEMBERS_ASSEMBLY, MeetingType.COMMITTEE):
            combo.setCurrentIndex(combo.findData(None))
    assert dialog.save()
    cells = page.compliance.cells()
    assert cells[("2026年第二季度", "支部党员大会")] == "✗ 未开"
    assert cells[("2026年第一季度", "支部党员大会")] == "✓ 已开"
    assert cells[("2026年第四季度", "支部党员大会")] == "○ 待开"
    assert cells[("2026年4月", "支部委员会会议")] == "✗ 未开"
    assert cells[("2026年9月", "支部委员会会议")] == "✗ 未开"
    assert cells[("2026年11月", "支部委员会会议")] == "○ 待开"
    assert cells[("2026年4月", "支部党员大会")] == ""
    assert sum(text == "✗ 未开" for text in cells.values()) == 3
    assert "缺 3 次" in page.compliance.summary.text()
    screenshot(page, "meetings-compliance")

    reminders = MeetingReminders(workspace, lambda: date(2026, 10, 3))
    qtbot.addWidget(reminders)
    with qtbot.waitSignal(reminders.loaded, timeout=10_000):
        reminders.refresh()
    due = {(kind, days) for kind, _period, days in reminders.due}
    assert due == {(MeetingType.MEMBERS_ASSEMBLY, 89), (MeetingType.COMMITTEE, 28)}
    assert [(str(p), kind) for p, kind in reminders.missed] == [
        ("2026-09", MeetingType.COMMITTEE)
    ]
    assert "支部委员会会议（2026年9月）" in reminders.labels[1].text()


def test_main_window_shows_the_page_and_clears_it_when_locked(
    qtbot: QtBot, workspace: Workspace, screenshot: Screenshot
) -> None:
    add_members(workspace, full=3, committee=3)
    add_meeting(workspace, MeetingType.COMMITTEE, date.today())
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.show_page(2)
    assert window.pages.currentWidget() is window.meetings
    assert window.meetings.model.count == 1
    qtbot.waitUntil(lambda: window.dashboard.filled, timeout=10_000)
    assert window.dashboard.sections["meetings"].isVisibleTo(window.dashboard)
    screenshot(window, "meetings-in-main-window")
    window.lock()
    assert window.meetings.model.count == 0
    assert window.dashboard.sections["meetings"].labels == []
    window.unlock_panel.passphrase_edit.setText(PASSPHRASE)
    qtbot.keyClick(window.unlock_panel.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    assert window.meetings.model.count == 1


# ---------------------------------------------------------------- the list model


def test_meeting_table_model_filters_in_sql_and_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, workspace: Workspace
) -> None:
    add_members(workspace, full=3, committee=3)
    kinds = [MeetingType.COMMITTEE, MeetingType.THEME_DAY, MeetingType.PARTY_LECTURE]
    for i in range(30):
        add_meeting(workspace, kinds[i % 3], date(2026, 1 + i % 12, 1 + i % 27),
                    topic=f"议题{i:02d}", place="二楼会议室" if i % 5 == 0 else "三楼会议室")
    model = MeetingTableModel(workspace, page_size=7)
    model.set_filter(MeetingFilter(year=2026))
    assert model.count == 30
    assert model.loaded_rows == 7
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    dates = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert model.loaded_rows == 30  # read a page at a time as rows were shown
    assert dates == sorted(dates, reverse=True)
    assert model.headerData(2, Qt.Orientation.Horizontal) == "议题"
    model.set_filter(MeetingFilter(year=2026, month=3))
    assert {model.index(r, 0).data()[:7] for r in range(model.rowCount())} == {"2026-03"}
    model.set_filter(MeetingFilter(year=2026, type=MeetingType.THEME_DAY))
    assert model.count == 10
    assert {model.index(r, 1).data() for r in range(model.rowCount())} == {"主题党日"}
    model.set_filter(MeetingFilter(year=2026, text="二楼"))
    assert model.count == 6
    meeting_id = model.index(0, 0).data(ID_ROLE)
    assert model.row_of(meeting_id) == 0
    model.set_filter(MeetingFilter(year=2025))
    assert model.count == 0
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.clear()
    assert model.rowCount() == 0


# ---------------------------------------------------------------- the minutes PDF


def test_export_the_minutes_pdf_of_finalized_minutes_with_a_correction(
    qtbot: QtBot, page: MeetingsPage, tmp_path: Path
) -> None:
    ids = add_members(page._workspace, full=6, committee=3)
    meeting_id = add_meeting(page._workspace, MeetingType.COMMITTEE, TODAY,
                             topic="研究十二月主题党日安排")
    with page._workspace.unit_of_work() as uow:
        meetings.set_attendance(uow, meeting_id, ids[2], Attendance.ABSENT, "出差在外")
        meetings.finalize(uow, meeting_id, TODAY)
        meetings.add_amendment(uow, meeting_id, TODAY, "李红", "会议结束时间应为16:30。")
        uow.commit()
    page.refresh()
    assert page.select_meeting(meeting_id)
    assert page.export_button.isEnabled()
    assert page.print_button.isEnabled()
    target = tmp_path / "会议记录.pdf"
    task = page.export_minutes(target)
    assert task is not None
    qtbot.waitUntil(lambda: "已导出" in page.feedback_label.text(), timeout=20_000)
    text = pdf_text(target)
    for expected in ("支部委员会", "三楼会议室", "研究十二月主题党日安排", "张伟", "出差在外",
                     "会议结束时间应为16:30。", "王建国", "李红"):
        assert expected in text, expected
    screenshots = Path(__file__).resolve().parents[3] / "screenshots"
    screenshots.mkdir(exist_ok=True)  # in a fresh clone, no other test may have made it yet
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(target),
         str(screenshots / "meeting-minutes-pdf")],
        check=True,
    )



def test_the_sign_in_sheet_opens_in_the_print_preview(
    qtbot: QtBot, page: MeetingsPage, workspace: Workspace
) -> None:
    add_members(workspace, full=4, committee=3)
    meeting_id = add_meeting(workspace, MeetingType.COMMITTEE, TODAY)
    page.refresh()
    assert page.select_meeting(meeting_id)
    assert page.sign_in_button.isEnabled()
    qtbot.mouseClick(page.sign_in_button, Qt.MouseButton.LeftButton)

    def preview() -> PdfPrintPreviewDialog | None:
        found = page.findChildren(PdfPrintPreviewDialog)
        return found[0] if found else None

    qtbot.waitUntil(lambda: preview() is not None, timeout=20_000)
    dialog = preview()
    assert dialog is not None
    assert dialog.windowTitle() == "打印预览：签到表"
    assert page.feedback_label.text() == ""
    dialog.close()


def test_the_topics_take_the_room_of_a_wide_window(
    qtbot: QtBot, workspace: Workspace, page: MeetingsPage
) -> None:
    """At 1366×768 the topics were cut with "…" while the status column stood mostly empty."""
    long_topic = "学习贯彻党的二十届三中全会精神并结合本单位实际研究落实措施和分工安排"
    add_meeting(workspace, MeetingType.COMMITTEE, date(2026, 11, 3), topic=long_topic)
    page.resize(1200, 600)
    page.refresh()
    qtbot.wait(50)
    header = page.table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count())]
    assert widths[2] == max(widths)
    assert widths[-1] <= 150
