"""The screen-fit checker (tests/ui/screen_fit.py) finds each kind of fault it looks for."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.screen_fit import problems
from ui.common.screen_fit import available_size, fit_to_screen

LONG = "全部按应交标记为已交并生成本月应交的收缴登记表"


def shown(qtbot: QtBot, *widgets: QWidget, width: int = 400, height: int = 300) -> QDialog:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    for widget in widgets:
        layout.addWidget(widget)
    dialog.resize(width, height)
    dialog.show()
    return dialog


def test_a_dialog_whose_texts_fit_has_no_problems(qtbot: QtBot) -> None:
    label = QLabel(LONG)
    label.setWordWrap(True)
    assert problems(shown(qtbot, QLabel("党费"), QPushButton("保存"), label)) == []


def test_clipped_label_button_and_check_box_are_found(qtbot: QtBot) -> None:
    label, button, check = QLabel(LONG), QPushButton(LONG), QCheckBox(LONG)
    for widget in (label, button, check):
        widget.setFixedWidth(120)
    found = problems(shown(qtbot, label, button, check))
    assert [line.split(" “")[0] for line in found if "needs" in line] == [
        "QLabel", "QPushButton", "QCheckBox"]


def test_an_elided_text_with_a_tooltip_is_allowed(qtbot: QtBot) -> None:
    button = QPushButton(LONG)
    button.setFixedWidth(120)
    button.setToolTip(LONG)
    assert problems(shown(qtbot, button)) == []


def test_a_word_wrapped_label_without_the_height_it_needs_is_found(qtbot: QtBot) -> None:
    label = QLabel(LONG * 3)
    label.setWordWrap(True)
    label.setFixedSize(150, 20)
    assert any("needs" in line and "height" in line for line in problems(shown(qtbot, label)))


def test_a_squeezed_layout_and_a_dialog_taller_than_the_screen_are_found(qtbot: QtBot) -> None:
    tall = QWidget()
    tall.setMinimumHeight(available_size(tall).height() + 200)
    assert any("does not fit the screen" in line for line in problems(shown(qtbot, tall)))
    box = QWidget()
    inner = QWidget()
    inner.setMinimumHeight(200)
    QVBoxLayout(box).addWidget(inner)
    box.setFixedHeight(50)
    assert any("its contents need" in line for line in problems(shown(qtbot, box)))


def test_cut_columns_and_elided_cells_are_found(qtbot: QtBot) -> None:
    view = QTableView()
    view.setWordWrap(False)
    model = QStandardItemModel()
    model.appendRow(QStandardItem(LONG))
    view.setModel(model)
    view.setColumnWidth(0, 80)
    view.setFixedWidth(120)
    dialog = shown(qtbot, view)
    assert any("no tooltip" in line for line in problems(dialog))
    view.setColumnWidth(0, 400)
    assert any("columns" in line and "wide in" in line for line in problems(dialog))


def test_fit_to_screen_bounds_a_dialog_by_the_screen(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setMinimumSize(300, 5000)
    fit_to_screen(dialog, 900, 5000)
    room = available_size(dialog)
    assert dialog.width() == 900
    assert dialog.height() == room.height()
    assert dialog.minimumHeight() == room.height()
