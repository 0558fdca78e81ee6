"""Every page and dialog fits an office screen, with no clipped text (issue 13).

The UI tests run on an offscreen screen of 1366x768 (tests/ui/conftest.py). The last test runs
this module again on a 1920x1080 screen at 150 % (``QT_SCALE_FACTOR=1.5``: 1280x720 logical
pixels). Screenshots of everything checked go to screenshots/fit-<screen>-<name>.png.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from app.domain.calendar import Month
from app.services import branch, dues, meeting_documents, roster
from app.services.workspace import Workspace
from tests.conftest import FAST_KDF, PASSPHRASE, PROFILE
from tests.ui.screen_fit import problems, settle
from ui.assessment.settings_dialog import AssessmentSettingsDialog
from ui.common.screen_fit import GEOMETRY_KEY, restore_main_window
from ui.dues.bases_model import BaseCol
from ui.dues.member_dues import MemberDuesDialog
from ui.members.dialogs import EventDialog, LeaveDialog
from ui.members.roster_io import RosterImportDialog
from ui.members.transfer_dialogs import ReceiptDialog, TransferInDialog, TransferOutDialog
from ui.shell.after_recovery import AfterRecoveryDialog
from ui.shell.app import Shell
from ui.shell.main_window import MainWindow
from ui.shell.pages import PAGES
from ui.shell.setup_wizard import SetupWizard
from ui.widgets.printing import PdfPages, PdfPrintPreviewDialog

ROOT = Path(__file__).resolve().parents[3]


def screen_name() -> str:
    size = QGuiApplication.primaryScreen().availableGeometry().size()
    return f"{size.width()}x{size.height()}"


@pytest.fixture(scope="module")
def demo_branch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A branch with 60 demo members, a month of dues and a finalized 支委会, built once for the
    module (it is the dearest part of every test here); each test works on a copy of it."""
    from tools.user_guide_screenshots import sample_records

    data_dir = tmp_path_factory.mktemp("demo-branch") / "data"
    workspace = Workspace(data_dir, keyring=None, kdf=FAST_KDF)
    workspace.create(PROFILE, PASSPHRASE)
    today = date.today()
    meeting_id = sample_records(workspace, today)
    with workspace.unit_of_work() as uow:  # months never paid: a long 工作台 list of arrears
        for month in range(1, today.month):
            dues.generate_month(uow, Month(today.year, month))
        uow.commit()
    workspace.lock()
    return data_dir, meeting_id


@pytest.fixture
def demo_workspace(
    demo_branch: tuple[Path, str], data_dir: Path, make_workspace
) -> Iterator[tuple[Workspace, str]]:
    """The demo branch, copied for this test and unlocked."""
    template, meeting_id = demo_branch
    shutil.copytree(template, data_dir)
    workspace = make_workspace()
    workspace.unlock(PASSPHRASE)
    yield workspace, meeting_id
    workspace.lock()


@pytest.fixture
def check(screenshot: Callable[[QWidget, str], Path]) -> Iterator[Callable[[QWidget, str], None]]:
    """check(window, name): screenshot it and collect its faults, on every tab of every tab
    widget in it (a tab's own tabs too); the test fails at the end on any fault."""
    found: list[str] = []

    def visit(window: QWidget, name: str, seen: set[int]) -> None:
        settle()
        screenshot(window, f"fit-{screen_name()}-{name}")
        found.extend(f"{name}: {fault}" for fault in problems(window))
        for tabs in window.findChildren(QTabWidget):
            if id(tabs) in seen or not tabs.isVisibleTo(window):
                continue
            seen.add(id(tabs))
            first = tabs.currentIndex()
            for index in range(tabs.count()):
                if index != first and tabs.isTabEnabled(index):
                    tabs.setCurrentIndex(index)
                    visit(window, f"{name}-tab{index}", seen)
            tabs.setCurrentIndex(first)

    def run(window: QWidget, name: str) -> None:
        window.show()
        visit(window, name, set())

    yield run
    assert not found, "\n".join(found)


@pytest.fixture
def window(qtbot: QtBot, demo_workspace: tuple[Workspace, str], tmp_path: Path) -> MainWindow:
    workspace, _ = demo_workspace
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    first_start = QSettings(str(tmp_path / "first-start.ini"), QSettings.Format.IniFormat)
    restore_main_window(main, first_start)  # maximized on these screens
    main.show()
    if main.dashboard.sections["arrears"].busy:
        qtbot.waitSignal(main.dashboard.sections["arrears"].loaded, timeout=30_000).wait()
    settle()
    return main


