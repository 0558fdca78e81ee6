"""Print a PDF we produced (minutes, sign-in sheets) through Qt's print dialog, with preview.

What prints is exactly the PDF's pages: each page is rasterized by PDFium (``pypdfium2``) and drawn
at its physical size from the top-left corner of the paper (full-page mode, A4 portrait by
default), so an A4 page of the PDF covers an A4 sheet one to one — no fitting, no margins added by
Qt. Pages are rendered in gray (the documents are black on white), at the printer's resolution
capped at ``MAX_PRINT_DPI`` (enough for text; 600 dpi A4 in gray is 35 MB a page).

Work happens where Qt allows: ``print_pdf`` reads the file and renders the preview images on a
background thread (``run_in_background``), then opens the preview dialog, whose paint handler
only draws those images. When the user prints, Qt calls the same handler on the GUI thread for
the real printer; each page is then rendered at the printer's resolution, one at a time, so
memory holds one page. PDFium is not thread-safe: every call into it holds ``_PDFIUM``.

"Save as PDF…" in the preview's tool bar writes the very PDF (not a re-rendering) where the user
chooses, or hands the chosen path to the caller's ``save_as`` (which writes and audits it through
a service).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pypdfium2
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog, QToolBar, QWidget

from app.errors import BranchDeskError, CancelledError, FileAccessError
from app.files import write_atomically
from ui.common.screen_fit import fit_to_screen
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background, show_error, show_message

log = logging.getLogger(__name__)

PREVIEW_DPI = 150.0  # the images the preview shows (rendered once, off the GUI thread)
MAX_PRINT_DPI = 600.0
POINTS_PER_INCH = 72.0

_PDFIUM = threading.Lock()  # PDFium must not be entered from two threads at once

SaveAs = Callable[[Path], None]


@dataclass(frozen=True)
class PdfPages:
    """A PDF to print: its bytes, each page's size in points, and the preview images."""

    data: bytes
    sizes: tuple[tuple[float, float], ...]  # (width, height) in PDF points (1/72 inch)
    previews: tuple[QImage, ...]

    @property
    def count(self) -> int:
        return len(self.sizes)

    @classmethod
    def load(
        cls,
        pdf: Path | bytes,
        context: TaskContext | None = None,
        preview_dpi: float = PREVIEW_DPI,
        gray: bool = True,
    ) -> PdfPages:
        """Read ``pdf`` (a path or the bytes) and render every page for the preview (in gray, as
        it prints, unless not ``gray``: the report centre shows its charts' colours). Runs on any
        thread; raises ``FileAccessError`` for a file that cannot be read and ``CancelledError``
        when ``context`` was cancelled."""
        if isinstance(pdf, Path):
            try:
                data = pdf.read_bytes()
            except OSError as error:
                raise FileAccessError.from_os_error(pdf, error) from error
        else:
            data = bytes(pdf)
        sizes: list[tuple[float, float]] = []
        previews: list[QImage] = []
        with _PDFIUM:
            document = pypdfium2.PdfDocument(data)
            try:
                total = len(document)
                for index in range(total):
                    if context is not None and context.cancelled():
                        raise CancelledError()
                    page = document[index]
                    try:
                        sizes.append((page.get_width(), page.get_height()))
                        previews.append(_rasterize(page, preview_dpi, gray))
                    finally:
                        page.close()
                    if context is not None:
                        context.progress(index + 1, total)
            finally:
                document.close()
        return cls(data, tuple(sizes), tuple(previews))

    def render(self, index: int, dpi: float) -> QImage:
        """Page ``index`` rendered at ``dpi`` (in gray)."""
        with _PDFIUM:
            document = pypdfium2.PdfDocument(self.data)
            try:
                page = document[index]
                try:
                    return _rasterize(page, dpi)
                finally:
                    page.close()
            finally:
                document.close()


def _rasterize(page: pypdfium2.PdfPage, dpi: float, gray: bool = True) -> QImage:
    bitmap = page.render(scale=dpi / POINTS_PER_INCH, grayscale=gray, optimize_mode="print")
    try:
        formats = {"L": QImage.Format.Format_Grayscale8, "BGRX": QImage.Format.Format_RGB32,
                   "BGRA": QImage.Format.Format_ARGB32, "BGR": QImage.Format.Format_BGR888}
        image = QImage(
            bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, formats[bitmap.mode]
        )
        return image.copy()  # own the pixels: the bitmap's buffer is freed below
    finally:
        bitmap.close()


def a4_printer(printer: QPrinter | None = None) -> QPrinter:
    """``printer`` (or a new high-resolution one) set up for our documents: A4 portrait, full
    page (the painter's origin is the paper's corner; the PDF carries its own margins)."""
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    return printer


