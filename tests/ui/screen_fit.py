"""Does a window fit the screen, and does every text fit its widget? (issue 13)

``problems(window)`` lays the window out as it is shown and returns one line per fault:

- a QLabel, QPushButton, QCheckBox or QRadioButton whose text is wider (or, word-wrapped, taller)
  than the widget, unless the widget has a tooltip that shows the whole text;
- a widget that lies partly outside its parent (squeezed out of its window), or that is smaller
  than its layout's minimum (children cut or overlapping): scroll areas may hold more than they
  show;
- a table whose columns are wider than the table (the right-hand columns cut off), or a cell in
  the rows shown whose text is elided and that has no tooltip;
- a window larger than the screen's available geometry.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTableView,
    QWidget,
)

from ui.common.screen_fit import FRAME_ALLOWANCE

SLACK = 1  # pixels of rounding allowed
CJK = 0x2E80  # from here on, characters a line may break after


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _looks_rich(text: str) -> bool:
    return "<" in text and ("</" in text or "<br" in text or text.lstrip().startswith("<"))


def _plain(text: str, label: QLabel | None = None) -> str:
    rich = label is not None and (
        label.textFormat() == Qt.TextFormat.RichText
        or (label.textFormat() == Qt.TextFormat.AutoText and _looks_rich(text))
    )
    if rich:
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _text_width(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = " “" + _plain(widget.text())[:40].replace("\n", " ") + "”"
    name = widget.objectName()
    return f"{type(widget).__name__}{'#' + name if name else ''}{text}"


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0 and widget.height() > 0


def label_fault(label: QLabel) -> str | None:
    text = _plain(label.text(), label)
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if label.toolTip():
        return None
    rect = label.contentsRect()
    margin = 2 * label.margin()
    indent = label.indent() if label.indent() > 0 else 0
    width = rect.width() - margin - indent
    height = rect.height() - margin
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return f"{_name(label)}: needs {needed}px height, has {label.height()}"
        # A single word (an unbreakable run: Chinese text breaks anywhere) wider than the label
        # is cut too.
        longest = max(
            (label.fontMetrics().horizontalAdvance(word) for word in text.split()
             if not any(ord(c) >= CJK for c in word)),
            default=0,
        )
        if longest > width + SLACK and " " in text:
            return f"{_name(label)}: a word needs {longest}px, has {width}"
        return None
    metrics = label.fontMetrics()
    needed_w = _text_width(metrics, text)
    lines = text.count("\n") + 1
    needed_h = lines * metrics.height() if lines == 1 else lines * metrics.lineSpacing()
    if needed_w > width + SLACK:
        return f"{_name(label)}: needs {needed_w}px width, has {width}"
    if needed_h > height + SLACK + 2:
        return f"{_name(label)}: needs {needed_h}px height, has {height}"
    return None


def button_fault(button: QAbstractButton) -> str | None:
    text = _plain(button.text())
    if not text.strip() or button.toolTip():
        return None
    metrics = button.fontMetrics()
    needed = _text_width(metrics, text)
    style = button.style()
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        # Where the style draws the text: the button less its frame and margins.
        room = style.subElementRect(
            QStyle.SubElement.SE_PushButtonContents, option, button).width()
        if not button.icon().isNull():
            room -= button.iconSize().width() + 4
    elif isinstance(button, (QCheckBox, QRadioButton)):
        box = isinstance(button, QCheckBox)
        metric = QStyle.PixelMetric
        indicator = style.pixelMetric(
            metric.PM_IndicatorWidth if box else metric.PM_ExclusiveIndicatorWidth, None, button)
        spacing = style.pixelMetric(
            metric.PM_CheckBoxLabelSpacing if box else metric.PM_RadioButtonLabelSpacing,
            None, button)
        room = button.contentsRect().width() - indicator - spacing
    else:
        return None
    if needed > room + SLACK:
        return f"{_name(button)}: needs {needed}px width, has {room}"
    return None


def table_fault(view: QTableView) -> str | None:
    header: QHeaderView = view.horizontalHeader()
    if header.isHidden() or view.model() is None or view.model().columnCount(QModelIndex()) == 0:
        return None
    needed = header.length()
    room = view.viewport().width()
    if needed > room + SLACK:
        hidden = [
            str(view.model().headerData(c, Qt.Orientation.Horizontal))
            for c in range(view.model().columnCount(QModelIndex()))
            if not header.isSectionHidden(c)
            and header.sectionViewportPosition(c) + header.sectionSize(c) > room + SLACK
        ]
        return f"{_name(view)}: columns {needed}px wide in {room}px; cut: {', '.join(hidden)}"
    return None


def cell_faults(view: QTableView, limit: int = 5) -> list[str]:
    """Cells (in the rows shown) whose text is cut to "…" and that have no tooltip."""
    model = view.model()
    if model is None or model.rowCount(QModelIndex()) == 0:
        return []
    metrics = view.fontMetrics()
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    first = max(view.rowAt(0), 0)
    last = view.rowAt(view.viewport().height() - 1)
    last = model.rowCount(QModelIndex()) - 1 if last < 0 else last
    found: list[str] = []
    for row in range(first, last + 1):
        if view.isRowHidden(row):
            continue
        wrapped = view.wordWrap() and view.rowHeight(row) >= 2 * metrics.lineSpacing()
        for column in range(model.columnCount(QModelIndex())):
            if view.isColumnHidden(column) or view.columnSpan(row, column) > 1:
                continue
            index = model.index(row, column)
            text = model.data(index, Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text or wrapped:
                continue
            if model.data(index, Qt.ItemDataRole.ToolTipRole):
                continue
            extra = 0 if model.data(index, Qt.ItemDataRole.DecorationRole) is None else 20
            needed = _text_width(metrics, text) + margin + extra
            if needed > view.columnWidth(column) + SLACK:
                header = model.headerData(column, Qt.Orientation.Horizontal)
                found.append(f"{_name(view)} cell ({row}, {header}) “{text[:30]}” needs "
                             f"{needed}px, has {view.columnWidth(column)}, no tooltip")
                if len(found) >= limit:
                    return found
    return found


def _in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return parent is not None and isinstance(parent.parentWidget(), QAbstractScrollArea) and (
        parent is parent.parentWidget().viewport()  # type: ignore[attr-defined]
    )


def position_fault(widget: QWidget) -> str | None:
    parent = widget.parentWidget()
    if parent is None or widget.isWindow() or _in_scroll_area(widget):
        return None
    if isinstance(parent, QAbstractItemView) and widget is not parent.viewport():
        return None  # editors and index widgets scroll with their view
    inside = parent.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK)
    if not inside.contains(widget.geometry()):
        g = widget.geometry()
        return (f"{_name(widget)} at ({g.x()},{g.y()} {g.width()}x{g.height()}) lies outside "
                f"{_name(parent)} ({parent.width()}x{parent.height()})")
    return None


def squeeze_fault(widget: QWidget) -> str | None:
    """A widget smaller than its layout's minimum: the layout overlaps or cuts its children."""
    layout = widget.layout()
    if layout is None:
        return None
    minimum = layout.totalMinimumSize()
    if minimum.width() > widget.width() + SLACK or minimum.height() > widget.height() + SLACK:
        return (f"{_name(widget)} is {widget.width()}x{widget.height()}, its contents need "
                f"{minimum.width()}x{minimum.height()}")
    return None


