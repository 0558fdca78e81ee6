"""Screenshots of the real program for docs/用户指南.md, written to docs/images/*.png.

    .venv/bin/python tools/user_guide_screenshots.py [--out docs/images]

Drives the real widgets offscreen over demo data (app.services.demo.populate, plus a meeting and a
month of dues made through the services) in a temporary data folder: the setup wizard, the lock
screen, the member list and form, the roster import, a meeting, the minutes PDF, the monthly dues
entry, the talks and the 整改 ledger, the report centre, and the backup settings. Each image is
1100x700 (the PDF page is smaller) and compressed.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

from PySide6.QtCore import QBuffer, QEventLoop, QIODevice, QTimer, SignalInstance  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.domain.calendar import Month  # noqa: E402
from app.domain.meetings import MeetingType  # noqa: E402
from app.services import branch, demo, dues, meeting_documents, meetings, roster  # noqa: E402
from app.services import members as m  # noqa: E402
from app.services.workspace import BranchProfile, Workspace  # noqa: E402
from main import OsKeyring  # noqa: E402
from ui.members.roster_io import RosterImportDialog  # noqa: E402
from ui.shell.app import configure_application  # noqa: E402
from ui.shell.main_window import MainWindow  # noqa: E402
from ui.shell.pages import PAGES  # noqa: E402
from ui.shell.setup_wizard import SetupWizard  # noqa: E402

SIZE = (1100, 700)
PASSPHRASE = "guide passphrase 2026"  # noqa: S105 - sample data
PROFILE = BranchProfile("机关第一党支部", "JG-001", "市直机关工委", "王建国")


def settle(ms: int = 150) -> None:
    """Let layouts, lazy model loads and paint events run."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(signal: SignalInstance, timeout_ms: int = 30_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


class Shooter:
    def __init__(self, out: Path) -> None:
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self.written: list[Path] = []

    def __call__(self, widget: QWidget, name: str, size: tuple[int, int] | None = SIZE) -> None:
        if size is not None:
            widget.resize(*size)
        widget.show()
        settle()
        self.save(widget.grab().toImage(), name)

    def save(self, image: QImage, name: str) -> None:
        path = self.out / f"{name}.png"
        # Small files: 256 colours without dithering (Pillow), so flat backgrounds stay flat.
        from PIL import Image

        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise SystemExit(f"could not render {name}")
        with Image.open(io.BytesIO(buffer.data().data())) as picture:
            picture.convert("RGB").quantize(256, dither=Image.Dither.NONE).save(
                path, optimize=True)
        self.written.append(path)