def test_every_page_of_the_main_window_fits(window: MainWindow, check) -> None:
    available = window.screen().availableGeometry()
    assert window.isMaximized()
    assert window.frameGeometry().width() <= available.width()
    for index, name in enumerate(PAGES):
        window.show_page(index)
        settle()
        check(window, f"page-{name}")


def test_the_members_page_fits_a_window_1000_pixels_wide(window: MainWindow, check) -> None:
    """A window not maximized, e.g. beside another one: the member count stays whole."""
    window.showNormal()
    window.resize(1000, 600)  # 1000 pixels wide even on a 1280x720 (150 %) screen
    window.show_page(PAGES.index("members"))
    settle()
    check(window, "page-members-1000px")
    assert window.members.count_label.text()


def test_the_lock_screen_fits(window: MainWindow, check) -> None:
    window.lock()
    check(window, "unlock")


def _unqualified_appraisal(workspace: Workspace, window: MainWindow) -> QWidget:
    """The demo's 不合格 member of last year in the 民主评议 dialog (its handling fields shown)."""
    from app.domain.appraisal import Grade
    from app.services import appraisal
    from ui.appraisal.dialog import AppraisalDialog

    year = date.today().year - 1
    with workspace.unit_of_work() as uow:
        line = next(line for line in appraisal.year_lines(uow, year)
                    if line.data is not None and line.data.grade is Grade.UNQUALIFIED)
    return AppraisalDialog(workspace, line.member_id, line.name, year, False, date.today(),
                           window)


def test_every_dialog_fits(
    window: MainWindow, demo_workspace: tuple[Workspace, str], check, tmp_path: Path
) -> None:
    workspace, meeting_id = demo_workspace
    window.show_page(1)
    window.members.table.selectRow(0)
    member_id = window.members.selected_member_id()
    assert member_id is not None
    dialogs: list[tuple[QWidget | None, str]] = [
        (window.members.edit_member(), "member-form"),
        (window.members.add_member(), "member-new"),
        (window.members.show_detail(member_id), "member-detail"),
        (LeaveDialog(workspace, member_id, "张三", parent=window), "member-leave"),
        (EventDialog(workspace, member_id, "张三", parent=window), "member-event"),
        (TransferOutDialog(workspace, member_id, "张三", parent=window), "member-transfer-out"),
        (ReceiptDialog(workspace, member_id, "张三", parent=window), "member-transfer-receipt"),
        (TransferInDialog(workspace, parent=window), "member-transfer-in"),
        (window.meetings.open_meeting(meeting_id), "meeting-editor"),
        (window.meetings.new_meeting(), "meeting-new"),
        (window.meetings.edit_frequencies(), "meeting-frequencies"),
        (MemberDuesDialog(workspace, member_id, parent=window), "dues-history"),
        (window.dues.bases_tab.edit_checks(), "dues-base-checks"),
        (AfterRecoveryDialog(workspace, window), "after-recovery"),
        (window.talks.new_talk(), "talk-new"),
        (window.rectification.new_item(), "rectification-new"),
        (AssessmentSettingsDialog(workspace, window), "assessment-settings"),
    ]
    dialogs.append((_unqualified_appraisal(workspace, window), "appraisal"))
    pdf = tmp_path / "minutes.pdf"
    with workspace.unit_of_work() as uow:
        meeting_documents.write_minutes(uow, meeting_id, pdf)
    dialogs.append((PdfPrintPreviewDialog(PdfPages.load(pdf), window, title="会议记录"),
                    "print-preview"))
    for dialog, name in dialogs:
        if dialog is None:
            continue
        check(dialog, name)
        dialog.close()


def test_the_setup_wizard_fits(qtbot: QtBot, make_workspace, check) -> None:
    wizard = SetupWizard(make_workspace())
    qtbot.addWidget(wizard)
    check(wizard, "wizard-1")
    page = wizard.currentPage()
    for edit, text in [("name_edit", "机关第一党支部"), ("code_edit", "JG-001"),
                       ("higher_org_edit", "市直机关工委"), ("secretary_edit", "王建国")]:
        getattr(page, edit).setText(text)
    wizard.next()
    check(wizard, "wizard-2")
    fields = wizard.currentPage().fields
    fields.new_edit.setText(PASSPHRASE)
    fields.confirm_edit.setText(PASSPHRASE)
    wizard.next()  # creates the database
    check(wizard, "wizard-3")


