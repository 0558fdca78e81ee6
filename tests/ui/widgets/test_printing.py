"""Printing our PDFs through Qt's print preview: exactly the PDF's pages, at their size, not blank.

No real printer: the preview's QPrinter writes a PDF into tmp_path. A print is a raster (it holds
no text), so each printed page is rendered back and compared with the same page of the original.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from app.domain.development import Stage
from app.domain.id_numbers import check_character
from app.domain.meetings import MeetingType
from app.domain.members import BranchPost
from app.services import meeting_documents as md
from app.services import meetings as mt
from app.services import members as m
from ui.widgets.printing import PdfPages, PdfPrintPreviewDialog, open_dialogs, print_pdf

A4_POINTS = (595.28, 841.89)
CHECK_DPI = 36.0  # coarse enough to compare quickly, fine enough to see every line of text
PARAGRAPH = (
    "会议认为，支部要认真贯彻落实上级党委关于加强基层党组织建设的部署要求，结合本单位实际，"
    "进一步规范“三会一课”等组织生活制度，提高组织生活质量，发挥党员先锋模范作用。"
)


@pytest.fixture
def minutes_pdf(workspace, tmp_path) -> Path:
    """A finalized 支委会 of several pages from the services, written where a user would."""
    with workspace.unit_of_work() as uow:
        for i, (name, post) in enumerate(
            [("王建国", BranchPost.SECRETARY), ("李秀英", BranchPost.ORGANIZATION),
             ("赵志强", BranchPost.PROPAGANDA)], start=1,
        ):
            first17 = f"110105{1970 + i}0101{i:03d}"
            member_id = m.create_member(uow, m.MemberInput(
                name=name, id_number=first17 + check_character(first17), stage=Stage.FULL,
                branch_post=post), date(2026, 11, 1))
        meeting_id = mt.create_meeting(uow, mt.MeetingInput(
            type=MeetingType.COMMITTEE, held_on=date(2026, 11, 20), start_time="14:30",
            end_time="16:00", place="三楼会议室", topics=("研究发展党员工作",), host="王建国",
            recorder="李秀英", discussion="\n".join([PARAGRAPH] * 14),
            resolutions="同意将孙丽同志列为发展对象。"))
        mt.set_attendance(uow, meeting_id, member_id, mt.Attendance.LEAVE, "出差")
        path = tmp_path / "minutes.pdf"
        md.write_minutes(uow, meeting_id, path)
        uow.commit()
    return path


def gray_pages(path: Path, dpi: float = CHECK_DPI) -> list[tuple[int, int, list[bytes]]]:
    """Each page as (width, height, rows of gray pixels)."""
    pages = []
    document = pypdfium2.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            assert bitmap.mode == "L"
            data = bytes(bitmap.buffer)
            rows = [data[y * bitmap.stride: y * bitmap.stride + bitmap.width]
                    for y in range(bitmap.height)]
            pages.append((bitmap.width, bitmap.height, rows))
            bitmap.close()
            page.close()
    finally:
        document.close()
    return pages


def page_sizes(path: Path) -> list[tuple[float, float]]:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return [document[i].get_size() for i in range(len(document))]
    finally:
        document.close()


def ink(rows: list[bytes]) -> float:
    """The share of pixels that are not (nearly) white."""
    dark = sum(sum(1 for v in row if v < 200) for row in rows)
    return dark / (len(rows) * len(rows[0]))


def difference(a: list[bytes], b: list[bytes]) -> float:
    """Mean absolute difference of two same-size gray images, 0-255."""
    pairs = zip(a, b, strict=True)
    total = sum(abs(x - y) for ra, rb in pairs for x, y in zip(ra, rb, strict=True))
    return total / (len(a) * len(a[0]))


def shifted(rows: list[bytes], dx: int, dy: int) -> list[bytes]:
    """The image moved by (dx, dy) pixels, white where it moved from."""
    width, blank = len(rows[0]), b"\xff" * len(rows[0])
    moved = [rows[y - dy] if 0 <= y - dy < len(rows) else blank for y in range(len(rows))]
    if dx >= 0:
        return [b"\xff" * dx + row[: width - dx] for row in moved]
    return [row[-dx:] + b"\xff" * -dx for row in moved]


def assert_same_page(
    printed: list[bytes], original: list[bytes], others: list[list[bytes]]
) -> None:
    """``printed`` is ``original``: as much ink, in the same place (moving it by one pixel,
    0.7 mm, only makes it differ more), and closer to it than to any other page."""
    assert ink(printed) == pytest.approx(ink(original), rel=0.2)
    here = difference(printed, original)
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        assert here < difference(shifted(printed, dx, dy), original), (dx, dy)
    for other in others:
        assert here < difference(printed, other)


def test_the_preview_prints_exactly_the_pdfs_pages(qtbot, minutes_pdf, tmp_path, screenshot):
    original = gray_pages(minutes_pdf)
    assert len(original) >= 2
    pages = PdfPages.load(minutes_pdf)
    assert pages.count == len(original)

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(300)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    dialog = PdfPrintPreviewDialog(pages, None, printer, title="会议记录")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    preview = dialog.preview_widget()
    preview.updatePreview()
    assert preview.pageCount() == pages.count
    screenshot(dialog, "print_preview_minutes")

    preview.print_()
    sizes = page_sizes(printed)
    assert len(sizes) == pages.count
    for size in sizes:
        assert size == pytest.approx(A4_POINTS, abs=0.5)
    images = [rows for _w, _h, rows in original]
    for index, (width, height, rows) in enumerate(gray_pages(printed)):
        assert (width, height) == original[index][:2]
        assert ink(rows) > 0.005, f"page {index + 1} is blank"
        assert_same_page(rows, images[index], images[:index] + images[index + 1:])


def test_a_page_range_chosen_in_the_print_dialog_is_honoured(qtbot, minutes_pdf, tmp_path):
    pages = PdfPages.load(minutes_pdf)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    printed = tmp_path / "page2.pdf"
    printer.setOutputFileName(str(printed))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    dialog = PdfPrintPreviewDialog(pages, None, printer)
    qtbot.addWidget(dialog)
    dialog.preview_widget().print_()
    [(_width, _height, rows)] = gray_pages(printed)
    images = [rows for _w, _h, rows in gray_pages(minutes_pdf)]
    assert_same_page(rows, images[1], [images[0], *images[2:]])


def test_save_as_pdf_writes_the_very_file(qtbot, minutes_pdf, tmp_path):
    dialog = PdfPrintPreviewDialog(PdfPages.load(minutes_pdf.read_bytes()), None)
    qtbot.addWidget(dialog)
    copy = tmp_path / "copy.pdf"
    dialog.save_to(copy)
    assert copy.read_bytes() == minutes_pdf.read_bytes()

    saved: list[Path] = []
    dialog = PdfPrintPreviewDialog(PdfPages.load(minutes_pdf), None, save_as=saved.append)
    qtbot.addWidget(dialog)
    dialog.save_to(copy)
    assert saved == [copy]
    assert dialog.save_action.text() == "另存为 PDF…"


def test_print_pdf_renders_off_the_gui_thread_then_opens_the_preview(qtbot, minutes_pdf):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    task = print_pdf(parent, minutes_pdf, title="会议记录")
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    [dialog] = open_dialogs()
    assert dialog.pages.count == len(page_sizes(minutes_pdf))
    assert dialog.isVisible()
    dialog.close()