def sample_records(workspace: Workspace, today: date) -> str:
    """Demo members, dues bases and a generated month, and a finalized 支委会 with attendance."""
    with workspace.unit_of_work() as uow:
        demo.populate(uow, today, count=60)
        uow.commit()
    month = Month(today.year, today.month)
    with workspace.unit_of_work() as uow:
        ids = m.member_ids(uow, m.MemberFilter())
        rows = m.member_rows(uow, ids)
        committee = [r for r in rows if r.branch_post.value] or rows[:5]
        for i, member_id in enumerate(ids):
            dues.set_base(uow, member_id, Month(today.year, 1), Decimal(3000 + (i * 137) % 6000))
        uow.commit()
    with workspace.unit_of_work() as uow:
        dues.generate_month(uow, month)
        uow.commit()
    with workspace.unit_of_work() as uow:
        due = {line.member_id: line for line in dues.month_sheet(uow, month)}
        for member_id in list(due)[: len(due) // 2]:
            line = due[member_id]
            if line.due is not None and line.due > 0:
                dues.record_payment(uow, member_id, today, [month], line.due)
        uow.commit()
    held_on = today - timedelta(days=3)
    with workspace.unit_of_work() as uow:
        names = [r.name for r in committee]
        meeting_id = meetings.create_meeting(uow, meetings.MeetingInput(
            type=MeetingType.COMMITTEE, held_on=held_on, start_time="14:30", end_time="16:00",
            place="机关三楼会议室", topics=("研究下月主题党日安排", "讨论发展对象人选"),
            host=names[0], recorder=names[1] if len(names) > 1 else names[0],
            discussion="与会委员逐项讨论了主题党日的内容和分工。",
            resolutions="下月主题党日赴革命纪念馆开展现场教学。\n同意将两名入党积极分子列为发展对象。",
        ))
        attendees = meetings.expected_attendee_ids(uow, MeetingType.COMMITTEE, held_on)
        if attendees:
            meetings.set_attendance(uow, meeting_id, attendees[-1], meetings.Attendance.ABSENT,
                                    "外出学习")
        meetings.finalize(uow, meeting_id, today)
        uow.commit()
    return meeting_id


def run(out: Path) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not isinstance(app, QApplication):
        raise SystemExit("a QCoreApplication is already running")
    configure_application(app)
    shoot = Shooter(out)
    today = date.today()
    with tempfile.TemporaryDirectory(prefix="branchdesk-guide-") as folder:
        workspace = Workspace(Path(folder) / "data", keyring=OsKeyring())

        wizard = SetupWizard(workspace)
        shoot(wizard, "01-setup-wizard")
        wizard.hide()
        wizard.deleteLater()

        workspace.create(PROFILE, PASSPHRASE)
        meeting_id = sample_records(workspace, today)
        roster_file = Path(folder) / "花名册.xlsx"
        with workspace.unit_of_work() as uow:
            roster.export_roster(uow, roster_file, today, branch.load_profile(uow).name)
            pdf = Path(folder) / "会议记录.pdf"
            meeting_documents.write_minutes(uow, meeting_id, pdf)
            uow.commit()
        workspace.lock()

        window = MainWindow(workspace)
        shoot(window, "02-unlock")
        window.unlock_panel.passphrase_edit.setText(PASSPHRASE)
        unlocking = window.unlock_panel.try_unlock()  # the key is worked out off the GUI thread
        if unlocking is not None:
            wait_for(unlocking.finished)
        if window.dashboard.arrears.busy:  # worked out off the GUI thread
            wait_for(window.dashboard.arrears.loaded)
        settle(400)
        shoot(window, "03-dashboard")

        window.show_page(1)
        shoot(window, "04-members")
        window.members.table.selectRow(0)
        form = window.members.edit_member()
        if form is not None:
            shoot(form, "05-member-form", (900, 700))
            form.reject()

        dialog = RosterImportDialog(workspace, window, choose_file=lambda _parent: roster_file)
        dialog.show()
        dialog.choose()
        if dialog.last_task is not None:
            wait_for(dialog.last_task.finished)
        shoot(dialog, "06-roster-import", (1000, 640))
        dialog.reject()

        window.show_page(2)
        window.meetings.refresh()
        window.meetings.select_meeting(meeting_id)
        shoot(window, "07-meetings")
        editor = window.meetings.open_meeting(meeting_id)
        if editor is not None:
            shoot(editor, "08-meeting-editor", (1000, 700))
            editor.close()
        shoot.save(_pdf_page(pdf), "09-minutes-pdf")

        window.show_page(3)
        settle(400)  # the month tab opens on the current month, generated in sample_records
        shoot(window, "10-dues-month")

        window.show_page(PAGES.index("talks"))
        settle()
        shoot(window, "12-talks")
        window.show_page(PAGES.index("rectification"))
        settle()
        shoot(window, "13-rectification")
        _appraisal(window, shoot, today)
        window.show_page(PAGES.index("opinions"))
        settle()
        shoot(window, "14-opinions")
        _reports(window, shoot)

        window.show_page(PAGES.index("settings"))
        settings = window.settings
        settle()
        settings._scroll.ensureWidgetVisible(settings.backup_button)
        shoot(window, "11-settings-backup")
        window.close()
        workspace.lock()
    return shoot.written


def _reports(window: MainWindow, shoot: Shooter) -> None:
    """报表: the 年度图表 report, its pages and its charts."""
    window.show_page(PAGES.index("reports"))
    reports = window.reports
    reports.choose("year_charts")
    while reports.made is None or reports.made.report.key != "year_charts":
        if reports.last_task is not None:
            wait_for(reports.last_task.finished)
        settle()
    shoot(window, "15-reports")
    reports.tabs.setCurrentIndex(1)
    shoot(window, "16-reports-charts")


def _appraisal(window: MainWindow, shoot: Shooter, today: date) -> None:
    """民主评议: last year's (the demo's), and the 不合格 member's record."""
    window.show_page(PAGES.index("appraisal"))
    page = window.appraisal
    page.year.setValue(today.year - 1)
    settle()
    shoot(window, "30-appraisal")
    for row in range(page.table.rowCount()):
        item = page.table.item(row, 4)
        if item is not None and item.text() == "不合格":
            page.table.setCurrentCell(row, 0)
            dialog = page.edit_current()
            if dialog is not None:
                shoot(dialog, "31-appraisal-dialog", None)
                dialog.close()
            break


def _pdf_page(pdf: Path) -> QImage:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        bitmap = document[0].render(scale=100 / 72)
        width, height = bitmap.width, bitmap.height
        data = bytes(bitmap.buffer)
        stride = bitmap.stride
        fmt = QImage.Format.Format_BGR888 if bitmap.n_channels == 3 else \
            QImage.Format.Format_ARGB32
        return QImage(data, width, height, stride, fmt).copy()
    finally:
        document.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args()
    for path in run(args.out):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
