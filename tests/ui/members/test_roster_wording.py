"""Roster import wording: the cell's value in the message, a refused import's counts as what a
corrected file would do, and the blank template from the import dialog (issue 13)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from tests.integration.services.test_roster_import import TODAY, good_rows, write
from tests.ui.members.test_roster_io import wait
from ui.members.roster_io import RosterImportDialog


def test_a_refused_import_names_values_and_says_what_a_corrected_file_would_do(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    rows = good_rows()
    rows[1][7] = "1985.13.01"  # 入党时间
    path = write(tmp_path / "名册.xlsx", rows)
    dialog = RosterImportDialog(workspace, None, choose_file=lambda _parent: path,
                                today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    wait(qtbot, dialog)

    reasons = [dialog.table.item(r, 5).text() for r in range(dialog.table.rowCount())]
    assert "“1985.13.01”不是日期" in reasons
    summary = dialog.summary.text()
    assert "如改正后导入，将新增 4 人" in summary
    assert "：新增" not in summary  # never "新增 4 人" as if it had happened
    assert not dialog.import_button.isEnabled()


def test_export_the_blank_template(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "模板.xlsx"
    asked: list[str] = []

    def choose_target(_parent, suggested: str) -> Path:
        asked.append(suggested)
        return target

    dialog = RosterImportDialog(workspace, None, today=lambda: TODAY,
                                choose_template_target=choose_target)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.template_button.text() == "导出空白模板…"
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    wait(qtbot, dialog)
    assert asked == ["党员花名册模板.xlsx"]
    assert "空白模板已保存到" in dialog.summary.text()
    book = load_workbook(target, read_only=True)
    rows = list(book.active.iter_rows(min_row=3, max_row=4, values_only=True))
    book.close()
    assert rows[0][:3] == ("序号", "姓名", "性别")
    assert rows[1][:3] == ("示例", "张三", "男")
