"""``EditorDialog``: a dialog holding typed work, which closing (取消, Esc or the window's close
button) does not throw away without asking 放弃修改 / 继续编辑 (继续编辑 is the default).

What counts as typed: the values of the dialog's input fields differ from those it was first
shown with (a subclass with more to lose, e.g. a table, overrides ``has_unsaved_work``). It also
offers ``UnsavedWork`` (ui/shell/unsaved_work.py), so the question before quitting lists it. A
hidden (parked) dialog closes without asking: only the program closes those.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)


def typed_values(root: QWidget) -> tuple[object, ...]:
    """What the input fields under ``root`` hold, in a fixed order."""
    values: list[object] = []
    for widget in cast("list[QWidget]", root.findChildren(QWidget)):
        if isinstance(widget, QLineEdit):
            if not isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
                values.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            values.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            values.append((widget.currentIndex(), widget.currentText()))
        elif isinstance(widget, QAbstractSpinBox):
            values.append(widget.text())
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            values.append(widget.isChecked())
    return tuple(values)


class EditorDialog(QDialog):
    """Asks before closing with typed work; ``discard_box`` is the question while it is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clean: tuple[object, ...] | None = None
        self.discard_box: QMessageBox | None = None

    def mark_clean(self) -> None:
        """The fields' present values are the ones closing may throw away without asking."""
        self._clean = typed_values(self)

    def has_unsaved_work(self) -> bool:
        return self._clean is not None and typed_values(self) != self._clean

    def unsaved_work_title(self) -> str:
        return self.windowTitle()

    def save_unsaved_work(self) -> bool:
        """Save what is typed: True when saved (the dialog then closes)."""
        raise NotImplementedError

    def reject(self) -> None:
        if self.isVisible() and self.has_unsaved_work():
            self.ask_discard()
            return
        super().reject()

    def ask_discard(self) -> QMessageBox:
        """放弃修改 / 继续编辑, without blocking; the dialog closes only on 放弃修改."""
        if self.discard_box is not None:
            self.discard_box.activateWindow()
            return self.discard_box
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.windowTitle(),
            self.tr("What was typed here is not saved. Discard it and close?"),
            QMessageBox.StandardButton.NoButton, self,
        )
        discard = box.addButton(self.tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setProperty("closes_on_lock", True)  # locking keeps the editor, as if 继续编辑
        box.finished.connect(lambda _result: self._discard_answered(box, discard))
        self.discard_box = box
        box.open()
        return box

    def _discard_answered(self, box: QMessageBox, discard: QAbstractButton) -> None:
        self.discard_box = None
        if box.clickedButton() is discard:
            super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        if self._clean is None:
            self.mark_clean()
        super().showEvent(event)
