"""The member form's building blocks: a national code table's combo box, a field's row (entry and
message beside it), the titled grid of a group of fields (aligned across the groups), and the
watch on the entries."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.domain import codes
from ui.common import member_texts

LABEL_WIDTH = 190
"""Width of the label column (the longest label is 确定为入党积极分子日期)."""

FIELD_WIDTH = 260
"""Every entry widget is this wide, so the columns line up across the groups."""


class CodeCombo(QComboBox):
    """A national code table: shows names, holds codes; the first entry means 未填."""

    def __init__(self, table: Iterable[codes.Code], empty_text: str) -> None:
        super().__init__()
        self.addItem(empty_text, "")
        for entry in table:
            self.addItem(entry.name, entry.code)
        self.setMaxVisibleItems(20)

    def code(self) -> str:
        return str(self.currentData() or "")

    def set_code(self, code: str) -> None:
        index = self.findData(code)
        self.setCurrentIndex(max(index, 0))


@dataclass
class FieldRow:
    name: str
    widget: QWidget
    message: QLabel


def field_group(
    title: str, fields: list[tuple[str, QWidget]], rows: dict[str, FieldRow],
    extra: QLabel | None = None,
) -> QGroupBox:
    """A titled grid of ``fields`` (label, entry, message beside it), each added to ``rows``;
    ``extra`` spans the top for messages about no single field."""
    box = QGroupBox(title)
    grid = QGridLayout(box)
    grid.setColumnStretch(2, 1)
    grid.setColumnMinimumWidth(0, LABEL_WIDTH)  # the same in every group: fields align
    grid.setHorizontalSpacing(12)
    row = 0
    if extra is not None:
        grid.addWidget(extra, row, 0, 1, 3)
        row += 1
    for name, widget in fields:
        label = QLabel(QCoreApplication.translate("MemberForm", "{field}:").format(
            field=member_texts.field_label(name)))
        label.setBuddy(widget)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        widget.setFixedWidth(FIELD_WIDTH)
        message = QLabel()
        message.setWordWrap(True)
        message.setObjectName(f"message_{name}")
        grid.addWidget(label, row, 0)
        grid.addWidget(widget, row, 1)
        grid.addWidget(message, row, 2)
        rows[name] = FieldRow(name, widget, message)
        row += 1
    return box


def connect_changes(rows: dict[str, FieldRow], changed: Callable[[str], None]) -> None:
    """``changed(name)`` whenever the entry of field ``name`` changes."""
    for name, row in rows.items():
        widget = row.widget
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(lambda _t, n=name: changed(n))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _i, n=name: changed(n))
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(lambda _v, n=name: changed(n))
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(lambda n=name: changed(n))
