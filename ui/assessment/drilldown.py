"""The records behind one indicator: each line is a record the figure was counted from (or a
period in which a required meeting was not held); 打开 / a double click asks for the record to
be opened (``open_record(entity, id)``: the shell connects it to the record's page)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.assessment import Indicator
from app.services.assessment_report import figure, snapshot_of
from ui.assessment.texts import entity_label
from ui.widgets import record_book


class DrillDownDialog(QDialog):
    open_record = Signal(str, str)  # entity, id

    def __init__(self, indicator: Indicator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator = indicator
        self.setWindowTitle(self.tr("Records behind: {name}").format(
            name=indicator.definition.name))
        shown = figure(snapshot_of(indicator))
        self.formula_label = QLabel(self.tr(
            "{formula}\nCounted: {counted}; value {value}; target {target}.").format(
            formula=indicator.formula, counted=shown.counted, value=shown.value,
            target=shown.target))
        self.formula_label.setWordWrap(True)
        self.table = record_book.new_table(
            (self.tr("Date"), self.tr("Kind"), self.tr("Record"), self.tr("Counted as")),
            (100, 90, 320, 180), stretch=2)
        self._entities = [(r.entity, r.id) for r in indicator.records]
        record_book.fill(self.table, [
            (f"{row}", (r.on.isoformat() if r.on else "", entity_label(r.entity), r.label,
                        r.note), not r.entity)
            for row, r in enumerate(indicator.records)
        ])
        self.open_button = QPushButton(self.tr("Open the record"))
        self.open_button.clicked.connect(lambda: self.open_selected())
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.formula_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(780, 480)
        self._update_button()

    def _selected(self) -> tuple[str, str] | None:
        row = record_book.selected_id(self.table)
        return self._entities[int(row)] if row is not None else None

    def _update_button(self) -> None:
        chosen = self._selected()
        self.open_button.setEnabled(chosen is not None and bool(chosen[0]))

    def open_selected(self) -> bool:
        """Ask for the selected record to be opened (a period not held has none)."""
        chosen = self._selected()
        if chosen is None or not chosen[0]:
            return False
        self.open_record.emit(*chosen)
        return True