def test_the_main_window_remembers_its_geometry(
    qtbot: QtBot, workspace: Workspace, user_settings: Path
) -> None:
    QSettings().remove(GEOMETRY_KEY)  # the first start on this PC
    first = Shell(workspace).start()
    assert isinstance(first, MainWindow)
    qtbot.addWidget(first)
    assert first.isMaximized()  # a small screen
    first.showNormal()
    first.setGeometry(40, 50, 1000, 600)
    first.close()
    QSettings().sync()
    saved = b"".join(path.read_bytes() for path in user_settings.rglob("*") if path.is_file())
    assert b"geometry" in saved
    for personal in (PASSPHRASE, PROFILE.name, PROFILE.secretary):
        assert personal.encode() not in saved

    second = Shell(workspace).start()
    assert isinstance(second, MainWindow)
    qtbot.addWidget(second)
    assert not second.isMaximized()
    assert (second.width(), second.height()) == (1000, 600)


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("QT_SCALE_FACTOR") == "1.5", reason="this is the 150 % run")
def test_at_1920x1080_with_150_percent_scaling() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_XDIST_")}
    env.update(QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="1.5",
               BRANCHDESK_TEST_SCREEN="1920x1080")  # a plain pytest, also under a worker
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         str(Path(__file__)), "-k", "not 150_percent"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]


def test_offscreen_screen_is_an_office_screen() -> None:
    assert QApplication.primaryScreen().availableGeometry().width() in (1366, 1280)
    assert isinstance(QMainWindow, type)


def test_a_long_list_of_base_warnings_fits(qtbot: QtBot, window: MainWindow, check) -> None:
    window.show_page(3)
    bases = window.dues.bases_tab
    window.dues.tabs.setCurrentWidget(bases)
    qtbot.waitUntil(lambda: not bases._loading and bases.model.rowCount() > 0, timeout=30_000)
    model = bases.model
    for row in range(model.rowCount()):
        model.setData(model.index(row, BaseCol.NEW), "10.00")
    bases.save()
    assert bases.warning_box is not None
    check(bases.warning_box, "dues-base-warnings")
    bases.warning_box.reject()
    check(window, "dues-bases-with-warnings")  # the long reasons in 状态 (first look)


def test_the_second_level_dialogs_and_questions_fit(
    window: MainWindow, demo_workspace: tuple[Workspace, str], check
) -> None:
    workspace, meeting_id = demo_workspace
    today = date.today()
    with workspace.unit_of_work() as uow:
        paid = [line.member_id for line in dues.month_sheet(uow, Month.of(today))
                if line.paid and line.paid > 0]
    history = MemberDuesDialog(workspace, paid[0], parent=window)
    history.show()
    history.history.select_payment(0)
    editor = window.meetings.open_meeting(meeting_id)
    assert editor is not None
    draft = window.meetings.new_meeting()
    found: list[tuple[QWidget | None, str]] = [
        (history.history.reverse_selected(), "dues-reverse"),
        (editor.add_amendment(), "meeting-amendment"),
        (draft.ask_finalize(), "meeting-finalize-question"),
        (draft.ask_discard(), "editor-discard-question"),
        (window.settings.ask_new_recovery_code(), "settings-new-recovery-code"),
        (window.settings.ask_restore(Path("备份.zip")), "settings-restore-question"),
    ]
    for dialog, name in found:
        assert dialog is not None, name
        check(dialog, name)
        dialog.close()


def test_the_roster_import_fits(
    qtbot: QtBot, window: MainWindow, demo_workspace: tuple[Workspace, str], check,
    tmp_path: Path,
) -> None:
    workspace, _ = demo_workspace
    roster_file = tmp_path / (
        "市直机关工委机关第一党支部2026年度党员花名册"
        "（经支委会审核后的最终版本，报上级党组织备案前请勿修改其中任何内容）.xlsx"
    )
    with workspace.unit_of_work() as uow:
        roster.export_roster(uow, roster_file, date.today(), branch.load_profile(uow).name)
    dialog = RosterImportDialog(workspace, window, choose_file=lambda _parent: roster_file)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose()
    if dialog.last_task is not None:
        qtbot.waitSignal(dialog.last_task.finished, timeout=30_000).wait()
    check(dialog, "roster-import")


def test_the_opinions_dialogs_fit(window: MainWindow, check) -> None:
    window.show_page(PAGES.index("opinions"))
    settle()
    page = window.opinions
    row = next(r for r, e in enumerate(page.model.entries) if e.kind.value == "opinion")
    page.table.selectRow(row)
    found: list[tuple[QWidget | None, str]] = [
        (page.add_entry(), "opinion-new"),
        (page.edit_entry(), "opinion-edit"),
        (page.forward_entry(), "opinion-forward"),
        (page.answer_entry(), "opinion-answer"),
        (page.feedback_entry(), "opinion-feedback"),
        (page.show_attachments(), "opinion-attachments"),
        (page.hand_over(), "opinion-handover"),
        (page.edit_settings(), "opinion-settings"),
    ]
    for dialog, name in found:
        assert dialog is not None, name
        check(dialog, name)
        dialog.close()
