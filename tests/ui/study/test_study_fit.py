"""学习教育 and its dialogs fit an office screen with no clipped text (as tests/ui/shell/
test_screen_fit.py checks the other pages): the page at the size the main window gives it on
1366x768, every dialog as it opens."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.meetings import MeetingType
from app.domain.study import StudyForm
from app.services import meetings as mt
from app.services import study, study_import
from tests.integration.services.test_meetings import add_members
from tests.ui.screen_fit import problems, settle
from ui.study.entry_dialog import EntryDialog
from ui.study.import_dialog import HoursImportDialog
from ui.study.member_dialog import MemberStudyDialog
from ui.study.page import StudyPage
from ui.study.settings_dialog import StudySettingsDialog

TODAY = date(2026, 11, 25)


def test_the_page_and_its_dialogs_fit(qtbot, workspace, tmp_path, screenshot):
    ids = add_members(workspace, full=12, committee=3)
    with workspace.unit_of_work() as uow:
        mt.create_meeting(uow, mt.MeetingInput(
            type=MeetingType.PARTY_LECTURE, held_on=date(2026, 10, 9), start_time="14:00",
            end_time="16:00", topics=("以高质量党建引领业务发展",)))
        study.add_entry(uow, study.EntryInput(
            ids[0], date(2026, 4, 1), StudyForm.TRAINING, "基层党组织书记和委员培训班",
            Decimal(24), "市委党校"))
        uow.commit()
    found: list[str] = []

    def check(widget, name):
        widget.show()
        settle()
        screenshot(widget, f"fit-study-{name}")
        found.extend(f"{name}: {fault}" for fault in problems(widget))

    page = StudyPage(workspace, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1366 - 150, 690)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.reload()
    check(page, "page")
    member = MemberStudyDialog(workspace, ids[0], "党员00", 2026, TODAY, page)
    check(member, "member")
    with workspace.unit_of_work(read_only=True) as uow:
        entry = study.member_entries(uow, ids[0], 2026)[0]
    check(EntryDialog(workspace, ids[0], "党员00", entry, TODAY, page), "entry")
    check(StudySettingsDialog(workspace, 2026, page), "settings")
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["姓名", "日期", "课程", "学时"])
    for i in range(30):
        book.active.append([f"党员{i:02d}", "2026-03-01", "网上专题班", "x" if i % 3 else 2])
    path = tmp_path / "学时导出.xlsx"
    book.save(path)
    with workspace.unit_of_work(read_only=True) as uow:
        plan = study_import.plan_hours_import(uow, path, TODAY)
    check(HoursImportDialog(plan, page), "import")
    assert not found, "\n".join(found)