def paint_pages(printer: QPrinter, pages: PdfPages) -> bool:
    """Draw ``pages`` onto ``printer``: the preview images while Qt builds a preview, pages
    rendered at the printer's resolution when it prints for real. Honours a page range chosen
    in the print dialog. Returns False when the printer could not be started."""
    engine = printer.paintEngine()
    preview = engine is not None and engine.type() == QPaintEngine.Type.Picture
    resolution = printer.resolution()
    dpi = min(float(resolution), MAX_PRINT_DPI)
    first, last = 0, pages.count - 1
    if not preview and printer.fromPage() > 0:
        first = printer.fromPage() - 1
        last = min(last, max(first, printer.toPage() - 1))
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        # A PDF printer (every print on Linux goes through one) would store the pages as JPEG:
        # text would print with compression artefacts.
        painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
        for index in range(first, last + 1):
            if index > first:
                printer.newPage()
            width, height = pages.sizes[index]
            scale = resolution / POINTS_PER_INCH  # points → device pixels, physical size
            target = QRectF(0.0, 0.0, width * scale, height * scale)
            image = pages.previews[index] if preview else pages.render(index, dpi)
            painter.drawImage(target, image)
    finally:
        painter.end()
    return True


class PdfPrintPreviewDialog(QPrintPreviewDialog):
    """Qt's print preview of a PDF's pages, with "Save as PDF…" in its tool bar."""

    def __init__(
        self,
        pages: PdfPages,
        parent: QWidget | None = None,
        printer: QPrinter | None = None,
        title: str = "",
        save_as: SaveAs | None = None,
    ) -> None:
        self._printer = a4_printer(printer)
        super().__init__(self._printer, parent)
        self.pages = pages
        self._save_as = save_as
        if title:
            self._printer.setDocName(title)
            self.setWindowTitle(self.tr("Print preview: {title}").format(title=title))
        self.paintRequested.connect(self._paint)
        self.save_action = QAction(self.tr("Save as PDF…"), self)
        self.save_action.setToolTip(self.tr("Save this document as a PDF file"))
        self.save_action.triggered.connect(self._ask_where_to_save)
        toolbar: QToolBar | None = self.findChild(QToolBar)  # Qt's own tool bar
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.save_action)
        fit_to_screen(self, 900, 1000)

    def preview_widget(self) -> QPrintPreviewWidget:
        """The page view inside Qt's dialog (tests drive it: ``updatePreview``, ``print_``)."""
        # Qt's dialog always has one (the stubs say "or None").
        return cast(QPrintPreviewWidget, self.findChild(QPrintPreviewWidget))

    def save_to(self, path: Path) -> None:
        """Write the PDF to ``path`` (through the caller's ``save_as`` when given)."""
        if self._save_as is not None:
            self._save_as(path)
            return
        try:
            write_atomically(path, self.pages.data)
        except OSError as error:
            raise FileAccessError.from_os_error(path, error) from error

    def _paint(self, printer: QPrinter) -> None:
        if not paint_pages(printer, self.pages):
            log.warning("the printer could not be started")
            show_message(
                self, self.tr("Printing failed: the printer could not be started."),
            )

    def _ask_where_to_save(self) -> None:
        name = (self._printer.docName() or self.tr("document")) + ".pdf"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), name, self.tr("PDF files (*.pdf)")
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            self.save_to(path)
        except BranchDeskError as error:
            show_error(self, error)
            return
        show_message(self, self.tr("Saved to {file}.").format(file=path))


def print_pdf(
    parent: QWidget,
    pdf: Path | bytes,
    title: str = "",
    save_as: SaveAs | None = None,
) -> BackgroundTask:
    """Show the print preview of ``pdf`` (a file we produced, or its bytes — e.g.
    ``meeting_documents.minutes_pdf``, so nothing lands in a temporary file).

    The pages are rendered for the preview off the GUI thread; the dialog then opens window-modal
    and deletes itself when closed. ``title`` names the print job and the window (no personal
    data: it may appear in the printer queue). ``save_as(path)``, when given, writes the
    document for "Save as PDF…" (e.g. a service that records the export); otherwise the bytes
    are copied. Returns the background task (tests wait for its ``finished``)."""

    def opened(result: PdfPages) -> None:
        dialog = PdfPrintPreviewDialog(result, parent, title=title, save_as=save_as)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()

    return run_in_background(
        parent,
        lambda context: PdfPages.load(pdf, context),
        on_success=opened,
        title=QCoreApplication.translate("Printing", "Preparing the print preview…"),
    )


def open_dialogs() -> Sequence[PdfPrintPreviewDialog]:
    """The preview dialogs open now (for tests)."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPrintPreviewDialog)]