def window_fault(window: QWidget, available: QRect) -> str | None:
    # Offscreen windows have a thin frame: allow for the title bar and border a desktop draws.
    frame = window.frameGeometry()
    if not window.isMaximized():
        frame = QRect(frame.topLeft(), window.size() + FRAME_ALLOWANCE)
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    if window.layout() is not None:
        minimum = minimum.expandedTo(window.layout().totalMinimumSize())
    if (frame.width() > available.width() or frame.height() > available.height()
            or minimum.width() > available.width() or minimum.height() > available.height()):
        return (f"window {_name(window)} {frame.width()}x{frame.height()} (minimum "
                f"{minimum.width()}x{minimum.height()}) does not fit the screen "
                f"{available.width()}x{available.height()}")
    return None


def problems(window: QWidget) -> list[str]:
    """Every fault of ``window`` (shown and laid out) as one line each."""
    settle()
    found: list[str] = []
    screen = window.screen() or QApplication.primaryScreen()
    fault = window_fault(window, screen.availableGeometry())
    if fault:
        found.append(fault)
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window) or widget.window() is not window:
            continue
        checks = [position_fault(widget), squeeze_fault(widget)]
        if isinstance(widget, QLabel):
            checks.append(label_fault(widget))
        elif isinstance(widget, (QPushButton, QCheckBox, QRadioButton)):
            checks.append(button_fault(widget))
        elif isinstance(widget, QTableView):
            checks.append(table_fault(widget))
            checks.extend(cell_faults(widget))
        found.extend(c for c in checks if c)
    return found
