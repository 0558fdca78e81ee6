"""报表: the report centre (issue 18). Every report is made here: choose it in the list and its
year or meeting, look at its pages (the real PDF, rendered off the GUI thread), and export it
(PDF; Excel where it has a workbook) or print it. Reports with charts show them beside the pages.

What each report is and how it is made: ``ui.reports.catalog``. The preview is worked out in
the background (``LatestOnly``: a newer choice supersedes an older one) in a read-only unit of
work, so that a long build never holds up a sync or a save; exporting writes the previewed PDF
bytes where the user chose, or has the report's service write its workbook; both are recorded
in the audit log. A report printing 秘密 records (the roster) asks first, as its
export always has.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.figures import Figure
from app.services import meetings, report_centre
from app.services.workspace import Workspace
from ui.common.meeting_texts import ENUM_TEXTS
from ui.common.styles import HINT_STYLE
from ui.common.tasks import (
    BackgroundTask,
    LatestOnly,
    TaskContext,
    run_in_background,
    run_quietly,
    show_error,
    show_message,
)
from ui.reports.catalog import REPORTS, Param, Report
from ui.widgets.charts import ChartWidget
from ui.widgets.printing import PdfPages, a4_printer, paint_pages
from ui.widgets.record_book import ask, ask_save_path

PREVIEW_DPI = 96.0
VIEW_TAB = 2
MEETING_DAY = Qt.ItemDataRole.UserRole + 1  # a meeting's day (ISO), beside its id
MakeView = Callable[[Workspace], QWidget]


@dataclass(frozen=True)
class Made:
    """A report made for the preview: its PDF and rendered pages, and its charts."""

    report: Report
    param: object
    pages: PdfPages
    figures: tuple[Figure, ...]


class ReportsPage(QWidget):
    def __init__(
        self, workspace: Workspace, today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.made: Made | None = None
        self.last_task: BackgroundTask | None = None
        self.file_dialog: QFileDialog | None = None
        self.question: QMessageBox | None = None
        self._latest = LatestOnly(self, self._show, self._failed)

        heading = QLabel(self.tr("Reports"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(self.tr(
            "Choose a report and its year or meeting, look at its pages, then export or print "
            "it. Exported files are written only where you choose, and every export is recorded "
            "in the audit log."))
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)

        self.report_list = QListWidget()
        for entry in REPORTS:
            item = QListWidgetItem(QCoreApplication.translate("Reports", entry.title))
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            self.report_list.addItem(item)
        self.report_list.setMinimumWidth(200)
        self.report_list.setWordWrap(True)
        self.report_list.setSpacing(2)
        self.report_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.report_list.currentRowChanged.connect(lambda _row: self._chosen())

        self.year_label = QLabel(self.tr("Year:"))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(today().year)
        self.year_spin.setKeyboardTracking(False)  # a year typed is made once, when complete
        self.year_spin.valueChanged.connect(lambda _v: self._param_changed())
        self.meeting_label = QLabel(self.tr("Meeting:"))
        self.meeting_combo = QComboBox()
        self.meeting_combo.setMinimumContentsLength(36)
        self.meeting_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.meeting_combo.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self.export_pdf_button = QPushButton(self.tr("Export PDF…"))
        self.export_xlsx_button = QPushButton(self.tr("Export Excel…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.export_pdf_button.clicked.connect(lambda: self.ask_export(pdf=True))
        self.export_xlsx_button.clicked.connect(lambda: self.ask_export(pdf=False))
        self.print_button.clicked.connect(lambda: self.ask_print())
        controls = QHBoxLayout()
        choices: tuple[QWidget, ...] = (
            self.year_label, self.year_spin, self.meeting_label, self.meeting_combo)
        for widget in choices:
            controls.addWidget(widget)
        controls.addStretch(1)
        for button in (self.export_pdf_button, self.export_xlsx_button, self.print_button):
            controls.addWidget(button)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet(HINT_STYLE)
        self.pages_widget = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages_widget)
        scroll.setStyleSheet("QScrollArea { background: #808080; }")
        self.pages_scroll = scroll
        self.charts_widget = QWidget()
        self.charts_layout = QGridLayout(self.charts_widget)
        self.chart_widgets: list[ChartWidget] = []
        charts_scroll = QScrollArea()
        charts_scroll.setWidgetResizable(True)
        charts_scroll.setWidget(self.charts_widget)
        self.charts_scroll = charts_scroll
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, self.tr("Pages"))
        self.tabs.addTab(charts_scroll, self.tr("Charts"))
        self.tabs.currentChanged.connect(lambda _index: self._lay_out_charts())
        # A report's own work (the statistics' gaps and balance, the assessment's drill-down and
        # texts) in a third tab: the shell provides the widgets (``add_view``).
        self._view_makers: dict[str, MakeView] = {}
        self.views: dict[str, QWidget] = {}
        self.view_holder = QStackedWidget()
        self.tabs.addTab(self.view_holder, self.tr("Check and submit"))

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(controls)
        right_layout.addWidget(self.status_label)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(self.report_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 800])

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        self.report_list.blockSignals(True)
        self.report_list.setCurrentRow(0)
        self.report_list.blockSignals(False)
        self._show_controls()  # the report is made when the window refreshes the page

    # ---------------------------------------------------------------- choosing
    @property
    def report(self) -> Report:
        return REPORTS[max(0, self.report_list.currentRow())]

    def choose(self, key: str) -> None:
        """Select the report ``key`` (as a click in the list does)."""
        row = next(row for row, entry in enumerate(REPORTS) if entry.key == key)
        if row == self.report_list.currentRow():
            self.refresh()
        else:
            self.report_list.setCurrentRow(row)

    def param(self) -> object:
        kind = self.report.param
        if kind is Param.YEAR:
            return self.year_spin.value()
        if kind is Param.MEETING:
            return self.meeting_combo.currentData()
        return None

    def _chosen(self) -> None:
        self._show_controls()
        self.refresh()

    def _show_controls(self) -> None:
        kind = self.report.param
        self.year_label.setVisible(kind is not Param.NONE)
        self.year_spin.setVisible(kind is not Param.NONE)
        self.meeting_label.setVisible(kind is Param.MEETING)
        self.meeting_combo.setVisible(kind is Param.MEETING)
        self.export_xlsx_button.setEnabled(self.report.xlsx is not None)
        self.tabs.setTabEnabled(1, self.report.charts)
        has_view = self.report.key in self._view_makers
        self.tabs.setTabVisible(VIEW_TAB, has_view)
        if has_view:
            self.view_holder.setCurrentWidget(self.view(self.report.key))
        if (not self.report.charts and self.tabs.currentIndex() == 1) or (
                not has_view and self.tabs.currentIndex() == VIEW_TAB):
            self.tabs.setCurrentIndex(0)

    # ---------------------------------------------------------------- a report's own work
    def add_view(self, key: str, make: MakeView) -> None:
        """The widget of report ``key``'s third tab, made on first use with the workspace."""
        self._view_makers[key] = make
        if self.report.key == key:
            self._show_controls()

    def view(self, key: str) -> QWidget:
        found = self.views.get(key)
        if found is None:
            found = self.views[key] = self._view_makers[key](self._workspace)
            self.view_holder.addWidget(found)
        return found

    def _param_changed(self) -> None:
        if self.report.param is Param.MEETING:
            self._load_meetings()
        self.refresh_preview()

    def _load_meetings(self) -> None:
        if not self._workspace.is_unlocked:
            return
        with self._workspace.unit_of_work(read_only=True) as uow:
            ids = meetings.meeting_ids(uow, meetings.MeetingFilter(year=self.year_spin.value()))
            rows = meetings.meeting_rows(uow, ids)
        self.meeting_combo.blockSignals(True)
        self.meeting_combo.clear()
        for row in rows:
            kind = QCoreApplication.translate("MemberTexts", ENUM_TEXTS[row.type])
            topic = row.topics[0] if row.topics else ""
            self.meeting_combo.addItem(
                self.tr("{day} {type} {topic}").format(
                    day=row.held_on.isoformat(), type=kind, topic=topic).strip(), row.id)
            self.meeting_combo.setItemData(self.meeting_combo.count() - 1,
                                           row.held_on.isoformat(), MEETING_DAY)
        self.meeting_combo.blockSignals(False)

    # ---------------------------------------------------------------- preview
    def refresh(self) -> None:
        """Make the chosen report again (the window calls this when the data may have changed)."""
        if self.report.param is Param.MEETING:
            self._load_meetings()
        self.refresh_preview()

    def clear(self) -> None:
        self._latest.drop()
        self.made = None
        self.meeting_combo.clear()
        self._set_pages(())
        self._set_charts(())
        for view in self.views.values():
            view.clear()  # type: ignore[attr-defined]  # the views' own (lock drops data)

    def refresh_preview(self) -> None:
        if not self._workspace.is_unlocked:
            return
        entry, param, today = self.report, self.param(), self._today()
        self.made = None
        self._set_buttons()
        if entry.param is Param.MEETING and param is None:
            self._set_pages(())
            self.status_label.setText(self.tr("No meetings were recorded in this year."))
            return
        self.status_label.setText(self.tr("Making the report…"))
        workspace = self._workspace

        def make(context: TaskContext) -> Made:
            # Read-only: the build holds no write lock (a sync or a save goes on meanwhile),
            # and the preview records nothing.
            with workspace.unit_of_work(read_only=True) as uow:
                made = entry.preview(uow, param, today)
            return Made(entry, param, PdfPages.load(made.pdf, context, PREVIEW_DPI, gray=False),
                        made.figures)

        self._latest.run(make)
        self.last_task = self._latest.task

    def _show(self, made: object) -> None:
        if not isinstance(made, Made):
            raise TypeError(made)
        self.made = made
        self._set_pages(made.pages.previews)
        self._set_charts(made.figures)
        self.status_label.setText(self.tr("{count} pages.").format(count=made.pages.count))
        self._set_buttons()

    def _failed(self, error: BaseException) -> None:
        self._set_pages(())
        self.status_label.setText(self.tr("The report could not be made."))
        show_error(self, error)

    def _set_buttons(self) -> None:
        ready = self.made is not None
        self.export_pdf_button.setEnabled(ready)
        self.print_button.setEnabled(ready)
        self.export_xlsx_button.setEnabled(ready and self.report.xlsx is not None)

    def _set_pages(self, images: Sequence[object]) -> None:
        for label in self.page_labels:
            label.deleteLater()
        self.page_labels = []
        room = self.pages_scroll.viewport().width() - 30  # a landscape page fits the width
        for image in images:
            label = QLabel()
            pixmap = QPixmap.fromImage(image)  # type: ignore[arg-type]
            if 300 < room < pixmap.width():
                pixmap = pixmap.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(pixmap)
            label.setStyleSheet("background: white;")
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)

    def _set_charts(self, drawn: Sequence[Figure]) -> None:
        for chart in self.chart_widgets:
            chart.deleteLater()
        self.chart_widgets = [ChartWidget(figure) for figure in drawn]
        self._lay_out_charts()

    def _lay_out_charts(self) -> None:
        """Two charts a row where two fit side by side, else one (a small or scaled screen
        scrolls down, never sideways)."""
        if not self.chart_widgets:
            return
        room = self.charts_scroll.viewport().width()
        wanted = self.chart_widgets[0].minimumWidth() * 2 + self.charts_layout.spacing() + 24
        columns = 2 if room >= wanted else 1
        for index, chart in enumerate(self.chart_widgets):
            self.charts_layout.removeWidget(chart)
            self.charts_layout.addWidget(chart, index // columns, index % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out_charts()

    # ---------------------------------------------------------------- export and print
    def _confirm_secret(self, then: Callable[[], None]) -> None:
        """Run ``then``, after asking when the report prints 秘密 records."""
        made = self.made
        if made is None:
            return
        count = 0
        if made.report.secret is not None:
            with self._workspace.unit_of_work(read_only=True) as uow:
                count = made.report.secret(uow, made.param)
        if not count:
            then()
            return
        self.question = ask(
            self, self.tr("Secret records"),
            self.tr("This report holds {count} secret records. A file or a paper copy leaves "
                    "the encrypted database and is marked secret on every page: keep it "
                    "accordingly.").format(count=count),
            self.tr("Continue, marked secret"), then, QMessageBox.Icon.Warning)

    def _file_name(self, made: Made, pdf: bool) -> str:
        """The report's title and its year, or its meeting's day (files of several meetings
        are told apart)."""
        title = QCoreApplication.translate("Reports", made.report.title)
        suffix = f" {made.param}" if isinstance(made.param, int) else ""
        if made.report.param is Param.MEETING:
            found = self.meeting_combo.findData(made.param)
            day = self.meeting_combo.itemData(found, MEETING_DAY) if found >= 0 else None
            suffix = f" {day}" if day else ""
        return f"{title}{suffix}.{'pdf' if pdf else 'xlsx'}"

    def ask_export(self, pdf: bool) -> None:
        made = self.made
        if made is None:
            return

        def where() -> None:
            self.file_dialog = ask_save_path(
                self, self.tr("Export report"), self._file_name(made, pdf), pdf,
                lambda path: self.export_to(path, pdf))

        self._confirm_secret(where)

    def export_to(self, path: Path, pdf: bool) -> BackgroundTask | None:
        """Write the report shown to ``path``: its PDF as previewed, or its workbook."""
        made = self.made
        if made is None:
            return None
        workspace, today = self._workspace, self._today()

        write_xlsx = made.report.xlsx
        if not pdf and write_xlsx is None:
            return None

        def export(_context: TaskContext) -> Path:
            if write_xlsx is None or pdf:
                with workspace.unit_of_work() as uow:
                    report_centre.save_pdf(uow, made.report.key, made.param, made.pages.data,
                                           path)
                    uow.commit()
            else:  # built reading only, the export recorded in a short write after
                report_centre.write_xlsx(workspace, write_xlsx, made.param, path, today)
            return path

        def done(written: object) -> None:
            show_message(self, self.tr("Saved to {file}.").format(file=written))

        self.last_task = run_in_background(
            self, export, on_success=done,
            title=self.tr("Exporting the report…"), cancellable=False)
        return self.last_task

    def ask_print(self) -> None:
        def dialog() -> None:
            printer = a4_printer()
            chooser = QPrintDialog(printer, self)
            chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            chooser.accepted.connect(lambda: self.print_to(printer))
            chooser.setWindowModality(Qt.WindowModality.WindowModal)
            chooser.show()  # not blocking (QPrintDialog.open wants a receiver and a slot)

        self._confirm_secret(dialog)

    def print_to(self, printer: QPrinter) -> bool:
        """Print the report's pages on ``printer`` (the PDF exactly, at the printer's
        resolution); the print is recorded like an export."""
        made = self.made
        if made is None:
            return False
        if not paint_pages(a4_printer(printer), made.pages):
            show_message(self, self.tr("Printing failed: the printer could not be started."))
            return False
        workspace = self._workspace

        def record(_context: TaskContext) -> None:
            with workspace.unit_of_work() as uow:
                report_centre.record_print(uow, made.report.key, made.param)
                uow.commit()

        # A write: off the GUI thread (a sync holding the database must not freeze the window).
        self.last_task = run_quietly(self, record)
        return True
